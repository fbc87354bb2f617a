/**
 * `bulletin check FILE…`: print what checkFiles found in the chosen format and turn it into
 * the exit status: 0 clean, 1 content errors (or warnings with --strict), 2 usage or system errors.
 * `-` reads an issue from standard input. With --fix --dry-run nothing is written: the diff of
 * what --fix would change is printed, then the problems that would be left.
 */
import { checkFiles, STDIN } from '../app/check.js';
import { paletteFor } from '../diag/colour.js';
import { countBySeverity } from '../diag/diagnostic.js';
import { unifiedDiff } from '../diag/diff.js';
import { formatDiagnostics, OUTPUT_FORMATS, summaryLine, type OutputFormat } from '../diag/format.js';
import { visibleCodes } from '../diag/visible.js';
import { sourceLine } from '../issue/position.js';
import { sourceLineOf } from '../io/read-file.js';
import { EXIT } from './exit.js';
import { say } from '../messages/catalogue.js';
import { expandFileArguments } from './expand.js';

export interface CheckCliOptions {
  format?: string;
  strict?: boolean;
  fix?: boolean;
  dryRun?: boolean;
  quiet?: boolean;
  debug?: boolean;
  theme?: string;
  /** --config FILE, or false for --no-config. */
  config?: string | false;
}


export async function runCheck(files: string[], opts: CheckCliOptions | Record<string, unknown>): Promise<number> {
  const options = opts as CheckCliOptions;
  const format = (options.format ?? 'text') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) {
    process.stderr.write(`bulletin check: ${say('check.unknown-format', { format: String(options.format), formats: OUTPUT_FORMATS.join(', ') })}\n`);
    return EXIT.usage;
  }
  if (files.length === 0) {
    process.stderr.write(`bulletin check: ${say('check.no-files')}\n`);
    return EXIT.usage;
  }
  if (options.dryRun && !options.fix) {
    process.stderr.write(`bulletin check: ${say('check.dry-run-alone')}\n`);
    return EXIT.usage;
  }
  if (options.fix && !options.dryRun && files.includes(STDIN)) {
    process.stderr.write(`bulletin check: ${say('check.stdin-fix')}\n`);
    return EXIT.usage;
  }
  // Directories and patterns are expanded here, for shells that do not (cmd.exe, PowerShell).
  const expanded = expandFileArguments(files);
  if (expanded.unmatched.length) {
    for (const pattern of expanded.unmatched) process.stderr.write(`bulletin check: ${say('files.no-match', { pattern })}\n`);
    return EXIT.usage;
  }
  files = expanded.files;
  try {
    const result = await checkFiles(files, { fix: options.fix === true, dryRun: options.dryRun === true, theme: options.theme, config: options.config });
    for (const { file, reason } of result.unreadable) process.stderr.write(`bulletin check: ${say('io.cannot-read', { file, reason })}\n`);
    for (const message of result.systemErrors) process.stderr.write(`bulletin check: ${message}\n`);

    const shown = options.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    const sources = new Map(result.loaded.map((l) => [l.file, l]));
    const lines = (file: string, line: number) => {
      const loaded = sources.get(file);
      // A config or theme file's line is read from the file.
      return loaded ? sourceLine(loaded.source, loaded.lineCounter, line) : sourceLineOf(file, line);
    };

    if (format === 'json') {
      process.stdout.write(formatDiagnostics(shown, 'json') + '\n');
    } else {
      const palette = paletteFor(process.stdout);
      if (options.dryRun) {
        // Shown, not applied: an invisible character in a line is written as its code point.
        for (const f of result.fixed) process.stdout.write(visibleCodes(unifiedDiff(f.file, f.before, f.after)));
      }
      if (shown.length > 0) process.stdout.write(formatDiagnostics(shown, format, lines, palette) + '\n');
      for (const { file, changes } of result.fixed) {
        process.stdout.write(`${say(options.dryRun ? 'check.would-fix' : 'check.fixed', { file })}\n${changes.map((c) => `  ${c}\n`).join('')}`);
      }
      if (format === 'text') for (const line of result.notChecked) process.stdout.write(`${line}\n`);
      for (const { file, reason } of result.notFixed) process.stdout.write(`${say('check.not-fixed', { file, reason })}\n`);
      // A run where no file could be read has nothing to sum up beyond the "cannot read" lines.
      if (result.loaded.length > 0) {
        const unread = result.unreadable.length > 0 ? say('summary.unreadable', { count: result.unreadable.length }) : '';
        process.stdout.write(summaryLine(result.loaded.length, result.diagnostics, { fixable: !options.fix }) + unread + '\n');
        if (options.dryRun) process.stdout.write(say(result.diagnostics.length > 0 ? 'summary.dry-run-left' : 'summary.dry-run') + '\n');
      }
    }
    if (format === 'json') {
      for (const { file, changes } of result.fixed) process.stderr.write(`${say(options.dryRun ? 'check.would-fix-count' : 'check.fixed-count', { file, count: changes.length })}\n`);
      for (const { file, reason } of result.notFixed) process.stderr.write(`${say('check.not-fixed', { file, reason })}\n`);
    }

    if (result.unreadable.length > 0 || result.systemErrors.length > 0) return EXIT.usage;
    const counts = countBySeverity(result.diagnostics);
    if (counts.error > 0 || (options.strict && counts.warning > 0)) return EXIT.content;
    return EXIT.ok;
  } catch (error) {
    if (options.debug) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    else process.stderr.write(`bulletin check: ${say('cli.internal-error', { message: (error as Error).message })}\n`);
    return EXIT.usage;
  }
}
