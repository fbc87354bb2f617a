/**
 * Source offsets → the 1-based line and column an editor sees. yaml counts UTF-16 code
 * units; editors and our messages count characters, which differ for characters outside
 * the BMP (CJK Extension B and beyond), so columns are recounted in code points.
 */
import type { LineCounter } from 'yaml';

export interface Position {
  line: number;
  col: number;
}

/**
 * Per source (keyed by its line counter): high surrogates before each offset, so that a
 * column costs the same at the end of a 100,000-character line as at its start.
 */
const surrogates = new WeakMap<LineCounter, { source: string; before?: Uint32Array }>();

function highSurrogatesBefore(source: string, lineCounter: LineCounter): Uint32Array | undefined {
  let entry = surrogates.get(lineCounter);
  if (!entry || entry.source !== source) {
    entry = { source };
    if (/[\ud800-\udbff]/.test(source)) {
      const before = new Uint32Array(source.length + 1);
      for (let i = 0; i < source.length; i++) {
        const code = source.charCodeAt(i);
        before[i + 1] = before[i] + (code >= 0xd800 && code <= 0xdbff && i + 1 < source.length ? 1 : 0);
      }
      entry.before = before;
    }
    surrogates.set(lineCounter, entry);
  }
  return entry.before;
}

export function positionAt(source: string, lineCounter: LineCounter, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, source.length));
  const { line } = lineCounter.linePos(clamped);
  const lineStart = lineCounter.lineStarts[line - 1] ?? 0;
  const before = highSurrogatesBefore(source, lineCounter);
  // A surrogate pair counts once; one cut by `clamped` still counts (its high half is a character).
  let pairs = before ? before[clamped] - before[lineStart] : 0;
  if (pairs > 0 && isHigh(source.charCodeAt(clamped - 1))) pairs--;
  return { line, col: clamped - lineStart - pairs + 1 };
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The text of a 1-based line, without its line break. */
export function sourceLine(source: string, lineCounter: LineCounter, line: number): string {
  const start = lineCounter.lineStarts[line - 1] ?? 0;
  const next = lineCounter.lineStarts[line];
  return source.slice(start, next === undefined ? undefined : next).replace(/\r?\n$/, '');
}
