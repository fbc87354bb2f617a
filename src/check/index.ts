/**
 * Typography lint over loaded issue files: the entry point `bulletin check` and
 * `bulletin build` call after the schema has been checked.
 */
import type { Diagnostic } from '../diag/diagnostic.js';
import type { LoadedIssue } from '../issue/loaded.js';

export interface LintOptions {
  /** Compute safe repairs. */
  fix?: boolean;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** file → repaired source, for the files `--fix` changed. */
  fixed: Map<string, { source: string; changes: string[] }>;
}

export function lintIssues(_loaded: readonly LoadedIssue[], _options: LintOptions = {}): LintResult {
  return { diagnostics: [], fixed: new Map() };
}
