/**
 * A problem the page layout found (a missing glyph, a loose line, a title too long), as a
 * diagnostic at the YAML node it came from — at the very character when the problem names one
 * and the scalar maps to the source exactly. Used by build and by check alike.
 */
import { isScalar } from 'yaml';
import { mapScalar } from '../check/source-map.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { locate, nodeRange, pathToString } from '../issue/locate.js';
import { diagnosticAt } from '../issue/source-context.js';
import type { LayoutProblem } from '../layout/setting.js';

export function layoutDiagnostic(loaded: LoadedIssue, p: LayoutProblem): Diagnostic {
  const at = locate(loaded.doc, p.source);
  const range = valueRange(at.node, p.offset, loaded.source) ?? nodeRange(at.node);
  return diagnosticAt(loaded, p.code, p.message, range?.[0] ?? 0, range?.[1], { severity: p.severity, path: pathToString(p.source), hint: p.hint });
}

/** The source range of the character at `offset` in a string scalar's value, when it maps to the source exactly. */
function valueRange(node: unknown, offset: number | undefined, source: string): [number, number] | undefined {
  if (offset === undefined || !isScalar(node) || typeof node.value !== 'string' || offset >= node.value.length) return undefined;
  const map = mapScalar(node, source);
  if (!map.verified) return undefined;
  return [map.src[offset], map.srcEnd[offset]];
}
