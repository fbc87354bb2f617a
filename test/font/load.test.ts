/**
 * Opening a font (src/font/load.ts) the way an office names one: a collection must say which
 * face (taking the first printed NotoSerifCJK-Regular.ttc in its Japanese forms), and a file
 * that is not there is named with the font files near it and where to look next.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FontLoadError, openFont } from '../../src/font/load.js';
import { FONT_DIR, vendoredFontPath } from '../../src/font/vendored.js';
import { collectionOf, renamedFont } from '../support/rename-font.js';

const NOTO_TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

function opening(file: string, face?: string): FontLoadError {
  try {
    openFont(file, face);
  } catch (err) {
    assert.ok(err instanceof FontLoadError, String(err));
    return err;
  }
  assert.fail(`${file} opened`);
}

test('a collection without face: is refused, its faces listed, the simplified-Chinese one suggested', { skip: !existsSync(NOTO_TTC) && 'fonts-noto-cjk is not installed' }, () => {
  const err = opening(NOTO_TTC);
  assert.match(err.message, /NotoSerifCJK-Regular\.ttc holds \d+ faces; say which one with `face:` — NotoSerifCJKjp-Regular \(Noto Serif CJK JP\), NotoSerifCJKkr-Regular \(Noto Serif CJK KR\), NotoSerifCJKsc-Regular \(Noto Serif CJK SC\)/);
  assert.equal(err.hint, 'e.g. face: NotoSerifCJKsc-Regular');
  // With the face: a CFF face of the collection opens.
  const sc = openFont(NOTO_TTC, 'NotoSerifCJKsc-Regular');
  assert.equal(sc.postscriptName, 'NotoSerifCJKsc-Regular');
  assert.ok(sc.hasGlyph(0x9aa8));
});

test('a collection of one face needs no face:; of two TrueType faces it does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-ttc-'));
  try {
    const hei = renamedFont(vendoredFontPath('hei'), { family: { 0x0409: 'SimHei', 0x0804: '黑体' }, postscript: 'SimHei' });
    writeFileSync(join(dir, 'one.ttc'), collectionOf([hei]));
    assert.equal(openFont(join(dir, 'one.ttc')).postscriptName, 'SimHei');
    const kai = renamedFont(vendoredFontPath('kai'), { family: { 0x0409: 'KaiTi' }, postscript: 'KaiTi' });
    writeFileSync(join(dir, 'two.ttc'), collectionOf([hei, kai]));
    const err = opening(join(dir, 'two.ttc'));
    assert.match(err.message, /two\.ttc holds 2 faces; say which one with `face:` — SimHei, KaiTi$/);
    assert.equal(openFont(join(dir, 'two.ttc'), 'KaiTi').postscriptName, 'KaiTi');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a font file that is not there: the nearest font files around it, and bulletin fonts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-nofont-'));
  try {
    mkdirSync(join(dir, 'fonts'));
    writeFileSync(join(dir, 'fonts', 'FangSong_GB2312.TTF'), 'x');
    writeFileSync(join(dir, 'fonts', 'simhei.ttf'), 'x');
    writeFileSync(join(dir, 'fonts', 'notes.txt'), 'x');
    const err = opening(join(dir, 'fonts', 'fangsong_gb2312.ttf'));
    assert.equal(err.message, `font file not found: ${join(dir, 'fonts', 'fangsong_gb2312.ttf')}; did you mean ${join(dir, 'fonts', 'FangSong_GB2312.TTF')}?`);
    assert.match(err.hint ?? '', /bulletin fonts lists the faces each role uses; .*family: 仿宋_GB2312/);
    // A folder that is not there either: the folder above is looked in.
    assert.match(opening(join(dir, 'font', 'simhei.ttf')).message, /did you mean .*fonts\/simhei\.ttf\?$/);
    // Nothing like it: no guess.
    assert.equal(opening(join(dir, 'fonts', 'xiaobiaosong.otf')).message, `font file not found: ${join(dir, 'fonts', 'xiaobiaosong.otf')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('FandolFang, shipped for gongwen, opens as a CFF face and covers GB 2312', () => {
  const fang = openFont(join(FONT_DIR, 'FandolFang-Regular.otf'));
  assert.equal(fang.postscriptName, 'FandolFang-Regular');
  assert.equal(fang.subset().cff, true);
  const gb = new TextDecoder('gb18030');
  let missing = 0;
  for (let a = 0xb0; a <= 0xf7; a++) for (let b = 0xa1; b <= 0xfe; b++) {
    if (a === 0xd7 && b >= 0xfa) continue;
    if (!fang.hasGlyph(gb.decode(Buffer.from([a, b])).codePointAt(0)!)) missing++;
  }
  assert.equal(missing, 0, 'every one of the 6,763 Hanzi of GB 2312');
  assert.equal(fang.hasGlyph(0x5803), false, '堃 is not in GB 2312, nor in the font: it falls back');
});
