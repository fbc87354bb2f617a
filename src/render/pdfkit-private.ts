/**
 * Every use of pdfkit's undocumented internals, in one place. Written against pdfkit 0.20.2
 * (pinned exactly; test/fast-paths.test.ts checks each internal named here, and
 * test/render/pdfkit-private.test.ts the content stream this produces, so an upgrade that
 * changes them fails loudly there). Not a fast path: pdfkit's own text() cannot place each
 * glyph where the composer put it.
 * - `doc._font` is the EmbeddedFont that `doc.font(name)` selected; its `widths`, `unicode`, `id`
 *   and `ref()` are what `_fragment`/`encode` use to draw text, and its `subset` (whose
 *   `encode()` and `cff` its `embed()` reads) is replaced by the face's own (FontHandle.subset);
 * - `doc.page.fonts`, `doc.page.resources.data` and `doc.page.dictionary.data` are the current
 *   page's resource and page dictionaries;
 * - an outline item's `outlineData` is its dictionary's data;
 * - a page's content stream takes bytes as well as text (`PDFReference.write` turns text into
 *   bytes with a loop over its characters, and appends a newline);
 * - an EmbeddedFont's `embed()` writes `subset.encode()` as its font file, a stream pdfkit
 *   deflates with `zlib.deflateSync(bytes)` as it does every other (render/deflate-ahead.ts);
 * - the named destinations are the name tree `doc._root.data.Names.data.Dests`, whose
 *   `toString()` sorts its keys by `_compareKeys` (String.prototype.localeCompare).
 * We draw text ourselves so each glyph lands exactly where the composer put it, in one text
 * object per line (TJ adjustments), with the ToUnicode entry taken from the composer's text.
 */
import type { GlyphRun } from '../compose/glyph-run.js';
import { pdfkitSource } from '../font/handle.js';
import type { FontHandle } from '../font/types.js';

interface EmbeddedFontInternals {
  id: string;
  scale: number;
  subset: { includeGlyph(glyphId: number): number; encode(): Uint8Array; cff?: unknown };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  ref(): unknown;
}

interface PageInternals {
  fonts: Record<string, unknown>;
  resources: { data: Record<string, unknown> };
  dictionary: { data: Record<string, unknown> };
}

interface NameTreeInternals {
  _items: Record<string, unknown>;
  _compareKeys(a: string, b: string): number;
  toString(...args: unknown[]): string;
}

interface DocInternals {
  _font: EmbeddedFontInternals | null;
  _root: { data: { Names: { data: { Dests: NameTreeInternals } } } };
  addContent(data: unknown): unknown;
  page: PageInternals;
  font(name: string): unknown;
  registerFont(name: string, src: unknown): unknown;
  ref(data?: unknown): { end(data?: unknown): void };
}

/** A font as the renderer needs it: its resource name and a way to map glyph ids into its subset. */
export interface PdfFont {
  /** Resource name, e.g. F1. */
  id: string;
  /**
   * Map a glyph of the original font into the subset, recording its width and, the first time,
   * the characters it stands for (glyph `index` of `run`) for ToUnicode. Returns the subset id.
   */
  include(glyphId: number, run: GlyphRun, index: number): number;
  /** The subset glyph's code as a TJ string, e.g. <002a>. */
  code(subsetId: number): string;
  /** Its advance in text space units (1/1000 em). */
  width(subsetId: number): number;
  /** Register the font on the current page's resources. */
  useOnPage(): void;
  /**
   * The subset's font program as embed() will write it into the PDF (written once), for the
   * renderer to have it deflated while the pages are drawn. Ask for it when every glyph is in.
   */
  program(): Uint8Array;
}

/** Register a face under `name` and return its embedding handle. */
export function embedFont(doc: unknown, name: string, handle: FontHandle): PdfFont {
  const d = doc as DocInternals;
  d.registerFont(name, pdfkitSource(handle));
  d.font(name);
  const f = d._font;
  if (!f || typeof f.subset?.includeGlyph !== 'function' || !Array.isArray(f.widths) || !Array.isArray(f.unicode)) {
    throw new Error('pdfkit internals changed: EmbeddedFont has no subset/widths/unicode (written for pdfkit 0.20.2)');
  }
  // The glyphs are taken into the face's own subset, which writes the font program embed() embeds.
  const subset = handle.subset();
  // The program is written once, when first asked for (by the renderer, to have it deflated
  // early, or by embed()); a glyph taken in after that has it written again.
  let glyphs = 0;
  let program: { bytes: Uint8Array; glyphs: number } | undefined;
  const write = (): Uint8Array => {
    if (!program || program.glyphs !== glyphs) program = { bytes: subset.encode(), glyphs };
    return program.bytes;
  };
  const include = (id: number): number => {
    const gid = subset.include(id);
    if (gid >= glyphs) glyphs = gid + 1;
    return gid;
  };
  f.subset = { includeGlyph: include, encode: write, cff: subset.cff ? true : undefined };
  const codes: string[] = [];
  return {
    id: f.id,
    program: write,
    include(glyphId: number, run: GlyphRun, index: number) {
      const gid = include(glyphId);
      if (f.widths[gid] == null) f.widths[gid] = handle.advance(glyphId) * f.scale;
      if (f.unicode[gid] == null) {
        const cps = [...run.textOf(index)].map((c) => c.codePointAt(0)!);
        f.unicode[gid] = cps.length ? cps : handle.codePoints(glyphId);
      }
      return gid;
    },
    code(gid: number) {
      return (codes[gid] ??= `<${gid.toString(16).padStart(4, '0')}>`);
    },
    width(gid: number) {
      return f.widths[gid]!;
    },
    useOnPage() {
      const fonts = d.page.fonts;
      if (fonts[f.id] == null) fonts[f.id] = f.ref();
    },
  };
}

/** Set TrimBox/BleedBox (and any other box) on the current page. */
export function setPageBoxes(doc: unknown, boxes: Record<string, number[]>): void {
  Object.assign((doc as DocInternals).page.dictionary.data, boxes);
}

/**
 * The registration colour (100% of every separation: Separation /All) as resource `name` on the
 * current page, for crop marks only.
 */
export function addRegistrationColor(doc: unknown, name: string): void {
  const d = doc as DocInternals;
  const resources = d.page.resources.data;
  const spaces = (resources.ColorSpace ??= {}) as Record<string, unknown>;
  if (spaces[name]) return;
  const tint = d.ref({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 });
  tint.end();
  spaces[name] = ['Separation', 'All', 'DeviceCMYK', tint];
}

/** Point an outline item at a named destination (pdfkit only knows page-top destinations). */
export function setOutlineDestination(item: unknown, destination: string): void {
  const data = (item as { outlineData?: Record<string, unknown> }).outlineData;
  if (!data) throw new Error('pdfkit internals changed: outline item has no outlineData (written for pdfkit 0.20.2)');
  data.Dest = new String(destination);
}

/**
 * Add `text` to the current page's content, as bytes: pdfkit turns a string into bytes in a
 * JavaScript loop over its characters (its `fromBinaryString`, some 3 ms of a cold build of
 * 690), keeping each UTF-16 unit's low byte, which Latin-1 encoding does in one call; and it
 * appends the same newline. (Our content is ASCII: operators, numbers, hex glyph codes.)
 */
export function addContentBytes(doc: unknown, text: string): void {
  (doc as DocInternals).addContent(Buffer.from(`${text}\n`, 'latin1'));
}

/** Destination names made of digits and lowercase ASCII letters only (bulletin's s1, s1a2, s6b3). */
const PLAIN_NAME = /^[0-9a-z]*$/;

/**
 * Sort the named destinations as pdfkit does, without starting a collator when it need not:
 * pdfkit orders the names by localeCompare, whose first call loads ICU's collation data (some
 * 9 ms). For names of digits and lowercase ASCII letters that order is the order of their code
 * units (digits before letters, a prefix first), so those are compared directly; any other
 * name and the tree sorts by localeCompare as before.
 */
export function plainDestinationOrder(doc: unknown): void {
  const tree = (doc as DocInternals)._root.data.Names.data.Dests;
  const toString = tree.toString;
  tree.toString = function (this: NameTreeInternals, ...args: unknown[]): string {
    if (Object.keys(this._items).every((k) => PLAIN_NAME.test(k))) this._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    return toString.apply(this, args);
  };
}
