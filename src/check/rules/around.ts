/**
 * Looking at the neighbourhood of a character: what comes before and after it, with or
 * without spaces and quote/bracket marks in between. Shared by the punctuation rules.
 */
import { CLOSERS, OPENERS, cpAt, cpBefore, isChinese, isSpace } from '../chars.js';

/** Straight quotes may open or close; either way they do not end the Chinese context. */
const STRAIGHT = new Set(['"', "'"]);

/** Code point before index `i`, skipping spaces when `skipSpaces`; 0 at the start. */
export function before(text: string, i: number, opts: { skipSpaces?: boolean; skipClosers?: boolean } = {}): number {
  let k = i;
  while (k > 0) {
    const cp = cpBefore(text, k);
    const ch = String.fromCodePoint(cp);
    if ((opts.skipSpaces && isSpace(cp)) || (opts.skipClosers && (CLOSERS.has(ch) || STRAIGHT.has(ch)))) { k -= ch.length; continue; }
    return cp;
  }
  return 0;
}

/** Code point at or after index `i`, skipping spaces / openers as asked; 0 at the end. */
export function after(text: string, i: number, opts: { skipSpaces?: boolean; skipOpeners?: boolean } = {}): number {
  let k = i;
  while (k < text.length) {
    const cp = cpAt(text, k);
    const ch = String.fromCodePoint(cp);
    if ((opts.skipSpaces && isSpace(cp)) || (opts.skipOpeners && (OPENERS.has(ch) || STRAIGHT.has(ch)))) { k += ch.length; continue; }
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
export function touchesProtected(mask: readonly boolean[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (mask[k]) return true;
  return false;
}

/** Maximal runs of characters satisfying `pred`, as [start, end) ranges. */
export function runs(text: string, pred: (ch: string) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let k = 0; k <= text.length; k++) {
    const ok = k < text.length && pred(text[k]);
    if (ok && start < 0) start = k;
    if (!ok && start >= 0) { out.push([start, k]); start = -1; }
  }
  return out;
}
