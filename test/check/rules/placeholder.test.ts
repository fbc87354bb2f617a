import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateText } from '../../../src/app/new.js';
import { loadIssueSource } from '../../../src/issue/load.js';
import { lint, paragraphDiags, where } from '../support.js';

test('an example text left from bulletin new is an error at its words, without a repair', () => {
  const diags = paragraphDiags('在此填写第一段正文。', 'placeholder', 'plain');
  assert.deepEqual(where(diags), ['10:13 placeholder']);
  assert.equal(diags[0].severity, 'error');
  assert.equal(diags[0].message, 'the paragraph still holds the example text “在此填写第一段正文” that bulletin new wrote');
  assert.equal(diags[0].endCol, 22);
});

test('the untouched template: one placeholder error per example text, nothing else', () => {
  const text = templateText('2024-03-29', '/tmp');
  const loaded = loadIssueSource(text, 'test.yaml');
  assert.deepEqual(loaded.diagnostics, []);
  const diags = lint(text).diagnostics.filter((d) => d.severity !== 'info');
  assert.ok(diags.length >= 10 && diags.every((d) => d.code === 'placeholder'), diags.map((d) => d.message).join('\n'));
});
