/**
 * `bulletin new [--from FILE] [--date YYYY-MM-DD] [-o FILE]`: write the next issue file and say
 * what it is — "issues/691.yaml: number 3, total 691, 2024-03-22, from issues/690.yaml" — then
 * the kept 栏目 and what to do next. Exit status: 0 written, 1 the source has errors that
 * would carry over, 2 usage or system errors (bad date, file exists, missing source or directory).
 */
import { newIssue, NewError, PLACEHOLDER } from '../app/new.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { paletteFor } from '../diag/colour.js';
import { formatDiagnostics } from '../diag/format.js';
import { sourceLine } from '../issue/position.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { EXIT } from './exit.js';
import { sourceLineOf } from '../io/read-file.js';
import { say } from '../messages/catalogue.js';

export interface NewCliOptions {
  from?: string;
  /** --config FILE, or false for --no-config. */
  config?: string | false;
  date?: string;
  output?: string;
  quiet?: boolean;
  debug?: boolean;
}


function printDiagnostics(diagnostics: readonly Diagnostic[], loaded: LoadedIssue): void {
  if (diagnostics.length === 0) return;
  const lines = (file: string, line: number) => (file === loaded.file ? sourceLine(loaded.source, loaded.lineCounter, line) : undefined);
  process.stderr.write(formatDiagnostics(diagnostics, 'text', lines, paletteFor(process.stderr)) + '\n');
}

export async function runNew(opts: NewCliOptions | Record<string, unknown>): Promise<number> {
  const options = opts as NewCliOptions;
  try {
    const result = await newIssue({ from: options.from, date: options.date, output: options.output, config: options.config });
    if (!result.ok) {
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      printDiagnostics(errors, result.loaded);
      process.stderr.write(`bulletin new: ${say('new.source-errors', { from: result.from, count: errors.length })}\n`);
      return EXIT.content;
    }
    if (options.quiet) return EXIT.ok;
    const total = result.total !== undefined ? say('new.total', { total: result.total }) : '';
    const from = result.from !== undefined ? say('new.from', { from: result.from }) : say('new.template');
    const out: string[] = [say('new.written', { output: result.output, number: result.number, total, date: result.date, from })];
    if (result.yearReset) {
      out.push(`  ${say('new.year-reset', { date: result.date, year: result.yearReset.to, previous: result.yearReset.from })}`);
    }
    if (result.from !== undefined) {
      out.push(`  ${say('new.kept', { count: result.sections.length, sections: result.sections.join('、') })}`);
    }
    out.push(`  ${say('new.next', { placeholder: PLACEHOLDER, output: result.output })}`);
    process.stdout.write(out.join('\n') + '\n');
    return EXIT.ok;
  } catch (error) {
    if (error instanceof NewError) {
      if (error.diagnostics.length) {
        const lines = (file: string, line: number) => sourceLineOf(file, line);
        process.stderr.write(formatDiagnostics(error.diagnostics, 'text', lines, paletteFor(process.stderr)) + '\n');
      }
      process.stderr.write(`bulletin new: ${error.message}\n`);
      return EXIT.usage;
    }
    if (options.debug) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    else process.stderr.write(`bulletin new: ${say('cli.internal-error', { message: (error as Error).message })}\n`);
    return EXIT.usage;
  }
}
