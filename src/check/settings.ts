/**
 * Rule levels an office sets in bulletin.config.yaml (`rules: {font-fallback: error,
 * quote-style: off}`): which rule ids can be set, which cannot go below an error, and the
 * levels applied to what check and build found. The ids are listed here, not gathered from the
 * rule modules, so that reading a config does not load the lint; a test keeps the list equal to
 * the registry (check/index.ts) and to schema/config.schema.json.
 */
import type { Diagnostic, Severity } from '../diag/diagnostic.js';

export type RuleLevel = 'off' | 'note' | 'warning' | 'error';
export type RuleSettings = Readonly<Record<string, RuleLevel>>;

export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'note', 'warning', 'error'];

/** Every rule id a config or a suppression comment may name. */
export const RULE_IDS: readonly string[] = [
  // the typography lint (check/index.ts RULES)
  'paste-debris', 'placeholder', 'title-punct', 'byline-parens', 'fullwidth-alnum', 'date-style', 'doc-number',
  'ellipsis', 'interpunct', 'dash', 'punct-halfwidth', 'quote-style', 'repeated-punct', 'space-in-cjk',
  'pair-balance', 'leading-mark', 'list-marker', 'glyph-coverage', 'font-fallback', 'toc-differs', 'issue-sequence',
  // what the layout finds (check and build)
  'title-too-long', 'name-too-long', 'loose-line',
  // suppression comments that silence nothing
  'unused-suppression',
];

/**
 * Rules that guard what is printed: build refuses an issue they find, so they stay errors
 * (a character no font has would print as a blank box, a title would run off its lines, the
 * example text `new` wrote would go to print).
 */
export const GUARD_RULES: ReadonlySet<string> = new Set(['glyph-coverage', 'title-too-long', 'name-too-long', 'placeholder']);

export function isRuleId(id: string): boolean {
  return RULE_IDS.includes(id);
}

/** A level as a diagnostic's severity (`note` prints as note: it is `info` inside). */
export function severityOfLevel(level: RuleLevel): Severity | undefined {
  return level === 'off' ? undefined : level === 'note' ? 'info' : level;
}

/** The rules a lint run should leave out (set `off`). */
export function rulesOff(settings: RuleSettings | undefined): Set<string> {
  return new Set(Object.entries(settings ?? {}).filter(([, level]) => level === 'off').map(([id]) => id));
}

/** Diagnostics with the configured levels: `off` ones dropped, the others given their level. */
export function applyRuleLevels(diagnostics: readonly Diagnostic[], settings: RuleSettings | undefined): Diagnostic[] {
  if (!settings || Object.keys(settings).length === 0) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const level = Object.hasOwn(settings, d.code) ? settings[d.code] : undefined;
    if (level === undefined || GUARD_RULES.has(d.code)) { out.push(d); continue; }
    const severity = severityOfLevel(level);
    if (severity) out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out;
}
