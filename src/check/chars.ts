/**
 * Character classes the typography rules reason with, and the plain-word names messages
 * use for them. Kept as data so every rule agrees on what counts as "Chinese text".
 */

import { showChar, visibleText } from '../diag/visible.js';
import { isIdeograph } from '../text/classes.js';

/** Code point at UTF-16 index `i` (a whole surrogate pair when one starts there). */
export function cpAt(s: string, i: number): number {
  return s.codePointAt(i) ?? 0;
}

/** Code point of the character that ends just before UTF-16 index `i`. */
export function cpBefore(s: string, i: number): number {
  if (i <= 0) return 0;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return s.codePointAt(i - 2) ?? 0;
  }
  return low;
}

/** Han ideographs, including the extensions, compatibility ideographs and 〇 々 (one definition with the composer). */
export const isHan = isIdeograph;

/**
 * Full-width punctuation that only Chinese (CJK) text uses: 、。，；：？！（）《》【】 and friends.
 * Curly quotes, — and … are shared with Western typography and are deliberately not here.
 */
export function isCjkPunct(cp: number): boolean {
  return (
    (cp >= 0x3001 && cp <= 0x3003) ||
    (cp >= 0x3008 && cp <= 0x3011) ||
    (cp >= 0x3014 && cp <= 0x301f) ||
    (cp >= 0xff01 && cp <= 0xff0f) ||
    (cp >= 0xff1a && cp <= 0xff20) ||
    (cp >= 0xff3b && cp <= 0xff40) ||
    (cp >= 0xff5b && cp <= 0xff65) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe4f)
  );
}

/** A character that makes its neighbourhood Chinese text. */
export function isChinese(cp: number): boolean {
  return isHan(cp) || isCjkPunct(cp);
}

/** Marks shared by Chinese and Western text: “ ” ‘ ’ — … ·. */
export function isSharedMark(cp: number): boolean {
  return cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019 || cp === 0x2014 || cp === 0x2026 || cp === 0x00b7 || cp === 0x2e3a;
}

export function isAsciiLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

export function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

export function isAsciiAlnum(cp: number): boolean {
  return isAsciiLetter(cp) || isDigit(cp);
}

/** Latin letters in any script variant we meet in bulletins (ASCII and Latin-1/Extended). */
export function isLatinLetter(cp: number): boolean {
  return isAsciiLetter(cp) || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7);
}

/** Full-width digits and Latin letters (０–９, Ａ–Ｚ, ａ–ｚ). */
export function isFullwidthAlnum(cp: number): boolean {
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** Spacing characters authors type (or paste) inside text; line breaks are not among them. */
export function isSpace(cp: number): boolean {
  return (
    cp === 0x20 || cp === 0x09 || cp === 0xa0 || cp === 0x3000 ||
    (cp >= 0x2000 && cp <= 0x200b) || cp === 0x202f || cp === 0x205f || cp === 0xfeff
  );
}

/**
 * A set of single UTF-16 units (no surrogates) that rules look for in every text: `has` tests
 * one unit, `next` finds the next one with a native scan that allocates nothing (RegExp test,
 * not exec) instead of a call per character.
 */
export class UnitSet {
  private readonly units: ReadonlySet<number>;
  private readonly find: RegExp;
  constructor(units: Iterable<number>) {
    this.units = new Set(units);
    const hex = (u: number): string => `\\u${u.toString(16).padStart(4, '0')}`;
    this.find = new RegExp(`[${[...this.units].map(hex).join('')}]`, 'g');
  }
  static of(chars: readonly string[]): UnitSet {
    return new UnitSet(chars.map((c) => c.charCodeAt(0)));
  }
  has(unit: number): boolean {
    return this.units.has(unit);
  }
  /** Index of the first unit of the set at or after `from`, or -1. */
  next(text: string, from: number): number {
    this.find.lastIndex = from;
    return this.find.test(text) ? this.find.lastIndex - 1 : -1;
  }
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** The units isSpace accepts (none is part of a surrogate pair). */
export const SPACE_UNITS = new UnitSet([0x20, 0x09, 0xa0, 0x3000, ...range(0x2000, 0x200b), 0x202f, 0x205f, 0xfeff]);
/** The units isFullwidthAlnum accepts. */
export const FULLWIDTH_ALNUM_UNITS = new UnitSet([...range(0xff10, 0xff19), ...range(0xff21, 0xff3a), ...range(0xff41, 0xff5a)]);

export function isLineBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d;
}

/** Opening brackets and quotes of both widths. */
export const OPENERS = new Set(['(', '[', '{', '（', '［', '｛', '《', '〈', '「', '『', '【', '〔', '〖', '“', '‘']);
/** Closing brackets and quotes of both widths. */
export const CLOSERS = new Set([')', ']', '}', '）', '］', '｝', '》', '〉', '」', '』', '】', '〕', '〗', '”', '’']);

const OPENER_UNITS = UnitSet.of([...OPENERS]);
const CLOSER_UNITS = UnitSet.of([...CLOSERS]);
/** `cp` is one of OPENERS (all of them are single UTF-16 units). */
export const isOpener = (cp: number): boolean => OPENER_UNITS.has(cp);
/** `cp` is one of CLOSERS. */
export const isCloser = (cp: number): boolean => CLOSER_UNITS.has(cp);

/** The full-width pairs whose balance `pair-balance` checks (opener → closer). */
export const FULLWIDTH_PAIRS: ReadonlyMap<string, string> = new Map([
  ['（', '）'], ['《', '》'], ['〈', '〉'], ['“', '”'], ['‘', '’'], ['【', '】'],
  ['「', '」'], ['『', '』'], ['〔', '〕'], ['〖', '〗'], ['［', '］'], ['｛', '｝'],
]);

const NAMES: Record<string, string> = {
  ',': 'half-width comma',
  '.': 'half-width full stop',
  ';': 'half-width semicolon',
  ':': 'half-width colon',
  '?': 'half-width question mark',
  '!': 'half-width exclamation mark',
  '(': 'half-width opening parenthesis',
  ')': 'half-width closing parenthesis',
  '"': 'straight double quote',
  "'": 'straight single quote',
  '-': 'hyphen',
  '~': 'half-width tilde',
  ' ': 'space',
  '\t': 'tab',
  '\u00a0': 'no-break space (U+00A0)',
  '\u3000': 'full-width space (U+3000)',
  '\u200b': 'zero-width space (U+200B)',
  '\ufeff': 'zero-width no-break space (U+FEFF)',
  '，': 'comma',
  '。': 'full stop',
  '、': 'enumeration comma',
  '；': 'semicolon',
  '：': 'colon',
  '？': 'question mark',
  '！': 'exclamation mark',
  '（': 'opening parenthesis',
  '）': 'closing parenthesis',
  '《': 'opening book-title mark',
  '》': 'closing book-title mark',
  '〈': 'opening inner book-title mark',
  '〉': 'closing inner book-title mark',
  '“': 'opening double quote',
  '”': 'closing double quote',
  '‘': 'opening single quote',
  '’': 'closing single quote',
  '【': 'opening lenticular bracket',
  '】': 'closing lenticular bracket',
  '「': 'opening corner bracket',
  '」': 'closing corner bracket',
  '『': 'opening white corner bracket',
  '』': 'closing white corner bracket',
  '〔': 'opening tortoise-shell bracket',
  '〕': 'closing tortoise-shell bracket',
  '—': 'em dash (U+2014)',
  '―': 'horizontal bar (U+2015)',
  '─': 'box-drawing line (U+2500)',
  '－': 'full-width hyphen-minus (U+FF0D)',
  '–': 'en dash (U+2013)',
  '…': 'ellipsis character (U+2026)',
  '⋯': 'midline ellipsis (U+22EF)',
  '·': 'middle dot (U+00B7)',
};

export { codePointLabel } from '../diag/visible.js';

/** A plain-word name for a character, e.g. "half-width comma ','". */
export function describeChar(ch: string): string {
  const name = NAMES[ch];
  const shown = ch === '\t' ? '\\t' : ch;
  if (name && /U\+/.test(name)) return name;
  if (name) return `${name} '${shown}'`;
  return showChar(cpAt(ch, 0));
}

/** Shows a run of characters in a message, making invisible ones visible. */
export function quoteText(text: string): string {
  return `'${visibleText(text)}'`;
}
