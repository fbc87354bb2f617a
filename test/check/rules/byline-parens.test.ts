import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { lint, where } from '../support.js';

const RULE = 'byline-parens';

function issue(byline: string): string {
  return [
    'bulletin: 测试', 'number: 1', 'publisher: 编', 'date: 2024-01-05', 'sections:', '  - name: 要闻', '    articles:',
    '      - title: 标题', '        body: [正文。]', `        byline: ${byline}`, '',
  ].join('\n');
}

function fixed(byline: string): string {
  const source = issue(byline);
  const out = lint(source, { rules: [RULE], fix: true }).fixed.get('test.yaml')?.source ?? source;
  return String(parseDocument(out).getIn(['sections', 0, 'articles', 0, 'byline']));
}

test('a byline typed in parentheses loses them, since the layout adds its own', () => {
  const diags = lint(issue('（代表工委 张尚辉 李兴军）'), { rules: [RULE] }).diagnostics;
  assert.deepEqual(where(diags), ['10:17 byline-parens fix']);
  assert.match(diags[0].message, /would print twice/);
  assert.equal(fixed('（代表工委 张尚辉 李兴军）'), '代表工委 张尚辉 李兴军');
  assert.equal(fixed('(法工委 章喆蓉)'), '法工委 章喆蓉');
  assert.equal(fixed("'（ 法工委 章喆蓉 ）'"), '法工委 章喆蓉');
});

test('look-alikes are left alone: parentheses inside, two pairs, no parentheses', () => {
  for (const b of ['张三（实习）', '（甲）（乙）', '代表工委 张尚辉']) {
    assert.deepEqual(lint(issue(b), { rules: [RULE] }).diagnostics, [], b);
  }
});
