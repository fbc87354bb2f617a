/**
 * A run of glyphs in one font, size and style, stored by column: pen origins, advances, and
 * each glyph's id with the place of its characters in a source string, packed into one number.
 * A laid-out issue keeps every run of every page until the PDF is written, so one object per
 * glyph (with its numbers boxed and its own string) made memory grow with the page count at
 * some 110 bytes a glyph; these columns take 24, and the runs of one paragraph share its text
 * instead of holding a string per glyph.
 *
 * `glyphs` gives the familiar one-object-per-glyph view, built afresh on each call: for tests,
 * diagnostics and code that is not on a hot path.
 */
import type { FontHandle } from '../font/types.js';

export interface PlacedGlyph {
  /** Glyph id in the run's font. */
  id: number;
  /** The source characters this glyph stands for (text extraction, ToUnicode). */
  text: string;
  /**
   * Pen origin, pt, from the left edge of the measure (alignment and indent included).
   * A half-width opening mark at a line start has a negative origin: its blank half hangs
   * outside, its ink starts at 0.
   */
  x: number;
  /** The glyph's own advance in the font at this size, pt (what the PDF's W array says). */
  advance: number;
}

/**
 * A glyph's id, where its characters start in the source and how many there are, in one
 * number: id (16 bits) · length (8 bits) · start (29 bits), 53 bits in all, exact in a double.
 * An issue file is at most a few MB, far below 2^29 characters; a cluster of 255 characters or
 * more (no script needs one, but a file may hold one) keeps its end in `longEnds`.
 */
const START_BITS = 2 ** 29;
const LONG = 255;

export class GlyphRun {
  #packed: number[] = [];
  /** Pen origin of each glyph (see PlacedGlyph.x). */
  xs: number[] = [];
  advances: number[] = [];
  #longEnds?: Map<number, number>;
  tag?: string;

  /** `source`: the string the glyphs' characters are taken from (a paragraph's text, shared). */
  constructor(readonly font: FontHandle, readonly size: number, public source: string, tag?: string) {
    if (tag !== undefined) this.tag = tag;
  }

  /** A run of the given glyphs, their characters gathered into a source of its own. */
  static of(font: FontHandle, size: number, glyphs: readonly PlacedGlyph[], tag?: string): GlyphRun {
    const run = new GlyphRun(font, size, glyphs.map((g) => g.text).join(''), tag);
    let at = 0;
    for (const g of glyphs) {
      run.push(g.id, at, at + g.text.length, g.x, g.advance);
      at += g.text.length;
    }
    return run.seal();
  }

  /**
   * Drop the spare room the columns grew while glyphs were pushed (up to half their length
   * again): a run kept for the rest of the build should hold its glyphs and no more.
   */
  seal(): this {
    this.#packed = this.#packed.slice();
    this.xs = this.xs.slice();
    this.advances = this.advances.slice();
    return this;
  }

  get length(): number {
    return this.#packed.length;
  }

  push(id: number, start: number, end: number, x: number, advance: number): void {
    if (!(id >= 0 && id < 65536 && start >= 0 && start < START_BITS && end >= start)) {
      throw new RangeError(`glyph ${id} at ${start}–${end} cannot be stored`);
    }
    let length = end - start;
    if (length >= LONG) {
      (this.#longEnds ??= new Map()).set(this.#packed.length, end);
      length = LONG;
    }
    this.#packed.push((id * 256 + length) * START_BITS + start);
    this.xs.push(x);
    this.advances.push(advance);
  }

  /** Glyph id of glyph `i` in the run's font. */
  idAt(i: number): number {
    return Math.floor(this.#packed[i] / (START_BITS * 256));
  }

  /** Where the characters of glyph `i` start and end in `source`. */
  startAt(i: number): number {
    return this.#packed[i] % START_BITS;
  }

  endAt(i: number): number {
    const length = Math.floor(this.#packed[i] / START_BITS) % 256;
    return length === LONG ? this.#longEnds!.get(i)! : this.startAt(i) + length;
  }

  /** The characters glyph `i` stands for. */
  textOf(i: number): string {
    return this.source.slice(this.startAt(i), this.endAt(i));
  }

  glyphAt(i: number): PlacedGlyph {
    return { id: this.idAt(i), text: this.textOf(i), x: this.xs[i], advance: this.advances[i] };
  }

  /** Every glyph as an object of its own (a new array on each call). */
  get glyphs(): PlacedGlyph[] {
    const out: PlacedGlyph[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.glyphAt(i));
    return out;
  }

  /** A copy with each origin replaced by `f(x, i)`. */
  withXs(f: (x: number, i: number) => number): GlyphRun {
    const run = new GlyphRun(this.font, this.size, this.source, this.tag);
    for (let i = 0; i < this.length; i++) run.push(this.idAt(i), this.startAt(i), this.endAt(i), f(this.xs[i], i), this.advances[i]);
    return run.seal();
  }

  /** A copy moved right by `dx`. */
  moved(dx: number): GlyphRun {
    return dx === 0 ? this : this.withXs((x) => x + dx);
  }
}
