import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, paragraphDiags, where } from '../support.js';

const RULE = 'quote-style';

test('straight double quotes in Chinese text become “…”, located at the opening quote', () => {
  // block scalar on line 11, character k at column 13 + k
  const diags = paragraphDiags('组织开展"代表主题活动"。', RULE, 'block');
  assert.deepEqual(where(diags), ['11:17 quote-style fix']);
  assert.equal(diags[0].message, 'straight double quotes "…" in Chinese text: use “…”');
  assert.equal(fixedParagraph('组织开展"代表主题活动"。', RULE, 'block'), '组织开展“代表主题活动”。');
  assert.equal(fixedParagraph('称为"smart city"的项目', RULE, 'block'), '称为“smart city”的项目');
});

test('nesting follows the mainland order “‘’”', () => {
  assert.equal(fixedParagraph('“打造"智慧商圈"改革”', RULE, 'block'), '“打造‘智慧商圈’改革”');
  assert.equal(fixedParagraph('他说"打造"智慧"商圈"', RULE, 'block'), '他说“打造”智慧“商圈”', 'sequential pairs, not nested');
  const inner = paragraphDiags('“深化湖滨“智慧商圈”改革”', RULE, 'block');
  assert.deepEqual(where(inner), ['11:18 quote-style fix']);
  assert.match(inner[0].message, /directly inside double quotes/);
  assert.equal(fixedParagraph('“深化湖滨“智慧商圈”改革”', RULE, 'block'), '“深化湖滨‘智慧商圈’改革”');
});

test("quotes take the mark of their level, whichever was typed: “…” outside, ‘…’ inside", () => {
  assert.equal(fixedParagraph("称为'智慧城市'项目", RULE, 'block'), '称为“智慧城市”项目');
  assert.equal(fixedParagraph("'三难'问题", RULE, 'block'), '“三难”问题');
  assert.equal(fixedParagraph("他说\"要解决'三难'问题\"", RULE, 'block'), '他说“要解决‘三难’问题”');
  assert.equal(fixedParagraph('他说‘三难’问题很好', RULE, 'block'), '他说“三难”问题很好');
  assert.equal(fixedParagraph('他说‘要解决“三难”问题’', RULE, 'block'), '他说“要解决‘三难’问题”');
  assert.deepEqual(paragraphDiags('他说“‘三难’问题”很好', RULE, 'block'), []);
});

test('quotes that do not pair up are reported but not repaired', () => {
  const diags = paragraphDiags('他说"我们要做好工作', RULE, 'block');
  assert.deepEqual(where(diags), ['11:15 quote-style']);
  assert.match(diags[0].message, /do not pair up/);
});

test('look-alikes are left alone: apostrophes, English quotes, code, correct Chinese quotes', () => {
  for (const text of [
    "Xi'an是古都",
    "don't panic",
    'He said "hi" to me.',
    '配置a="b"即可',
    '助力“深化湖滨‘智慧商圈’改革，打造世界级地标商圈”项目',
    '“创新驱动、人才驱动高质量发展”“打造中国式现代化建设者大军”',
    '90\'s music',
  ]) {
    assert.deepEqual(paragraphDiags(text, RULE, 'block'), [], text);
  }
});
