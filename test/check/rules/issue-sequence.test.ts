import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintIssues } from '../../../src/check/index.js';
import type { Issue } from '../../../src/issue/types.js';
import { loadedFrom, testFonts } from '../support.js';

function file(name: string, fields: Partial<Issue>) {
  const issue: Issue = { bulletin: '杭州人大信息', number: 1, publisher: '编', date: '2024-01-05', sections: [], ...fields };
  const source = [
    `bulletin: ${issue.bulletin}`,
    ...(issue.edition ? [`edition: ${issue.edition}`] : []),
    `number: ${issue.number}`,
    ...(issue.total !== undefined ? [`total: ${issue.total}`] : []),
    'publisher: 编',
    `date: ${issue.date}`,
    'sections: []',
    '',
  ].join('\n');
  return loadedFrom(source, name, issue);
}

const run = (...files: ReturnType<typeof file>[]) =>
  lintIssues(files, { fonts: testFonts(), rules: ['issue-sequence'] }).diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.message}`);

test('a repeated total or number, and totals that shrink with the date, are warnings on the later issue', () => {
  const a = file('689.yaml', { number: 1, total: 689, date: '2024-03-01' });
  const b = file('690.yaml', { number: 2, total: 690, date: '2024-03-15' });
  const c = file('691.yaml', { number: 2, total: 690, date: '2024-04-01' });
  const d = file('692.yaml', { number: 4, total: 688, date: '2024-05-01' });
  assert.deepEqual(run(b, a, c, d), [
    '691.yaml:2:9 warning number 2 of 2024 is also the number of 690.yaml (2024-03-15)',
    '691.yaml:3:8 warning total 690 is also the total of 690.yaml (2024-03-15): every issue of 杭州人大信息 has its own total number',
    '692.yaml:3:8 warning total 688 is lower than total 690 of 691.yaml (2024-04-01), an earlier issue: totals grow with the date',
  ]);
});

test('numbers restart each year; other bulletins and 增刊 series are separate', () => {
  assert.deepEqual(run(
    file('a.yaml', { number: 2, total: 700, date: '2024-12-20' }),
    file('b.yaml', { number: 1, total: 701, date: '2025-01-10' }),
    file('c.yaml', { number: 1, total: 701, date: '2025-01-10', bulletin: '西湖人大' }),
    file('d.yaml', { number: 1, date: '2025-02-01', edition: '增刊' }),
  ), []);
  assert.equal(run(file('one.yaml', { number: 1 })).length, 0);
});
