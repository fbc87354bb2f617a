/**
 * How much text a YAML document becomes once its aliases are expanded, computed without
 * expanding them. aliasDiagnostics bounds the number of values; this bounds their size: one
 * long anchored paragraph repeated three hundred times is few values but ninety million
 * characters, which would take the layout minutes and tens of thousands of pages.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import { diagnosticAt, type SourceContext } from './source-context.js';
import { hintOf, say } from '../messages/catalogue.js';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * A located error at the alias with which the document's expanded text passes `limit`
 * characters (UTF-16 code units of every key and value), or none. Aliases that name nothing
 * or contain themselves are aliasDiagnostics' to report; here they count as nothing.
 */
export function expandedTextDiagnostics(doc: Document, ctx: SourceContext, limit: number): Diagnostic[] {
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  let total = 0;
  let problem: Diagnostic | undefined;

  /** Characters of `node` once expanded; `counting` adds them to the document's total as met. */
  function size(node: unknown, counting: boolean): number {
    if (problem || node === null || node === undefined) return 0;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target || inProgress.has(target)) return 0;
      const expanded = size(target, false);
      if (counting) {
        total += expanded;
        if (total > limit && !problem) {
          const range = (node as Node).range ?? [0, 0];
          problem = diagnosticAt(
            ctx,
            'yaml-alias',
            say('yaml.alias-text-bomb', { alias: `*${node.source}`, count: n(expanded), limit: n(limit) }),
            range[0],
            range[1],
            { hint: hintOf('yaml.alias-text-bomb') },
          );
        }
      }
      return expanded;
    }
    const memo = counting ? undefined : sizes.get(node);
    if (memo !== undefined) return memo;
    let chars = 0;
    if (isScalar(node)) {
      const v = node.value;
      chars = typeof v === 'string' ? v.length : v === null || v === undefined ? 0 : String(v).length;
      if (counting) total += chars;
    } else if (isMap(node) || isSeq(node)) {
      inProgress.add(node);
      for (const item of node.items as unknown[]) {
        if (isPair(item)) chars += size(item.key, counting) + size(item.value, counting);
        else chars += size(item, counting);
      }
      inProgress.delete(node);
    }
    if (!counting) sizes.set(node, chars);
    return chars;
  }

  size(doc.contents, true);
  return problem ? [problem] : [];
}
