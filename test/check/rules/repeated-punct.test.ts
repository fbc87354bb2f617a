import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, paragraphDiags, where } from '../support.js';

const RULE = 'repeated-punct';

test('a doubled mark keeps one; the extra one is reported', () => {
  const [d] = paragraphDiags('很好，，继续', RULE);
  assert.deepEqual(where([d]), ['10:17 repeated-punct fix']);
  assert.equal(d.message, "comma '，' typed 2 times '，，': keep one");
  assert.equal(fixedParagraph('很好，，继续。。', RULE), '很好，继续。');
  assert.equal(fixedParagraph('注意：：', RULE), '注意：');
});

test('two different marks are reported, not repaired', () => {
  assert.deepEqual(where(paragraphDiags('很好，。继续', RULE)), ['10:16 repeated-punct']);
});

test('look-alikes are left alone: ？？ ！！ ？！, closing quote after a stop, typed ellipses', () => {
  for (const text of ['真的吗？？', '好！！', '真的？！', '他说：“好。”', '等等。。。', '“一”“二”']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});
