/**
 * `bulletin build FILE`: run the build and report it in one line —
 * "issues/690.pdf — 4 pages, 310 KB, 0.42 s" — or print the diagnostics that stopped it.
 * Exit status: 0 built, 1 content errors, 2 usage or system errors (missing input, output
 * directory missing, bad font or theme file). Stack traces only with --debug.
 */
import { BuildError, buildIssue, type BuildResult } from '../app/build.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { paletteFor } from '../diag/colour.js';
import { formatDiagnostics } from '../diag/format.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { sourceLine } from '../issue/position.js';
import { sourceLineOf } from '../io/read-file.js';
import { EXIT } from './exit.js';
import { say } from '../messages/catalogue.js';

export interface BuildCliOptions {
  output?: string;
  theme?: string;
  /** --config FILE, or false for --no-config. */
  config?: string | false;
  bleed?: string;
  marks?: boolean;
  force?: boolean;
  quiet?: boolean;
  debug?: boolean;
}


function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function printDiagnostics(diagnostics: readonly Diagnostic[], loaded: readonly LoadedIssue[]): void {
  if (diagnostics.length === 0) return;
  const sources = new Map(loaded.map((l) => [l.file, l]));
  const lines = (file: string, line: number) => {
    const l = sources.get(file);
    if (l) return sourceLine(l.source, l.lineCounter, line);
    return sourceLineOf(file, line);
  };
  process.stderr.write(formatDiagnostics(diagnostics, 'text', lines, paletteFor(process.stderr)) + '\n');
}

export async function runBuild(file: string, opts: BuildCliOptions | Record<string, unknown>): Promise<number> {
  const options = opts as BuildCliOptions;
  return reportBuild(file, options, await attemptBuild(() => buildIssue(file, { output: options.output, theme: options.theme, bleed: options.bleed, marks: options.marks, force: options.force, config: options.config })));
}

/** A build's result, or what it threw. */
export type BuildOutcome = { result: BuildResult; error?: undefined } | { error: unknown; result?: undefined };

export async function attemptBuild(build: () => Promise<BuildResult>): Promise<BuildOutcome> {
  try {
    return { result: await build() };
  } catch (error) {
    return { error };
  }
}

/** Print what a build came to (the result line, or the diagnostics that stopped it); returns the exit status. */
export function reportBuild(file: string, options: BuildCliOptions, outcome: BuildOutcome): number {
  const { result, error } = outcome;
  if (result) {
    if (!result.ok) {
      printDiagnostics(options.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics, result.loaded);
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      process.stderr.write(`bulletin build: ${say('build.not-built', { file, count: errors })}\n`);
      return EXIT.content;
    }
    if (!options.quiet) {
      printDiagnostics(result.warnings, result.loaded);
      // With the PDF on the standard output, the report goes to the standard error.
      const report = result.toStdout ? process.stderr : process.stdout;
      report.write(`${say('build.done', { output: result.output, pages: result.pages, size: sizeText(result.bytes), seconds: result.seconds.toFixed(2) })}\n`);
    }
    return EXIT.ok;
  }
  if (error instanceof BuildError) {
    printDiagnostics(error.diagnostics, []);
    process.stderr.write(`bulletin build: ${error.message}\n`);
    return EXIT.usage;
  }
  if (options.debug) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  else process.stderr.write(`bulletin build: ${say('cli.internal-error', { message: (error as Error).message })}\n`);
  return EXIT.usage;
}
