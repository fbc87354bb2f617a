import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paragraphDiags, where } from '../support.js';

const RULE = 'leading-mark';

test('a paragraph that starts with a pause or stop mark is reported, not repaired', () => {
  const [d] = paragraphDiags('，推动代表履职。', RULE);
  assert.deepEqual(where([d]), ['10:14 leading-mark']);
  assert.match(d.message, /starts with comma '，'/);
  assert.match(d.hint ?? '', /previous paragraph/);
  for (const text of ['。好', '、二是', '；三是', '：内容', '？为何', '！好', '·史密斯']) {
    assert.equal(paragraphDiags(text, RULE).length, 1, text);
  }
});

test('ordinary starts, dashes, ellipses, quotes and brackets are left alone', () => {
  for (const text of ['推动代表履职。', '——这是破折号开头', '……省略', '“引语”开头', '（括注）开头', '1. 第一', '，'.slice(1) + '空开头']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});
