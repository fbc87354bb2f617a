/**
 * Deflate, remembered, for a session that writes the same PDF again and again. pdfkit deflates
 * every stream it writes through `zlib.deflateSync`, looked up on Node's zlib module at each
 * call; the largest streams, the fonts' subsets, come out byte for byte the same from one save
 * to the next unless an edit brings a character in or out, and so do the pages an edit did not
 * touch. Deflating them again was half of a rebuild's PDF time. Deflate is deterministic — the
 * same bytes with the same zlib give the same output — so an output kept from an earlier build
 * is the output this one would compute, and the PDF stays the one `bulletin build` writes.
 *
 * Only calls with the data alone (pdfkit's; no options) of at least MIN_BYTES are remembered,
 * by a SHA-1 of the bytes, the most recent MAX_ENTRIES of them: memory does not grow with the
 * number of saves. Installed once per process, by the session, for the life of the process.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

// The module object itself (an ES import of it may be a copy, as in a bundle): pdfkit's calls
// go through its property.
const require = createRequire(import.meta.url);
const zlib = require('node:zlib') as typeof import('node:zlib');

const MIN_BYTES = 4 * 1024;
const MAX_ENTRIES = 64;

let installed = false;
const memo = new Map<string, Buffer>();
export const deflateStats = { hits: 0, misses: 0 };

export function rememberDeflate(): void {
  if (installed) return;
  installed = true;
  const original = zlib.deflateSync;
  const remembering = function deflateSync(this: unknown, ...args: Parameters<typeof zlib.deflateSync>): Buffer {
    const [data] = args;
    if (args.length !== 1 || !ArrayBuffer.isView(data) || data.byteLength < MIN_BYTES) return original.apply(this, args);
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const key = `${bytes.length}:${createHash('sha1').update(bytes).digest('hex')}`;
    const hit = memo.get(key);
    if (hit) {
      deflateStats.hits++;
      // Most recently used last: the first key is the one to drop.
      memo.delete(key);
      memo.set(key, hit);
      return Buffer.from(hit);
    }
    deflateStats.misses++;
    const out = original.apply(this, args);
    memo.set(key, Buffer.from(out));
    if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
    return out;
  };
  zlib.deflateSync = remembering as typeof zlib.deflateSync;
}
