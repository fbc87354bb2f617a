import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FULLWIDTH_ALNUM_UNITS, SPACE_UNITS, UnitSet, isFullwidthAlnum, isSpace } from '../../src/check/chars.js';

test('SPACE_UNITS and FULLWIDTH_ALNUM_UNITS hold exactly the units isSpace and isFullwidthAlnum accept', () => {
  for (let u = 0; u <= 0xffff; u++) {
    const text = `a${String.fromCharCode(u)}b`;
    assert.equal(SPACE_UNITS.next(text, 0), isSpace(u) ? 1 : -1, `U+${u.toString(16)}`);
    assert.equal(SPACE_UNITS.has(u), isSpace(u), `U+${u.toString(16)}`);
    assert.equal(FULLWIDTH_ALNUM_UNITS.next(text, 0), isFullwidthAlnum(u) ? 1 : -1, `U+${u.toString(16)}`);
    assert.equal(FULLWIDTH_ALNUM_UNITS.has(u), isFullwidthAlnum(u), `U+${u.toString(16)}`);
  }
  assert.equal(SPACE_UNITS.next('𠀀 ', 0), 2, 'a surrogate pair is never a space');
});

test('UnitSet.next finds the next unit of the set from `from` on, -1 when there is none', () => {
  const set = UnitSet.of(['.', '。', '(', ']', '\\', '^', '-']);
  const text = 'a.b。c(d]e\\f^g-h';
  const found: number[] = [];
  for (let i = set.next(text, 0); i >= 0; i = set.next(text, i + 1)) found.push(i);
  assert.deepEqual(found, [1, 3, 5, 7, 9, 11, 13], 'characters special in a regular expression are literal');
  assert.equal(set.next(text, 14), -1);
  assert.equal(set.next(text, 99), -1);
  assert.equal(set.next('', 0), -1);
  assert.ok(set.has(0x3002) && !set.has(0x61));
});
