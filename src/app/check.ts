/**
 * `check` as a use case: load each issue file, run the typography lint over them, apply safe
 * repairs when asked, and return everything found. Printing and exit codes are the CLI's job.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintIssues, stylesFontResolver, type FontResolver, type LintOptions, type LintResult } from '../check/index.js';
import { sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { WriteError, writeFileSafely } from '../io/write-file.js';
import { IssueReadError, loadIssueFile } from '../issue/load.js';
import type { LoadedIssue, SourceOrigin } from '../issue/loaded.js';
import { composeParagraph } from '../compose/compose.js';
import type { LayoutContext } from '../layout/setting.js';
import { buildMasthead } from '../layout/masthead.js';
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
  /** Files `--fix` left alone although it had repairs: their text is not exactly their bytes. */
  notFixed: NotFixedFile[];
  /** Problems that are not content (a font of an issue's `style:` that cannot be opened), one line each. */
  systemErrors: string[];
}

/**
 * The bytes to write back for `text`, a repaired version of a file decoded as `origin` says: in
 * UTF-8, with the byte-order mark the file had. Only a lossless decoding may be written back
 * (see SourceOrigin): otherwise the undecodable bytes would be replaced by U+FFFD.
 */
export function bytesForWriteBack(text: string, origin: SourceOrigin): Buffer {
  const bom = origin.bom && origin.encoding === 'utf-8' ? '\uFEFF' : '';
  return Buffer.from(bom + text, 'utf8');
}

/** Why a repaired file must not be written back, or undefined when it may be. */
function notWritable(issue: LoadedIssue): string | undefined {
  if (!issue.origin?.identity) return 'it was not read from a file (the standard input?), so there is nothing to write back to';
  if (!issue.origin.lossless) {
    return `some of its bytes are not ${issue.origin.encoding.toUpperCase()} text, and writing the repairs back would replace them with U+FFFD; save it as UTF-8 first`;
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
      const st = statSync(file, { bigint: true });
      key = `${st.dev}:${st.ino}`;
    } catch {
      key = resolve(file);
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(file);
  }
  return out;
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
  let { loaded, unreadable } = loadAll(unique);
  const runLint = options.lint ?? lintIssues;
  let themes = issueThemes(loaded);
  let lint = runLint(loaded, { fix: options.fix === true, fontsFor: themes.fontsFor });
  const fixed: FixedFile[] = [];
  const notFixed: NotFixedFile[] = [];
  const writeErrors: string[] = [];

  if (options.fix && lint.fixed.size > 0) {
    for (const issue of loaded) {
      const repair = lint.fixed.get(issue.file);
      if (!repair || repair.source === issue.source) continue;
      const refused = notWritable(issue);
      if (refused) {
        notFixed.push({ file: issue.file, reason: refused });
        continue;
      }
      try {
        await writeFileSafely(issue.file, bytesForWriteBack(repair.source, issue.origin!), { unchangedSince: issue.origin!.identity, devices: false });
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        // A full disk, a read-only file, an editor's save meanwhile: this file is left as it was.
        writeErrors.push(error.message);
        continue;
      }
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
  return { loaded, diagnostics, unreadable, fixed, notFixed, systemErrors: [...writeErrors, ...themes.systemErrors] };
}
