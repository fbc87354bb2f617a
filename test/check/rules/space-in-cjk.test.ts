import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, lint, paragraphDiags, where } from '../support.js';

const RULE = 'space-in-cjk';

test('spaces between Han characters or next to full-width marks are removed', () => {
  const diags = paragraphDiags('加强 监督，　推动 发展', RULE);
  assert.deepEqual(where(diags), ['10:16 space-in-cjk fix', '10:20 space-in-cjk fix', '10:23 space-in-cjk fix']);
  assert.equal(diags[0].message, "space ' ' between Chinese characters '强' and '监': remove it");
  assert.equal(fixedParagraph('加强 监督，　推动 发展', RULE), '加强监督，推动发展');
  assert.equal(fixedParagraph('　　近期，', RULE), '近期，', 'full-width spaces typed as an indent');
  assert.equal(fixedParagraph('中\u200b文', RULE), '中文', 'zero-width space');
  assert.equal(fixedParagraph('他说 “我们” 很好', RULE), '他说“我们”很好');
});

test('a space between Chinese and Latin or digits is info only, never repaired', () => {
  const diags = paragraphDiags('使用 AI 技术，2024 年', RULE);
  assert.deepEqual(where(diags), ['10:16 space-in-cjk', '10:19 space-in-cjk', '10:27 space-in-cjk']);
  assert.ok(diags.every((d) => d.severity === 'info'));
  assert.equal(fixedParagraph('2024　年', RULE), '2024年', 'a full-width space there is removed');
});

test('bylines, names and one space between title phrases are kept', () => {
  const source = [
    'bulletin: 测试', 'number: 1', 'publisher: 编', 'date: 2024-01-05', 'sections:', '  - name: 要闻', '    articles:',
    '      - title: 临安区：强化司法监督 维护司法公正',
    '        body: [正文。]',
    '        byline: 余杭区人大常委会办公室 英 颖',
    'footer:',
    '  editor: 杨 青',
    '',
  ].join('\n');
  assert.deepEqual(lint(source, { rules: [RULE] }).diagnostics, []);
  const spaced = source.replace('监督 维护', '监督  维护');
  assert.deepEqual(where(lint(spaced, { rules: [RULE] }).diagnostics), ['8:26 space-in-cjk fix']);
  const fixed = lint(spaced, { rules: [RULE], fix: true }).fixed.get('test.yaml')?.source ?? '';
  assert.ok(fixed.includes('title: 临安区：强化司法监督 维护司法公正'), 'two spaces become one, the phrases stay apart');
});

test('look-alikes are left alone: English words and URLs', () => {
  for (const text of ['He said hello world', 'see http://a.cn/x y', '正文。']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});

test('one space between the main and sub-title inside 《》 is kept; outside, or doubled, it is not', () => {
  assert.deepEqual(paragraphDiags('执行《信息安全技术 网络安全等级保护基本要求》。', RULE), []);
  assert.equal(fixedParagraph('执行《信息安全技术  网络安全》。', RULE), '执行《信息安全技术 网络安全》。');
  assert.equal(fixedParagraph('《条例》实施 以来', RULE), '《条例》实施以来');
  assert.equal(fixedParagraph('加强 监督《条例》', RULE), '加强监督《条例》');
});

test('a title keeps one space between phrases next to quotes, book-title marks, brackets, digits and Latin', () => {
  const titled = (title: string): string => [
    'bulletin: 测试', 'number: 1', 'publisher: 编', 'date: 2024-01-05', 'sections:', '  - name: 要闻', '    articles:',
    `      - title: ${title}`,
    `        toc: ${title}`,
    '        body: [正文。]',
    '',
  ].join('\n');
  for (const title of [
    '打好监督“组合拳” 跑出发展“加速度”',
    '学习贯彻《杭州市城市更新条例》 推进城市有机更新',
    '全力以赴 “拼”出发展新天地',
    '坚持“三个聚焦”（聚焦发展、聚焦民生） 推动高质量发展',
    '数字赋能 5G应用场景加快落地',
    '对标WTO规则 优化营商环境',
  ]) {
    assert.deepEqual(where(lint(titled(title), { rules: [RULE] }).diagnostics), [], title);
  }
  // still wrong in a title: a space inside a pair, next to a pause mark, or doubled
  assert.deepEqual(where(lint(titled('打好“ 组合拳”'), { rules: [RULE] }).diagnostics), ['8:19 space-in-cjk fix', '9:17 space-in-cjk fix']);
  assert.deepEqual(where(lint(titled('打好“组合拳 ”'), { rules: [RULE] }).diagnostics), ['8:22 space-in-cjk fix', '9:20 space-in-cjk fix']);
  assert.deepEqual(where(lint(titled('上城区 ：打好“组合拳”'), { rules: [RULE] }).diagnostics), ['8:19 space-in-cjk fix', '9:17 space-in-cjk fix']);
  const fixed = lint(titled('打好“组合拳”  跑出“加速度”'), { rules: [RULE], fix: true }).fixed.get('test.yaml')?.source ?? '';
  assert.ok(fixed.includes('title: 打好“组合拳” 跑出“加速度”'), fixed);
  // and in a paragraph the space after a closing mark still goes
  assert.equal(fixedParagraph('打好“组合拳” 跑出“加速度”', RULE), '打好“组合拳”跑出“加速度”');
});

test('in Chinese text a space between a number and % ‰ ℃ is removed; English text keeps its style', () => {
  assert.equal(fixedParagraph('同比增长5.5 %，气温38 ℃，千分之3 ‰', RULE), '同比增长5.5%，气温38℃，千分之3‰');
  assert.deepEqual(paragraphDiags('The rate rose by 5 %.', RULE), []);
  assert.deepEqual(paragraphDiags('增长5.5%', RULE), []);
});
