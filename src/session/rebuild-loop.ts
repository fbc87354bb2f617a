/**
 * Build, then build again after every save of the watched files, one build at a time: what
 * `build --watch` and `preview` share.
 *
 * The directories are watched, not the files: many editors save by writing a new file and
 * renaming it over the old one (an "atomic save"), which ends a watch on the old file's inode.
 * One save arrives as several events (truncate, write, rename, attribute change) within a
 * millisecond or two, so a short quiet time (`debounceMs`) gathers them into one build. A save
 * can still be caught half-written — an editor that truncates and then writes, or one that moves
 * the old file aside before writing the new — so a build that fails right after a change is not
 * reported: the file is read again `retryMs` later, and only a failure then is shown.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** What a build made of its result: reported, or (only when `settled` was false) to be retried. */
export type BuildTurn = 'done' | 'retry';

export interface RebuildLoopOptions {
  /** The files whose saves start a build (each one's directory is watched). */
  files: readonly string[];
  /**
   * One build. `reason`: the file whose change started it (undefined for the first build).
   * `settled`: false right after a change, when a failure may be a half-written file and the
   * build should answer 'retry' instead of reporting it.
   */
  build(reason: string | undefined, settled: boolean): Promise<BuildTurn>;
  /** After a build, when no other is waiting. */
  idle?(): void;
  /** A directory can no longer be watched. */
  watchError?(dir: string, err: Error): void;
  /** `build` threw (it should report its own failures): the loop goes on. */
  crashed?(err: unknown): void;
  debounceMs?: number;
  retryMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 10;
export const DEFAULT_RETRY_MS = 80;

export class RebuildLoop {
  readonly #o: RebuildLoopOptions;
  readonly #watchers: FSWatcher[] = [];
  #building = false;
  #pending: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #retry: NodeJS.Timeout | undefined;
  #stopped = false;
  #idle: Promise<void> = Promise.resolve();
  #settle: () => void = () => {};

  constructor(options: RebuildLoopOptions) {
    this.#o = options;
  }

  /** Start watching and run the first build; resolves when that build is done. */
  async start(): Promise<void> {
    const byDir = new Map<string, Map<string, string>>();
    for (const f of this.#o.files) {
      const dir = dirname(resolve(f));
      const names = byDir.get(dir) ?? new Map<string, string>();
      names.set(basename(f), f);
      byDir.set(dir, names);
    }
    for (const [dir, names] of byDir) {
      const watcher = watch(dir, { persistent: true }, (_event, name) => {
        // Some platforms do not say which file changed: rebuild to be safe.
        const f = name === null || name === undefined ? this.#o.files[0] : names.get(name.toString());
        if (f !== undefined) this.changed(f);
      });
      watcher.on('error', (err) => this.#o.watchError?.(dir, err));
      this.#watchers.push(watcher);
    }
    await this.#run(undefined, true);
  }

  /** A watched file changed (also callable directly, e.g. by tests). */
  changed(file: string): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#building) this.#pending = file;
      else void this.#run(file, false);
    }, this.#o.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  async #run(reason: string | undefined, settled: boolean): Promise<void> {
    this.#building = true;
    this.#idle = new Promise((r) => { this.#settle = r; });
    let turn: BuildTurn = 'done';
    try {
      turn = await this.#o.build(reason, settled);
    } catch (err) {
      this.#o.crashed?.(err);
    } finally {
      this.#building = false;
      this.#settle();
    }
    if (this.#stopped) return;
    if (this.#pending !== undefined) {
      const next = this.#pending;
      this.#pending = undefined;
      void this.#run(next, false);
      return;
    }
    if (turn === 'retry' && !settled) {
      this.#retry = setTimeout(() => {
        this.#retry = undefined;
        if (!this.#building) void this.#run(reason, true);
      }, this.#o.retryMs ?? DEFAULT_RETRY_MS);
      return;
    }
    this.#o.idle?.();
  }

  /** Stop watching; resolves when a build under way has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#retry);
    for (const w of this.#watchers) w.close();
    this.#watchers.length = 0;
    await this.#idle;
  }
}
