import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stylesFontResolver } from '../../../src/check/fonts.js';
import { lintIssues } from '../../../src/check/index.js';
import type { FontHandle } from '../../../src/font/types.js';
import { FONT_DIR, PACKAGE_ROOT } from '../../../src/font/vendored.js';
import { loadIssueSource } from '../../../src/issue/load.js';
import { GONGWEN } from '../../../src/style/gongwen.js';
import { isInvisible } from '../../../src/check/rules/font-fallback.js';
import { isPasteDebris } from '../../../src/check/debris.js';
import { isRefusedCharacter } from '../../../src/issue/yaml-problems.js';
import { isLineBreak } from '../../../src/text/classes.js';
import { vendoredStyles } from '../../support/styles.js';
import { lint, paragraphIssue, testFonts, where } from '../support.js';

const RULE = 'font-fallback';
/** gongwen: body in FandolFang (GB 2312), falling back to the vendored 宋. */
const gongwen = stylesFontResolver(vendoredStyles([{ layer: GONGWEN, baseDir: FONT_DIR }]));

test('王堃 in a 仿宋 that stops at GB 2312: 堃 comes out in 宋 — a warning at the character naming both faces', () => {
  const diags = lint(paragraphIssue('农业农村局局长王堃通报了情况，王堃说。'), { rules: [RULE], fonts: gongwen }).diagnostics;
  assert.deepEqual(where(diags), ['10:22 font-fallback']);
  const [d] = diags;
  assert.equal(d.severity, 'warning');
  assert.equal(d.message, "'堃' (U+5803) in body text is printed in NotoSerifCJKsc-Regular (Noto Serif CJK SC), a fallback: FandolFang-Regular (FandolFang), the face of the text around it, has no glyph for it (2 times in this text)");
  assert.match(d.hint ?? '', /font-fallback: off` under `rules:` in bulletin\.config\.yaml/);
  assert.deepEqual([d.endLine, d.endCol], [10, 23]);
});

test('a title in gongwen is in the heavy Song: the same character is no fallback there; one finding per character however many elements print it', () => {
  const source = paragraphIssue('正文。').replace('title: 标题', 'title: 王堃同志');
  // The title is in Noto Serif CJK SC Bold, which has 堃; its 目录 entry is in FandolFang, which has not.
  const diags = lint(source, { rules: [RULE], fonts: gongwen }).diagnostics;
  assert.equal(diags.length, 1);
  assert.match(diags[0].message, /in the table of contents is printed in NotoSerifCJKsc-Regular/);
});

/** A face that has the characters of `chars` only, of the family given. */
function face(postscriptName: string, family: string, chars: string): FontHandle {
  const has = new Set([...chars].map((c) => c.codePointAt(0)!));
  return { postscriptName, key: postscriptName, name: (id: string) => (id === 'fontFamily' ? family : undefined), hasGlyph: (cp: number) => has.has(cp) } as unknown as FontHandle;
}

test('a fallback within the family is not reported (a Bold falling back to its Regular); a character no face has is glyph-coverage’s', () => {
  const bold = face('Song-Bold', 'Song', '正文。');
  const regular = face('Song-Regular', 'Song', '正文。甲');
  const other = face('Hei-Regular', 'Hei', '正文。甲乙');
  const fonts = () => [bold, regular, other];
  const diags = lint(paragraphIssue('正文甲乙丙。'), { rules: [RULE], fonts }).diagnostics;
  assert.deepEqual(diags.map((d) => d.message.slice(0, 60)), ["'乙' (U+4E59) in body text is printed in Hei-Regular (Hei), a"]);
});

test('with the default theme, 690 and its faces draw everything in their own family', () => {
  const loaded = loadIssueSource(readFileSync(join(PACKAGE_ROOT, 'issues', '690.yaml'), 'utf8'), '690.yaml');
  assert.deepEqual(lintIssues([loaded], { fonts: testFonts(), rules: [RULE] }).diagnostics, []);
});

test('no CJK Unified Ideograph counts as invisible (the rule tests that range first)', () => {
  for (let cp = 0x4e00; cp <= 0x9fff; cp++) {
    const other = cp <= 0x20 || cp === 0x3000 || isLineBreak(cp) || isRefusedCharacter(cp) || isPasteDebris(cp) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200d || cp === 0x200c;
    assert.equal(other, false, `U+${cp.toString(16)}`);
    assert.equal(isInvisible(cp), false);
  }
  for (const cp of [0x20, 0x3000, 0x0a, 0x200b, 0xfe0f, 0xe0100, 0x200d]) assert.equal(isInvisible(cp), true, `U+${cp.toString(16)}`);
});
