/**
 * Looking at the neighbourhood of a character: what comes before and after it, with or
 * without spaces and quote/bracket marks in between. Shared by the punctuation rules, which
 * call these for many characters of every text: they work on code points and allocate nothing.
 */
import { cpAt, cpBefore, isChinese, isCloser, isOpener, isSpace, type UnitSet } from '../chars.js';

/** What `before` and `after` may skip; combine with `|`. */
export const SKIP_SPACES = 1;
export const SKIP_CLOSERS = 2;
export const SKIP_OPENERS = 4;

/** Straight quotes may open or close; either way they do not end the Chinese context. */
const isStraightQuote = (cp: number): boolean => cp === 0x22 || cp === 0x27;

/** Code point before index `i`, skipping spaces / closers as `skip` asks; 0 at the start. */
export function before(text: string, i: number, skip = 0): number {
  let k = i;
  while (k > 0) {
    const cp = cpBefore(text, k);
    if (((skip & SKIP_SPACES) !== 0 && isSpace(cp)) || ((skip & SKIP_CLOSERS) !== 0 && (isCloser(cp) || isStraightQuote(cp)))) {
      k -= cp > 0xffff ? 2 : 1;
      continue;
    }
    return cp;
  }
  return 0;
}

/** Code point at or after index `i`, skipping spaces / openers as `skip` asks; 0 at the end. */
export function after(text: string, i: number, skip = 0): number {
  let k = i;
  while (k < text.length) {
    const cp = cpAt(text, k);
    if (((skip & SKIP_SPACES) !== 0 && isSpace(cp)) || ((skip & SKIP_OPENERS) !== 0 && (isOpener(cp) || isStraightQuote(cp)))) {
      k += cp > 0xffff ? 2 : 1;
      continue;
    }
    return cp;
  }
  return 0;
}

/** True when the text contains a Chinese character (Han or CJK punctuation) in [from, to). */
export function hasChinese(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; ) {
    const cp = cpAt(text, k);
    if (isChinese(cp)) return true;
    k += cp > 0xffff ? 2 : 1;
  }
  return false;
}

/** True when any unit of [from, to) is protected (URL, number, code). */
export function touchesProtected(mask: ArrayLike<number>, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (mask[k]) return true;
  return false;
}

/** Calls `each` with every maximal run [start, end) of units of `units`, in order. */
export function forEachRun(text: string, units: UnitSet, each: (start: number, end: number) => void): void {
  for (let start = units.next(text, 0); start >= 0; ) {
    let end = start + 1;
    while (end < text.length && units.has(text.charCodeAt(end))) end++;
    each(start, end);
    start = units.next(text, end);
  }
}
