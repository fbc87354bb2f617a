import type { Font } from 'fontkit';

/**
 * A font face opened once and shared by measuring (compose) and drawing (render), so that
 * the same glyph ids and advances are used on both sides and each file is parsed once.
 */
export interface FontHandle {
  /** Stable key, unique per file + face, e.g. `NotoSerifCJKsc-Regular`. */
  key: string;
  /** Absolute path of the file it came from. */
  file: string;
  /** PostScript name of the face (the face chosen in a .ttc). */
  postscriptName: string;
  /** The fontkit instance. pdfkit accepts it as a font source directly. */
  font: Font;
  unitsPerEm: number;
  /** True when the face's cmap maps the code point to a real glyph (not .notdef). */
  hasGlyph(codePoint: number): boolean;
}
