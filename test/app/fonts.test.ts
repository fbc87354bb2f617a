/**
 * `fonts` as a use case: the chains come from the merged theme, each face with its glyph count
 * and licence; with an issue, every printed character is attributed to the first face of its
 * role's chain that has it, and characters no face has are listed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fontsReport, FontsError, licenceOf, type RoleReport } from '../../src/app/fonts.js';
import { openFont } from '../../src/font/load.js';
import type { FontHandle } from '../../src/font/types.js';
import { FONT_DIR, PACKAGE_ROOT } from '../../src/font/vendored.js';
import { MINIMAL } from '../support/issues.js';


function scratch(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-fonts-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return dir;
}

const role = (roles: RoleReport[], name: string): RoleReport => {
  const r = roles.find((x) => x.role === name);
  assert.ok(r, `no role ${name}`);
  return r;
};

test('the default theme: five roles, their chains in fallback order, glyph counts and OFL licences', () => {
  const result = fontsReport();
  assert.ok(result.ok);
  assert.deepEqual(result.roles.map((r) => r.role), ['song', 'title', 'masthead', 'hei', 'kai']);
  const masthead = role(result.roles, 'masthead');
  assert.deepEqual(masthead.chain.map((f) => [f.face, f.from]), [
    ['NotoSerifCJKsc-Black', 'masthead'], ['NotoSerifCJKsc-Bold', 'title'], ['NotoSerifCJKsc-Regular', 'song'],
  ]);
  for (const r of result.roles) {
    for (const f of r.chain) {
      assert.equal(f.error, undefined);
      assert.equal(f.glyphs, openFont(f.file).numGlyphs);
      assert.match(f.licence ?? '', /^OFL 1\.1 \(https?:\/\/scripts\.sil\.org\/OFL\)$/);
    }
  }
  assert.deepEqual(role(result.roles, 'kai').usedFor, ['subtitles', 'level-2 headings', 'bylines']);
  assert.ok(role(result.roles, 'song').usedFor.includes('body text'));
  assert.ok(role(result.roles, 'song').usedFor.includes('page numbers'));
  assert.equal(result.roles[0].uses, undefined, 'no issue, no character counts');
  assert.deepEqual(result.fontErrors, []);
});

test('with an issue: characters go to the first face that has them; fallbacks and missing ones are listed', () => {
  // 𠀎 U+2000E: not in the Noto SC faces, in LXGW WenKai. 𠀀 U+20000: in neither. 😀: in neither.
  const issue = MINIMAL.replace('sections:', `style:
  fonts:
    song:
      fallback: [extb]
    extb:
      file: ${join(FONT_DIR, 'LXGWWenKai-Regular.ttf')}
sections:`).replace('第一段正文。', '第一段𠀎正文𠀀，😀😀。**加粗𠀎**');
  const dir = scratch({ 'a.yaml': issue });
  try {
    const result = fontsReport({ issue: join(dir, 'a.yaml') });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.styled, true);
    const song = role(result.roles, 'song');
    assert.deepEqual(song.chain.map((f) => [f.face, f.from]), [['NotoSerifCJKsc-Regular', 'song'], ['LXGWWenKai-Regular', 'extb']]);
    assert.deepEqual(song.uses?.[1].chars, [{ char: '𠀎', count: 1 }]);
    assert.deepEqual(song.missing, [{ char: '😀', count: 2 }, { char: '𠀀', count: 1 }].sort((a, b) => a.char.codePointAt(0)! - b.char.codePointAt(0)!));
    // Counted once per printing: 第 appears in the title (also printed in the 目录, by song), the body, the number line 第1期.
    const di = song.uses?.[0].chars.find((c) => c.char === '第');
    assert.deepEqual(di, { char: '第', count: 3 });
    // The bold run is printed by hei, whose chain falls back to song's.
    const hei = role(result.roles, 'hei');
    assert.deepEqual(hei.chain.map((f) => f.face), ['NotoSansCJKsc-Bold', 'NotoSerifCJKsc-Regular', 'LXGWWenKai-Regular']);
    assert.deepEqual(hei.uses?.[2].chars, [{ char: '𠀎', count: 1 }]);
    assert.deepEqual(hei.missing, []);
    // Brackets the theme adds around section names are printed by hei too.
    assert.ok(hei.uses?.[0].chars.some((c) => c.char === '【'));
    assert.equal(result.missing, 2);
    assert.deepEqual(role(result.roles, 'extb').usedFor, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('issue 690: every character is drawn by the first face of its role', () => {
  const result = fontsReport({ issue: join(PACKAGE_ROOT, 'issues', '690.yaml') });
  assert.ok(result.ok);
  assert.equal(result.missing, 0);
  for (const r of result.roles) {
    assert.deepEqual(r.missing, [], r.role);
    assert.ok(r.uses?.slice(1).every((u) => u.chars.length === 0), `${r.role} falls back`);
  }
  assert.ok(role(result.roles, 'song').uses![0].chars.length > 500);
});

test('a font that cannot be opened stays in its chain with the reason; others are still listed', () => {
  const dir = scratch({
    'theme.yaml': 'fonts:\n  kai:\n    file: missing.ttf\n  title:\n    file: garbage.ttf\n',
    'garbage.ttf': Buffer.alloc(4096, 7),
  });
  try {
    const result = fontsReport({ theme: join(dir, 'theme.yaml') });
    assert.ok(result.ok);
    assert.deepEqual([...result.fontErrors].sort(), [
      `font file not found: ${join(dir, 'missing.ttf')}`,
      `not a usable font file: ${join(dir, 'garbage.ttf')} (Unknown font format)`,
    ].sort());
    const kai = role(result.roles, 'kai');
    assert.equal(kai.chain[0].error, `font file not found: ${join(dir, 'missing.ttf')}`);
    assert.equal(kai.chain[1].face, 'NotoSerifCJKsc-Regular');
    assert.equal(kai.chain[1].error, undefined);
    assert.match(role(result.roles, 'title').chain[0].error ?? '', /^not a usable font file: .*garbage\.ttf/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a theme file with schema errors, a missing theme file or issue file: FontsError', () => {
  const dir = scratch({ 'bad.yaml': 'page:\n  widht: 3\n', 'a.yaml': MINIMAL });
  try {
    assert.throws(() => fontsReport({ theme: join(dir, 'bad.yaml') }), (e: Error) =>
      e instanceof FontsError && e.message === `theme file ${join(dir, 'bad.yaml')} has errors` && e.diagnostics[0].line === 2 && /widht/.test(e.diagnostics[0].message));
    assert.throws(() => fontsReport({ theme: join(dir, 'none.yaml') }), (e: Error) => e instanceof FontsError && /cannot read theme file .*none\.yaml: no such file/.test(e.message));
    assert.throws(() => fontsReport({ issue: join(dir, 'none.yaml') }), (e: Error) => e instanceof FontsError && e.message === `cannot read ${join(dir, 'none.yaml')}: no such file`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an issue with errors or a bad style: block is reported with the issue's diagnostics", () => {
  const dir = scratch({ 'e.yaml': MINIMAL.replace('number: 1', 'numbr: 1'), 's.yaml': MINIMAL.replace('sections:', 'style:\n  page:\n    widht: 3\nsections:') });
  try {
    const e = fontsReport({ issue: join(dir, 'e.yaml') });
    assert.ok(!e.ok && e.diagnostics.some((d) => d.line === 2 && /numbr/.test(d.message)));
    const s = fontsReport({ issue: join(dir, 's.yaml') });
    assert.ok(!s.ok && s.diagnostics.some((d) => d.line === 7 && /widht/.test(d.message)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('page geometry that cannot work: located in the style: that sets it, else a FontsError for the theme file', () => {
  const dir = scratch({ 'g.yaml': MINIMAL.replace('sections:', 'style:\n  page:\n    width: 10\nsections:'), 't.yaml': 'page:\n  width: 10\n' });
  try {
    const styled = fontsReport({ issue: join(dir, 'g.yaml') });
    assert.ok(!styled.ok);
    // At the width the issue narrowed, naming the type area that no longer fits.
    const why = 'the type area is wider than the page leaves room for: the inner margin (28 mm) and the type area (156 mm) need 184 mm, the page is 3.5 mm wide';
    assert.deepEqual(styled.diagnostics.map((d) => [d.line, d.col, d.message]), [[7, 12, `\`style.page.typeWidth\`: ${why}`]]);
    assert.throws(() => fontsReport({ theme: join(dir, 't.yaml') }), (e: Error) =>
      e instanceof FontsError && e.message === `theme file ${join(dir, 't.yaml')} has errors`
      && (e as FontsError).diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join() === `2:10 \`page.typeWidth\`: ${why}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('licences: the name table first, then the Licence column of the README beside the font', () => {
  const song = openFont(join(FONT_DIR, 'NotoSerifCJKsc-Regular.ttf'));
  assert.equal(licenceOf(song), 'OFL 1.1 (http://scripts.sil.org/OFL)');
  // A face without licence records in its name table: the vendored README's row decides.
  const bare: FontHandle = { ...song, name: () => undefined };
  assert.equal(licenceOf(bare), 'OFL 1.1');
  const elsewhere: FontHandle = { ...bare, file: '/nonexistent/dir/x.ttf' };
  assert.equal(licenceOf(elsewhere), 'unknown (no licence in the name table)');
});
