/** src/fnv1a.ts is 32-bit FNV-1a, as written with the hash kept unsigned at every step. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fnv1a } from '../src/fnv1a.js';

test('fnv1a is 32-bit FNV-1a over UTF-16 code units', () => {
  const reference = (text: string): number => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  };
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c);
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => assert.equal(fnv1a(text), reference(text))), { numRuns: 300 });
});
