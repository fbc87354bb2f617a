import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, paragraphDiags, where } from '../support.js';

const RULE = 'ellipsis';

test('typed ellipses in Chinese text become ……', () => {
  assert.deepEqual(where(paragraphDiags('一是加强监督...二是', RULE)), ['10:20 ellipsis fix']);
  const [d] = paragraphDiags('一是加强监督...二是', RULE);
  assert.equal(d.message, "three full stops '...' used as an ellipsis: use '……'");
  assert.deepEqual([d.endLine, d.endCol], [10, 23]);
  assert.equal(fixedParagraph('一是加强监督...二是', RULE), '一是加强监督……二是');
  assert.equal(fixedParagraph('等等......', RULE), '等等……');
  assert.equal(fixedParagraph('等等。。。', RULE), '等等……');
  assert.equal(fixedParagraph('等等…', RULE), '等等……');
  assert.equal(fixedParagraph('等等⋯⋯', RULE), '等等……');
  assert.equal(fixedParagraph('等等、、、', RULE), '等等……');
});

test('unclear lengths are reported, not repaired', () => {
  assert.deepEqual(where(paragraphDiags('等等..然后', RULE)), ['10:16 ellipsis']);
  assert.deepEqual(where(paragraphDiags('等等………然后', RULE)), ['10:16 ellipsis']);
});

test('look-alikes are left alone: correct ellipses, English, URLs, numbers', () => {
  for (const text of ['等等……', '…………', 'Wait... what?', 'and so on…', '见http://a.cn/x...y', '版本1.2.3', '代表携手·履职同行']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});
