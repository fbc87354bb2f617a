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

/** How a value unit came about. */
export type UnitKind = 'copy' | 'quote-escape' | 'escape' | 'fold';

export interface ValueMap {
  value: string;
  /** Source offset of each value unit (for synthesized units: where they were produced). */
  src: number[];
  /** End of the source text that produced each unit (src + 1 for a copy, + 2 for '' or \"). */
  srcEnd: number[];
  kind: UnitKind[];
  /** kind === 'copy' */
  exact: boolean[];
  /** False when the mapping could not be reproduced; then no unit is exact. */
  verified: boolean;
}

type Mapped = Omit<ValueMap, 'verified'>;

class Builder {
  value: string[] = [];
  src: number[] = [];
  srcEnd: number[] = [];
  kind: UnitKind[] = [];
  /** Units at the end that may be trimmed when a flow line break follows (literal source whitespace). */
  trimmable: boolean[] = [];
  /** `ch` produced by the source text [at, end); a copy when `kind` is 'copy'. */
  push(ch: string, at: number, kind: UnitKind, end = at, trimmable = false): void {
    for (let k = 0; k < ch.length; k++) {
      this.value.push(ch[k]);
      this.src.push(at + (kind === 'copy' ? k : 0));
      this.srcEnd.push(kind === 'copy' ? at + k + 1 : end);
      this.kind.push(kind);
      this.trimmable.push(trimmable);
    }
  }
  trimTrailingWhitespace(): void {
    while (this.value.length && this.trimmable[this.trimmable.length - 1]) {
      this.value.pop(); this.src.pop(); this.srcEnd.pop(); this.kind.pop(); this.trimmable.pop();
    }
  }
  result(): Mapped {
    return { value: this.value.join(''), src: this.src, srcEnd: this.srcEnd, kind: this.kind, exact: this.kind.map((k) => k === 'copy') };
  }
}

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

function breakLength(source: string, i: number): number {
  return source[i] === '\r' && source[i + 1] === '\n' ? 2 : 1;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/**
 * Plain and quoted scalars: the text between `from` and `to` (inside the quotes), with YAML's
 * flow folding — a single line break becomes a space, n empty lines become n line feeds, and
 * whitespace around line breaks is dropped.
 */
function mapFlow(source: string, from: number, to: number, kind: 'plain' | 'single' | 'double'): Mapped {
  const b = new Builder();
  let i = from;
  while (i < to) {
    const c = source[i];
    if (kind === 'double' && c === '\\') {
      const next = source[i + 1];
      if (isBreak(next)) {
        // Escaped line break: joins the lines without a space; the whitespace before it is kept.
        let j = i + 1 + breakLength(source, i + 1);
        while (j < to && isWs(source[j])) j++;
        while (j < to && isBreak(source[j])) {
          b.push('\n', j, 'fold');
          j += breakLength(source, j);
          while (j < to && isWs(source[j])) j++;
        }
        i = j;
        continue;
      }
      if (next !== undefined && next in SIMPLE_ESCAPES) {
        b.push(SIMPLE_ESCAPES[next], i, next === '"' ? 'quote-escape' : 'escape', i + 2);
        i += 2;
        continue;
      }
      const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
      const hex = source.slice(i + 2, i + 2 + width);
      if (width && /^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
        b.push(String.fromCodePoint(parseInt(hex, 16)), i, 'escape', i + 2 + width);
        i += 2 + width;
        continue;
      }
      throw new Error('unknown escape');
    }
    if (kind === 'single' && c === "'" && source[i + 1] === "'") {
      b.push("'", i, 'quote-escape', i + 2);
      i += 2;
      continue;
    }
    if (isBreak(c)) {
      b.trimTrailingWhitespace();
      let j = i + breakLength(source, i);
      while (j < to && isWs(source[j])) j++;
      let empty = 0;
      while (j < to && isBreak(source[j])) {
        empty++;
        j += breakLength(source, j);
        while (j < to && isWs(source[j])) j++;
      }
      if (empty === 0) b.push(' ', i, 'fold');
      else for (let k = 0; k < empty; k++) b.push('\n', i, 'fold');
      i = j;
      continue;
    }
    // A surrogate pair is copied unit by unit; both halves stay exact and contiguous.
    b.push(c, i, 'copy', i + 1, isWs(c));
    i++;
  }
  return b.result();
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
  while (i < end && !isBreak(source[i])) i++;
  if (i < end) i += breakLength(source, i);
  return { folded: indicator === '>', chomp, explicitIndent, contentStart: i };
}

interface Line { start: number; text: string; breakAt: number; breakLen: number }

function splitLines(source: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let i = from;
  while (i < to) {
    let j = i;
    while (j < to && !isBreak(source[j])) j++;
    const breakLen = j < to ? breakLength(source, j) : 0;
    lines.push({ start: i, text: source.slice(i, j), breakAt: j, breakLen });
    i = j + breakLen;
  }
  return lines;
}

function mapBlock(source: string, header: BlockHeader, to: number, indent: number): Mapped {
  const b = new Builder();
  const lines = splitLines(source, header.contentStart, to);
  const isEmpty = (l: Line): boolean => l.text.length <= indent && /^ *$/.test(l.text);
  let lastContent = -1;
  for (let k = 0; k < lines.length; k++) if (!isEmpty(lines[k])) lastContent = k;
  const pushBreak = (l: Line): void => {
    if (l.breakLen === 1 && source[l.breakAt] === '\n') b.push('\n', l.breakAt, 'copy');
    else b.push('\n', l.breakAt, 'fold');
  };
  // Body: everything up to and including the last content line (without its break).
  let prevKind: 'none' | 'normal' | 'more' = 'none';
  let pendingEmpty: Line[] = [];
  for (let k = 0; k <= lastContent; k++) {
    const l = lines[k];
    if (isEmpty(l)) { pendingEmpty.push(l); continue; }
    const content = l.text.slice(indent);
    const kind = isWs(content[0]) ? 'more' : 'normal';
    if (prevKind !== 'none') {
      const prevLine = lines[k - pendingEmpty.length - 1];
      if (header.folded && prevKind === 'normal' && kind === 'normal') {
        if (pendingEmpty.length === 0) b.push(' ', prevLine.breakAt, 'fold');
        else for (const e of pendingEmpty) b.push('\n', e.start, 'fold');
      } else {
        pushBreak(prevLine);
        for (const e of pendingEmpty) pushBreak(e);
      }
    } else {
      for (const e of pendingEmpty) pushBreak(e);
    }
    pendingEmpty = [];
    for (let c = 0; c < content.length; c++) b.push(content[c], l.start + indent + c, 'copy');
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
  return b.result();
}

function autoIndent(source: string, header: BlockHeader, to: number): number {
  const lines = splitLines(source, header.contentStart, to);
  for (const l of lines) {
    if (!/^ *$/.test(l.text)) return /^ */.exec(l.text)![0].length;
  }
  // Only blank lines: all of them are empty, however many spaces they hold.
  return Math.max(0, ...lines.map((l) => l.text.length));
}

/** Map a scalar node of `source` (parsed with source ranges). */
export function mapScalar(node: Scalar, source: string): ValueMap {
  const expected = typeof node.value === 'string' ? node.value : String(node.value);
  const [start, end] = node.range ?? [0, 0, 0];
  const attempts: Array<() => Mapped> = [];
  switch (node.type) {
    case 'PLAIN':
      attempts.push(() => mapFlow(source, start, end, 'plain'));
      break;
    case 'QUOTE_SINGLE':
      attempts.push(() => mapFlow(source, start + 1, end - 1, 'single'));
      break;
    case 'QUOTE_DOUBLE':
      attempts.push(() => mapFlow(source, start + 1, end - 1, 'double'));
      break;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const header = readBlockHeader(source, start, end);
      if (!header) break;
      if (header.explicitIndent) {
        // The indicator is relative to the parent's indentation, which the node does not
        // record; try each plausible parent indentation and keep the one yaml agrees with.
        for (let parent = 0; parent <= 40; parent++) attempts.push(() => mapBlock(source, header, end, parent + header.explicitIndent));
      } else {
        attempts.push(() => mapBlock(source, header, end, autoIndent(source, header, end)));
      }
      break;
    }
  }
  for (const attempt of attempts) {
    let r: Mapped;
    try { r = attempt(); } catch { continue; }
    if (r.value === expected) return { ...r, verified: true };
  }
  return {
    value: expected,
    src: Array.from(expected, () => start),
    srcEnd: Array.from(expected, () => start),
    kind: Array.from(expected, (): UnitKind => 'escape'),
    exact: Array.from(expected, () => false),
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
    if (map.kind[k] !== 'copy' && map.kind[k] !== 'quote-escape') return undefined;
    if (k > from && map.kind[k] !== 'copy' && sameSpan(k, k - 1)) continue;
    if (k > from && map.src[k] !== map.srcEnd[k - 1]) return undefined;
  }
  if (from > 0 && map.kind[from] !== 'copy' && sameSpan(from, from - 1)) return undefined;
  if (to < map.value.length && map.kind[to] !== 'copy' && sameSpan(to, to - 1)) return undefined;
  return [map.src[from], map.srcEnd[to - 1]];
}
