#!/usr/bin/env node
/**
 * Command-line entry: parses arguments and hands each command to its module in cli/.
 * Command modules are imported lazily so `--help` and `check` never load pdfkit. tiering.js
 * comes first: it tunes V8 for a short run before anything else is loaded.
 */
import './tiering.js';
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from './cli/exit.js';
import { say } from './messages/catalogue.js';
import { FONT_DIR, PACKAGE_ROOT, VENDORED_FONTS } from './font/vendored.js';

const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;


// A reader that stops early (`bulletin check … | head`) closes the pipe: that is not an error of
// ours, so end quietly with the status the run has so far instead of an unhandled EPIPE trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const program = new Command();
program
  .name('bulletin')
  .description('Typeset a Chinese government bulletin (简报) from a YAML issue file into a print-ready A4 PDF.')
  .version(version, '-v, --version')
  .showHelpAfterError()
  .configureOutput({ outputError: (str, write) => write(str) })
  .exitOverride((err) => {
    // commander's own exits (help, version) are fine; argument errors are usage errors.
    process.exit(err.exitCode === 0 ? 0 : EXIT.usage);
  });

program
  .command('build')
  .description('lay out an issue file and write its PDF')
  .argument('<file>', 'issue file (YAML)')
  .option('-o, --output <pdf>', 'where to write the PDF (default: beside the input, same name, .pdf; - for the standard output)')
  .option('--force', 'replace the output file even if it is not a PDF')
  .option('--theme <file>', 'theme file (YAML or JSON) overriding the default theme')
  .option('--config <file>', say('option.config'))
  .option('--no-config', say('option.no-config'))
  .option('--bleed <length>', 'bleed on each side, e.g. 3mm (grows the MediaBox, sets a BleedBox)')
  .option('--marks', 'draw crop marks outside the trim (needs --bleed)')
  .option('-w, --watch', 'rebuild on every save of the issue or theme file, until Ctrl-C')
  .option('-q, --quiet', 'print nothing but errors')
  .option('--debug', 'show stack traces for unexpected errors')
  .version(version, '-v, --version')
  .addHelpText('after', '\nExamples:\n  $ bulletin build issues/690.yaml\n  $ bulletin build issues/690.yaml -o out/690.pdf --bleed 3mm --marks\n  $ bulletin build issues/691.yaml --watch\n')
  .action(async (file: string, opts: Record<string, unknown>) => {
    if (opts.watch) {
      const { runWatch } = await import('./cli/watch.js');
      process.exitCode = await runWatch(file, opts);
      return;
    }
    // The default theme's fonts are read on the thread pool while the build code loads.
    const { prefetchFonts } = await import('./font/load.js');
    prefetchFonts(Object.values(VENDORED_FONTS).map((f) => join(FONT_DIR, f)));
    const { runBuild } = await import('./cli/build.js');
    process.exitCode = await runBuild(file, opts);
  });

program
  .command('check')
  .description('validate issue files and report typography problems as FILE:LINE:COL')
  .argument('<files...>', 'issue files (YAML); - reads one from standard input')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
  .option('--strict', 'exit 1 on warnings too')
  .option('--fix', 'repair what is safe to repair, in place')
  .option('--dry-run', 'with --fix: print the changes as a diff and write nothing')
  .option('--theme <file>', say('option.check-theme'))
  .option('--config <file>', say('option.config'))
  .option('--no-config', say('option.no-config'))
  .option('-q, --quiet', 'print only errors and the summary')
  .option('--debug', 'show stack traces for unexpected errors')
  .version(version, '-v, --version')
  .addHelpText('after', '\nExamples:\n  $ bulletin check issues/*.yaml\n  $ bulletin check --fix --dry-run issues/691.yaml   # show what --fix would change\n  $ bulletin check --format github issues/*.yaml\n  $ cat draft.yaml | bulletin check -\n')
  .action(async (files: string[], opts: Record<string, unknown>) => {
    const { runCheck } = await import('./cli/check.js');
    process.exitCode = await runCheck(files, opts);
  });

program
  .command('new')
  .description('write the next issue file from the previous one (number, total and date moved on, one example per section)')
  .option('--from <file>', 'the previous issue (default: the newest issue file in ./issues)')
  .option('--date <date>', "the new issue's date, e.g. 2024-03-29 or 2024-3-29 (default: today)")
  .option('-o, --output <file>', 'where to write it (default: beside the previous issue, named after the next total or number)')
  .option('--config <file>', say('option.config'))
  .option('--no-config', say('option.no-config'))
  .option('-q, --quiet', 'print nothing but errors')
  .option('--debug', 'show stack traces for unexpected errors')
  .version(version, '-v, --version')
  .addHelpText('after', '\nExamples:\n  $ bulletin new                                  # continue from the newest file in issues/\n  $ bulletin new --from issues/690.yaml --date 2024-03-22\n  $ bulletin new -o issues/first.yaml             # a commented template when issues/ is empty\n\nAn existing file is never overwritten (exit 2).\n')
  .action(async (opts: Record<string, unknown>) => {
    const { runNew } = await import('./cli/new.js');
    process.exitCode = await runNew(opts);
  });

program
  .command('preview')
  .description('show the pages in a browser, updated each time the issue file is saved')
  .argument('<file>', 'issue file (YAML)')
  .option('-p, --port <port>', 'port to serve on; the next free one when it is in use (default: 8690)')
  .option('--host <host>', 'address to listen on (default: 127.0.0.1, this machine only)')
  .option('--open', 'open the preview in the default browser')
  .option('--editor <command>', 'command that opens the source of what you click, e.g. "code -g {file}:{line}"')
  .option('--theme <file>', 'theme file (YAML or JSON), as for build')
  .option('--config <file>', say('option.config'))
  .option('--no-config', say('option.no-config'))
  .option('-q, --quiet', 'print nothing but errors and the address')
  .option('--debug', 'show stack traces for unexpected errors')
  .version(version, '-v, --version')
  .addHelpText('after', '\nExamples:\n  $ bulletin preview issues/691.yaml --open\n  $ bulletin preview issues/691.yaml --editor "code -g {file}:{line}"\n\nThe preview answers only on this machine unless --host says otherwise.\n')
  .action(async (file: string, opts: Record<string, unknown>) => {
    const { runPreview } = await import('./cli/preview.js');
    process.exitCode = await runPreview(file, opts);
  });

program
  .command('fonts')
  .description("list each font role's chain (face, file, glyphs, licence) and which face draws which characters")
  .argument('[file]', 'issue file (YAML) whose characters to attribute to faces')
  .option('--theme <file>', 'theme file (YAML or JSON), as for build')
  .option('--config <file>', say('option.config'))
  .option('--no-config', say('option.no-config'))
  .option('-q, --quiet', 'print only problems: characters no font draws, fonts that cannot be opened')
  .option('--debug', 'show stack traces for unexpected errors')
  .version(version, '-v, --version')
  .addHelpText('after', '\nExamples:\n  $ bulletin fonts\n  $ bulletin fonts issues/690.yaml\n  $ bulletin fonts issues/690.yaml --theme office.yaml\n\nExit status: 0 every character has a glyph, 1 some character has none, 2 a font or file cannot be read.\n')
  .action(async (file: string | undefined, opts: Record<string, unknown>) => {
    const { runFonts } = await import('./cli/fonts.js');
    process.exitCode = await runFonts(file, opts);
  });

program.addHelpText('after', '\nExamples:\n  $ bulletin new --from issues/690.yaml\n  $ bulletin check issues/691.yaml\n  $ bulletin build issues/691.yaml --watch\n  $ bulletin preview issues/691.yaml --open\n  $ bulletin fonts issues/691.yaml\n\nRun `bulletin help <command>` for its options and examples.\n');

// -v is the version, as most tools have it; -V, commander's own spelling, still works.
await program.parseAsync(process.argv.map((arg, k) => (k >= 2 && arg === '-V' ? '-v' : arg)));
