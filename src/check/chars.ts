/**
 * Character classes the typography rules reason with, and the plain-word names messages
 * use for them. Kept as data so every rule agrees on what counts as "Chinese text".
 */

import { showChar, visibleText } from '../diag/visible.js';
import { say, type MessageId } from '../messages/catalogue.js';
import { EN } from '../messages/en.js';

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

// What counts as Chinese text, punctuation, Latin, space: the one definition in text/classes.ts,
// which the composer uses too.
export {
  isAsciiAlnum, isAsciiLetter, isChinese, isCjkPunct, isDigit, isFullwidthAlnum, isHan, isLatinLetter,
  isLineBreak, isSharedMark, isSpace,
} from '../text/classes.js';

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

/** The message id of each character's plain-word name (“half-width comma”). */
const NAMES: Record<string, MessageId> = {
  ',': 'char.half-comma',
  '.': 'char.half-full-stop',
  ';': 'char.half-semicolon',
  ':': 'char.half-colon',
  '?': 'char.half-question',
  '!': 'char.half-exclamation',
  '(': 'char.half-open-paren',
  ')': 'char.half-close-paren',
  '"': 'char.straight-double',
  "'": 'char.straight-single',
  '-': 'char.hyphen',
  '~': 'char.half-tilde',
  ' ': 'char.space',
  '\t': 'char.tab',
  '\u00a0': 'char.nbsp',
  '\u3000': 'char.ideographic-space',
  '\u200b': 'char.zwsp',
  '\ufeff': 'char.zwnbsp',
  '，': 'char.comma',
  '。': 'char.full-stop',
  '、': 'char.enumeration-comma',
  '；': 'char.semicolon',
  '：': 'char.colon',
  '？': 'char.question',
  '！': 'char.exclamation',
  '（': 'char.open-paren',
  '）': 'char.close-paren',
  '《': 'char.open-book',
  '》': 'char.close-book',
  '〈': 'char.open-inner-book',
  '〉': 'char.close-inner-book',
  '“': 'char.open-double',
  '”': 'char.close-double',
  '‘': 'char.open-single',
  '’': 'char.close-single',
  '【': 'char.open-lenticular',
  '】': 'char.close-lenticular',
  '「': 'char.open-corner',
  '」': 'char.close-corner',
  '『': 'char.open-white-corner',
  '』': 'char.close-white-corner',
  '〔': 'char.open-tortoise',
  '〕': 'char.close-tortoise',
  '—': 'char.em-dash',
  '―': 'char.horizontal-bar',
  '─': 'char.box-line',
  '－': 'char.fullwidth-hyphen',
  '–': 'char.en-dash',
  '…': 'char.ellipsis',
  '⋯': 'char.midline-ellipsis',
  '·': 'char.middle-dot',
};

export { codePointLabel } from '../diag/visible.js';

/** A plain-word name for a character, e.g. "half-width comma ','". */
export function describeChar(ch: string): string {
  const id = NAMES[ch];
  const shown = ch === '\t' ? '\\t' : ch;
  if (!id) return showChar(cpAt(ch, 0));
  // A name that gives the code point shows the character by it.
  if (/U\+/.test(EN[id].message)) return say(id);
  return say('char.named', { name: say(id), char: shown });
}

/** Shows a run of characters in a message, making invisible ones visible. */
export function quoteText(text: string): string {
  // Text that holds double quotes itself is quoted with other marks where the language needs it.
  return say(/[“”]/.test(text) ? 'char.quoted-nested' : 'char.quoted', { text: visibleText(text) });
}
