/**
 * `bulletin build FILE --watch`: build, then build again whenever the issue file, the theme
 * file or the project config (and the theme file it names) is saved, printing the result line or
 * the diagnostics each time. Content errors never end it; Ctrl-C (SIGINT) or SIGTERM does, with
 * exit status 0.
 *
 * The builds run in one build session (session/session.ts): fonts, the resolved theme and the
 * composed paragraphs are kept between saves, so a save re-composes only what it changed. The
 * PDF is the one `bulletin build` writes, byte for byte. Watching, gathering the events of one
 * save and reading a half-written file again are the rebuild loop's (session/rebuild-loop.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { configFilesToWatch } from '../app/config.js';
import { isBuiltinThemeName } from '../style/builtin.js';
import { HeapKeeper } from '../session/heap-keeper.js';
import { RebuildLoop } from '../session/rebuild-loop.js';
import { BuildSession } from '../session/session.js';
import { attemptBuild, reportBuild, type BuildCliOptions } from './build.js';
import { EXIT } from './exit.js';
import { stopOnSignal } from './stop-signal.js';
import { say as text } from '../messages/catalogue.js';

export interface WatchCliOptions extends BuildCliOptions {
  /** Milliseconds of quiet after the last event before rebuilding. */
  debounce?: number;
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

/** Resolves when the watch ends, with the exit status. */
export async function runWatch(file: string, opts: WatchCliOptions | Record<string, unknown>): Promise<number> {
  const options = opts as WatchCliOptions;
  const say = (line: string) => { if (!options.quiet) process.stdout.write(line + '\n'); };
  const watched = [file, ...(options.theme && !isBuiltinThemeName(options.theme) ? [options.theme] : []), ...configFilesToWatch(file, options.config)];
  for (const f of watched) {
    const dir = dirname(resolve(f));
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      process.stderr.write(`bulletin build: ${text('watch.no-directory', { file: f })}\n`);
      return EXIT.usage;
    }
  }
  if (!existsSync(file)) {
    process.stderr.write(`bulletin build: ${text('io.cannot-read', { file, reason: text('io.read.ENOENT') })}\n`);
    return EXIT.usage;
  }
  const interactive = process.stdout.isTTY === true;
  const session = new BuildSession(file, { theme: options.theme, bleed: options.bleed, marks: options.marks, config: options.config });
  const heap = new HeapKeeper();

  const loop = new RebuildLoop({
    files: watched,
    debounceMs: options.debounce,
    build: async (reason, settled) => {
      const outcome = await attemptBuild(() => session.build(options.output));
      // Right after a save a failure may be a file caught half-written: the loop reads it again.
      if (!settled && !outcome.result?.ok) return 'retry';
      if (reason !== undefined) {
        // On a terminal the result replaces the previous one; in a log each run is appended.
        if (interactive && !options.quiet) process.stdout.write('\x1b[2J\x1b[H');
        say(text('watch.rebuilding', { time: clock(), file: reason }));
      }
      reportBuild(file, options, outcome);
      heap.afterBuild();
      return 'done';
    },
    idle: () => say(text('watch.watching', { files: watched.join(text('watch.and')) })),
    watchError: (dir, err) => process.stderr.write(`bulletin build: ${text('watch.stopped-dir', { dir, reason: err.message })}\n`),
    crashed: (err) => process.stderr.write(`bulletin build: ${text('watch.crashed', { message: (err as Error).message })}\n`),
  });

  const signal = stopOnSignal(() => loop.stop(), () => {
    if (!options.quiet) process.stdout.write(`\n${text('watch.stopped')}\n`);
  });

  await loop.start();
  return signal.done;
}
