import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, lint, paragraphDiags, paragraphIssue, where } from '../support.js';

const RULE = 'paste-debris';

test('a Word soft line break: named in words, at the character, removed by --fix', () => {
  const diags = paragraphDiags('会议强调，\u2028要加强监督。', RULE, 'plain');
  assert.deepEqual(where(diags), ['10:18 paste-debris fix']);
  assert.equal(diags[0].message, 'Word soft line break (U+2028) in the text: a line break pasted from Word (Shift+Enter); it would print as a box or nothing');
  assert.equal(diags[0].hint, '--fix removes it');
  assert.equal(fixedParagraph('会议强调，\u2028要加强监督。', RULE, 'plain'), '会议强调，要加强监督。');
});

test('every kind is repaired the certain way; a Symbol-font character inside text is only reported', () => {
  assert.equal(fixedParagraph('\uf0b7\t加强建设', RULE, 'single'), '加强建设');
  assert.equal(fixedParagraph('推进Smart\u00a0City建设', RULE, 'plain'), '推进Smart City建设');
  assert.equal(fixedParagraph('\u3000\u3000近期', RULE, 'plain'), '近期');
  assert.equal(fixedParagraph('主任&nbsp;主持，&ldquo;代表之家&rdquo;', RULE, 'plain'), '主任主持，“代表之家”');
  const inside = paragraphDiags('加强\uf0e0建设', RULE, 'plain');
  assert.deepEqual(where(inside), ['10:15 paste-debris']);
  assert.equal(inside[0].hint, 'retype the character that was meant here');
});

test('one finding per spot: no missing-glyph error and no stray-space warning beside a pasted character', () => {
  for (const ch of ['\u2028', '\u200b', '\ufeff', '\u00a0', '\uf0b7', '\u00ad']) {
    const diags = lint(paragraphIssue(`会议强调，${ch}要加强监督。`, 'plain')).diagnostics;
    assert.deepEqual(diags.map((d) => d.code), ['paste-debris'], `U+${ch.codePointAt(0)!.toString(16)}: ${diags.map((d) => d.message).join('; ')}`);
  }
});
