import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, where } from '../support.js';

const RULE = 'toc-differs';

function issue(title: string, toc?: string): string {
  return [
    'bulletin: 测试', 'number: 1', 'publisher: 编', 'date: 2024-01-05', 'sections:', '  - name: 要闻', '    articles:',
    `      - title: ${title}`,
    ...(toc === undefined ? [] : [`        toc: ${toc}`]),
    '        body: [正文。]', '',
  ].join('\n');
}

test('a toc that differs from the title is info at the first differing character', () => {
  const diags = lint(issue('淳安县：强化“三个结合”推动实事实办', '淳安县：强化“三个结合”推动办实事'), { rules: [RULE] }).diagnostics;
  assert.deepEqual(where(diags), ['9:28 toc-differs']);
  assert.equal(diags[0].severity, 'info');
  assert.equal(diags[0].message, "the table of contents shows '淳安县：强化“三个结合”推动办实事' but the title is '淳安县：强化“三个结合”推动实事实办'");
});

test('a multi-line title compares as its lines joined', () => {
  const source = issue('[拱墅区：五年全周期监督, 助力项目提前投用]', '拱墅区：五年全周期监督 助力项目提前投用');
  assert.deepEqual(lint(source, { rules: [RULE] }).diagnostics, []);
});

test('look-alikes are left alone: no toc, a toc differing only in spaces', () => {
  assert.deepEqual(lint(issue('标题'), { rules: [RULE] }).diagnostics, []);
  assert.deepEqual(lint(issue('临安区：强化司法监督维护司法公正', '临安区：强化司法监督 维护司法公正'), { rules: [RULE] }).diagnostics, []);
});
