/**
 * `build` as a use case: load the issue, run the same checks as `bulletin check` and refuse on
 * errors, merge the theme (default ← `--theme` file ← the issue's `style:`), lay the issue out,
 * render it and write the PDF atomically (a temporary file in the target directory renamed over
 * the old one, so a failed build never leaves half a PDF or destroys the previous one).
 * Printing and exit codes are the CLI's job: this returns what happened.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { themeFontResolver } from '../check/fonts.js';
import { lintIssues } from '../check/index.js';
import { composeParagraph } from '../compose/compose.js';
import { sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { prefetchedFonts } from '../font/load.js';
import { PACKAGE_ROOT } from '../font/vendored.js';
import { IssueReadError, loadIssueFile } from '../issue/load.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { layoutIssue, type LayoutResult } from '../layout/layout.js';
import { buildModel } from '../layout/model.js';
import type { Composer } from '../layout/setting.js';
import { UnitError, lengthToPt } from '../layout/units.js';
import { renderPdf } from '../render/pdf.js';
import { layoutDiagnostic } from './layout-diagnostics.js';
import { readThemeFile, resolveIssueTheme, themeProblem, ThemeFileError, ThemeSystemError, type IssueTheme, type ThemeFile, type ThemeSource } from './theme-file.js';

export interface BuildOptions {
  /** Output PDF; default beside the input with the extension .pdf. */
  output?: string;
  /** Theme file (YAML or JSON). */
  theme?: string;
  /** Bleed, e.g. "3mm". */
  bleed?: string;
  marks?: boolean;
  /** Fixed CreationDate (default: SOURCE_DATE_EPOCH, else the issue date). */
  date?: Date;
  /**
   * For a build session that lays out the same issue again and again (src/session): the
   * composer (one that keeps composed paragraphs), the theme resolver (one that keeps the
   * resolved theme), whether content streams are deflated (default true), and whether to
   * render and write the PDF at all (false: check and lay out only; `bytes` is then 0).
   */
  compose?: Composer;
  resolveTheme?: typeof resolveIssueTheme;
  compress?: boolean;
  write?: boolean;
}

/** A problem that is not the content's fault (missing file, bad font, bad option): exit 2. */
export class BuildError extends Error {
  constructor(message: string, readonly diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'BuildError';
  }
}

export type BuildResult =
  | { ok: true; output: string; pages: number; bytes: number; seconds: number; warnings: Diagnostic[]; loaded: LoadedIssue[]; layout: LayoutResult; phases: BuildPhases }
  | { ok: false; diagnostics: Diagnostic[]; loaded: LoadedIssue[] };

/** Milliseconds spent in each step of a build that got through (for the benchmark). */
export interface BuildPhases {
  load: number;
  /** Theme layers merged and checked, and every face it uses opened. */
  theme: number;
  check: number;
  layout: number;
  render: number;
  write: number;
}

export function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function defaultOutput(input: string): string {
  const ext = extname(input);
  return (ext ? input.slice(0, -ext.length) : input) + '.pdf';
}

/** CreationDate: SOURCE_DATE_EPOCH (reproducible builds) when set and valid. */
function epochDate(): Date | undefined {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (!raw || !/^\d+$/.test(raw.trim())) return undefined;
  return new Date(Number(raw.trim()) * 1000);
}

export async function buildIssue(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  let mark = started;
  const lap = (): number => {
    const now = performance.now();
    const ms = now - mark;
    mark = now;
    return ms;
  };
  const output = options.output ?? defaultOutput(file);
  const outDir = dirname(resolve(output));
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) throw new BuildError(`output directory does not exist: ${dirname(output)}`);
  let bleed = 0;
  if (options.bleed !== undefined) {
    try {
      bleed = lengthToPt(options.bleed);
    } catch (err) {
      throw new BuildError(`--bleed: ${(err as UnitError).message}`);
    }
    if (!(bleed >= 0) || bleed > 72) throw new BuildError(`--bleed: ${options.bleed} is not a bleed between 0 and 25mm`);
  }

  let loaded: LoadedIssue;
  try {
    loaded = loadIssueFile(file);
  } catch (err) {
    if (err instanceof IssueReadError) throw new BuildError(`cannot read ${file}: ${err.reason}`);
    throw err;
  }
  const loaderDiagnostics = sortDiagnostics([...loaded.diagnostics]);
  if (!loaded.issue || loaderDiagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, diagnostics: sortDiagnostics([...loaderDiagnostics, ...lintIssues([loaded]).diagnostics]), loaded: [loaded] };
  }
  const issue = loaded.issue;
  const loadMs = lap();

  // Theme layers: a --theme file (its problems are usage errors), then the issue's style: block.
  let themeFile: ThemeFile | undefined;
  if (options.theme) {
    try {
      themeFile = readThemeFile(options.theme);
    } catch (err) {
      if (err instanceof ThemeFileError) throw new BuildError(err.message);
      throw err;
    }
  }
  // Fonts the caller started reading ahead (prefetchFonts) are opened from memory.
  await prefetchedFonts();
  let prepared: IssueTheme;
  try {
    prepared = (options.resolveTheme ?? resolveIssueTheme)(loaded, themeFile);
  } catch (err) {
    if (err instanceof ThemeSystemError) throw new BuildError(err.message, err.diagnostics);
    throw err;
  }
  if (!prepared.resolved) return { ok: false, diagnostics: sortDiagnostics([...loaderDiagnostics, ...prepared.diagnostics]), loaded: [loaded] };
  const resolved = prepared.resolved;
  const theme = resolved.theme;
  const { styleSource, sources } = prepared;
  const themeMs = lap();

  // The same checks as `bulletin check`, with glyph coverage against this build's own theme.
  let diagnostics: Diagnostic[];
  try {
    diagnostics = sortDiagnostics([...loaderDiagnostics, ...lintIssues([loaded], { fonts: themeFontResolver(resolved) }).diagnostics]);
  } catch (err) {
    return stopped(themeOrFontError(err, styleSource, sources, loaded), err, loaderDiagnostics, loaded);
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics, loaded: [loaded] };
  const checkMs = lap();

  let layout: LayoutResult;
  try {
    layout = layoutIssue(buildModel(issue, theme), resolved, options.compose ?? composeParagraph, { date: options.date ?? epochDate() });
  } catch (err) {
    return stopped(themeOrFontError(err, styleSource, sources, loaded), err, diagnostics, loaded);
  }
  const layoutDiagnostics = layout.problems.map((p) => layoutDiagnostic(loaded, p));
  const all = sortDiagnostics([...diagnostics, ...layoutDiagnostics]);
  if (all.some((d) => d.severity === 'error')) return { ok: false, diagnostics: all, loaded: [loaded] };

  const layoutMs = lap();
  if (options.write === false) {
    const seconds = (performance.now() - started) / 1000;
    return { ok: true, output, pages: layout.document.pages.length, bytes: 0, seconds, warnings: all, loaded: [loaded], layout, phases: { load: loadMs, theme: themeMs, check: checkMs, layout: layoutMs, render: 0, write: 0 } };
  }
  const pdf = await renderPdf(layout.document, { creator: `bulletin ${version()}`, bleed, marks: options.marks, compress: options.compress });
  const renderMs = lap();
  writeAtomic(output, pdf);
  return {
    ok: true,
    output,
    pages: layout.document.pages.length,
    bytes: pdf.length,
    seconds: (performance.now() - started) / 1000,
    warnings: all,
    loaded: [loaded],
    layout,
    phases: { load: loadMs, theme: themeMs, check: checkMs, layout: layoutMs, render: renderMs, write: lap() },
  };
}

/** The build stops on `err`: a system error is thrown, a located one returned with what was found so far. */
function stopped(known: BuildError | Diagnostic | undefined, err: unknown, found: Diagnostic[], loaded: LoadedIssue): BuildResult {
  if (known instanceof BuildError) throw known;
  if (known) return { ok: false, diagnostics: sortDiagnostics([...found, known]), loaded: [loaded] };
  throw err;
}

/** A theme or font problem met after the theme was resolved, as build reports it. */
function themeOrFontError(err: unknown, style: ThemeSource, others: ThemeSource[], loaded: LoadedIssue): BuildError | Diagnostic | undefined {
  const problem = themeProblem(err, style, others, loaded);
  return problem instanceof ThemeSystemError ? new BuildError(problem.message, problem.diagnostics) : problem;
}

/** Write `data` to `file` through a temporary file in the same directory and a rename. */
export function writeAtomic(file: string, data: Uint8Array): void {
  const temp = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'w', 0o644);
  } catch (err) {
    throw new BuildError(`cannot write ${file}: ${describeFsError(err)}`);
  }
  try {
    writeSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, file);
  } catch (err) {
    try { closeSync(fd); } catch { /* already closed */ }
    try { unlinkSync(temp); } catch { /* already gone */ }
    throw new BuildError(`cannot write ${file}: ${describeFsError(err)}`);
  }
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'read-only file system';
  return (err as Error).message;
}
