/**
 * `bulletin build FILE --watch`: build, then build again whenever the issue file or the theme
 * file is saved, printing the result line or the diagnostics each time. Content errors never
 * end it; Ctrl-C (SIGINT) or SIGTERM does, with exit status 0.
 *
 * The directories are watched, not the files: many editors save by writing a new file and
 * renaming it over the old one, which ends a watch on the old file's inode. Events are
 * debounced because one save arrives as several (truncate, write, rename, attribute change).
 */
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { runBuild, type BuildCliOptions } from './build.js';
import { EXIT } from './exit.js';
import { say as text } from '../messages/catalogue.js';

export interface WatchCliOptions extends BuildCliOptions {
  /** Milliseconds of quiet after the last event before rebuilding. */
  debounce?: number;
}

const DEFAULT_DEBOUNCE_MS = 150;

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

/** Resolves when the watch ends, with the exit status. */
export async function runWatch(file: string, opts: WatchCliOptions | Record<string, unknown>): Promise<number> {
  const options = opts as WatchCliOptions;
  const say = (line: string) => { if (!options.quiet) process.stdout.write(line + '\n'); };
  const watched = [file, ...(options.theme ? [options.theme] : [])];
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
  const debounce = options.debounce ?? DEFAULT_DEBOUNCE_MS;

  let building = false;
  let pending: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((r) => { finish = r; });

  const build = async (reason?: string): Promise<void> => {
    building = true;
    if (reason !== undefined) {
      // On a terminal the result replaces the previous one; in a log each run is appended.
      if (interactive && !options.quiet) process.stdout.write('\x1b[2J\x1b[H');
      say(text('watch.rebuilding', { time: clock(), file: reason }));
    }
    await runBuild(file, options);
    building = false;
    if (stopping) { finish(EXIT.ok); return; }
    if (pending !== undefined) {
      const next = pending;
      pending = undefined;
      void build(next);
      return;
    }
    say(text('watch.watching', { files: watched.join(text('watch.and')) }));
  };

  const changed = (what: string) => {
    if (stopping) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (building) pending = what;
      else void build(what);
    }, debounce);
  };

  const watchers: FSWatcher[] = [];
  const byDir = new Map<string, Map<string, string>>();
  for (const f of watched) {
    const dir = dirname(resolve(f));
    const names = byDir.get(dir) ?? new Map<string, string>();
    names.set(basename(f), f);
    byDir.set(dir, names);
  }
  for (const [dir, names] of byDir) {
    const watcher = watch(dir, { persistent: true }, (_event, name) => {
      // Some platforms do not say which file changed: rebuild to be safe.
      const f = name === null || name === undefined ? watched[0] : names.get(name.toString());
      if (f !== undefined) changed(f);
    });
    watcher.on('error', (err) => {
      process.stderr.write(`bulletin build: ${text('watch.stopped-dir', { dir, reason: err.message })}\n`);
    });
    watchers.push(watcher);
  }

  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearTimeout(timer);
    for (const w of watchers) w.close();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if (!options.quiet) process.stdout.write(`\n${text('watch.stopped')}\n`);
    if (!building) finish(EXIT.ok);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await build();
  return done;
}
