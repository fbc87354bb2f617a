/**
 * Checklist item 23 (typography.md §8): `bulletin build` warns about a justified line whose even
 * inter-character spacing exceeds the theme's ceiling (body.maxSpacing, 0.12 em by default),
 * at the file, line and column where that line of text starts in the issue file.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildIssue } from '../../src/app/build.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import { ISSUE_YAML, lineOf, workdir } from './build-fixtures.js';

/** A Latin token too wide for the rest of the line: the line before it is stretched. */
const LONG = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij';
const LOOSE_PARAGRAPH = `近期，市人大常委会研究了**会议**文件：${LONG}，形成意见。`;

function withParagraph(paragraph: string, style = ''): string {
  const yaml = ISSUE_YAML.replace(/( {10}- 一是加强监督。)[^\n]*/, `          - ${paragraph}`);
  assert.notEqual(yaml, ISSUE_YAML, 'fixture changed: no paragraph to replace');
  return yaml + style;
}

async function looseWarnings(yaml: string): Promise<{ warnings: Diagnostic[]; file: string }> {
  const dir = workdir({ 'a.yaml': yaml });
  const file = join(dir, 'a.yaml');
  const result = await buildIssue(file);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.diagnostics));
  return { warnings: result.warnings.filter((d) => d.code === 'loose-line'), file };
}

test('a line spaced wider than 0.12 em is a warning at the line’s first character', async () => {
  const yaml = withParagraph(LOOSE_PARAGRAPH);
  const { warnings, file } = await looseWarnings(yaml);
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  const [w] = warnings;
  assert.equal(w.severity, 'warning');
  assert.equal(w.file, file);
  const line = lineOf(yaml, '近期，市人大常委会研究了');
  assert.equal(w.line, line);
  assert.equal(w.col, yaml.split('\n')[line - 1].indexOf('近') + 1);
  assert.match(w.message, /line 1 is set loose: 0\.\d\d em .*more than the 0\.12 em allowed \(body\.maxSpacing\)/);
  assert.ok(w.hint);
});

test('the warning points into the source past `**` markers: a loose later line', async () => {
  // Two tokens too long to share a line: the one before the comma ends a line set very loose.
  const paragraph = `近期，**市人大常委会研究部署会议**文件，形成意见如下：一是加强监督工作。二是：${LONG}，${LONG}。`;
  const yaml = withParagraph(paragraph);
  const { warnings } = await looseWarnings(yaml);
  const source = yaml.split('\n')[lineOf(yaml, '二是：') - 1];
  assert.ok(warnings.some((w) => !/^line 1 /.test(w.message)), `a later line is loose: ${warnings.map((w) => w.message).join('; ')}`);
  for (const w of warnings) {
    const shown = /“(.*)”/.exec(w.message)![1];
    const at = [...source].slice(w.col - 1).join('');
    assert.ok(at.startsWith(shown.slice(0, 2)), `${w.message} is reported at column ${w.col}: ${at.slice(0, 10)}`);
  }
});

test('the ceiling is a theme setting: raised, the warning goes; no loose line, no warning', async () => {
  const raised = await looseWarnings(withParagraph(LOOSE_PARAGRAPH, 'style:\n  body:\n    maxSpacing: 1em\n'));
  assert.deepEqual(raised.warnings, []);
  const clean = await looseWarnings(ISSUE_YAML);
  assert.deepEqual(clean.warnings, []);
});
