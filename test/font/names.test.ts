/**
 * The name reader (src/font/names.ts) reads a face's names from its name and OS/2 tables alone,
 * for TrueType and CFF faces and for every face of a collection, in every language the table has.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FONT_DIR, vendoredFontPath } from '../../src/font/vendored.js';
import { readFaceNames } from '../../src/font/names.js';
import { collectionOf, renamedFont } from '../support/rename-font.js';

const NOTO_TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

test('a TrueType face: families in each language, PostScript name, style, weight', () => {
  const [kai] = readFaceNames(vendoredFontPath('kai'));
  assert.equal(kai.postscriptName, 'LXGWWenKai-Regular');
  assert.ok(kai.families.includes('LXGW WenKai') && kai.families.includes('霞鹜文楷'), kai.families.join(', '));
  assert.equal(kai.faces, 1);
  assert.equal(kai.style, 'Regular');
  const [black] = readFaceNames(vendoredFontPath('masthead'));
  assert.ok(black.families.includes('Noto Serif CJK SC'), 'the typographic family (ID 16) is among the families');
  assert.ok(black.weight > 700, String(black.weight));
});

test('a CFF face (FandolFang, shipped for gongwen)', () => {
  const [fang] = readFaceNames(join(FONT_DIR, 'FandolFang-Regular.otf'));
  assert.equal(fang.postscriptName, 'FandolFang-Regular');
  assert.deepEqual(fang.families.sort(), ['FandolFang', 'FandolFang R']);
});

test('every face of a collection, with its index', { skip: !existsSync(NOTO_TTC) && 'fonts-noto-cjk is not installed' }, () => {
  const faces = readFaceNames(NOTO_TTC);
  assert.ok(faces.length >= 5);
  const sc = faces.find((f) => f.postscriptName === 'NotoSerifCJKsc-Regular');
  assert.ok(sc, faces.map((f) => f.postscriptName).join(', '));
  assert.equal(sc.faces, faces.length);
  assert.ok(sc.families.includes('Noto Serif CJK SC'));
});

test('names a font was given (Chinese and English), a collection made of two faces, and files that are no fonts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-names-'));
  try {
    const fang = renamedFont(join(FONT_DIR, 'FandolFang-Regular.otf'), { family: { 0x0409: 'FangSong_GB2312', 0x0804: '仿宋_GB2312' }, postscript: 'FangSong_GB2312' });
    writeFileSync(join(dir, 'FS_GB2312.otf'), fang);
    const [f] = readFaceNames(join(dir, 'FS_GB2312.otf'));
    assert.deepEqual(f.families.sort(), ['FangSong_GB2312', '仿宋_GB2312']);
    assert.equal(f.postscriptName, 'FangSong_GB2312');
    const kai = renamedFont(vendoredFontPath('kai'), { family: { 0x0409: 'KaiTi_GB2312', 0x0804: '楷体_GB2312' }, postscript: 'KaiTi_GB2312' });
    writeFileSync(join(dir, 'two.ttc'), collectionOf([fang, kai]));
    assert.deepEqual(readFaceNames(join(dir, 'two.ttc')).map((x) => [x.index, x.faces, x.postscriptName]), [[0, 2, 'FangSong_GB2312'], [1, 2, 'KaiTi_GB2312']]);
    writeFileSync(join(dir, 'not.ttf'), 'not a font at all');
    assert.deepEqual(readFaceNames(join(dir, 'not.ttf')), []);
    assert.deepEqual(readFaceNames(join(dir, 'missing.ttf')), []);
    assert.deepEqual(readFaceNames(dir), [], 'a directory');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
