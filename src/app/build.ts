/**
 * `build` as a use case: load the issue, run the same checks as `bulletin check` and refuse on
 * errors, merge the theme (default ← `--theme` file ← the issue's `style:`), lay the issue out,
 * render it and write the PDF atomically (a temporary file in the target directory renamed over
 * the old one, so a failed build never leaves half a PDF or destroys the previous one).
 * Printing and exit codes are the CLI's job: this returns what happened.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { stylesFontResolver } from '../check/fonts.js';
import { lintIssues } from '../check/index.js';
import { composeParagraph } from '../compose/compose.js';
import { sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { prefetchedFonts } from '../font/load.js';
import { PACKAGE_ROOT } from '../font/vendored.js';
import { IssueReadError, loadIssueFile } from '../issue/load.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { layoutIssue, type LayoutResult } from '../layout/layout.js';
import { renderPdf } from '../render/pdf.js';
import { styleIssue } from '../style/model.js';
import { UnitError, lengthToPt } from '../style/units.js';
import { layoutDiagnostic } from './layout-diagnostics.js';
import { readThemeFile, resolveIssueTheme, ThemeFileError, ThemeSystemError, type IssueTheme, type ThemeFile } from './theme-file.js';

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
    prepared = resolveIssueTheme(loaded, themeFile);
  } catch (err) {
    if (err instanceof ThemeSystemError) throw new BuildError(err.message, err.diagnostics);
    throw err;
  }
  if (!prepared.styles) return { ok: false, diagnostics: sortDiagnostics([...loaderDiagnostics, ...prepared.diagnostics]), loaded: [loaded] };
  const styles = prepared.styles;
  const themeMs = lap();

  // The same checks as `bulletin check`, with glyph coverage against this build's own theme.
  const diagnostics = sortDiagnostics([...loaderDiagnostics, ...lintIssues([loaded], { fonts: stylesFontResolver(styles) }).diagnostics]);
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics, loaded: [loaded] };
  const checkMs = lap();

  // Every theme value is resolved and checked by now: layout has nothing of the theme to refuse.
  const layout = layoutIssue(styleIssue(issue, styles), composeParagraph, { date: options.date ?? epochDate() });
  const layoutDiagnostics = layout.problems.map((p) => layoutDiagnostic(loaded, p));
  const all = sortDiagnostics([...diagnostics, ...layoutDiagnostics]);
  if (all.some((d) => d.severity === 'error')) return { ok: false, diagnostics: all, loaded: [loaded] };

  const layoutMs = lap();
  const pdf = await renderPdf(layout.document, { creator: `bulletin ${version()}`, bleed, marks: options.marks });
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
