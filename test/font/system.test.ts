/**
 * Installed fonts by name (src/font/system.ts): through fontconfig on Linux, and by scanning
 * font folders elsewhere — tried here on a folder of fonts given the names an office's Windows
 * fonts have (BULLETIN_FONT_DIRS, and a fontconfig configuration of that folder alone).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FONT_DIR, vendoredFontPath } from '../../src/font/vendored.js';
import { findInstalledFace, fontFilesIn, forgetInstalledFonts, foldName, installedFonts, nearInstalledNames, usualFontFolders } from '../../src/font/system.js';
import { collectionOf, renamedFont } from '../support/rename-font.js';

/** A folder with the fonts of a Windows office: 仿宋_GB2312, 仿宋 (simfang), 楷体 in a collection with a bold face. */
function officeFonts(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-sysfonts-'));
  const fandol = join(FONT_DIR, 'FandolFang-Regular.otf');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'FS_GB2312.TTF'), renamedFont(fandol, { family: { 0x0409: 'FangSong_GB2312', 0x0804: '仿宋_GB2312' }, postscript: 'FangSong_GB2312' }));
  writeFileSync(join(dir, 'sub', 'simfang.ttf'), renamedFont(fandol, { family: { 0x0409: 'FangSong', 0x0804: '仿宋' }, postscript: 'FangSong' }));
  const kai = vendoredFontPath('kai');
  writeFileSync(join(dir, 'kaiti.ttc'), collectionOf([
    renamedFont(kai, { family: { 0x0409: 'KaiTi', 0x0804: '楷体' }, postscript: 'KaiTi-Bold', style: 'Bold' }),
    renamedFont(kai, { family: { 0x0409: 'KaiTi', 0x0804: '楷体' }, postscript: 'KaiTi' }),
  ]));
  writeFileSync(join(dir, 'readme.txt'), 'not a font');
  return dir;
}

test('the folder scanner (BULLETIN_FONT_DIRS) finds a face by any of its names, in any language, the regular face of a family', () => {
  const dir = officeFonts();
  try {
    const search = installedFonts({ BULLETIN_FONT_DIRS: dir });
    assert.equal(search.where, dir);
    assert.equal(search.faces.length, 4);
    assert.equal(findInstalledFace('仿宋_GB2312', search)?.file, join(dir, 'FS_GB2312.TTF'));
    assert.equal(findInstalledFace('FangSong_GB2312', search)?.file, join(dir, 'FS_GB2312.TTF'));
    assert.equal(findInstalledFace('fangsong gb2312', search)?.file, join(dir, 'FS_GB2312.TTF'), 'case, spaces and _ do not matter');
    assert.equal(findInstalledFace('仿宋', search)?.file, join(dir, 'sub', 'simfang.ttf'), 'folders below are looked in');
    const kai = findInstalledFace('楷体', search);
    assert.deepEqual([kai?.file, kai?.face], [join(dir, 'kaiti.ttc'), 'KaiTi'], 'the regular face of a collection, named');
    assert.equal(findInstalledFace('KaiTi-Bold', search)?.face, 'KaiTi-Bold', 'a PostScript name picks that face');
    assert.equal(findInstalledFace('方正小标宋简体', search), undefined);
    assert.deepEqual(nearInstalledNames('仿宋GB', search).slice(0, 2).sort(), ['仿宋', '仿宋_GB2312'].sort());
    assert.ok(nearInstalledNames('FangSong_GB2313', search).includes('FangSong_GB2312'));
  } finally {
    forgetInstalledFonts();
    rmSync(dir, { recursive: true, force: true });
  }
});

const hasFontconfig = spawnSync('fc-list', ['--version']).status === 0;

test('through fontconfig: the files fc-list lists, matched by their own names', { skip: !hasFontconfig && 'fontconfig (fc-list) is not installed' }, () => {
  const dir = officeFonts();
  const saved = process.env.FONTCONFIG_FILE;
  try {
    const conf = join(dir, 'fonts.conf');
    writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${dir}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`);
    process.env.FONTCONFIG_FILE = conf;
    forgetInstalledFonts();
    const search = installedFonts({});
    assert.equal(search.where, 'the fonts fontconfig lists (fc-list)');
    assert.equal(findInstalledFace('仿宋_GB2312', search)?.file, join(dir, 'FS_GB2312.TTF'));
    assert.equal(findInstalledFace('楷体', search)?.face, 'KaiTi');
    assert.equal(findInstalledFace('SimSun', search), undefined, 'no fuzzy fallback to some other installed font');
  } finally {
    if (saved === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = saved;
    forgetInstalledFonts();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the usual folders of each system', () => {
  assert.deepEqual(usualFontFolders('win32', { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' }, 'C:\\Users\\li').map((d) => d.replace(/\//g, '\\')), ['C:\\Windows\\Fonts', 'C:\\Users\\li\\AppData\\Local\\Microsoft\\Windows\\Fonts']);
  assert.deepEqual(usualFontFolders('darwin', {}, '/Users/li'), ['/Library/Fonts', '/System/Library/Fonts', '/Users/li/Library/Fonts']);
  assert.ok(usualFontFolders('linux', {}, '/home/li').includes('/usr/share/fonts'));
  assert.deepEqual(fontFilesIn(['/no/such/folder']), []);
});

test('names fold: full-width letters, case, spaces, hyphens and underscores', () => {
  assert.equal(foldName('ＦａｎｇＳｏｎｇ＿GB2312'), foldName('fangsong-gb 2312'));
  assert.notEqual(foldName('仿宋'), foldName('仿宋_GB2312'));
});
