import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintIssues } from '../../../src/check/index.js';
import { isPasteDebris } from '../../../src/check/debris.js';
import { isInvisibleModifier } from '../../../src/check/rules/glyph-coverage.js';
import { isRefusedCharacter } from '../../../src/issue/yaml-problems.js';
import { isLineBreak } from '../../../src/text/classes.js';
import { lint, loadedFrom, paragraphDiags, paragraphIssue, testFonts, where } from '../support.js';

const RULE = 'glyph-coverage';

test('a character no font of its role can draw is an error naming it, its code point and the fonts tried', () => {
  // 𠀀 U+20000 (CJK Extension B) is in none of the default faces
  const diags = paragraphDiags('加强𠀀监督，𠀀', RULE);
  assert.deepEqual(where(diags), ['10:16 glyph-coverage']);
  const [d] = diags;
  assert.equal(d.severity, 'error');
  assert.match(d.message, /'𠀀' \(U\+20000\) cannot be printed in body text: no glyph in NotoSerifCJKsc-Regular \(2 times in this text\)/);
  assert.match(d.hint ?? '', /fonts tried: NotoSerifCJKsc-Regular/);
  assert.deepEqual([d.endLine, d.endCol], [10, 17]);
});

test('bold runs are checked against the bold face and its fallbacks', () => {
  const [d] = paragraphDiags('**加粗😀**正文', RULE);
  assert.match(d.message, /'😀' \(U\+1F600\) cannot be printed in bold text: no glyph in NotoSansCJKsc-Bold, NotoSerifCJKsc-Regular/);
  assert.equal(d.col, 18, '**加粗 occupies columns 14–17');
});

test("a role's fallback chain is honoured: 㐀 is missing from the 楷 face but present in 宋", () => {
  const source = paragraphIssue('正文。').replace('        body:', '        byline: 张㐀\n        body:');
  assert.deepEqual(lint(source, { rules: [RULE] }).diagnostics, []);
  const rare = paragraphIssue('正文。').replace('        body:', '        byline: 张𠀀\n        body:');
  const [d] = lint(rare, { rules: [RULE] }).diagnostics;
  assert.match(d.message, /in bylines: no glyph in LXGWWenKai-Regular, NotoSerifCJKsc-Regular/);
});

test('a title is checked in the title face and, without a toc override, in the table-of-contents face', () => {
  const source = paragraphIssue('正文。').replace('title: 标题', 'title: 标题😀');
  const msgs = lint(source, { rules: [RULE] }).diagnostics.map((d) => d.message);
  assert.equal(msgs.length, 2);
  assert.match(msgs[0], /article titles/);
  assert.match(msgs[1], /table of contents/);
});

test('fonts that cannot be opened are reported once per file, not per text', () => {
  const broken = () => { throw new Error('font file not found: /nowhere/x.ttf'); };
  const source = paragraphIssue('正文。') + 'footer:\n  editor: 杨青青\n';
  const { diagnostics } = lintIssues([loadedFrom(source)], { fonts: broken, rules: [RULE] });
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /cannot be checked: font file not found/);
  assert.equal(diagnostics[0].severity, 'error');
});

test('look-alikes are left alone: everything the 690 issue uses, Latin, line breaks of a block', () => {
  void testFonts();
  for (const text of ['“代表携手·履职同行”（赛马活动）《条例》——……', 'GDP增长1.5%，A类', '第一行\n            第二行']) {
    assert.deepEqual(paragraphDiags(text, RULE, 'block'), [], text);
  }
});

test('no CJK Unified Ideograph is skipped as invisible (the rule tests that range first)', () => {
  for (let cp = 0x4e00; cp <= 0x9fff; cp++) {
    const other = cp === 0x09 || isLineBreak(cp) || isRefusedCharacter(cp) || isPasteDebris(cp) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200d || cp === 0x200c;
    assert.equal(other, false, `U+${cp.toString(16)}`);
    assert.equal(isInvisibleModifier(cp), false);
  }
  for (const cp of [0x09, 0x0a, 0x200b, 0xfe0f, 0xe0100, 0x200d, 0x1b]) assert.equal(isInvisibleModifier(cp), true, `U+${cp.toString(16)}`);
});
