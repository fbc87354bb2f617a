/**
 * Builds diagnostics located in one source file: offsets in, 1-based code-point positions out.
 */
import type { LineCounter } from 'yaml';
import type { Diagnostic, Severity } from '../diag/diagnostic.js';
import { positionAt } from './position.js';

export interface SourceContext {
  file: string;
  source: string;
  lineCounter: LineCounter;
}

export interface DiagnosticExtras {
  severity?: Severity;
  path?: string;
  hint?: string;
}

/** A diagnostic for the source range [start, end) (end exclusive; omitted for a point). */
export function diagnosticAt(
  ctx: SourceContext,
  code: string,
  message: string,
  start: number,
  end?: number,
  extras: DiagnosticExtras = {},
): Diagnostic {
  const from = positionAt(ctx.source, ctx.lineCounter, start);
  const diagnostic: Diagnostic = {
    code,
    severity: extras.severity ?? 'error',
    message,
    file: ctx.file,
    line: from.line,
    col: from.col,
  };
  if (end !== undefined && end > start) {
    const to = positionAt(ctx.source, ctx.lineCounter, end);
    diagnostic.endLine = to.line;
    diagnostic.endCol = to.col;
  }
  if (extras.path !== undefined) diagnostic.path = extras.path;
  if (extras.hint !== undefined) diagnostic.hint = extras.hint;
  return diagnostic;
}
