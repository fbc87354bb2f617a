/**
 * `build` as a use case: load the issue, run the same checks as `bulletin check` and refuse on
 * errors, merge the theme (default ← `--theme` file ← the issue's `style:`), lay the issue out,
 * render it and write the PDF through io/write-file.ts (so a failed build never leaves half a
 * PDF or destroys the previous one). The output is never a file the build reads, nor a file
 * that is not a PDF unless `force`. Printing and exit codes are the CLI's job: this returns
 * what happened.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { stylesFontResolver } from '../check/fonts.js';
import { lintIssues, lintRuleIds } from '../check/index.js';
import { rulesOff } from '../check/settings.js';
import { say } from '../messages/catalogue.js';
import { ConfigError, Configs, type ConfigChoice, type ProjectConfig } from './config.js';
import { settleDiagnostics } from './findings.js';
import { composeParagraph } from '../compose/compose.js';
import { sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { openedFontFiles, prefetchedFonts } from '../font/load.js';
import { PACKAGE_ROOT } from '../font/vendored.js';
import { readHead, reasonOf } from '../io/read-file.js';
import { WriteError, writeFileSafely } from '../io/write-file.js';
import { IssueReadError, loadIssueFile } from '../issue/load.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { layoutIssue, type LayoutResult } from '../layout/layout.js';
import type { Composer } from '../layout/setting.js';
import { renderPdf } from '../render/pdf.js';
import { styleIssue } from '../style/model.js';
import { UnitError, lengthToPt } from '../style/units.js';
import { layoutDiagnostic } from './layout-diagnostics.js';
import { readThemeArgument, resolveIssueTheme, shownPath, ThemeFileError, ThemeSystemError, type IssueTheme, type ThemeFile } from './theme-file.js';

/** What the layout reports as a rule of its own: a build runs these too. */
const LAYOUT_RULES = ['title-too-long', 'name-too-long', 'loose-line'];

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
  /** Replace an existing output file that is not a PDF. */
  force?: boolean;
  /**
   * For a build session that lays out the same issue again and again (src/session): the
   * composer (one that keeps composed paragraphs), the theme resolver (one that keeps the
   * resolved theme), whether content streams are deflated (default true) and deflated ahead on
   * the thread pool (default true; a session keeps the streams of its last build instead), and
   * whether to render and write the PDF at all (false: check and lay out only; `bytes` is then 0).
   */
  compose?: Composer;
  resolveTheme?: typeof resolveIssueTheme;
  compress?: boolean;
  deflateAhead?: boolean;
  write?: boolean;
  /** `--config FILE` or `--no-config` (false); default: the nearest bulletin.config.yaml above the issue. */
  config?: ConfigChoice;
  /** The run's configs, when the caller keeps them between builds (--watch). */
  configs?: Configs;
}

/** A problem that is not the content's fault (missing file, bad font, bad option): exit 2. */
export class BuildError extends Error {
  constructor(message: string, readonly diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'BuildError';
  }
}

export type BuildResult =
  | { ok: true; output: string; pages: number; bytes: number; seconds: number; warnings: Diagnostic[]; loaded: LoadedIssue[]; layout: LayoutResult; phases: BuildPhases; toStdout: boolean }
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

/** The end of year 9999, the last second a PDF date can say. */
const MAX_EPOCH = 253_402_300_799;

/** CreationDate: SOURCE_DATE_EPOCH (reproducible builds) when set; a value that is not a time is a usage error. */
function epochDate(): Date | undefined {
  const raw = process.env.SOURCE_DATE_EPOCH?.trim();
  if (!raw) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_EPOCH) {
    const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
    throw new BuildError(say('build.bad-epoch', { value: shown, max: MAX_EPOCH }));
  }
  return new Date(Number(raw) * 1000);
}

/** `-o` in a form that cannot name a PDF file: refused before any work, in plain words. */
function checkOutputName(output: string, input: string, given: boolean): void {
  if (output === '') throw new BuildError(say('build.o-empty'));
  if (output === '-') return;
  const example = join(output, basename(defaultOutput(input)));
  if (/[\\/]$/.test(output)) throw new BuildError(say('build.o-directory', { output, example }));
  let isDir = false;
  try {
    isDir = statSync(output).isDirectory();
  } catch {
    // not there yet: it will be created
  }
  if (isDir) throw new BuildError(say(given ? 'build.o-is-directory' : 'build.output-is-directory', { output, example }));
  const outDir = dirname(resolve(output));
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) throw new BuildError(say('output.no-directory', { dir: dirname(output) }));
}

/** Device and inode of a file, following links; undefined when it is not there. */
function fileId(file: string): string | undefined {
  try {
    const st = statSync(file, { bigint: true });
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/**
 * The output must not be a file the build reads — the issue, the theme file, a font: `-o
 * issue.yaml` would replace the text with its own PDF. Compared by device and inode (hard
 * links, links, bind mounts) and by real path. Not even `--force` allows it.
 */
function checkNotAnInput(output: string, reads: readonly { file: string; what: string }[]): void {
  if (output === '-') return;
  const outId = fileId(output);
  const outReal = realPath(output);
  for (const r of reads) {
    const id = fileId(r.file);
    if (id === undefined) continue; // not there: reading it will say so
    if (id === outId || outReal === realPath(r.file)) {
      throw new BuildError(say(r.file !== output ? 'build.o-is-input-named' : 'build.o-is-input', { output, what: r.what, file: r.file }));
    }
  }
}

/** An existing output that is not a PDF (its first bytes are not %PDF-) is replaced only with --force. */
function checkReplaceable(output: string, force: boolean | undefined): void {
  if (force || output === '-') return;
  let st;
  try {
    st = statSync(output);
  } catch {
    return;
  }
  if (!st.isFile() || st.size === 0) return;
  const head = readHead(output, 5);
  if (!head || head.toString('latin1') === '%PDF-') return;
  const shown = JSON.stringify(new TextDecoder().decode(readHead(output, 24) ?? head).replace(/\uFFFD/g, '?'));
  throw new BuildError(say('build.not-a-pdf', { output, begins: shown }));
}

/**
 * Milliseconds on a monotonic clock. Not `performance.now()`: the global `performance` loads
 * perf_hooks on first use, some 3 ms of a cold build spent on a clock.
 */
const clock = (): number => Number(process.hrtime.bigint()) / 1e6;

export async function buildIssue(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = clock();
  let mark = started;
  const lap = (): number => {
    const now = clock();
    const ms = now - mark;
    mark = now;
    return ms;
  };
  let config: ProjectConfig | undefined;
  try {
    config = (options.configs ?? new Configs(options.config)).forFile(file);
  } catch (err) {
    if (err instanceof ConfigError) throw new BuildError(err.message, err.diagnostics);
    throw err;
  }
  // The config's output directory, made when missing; -o says otherwise.
  if (options.output === undefined && config?.output !== undefined) {
    try {
      mkdirSync(config.output, { recursive: true });
    } catch (err) {
      throw new BuildError(say('build.output-dir', { dir: config.output, file: config.file, reason: reasonOf(err) }));
    }
  }
  const output = options.output ?? (config?.output !== undefined ? join(shownPath(config.output), basename(defaultOutput(file))) : defaultOutput(file));
  checkOutputName(output, file, options.output !== undefined);
  const date = options.date ?? epochDate();
  const reads = [
    { file, what: say('build.the-issue-file') },
    ...(options.theme ? [{ file: options.theme, what: say('build.the-theme-file') }] : []),
    ...(config ? [{ file: config.file, what: say('build.the-config-file') }, ...config.layers.filter((l) => !l.builtin && l.source.file !== config!.file).map((l) => ({ file: l.source.file, what: say('build.the-theme-file') }))] : []),
  ];
  checkNotAnInput(output, reads);
  checkReplaceable(output, options.force);
  let bleed = 0;
  if (options.bleed !== undefined) {
    try {
      bleed = lengthToPt(options.bleed);
    } catch (err) {
      throw new BuildError(`--bleed: ${(err as UnitError).message}`);
    }
    if (!(bleed >= 0) || bleed > 72) throw new BuildError(`--bleed: ${say('build.bad-bleed', { bleed: options.bleed })}`);
  }

  let loaded: LoadedIssue;
  try {
    loaded = loadIssueFile(file);
  } catch (err) {
    if (err instanceof IssueReadError) throw new BuildError(say('io.cannot-read', { file, reason: err.reason }));
    throw err;
  }
  const loaderDiagnostics = sortDiagnostics([...loaded.diagnostics]);
  // Suppression comments and the config's rule levels, over everything this build reports.
  const off = rulesOff(config?.rules);
  const settle = (diagnostics: readonly Diagnostic[], ran: ReadonlySet<string>): Diagnostic[] => settleDiagnostics(diagnostics, [loaded], () => config, ran);
  if (!loaded.issue || loaderDiagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, diagnostics: settle([...loaderDiagnostics, ...lintIssues([loaded], { offFor: () => off }).diagnostics], new Set()), loaded: [loaded] };
  }
  const issue = loaded.issue;
  const loadMs = lap();

  // Theme layers: the config's theme and fonts, a --theme file or built-in theme (their
  // problems are usage errors), then the issue's style: block.
  const themeFiles: ThemeFile[] = [...(config?.layers ?? [])];
  if (options.theme) {
    try {
      themeFiles.push(readThemeArgument(options.theme));
    } catch (err) {
      if (err instanceof ThemeFileError) throw new BuildError(err.message);
      throw err;
    }
  }
  // Fonts the caller started reading ahead (prefetchFonts) are opened from memory.
  await prefetchedFonts();
  let prepared: IssueTheme;
  try {
    prepared = (options.resolveTheme ?? resolveIssueTheme)(loaded, themeFiles);
  } catch (err) {
    if (err instanceof ThemeSystemError) throw new BuildError(err.message, err.diagnostics);
    throw err;
  }
  if (!prepared.styles) return { ok: false, diagnostics: settle([...loaderDiagnostics, ...prepared.diagnostics], new Set()), loaded: [loaded] };
  const styles = prepared.styles;
  checkNotAnInput(output, openedFontFiles().map((f) => ({ file: f, what: say('build.a-font-file') })));
  const themeMs = lap();

  // The same checks as `bulletin check`, with glyph coverage against this build's own theme.
  const linted = [...loaderDiagnostics, ...lintIssues([loaded], { fonts: stylesFontResolver(styles), offFor: () => off }).diagnostics];
  const diagnostics = settle(linted, lintRuleIds());
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics, loaded: [loaded] };
  const checkMs = lap();

  // Every theme value is resolved and checked by now: layout has nothing of the theme to refuse.
  const layout = layoutIssue(styleIssue(issue, styles), options.compose ?? composeParagraph, { date });
  const layoutDiagnostics = layout.problems.map((p) => layoutDiagnostic(loaded, p));
  const all = settle([...linted, ...layoutDiagnostics], new Set([...lintRuleIds(), ...LAYOUT_RULES]));
  if (all.some((d) => d.severity === 'error')) return { ok: false, diagnostics: all, loaded: [loaded] };

  const layoutMs = lap();
  if (options.write === false) {
    const seconds = (clock() - started) / 1000;
    return { ok: true, output, pages: layout.document.pages.length, bytes: 0, seconds, warnings: all, loaded: [loaded], layout, phases: { load: loadMs, theme: themeMs, check: checkMs, layout: layoutMs, render: 0, write: 0 }, toStdout: false };
  }
  const pdf = await renderPdf(layout.document, { creator: `bulletin ${version()}`, bleed, marks: options.marks, compress: options.compress, deflateAhead: options.deflateAhead });
  const renderMs = lap();
  let toStdout: boolean;
  try {
    ({ toStdout } = await writeFileSafely(output, pdf, { devices: true }));
  } catch (err) {
    if (err instanceof WriteError) throw new BuildError(err.message);
    throw err;
  }
  return {
    ok: true,
    output,
    pages: layout.document.pages.length,
    bytes: pdf.length,
    seconds: (clock() - started) / 1000,
    warnings: all,
    loaded: [loaded],
    layout,
    phases: { load: loadMs, theme: themeMs, check: checkMs, layout: layoutMs, render: renderMs, write: lap() },
    toStdout,
  };
}
