import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, paragraphDiags, where } from '../support.js';

const RULE = 'pair-balance';

test('an unclosed or mis-nested bracket is an error at the bracket, never repaired', () => {
  const diags = paragraphDiags('贯彻《浙江省优化营商环境（条例》精神', RULE);
  assert.deepEqual(where(diags), ['10:26 pair-balance']);
  assert.equal(diags[0].message, "opening '（' is not closed before '》'; expected '）'");
  assert.equal(diags[0].severity, 'error');
  assert.deepEqual(where(paragraphDiags('（一）加强“监督', RULE)), ['10:19 pair-balance']);
  assert.deepEqual(where(paragraphDiags('加强监督”。', RULE)), ['10:18 pair-balance']);
  assert.match(paragraphDiags('加强监督”。', RULE)[0].message, /closing '”' has no matching opening '“'/);
  assert.deepEqual(where(paragraphDiags('【要闻「速递】', RULE)), ['10:17 pair-balance']);
});

test('the lines of a multi-line title are one text', () => {
  const issue = (lines: string[]) => [
    'bulletin: 测试', 'number: 1', 'publisher: 编', 'date: 2024-01-05', 'sections:', '  - name: 要闻', '    articles:',
    '      - title:', ...lines.map((l) => `          - ${l}`), '        body: [正文。]', '',
  ].join('\n');
  assert.deepEqual(lint(issue(['拱墅区：“五年全周期', '监督”助力项目'])).diagnostics.filter((d) => d.code === RULE), []);
  const open = lint(issue(['拱墅区：“五年全周期', '监督助力项目'])).diagnostics.filter((d) => d.code === RULE);
  assert.deepEqual(where(open), ['9:17 pair-balance']);
  assert.equal(open[0].path, 'sections[0].articles[0].title[0]');
});

test('look-alikes are left alone: balanced nesting, list markers, apostrophes', () => {
  for (const text of [
    '助力“深化湖滨‘智慧商圈’改革”项目（赛马活动）《条例》【注】',
    '1）加强监督',
    '一）加强监督',
    'Xi’an和don’t',
  ]) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});

test('list markers inside a text use only the closing half; a bracket opened before them still pairs', () => {
  for (const text of ['工作要求：1）加强学习；2）完善制度；3）强化监督。', '分三步：a）调研，b）起草。', '重点是 一）立法 二）监督']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
  // A ratio inside brackets is a pair, not a marker; a stray closer elsewhere is still reported.
  assert.deepEqual(paragraphDiags('比例（为5：1）合理', RULE), []);
  assert.deepEqual(where(paragraphDiags('比例为5：1）的（合理', RULE)), ['10:22 pair-balance']);
  assert.deepEqual(where(paragraphDiags('加强学习）。', RULE)), ['10:18 pair-balance']);
});

test('a quotation of several paragraphs opens each with “ and closes only the last', () => {
  const issue = (paragraphs: string[], between = '') => [
    'bulletin: 测试', 'number: 1', 'publisher: 编', 'date: 2024-01-05', 'sections:', '  - name: 要闻', '    articles:',
    '      - title: 标题',
    '        body:',
    ...paragraphs.map((p, k) => (k === 1 && between ? `          - ${between}\n` : '') + `          - ${p}`),
    '',
  ].join('\n');
  const quotation = ['“第一，要提高政治站位。', '“第二，要压实工作责任。', '“第三，要加强督促检查。”'];
  assert.deepEqual(where(lint(issue(quotation), { rules: [RULE] }).diagnostics), []);
  // the last paragraph must close it; a quote opened inside a sentence is not such a paragraph;
  // a heading ends the article's run of paragraphs
  assert.deepEqual(where(lint(issue(['“第一，要提高政治站位。', '“第二，要压实工作责任。']), { rules: [RULE] }).diagnostics), ['11:13 pair-balance']);
  assert.deepEqual(where(lint(issue(['他说：“要做好。', '“八八战略”是总纲。']), { rules: [RULE] }).diagnostics), ['10:16 pair-balance']);
  assert.deepEqual(where(lint(issue(quotation, 'heading: 一、小标题'), { rules: [RULE] }).diagnostics), ['10:13 pair-balance']);
  assert.deepEqual(where(lint(issue(['“第一，要（提高政治站位。', '“第二。”']), { rules: [RULE] }).diagnostics), ['10:13 pair-balance', '10:18 pair-balance']);
});
