import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadIssueSource } from '../../src/issue/load.js';
import { applyRepairs } from '../../src/issue/repair.js';
import { tabRepair } from '../../src/issue/tabs.js';
import { MINIMAL } from '../support/issues.js';

test('one message for all the lines a tab indents, none of what follows from them', () => {
  const source = MINIMAL.replace(/^( {2,})/gm, (s) => '\t'.repeat(s.length / 2));
  const d = loadIssueSource(source, 't.yaml').diagnostics;
  assert.deepEqual(d.map((x) => `${x.code}@${x.line}:${x.col}`), ['tab-indent@6:1']);
  assert.equal(d[0].message, 'a tab indents this line and 5 more (lines 7, 8, 9, 10, 11): YAML indents with spaces only');
});

test('the tab width that reads as an issue is the repair: a tab standing for 8 columns here', () => {
  const source = MINIMAL.replace('        byline:', '\tbyline:').replace('        body:', '\tbody:');
  const loaded = loadIssueSource(source, 't.yaml');
  assert.equal(loaded.diagnostics[0].fixable, true);
  assert.equal(applyRepairs(source, loaded.repairs ?? []).text, MINIMAL);
});

test('no repair when two tab widths read as different issues', () => {
  // A tab of 2 makes `byline` a key of the section; of 4 or 8, of the article: both are issues the
  // schema could accept only in one reading, so with a problem in each the choice is not certain.
  const source = 'a:\n  b:\n\tc: 1\n';
  const repair = tabRepair(source, [source.indexOf('\tc')], () => 0);
  assert.equal(repair, undefined);
});
