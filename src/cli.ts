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
import { flags, helpConfiguration, translateCommanderError } from './cli/help-text.js';
import { applyLanguage, configuredLanguage } from './cli/language.js';
import { FONT_DIR, PACKAGE_ROOT, VENDORED_FONTS } from './font/vendored.js';
import { say } from './messages/catalogue.js';
import { langArgument, LANGUAGES } from './messages/language.js';

const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;


// A reader that stops early (`bulletin check … | head`) closes the pipe: that is not an error of
// ours, so end quietly with the status the run has so far instead of an unhandled EPIPE trace.
function quietOnEpipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
// Set when the stream is first used: Node makes process.stdout and process.stderr on first
// access, and for a pipe or a terminal that loads its network streams (some 2.5 ms), which a
// quiet build that prints nothing does not need. Where the property is not Node's configurable
// getter, the handler goes on at once.
for (const name of ['stdout', 'stderr'] as const) {
  const own = Object.getOwnPropertyDescriptor(process, name);
  const get = own?.get;
  if (!get || !own.configurable) {
    quietOnEpipe(process[name]);
    continue;
  }
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: own.enumerable,
    get() {
      const stream = get.call(process) as NodeJS.WriteStream;
      Object.defineProperty(process, name, own);
      quietOnEpipe(stream);
      return stream;
    },
  });
}

/** Choose the language, define the commands in it, and run the one the command line asks for. */
async function main(): Promise<void> {
  // The language is chosen before the commands are defined: their help is written in it.
  // --lang wins over the project config's language:, which wins over the locale (LC_ALL,
  // LC_MESSAGES, LANG); see messages/language.ts.
  {
    const argv = process.argv.slice(2);
    const flag = langArgument(argv);
    await applyLanguage({ flag, config: flag === undefined ? await configuredLanguage(argv) : undefined });
  }
  const langOption = () => new Option(flags('--lang <lang>'), say('cli.option.lang')).choices(LANGUAGES);

  const program = new Command();
  program
    .name('bulletin')
    .description(say('cli.program'))
    .configureHelp(helpConfiguration())
    .helpOption('-h, --help', say('cli.option.help'))
    .helpCommand('help [command]', say('cli.command.help'))
    .version(version, '-v, --version', say('cli.option.version'))
    .addOption(langOption())
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(translateCommanderError(str)) })
    .exitOverride((err) => {
      // commander's own exits (help, version) are fine; argument errors are usage errors.
      process.exit(err.exitCode === 0 ? 0 : EXIT.usage);
    });

  program
    .command('build')
    .description(say('cli.build'))
    .argument('<file>', say('cli.argument.issue'))
    .option(flags('-o, --output <pdf>'), say('cli.build.output'))
    .option('--force', say('cli.build.force'))
    .option(flags('--theme <file>'), say('cli.build.theme'))
    .option(flags('--config <file>'), say('option.config'))
    .option('--no-config', say('option.no-config'))
    .option(flags('--bleed <length>'), say('cli.build.bleed'))
    .option('--marks', say('cli.build.marks'))
    .option('-w, --watch', say('cli.build.watch'))
    .option('-q, --quiet', say('cli.option.quiet'))
    .option('--debug', say('cli.option.debug'))
    .addOption(langOption())
    .helpOption('-h, --help', say('cli.option.help'))
    .version(version, '-v, --version', say('cli.option.version'))
    .addHelpText('after', say('cli.build.examples'))
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
    .description(say('cli.check'))
    .argument('<files...>', say('cli.argument.issues'))
    .addOption(new Option(flags('--format <format>'), say('cli.check.format')).choices(['text', 'json', 'github']).default('text'))
    .option('--strict', say('cli.check.strict'))
    .option('--fix', say('cli.check.fix'))
    .option('--dry-run', say('cli.check.dry-run'))
    .option(flags('--theme <file>'), say('option.check-theme'))
    .option(flags('--config <file>'), say('option.config'))
    .option('--no-config', say('option.no-config'))
    .option('-q, --quiet', say('cli.check.quiet'))
    .option('--debug', say('cli.option.debug'))
    .addOption(langOption())
    .helpOption('-h, --help', say('cli.option.help'))
    .version(version, '-v, --version', say('cli.option.version'))
    .addHelpText('after', say('cli.check.examples'))
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runCheck } = await import('./cli/check.js');
      process.exitCode = await runCheck(files, opts);
    });

  program
    .command('new')
    .description(say('cli.new'))
    .option(flags('--from <file>'), say('cli.new.from'))
    .option(flags('--date <date>'), say('cli.new.date'))
    .option(flags('-o, --output <file>'), say('cli.new.output'))
    .option(flags('--config <file>'), say('option.config'))
    .option('--no-config', say('option.no-config'))
    .option('-q, --quiet', say('cli.option.quiet'))
    .option('--debug', say('cli.option.debug'))
    .addOption(langOption())
    .helpOption('-h, --help', say('cli.option.help'))
    .version(version, '-v, --version', say('cli.option.version'))
    .addHelpText('after', say('cli.new.examples'))
    .action(async (opts: Record<string, unknown>) => {
      const { runNew } = await import('./cli/new.js');
      process.exitCode = await runNew(opts);
    });

  program
    .command('preview')
    .description(say('cli.preview'))
    .argument('<file>', say('cli.argument.issue'))
    .option(flags('-p, --port <port>'), say('cli.preview.port'))
    .option(flags('--host <host>'), say('cli.preview.host'))
    .option('--open', say('cli.preview.open'))
    .option(flags('--editor <command>'), say('cli.preview.editor'))
    .option(flags('--theme <file>'), say('cli.fonts.theme'))
    .option(flags('--config <file>'), say('option.config'))
    .option('--no-config', say('option.no-config'))
    .option('-q, --quiet', say('cli.preview.quiet'))
    .option('--debug', say('cli.option.debug'))
    .addOption(langOption())
    .helpOption('-h, --help', say('cli.option.help'))
    .version(version, '-v, --version', say('cli.option.version'))
    .addHelpText('after', say('cli.preview.examples'))
    .action(async (file: string, opts: Record<string, unknown>) => {
      const { runPreview } = await import('./cli/preview.js');
      process.exitCode = await runPreview(file, opts);
    });

  program
    .command('fonts')
    .description(say('cli.fonts'))
    .argument('[file]', say('cli.fonts.file'))
    .option(flags('--theme <file>'), say('cli.fonts.theme'))
    .option(flags('--config <file>'), say('option.config'))
    .option('--no-config', say('option.no-config'))
    .option('-q, --quiet', say('cli.fonts.quiet'))
    .option('--debug', say('cli.option.debug'))
    .addOption(langOption())
    .helpOption('-h, --help', say('cli.option.help'))
    .version(version, '-v, --version', say('cli.option.version'))
    .addHelpText('after', say('cli.fonts.examples'))
    .action(async (file: string | undefined, opts: Record<string, unknown>) => {
      const { runFonts } = await import('./cli/fonts.js');
      process.exitCode = await runFonts(file, opts);
    });

  program.addHelpText('after', say('cli.examples'));

  // -v is the version, as most tools have it; -V, commander's own spelling, still works.
  await program.parseAsync(process.argv.map((arg, k) => (k >= 2 && arg === '-V' ? '-v' : arg)));
}

// One top-level await, which the bundle (scripts/bundle.mjs) turns into a plain call.
await main();
