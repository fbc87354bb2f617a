/**
 * Characters a terminal would not show — format characters (zero-width space, direction marks,
 * byte-order mark), spaces other than the ASCII one, control characters, line and paragraph
 * separators — written as their code point and name, so that a message quoting one is never
 * an empty pair of quotes and a U+2028 never breaks a terminal line.
 */
import { say } from '../messages/catalogue.js';

/** Names of the invisible characters bulletins meet (Unicode character names). */
const NAMES: Readonly<Record<number, string>> = {
  0x09: 'CHARACTER TABULATION',
  0x0b: 'LINE TABULATION',
  0x0c: 'FORM FEED',
  0x7f: 'DELETE',
  0x85: 'NEXT LINE',
  0xa0: 'NO-BREAK SPACE',
  0xad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x2000: 'EN QUAD',
  0x2001: 'EM QUAD',
  0x2002: 'EN SPACE',
  0x2003: 'EM SPACE',
  0x2004: 'THREE-PER-EM SPACE',
  0x2005: 'FOUR-PER-EM SPACE',
  0x2006: 'SIX-PER-EM SPACE',
  0x2007: 'FIGURE SPACE',
  0x2008: 'PUNCTUATION SPACE',
  0x2009: 'THIN SPACE',
  0x200a: 'HAIR SPACE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x205f: 'MEDIUM MATHEMATICAL SPACE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3000: 'IDEOGRAPHIC SPACE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
  0xfff9: 'INTERLINEAR ANNOTATION ANCHOR',
  0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR',
  0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
};

/**
 * Controls, format characters, separators, spaces other than U+0020, default-ignorable code
 * points and lone surrogates. A line feed is not among them: multi-line text keeps its lines.
 */
const INVISIBLE = /(?![\n ])[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;
const ONE_INVISIBLE = new RegExp(`^${INVISIBLE.source}$`, 'u');

export function isInvisible(cp: number): boolean {
  return ONE_INVISIBLE.test(String.fromCodePoint(cp));
}

/** U+XXXX notation. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The Unicode name of an invisible character where we know it, e.g. "ZERO WIDTH SPACE". */
function invisibleName(cp: number): string | undefined {
  if (NAMES[cp]) return NAMES[cp];
  if (cp >= 0xfe00 && cp <= 0xfe0f) return `VARIATION SELECTOR-${cp - 0xfe00 + 1}`;
  if (cp >= 0xe0100 && cp <= 0xe01ef) return `VARIATION SELECTOR-${cp - 0xe0100 + 17}`;
  if (cp < 0x20 || (cp >= 0x80 && cp <= 0x9f)) return say('char.control');
  return undefined;
}

/** "U+200B ZERO WIDTH SPACE" (the code point alone when its name is not known here). */
export function invisibleLabel(cp: number): string {
  const name = invisibleName(cp);
  return name ? `${codePointLabel(cp)} ${name}` : codePointLabel(cp);
}

/**
 * A character as a message shows it: visible ones quoted with their code point,
 * `'丂' (U+4E02)`; invisible ones by code point and name, `U+200B ZERO WIDTH SPACE`.
 */
export function showChar(cp: number): string {
  if (isInvisible(cp)) return invisibleLabel(cp);
  // A double quote is shown in other marks where the language quotes with it.
  return say(cp === 0x201c || cp === 0x201d ? 'char.shown-quote' : 'char.shown', { char: String.fromCodePoint(cp), code: codePointLabel(cp) });
}

/** `text` with every invisible character replaced by `<U+XXXX NAME>`. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => `<${invisibleLabel(c.codePointAt(0)!)}>`);
}

/** `text` with every invisible character but the space as a short `<U+XXXX>` (a diff line, a change). */
export function visibleCodes(text: string): string {
  return text.replace(INVISIBLE, (c) => `<${codePointLabel(c.codePointAt(0)!)}>`);
}

/** JSON text with every invisible character as a \u escape: the same value, safe on a terminal. */
export function escapeInvisibleJson(json: string): string {
  return json.replace(INVISIBLE, (c) => {
    let out = '';
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}
