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
