/**
 * Keeps a long-running session's memory where its live data is. Each rebuild of an issue leaves
 * some megabytes of garbage (the parsed file, the checks, the layout it replaced); V8 collects
 * the young part at once but lets its old generation grow with the rate it fills, and returns
 * memory to the system reluctantly. A preview of 690 saved 300 times back to back, live heap
 * flat at 26 MB, grew from 104 MB resident after 10 saves to 176 MB after 300. A full collection
 * each time SLACK of garbage has built up since the last one (every eight or nine rebuilds of
 * 690, some 45 ms each, so 5 ms a rebuild on average, spent after the result has gone out) kept
 * it at 96 → 107 → 111 MB after 10, 100 and 500 saves; what still grows in the first hundred is
 * the optimising compiler's code and memory (with it turned off, 90 → 94 → 95 MB).
 *
 * The collection is V8's own, made callable the way its tests do: the `--expose-gc` flag gives
 * each new context a `gc` function.
 *
 * Once the first build is done, the session stops V8 from optimising more code (`--no-opt`; what
 * it optimised for the first build stays optimised). The optimising compiler's memory was the rest
 * of the growth: it runs on background threads whose malloc arenas keep what they took, so the
 * preview's resident memory still rose by 13-15 MB over its first hundred edits of 690. Measured on
 * two cores, preview of 690, edits never seen before (scripts/bench.mjs memory preview watch): RSS
 * after 10/100/500 edits 105/118/120 MB before, 104/107/107 and 106/108/107 MB after; mtime →
 * pages in chromium 64 → 58 and 56 ms median, `--watch` mtime → PDF 47 → 59 and 58 ms (on two
 * cores the compiler's threads compete with the rebuilds they would speed up).
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const SLACK = 8 * 1024 * 1024;

let collect: (() => void) | undefined;

function collector(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

let settled = false;

/** After a session's first build: no more optimising (see above). */
function settle(): void {
  if (settled) return;
  settled = true;
  setFlagsFromString('--no-opt');
}

export class HeapKeeper {
  #live = 0;
  #pending = false;
  /** Full collections made (for tests). */
  collections = 0;

  /** A build is done and its result sent: collect soon if garbage has built up. */
  afterBuild(): void {
    settle();
    if (this.#pending || getHeapStatistics().used_heap_size < this.#live + SLACK) return;
    this.#pending = true;
    // After the I/O the build started (the result on its way to the browser or the terminal).
    setImmediate(() => {
      this.#pending = false;
      collector()();
      this.collections++;
      this.#live = getHeapStatistics().used_heap_size;
    });
  }
}
