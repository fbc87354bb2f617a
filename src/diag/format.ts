/**
 * Printing diagnostics: gcc-style text with the source line and a caret, a JSON array for
 * tools, and GitHub workflow commands that annotate the file in a pull request. Pure
 * functions: the caller supplies the source lines and writes the result.
 */
import { say, type MessageId } from '../messages/catalogue.js';
import { PLAIN, type Palette } from './colour.js';
import { countBySeverity, type Diagnostic, type Severity } from './diagnostic.js';
import { codePointLabel, escapeInvisibleJson, isInvisible, visibleText } from './visible.js';
import { codePointWidth } from './width.js';

export type OutputFormat = 'text' | 'json' | 'github';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];

/** The text of a 1-based line of a file, when the printer should show it. */
export type SourceLines = (file: string, line: number) => string | undefined;

/** gcc's word for each severity (with its colon); `info` prints as `note`, as gcc's informational lines do. */
const LABEL: Record<Severity, MessageId> = { error: 'diag.error', warning: 'diag.warning', info: 'diag.note' };

const TAB_STOP = 8;
/** Widest source excerpt printed; long paragraphs are cut around the caret. */
const MAX_EXCERPT_WIDTH = 100;

interface Cell {
  text: string;
  width: number;
}

/**
 * A source line as a terminal shows it, one cell per code point: tabs expanded, control and
 * invisible characters made visible (`<U+200B>`; a raw U+2028 would even end the line).
 * Computed once per line however many diagnostics point into it; `at[i]` is the display
 * column where cell i starts, so any stretch of the line is measured without a rescan.
 */
export interface PreparedLine {
  cells: Cell[];
  at: number[];
}

export function prepareLine(line: string): PreparedLine {
  const cells: Cell[] = [];
  const at: number[] = [0];
  let column = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    let cell: Cell;
    if (ch === '\t') {
      const width = TAB_STOP - (column % TAB_STOP);
      cell = { text: ' '.repeat(width), width };
    } else if (cp < 0x20) cell = { text: String.fromCodePoint(0x2400 + cp), width: 1 };
    else if (cp === 0x7f) cell = { text: '\u2421', width: 1 };
    else if (isInvisible(cp)) {
      const text = `<${codePointLabel(cp)}>`;
      cell = { text, width: text.length };
    } else cell = { text: ch, width: codePointWidth(cp) };
    cells.push(cell);
    column += cell.width;
    at.push(column);
  }
  return { cells, at };
}

/**
 * The excerpt of `line` to print and the marker line beneath it: `^` under the first column
 * of the character at `col` (1-based, code points), `~` under the rest of the range up to
 * `endCol` (exclusive). Placement counts display columns, so it holds under CJK text. The work
 * beyond preparing the line is bounded by the excerpt's width, not the line's length.
 */
export function excerpt(line: string | PreparedLine, col: number, endCol?: number): { text: string; marker: string } {
  const { cells, at } = typeof line === 'string' ? prepareLine(line) : line;
  const n = cells.length;
  const caret = Math.min(Math.max(col - 1, 0), n);
  // At the end of the line the caret marks the place after the last character (one column).
  const cellWidth = (i: number) => (i < n ? cells[i].width : 1);
  const cellsEnd = caret === n ? n + 1 : n;
  const columnOf = (i: number) => (i <= n ? at[i] : at[n] + 1);
  const rangeEnd = Math.min(Math.max(endCol !== undefined ? endCol - 1 : caret + 1, caret + 1), cellsEnd);

  let from = 0;
  let to = cellsEnd;
  if (columnOf(cellsEnd) > MAX_EXCERPT_WIDTH) {
    // Keep about a third of the excerpt before the caret, the rest after it.
    from = caret;
    while (from > 0 && columnOf(caret) - at[from - 1] <= MAX_EXCERPT_WIDTH / 3) from--;
    to = caret;
    while (to < cellsEnd && columnOf(to) + cellWidth(to) - columnOf(from) <= MAX_EXCERPT_WIDTH) to++;
  }
  const lead = from > 0 ? '…' : '';
  const tail = to < cellsEnd ? '…' : '';
  let shown = '';
  for (let i = from; i < Math.min(to, n); i++) shown += cells[i].text;
  const text = lead + shown + tail;

  const pad = lead.length + columnOf(caret) - columnOf(from);
  const underlined = Math.max(1, columnOf(Math.min(rangeEnd, to)) - columnOf(caret));
  const marker = ' '.repeat(pad) + '^' + '~'.repeat(underlined - 1);
  return { text: text.replace(/\s+$/, ''), marker };
}

/** The prepared source lines of one formatting run; diagnostics come sorted, so by line. */
class LineCache {
  private key: string | undefined;
  private line: { text: string; prepared: PreparedLine } | undefined;
  constructor(private readonly lines: SourceLines) {}
  get(file: string, n: number): { text: string; prepared: PreparedLine } | undefined {
    const key = `${n}:${file}`;
    if (key !== this.key) {
      this.key = key;
      const text = this.lines(file, n);
      this.line = text === undefined ? undefined : { text, prepared: prepareLine(text) };
    }
    return this.line;
  }
}

/** `FILE:LINE:COL: error: MESSAGE [code]`, then the source line with a caret, then any hint. */
export function formatTextDiagnostic(d: Diagnostic, lines?: SourceLines | LineCache, palette: Palette = PLAIN): string {
  const label = palette[d.severity === 'info' ? 'note' : d.severity](say(LABEL[d.severity]));
  const out = [say('diag.line', { place: palette.place(`${d.file}:${d.line}:${d.col}:`), label, message: visibleText(d.message), code: palette.code(`[${d.code}]`) })];
  const cache = lines instanceof LineCache ? lines : lines ? new LineCache(lines) : undefined;
  const source = cache?.get(d.file, d.line);
  const gutter = String(d.line).length;
  if (source !== undefined) {
    const endCol = d.endLine === undefined || d.endLine === d.line ? d.endCol : source.prepared.cells.length + 1;
    const { text, marker } = excerpt(source.prepared, d.col, endCol);
    out.push(` ${String(d.line).padStart(gutter)} | ${text}`.replace(/\s+$/, ''));
    const pad = /^ */.exec(marker)![0];
    out.push(` ${' '.repeat(gutter)} | ${pad}${palette.caret(marker.slice(pad.length))}`);
  }
  if (d.hint) out.push(` ${' '.repeat(gutter)} = ${say('diag.hint-line', { label: palette.hint(say('diag.hint')), hint: visibleText(d.hint) })}`);
  return out.join('\n');
}

/** Key order of the JSON output; stable so that tools and diffs can rely on it. */
const JSON_KEYS = ['file', 'line', 'col', 'endLine', 'endCol', 'severity', 'code', 'message', 'path', 'hint', 'fixable'] as const;

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map((d) => {
    const row: Record<string, unknown> = {};
    for (const key of JSON_KEYS) if (d[key] !== undefined) row[key] = d[key];
    return row;
  });
  return escapeInvisibleJson(JSON.stringify(rows, null, 2));
}

/** Workflow-command escaping of a message (the part after `::`). */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command escaping of a property value (file, title): also `:` and `,`. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** `::error file=F,line=L,col=C,title=CODE::MESSAGE` (the hint follows on a new line of the message). */
export function formatGithubDiagnostic(d: Diagnostic): string {
  const props = [
    `file=${escapeGithubProperty(d.file)}`,
    `line=${d.line}`,
    `col=${d.col}`,
    `title=${escapeGithubProperty(d.code)}`,
  ].join(',');
  const message = visibleText(d.hint ? `${d.message}\n${say('diag.hint-line', { label: say('diag.hint'), hint: d.hint })}` : d.message);
  return `::${GITHUB_COMMAND[d.severity]} ${props}::${escapeGithubData(message)}`;
}

/**
 * "2 files, 3 errors, 1 warning"; "1 file, no problems" when clean. With `fixable`, the share
 * --fix would repair follows: "…, 60 of 72 can be repaired with --fix".
 */
export function summaryLine(fileCount: number, diagnostics: readonly Diagnostic[], options: { fixable?: boolean } = {}): string {
  const { error, warning, info } = countBySeverity(diagnostics);
  const parts: string[] = [];
  if (error + warning + info === 0) parts.push(say('summary.clean'));
  if (error > 0) parts.push(say('summary.errors', { count: error }));
  if (warning > 0) parts.push(say('summary.warnings', { count: warning }));
  if (info > 0) parts.push(say('summary.notes', { count: info }));
  const fixable = diagnostics.filter((d) => d.fixable).length;
  const problems = parts.join(say('summary.separator'));
  const files = say('summary.files', { count: fileCount });
  if (options.fixable && fixable > 0) return say('summary.line-fixable', { files, problems, fixable: say('summary.fixable', { fixable, total: diagnostics.length }) });
  return say('summary.line', { files, problems });
}

/** All diagnostics in one format (text without the summary, which the caller adds). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: OutputFormat, lines?: SourceLines, palette: Palette = PLAIN): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics);
    case 'github':
      return diagnostics.map(formatGithubDiagnostic).join('\n');
    case 'text':
    {
      const cache = lines ? new LineCache(lines) : undefined;
      return diagnostics.map((d) => formatTextDiagnostic(d, cache, palette)).join('\n');
    }
  }
}
