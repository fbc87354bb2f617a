/**
 * The glyphs of a paragraph in flat, growable typed arrays (font as an index into a small
 * table): one paragraph of 100 000 characters would otherwise make 100 000 small objects
 * before a single line is chosen.
 */
import type { FontHandle } from '../font/types.js';
import type { Alloc } from '../text/alloc.js';

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
    const g = <T extends Uint16Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => { const b = make(c); b.set(a); return b; };
    this.font = g(this.font, (k) => new Uint16Array(k));
    this.id = g(this.id, (k) => new Int32Array(k));
    this.adv = g(this.adv, (k) => new Float64Array(k));
    this.dx = g(this.dx, (k) => new Float64Array(k));
    this.start = g(this.start, (k) => new Int32Array(k));
    this.end = g(this.end, (k) => new Int32Array(k));
  }
}
