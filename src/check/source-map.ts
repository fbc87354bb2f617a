/**
 * Maps each UTF-16 unit of a YAML scalar's parsed value back to the source offset it came
 * from, for every scalar style (plain, '…', "…" with escapes, | and > block scalars with
 * indentation, folding and chomping). A unit is *exact* when it is a literal copy of the
 * source unit it maps to. A straight quote written the only way its quoting style allows
 * ('' inside '…', \" inside "…") is a *quote escape*: the author typed a quote, and the
 * escape may be replaced as a whole. Units produced by line folding or by other escapes
 * (\x2c, \u4e2d — deliberate encodings) are neither, and a fix never touches them. The
 * mapping is recomputed from the source and checked against the value yaml itself parsed:
 * if the two disagree, nothing in the scalar counts as exact.
 */
import type { Scalar } from 'yaml';
import { grown } from '../text/alloc.js';

/** How a value unit came about: the codes stored in `ValueMap.kind`. */
export const UnitKind = { copy: 0, quoteEscape: 1, escape: 2, fold: 3 } as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];

/**
 * Per-unit arrays are typed arrays: a scalar's map lives as long as the lint of its file, and
 * a long issue has a hundred thousand units or more.
 */
export interface ValueMap {
  value: string;
  /** Source offset of each value unit (for synthesized units: where they were produced). */
  src: Int32Array;
  /** End of the source text that produced each unit (src + 1 for a copy, + 2 for '' or \"). */
  srcEnd: Int32Array;
  /** A UnitKind code per unit. */
  kind: Uint8Array;
  /** 1 where kind is UnitKind.copy, else 0. */
  exact: Uint8Array;
  /** False when the mapping could not be reproduced; then no unit is exact. */
  verified: boolean;
}

type Mapped = Omit<ValueMap, 'verified'>;

const { copy: COPY, quoteEscape: QUOTE_ESCAPE, escape: ESCAPE, fold: FOLD } = UnitKind;

/** Value units with their source ranges, in growable typed arrays. */
class Builder {
  length = 0;
  private units: Uint16Array;
  private src: Int32Array;
  private srcEnd: Int32Array;
  private kind: Uint8Array;
  /** Units at the end that may be trimmed when a flow line break follows (literal source whitespace). */
  private trimmable: Uint8Array;
  constructor(capacity: number) {
    const n = Math.max(8, capacity);
    this.units = new Uint16Array(n);
    this.src = new Int32Array(n);
    this.srcEnd = new Int32Array(n);
    this.kind = new Uint8Array(n);
    this.trimmable = new Uint8Array(n);
  }
  private grow(): void {
    const n = this.units.length * 2;
    this.units = grown(this.units, n);
    this.src = grown(this.src, n);
    this.srcEnd = grown(this.srcEnd, n);
    this.kind = grown(this.kind, n);
    this.trimmable = grown(this.trimmable, n);
  }
  /** One unit produced by the source text [at, end). */
  unit(code: number, at: number, kind: UnitKind, end: number, trimmable = false): void {
    if (this.length === this.units.length) this.grow();
    const k = this.length++;
    this.units[k] = code;
    this.src[k] = at;
    this.srcEnd[k] = end;
    this.kind[k] = kind;
    this.trimmable[k] = trimmable ? 1 : 0;
  }
  /** The source unit at `at`, copied. */
  copy(code: number, at: number, trimmable = false): void {
    this.unit(code, at, COPY, at + 1, trimmable);
  }
  /** `text` synthesized from the source text [at, end) (an escape or a fold). */
  synth(text: string, at: number, kind: UnitKind, end = at): void {
    for (let k = 0; k < text.length; k++) this.unit(text.charCodeAt(k), at, kind, end);
  }
  trimTrailingWhitespace(): void {
    while (this.length && this.trimmable[this.length - 1]) this.length--;
  }
  /** The map, when the units spell `expected` (the value yaml parsed); otherwise undefined. */
  result(expected: string): Mapped | undefined {
    const n = this.length;
    if (n !== expected.length) return undefined;
    for (let k = 0; k < n; k++) if (this.units[k] !== expected.charCodeAt(k)) return undefined;
    const kind = this.kind.slice(0, n);
    const exact = new Uint8Array(n);
    for (let k = 0; k < n; k++) exact[k] = kind[k] === COPY ? 1 : 0;
    return { value: expected, src: this.src.slice(0, n), srcEnd: this.srcEnd.slice(0, n), kind, exact };
  }
}

/** Space or tab at `i` (false past the end). */
const wsAt = (s: string, i: number): boolean => { const c = s.charCodeAt(i); return c === 0x20 || c === 0x09; };
/** Line feed or carriage return at `i` (false past the end). */
const breakAt = (s: string, i: number): boolean => { const c = s.charCodeAt(i); return c === 0x0a || c === 0x0d; };

function breakLength(source: string, i: number): number {
  return source.charCodeAt(i) === 0x0d && source.charCodeAt(i + 1) === 0x0a ? 2 : 1;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

const BACKSLASH = 0x5c;
const APOSTROPHE = 0x27;
const LF = 0x0a;

/**
 * Plain and quoted scalars: the text between `from` and `to` (inside the quotes), with YAML's
 * flow folding — a single line break becomes a space, n empty lines become n line feeds, and
 * whitespace around line breaks is dropped. Undefined when the result is not `expected`.
 */
function mapFlow(source: string, from: number, to: number, kind: 'plain' | 'single' | 'double', expected: string): Mapped | undefined {
  const b = new Builder(Math.max(expected.length, to - from));
  let i = from;
  while (i < to) {
    const c = source.charCodeAt(i);
    if (kind === 'double' && c === BACKSLASH) {
      if (breakAt(source, i + 1)) {
        // Escaped line break: joins the lines without a space; the whitespace before it is kept.
        let j = i + 1 + breakLength(source, i + 1);
        while (j < to && wsAt(source, j)) j++;
        while (j < to && breakAt(source, j)) {
          b.unit(LF, j, FOLD, j);
          j += breakLength(source, j);
          while (j < to && wsAt(source, j)) j++;
        }
        i = j;
        continue;
      }
      const next = source[i + 1];
      if (next !== undefined && next in SIMPLE_ESCAPES) {
        b.synth(SIMPLE_ESCAPES[next], i, next === '"' ? QUOTE_ESCAPE : ESCAPE, i + 2);
        i += 2;
        continue;
      }
      const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
      const hex = source.slice(i + 2, i + 2 + width);
      if (width && /^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
        b.synth(String.fromCodePoint(parseInt(hex, 16)), i, ESCAPE, i + 2 + width);
        i += 2 + width;
        continue;
      }
      throw new Error('unknown escape');
    }
    if (kind === 'single' && c === APOSTROPHE && source.charCodeAt(i + 1) === APOSTROPHE) {
      b.unit(APOSTROPHE, i, QUOTE_ESCAPE, i + 2);
      i += 2;
      continue;
    }
    if (c === 0x0a || c === 0x0d) {
      b.trimTrailingWhitespace();
      let j = i + breakLength(source, i);
      while (j < to && wsAt(source, j)) j++;
      let empty = 0;
      while (j < to && breakAt(source, j)) {
        empty++;
        j += breakLength(source, j);
        while (j < to && wsAt(source, j)) j++;
      }
      if (empty === 0) b.unit(0x20, i, FOLD, i);
      else for (let k = 0; k < empty; k++) b.unit(LF, i, FOLD, i);
      i = j;
      continue;
    }
    // A surrogate pair is copied unit by unit; both halves stay exact and contiguous.
    b.copy(c, i, c === 0x20 || c === 0x09);
    i++;
  }
  return b.result(expected);
}

interface BlockHeader {
  folded: boolean;
  chomp: 'clip' | 'strip' | 'keep';
  explicitIndent: number;
  contentStart: number;
}

function readBlockHeader(source: string, start: number, end: number): BlockHeader | undefined {
  const indicator = source[start];
  if (indicator !== '|' && indicator !== '>') return undefined;
  let i = start + 1;
  let chomp: BlockHeader['chomp'] = 'clip';
  let explicitIndent = 0;
  for (let k = 0; k < 2 && i < end; k++) {
    const c = source[i];
    if (c === '-' || c === '+') { chomp = c === '-' ? 'strip' : 'keep'; i++; }
    else if (c >= '1' && c <= '9') { explicitIndent = Number(c); i++; }
  }
  while (i < end && !breakAt(source, i)) i++;
  if (i < end) i += breakLength(source, i);
  return { folded: indicator === '>', chomp, explicitIndent, contentStart: i };
}

interface Line { start: number; text: string; breakAt: number; breakLen: number }

function splitLines(source: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let i = from;
  while (i < to) {
    let j = i;
    while (j < to && !breakAt(source, j)) j++;
    const breakLen = j < to ? breakLength(source, j) : 0;
    lines.push({ start: i, text: source.slice(i, j), breakAt: j, breakLen });
    i = j + breakLen;
  }
  return lines;
}

function mapBlock(source: string, header: BlockHeader, to: number, indent: number, expected: string): Mapped | undefined {
  const b = new Builder(Math.max(expected.length, to - header.contentStart));
  const lines = splitLines(source, header.contentStart, to);
  const isEmpty = (l: Line): boolean => l.text.length <= indent && /^ *$/.test(l.text);
  let lastContent = -1;
  for (let k = 0; k < lines.length; k++) if (!isEmpty(lines[k])) lastContent = k;
  const pushBreak = (l: Line): void => {
    if (l.breakLen === 1 && source.charCodeAt(l.breakAt) === LF) b.copy(LF, l.breakAt);
    else b.unit(LF, l.breakAt, FOLD, l.breakAt);
  };
  // Body: everything up to and including the last content line (without its break).
  let prevKind: 'none' | 'normal' | 'more' = 'none';
  let pendingEmpty: Line[] = [];
  for (let k = 0; k <= lastContent; k++) {
    const l = lines[k];
    if (isEmpty(l)) { pendingEmpty.push(l); continue; }
    const content = l.text.slice(indent);
    const kind = wsAt(content, 0) ? 'more' : 'normal';
    if (prevKind !== 'none') {
      const prevLine = lines[k - pendingEmpty.length - 1];
      if (header.folded && prevKind === 'normal' && kind === 'normal') {
        if (pendingEmpty.length === 0) b.unit(0x20, prevLine.breakAt, FOLD, prevLine.breakAt);
        else for (const e of pendingEmpty) b.unit(LF, e.start, FOLD, e.start);
      } else {
        pushBreak(prevLine);
        for (const e of pendingEmpty) pushBreak(e);
      }
    } else {
      for (const e of pendingEmpty) pushBreak(e);
    }
    pendingEmpty = [];
    for (let c = 0; c < content.length; c++) b.copy(content.charCodeAt(c), l.start + indent + c);
    prevKind = kind;
  }
  // Chomping of the final break and trailing empty lines.
  if (lastContent >= 0 && header.chomp !== 'strip') {
    const last = lines[lastContent];
    if (last.breakLen) pushBreak(last);
  }
  if (header.chomp === 'keep') {
    for (let k = lastContent + 1; k < lines.length; k++) if (lines[k].breakLen) pushBreak(lines[k]);
  }
  return b.result(expected);
}

function autoIndent(source: string, header: BlockHeader, to: number): number {
  const lines = splitLines(source, header.contentStart, to);
  for (const l of lines) {
    if (!/^ *$/.test(l.text)) return /^ */.exec(l.text)![0].length;
  }
  // Only blank lines: all of them are empty, however many spaces they hold.
  return lines.reduce((most, l) => Math.max(most, l.text.length), 0);
}

/** Map a scalar node of `source` (parsed with source ranges). */
export function mapScalar(node: Scalar, source: string): ValueMap {
  const expected = typeof node.value === 'string' ? node.value : String(node.value);
  const [start, end] = node.range ?? [0, 0, 0];
  const attempts: Array<() => Mapped | undefined> = [];
  switch (node.type) {
    case 'PLAIN':
      attempts.push(() => mapFlow(source, start, end, 'plain', expected));
      break;
    case 'QUOTE_SINGLE':
      attempts.push(() => mapFlow(source, start + 1, end - 1, 'single', expected));
      break;
    case 'QUOTE_DOUBLE':
      attempts.push(() => mapFlow(source, start + 1, end - 1, 'double', expected));
      break;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const header = readBlockHeader(source, start, end);
      if (!header) break;
      if (header.explicitIndent) {
        // The indicator is relative to the parent's indentation, which the node does not
        // record; try each plausible parent indentation and keep the one yaml agrees with.
        for (let parent = 0; parent <= 40; parent++) attempts.push(() => mapBlock(source, header, end, parent + header.explicitIndent, expected));
      } else {
        attempts.push(() => mapBlock(source, header, end, autoIndent(source, header, end), expected));
      }
      break;
    }
  }
  for (const attempt of attempts) {
    let r: Mapped | undefined;
    try { r = attempt(); } catch { continue; }
    if (r) return { ...r, verified: true };
  }
  const n = expected.length;
  return {
    value: expected,
    src: new Int32Array(n).fill(start),
    srcEnd: new Int32Array(n).fill(start),
    kind: new Uint8Array(n).fill(ESCAPE),
    exact: new Uint8Array(n),
    verified: false,
  };
}

/**
 * The source range a value range [from, to) occupies, when it can be replaced as a whole:
 * every unit is a copy or a quote escape, the units are contiguous in the source, and no
 * source text is shared with a unit outside the range. Otherwise undefined.
 */
export function exactSourceRange(map: ValueMap, from: number, to: number): [number, number] | undefined {
  if (!map.verified || from < 0 || to > map.value.length || to <= from) return undefined;
  const sameSpan = (a: number, b: number): boolean => map.src[a] === map.src[b] && map.srcEnd[a] === map.srcEnd[b];
  for (let k = from; k < to; k++) {
    if (map.kind[k] !== COPY && map.kind[k] !== QUOTE_ESCAPE) return undefined;
    if (k > from && map.kind[k] !== COPY && sameSpan(k, k - 1)) continue;
    if (k > from && map.src[k] !== map.srcEnd[k - 1]) return undefined;
  }
  if (from > 0 && map.kind[from] !== COPY && sameSpan(from, from - 1)) return undefined;
  if (to < map.value.length && map.kind[to] !== COPY && sameSpan(to, to - 1)) return undefined;
  return [map.src[from], map.srcEnd[to - 1]];
}
