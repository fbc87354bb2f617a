/**
 * One problem found in an issue file, located at the exact character in the source.
 * Every stage reports through this shape so that the CLI alone decides how to print it
 * and which exit status follows.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable rule or check id, e.g. `schema`, `yaml-syntax`, `punct-halfwidth`. */
  code: string;
  severity: Severity;
  /** Plain words an editor understands; names the field. */
  message: string;
  file: string;
  /** 1-based line and column of the offending character (columns count code points). */
  line: number;
  col: number;
  /** Optional end of the offending range, same conventions. */
  endLine?: number;
  endCol?: number;
  /** Path of the field in the issue, e.g. `sections[2].articles[0].title`. */
  path?: string;
  /** A suggestion, e.g. the nearest correct key. */
  hint?: string;
  /** Set when `--fix` can repair it. */
  fixable?: boolean;
}

export function countBySeverity(diags: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diags) counts[d.severity]++;
  return counts;
}

/** Sort by file, then position, so output is stable whatever order checks ran in. */
export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}
