/**
 * The text of a scalar as the rules see it: `**` markup removed (it is not text), and the
 * ranges rules must leave alone — URLs, e-mail and web addresses, phone numbers and
 * code-like tokens — marked as protected.
 */
import { parseInline } from '../text/inline.js';

/** Per-unit arrays are typed arrays (see ValueMap): they live as long as the lint of the file. */
export interface TextView {
  /** The printed text: markup removed. */
  plain: string;
  /** Index in the scalar's value of each unit of `plain`. */
  toValue: Int32Array;
  /** Per unit of `plain`: 1 inside a bold run, else 0. */
  bold: Uint8Array;
  /** Per unit of `plain`: 1 inside a URL, address, phone number or code-like token, else 0. */
  protectedMask: Uint8Array;
}

export function buildTextView(value: string, markup: boolean): TextView {
  if (!markup) {
    const n = value.length;
    const toValue = new Int32Array(n);
    for (let k = 0; k < n; k++) toValue[k] = k;
    return { plain: value, toValue, bold: new Uint8Array(n), protectedMask: maskOf(value) };
  }
  const pieces = parseInline(value);
  let plain = '';
  for (const p of pieces) plain += p.text;
  const toValue = new Int32Array(plain.length);
  const bold = new Uint8Array(plain.length);
  let at = 0;
  for (const p of pieces) {
    for (let k = 0; k < p.text.length; k++, at++) { toValue[at] = p.offset + k; bold[at] = p.bold ? 1 : 0; }
  }
  return { plain, toValue, bold, protectedMask: maskOf(plain) };
}

function maskOf(plain: string): Uint8Array {
  const mask = new Uint8Array(plain.length);
  for (const [from, to] of protectedRanges(plain)) mask.fill(1, from, to);
  return mask;
}

const URL_CHARS = "A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%";
const PATTERNS: RegExp[] = [
  // URLs with a scheme, and bare web addresses.
  new RegExp(`\\b(?:https?|ftp|file)://[${URL_CHARS}]+`, 'gi'),
  new RegExp(`\\bwww\\.[${URL_CHARS}]+`, 'gi'),
  // e-mail addresses. A match starts only where a run of its characters starts: a start inside
  // the run would find a subset of the same matches, and trying every one made a long word
  // without '@' cost time quadratic in its length.
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g,
  // domain names such as zjrd.gov.cn or example.com/path (starting where a dotted name starts,
  // for the same reason)
  new RegExp(`\\b(?<![A-Za-z0-9-]|[A-Za-z0-9-]\\.)[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:com|cn|net|org|gov|edu|int|info|io|hk|tw|mo)\\b(?:/[${URL_CHARS}]*)?`, 'gi'),
  // IPv4 addresses with an optional port
  /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g,
  // phone numbers: (0571)85250657, 0571-85250657, 138-1234-5678
  /[(（]0\d{2,3}[)）] ?\d{7,8}(?:[-转]\d{1,6})?/g,
  /\b0\d{2,3}-\d{7,8}(?:-\d{1,6})?\b/g,
  /\b1[3-9]\d(?:-?\d{4}){2}\b/g,
  // `inline code`
  /`[^`]*`/g,
];

/**
 * Code-like ASCII tokens: a whole run of printable ASCII holding = _ { } < > \ @ $ & # | or ::.
 * Found run by run: the one pattern `[!-~]*(?:…)[!-~]*` was retried from every position of a
 * run without such a mark, time quadratic in the run's length.
 */
const ASCII_RUN = /[!-~]+/g;
const isPrintableAscii = (unit: number): boolean => unit >= 0x21 && unit <= 0x7e;
/** = _ { } < > \\ @ $ & # | */
const CODE_MARK_UNITS: ReadonlySet<number> = new Set([...'=_{}<>\\@$&#|'].map((c) => c.charCodeAt(0)));

/** [from, to) holds one of = _ { } < > \\ @ $ & # | or "::". */
function hasCodeMark(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const unit = text.charCodeAt(k);
    if (CODE_MARK_UNITS.has(unit)) return true;
    if (unit === 0x3a && k + 1 < to && text.charCodeAt(k + 1) === 0x3a) return true;
  }
  return false;
}

/** A trailing mark belongs to the sentence around a URL or token, not to it. */
function trimTrailing(text: string, from: number, to: number): number {
  while (to > from) {
    const c = text[to - 1];
    if ('.,;:!?'.includes(c)) { to--; continue; }
    if (c === '"' || c === "'") {
      // a closing quote of the token's own pair stays: a="b"
      if (text.slice(from, to).split(c).length % 2 === 0) { to--; continue; }
      break;
    }
    if (c === ')') {
      const body = text.slice(from, to);
      const opens = body.split('(').length - 1;
      const closes = body.split(')').length - 1;
      if (closes > opens) { to--; continue; }
    }
    break;
  }
  return to;
}

export function protectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const from = m.index;
      const to = re.source.startsWith('[(（]') || re.source.startsWith('`') ? from + m[0].length : trimTrailing(text, from, from + m[0].length);
      if (to > from) ranges.push([from, to]);
    }
  }
  // Every ASCII word and number is such a run: found with test (no match object), its start
  // found by walking back, its marks looked for in place.
  ASCII_RUN.lastIndex = 0;
  while (ASCII_RUN.test(text)) {
    const end = ASCII_RUN.lastIndex;
    let start = end - 1;
    while (start > 0 && isPrintableAscii(text.charCodeAt(start - 1))) start--;
    if (!hasCodeMark(text, start, end)) continue;
    const to = trimTrailing(text, start, end);
    if (to > start) ranges.push([start, to]);
  }
  return ranges;
}
