/**
 * The built-in gongwen house style (src/style/gongwen.ts): 三号 仿宋 body (FandolFang, shipped
 * unmodified with its GPL + font exception), 黑 一、 headings, 楷 （一） headings and bylines,
 * 仿宋 1. headings, 期号, imprint, 目录 and 四号 版记, titles 二号 in the heavy Song, 宋 page numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIssue } from '../../src/app/build.js';
import { builtinThemeFile, readThemeArgument } from '../../src/app/theme-file.js';
import { FONT_DIR, PACKAGE_ROOT } from '../../src/font/vendored.js';
import { BUILTIN_THEME_NAMES } from '../../src/style/builtin.js';
import { GONGWEN } from '../../src/style/gongwen.js';
import { vendoredStyles } from '../support/styles.js';

test('gongwen sets every element as GB/T 9704 and the usual 简报 templates do', () => {
  const s = vendoredStyles([{ layer: GONGWEN, baseDir: FONT_DIR }]);
  const face = (fonts: readonly { postscriptName: string }[]) => fonts.map((f) => f.postscriptName).join(' → ');
  assert.equal(face(s.body.fonts), 'FandolFang-Regular → NotoSerifCJKsc-Regular', '仿宋, falling back to the vendored 宋');
  assert.equal(s.body.size, 16, '三号');
  assert.equal(face(s.headings[1].fonts), 'NotoSansCJKsc-Bold → NotoSerifCJKsc-Regular', '一、 in 黑体');
  assert.equal(s.headings[2].fonts[0].postscriptName, 'LXGWWenKai-Regular', '（一） in 楷体');
  assert.equal(s.headings[3].fonts[0].postscriptName, 'FandolFang-Regular', '1. and （1） in the body’s 仿宋');
  assert.equal(s.byline.fonts[0].postscriptName, 'LXGWWenKai-Regular');
  assert.equal(s.title.fonts[0].postscriptName, 'NotoSerifCJKsc-Bold');
  assert.equal(s.title.size, 22, '二号');
  for (const el of [s.masthead.number, s.masthead.imprint, s.masthead.edition, s.toc.entry, s.footer]) assert.equal(el.fonts[0].postscriptName, 'FandolFang-Regular');
  assert.equal(s.footer.size, 14, '版记 四号');
  assert.equal(s.folio.fonts[0].postscriptName, 'NotoSerifCJKsc-Regular', 'page numbers in 宋体 (GB/T 9704 §7.5)');
  assert.equal(s.body.bold.fonts[0].postscriptName, 'NotoSansCJKsc-Bold', '仿宋 has no bold: 黑');
});

test('gongwen is a built-in name for --theme and a config’s theme:, unless a file of that name is there', () => {
  assert.deepEqual(BUILTIN_THEME_NAMES, ['default', 'gongwen']);
  assert.equal(readThemeArgument('gongwen').builtin, 'gongwen');
  assert.equal(builtinThemeFile('gongwen').baseDir, FONT_DIR);
  assert.equal(readThemeArgument('gongwen', join(PACKAGE_ROOT, 'test')).builtin, 'gongwen');
});

test('its 仿宋 ships with its licence: the GPL with the font exception, said in fonts/README.md', () => {
  const copying = readFileSync(join(FONT_DIR, 'COPYING-Fandol.txt'), 'utf8');
  assert.match(copying, /GNU GENERAL PUBLIC LICENSE\s+Version 3, 29 June 2007/);
  assert.match(copying, /As a special exception, if you create a document which uses this font, and\s+embed this font or unaltered portions of this font into the document, this\s+font does not by itself cause the resulting document to be covered by the\s+GNU General Public License\./);
  const readme = readFileSync(join(FONT_DIR, 'README.md'), 'utf8');
  assert.match(readme, /^\| FandolFang-Regular\.otf \| .* \| GPL 3 \+ font exception \|$/m);
});

test('690 builds in gongwen: its body, 期号, imprint, 目录 and 版记 in FandolFang, a CFF face embedded as such', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-gongwen-'));
  try {
    const r = await buildIssue(join(PACKAGE_ROOT, 'issues', '690.yaml'), { output: join(dir, '690.pdf'), theme: 'gongwen', config: false });
    assert.ok(r.ok);
    assert.equal(r.pages, 15);
    assert.deepEqual(r.warnings.filter((d) => d.code === 'font-fallback'), [], 'every character of 690 is in FandolFang');
    const pdf = readFileSync(join(dir, '690.pdf'), 'latin1');
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+FandolFang-Regular/);
    assert.match(pdf, /\/FontFile3/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
