/**
 * Terminal display width of text, so that a caret lands under the right character: East Asian
 * wide and full-width characters take two columns (Unicode's East Asian Width, from the
 * maintained get-east-asian-width), combining marks (Unicode's general categories Mn and Me) and
 * zero-width format characters none.
 *
 * East Asian *ambiguous* characters — “ ” ‘ ’ … — · ① ○ ※ §, Greek and Cyrillic letters — are
 * drawn as the terminal chooses: one column in most terminals, two where the terminal is set up
 * for Chinese, Japanese or Korean (GNOME Terminal's "ambiguous-width characters: wide", which CJK
 * users turn on; Windows Terminal and the console with a Chinese code page such as 936). So the
 * width follows the locale: two columns when LC_ALL, LC_CTYPE or LANG (the first one set) starts
 * with zh, ja or ko, one otherwise; with no locale set at all (Windows), two when bulletin speaks
 * Chinese. BULLETIN_AMBIGUOUS_WIDTH=1 or 2 overrides the guess for a terminal set otherwise.
 */
import { eastAsianWidth } from 'get-east-asian-width';

const COMBINING = /[\p{Mn}\p{Me}]/u;

/** Columns an East Asian ambiguous character takes. */
export type AmbiguousWidth = 1 | 2;

let ambiguousAsWide = false;

/** Set how ambiguous characters are counted (the CLI sets it once at start). */
export function setAmbiguousWidth(width: AmbiguousWidth): void {
  ambiguousAsWide = width === 2;
}

export function ambiguousWidth(): AmbiguousWidth {
  return ambiguousAsWide ? 2 : 1;
}

/**
 * How the terminal most likely draws ambiguous characters: BULLETIN_AMBIGUOUS_WIDTH when it is 1
 * or 2, else by the character locale (LC_ALL, LC_CTYPE, LANG), else by the message language.
 */
export function ambiguousWidthFor({ env = process.env, language }: { env?: NodeJS.ProcessEnv; language?: string }): AmbiguousWidth {
  const override = env.BULLETIN_AMBIGUOUS_WIDTH?.trim();
  if (override === '1' || override === '2') return Number(override) as AmbiguousWidth;
  for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return /^(zh|ja|ko)(?:$|[-_.@])/i.test(value) ? 2 : 1;
  }
  return language === 'zh' ? 2 : 1;
}

/** Format characters a terminal draws in no column: zero-width space and joiners, direction marks, BOM. */
function isZeroWidthFormat(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff;
}

/** Columns one code point takes on a terminal (control characters are shown replaced, as 1). */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  // ASCII and Latin-1 up to ¡ (the first ambiguous character) are one column everywhere.
  if (cp < 0xa1 || (cp < 0x300 && !ambiguousAsWide)) return 1;
  if (isZeroWidthFormat(cp) || COMBINING.test(String.fromCodePoint(cp))) return 0;
  return eastAsianWidth(cp, { ambiguousAsWide });
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}
