/**
 * Problems below the schema: characters that are not text, YAML syntax errors (reworded for
 * editors), duplicate keys, and aliases that would expand without bound.
 */
import { isAlias, isMap, isPair, isSeq, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import { keyText } from './locate.js';
import { diagnosticAt, type SourceContext } from './source-context.js';
import { positionAt } from './position.js';
import { hintOf, say, sayWithHint, type MessageId } from '../messages/catalogue.js';

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
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp === 0) return say('bad-character.nul', { code });
  if (cp === 0x1b) return say('bad-character.escape', { code });
  if (cp === 0x0c) return say('bad-character.form-feed', { code });
  return say('bad-character.control', { code });
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
      diagnosticAt(ctx, 'bad-character', say('bad-character', { name: characterName(source[offset]) }), offset, offset + 1),
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

/** YAML's own words for a problem never reach the editor: each kind of error has a message of ours. */
function reworded(error: YAMLError, ctx: SourceContext, start: number): { id: MessageId; params?: Record<string, string> } {
  switch (error.code) {
    case 'BAD_SCALAR_START':
      return { id: 'yaml.bad-start', params: { mark: ctx.source[start] ?? '' } };
    case 'UNEXPECTED_TOKEN':
      return { id: 'yaml.unexpected' };
    case 'BAD_DQ_ESCAPE':
      return { id: 'yaml.bad-escape' };
    case 'MULTILINE_IMPLICIT_KEY':
      return { id: 'yaml.key-lines' };
    case 'BLOCK_IN_FLOW':
      return { id: 'yaml.block-in-flow' };
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
      return { id: 'yaml.anchors' };
    case 'BAD_PROP_ORDER':
    case 'ALIAS_PROPS':
      return { id: 'yaml.props' };
    case 'BAD_ALIAS':
      return { id: 'yaml.alias-bad' };
    case 'NON_STRING_KEY':
      return { id: 'yaml.key-type' };
    case 'KEY_OVER_1024_CHARS':
      return { id: 'yaml.key-long' };
    case 'BAD_DIRECTIVE':
      return { id: 'yaml.directive' };
    case 'MISSING_CHAR':
      if (/without - indicator/.test(error.message)) return { id: 'yaml.item-without-dash' };
      if (/Implicit map keys need/.test(error.message)) return { id: 'yaml.implicit-key' };
      if (/Tags and anchors/.test(error.message)) return { id: 'yaml.props' };
      return { id: 'yaml.missing-char' };
    case 'BAD_INDENT':
      return { id: 'yaml.indent' };
    default:
      return { id: 'yaml.other' };
  }
}

function yamlErrorDiagnostic(error: YAMLError, doc: Document, ctx: SourceContext): Diagnostic {
  let [start, end] = error.pos;
  let code = 'yaml-syntax';
  let message: string;
  let hint: string | undefined;
  const ours = (): void => {
    const r = reworded(error, ctx, start);
    ({ message, hint } = sayWithHint(r.id, r.params));
  };
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      code = 'duplicate-key';
      const { key, earlier } = duplicateOf(doc, start);
      if (key?.range) end = key.range[1];
      const text = keyText(key) ?? (ctx.source.slice(start, end).trim() || say('duplicate-key.this-key'));
      const earlierLine = earlier?.range ? positionAt(ctx.source, ctx.lineCounter, earlier.range[0]).line : undefined;
      ({ message, hint } = sayWithHint(earlierLine ? 'duplicate-key.line' : 'duplicate-key', { key: text, line: earlierLine ?? '' }));
      break;
    }
    case 'MULTIPLE_DOCS':
      message = say('yaml.second-document');
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/compact mappings/.test(error.message)) {
        // A plain value containing ": " reads as a nested key; point at that colon.
        const colon = ctx.source.slice(start, lineEnd(ctx.source, start)).search(/:(\s|$)/);
        if (colon >= 0) {
          start += colon;
          end = start + 1;
          ({ message, hint } = sayWithHint('yaml.colon-key'));
        } else {
          message = say('yaml.deeper-key');
        }
      } else {
        ours();
      }
      break;
    case 'MISSING_CHAR': {
      const quoted = /quote/.test(error.message) ? unclosedQuote(doc, start) : undefined;
      if (quoted?.range) {
        start = quoted.range[0];
        end = start + 1;
        const mark = ctx.source[start];
        message = say('yaml.unclosed-quote', { mark });
      } else {
        ours();
      }
      break;
    }
    case 'BAD_INDENT':
      if (/^Flow (sequence|map)/.test(error.message)) {
        const [open, close] = /^Flow sequence/.test(error.message) ? ['[', ']'] : ['{', '}'];
        ({ message, hint } = sayWithHint('yaml.flow-unclosed', { open: `\`${open}\``, close: `\`${close}\`` }));
      } else {
        ours();
      }
      break;
    case 'TAG_RESOLVE_FAILED': {
      code = 'yaml-tag';
      const tag = ctx.source.slice(start, end).trim();
      ({ message, hint } = sayWithHint('yaml.unknown-tag', { tag }));
      break;
    }
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      code = 'yaml-alias';
      ours();
      break;
    default:
      ours();
  }
  return diagnosticAt(ctx, code, message!, start, end, { hint, severity: error.name === 'YAMLWarning' ? 'warning' : 'error' });
}

/**
 * YAML errors and warnings, at most one per line: a syntax error often cascades along its line.
 * Errors on lines `skip` names (values a trap already explains) are left out; tabs used for indentation
 * are one message for the whole file, and the errors they cause are left out with them.
 */
export function yamlDiagnostics(doc: Document, ctx: SourceContext, skip: (line: number) => boolean = () => false): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const lines = new Set<number>();
  const all = [...doc.errors, ...doc.warnings];
  const tabs = all.filter((e) => e.code === 'TAB_AS_INDENT');
  if (tabs.length > 0) return [tabDiagnostic(tabs, ctx)];
  for (const error of all) {
    const diagnostic = yamlErrorDiagnostic(error, doc, ctx);
    if (skip(diagnostic.line)) continue;
    if (diagnostic.code !== 'duplicate-key' && lines.has(diagnostic.line)) continue;
    lines.add(diagnostic.line);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/** One message for every line a tab indents, at the first tab. */
function tabDiagnostic(tabs: readonly YAMLError[], ctx: SourceContext): Diagnostic {
  const lineOf = (e: YAMLError) => positionAt(ctx.source, ctx.lineCounter, e.pos[0]).line;
  const tabLines = [...new Set(tabs.map(lineOf))].sort((a, b) => a - b);
  const first = tabs.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
  const rest = tabLines.slice(1);
  const shown = rest.length > 6 ? `${rest.slice(0, 5).join(', ')}, …` : rest.join(', ');
  const lines = say(rest.length === 1 ? 'tab-indent.line' : 'tab-indent.lines', { list: shown });
  const more = rest.length ? say('tab-indent.more', { count: rest.length, lines }) : '';
  // The line's leading blanks, from its start to the first character that is not one.
  const [start] = first.pos;
  const lineStart = ctx.source.lastIndexOf('\n', start - 1) + 1;
  let end = lineStart;
  while (end < ctx.source.length && (ctx.source[end] === ' ' || ctx.source[end] === '\t')) end++;
  const tab = ctx.source.indexOf('\t', lineStart);
  const at = tab >= 0 && tab < end ? tab : start;
  const { message, hint } = sayWithHint('tab-indent', { more, fix: '' });
  return diagnosticAt(ctx, 'tab-indent', message, at, Math.max(at + 1, end), { hint });
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
        problems.push(diagnosticAt(ctx, 'yaml-alias', say('yaml.alias-unknown', { alias: a.text, anchor: `&${node.source}` }), a.start, a.end));
        return 1;
      }
      if (inProgress.has(target)) {
        const a = aliasAt(node, `*${node.source}`);
        problems.push(diagnosticAt(ctx, 'yaml-alias', say('yaml.alias-loop', { alias: a.text }), a.start, a.end));
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
            say('yaml.alias-bomb', { alias: a.text, count: expanded.toLocaleString('en-US'), limit: MAX_EXPANDED_NODES.toLocaleString('en-US') }),
            a.start,
            a.end,
            { hint: hintOf('yaml.alias-bomb') },
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
