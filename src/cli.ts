#!/usr/bin/env node
/**
 * Command-line entry: parses arguments and hands each command to its module in cli/.
 * Command modules are imported lazily so `--help` and `check` never load pdfkit.
 */
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './font/vendored.js';

const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Exit statuses CI can trust: 0 clean, 1 content errors, 2 usage or system errors. */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

const program = new Command();
program
  .name('bulletin')
  .description('Typeset a Chinese government bulletin (简报) from a YAML issue file into a print-ready A4 PDF.')
  .version(version, '-V, --version')
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
  .option('-o, --output <pdf>', 'where to write the PDF (default: beside the input, same name, .pdf)')
  .option('--theme <file>', 'theme file (YAML or JSON) overriding the default theme')
  .option('--bleed <length>', 'bleed on each side, e.g. 3mm (grows the MediaBox, sets a BleedBox)')
  .option('--marks', 'draw crop marks outside the trim (needs --bleed)')
  .option('-q, --quiet', 'print nothing but errors')
  .option('--debug', 'show stack traces for unexpected errors')
  .addHelpText('after', '\nExamples:\n  $ bulletin build issues/690.yaml\n  $ bulletin build issues/690.yaml -o out/690.pdf --bleed 3mm --marks\n')
  .action(async (file: string, opts: Record<string, unknown>) => {
    const { runBuild } = await import('./cli/build.js');
    process.exitCode = await runBuild(file, opts);
  });

program
  .command('check')
  .description('validate issue files and report typography problems as FILE:LINE:COL')
  .argument('<files...>', 'issue files (YAML)')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
  .option('--strict', 'exit 1 on warnings too')
  .option('--fix', 'repair what is safe to repair, in place')
  .option('-q, --quiet', 'print only errors and the summary')
  .option('--debug', 'show stack traces for unexpected errors')
  .addHelpText('after', '\nExamples:\n  $ bulletin check issues/*.yaml\n  $ bulletin check --format github issues/*.yaml\n')
  .action(async (files: string[], opts: Record<string, unknown>) => {
    const { runCheck } = await import('./cli/check.js');
    process.exitCode = await runCheck(files, opts);
  });

await program.parseAsync(process.argv);
