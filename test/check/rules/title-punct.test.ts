import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, where } from '../support.js';

const RULE = 'title-punct';

const issue = (title: string, heading = '一、总体要求') => [
  'bulletin: 测试信息', 'number: 1', 'publisher: 测试室编', 'date: 2024-01-05', 'sections:', '  - name: 要闻', '    articles:',
  `      - title: ${title}`, '        body:', `          - heading: ${heading}`, '          - 正文。', '',
].join('\n');

test('a title or heading ending in 。：；，、 is reported at the mark and the mark removed', () => {
  const r = lint(issue('市人大常委会召开党组会议。', '一、主要做法：'), { rules: [RULE] });
  assert.deepEqual(where(r.diagnostics), ['8:28 title-punct fix', '10:28 title-punct fix']);
  assert.equal(r.diagnostics[0].message, 'a title takes no 。 at its end (titles and headings end without 。：；，)');
  const fixed = lint(issue('市人大常委会召开党组会议。', '一、主要做法：'), { rules: [RULE], fix: true }).fixed.get('test.yaml')!.source;
  assert.match(fixed, /title: 市人大常委会召开党组会议\n/);
  assert.match(fixed, /heading: 一、主要做法\n/);
});

test('？ and ！ may end a title; a heading that is only its marker is left alone', () => {
  assert.deepEqual(lint(issue('代表建议如何落地见效？', '（一）'), { rules: [RULE] }).diagnostics, []);
  assert.deepEqual(lint(issue('奋进新征程！'), { rules: [RULE] }).diagnostics, []);
});

test('a title of several lines is judged by its last line: a comma ending the first line is a pause', () => {
  assert.deepEqual(lint(issue('[打好监督“组合拳”，, 跑出发展“加速度”]'), { rules: [RULE] }).diagnostics, []);
  assert.deepEqual(where(lint(issue('[打好监督“组合拳”, 跑出发展“加速度”。]'), { rules: [RULE] }).diagnostics), ['8:37 title-punct fix']);
});

test('a half-width mark after Chinese counts, once (not also as a half-width mark); one after Latin or digits is left alone', () => {
  const all = lint(issue("'市人大常委会召开会议:'")).diagnostics.filter((d) => d.line === 8);
  assert.deepEqual(where(all), ['8:27 title-punct fix']);
  assert.deepEqual(lint(issue('走进Web 3.0'), { rules: [RULE] }).diagnostics, []);
});
