/**
 * Deflate ahead (src/render/deflate-ahead.ts): a stream deflated on the thread pool answers
 * pdfkit's later deflateSync of the same bytes with exactly deflateSync's output; anything else
 * is deflated in place; deflateSync is Node's own again afterwards; and a rendered PDF is the
 * same byte for byte with or without it.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import fc from 'fast-check';
import { DeflateAhead, MIN_AHEAD_BYTES } from '../../src/render/deflate-ahead.js';
import { renderPdf } from '../../src/render/pdf.js';
import { SMALL_ISSUE, layoutSmall } from './helpers.js';

// The module object pdfkit and deflate-ahead.ts use (an ES import may be a copy).
const zlib = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');

/** Bytes that compress some but not all, like a font program: runs, repeats and noise. */
const streamBytes = fc.tuple(fc.integer({ min: MIN_AHEAD_BYTES, max: 3 * MIN_AHEAD_BYTES }), fc.integer({ min: 1, max: 2 ** 31 - 1 })).map(([n, seed]) => {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = i % 97 < 40 ? (i >> 3) & 0xff : x >> 23;
  }
  return out;
});

test('a stream handed in is answered with deflateSync’s own output, once; others are deflated in place', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(streamBytes, { minLength: 1, maxLength: 3 }), async (streams) => {
      const expected = streams.map((s) => zlib.deflateSync(s));
      const ahead = new DeflateAhead();
      for (const s of streams) void ahead.add(s);
      await ahead.settled();
      const original = zlib.deflateSync;
      const stop = ahead.serve();
      try {
        assert.notEqual(zlib.deflateSync, original);
        // pdfkit deflates a copy it concatenated itself: equal bytes, another buffer.
        streams.forEach((s, i) => assert.deepEqual(zlib.deflateSync(Buffer.from(s)), expected[i]));
        assert.equal(ahead.hits, streams.length);
        // Asked again: each result is used once, then the bytes are deflated in place.
        assert.deepEqual(zlib.deflateSync(Buffer.from(streams[0])), expected[0]);
        assert.equal(ahead.misses, 1);
        const other = Buffer.concat([streams[0], Buffer.from([1])]);
        assert.deepEqual(zlib.deflateSync(other), original(other));
        assert.equal(ahead.misses, 2);
        // Calls with options are never answered from a job.
        assert.deepEqual(zlib.deflateSync(streams[0], { level: 1 }), original(streams[0], { level: 1 }));
      } finally {
        stop();
      }
      assert.equal(zlib.deflateSync, original);
    }),
    { numRuns: 12 },
  );
});

test('small streams are left to deflateSync; stopping never undoes a later replacement', async () => {
  const nodeOwn = zlib.deflateSync;
  const ahead = new DeflateAhead();
  const small = new Uint8Array(MIN_AHEAD_BYTES - 1).fill(7);
  await ahead.add(small);
  const stop = ahead.serve();
  try {
    assert.deepEqual(zlib.deflateSync(small), nodeOwn(small));
    assert.equal(ahead.hits, 0);
    assert.equal(ahead.misses, 0, 'a small stream is not counted as missed');
    const later = ((data: Uint8Array) => nodeOwn(data)) as typeof zlib.deflateSync;
    zlib.deflateSync = later;
    stop();
    assert.equal(zlib.deflateSync, later, 'someone else’s replacement stays');
  } finally {
    zlib.deflateSync = nodeOwn;
  }
});

/** Some 700 different Han characters: the body face's subset is well over MIN_AHEAD_BYTES. */
const manyCharacters = (() => {
  const cps: string[] = [];
  for (let cp = 0x4e00; cps.length < 700; cp += 7) cps.push(String.fromCodePoint(cp));
  const text = cps.join('');
  const paragraphs: string[] = [];
  for (let i = 0; i < text.length; i += 120) paragraphs.push(`${text.slice(i, i + 120)}。`);
  return paragraphs;
})();

test('a PDF is the same byte for byte with the font programs deflated ahead or in place', async () => {
  const issue = structuredClone(SMALL_ISSUE);
  issue.sections[0].articles![0].body = manyCharacters;
  const layout = layoutSmall(issue);
  const nodeOwn = { deflate: zlib.deflate, deflateSync: zlib.deflateSync };
  // What reaches Node's zlib: large streams on the thread pool, and in place.
  const pool: number[] = [];
  const inPlaceLarge: number[] = [];
  zlib.deflate = ((data: Uint8Array, ...rest: unknown[]) => {
    pool.push(data.byteLength);
    return (nodeOwn.deflate as (...args: unknown[]) => unknown)(data, ...rest);
  }) as typeof zlib.deflate;
  const counting = ((data: Uint8Array, ...rest: unknown[]) => {
    if (data.byteLength >= MIN_AHEAD_BYTES) inPlaceLarge.push(data.byteLength);
    return (nodeOwn.deflateSync as (...args: unknown[]) => Buffer)(data, ...rest);
  }) as typeof zlib.deflateSync;
  zlib.deflateSync = counting;
  let ahead: Buffer, inPlace: Buffer, largeInPlace: number[];
  try {
    ahead = await renderPdf(layout.document, { creator: 'bulletin test' });
    assert.equal(zlib.deflateSync, counting, 'deflateSync is what it was again after a render');
    assert.ok(pool.length >= 1 && pool.every((n) => n >= MIN_AHEAD_BYTES), `deflated ahead: ${pool.join(', ')}`);
    // pdfkit asked for each of them later, and was answered without deflating them again.
    assert.deepEqual(inPlaceLarge, []);
    inPlace = await renderPdf(layout.document, { creator: 'bulletin test', deflateAhead: false });
    largeInPlace = inPlaceLarge.slice();
  } finally {
    Object.assign(zlib, nodeOwn);
  }
  assert.deepEqual(largeInPlace.sort(), pool.slice().sort(), 'without it, the same streams are deflated in place');
  assert.ok(ahead.equals(inPlace), 'same bytes');
});
