import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { checkThemeData } from '../../src/app/theme-file.js';
import { FontChains } from '../../src/style/fonts.js';
import { themeReferences } from '../../src/style/references.js';
import { absolutizeFontFiles, deepMerge, isFontPath, mergeTheme } from '../../src/style/merge.js';
import { DEFAULT_THEME, type Theme } from '../../src/style/theme.js';
import { MM, lengthToPt, sizeToPt, zihao } from '../../src/style/units.js';
import { fakeFont, fakeTheme } from '../layout/helpers.js';

test('字号 names in both spellings, per the Word / GB/T 40070 column', () => {
  assert.equal(sizeToPt('三号'), 16);
  assert.equal(sizeToPt('3号'), 16);
  assert.equal(sizeToPt('小四'), 12);
  assert.equal(sizeToPt('小4'), 12);
  assert.equal(sizeToPt('初号'), 42);
  assert.equal(sizeToPt('0号'), 42);
  assert.equal(sizeToPt('小初'), 36);
  assert.equal(sizeToPt('二号'), 22);
  assert.equal(sizeToPt('四号'), 14);
  assert.equal(sizeToPt('16pt'), 16);
  assert.equal(sizeToPt(10.5), 10.5);
  assert.equal(zihao('九号'), undefined);
  assert.throws(() => sizeToPt('大号'), /not a font size/);
  assert.throws(() => sizeToPt(0), /positive/);
});

test('lengths: pt, mm, em, line and % of the type-area width', () => {
  assert.equal(lengthToPt(12), 12);
  assert.ok(Math.abs(lengthToPt('37mm') - 104.882) < 0.001);
  assert.equal(lengthToPt('1.5em', { em: 14 }), 21);
  assert.equal(lengthToPt('0.5line', { line: 30 }), 15);
  assert.equal(lengthToPt('2 lines', { line: 30 }), 60);
  assert.equal(lengthToPt('50%', { percent: 400 }), 200);
  assert.throws(() => lengthToPt('1em'), /em is not available/);
  assert.throws(() => lengthToPt('three'), /not a length/);
});

test('the default geometry is GB/T 9704: A4, 版心 156 × 225 mm at 37 mm / 28 mm, 22 lines', () => {
  const t = fakeTheme();
  const p = t.page;
  assert.ok(Math.abs(p.width - 595.276) < 0.001 && Math.abs(p.height - 841.89) < 0.001);
  assert.ok(Math.abs(p.typeWidth - 156 * MM) < 1e-9 && Math.abs(p.typeHeight - 225 * MM) < 1e-9);
  assert.ok(Math.abs(p.top - 37 * MM) < 1e-9 && Math.abs(p.typeLeft(1) - 28 * MM) < 1e-9);
  // 22 lines: the first line's em box touches the 版心 top, the last one's its bottom.
  assert.ok(Math.abs(t.pitch - (225 * MM - 16) / 21) < 1e-9);
  assert.ok(Math.abs(t.pitch - 29.61) < 0.01);
  assert.equal(p.typeLeft(2), p.typeLeft(1), 'not mirrored by default');
  const mirrored = fakeTheme({ page: { mirror: true } });
  assert.ok(Math.abs(mirrored.page.typeLeft(2) - 26 * MM) < 1e-9, 'mirrored: 28 mm on the binding side of even pages too');
});

test('deep merge: objects merge, arrays and scalars replace, null removes', () => {
  const merged = deepMerge({ a: { b: 1, c: [1, 2] }, d: { e: 1 } }, { a: { c: [3] }, d: null });
  assert.deepEqual(merged, { a: { b: 1, c: [3] } });
});

test('relative font files are taken from the directory of the layer that names them', () => {
  const layer = absolutizeFontFiles({ fonts: { fs: { file: 'fonts/fs.ttf' }, abs: { file: '/x/y.ttf' } } }, '/office/issues');
  // A layer that names a face by file drops a lower layer's family and face (null removes them).
  assert.deepEqual(layer.fonts, { fs: { file: '/office/issues/fonts/fs.ttf', family: null, face: null }, abs: { file: '/x/y.ttf', family: null, face: null } });
  const theme = mergeTheme(DEFAULT_THEME, '/vendored', [{ layer: { fonts: { kai: { file: 'k.ttf' } } }, baseDir: '/issue' }]);
  assert.equal(theme.fonts.song.file, '/vendored/NotoSerifCJKsc-Regular.ttf');
  assert.equal(theme.fonts.kai.file, '/issue/k.ttf');
  assert.deepEqual(theme.fonts.kai.fallback, ['song'], 'overriding the file keeps the fallbacks');
  assert.equal(DEFAULT_THEME.fonts.kai.file, 'LXGWWenKai-Regular.ttf', 'the default is not modified');
});

test('a font written as a name is a family to look up; a bare string is a file or a name; the face goes with the file', () => {
  const layer = absolutizeFontFiles({ fonts: { fs: '仿宋_GB2312', en: { file: 'FangSong', fallback: ['song'] }, f: 'fonts/x.otf', t: { family: 'Noto Serif CJK SC' }, c: { file: 'a.ttc', face: 'A-Regular' } } }, '/office');
  assert.deepEqual(layer.fonts, {
    fs: { family: '仿宋_GB2312', file: null, face: null },
    en: { family: 'FangSong', file: null, face: null, fallback: ['song'] },
    f: { file: '/office/fonts/x.otf', family: null, face: null },
    t: { family: 'Noto Serif CJK SC', file: null, face: null },
    c: { file: '/office/a.ttc', family: null, face: 'A-Regular' },
  });
  // Over the default: the family replaces the file, the fallbacks stay.
  const theme = mergeTheme(DEFAULT_THEME, '/vendored', [
    { layer: { fonts: { title: '方正小标宋简体' } }, baseDir: '/office' },
    { layer: { fonts: { song: { file: '/n/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' } } }, baseDir: '/office' },
    { layer: { fonts: { song: { file: '/n/other.ttf' }, fangsong: { family: 'FangSong', fallback: ['song'] } } }, baseDir: '/office' },
  ]);
  assert.deepEqual(theme.fonts.title, { family: '方正小标宋简体', fallback: ['song'] });
  assert.deepEqual(theme.fonts.song, { file: '/n/other.ttf' }, 'a new file does not keep the face of the file before it');
  assert.deepEqual(theme.fonts.fangsong, { family: 'FangSong', fallback: ['song'] }, 'a new role has no nulls');
});

test('a file of that name beside the layer is a file, whatever its name looks like', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-fontname-'));
  try {
    writeFileSync(join(dir, 'FangSong'), 'x');
    assert.equal(isFontPath('FangSong', dir), true);
    assert.equal(isFontPath('KaiTi', dir), false);
    assert.equal(isFontPath('simfang.ttf', dir), true);
    assert.equal(isFontPath('fonts/x', dir), true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a role\'s chain is its face, then its fallbacks\' chains, each face once', () => {
  const opened: string[] = [];
  const theme = mergeTheme(DEFAULT_THEME, '/v', []);
  const r = new FontChains(theme, (file) => { opened.push(file); return fakeFont(file); });
  const found = r.chain('masthead');
  assert.ok('fonts' in found);
  assert.deepEqual(found.fonts.map((f) => f.key), ['/v/NotoSerifCJKsc-Black.ttf', '/v/NotoSerifCJKsc-Bold.ttf', '/v/NotoSerifCJKsc-Regular.ttf']);
  assert.equal(r.chain('masthead'), found, 'resolved once');
  assert.ok(!opened.includes('/v/LXGWWenKai-Regular.ttf'), 'roles nobody asked for are not opened');
});

test('the default theme satisfies its own schema', () => {
  const doc = parseDocument('{}', { lineCounter: new LineCounter() });
  assert.deepEqual(checkThemeData(JSON.parse(JSON.stringify(DEFAULT_THEME)), { file: 'x', source: '{}', lineCounter: new LineCounter(), doc, base: [] }), []);
});

test('theme check: unknown roles and colours, fallback loops, a role without a file', () => {
  const bad = deepMerge(structuredClone(DEFAULT_THEME), {
    title: { font: 'fangsong' },
    byline: { color: 'blue' },
    fonts: { a: { file: 'a.ttf', fallback: ['b'] }, b: { file: 'b.ttf', fallback: ['a'] }, c: { face: 'X' } },
  }) as Theme;
  const messages = themeReferences(bad).map((e) => `${e.path.join('.')}: ${e.message}`);
  assert.ok(messages.some((m) => m.startsWith('title.font: no font role named "fangsong"')), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('byline.color: no colour named "blue"')));
  assert.ok(messages.some((m) => m.startsWith('fonts.a.fallback:') && /loop/.test(m)));
  assert.ok(messages.some((m) => m.startsWith('fonts.c:') && /no `file`/.test(m)));
  assert.deepEqual(themeReferences(DEFAULT_THEME), []);
});
