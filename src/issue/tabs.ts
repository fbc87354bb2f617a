/**
 * Tabs in indentation: YAML refuses them, and how far a tab was meant to indent is not written
 * anywhere. The repair tries the usual tab widths (2, 4 and 8 columns) and keeps one only when it
 * is certain: the file then reads without a YAML error, no other width gives as few schema
 * problems, and every width that does gives the very same issue.
 */
import { parseDocument } from 'yaml';
import type { Repair, SourceEdit } from './traps.js';

const WIDTHS = [2, 4, 8] as const;

/**
 * The indentation of the line at `lineStart` — its leading blanks and any `- ` list markers
 * among them — with each tab advanced to the next multiple of `width` columns.
 */
function expanded(source: string, lineStart: number, width: number): { end: number; text: string } {
  let end = lineStart;
  let column = 0;
  let text = '';
  for (;;) {
    const c = source[end];
    if (c === ' ' || c === '\t') {
      const next = c === '\t' ? (Math.floor(column / width) + 1) * width : column + 1;
      text += ' '.repeat(next - column);
      column = next;
    } else if (c === '-' && (source[end + 1] === ' ' || source[end + 1] === '\t')) {
      text += '-';
      column++;
    } else {
      break;
    }
    end++;
  }
  return { end, text };
}

function editsFor(source: string, lines: readonly number[], width: number): SourceEdit[] {
  return lines.map((from) => {
    const { end, text } = expanded(source, from, width);
    return { from, to: end, text };
  });
}

function applied(source: string, edits: readonly SourceEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += source.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + source.slice(at);
}

/**
 * The repair of the tab-indented lines starting at `lines`, or undefined when no width is certain.
 * `problems` counts the schema problems of a parsed issue (undefined when it cannot be checked).
 */
export function tabRepair(source: string, lines: readonly number[], problems: (data: unknown, text: string) => number): Repair | undefined {
  if (lines.length === 0) return undefined;
  const readings: Array<{ width: number; edits: SourceEdit[]; data: string; problems: number }> = [];
  for (const width of WIDTHS) {
    const edits = editsFor(source, lines, width);
    const text = applied(source, edits);
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length > 0) continue;
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 10_000 });
    } catch {
      continue;
    }
    readings.push({ width, edits, data: JSON.stringify(data), problems: problems(data, text) });
  }
  if (readings.length === 0) return undefined;
  const fewest = readings.reduce((least, r) => Math.min(least, r.problems), Infinity);
  const best = readings.filter((r) => r.problems === fewest);
  if (best.some((r) => r.data !== best[0].data)) return undefined;
  return { edits: best[0].edits, expect: [], change: 'change.tabs', changeParams: { count: lines.length }, code: 'tab-indent' };
}
