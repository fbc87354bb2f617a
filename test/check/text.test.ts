import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTextView, protectedRanges } from '../../src/check/text.js';

test('code-like ASCII runs are protected whole, without a trailing mark; plain words and a lone colon are not', () => {
  assert.deepEqual(protectedRanges('见foo::bar。'), [[1, 9]]);
  assert.deepEqual(protectedRanges('x_y, 中'), [[0, 3]]);
  assert.deepEqual(protectedRanges('中a=b文c{d}'), [[1, 4], [5, 9]]);
  assert.deepEqual(protectedRanges('abc def 中a:b文'), []);
});

test('the view of a text without markup maps each unit to itself; masks are one byte per unit', () => {
  const view = buildTextView('见 a=b', false);
  assert.equal(view.plain, '见 a=b');
  assert.deepEqual([...view.toValue], [0, 1, 2, 3, 4]);
  assert.deepEqual([...view.bold], [0, 0, 0, 0, 0]);
  assert.deepEqual([...view.protectedMask], [0, 0, 1, 1, 1]);
  assert.ok(view.protectedMask instanceof Uint8Array && view.toValue instanceof Int32Array);
});
