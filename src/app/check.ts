/**
 * `check` as a use case: load each issue file, run the typography lint over them, apply safe
 * repairs when asked, and return everything found. Printing and exit codes are the CLI's job.
 */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lintIssues, stylesFontResolver, type FontResolver, type LintOptions, type LintResult } from '../check/index.js';
import { sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { IssueReadError, loadIssueFile } from '../issue/load.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { composeParagraph } from '../compose/compose.js';
import type { LayoutContext } from '../layout/setting.js';
import { setTitle } from '../layout/title.js';
import { styleIssue } from '../style/model.js';
import type { Styles } from '../style/styles.js';
import { layoutDiagnostic } from './layout-diagnostics.js';
import { resolveIssueTheme, ThemeSystemError } from './theme-file.js';

export type Lint = (loaded: readonly LoadedIssue[], options: LintOptions) => LintResult;

export interface CheckOptions {
  /** Write safe repairs back to the files. */
  fix?: boolean;
  /** The typography lint to run after loading (default: the project's rules). */
  lint?: Lint;
}

export interface UnreadableFile {
  file: string;
  reason: string;
}

export interface FixedFile {
  file: string;
  changes: string[];
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
  /** Problems that are not content (a font of an issue's `style:` that cannot be opened), one line each. */
  systemErrors: string[];
}

/**
 * Replace a file's content so that a reader never sees half of it: write a temporary file in
 * the same directory (so rename stays on one file system), flush it, then rename it over.
 */
export function writeFileAtomic(file: string, content: string): void {
  const mode = statSync(file).mode & 0o7777;
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, content, null, 'utf8');
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
}

function loadAll(files: readonly string[]): { loaded: LoadedIssue[]; unreadable: UnreadableFile[] } {
  const loaded: LoadedIssue[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const file of files) {
    try {
      loaded.push(loadIssueFile(file));
    } catch (error) {
      if (!(error instanceof IssueReadError)) throw error;
      unreadable.push({ file, reason: error.reason });
    }
  }
  return { loaded, unreadable };
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
function issueThemes(loaded: readonly LoadedIssue[]): Themes {
  const diagnostics: Diagnostic[] = [];
  const systemErrors: string[] = [];
  const resolvers = new Map<LoadedIssue, FontResolver>();
  const resolved = new Map<LoadedIssue, Styles>();
  for (const l of loaded) {
    if (!l.issue || l.diagnostics.some((d) => d.severity === 'error')) continue;
    try {
      const theme = resolveIssueTheme(l);
      diagnostics.push(...theme.diagnostics);
      if (theme.styles) {
        resolvers.set(l, stylesFontResolver(theme.styles));
        resolved.set(l, theme.styles);
      }
    } catch (error) {
      if (!(error instanceof ThemeSystemError)) throw error;
      if (!systemErrors.includes(error.message)) systemErrors.push(error.message);
      diagnostics.push(...error.diagnostics);
    }
  }
  // Issues whose theme did not resolve: the default theme's fonts (its problems are reported).
  let fallback: FontResolver | undefined;
  const fontsFor = (l: LoadedIssue): FontResolver => resolvers.get(l) ?? (fallback ??= stylesFontResolver(resolveIssueTheme(undefined).styles!));
  return { diagnostics, systemErrors, fontsFor, resolved };
}

/**
 * What build would refuse that no lint rule sees: a title that takes more lines than the theme
 * allows. Its titles are set exactly as build sets them (the rest of the layout is not needed).
 */
function titleProblems(loaded: LoadedIssue, styles: Styles): Diagnostic[] {
  if (!loaded.issue) return [];
  const ctx: LayoutContext = { styles, compose: composeParagraph, problems: [] };
  for (const block of styleIssue(loaded.issue, styles).blocks) if (block.kind === 'title') setTitle(ctx, block);
  return ctx.problems.filter((p) => p.code === 'title-too-long').map((p) => layoutDiagnostic(loaded, p));
}

export function checkFiles(files: readonly string[], options: CheckOptions = {}): CheckResult {
  const unique = [...new Set(files)];
  let { loaded, unreadable } = loadAll(unique);
  const runLint = options.lint ?? lintIssues;
  let themes = issueThemes(loaded);
  let lint = runLint(loaded, { fix: options.fix === true, fontsFor: themes.fontsFor });
  const fixed: FixedFile[] = [];

  if (options.fix && lint.fixed.size > 0) {
    for (const issue of loaded) {
      const repair = lint.fixed.get(issue.file);
      if (!repair || repair.source === issue.source) continue;
      writeFileAtomic(issue.file, repair.source);
      fixed.push({ file: issue.file, changes: repair.changes });
    }
    if (fixed.length > 0) {
      // Report what is left, from the files as they now are.
      ({ loaded, unreadable } = loadAll(unique));
      themes = issueThemes(loaded);
      lint = runLint(loaded, { fix: false, fontsFor: themes.fontsFor });
    }
  }

  const titles = loaded.flatMap((l) => {
    const theme = themes.resolved.get(l);
    return theme ? titleProblems(l, theme) : [];
  });
  const diagnostics = sortDiagnostics([...loaded.flatMap((l) => l.diagnostics), ...themes.diagnostics, ...lint.diagnostics, ...titles]);
  return { loaded, diagnostics, unreadable, fixed, systemErrors: themes.systemErrors };
}
