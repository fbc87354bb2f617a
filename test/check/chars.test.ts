import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFullwidthAlnum, isSpace, nextFullwidthAlnum, nextSpace } from '../../src/check/chars.js';

test('nextSpace and nextFullwidthAlnum find exactly the units isSpace and isFullwidthAlnum accept', () => {
  for (let u = 0; u <= 0xffff; u++) {
    const text = `a${String.fromCharCode(u)}b`;
    assert.equal(nextSpace(text, 0), isSpace(u) ? 1 : -1, `U+${u.toString(16)}`);
    assert.equal(nextFullwidthAlnum(text, 0), isFullwidthAlnum(u) ? 1 : -1, `U+${u.toString(16)}`);
  }
  assert.equal(nextSpace('甲 乙 丙', 2), 3, 'starts at `from`');
  assert.equal(nextFullwidthAlnum('１a２', 1), 2);
  assert.equal(nextSpace('𠀀 ', 0), 2, 'a surrogate pair is never a space');
});
