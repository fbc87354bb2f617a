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

export function positionAt(source: string, lineCounter: LineCounter, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, source.length));
  const { line } = lineCounter.linePos(clamped);
  const lineStart = lineCounter.lineStarts[line - 1] ?? 0;
  let col = 1;
  for (let i = lineStart; i < clamped; i++) {
    const code = source.charCodeAt(i);
    // count a surrogate pair once
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < clamped) i++;
    col++;
  }
  return { line, col };
}

/** The text of a 1-based line, without its line break. */
export function sourceLine(source: string, lineCounter: LineCounter, line: number): string {
  const start = lineCounter.lineStarts[line - 1] ?? 0;
  const next = lineCounter.lineStarts[line];
  return source.slice(start, next === undefined ? undefined : next).replace(/\r?\n$/, '');
}
