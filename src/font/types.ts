/**
 * A font face opened once and shared by measuring (compose), placing (layout) and drawing
 * (render), so that the same glyph ids and advances are used on every side and each file is
 * parsed once. This is the only way the rest of the program touches a font: what it asks is
 * which glyph, how wide, where its ink is, how a run of text shapes, and a subset to embed.
 * The parser behind it (fontkit, font/handle.ts) stays inside src/font.
 */

/** A glyph's ink, font units, y up from the baseline. */
export interface InkBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A run of text shaped by the face: one entry per glyph, in font units. */
export interface Shaped {
  ids: number[];
  /** Pen advances (kerning included). */
  adv: number[];
  /** The glyphs' own advance widths (what a PDF W array gives them). */
  w: number[];
  /** x offsets. */
  dx: number[];
  /** How many code points of the input each glyph stands for (ligatures > 1, marks 0…). */
  cps: number[];
}

/** The glyphs a PDF embeds of one face, and the font program that holds them. */
export interface FontSubset {
  /** The subset's id for a glyph of the face, taking the glyph in on first use. */
  include(glyphId: number): number;
  /** The subset font program: TrueType (FontFile2) or, for a CFF face, CFF (FontFile3). */
  encode(): Uint8Array;
  /** True for a CFF-outline face. */
  readonly cff: boolean;
}

export interface FontHandle {
  /** Stable key, unique per file + face, e.g. `NotoSerifCJKsc-Regular`. */
  key: string;
  /** Absolute path of the file it came from. */
  file: string;
  /** PostScript name of the face (the face chosen in a .ttc). */
  postscriptName: string;
  unitsPerEm: number;
  numGlyphs: number;
  /** True when the face's cmap maps the code point to a real glyph (not .notdef). */
  hasGlyph(codePoint: number): boolean;
  /** The glyph the cmap maps `codePoint` to (0: none). */
  glyphId(codePoint: number): number;
  /** Advance width of a glyph, font units. */
  advance(glyphId: number): number;
  /** Where a glyph's ink is, font units; undefined for a glyph without ink (a space). */
  inkBox(glyphId: number): InkBox | undefined;
  /** A glyph's outline as SVG path data, font units, y up (for drawing it outside a PDF: the preview). */
  svgPath(glyphId: number): string;
  /** OpenType features the face has (`fwid`, `halt`, `kern`…). */
  features(): readonly string[];
  /** `text` shaped with the face's default features, changed by `features` (a list turns features on). */
  shape(text: string, features: readonly string[] | Readonly<Record<string, boolean>>): Shaped;
  /** The code points the face's cmap gives a glyph (for text extraction when nothing else says). */
  codePoints(glyphId: number): number[];
  /** A string of the face's name table (`license`, `licenseURL`, `copyright`…), in English when it has one. */
  name(id: string): string | undefined;
  /** A new subset of the face for embedding in a PDF. */
  subset(): FontSubset;
}
