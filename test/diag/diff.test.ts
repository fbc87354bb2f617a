import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from '../../src/diag/diff.js';

const lines = (n: number) => Array.from({ length: n }, (_, k) => `line ${k + 1}`);

test('a unified diff with three lines of context, as diff -u prints it', () => {
  const before = lines(10).join('\n') + '\n';
  const after = lines(10).map((l, k) => (k === 4 ? 'LINE 5' : l)).join('\n') + '\n';
  assert.equal(unifiedDiff('issue.yaml', before, after), [
    '--- a/issue.yaml', '+++ b/issue.yaml', '@@ -2,7 +2,7 @@',
    ' line 2', ' line 3', ' line 4', '-line 5', '+LINE 5', ' line 6', ' line 7', ' line 8', '',
  ].join('\n'));
});

test('changes far apart make two hunks; lines added and removed are counted', () => {
  const before = lines(20);
  const after = [...before];
  after.splice(1, 1, 'two', 'lines');
  after.splice(18, 1);
  const diff = unifiedDiff('f', before.join('\n') + '\n', after.join('\n') + '\n');
  assert.deepEqual(diff.split('\n').filter((l) => l.startsWith('@@')), ['@@ -1,5 +1,6 @@', '@@ -15,6 +16,5 @@']);
  assert.match(diff, /\n-line 2\n\+two\n\+lines\n/);
  assert.match(diff, /\n-line 18\n/);
});

test('the same text gives no diff', () => {
  assert.equal(unifiedDiff('f', 'a\n', 'a\n'), '');
});
