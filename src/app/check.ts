/**
 * `check` as a use case: load each issue file, run the typography lint over them, apply safe
 * repairs when asked, and return everything found. Printing and exit codes are the CLI's job.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintIssues, lintRuleIds, stylesFontResolver, type FontResolver, type LintOptions, type LintResult } from '../check/index.js';
import { rulesOff } from '../check/settings.js';
import { ConfigError, Configs, type ConfigChoice, type ProjectConfig } from './config.js';
import { settleDiagnostics } from './findings.js';
import { composeParagraph } from '../compose/compose.js';
import { sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { readBoundedFd } from '../io/read-file.js';
import { WriteError, writeFileSafely } from '../io/write-file.js';
import type { Encoding } from '../issue/encoding.js';
import { IssueReadError, MAX_ISSUE_BYTES, loadIssueBytes, loadIssueFile, loadIssueSource } from '../issue/load.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { applyRepairs } from '../issue/repair.js';
import { inWords } from '../issue/slots.js';
import { buildMasthead } from '../layout/masthead.js';
import type { LayoutContext } from '../layout/setting.js';
import { setTitle } from '../layout/title.js';
import { leadingNumberPattern, say } from '../messages/catalogue.js';
import { styleIssue } from '../style/model.js';
import type { Styles } from '../style/styles.js';
import { layoutDiagnostic } from './layout-diagnostics.js';
import { readThemeArgument, resolveIssueTheme, ThemeFileError, ThemeSystemError, type ThemeFile } from './theme-file.js';

export type Lint = (loaded: readonly LoadedIssue[], options: LintOptions) => LintResult;

/** The name standard input goes by: `bulletin check -` reads the issue from it. */
export const STDIN = '-';
/** How messages name standard input. */
export const STDIN_NAME = '<stdin>';

export interface CheckOptions {
  /** Write safe repairs back to the files. */
  fix?: boolean;
  /** With `fix`: work out the repairs and report what would be left, but write nothing. */
  dryRun?: boolean;
  /** Reads standard input, for the file named `-` (default: file descriptor 0). */
  stdin?: () => Uint8Array;
  /** The typography lint to run after loading (default: the project's rules). */
  lint?: Lint;
  /** `--config FILE` or `--no-config` (false); default: each file's nearest bulletin.config.yaml. */
  config?: ConfigChoice;
  /** `--theme`: a theme file or built-in theme over the config's, as for build. */
  theme?: string;
}

export interface UnreadableFile {
  file: string;
  reason: string;
}

export interface FixedFile {
  file: string;
  changes: string[];
  /** The text before and after the repairs (for a diff). */
  before: string;
  after: string;
}

/** A file `--fix` had repairs for and did not write, and why. */
export interface NotFixedFile {
  file: string;
  reason: string;
}

export interface CheckResult {
  /** Files that were read and checked (after any fixes, their repaired state). */
  loaded: LoadedIssue[];
  /** Every diagnostic from the loader and the lint, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** Files that could not be read: system errors, not content problems. */
  unreadable: UnreadableFile[];
  /** Files `--fix` rewrote, with what changed. */
  fixed: FixedFile[];
  /** Files `--fix` had repairs for and left alone: their text is not exactly their bytes, or writing failed. */
  notFixed: NotFixedFile[];
  /** Problems that are not content (a font of an issue's `style:` that cannot be opened), one line each. */
  systemErrors: string[];
  /** Checks that errors kept from running ("title-too-long not checked: fix the errors above first"), one line each. */
  notChecked: string[];
}

/**
 * The bytes to write back for `text`, a repaired version of a file read as `encoding` says: in
 * UTF-8 (a GBK or UTF-16 file is saved as UTF-8), with the byte-order mark a UTF-8 file had.
 * Only a lossless reading may be written back: otherwise the bytes behind U+FFFD would be lost.
 */
export function bytesForWriteBack(text: string, encoding: Encoding | undefined): Buffer {
  const bom = encoding?.bom && encoding.name === 'utf-8' ? '\uFEFF' : '';
  return Buffer.from(bom + text, 'utf8');
}

/** Why a repaired file must not be written back, or undefined when it may be. */
function notWritable(issue: LoadedIssue): string | undefined {
  if (!issue.identity) return say('check.not-a-file');
  if (issue.encoding && !issue.encoding.lossless) {
    return say('check.lossy');
  }
  return undefined;
}

/** The same file named twice (a.yaml ./a.yaml, a link to it) is checked once, under its first name. */
function distinctFiles(files: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const file of files) {
    let key: string;
    try {
      if (file === STDIN) throw new Error('standard input');
      const st = statSync(file, { bigint: true });
      key = `${st.dev}:${st.ino}`;
    } catch {
      key = file === STDIN ? STDIN : resolve(file);
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(file);
  }
  return out;
}

/** Standard input, at most one byte more than an issue file may have (a longer one is reported as too large). */
function readStdin(): Uint8Array {
  return readBoundedFd(0, MAX_ISSUE_BYTES + 1).bytes;
}

function loadAll(files: readonly string[], stdin: () => Uint8Array): { loaded: LoadedIssue[]; unreadable: UnreadableFile[] } {
  const loaded: LoadedIssue[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const file of files) {
    if (file === STDIN) {
      let bytes: Uint8Array;
      try {
        bytes = stdin();
      } catch (error) {
        unreadable.push({ file: STDIN_NAME, reason: (error as Error).message });
        continue;
      }
      loaded.push(loadIssueBytes(bytes, STDIN_NAME));
      continue;
    }
    try {
      loaded.push(loadIssueFile(file));
    } catch (error) {
      if (!(error instanceof IssueReadError)) throw error;
      unreadable.push({ file, reason: error.reason });
    }
  }
  return { loaded, unreadable };
}

const ENCODING_NAMES: Record<string, string> = { gb18030: 'GBK/GB18030', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

/**
 * The repairs below the lint, in memory: a file in another encoding becomes UTF-8 text, then the
 * YAML traps and tab indentation the loader proved repairable are repaired, again while a repair
 * uncovers another. A file whose bytes did not decode losslessly is left exactly as it is.
 * `origin` gives, for each line of the repaired text, the line of the file it comes from, so that
 * every change --fix lists names a line of the file as the editor has it.
 */
function repairSource(original: LoadedIssue): { loaded: LoadedIssue; changes: string[]; origin: (line: number) => number } {
  const changes: string[] = [];
  let origin: number[] | undefined;
  const originOf = (line: number): number => origin?.[line] ?? line;
  if (original.encoding && !original.encoding.lossless) return { loaded: original, changes, origin: originOf };
  let current = original;
  if (original.encoding && original.encoding.name !== 'utf-8') {
    changes.push(say('change.encoding', { from: ENCODING_NAMES[original.encoding.name] ?? original.encoding.name }));
    current = loadIssueSource(original.source, original.file);
  }
  for (let round = 0; round < 4 && current.repairs && current.repairs.length > 0; round++) {
    for (const r of current.repairs) {
      const line = originOf(current.lineCounter.linePos(r.edits[0].from).line);
      changes.push(say('change.line', { line, change: say(r.change, inWords(r.changeParams)), code: r.code }));
    }
    const { text } = applyRepairs(current.source, current.repairs);
    const next = loadIssueSource(text, current.file);
    const before = current;
    const previous = origin;
    const edits = current.repairs.flatMap((r) => r.edits).sort((a, b) => a.from - b.from);
    origin = [0, ...next.lineCounter.lineStarts.map((start) => {
      const line = before.lineCounter.linePos(offsetBefore(edits, start)).line;
      return previous?.[line] ?? line;
    })];
    current = next;
  }
  return { loaded: current, changes, origin: originOf };
}

/** The offset in the text before `edits` (sorted, disjoint) that `offset` of the text after them comes from. */
function offsetBefore(edits: ReadonlyArray<{ from: number; to: number; text: string }>, offset: number): number {
  let shift = 0;
  for (const e of edits) {
    const start = e.from + shift;
    if (offset < start) break;
    if (offset < start + e.text.length) return e.from;
    shift += e.text.length - (e.to - e.from);
  }
  return offset - shift;
}

interface Themes {
  diagnostics: Diagnostic[];
  systemErrors: string[];
  fontsFor: (loaded: LoadedIssue) => FontResolver;
  /** Each issue's own styles, where its theme resolved. */
  resolved: Map<LoadedIssue, Styles>;
}

/**
 * Each issue's theme, resolved and checked exactly as `build` does (resolveIssueTheme), so that
 * check and build report a `style:` block alike. Glyph coverage uses that theme; where it
 * cannot be had (its problems are reported already), the default theme's fonts.
 */
function issueThemes(loaded: readonly LoadedIssue[], layersFor: (l: LoadedIssue) => ThemeFile[] | undefined): Themes {
  const diagnostics: Diagnostic[] = [];
  const systemErrors: string[] = [];
  const resolvers = new Map<LoadedIssue, FontResolver>();
  const resolved = new Map<LoadedIssue, Styles>();
  for (const l of loaded) {
    if (!l.issue || l.diagnostics.some((d) => d.severity === 'error')) continue;
    const layers = layersFor(l);
    if (layers === undefined) continue; // its config or theme could not be had: said already
    try {
      const theme = resolveIssueTheme(l, layers);
      for (const d of theme.diagnostics) diagnostics.push(d);
      if (theme.styles) {
        resolvers.set(l, stylesFontResolver(theme.styles));
        resolved.set(l, theme.styles);
      }
    } catch (error) {
      if (!(error instanceof ThemeSystemError)) throw error;
      if (!systemErrors.includes(error.message)) systemErrors.push(error.message);
      for (const d of error.diagnostics) diagnostics.push(d);
    }
  }
  // Issues whose theme did not resolve: the default theme's fonts (its problems are reported).
  // (The default's fonts, not the config's: a config with errors has been reported.)
  let fallback: FontResolver | undefined;
  const fontsFor = (l: LoadedIssue): FontResolver => resolvers.get(l) ?? (fallback ??= stylesFontResolver(resolveIssueTheme(undefined).styles!));
  return { diagnostics, systemErrors, fontsFor, resolved };
}

/**
 * What build would refuse that no lint rule sees: a title that takes more lines than the theme
 * allows, a bulletin name too long for the masthead. They are set exactly as build sets them
 * (the rest of the layout is not needed).
 */
function titleProblems(loaded: LoadedIssue, styles: Styles): Diagnostic[] {
  if (!loaded.issue) return [];
  const ctx: LayoutContext = { styles, compose: composeParagraph, problems: [] };
  for (const block of styleIssue(loaded.issue, styles).blocks) {
    if (block.kind === 'title') setTitle(ctx, block);
    else if (block.kind === 'masthead') buildMasthead(ctx, block);
  }
  return ctx.problems.filter((p) => p.code === 'title-too-long' || p.code === 'name-too-long').map((p) => layoutDiagnostic(loaded, p));
}

export async function checkFiles(files: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const unique = distinctFiles(files);
  const stdin = options.stdin ?? readStdin;
  let { loaded, unreadable } = loadAll(unique, stdin);
  const runLint = options.lint ?? lintIssues;
  const fixed: FixedFile[] = [];
  const notFixed: NotFixedFile[] = [];
  const writeErrors: string[] = [];
  const settings = projectSettings(options);

  if (options.fix) {
    // Everything is repaired in memory first, then each file is written once.
    const repaired = loaded.map(repairSource);
    const current = repaired.map((r) => r.loaded);
    const fixThemes = issueThemes(current, settings.layersFor);
    const fixLint = runLint(current, { fix: true, fontsFor: fixThemes.fontsFor, offFor: settings.offFor });
    const finals: LoadedIssue[] = [];
    for (const [k, original] of loaded.entries()) {
      const lint = fixLint.fixed.get(original.file);
      const after = lint?.source ?? current[k].source;
      const origin = repaired[k].origin;
      const numbered = leadingNumberPattern('change.line');
      const lintChanges = (lint?.changes ?? []).map((c) => c.replace(numbered, (_, head: string, n: string, tail: string) => `${head}${origin(Number(n))}${tail}`));
      const lineOf = (c: string): number => Number(numbered.exec(c)?.[2] ?? 0);
      const changes = [...repaired[k].changes, ...lintChanges].sort((a, b) => lineOf(a) - lineOf(b));
      const changed = after !== original.source || changes.length > 0;
      if (!changed) {
        finals.push(original);
        continue;
      }
      if (original.encoding && !original.encoding.lossless) {
        notFixed.push({ file: original.file, reason: notWritable(original)! });
        finals.push(original);
        continue;
      }
      if (!options.dryRun && original.file !== STDIN_NAME) {
        const refused = notWritable(original);
        if (refused) {
          notFixed.push({ file: original.file, reason: refused });
          finals.push(original);
          continue;
        }
        try {
          await writeFileSafely(original.file, bytesForWriteBack(after, original.encoding), { unchangedSince: original.identity, devices: false });
        } catch (error) {
          if (!(error instanceof WriteError)) throw error;
          // A full disk, a read-only file, an editor's save meanwhile: this file is left as it was.
          writeErrors.push(error.message);
          finals.push(original);
          continue;
        }
      }
      fixed.push({ file: original.file, changes, before: original.source, after });
      finals.push(loadIssueSource(after, original.file));
    }
    if (fixed.length > 0) {
      // Report what is left: from the files as they now are, or (a dry run) as they would be.
      if (options.dryRun) loaded = finals;
      else ({ loaded, unreadable } = loadAll(unique, () => new TextEncoder().encode(finals.find((l) => l.file === STDIN_NAME)?.source ?? '')));
    }
  }

  const themes = issueThemes(loaded, settings.layersFor);
  const lint = runLint(loaded, { fix: false, fontsFor: themes.fontsFor, offFor: settings.offFor });
  const titles = loaded.flatMap((l) => {
    const theme = themes.resolved.get(l);
    return theme ? titleProblems(l, theme) : [];
  });
  const found = [...loaded.flatMap((l) => l.diagnostics), ...settings.diagnostics, ...themes.diagnostics, ...lint.diagnostics, ...titles];
  // Every file whose theme resolved had its titles set: title-too-long and name-too-long ran too.
  // (A lint passed in by a caller is not the project's: which of its rules ran is not known.)
  const ran = new Set([...(options.lint ? [] : lintRuleIds()), ...(loaded.every((l) => themes.resolved.has(l)) ? ['title-too-long', 'name-too-long'] : [])]);
  const diagnostics = settleDiagnostics(found, loaded, settings.configOf, ran);
  return { loaded, diagnostics, unreadable, fixed, notFixed, systemErrors: [...writeErrors, ...settings.systemErrors, ...themes.systemErrors], notChecked: notChecked(loaded) };
}

interface Settings {
  configOf: (l: LoadedIssue) => ProjectConfig | undefined;
  /** The theme layers over the default for a file (config, then --theme); undefined when they cannot be had. */
  layersFor: (l: LoadedIssue) => ThemeFile[] | undefined;
  offFor: (l: LoadedIssue) => ReadonlySet<string> | undefined;
  /** Problems of configs and --theme, located in those files, each once. */
  diagnostics: Diagnostic[];
  systemErrors: string[];
}

/**
 * Each file's config (the nearest bulletin.config.yaml, or --config, or none) and theme layers.
 * A config or theme that cannot be used is a system error, said once however many files share it.
 */
function projectSettings(options: CheckOptions): Settings {
  const configs = new Configs(options.config);
  const diagnostics: Diagnostic[] = [];
  const systemErrors: string[] = [];
  const said = (message: string, found: readonly Diagnostic[]) => {
    if (systemErrors.includes(message)) return;
    systemErrors.push(message);
    for (const d of found) diagnostics.push(d);
  };
  const byFile = new Map<string, { config?: ProjectConfig; ok: boolean }>();
  const configOf = (l: LoadedIssue): ProjectConfig | undefined => {
    let hit = byFile.get(l.file);
    if (!hit) {
      try {
        hit = { config: configs.forFile(l.file === STDIN_NAME ? undefined : l.file), ok: true };
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        said(error.message, error.diagnostics);
        hit = { ok: false };
      }
      byFile.set(l.file, hit);
    }
    return hit.config;
  };
  let themeArgument: ThemeFile | null | undefined;
  const layersFor = (l: LoadedIssue): ThemeFile[] | undefined => {
    const config = configOf(l);
    if (!byFile.get(l.file)?.ok) return undefined;
    if (options.theme !== undefined && themeArgument === undefined) {
      try {
        themeArgument = readThemeArgument(options.theme);
      } catch (error) {
        if (!(error instanceof ThemeFileError)) throw error;
        said(error.message, []);
        themeArgument = null;
      }
    }
    if (themeArgument === null) return undefined;
    return [...(config?.layers ?? []), ...(themeArgument ? [themeArgument] : [])];
  };
  const offFor = (l: LoadedIssue) => {
    const off = rulesOff(configOf(l)?.rules);
    return off.size ? off : undefined;
  };
  return { configOf, layersFor, offFor, diagnostics, systemErrors };
}

/**
 * What could not be checked because of errors above it: the typography rules need a file YAML
 * can read, and title-too-long an issue the schema accepts.
 */
function notChecked(loaded: readonly LoadedIssue[]): string[] {
  const unreadable = loaded.some((l) => l.doc.errors.length > 0 || l.diagnostics.some((d) => d.code === 'encoding'));
  const invalid = loaded.some((l) => l.diagnostics.some((d) => d.severity === 'error'));
  const out: string[] = [];
  if (unreadable) out.push(say('summary.not-checked', { rule: say('summary.typography-rules') }));
  if (invalid) out.push(say('summary.not-checked', { rule: 'title-too-long' }));
  return out;
}
