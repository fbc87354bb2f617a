/**
 * Suppression comments in an issue file, as ESLint has them:
 *
 *   # bulletin-disable-next-line font-fallback, quote-style
 *   - 王堃同志……
 *   # bulletin-disable toc-differs            (the whole file)
 *
 * `-next-line` silences the rules named on the next line that holds more than comments — and on
 * the rest of a text that starts there and runs over several lines; `bulletin-disable` silences
 * them in the whole file. Text after ` -- ` is a reason, for the reader. Comments are found
 * with YAML's own tokenizer, so a `#` inside quoted text or a block is never taken for one.
 *
 * What is reported about the comments themselves: a rule id that is not one (with the nearest
 * id), a comment that names no rule, a rule that guards what is printed (it cannot be silenced),
 * an unknown `bulletin-…` word — all `suppression` warnings — and a suppression that silenced
 * nothing (`unused-suppression`, a note), once the rules it names have run over the whole file.
 */
import { CST, Lexer, isScalar, visit } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { diagnosticAt } from '../issue/source-context.js';
import { nearestKey } from '../issue/suggest.js';
import { hintOf, say } from '../messages/catalogue.js';
import { GUARD_RULES, RULE_IDS, isRuleId } from './settings.js';

export interface SuppressedRule {
  id: string;
  /** Source offsets of the id in the comment. */
  start: number;
  end: number;
}

export interface Suppression {
  scope: 'next-line' | 'file';
  /** Lines silenced (1-based, inclusive); the whole file for `file`. */
  fromLine: number;
  toLine: number;
  /** Line of the comment. */
  line: number;
  rules: SuppressedRule[];
}

export interface Suppressions {
  list: Suppression[];
  /** Problems of the comments themselves (`suppression` warnings). */
  problems: Diagnostic[];
}

const DIRECTIVE = /^#\s*bulletin-([A-Za-z-]+)/;
const KNOWN = ['disable-next-line', 'disable'];

/** Comments of `source` with their offsets. */
function comments(source: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    const type = CST.tokenType(token);
    // Control tokens the lexer adds stand for nothing in the source.
    if (token.length === 1 && (type === 'doc-mode' || type === 'flow-error-end' || type === 'scalar')) continue;
    if (type === 'comment') out.push({ text: token, offset });
    offset += token.length;
  }
  return out;
}

const cache = new WeakMap<LoadedIssue, Suppressions>();
const EMPTY: Suppressions = { list: [], problems: [] };

/** The suppression comments of an issue file (parsed once per loaded file). */
export function suppressionsOf(loaded: LoadedIssue): Suppressions {
  if (!loaded.source.includes('bulletin-')) return EMPTY;
  let hit = cache.get(loaded);
  if (!hit) {
    hit = parse(loaded);
    cache.set(loaded, hit);
  }
  return hit;
}

function parse(loaded: LoadedIssue): Suppressions {
  const { source, lineCounter } = loaded;
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  const list: Suppression[] = [];
  const problems: Diagnostic[] = [];
  const found = comments(source).filter((c) => DIRECTIVE.test(c.text));
  if (!found.length) return { list, problems };
  // Lines holding something other than blanks and comments, and where each text that starts on a line ends.
  const lines = source.split('\n');
  const contentLine = (line: number): boolean => {
    const text = lines[line - 1] ?? '';
    return text.trim() !== '' && !text.trimStart().startsWith('#');
  };
  const textEnds = new Map<number, number>();
  visit(loaded.doc, {
    Scalar(_, node) {
      if (!isScalar(node) || !node.range) return;
      const from = lineOf(node.range[0]);
      const to = lineOf(Math.max(node.range[0], node.range[1] - 1));
      if (to > (textEnds.get(from) ?? from)) textEnds.set(from, to);
    },
  });
  for (const c of found) {
    const match = DIRECTIVE.exec(c.text)!;
    const word = match[1];
    const line = lineOf(c.offset);
    const at = (start: number, end: number, id: Parameters<typeof say>[0], params: Record<string, string> = {}) =>
      diagnosticAt(loaded, 'suppression', say(id, params), start, end, { severity: 'warning', hint: hintOf(id, params) });
    if (!KNOWN.includes(word)) {
      const meant = nearestKey(word, KNOWN);
      const start = c.offset + c.text.indexOf('bulletin-');
      problems.push(at(start, start + 'bulletin-'.length + word.length, 'suppression.unknown-directive', { word: `bulletin-${word}`, meant: meant ? `bulletin-${meant}` : 'bulletin-disable-next-line' }));
      continue;
    }
    // The rule ids, up to a ` -- reason`.
    const afterWord = match[0].length;
    const reasonAt = c.text.indexOf(' --', afterWord);
    const list_ = c.text.slice(afterWord, reasonAt >= 0 ? reasonAt : undefined);
    const rules: SuppressedRule[] = [];
    for (const m of list_.matchAll(/[^\s,]+/g)) {
      const start = c.offset + afterWord + m.index!;
      const id = m[0];
      const end = start + id.length;
      if (!isRuleId(id)) {
        const meant = nearestKey(id, RULE_IDS);
        problems.push(at(start, end, meant ? 'suppression.unknown-rule-near' : 'suppression.unknown-rule', { id, meant: meant ?? '' }));
        continue;
      }
      if (GUARD_RULES.has(id)) {
        problems.push(at(start, end, 'suppression.guard', { id }));
        continue;
      }
      rules.push({ id, start, end });
    }
    if (!rules.length) {
      if (!problems.some((p) => p.line === line)) problems.push(at(c.offset, c.offset + c.text.length, 'suppression.no-rule', { directive: `bulletin-${word}` }));
      continue;
    }
    if (word === 'disable') {
      list.push({ scope: 'file', fromLine: 1, toLine: Number.MAX_SAFE_INTEGER, line, rules });
      continue;
    }
    let next = line + 1;
    while (next <= lines.length && !contentLine(next)) next++;
    list.push({ scope: 'next-line', fromLine: next, toLine: textEnds.get(next) ?? next, line, rules });
  }
  return { list, problems };
}

/** Whether a finding of `rule` at `line` is silenced (nothing recorded: for --fix's choice of repairs). */
export function isSuppressed(s: Suppressions, rule: string, line: number): boolean {
  return s.list.some((x) => line >= x.fromLine && line <= x.toLine && x.rules.some((r) => r.id === rule));
}

export interface SettleOptions {
  /** Rules that ran over the files in full: only their unused suppressions are reported. */
  ran: ReadonlySet<string>;
}

/**
 * The diagnostics of `loaded` files with suppressed ones taken out, the comments' own problems
 * added, and an `unused-suppression` note for each rule a comment names that silenced nothing —
 * for files whose every rule ran (no errors kept some from running).
 */
export function applySuppressions(diagnostics: readonly Diagnostic[], loaded: readonly LoadedIssue[], options: SettleOptions): Diagnostic[] {
  const byFile = new Map<string, { s: Suppressions; used: Set<SuppressedRule>; loaded: LoadedIssue }>();
  for (const l of loaded) {
    const s = suppressionsOf(l);
    if (s.list.length || s.problems.length) byFile.set(l.file, { s, used: new Set(), loaded: l });
  }
  if (!byFile.size) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const entry = byFile.get(d.file);
    let silenced = false;
    if (entry) {
      for (const x of entry.s.list) {
        if (d.line < x.fromLine || d.line > x.toLine) continue;
        for (const r of x.rules) {
          if (r.id !== d.code) continue;
          entry.used.add(r);
          silenced = true;
        }
      }
    }
    if (!silenced) out.push(d);
  }
  for (const { s, used, loaded: l } of byFile.values()) {
    for (const p of s.problems) out.push(p);
    const complete = !l.diagnostics.some((d) => d.severity === 'error') && l.doc.errors.length === 0;
    if (!complete) continue;
    for (const x of s.list) {
      for (const r of x.rules) {
        if (used.has(r) || !options.ran.has(r.id)) continue;
        const id = x.scope === 'file' ? 'unused-suppression.file' : 'unused-suppression';
        const params = { id: r.id, line: String(x.fromLine) };
        out.push(diagnosticAt(l, 'unused-suppression', say(id, params), r.start, r.end, { severity: 'info', hint: hintOf(id, params) }));
      }
    }
  }
  return out;
}
