/**
 * What check and build report, after the office's settings: suppression comments in each file
 * (check/suppress.ts), then the levels its config gives rules (check/settings.ts). One place,
 * so the two commands cannot disagree on what a setting or a comment does.
 */
import { applySuppressions } from '../check/suppress.js';
import { applyRuleLevels, rulesOff } from '../check/settings.js';
import { sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import type { LoadedIssue } from '../issue/loaded.js';
import type { ProjectConfig } from './config.js';

/** The config an issue file is checked with (none: no settings). */
export type ConfigOf = (loaded: LoadedIssue) => ProjectConfig | undefined;

/**
 * `diagnostics` of `loaded` with each file's suppressions and its config's rule levels applied.
 * `ran` names the rules that ran over every file (their unused suppressions are reported).
 */
export function settleDiagnostics(diagnostics: readonly Diagnostic[], loaded: readonly LoadedIssue[], configOf: ConfigOf, ran: ReadonlySet<string>): Diagnostic[] {
  const byFile = new Map<string, LoadedIssue>(loaded.map((l) => [l.file, l]));
  const groups = new Map<ProjectConfig | undefined, { files: LoadedIssue[]; diagnostics: Diagnostic[] }>();
  const group = (config: ProjectConfig | undefined) => {
    let g = groups.get(config);
    if (!g) groups.set(config, (g = { files: [], diagnostics: [] }));
    return g;
  };
  const configByFile = new Map<string, ProjectConfig | undefined>();
  for (const l of loaded) {
    const config = configOf(l);
    configByFile.set(l.file, config);
    group(config).files.push(l);
  }
  for (const d of diagnostics) group(byFile.has(d.file) ? configByFile.get(d.file) : undefined).diagnostics.push(d);
  const out: Diagnostic[] = [];
  for (const [config, g] of groups) {
    const off = rulesOff(config?.rules);
    const ranHere = off.size ? new Set([...ran].filter((id) => !off.has(id))) : ran;
    for (const d of applyRuleLevels(applySuppressions(g.diagnostics, g.files, { ran: ranHere }), config?.rules)) out.push(d);
  }
  return sortDiagnostics(out);
}
