/**
 * Problems below the schema: characters that are not text, YAML syntax errors (reworded for
 * editors), duplicate keys, and aliases that would expand without bound.
 */
import { isAlias, isMap, isPair, isSeq, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import { keyText } from './locate.js';
import { diagnosticAt, type SourceContext } from './source-context.js';
import { positionAt } from './position.js';

/** Expanded values (scalars, lists, mappings) that aliases may produce in one file. */
export const MAX_EXPANDED_NODES = 100_000;

/**
 * Characters the loader refuses: C0 controls but tab, line feed and carriage return, DEL and the
 * C1 controls. Later checks skip what this accepts as refused, so one character is one error.
 */
export function isRefusedCharacter(cp: number): boolean {
  return cp <= 0x08 || cp === 0x0b || cp === 0x0c || (cp >= 0x0e && cp <= 0x1f) || (cp >= 0x7f && cp <= 0x9f);
}

function characterName(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp === 0) return `NUL character (${hex})`;
  if (cp === 0x1b) return `escape character (${hex})`;
  if (cp === 0x0c) return `form feed (${hex})`;
  return `control character ${hex}`;
}

/** Control characters are never meant in an issue: usually a pasted or damaged file. One report per line. */
export function scanCharacters(ctx: SourceContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reportedLines = new Set<number>();
  const source = ctx.source;
  for (let offset = 0; offset < source.length; offset++) {
    if (!isRefusedCharacter(source.charCodeAt(offset))) continue;
    const { line } = positionAt(ctx.source, ctx.lineCounter, offset);
    if (reportedLines.has(line)) continue;
    reportedLines.add(line);
    diagnostics.push(
      diagnosticAt(ctx, 'bad-character', `${characterName(source[offset])} in the file; it is not text — delete it`, offset, offset + 1),
    );
  }
  return diagnostics;
}

/** The duplicate key starting at `offset`, and the earlier key it repeats, when they can be found. */
function duplicateOf(doc: Document, offset: number): { key?: Node; earlier?: Node } {
  let found: { key?: Node; earlier?: Node } = {};
  visit(doc, {
    Map(_, map) {
      const index = map.items.findIndex((p) => (p.key as Node | null)?.range?.[0] === offset);
      if (index < 0) return undefined;
      const text = keyText(map.items[index].key);
      const earlier = map.items.slice(0, index).find((p) => keyText(p.key) === text);
      found = { key: map.items[index].key as Node, earlier: (earlier?.key as Node | undefined) ?? undefined };
      return visit.BREAK;
    },
  });
  return found;
}

/** The quoted scalar that an unclosed-quote error at `offset` belongs to. */
function unclosedQuote(doc: Document, offset: number): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Scalar(_, scalar) {
      if (scalar.type !== 'QUOTE_DOUBLE' && scalar.type !== 'QUOTE_SINGLE') return undefined;
      if (scalar.range && scalar.range[0] < offset && scalar.range[1] >= offset) {
        found = scalar;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function lineEnd(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  return end < 0 ? source.length : end;
}

function yamlErrorDiagnostic(error: YAMLError, doc: Document, ctx: SourceContext): Diagnostic {
  let [start, end] = error.pos;
  let code = 'yaml-syntax';
  let message = error.message.replace(/\s+at line \d+, column \d+.*$/s, '');
  let hint: string | undefined;
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      code = 'duplicate-key';
      const { key, earlier } = duplicateOf(doc, start);
      if (key?.range) end = key.range[1];
      const text = keyText(key) ?? (ctx.source.slice(start, end).trim() || 'this key');
      const earlierLine = earlier?.range ? positionAt(ctx.source, ctx.lineCounter, earlier.range[0]).line : undefined;
      message = `duplicate key \`${text}\`${earlierLine ? `: it is already set on line ${earlierLine}` : ''}; a key may appear only once in a mapping`;
      hint = 'keep one of the two (the same key twice is often two items run together by a missing `- `)';
      break;
    }
    case 'TAB_AS_INDENT':
      message = 'tab character used for indentation; YAML indents with spaces only';
      hint = 'replace the tab with spaces, lining the key up with its siblings';
      break;
    case 'MULTIPLE_DOCS':
      message = 'a second YAML document starts here (`---`); an issue file holds exactly one issue';
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/compact mappings/.test(error.message)) {
        // A plain value containing ": " reads as a nested key; point at that colon.
        const colon = ctx.source.slice(start, lineEnd(ctx.source, start)).search(/:(\s|$)/);
        if (colon >= 0) {
          start += colon;
          end = start + 1;
          message = 'a colon followed by a space inside a value starts a new key';
          hint = 'use the full-width colon ： in Chinese text, or put the whole value in quotes';
        } else {
          message = 'a more deeply indented `key:` line follows a value that is already complete; check the indentation';
        }
      }
      break;
    case 'MISSING_CHAR': {
      const quoted = /quote/.test(error.message) ? unclosedQuote(doc, start) : undefined;
      if (quoted?.range) {
        start = quoted.range[0];
        end = start + 1;
        const mark = ctx.source[start];
        message = `the quoted text that starts here is never closed; add the closing ${mark}`;
      } else {
        message = message.charAt(0).toLowerCase() + message.slice(1);
      }
      break;
    }
    case 'BAD_INDENT':
      if (/^Flow (sequence|map)/.test(error.message)) {
        const [open, close] = /^Flow sequence/.test(error.message) ? ['[', ']'] : ['{', '}'];
        message = `a \`${open} … ${close}\` above is not closed with \`${close}\` before this line (or this line is not indented enough)`;
      } else {
        message = `bad indentation: ${message.charAt(0).toLowerCase() + message.slice(1)}`;
      }
      break;
    case 'TAG_RESOLVE_FAILED': {
      code = 'yaml-tag';
      const tag = ctx.source.slice(start, end).trim();
      message = `unknown YAML tag \`${tag}\`; the value is read as if it were not there`;
      hint = 'issue files need no tags; delete it';
      break;
    }
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      code = 'yaml-alias';
      break;
    default:
      message = message.charAt(0).toLowerCase() + message.slice(1);
  }
  return diagnosticAt(ctx, code, message, start, end, { hint, severity: error.name === 'YAMLWarning' ? 'warning' : 'error' });
}

/** YAML errors and warnings, at most one per line: a syntax error often cascades along its line. */
export function yamlDiagnostics(doc: Document, ctx: SourceContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const lines = new Set<number>();
  for (const error of [...doc.errors, ...doc.warnings]) {
    const diagnostic = yamlErrorDiagnostic(error, doc, ctx);
    if (diagnostic.code !== 'duplicate-key' && lines.has(diagnostic.line)) continue;
    lines.add(diagnostic.line);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/**
 * How many values the document becomes once its aliases are expanded, computed without
 * expanding them (each anchored node's size is counted once). Reports the alias at which
 * the count passes the bound, and aliases that refer to a value containing themselves.
 */
export function aliasDiagnostics(doc: Document, ctx: SourceContext): Diagnostic[] {
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  const problems: Diagnostic[] = [];
  let total = 0;
  let reported = false;

  const aliasAt = (node: Node, text: string) => {
    const range = node.range ?? [0, 0];
    return { start: range[0], end: range[1], text };
  };

  function size(node: unknown, counting: boolean): number {
    if (node === null || node === undefined) return 1;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) {
        const a = aliasAt(node, `*${node.source}`);
        problems.push(diagnosticAt(ctx, 'yaml-alias', `alias \`${a.text}\` names no anchor \`&${node.source}\` defined before it`, a.start, a.end));
        return 1;
      }
      if (inProgress.has(target)) {
        const a = aliasAt(node, `*${node.source}`);
        problems.push(diagnosticAt(ctx, 'yaml-alias', `alias \`${a.text}\` refers to a value that contains it, which would never end`, a.start, a.end));
        return 1;
      }
      const expanded = size(target, false);
      if (counting) {
        total += expanded;
        if (!reported && total > MAX_EXPANDED_NODES) {
          reported = true;
          const a = aliasAt(node, `*${node.source}`);
          problems.push(diagnosticAt(
            ctx,
            'yaml-alias',
            `alias \`${a.text}\` expands to ${expanded.toLocaleString('en-US')} values, and the file's aliases pass the limit of ${MAX_EXPANDED_NODES.toLocaleString('en-US')}`,
            a.start,
            a.end,
            { hint: 'aliases that repeat aliases grow exponentially (a "billion laughs" file); write the values out instead' },
          ));
        }
      }
      return expanded;
    }
    const memo = counting ? undefined : sizes.get(node);
    if (memo !== undefined) return memo;
    inProgress.add(node);
    let n = 1;
    if (counting) total += 1;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) n += size(item.key, counting) + size(item.value, counting);
        else n += size(item, counting);
      }
    }
    inProgress.delete(node);
    if (!counting) sizes.set(node, n);
    return n;
  }

  size(doc.contents, true);
  return problems;
}
