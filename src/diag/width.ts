/**
 * Terminal display width of text, so that a caret lands under the right character: East Asian
 * wide and full-width characters take two columns (Unicode's East Asian Width, from the
 * maintained get-east-asian-width; ambiguous ones one, as terminals default to), combining marks
 * (Unicode's general categories Mn and Me) and zero-width format characters none.
 */
import { eastAsianWidth } from 'get-east-asian-width';

const COMBINING = /[\p{Mn}\p{Me}]/u;

/** Format characters a terminal draws in no column: zero-width space and joiners, direction marks, BOM. */
function isZeroWidthFormat(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff;
}

/** Columns one code point takes on a terminal (control characters are shown replaced, as 1). */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x300) return 1;
  if (isZeroWidthFormat(cp) || COMBINING.test(String.fromCodePoint(cp))) return 0;
  return eastAsianWidth(cp, { ambiguousAsWide: false });
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}
