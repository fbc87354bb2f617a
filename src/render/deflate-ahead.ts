/**
 * Deflate on the thread pool, ahead of pdfkit. pdfkit compresses every stream with
 * `zlib.deflateSync` as the stream ends, on the main thread: in a cold build of 690 some 13 ms,
 * 7 of them for one stream, the subset of the body face. The renderer hands in the bytes of such
 * a large stream as soon as it knows them (the font programs, before the pages are drawn); they
 * are deflated on libuv's thread pool while the main thread draws, and pdfkit's call for the
 * same bytes, later, is answered with the result.
 *
 * Only large streams go: each deflate on the pool sets up its own state and output in fresh
 * memory, whose first touch costs more here than deflating a page's few KB in place, where
 * each call reuses the memory of the last.
 *
 * The PDF stays byte for byte the same: deflate is deterministic (the same zlib, the same bytes
 * and the same options give the same output), and a call for bytes that were not handed in, or
 * whose deflate failed, deflates in place as before. `zlib.deflateSync` is replaced only between
 * `serve()` and the call of the function it returns; pdfkit looks it up on Node's zlib module
 * at each call.
 */
import { createRequire } from 'node:module';

// The module object itself (an ES import of it may be a copy, as in a bundle): pdfkit's calls
// go through its property.
const require = createRequire(import.meta.url);
const zlib = require('node:zlib') as typeof import('node:zlib');

/** Streams shorter than this are deflated in place. */
export const MIN_AHEAD_BYTES = 64 * 1024;

interface Job {
  input: Uint8Array;
  output?: Buffer;
}

export class DeflateAhead {
  readonly #byLength = new Map<number, Job[]>();
  readonly #pending: Promise<void>[] = [];
  /** pdfkit's calls answered from a finished job, and those deflated on the spot. */
  hits = 0;
  misses = 0;

  /**
   * Start deflating `bytes`, which must not change afterwards. The promise settles when the
   * result is there (or the deflate failed: the call then deflates on the spot and reports it).
   */
  add(bytes: Uint8Array): Promise<void> {
    if (bytes.byteLength < MIN_AHEAD_BYTES) return Promise.resolve();
    const job: Job = { input: bytes };
    const list = this.#byLength.get(bytes.byteLength);
    if (list) list.push(job);
    else this.#byLength.set(bytes.byteLength, [job]);
    const done = new Promise<void>((resolve) => {
      // Room for the whole output at once: the pool hands back each full output buffer to the
      // main thread for the next, which a busy main thread answers only when it is done.
      zlib.deflate(bytes, { chunkSize: bytes.byteLength + (bytes.byteLength >> 10) + 64 }, (err, out) => {
        if (!err) job.output = out;
        resolve();
      });
    });
    this.#pending.push(done);
    return done;
  }

  /** Settles when every deflate handed in so far has finished. */
  async settled(): Promise<void> {
    await Promise.all(this.#pending);
  }

  /** Answer `zlib.deflateSync(bytes)` from the finished jobs until the returned function is called. */
  serve(): () => void {
    const original = zlib.deflateSync;
    const serving = ((...args: Parameters<typeof zlib.deflateSync>): Buffer => {
      const [data] = args;
      if (args.length === 1 && ArrayBuffer.isView(data)) {
        const out = this.#take(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        if (out) {
          this.hits++;
          return out;
        }
        if (data.byteLength >= MIN_AHEAD_BYTES) this.misses++;
      }
      return original.apply(zlib, args);
    }) as typeof zlib.deflateSync;
    zlib.deflateSync = serving;
    return () => {
      if (zlib.deflateSync === serving) zlib.deflateSync = original;
    };
  }

  /** The output of a finished job for exactly these bytes, used once. */
  #take(bytes: Uint8Array): Buffer | undefined {
    const list = this.#byLength.get(bytes.byteLength);
    if (!list) return undefined;
    for (let i = 0; i < list.length; i++) {
      const job = list[i];
      if (job.output && Buffer.compare(job.input, bytes) === 0) {
        list.splice(i, 1);
        return job.output;
      }
    }
    return undefined;
  }
}
