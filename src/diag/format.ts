/**
 * Printing diagnostics: gcc-style text with the source line and a caret, a JSON array for
 * tools, and GitHub workflow commands that annotate the file in a pull request. Pure
 * functions: the caller supplies the source lines and writes the result.
 */
import { countBySeverity, type Diagnostic, type Severity } from './diagnostic.js';
import { codePointWidth } from './width.js';

export type OutputFormat = 'text' | 'json' | 'github';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];

/** The text of a 1-based line of a file, when the printer should show it. */
export type SourceLines = (file: string, line: number) => string | undefined;

/** gcc's word for each severity; `info` prints as `note`, as gcc's informational lines do. */
const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

const TAB_STOP = 8;
/** Widest source excerpt printed; long paragraphs are cut around the caret. */
const MAX_EXCERPT_WIDTH = 100;

interface Cell {
  text: string;
  width: number;
}

/** One cell per code point, as a terminal shows it: tabs expanded, control characters made visible. */
function cells(line: string): Cell[] {
  const out: Cell[] = [];
  let column = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    let cell: Cell;
    if (ch === '\t') {
      const width = TAB_STOP - (column % TAB_STOP);
      cell = { text: ' '.repeat(width), width };
    } else if (cp < 0x20) cell = { text: String.fromCodePoint(0x2400 + cp), width: 1 };
    else if (cp === 0x7f) cell = { text: '\u2421', width: 1 };
    else if (cp >= 0x80 && cp <= 0x9f) cell = { text: '\uFFFD', width: 1 };
    else cell = { text: ch, width: codePointWidth(cp) };
    out.push(cell);
    column += cell.width;
  }
  return out;
}

const widthOf = (cs: readonly Cell[]) => cs.reduce((sum, c) => sum + c.width, 0);

/**
 * The excerpt of `line` to print and the marker line beneath it: `^` under the first column
 * of the character at `col` (1-based, code points), `~` under the rest of the range up to
 * `endCol` (exclusive). Placement counts display columns, so it holds under CJK text.
 */
export function excerpt(line: string, col: number, endCol?: number): { text: string; marker: string } {
  const all = cells(line);
  const caret = Math.min(Math.max(col - 1, 0), all.length);
  // At the end of the line the caret marks the place after the last character.
  if (caret === all.length) all.push({ text: '', width: 1 });
  const rangeEnd = Math.min(Math.max(endCol !== undefined ? endCol - 1 : caret + 1, caret + 1), all.length);

  let from = 0;
  let to = all.length;
  if (widthOf(all) > MAX_EXCERPT_WIDTH) {
    // Keep about a third of the excerpt before the caret, the rest after it.
    let before = 0;
    from = caret;
    while (from > 0 && before + all[from - 1].width <= MAX_EXCERPT_WIDTH / 3) before += all[--from].width;
    let width = widthOf(all.slice(from, caret));
    to = caret;
    while (to < all.length && width + all[to].width <= MAX_EXCERPT_WIDTH) width += all[to++].width;
  }
  const lead = from > 0 ? '…' : '';
  const tail = to < all.length ? '…' : '';
  const shown = all.slice(from, to);
  const text = lead + shown.map((c) => c.text).join('') + tail;

  const pad = lead.length + widthOf(all.slice(from, caret));
  const underlined = Math.max(1, widthOf(all.slice(caret, Math.min(rangeEnd, to))));
  const marker = ' '.repeat(pad) + '^' + '~'.repeat(underlined - 1);
  return { text: text.replace(/\s+$/, ''), marker };
}

/** `FILE:LINE:COL: error: MESSAGE [code]`, then the source line with a caret, then any hint. */
export function formatTextDiagnostic(d: Diagnostic, lines?: SourceLines): string {
  const out = [`${d.file}:${d.line}:${d.col}: ${LABEL[d.severity]}: ${d.message} [${d.code}]`];
  const source = lines?.(d.file, d.line);
  const gutter = String(d.line).length;
  if (source !== undefined) {
    const endCol = d.endLine === undefined || d.endLine === d.line ? d.endCol : Infinity;
    const { text, marker } = excerpt(source, d.col, endCol === Infinity ? [...source].length + 1 : endCol);
    out.push(` ${String(d.line).padStart(gutter)} | ${text}`.replace(/\s+$/, ''));
    out.push(` ${' '.repeat(gutter)} | ${marker}`);
  }
  if (d.hint) out.push(` ${' '.repeat(gutter)} = hint: ${d.hint}`);
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
  return JSON.stringify(rows, null, 2);
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
  const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  return `::${GITHUB_COMMAND[d.severity]} ${props}::${escapeGithubData(message)}`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 files, 3 errors, 1 warning"; "1 file, no problems" when clean. */
export function summaryLine(fileCount: number, diagnostics: readonly Diagnostic[]): string {
  const { error, warning, info } = countBySeverity(diagnostics);
  const parts = [count(fileCount, 'file', 'files')];
  if (error + warning + info === 0) parts.push('no problems');
  if (error > 0) parts.push(count(error, 'error', 'errors'));
  if (warning > 0) parts.push(count(warning, 'warning', 'warnings'));
  if (info > 0) parts.push(count(info, 'note', 'notes'));
  return parts.join(', ');
}

/** All diagnostics in one format (text without the summary, which the caller adds). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: OutputFormat, lines?: SourceLines): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics);
    case 'github':
      return diagnostics.map(formatGithubDiagnostic).join('\n');
    case 'text':
      return diagnostics.map((d) => formatTextDiagnostic(d, lines)).join('\n');
  }
}
