import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintIssues } from '../../src/check/index.js';
import { loadIssueFile } from '../../src/issue/load.js';
import { testFonts, where } from './support.js';

test('issues/690.yaml is clean but for the intended toc-differs note, and --fix changes nothing', () => {
  const loaded = loadIssueFile('issues/690.yaml');
  assert.deepEqual(loaded.diagnostics, []);
  const result = lintIssues([loaded], { fonts: testFonts(), fix: true });
  assert.deepEqual(where(result.diagnostics), ['77:28 toc-differs']);
  assert.equal(result.diagnostics[0].severity, 'info');
  assert.equal(result.fixed.size, 0);
});

test('a subtitle is linted as a headline, at its own place, in its own face', async () => {
  const { lint } = await import('./support.js');
  const source = ['bulletin: 测试信息', 'number: 1', 'publisher: 测试室编', 'date: 2024-01-05', 'sections:', '  - name: 要闻', '    articles:',
    '      - title: 关于加强养老服务的建议', '        subtitle: 基于12个乡镇,46个村的调研', '        body:', '          - 第一段。', ''].join('\n');
  const found = lint(source, { rules: ['punct-halfwidth'] }).diagnostics;
  assert.deepEqual(found.map((d) => `${d.line}:${d.col} ${d.code}`), ['9:26 punct-halfwidth']);
});
