/**
 * Typography lint over loaded issue files: the entry point `bulletin check` and
 * `bulletin build` call after the schema has been checked. Runs the rules of the registry
 * over every text scalar, turns findings into located diagnostics, and with `fix` repairs
 * what is certain, repeating until nothing more changes, so a second `--fix` is a no-op.
 */
import type { Diagnostic, Severity } from '../diag/diagnostic.js';
import { sortDiagnostics } from '../diag/diagnostic.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { positionAt } from '../issue/position.js';
import { applyFixes, reparse, type FixCandidate } from './fix.js';
import { defaultFontsFor } from './fonts.js';
import { textScalars } from './scalars.js';
import { isSuppressed, suppressionsOf } from './suppress.js';
import { bylineParens } from './rules/byline-parens.js';
import { dash } from './rules/dash.js';
import { dateStyle } from './rules/date-style.js';
import { docNumber } from './rules/doc-number.js';
import { ellipsis } from './rules/ellipsis.js';
import { fullwidthAlnum } from './rules/fullwidth-alnum.js';
import { glyphCoverage } from './rules/glyph-coverage.js';
import { fontFallback } from './rules/font-fallback.js';
import { interpunct } from './rules/interpunct.js';
import { issueSequence } from './rules/issue-sequence.js';
import { leadingMark } from './rules/leading-mark.js';
import { pasteDebris } from './rules/paste-debris.js';
import { placeholder } from './rules/placeholder.js';
import { titlePunct } from './rules/title-punct.js';
import { listMarker } from './rules/list-marker.js';
import { pairBalance } from './rules/pair-balance.js';
import { punctHalfwidth } from './rules/punct-halfwidth.js';
import { quoteStyle } from './rules/quote-style.js';
import { repeatedPunct } from './rules/repeated-punct.js';
import { spaceInCjk } from './rules/space-in-cjk.js';
import { tocDiffers } from './rules/toc-differs.js';
import type { Finding, FontResolver, IssueFile, LintFile, Rule, ScalarContext, ScalarRule, TextScalar } from './types.js';

export type { FontResolver, GlyphRole, Rule } from './types.js';
export { defaultFontsFor, resolverFromFonts, stylesFontResolver } from './fonts.js';

/**
 * The rules, in priority order: when two repairs overlap, the earlier rule's wins (the
 * other is retried on the next pass), and when two rules report the same spot only the earlier
 * — the more specific — is reported. paste-debris comes first: a Word soft line break is that,
 * not a missing glyph or a stray space; title-punct before punct-halfwidth: a ':' ending a
 * heading is removed, not made '：'. byline-parens removes a pair other rules would
 * convert; fullwidth-alnum normalises digits before the date, range and punctuation rules
 * read them; doc-number turns a document number's (2023) into 〔2023〕 before
 * punct-halfwidth would make it （2023）. date-style (checklist 48) is not in issue 5's list but completes §5's checks.
 */
export const RULES: readonly Rule[] = [
  pasteDebris,
  placeholder,
  titlePunct,
  bylineParens,
  fullwidthAlnum,
  dateStyle,
  docNumber,
  ellipsis,
  interpunct,
  dash,
  punctHalfwidth,
  quoteStyle,
  repeatedPunct,
  spaceInCjk,
  pairBalance,
  leadingMark,
  listMarker,
  glyphCoverage,
  fontFallback,
  tocDiffers,
  issueSequence,
];

/** The ids of the lint's rules (for which rules ran: check/suppress.ts). */
export function lintRuleIds(): Set<string> {
  return new Set(RULES.map((r) => r.id));
}

export interface LintOptions {
  /** Compute safe repairs. */
  fix?: boolean;
  /** Fonts per role for glyph coverage, the same for every file. */
  fonts?: FontResolver;
  /**
   * Fonts per role for one file (e.g. its theme with `--theme` and its `style:` merged).
   * Default: the default theme with the issue's own `style:` merged in.
   */
  fontsFor?: (loaded: LoadedIssue) => FontResolver;
  /** Run only these rule ids (all when absent). */
  rules?: readonly string[];
  /** Rules not to run on one file (a config's `off`): neither reported nor repaired there. */
  offFor?: (loaded: LoadedIssue) => ReadonlySet<string> | undefined;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** file → repaired source, for the files `--fix` changed. */
  fixed: Map<string, { source: string; changes: string[] }>;
}

/** Passes of fix-then-relint; a repair can expose another (a ',' made '，' next to a space). */
const MAX_FIX_PASSES = 6;

interface Located { rule: Rule; scalar: TextScalar; finding: Finding; id: number }

interface Pass {
  file: LintFile;
  located: Located[];
  fixable: Set<number>;
  outcome?: ReturnType<typeof applyFixes>;
}

function runScalarRules(file: LintFile, rules: readonly ScalarRule[], fonts: FontResolver): Located[] {
  const out: Located[] = [];
  let id = 0;
  // This runs rules × texts times and most checks find nothing: index loops, and one context
  // object (a rule reads it during its check and keeps nothing of it).
  const ctx: ScalarContext = { scalar: file.scalars[0], file, fonts };
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    for (let k = 0; k < file.scalars.length; k++) {
      const scalar = file.scalars[k];
      if (rule.roles && !rule.roles.includes(scalar.role)) continue;
      ctx.scalar = scalar;
      const findings = rule.check(ctx);
      for (let f = 0; f < findings.length; f++) {
        const finding = findings[f];
        out.push({ rule, scalar: finding.scalar ?? scalar, finding, id: id++ });
      }
    }
  }
  return out;
}

/** Rules whose finding covers its whole range: any other finding inside it is about the same thing. */
const COVERING: ReadonlySet<string> = new Set(['paste-debris', 'placeholder']);

function sameSpot(kept: Located, other: Located): boolean {
  const a = kept.finding;
  const b = other.finding;
  if (a.start === b.start) return true;
  return COVERING.has(kept.rule.id) && a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1);
}

/**
 * One finding per spot: `located` comes in rule order, so a finding at a spot an earlier rule
 * reported in the same text is dropped (with its repair).
 */
function onePerSpot(located: Located[]): Located[] {
  const kept: Located[] = [];
  const byScalar = new Map<TextScalar, Located[]>();
  for (const l of located) {
    const same = byScalar.get(l.scalar);
    if (same?.some((k) => k.rule !== l.rule && sameSpot(k, l))) continue;
    if (same) same.push(l);
    else byScalar.set(l.scalar, [l]);
    kept.push(l);
  }
  return kept;
}

function lintPass(loaded: LoadedIssue, rules: readonly ScalarRule[], fonts: FontResolver): Pass {
  const file: LintFile = { loaded, scalars: textScalars(loaded.doc, loaded.source) };
  const located = onePerSpot(runScalarRules(file, rules, fonts));
  const lineOf = (offset: number): number => loaded.lineCounter.linePos(offset).line;
  // A finding a comment silences is not repaired either (# bulletin-disable-next-line RULE).
  const suppressions = suppressionsOf(loaded);
  const silenced = (l: Located): boolean => suppressions.list.length > 0 && isSuppressed(suppressions, l.rule.id, lineOf(sourceOffset(l.scalar, l.finding.start)));
  const candidates: FixCandidate[] = located
    .filter((l) => l.finding.fix && l.finding.fix.length && !silenced(l))
    .map((l) => ({ scalar: l.scalar, edits: l.finding.fix!, ruleId: l.rule.id, id: l.id }));
  const outcome = candidates.length ? applyFixes(loaded.source, loaded.doc, candidates, lineOf) : undefined;
  return { file, located, fixable: outcome?.applied ?? new Set(), outcome };
}

function sourceOffset(scalar: TextScalar, plainIndex: number): number {
  const { view, map } = scalar;
  if (view.plain.length === 0 || map.value.length === 0) return scalar.node.range?.[0] ?? 0;
  const valueIndex = plainIndex >= view.plain.length ? map.value.length - 1 : view.toValue[plainIndex];
  const at = map.src[Math.min(valueIndex, map.src.length - 1)];
  return plainIndex >= view.plain.length ? at + 1 : at;
}

function toDiagnostic(loaded: LoadedIssue, l: Located, fixable: boolean): Diagnostic {
  const { finding, scalar, rule } = l;
  const start = positionAt(loaded.source, loaded.lineCounter, sourceOffset(scalar, finding.start));
  const lastChar = Math.max(finding.start, finding.end - 1);
  const lastOffset = sourceOffset(scalar, lastChar);
  const endOffset = finding.end > finding.start ? lastOffset + (loaded.source.codePointAt(lastOffset)! > 0xffff ? 2 : 1) : lastOffset;
  const end = positionAt(loaded.source, loaded.lineCounter, endOffset);
  const d: Diagnostic = {
    code: rule.id,
    severity: (finding.severity ?? rule.severity) as Severity,
    message: finding.message,
    file: loaded.file,
    line: start.line,
    col: start.col,
    path: scalar.path,
  };
  if (finding.end > finding.start) { d.endLine = end.line; d.endCol = end.col; }
  if (finding.hint) d.hint = finding.hint;
  if (fixable) d.fixable = true;
  return d;
}

/**
 * The lint reads files YAML can read. A file in another encoding, or whose bytes did not all
 * decode, has that one problem reported and nothing more: its text is not yet what was typed.
 */
function lintable(loaded: LoadedIssue): boolean {
  const encoding = loaded.encoding;
  if (encoding && (encoding.name !== 'utf-8' || !encoding.lossless)) return false;
  return loaded.doc.errors.length === 0 && loaded.doc.contents !== null;
}

export function lintIssues(loaded: readonly LoadedIssue[], options: LintOptions = {}): LintResult {
  const wanted = (r: Rule): boolean => !options.rules || options.rules.includes(r.id);
  const scalarRules = RULES.filter((r): r is ScalarRule => r.scope === 'scalar' && wanted(r));
  const filesRules = RULES.filter((r) => r.scope === 'files' && wanted(r));
  const defaults = options.fontsFor ?? defaultFontsFor();
  const fontsOf = (l: LoadedIssue): FontResolver => options.fonts ?? defaults(l);
  const diagnostics: Diagnostic[] = [];
  const fixed: LintResult['fixed'] = new Map();
  const finals: IssueFile[] = [];

  for (const original of loaded) {
    if (!lintable(original)) continue;
    let current = original;
    const fonts = fontsOf(original);
    const off = options.offFor?.(original);
    const rules = off && off.size ? scalarRules.filter((r) => !off.has(r.id)) : scalarRules;
    let pass = lintPass(current, rules, fonts);
    if (options.fix) {
      const changes: string[] = [];
      for (let n = 1; n < MAX_FIX_PASSES && pass.outcome && pass.outcome.applied.size; n++) {
        for (const change of pass.outcome.changes) changes.push(change);
        const { doc, lineCounter } = reparse(pass.outcome.source, current.doc);
        current = { ...current, source: pass.outcome.source, doc, lineCounter };
        pass = lintPass(current, rules, fonts);
      }
      if (current.source !== original.source) fixed.set(original.file, { source: current.source, changes });
    }
    for (const l of pass.located) diagnostics.push(toDiagnostic(current, l, pass.fixable.has(l.id)));
    finals.push({ loaded: current });
  }

  for (const rule of filesRules) {
    if (rule.scope !== 'files') continue;
    for (const f of rule.check(finals)) {
      if (options.offFor?.(f.file.loaded)?.has(rule.id)) continue;
      const { source, lineCounter, file } = f.file.loaded;
      const [from, to] = f.node.range ?? [0, 0];
      const start = positionAt(source, lineCounter, from);
      const end = positionAt(source, lineCounter, to);
      const d: Diagnostic = {
        code: rule.id,
        severity: f.severity ?? rule.severity,
        message: f.message,
        file,
        line: start.line,
        col: start.col,
        endLine: end.line,
        endCol: end.col,
        path: f.path,
      };
      if (f.hint) d.hint = f.hint;
      diagnostics.push(d);
    }
  }
  return { diagnostics: sortDiagnostics(diagnostics), fixed };
}
