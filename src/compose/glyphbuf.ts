/**
 * The glyphs of a paragraph in flat, growable typed arrays (font as an index into a small
 * table): one paragraph of 100 000 characters would otherwise make 100 000 small objects
 * before a single line is chosen.
 */
import type { FontHandle } from '../font/types.js';
import { type Alloc, grown } from '../text/alloc.js';

export class GlyphBuffer {
  length = 0;
  fonts: FontHandle[] = [];
  font: Uint16Array;
  id: Int32Array;
  /** Own advance (PDF width) and pen offset from the unit's cell start, pt. */
  adv: Float64Array;
  dx: Float64Array;
  /** Source range of the characters the glyph stands for. */
  start: Int32Array;
  end: Int32Array;

  constructor(capacity: number, al: Alloc) {
    const c = Math.max(16, capacity);
    this.font = al.u16(c);
    this.id = al.i32(c);
    this.adv = al.f64(c);
    this.dx = al.f64(c);
    this.start = al.i32(c);
    this.end = al.i32(c);
  }

  fontIndex(f: FontHandle): number {
    const i = this.fonts.indexOf(f);
    if (i >= 0) return i;
    this.fonts.push(f);
    return this.fonts.length - 1;
  }

  push(font: number, id: number, adv: number, dx: number, start: number, end: number): void {
    if (this.length === this.id.length) this.grow();
    const i = this.length++;
    this.font[i] = font; this.id[i] = id; this.adv[i] = adv; this.dx[i] = dx; this.start[i] = start; this.end[i] = end;
  }

  private grow(): void {
    const c = this.id.length * 2;
    this.font = grown(this.font, c);
    this.id = grown(this.id, c);
    this.adv = grown(this.adv, c);
    this.dx = grown(this.dx, c);
    this.start = grown(this.start, c);
    this.end = grown(this.end, c);
  }
}
