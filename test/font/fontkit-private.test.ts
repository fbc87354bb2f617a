/**
 * The shortcuts into fontkit's internals (src/font/fontkit-private.ts, written for fontkit 2.0.4)
 * and the sparse reading of font files (src/font/sparse.ts) give exactly what fontkit gives for
 * the whole file through its public API: glyph ids, advances, outlines, decoded tables and
 * subset bytes. A fontkit upgrade that changes the internals fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Font } from 'fontkit';
import { attachGlyphSource, installFastTables, plainPostscriptName, rawMetrics, speedUpSubset } from '../../src/font/fontkit-private.js';
import { FontLoadError, openFont } from '../../src/font/load.js';
import { readFontFile } from '../../src/font/sparse.js';
import { VENDORED_FONTS, vendoredFontPath, type FontRole } from '../../src/font/vendored.js';
import { fontkitFont } from '../../src/font/handle.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { create(b: Uint8Array, face?: string): Font; version?: string };
const roles = Object.keys(VENDORED_FONTS) as FontRole[];
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
/** A face whose only Unicode subtable is format 4. */
const NOTO_MONO = '/usr/share/fonts/truetype/noto/NotoMono-Regular.ttf';

/** The whole file through fontkit's public API: what every shortcut must agree with. */
const reference = (file: string, face?: string): Font => fontkit.create(readFileSync(file), face);

/** Code points worth asking about: ASCII, CJK punctuation, a stride through the Han block, and gaps. */
function samplePoints(): number[] {
  const cps: number[] = [];
  for (let cp = 0x20; cp < 0x7f; cp++) cps.push(cp);
  for (let cp = 0x2000; cp < 0x2070; cp++) cps.push(cp);
  for (let cp = 0x3000; cp < 0x3040; cp++) cps.push(cp);
  for (let cp = 0xff00; cp < 0xff66; cp++) cps.push(cp);
  for (let cp = 0x4e00; cp < 0x9fff; cp += 37) cps.push(cp);
  cps.push(0x3400, 0x20000, 0x2b7fc, 0x1f600, 0xac00, 0x10ffff, 0xe000);
  return cps;
}

test('fontkit is the version these shortcuts were written for', () => {
  const pkg = JSON.parse(readFileSync(join(dirname(require.resolve('fontkit')), '..', 'package.json'), 'utf8')) as { version: string };
  assert.match(pkg.version, /^2\.0\./, `fontkit ${pkg.version}: re-check src/font/fontkit-private.ts against it`);
});

for (const role of roles) {
  test(`${role}: glyph ids and advances from cmap and hmtx equal fontkit's glyphForCodePoint`, () => {
    const file = vendoredFontPath(role);
    const handle = openFont(file);
    const ref = reference(file);
    const raw = rawMetrics(fontkitFont(handle));
    assert.ok(raw, 'a vendored face takes the shortcut');
    for (const cp of samplePoints()) {
      const g = ref.glyphForCodePoint(cp);
      assert.equal(raw.glyphId(cp), g.id, `U+${cp.toString(16)}`);
      assert.equal(raw.advance(g.id), g.advanceWidth, `advance of U+${cp.toString(16)}`);
      assert.equal(handle.hasGlyph(cp), ref.hasGlyphForCodePoint(cp));
    }
    // Every stretch of glyph ids, and those past the last hmtx metric, which take its advance.
    const hmtx = (ref as unknown as { hmtx: { metrics: { length: number } } }).hmtx;
    for (let id = 0; id < ref.numGlyphs + 3; id += id < 300 || id > hmtx.metrics.length - 5 ? 1 : 97) {
      assert.equal(raw.advance(id), ref.getGlyph(id).advanceWidth, `advance of glyph ${id}`);
    }
  });

  test(`${role}: sparsely read outlines, loca and post equal those of the whole file`, () => {
    const file = vendoredFontPath(role);
    const font = fontkitFont(openFont(file));
    const ref = reference(file);
    const f = font as unknown as { loca: { version: number; offsets: ArrayLike<number> }; post: Record<string, unknown> };
    const r = ref as unknown as { loca: { version: number; offsets: number[] }; post: Record<string, unknown> };
    assert.equal(f.loca.version, r.loca.version);
    assert.deepEqual(Array.from(f.loca.offsets), r.loca.offsets);
    for (const key of ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1']) {
      assert.equal(f.post[key], r.post[key], `post.${key}`);
    }
    for (const cp of [0x4e2d, 0x6587, 0x41, 0x67, 0x3001, 0xff0c, 0x2014, 0x300a]) {
      const a = font.glyphForCodePoint(cp);
      const b = ref.glyphForCodePoint(cp);
      assert.equal(a.path.toSVG(), b.path.toSVG(), `outline of U+${cp.toString(16)}`);
      assert.deepEqual({ ...a.bbox }, { ...b.bbox });
      assert.equal(a.advanceWidth, b.advanceWidth);
    }
    assert.deepEqual(font.layout('Ag 2024, fi').glyphs.map((g) => g.id), ref.layout('Ag 2024, fi').glyphs.map((g) => g.id));
  });
}

test('cmap subtables read from their bytes map every code point as fontkit does (formats 4 and 12)', () => {
  const faces: [string, Font][] = roles.map((r) => [r, fontkitFont(openFont(vendoredFontPath(r)))]);
  if (existsSync(DEJAVU)) faces.push(['DejaVu', fontkitFont(openFont(DEJAVU))]);
  if (existsSync(NOTO_MONO)) faces.push(['NotoMono', fontkitFont(openFont(NOTO_MONO))]);
  const formats = new Set<number>();
  for (const [name, font] of faces) {
    const ref = (font as unknown as { _cmapProcessor: { lookup(cp: number): number; cmap: { version: number } } })._cmapProcessor;
    formats.add(ref.cmap.version);
    const raw = rawMetrics(font)!;
    const step = name === 'DejaVu' || name === 'NotoMono' ? 1 : 3;
    for (let cp = 0; cp < 0x30000; cp += cp < 0x10000 ? step : 61) assert.equal(raw.glyphId(cp), ref.lookup(cp), `${name} U+${cp.toString(16)}`);
    for (const cp of [-1, 0x10ffff, 0x110000]) assert.equal(raw.glyphId(cp), ref.lookup(cp));
  }
  assert.ok(formats.has(12), 'a format 12 subtable was tested');
  if (existsSync(NOTO_MONO)) assert.ok(formats.has(4), 'a format 4 subtable was tested');
});

test('post: the glyph-name list is decoded on first use, and equals fontkit\'s', () => {
  const file = vendoredFontPath('kai');
  const font = fontkitFont(openFont(file)) as unknown as { post: { names?: string[]; glyphNameIndex?: number[] }; getGlyph(id: number): { name: string } };
  const ref = reference(file) as unknown as { post: { names?: string[]; glyphNameIndex?: number[] }; getGlyph(id: number): { name: string } };
  assert.deepEqual(font.post.glyphNameIndex, ref.post.glyphNameIndex);
  assert.deepEqual(font.post.names, ref.post.names);
  for (const id of [0, 1, 36, 3748, 20000]) assert.equal(font.getGlyph(id).name, ref.getGlyph(id).name);
});

/** Subset bytes: the sped-up subset against fontkit's own on the whole file. */
function subsetBytes(font: Font, ids: number[], fast: boolean): Buffer {
  const subset = font.createSubset() as unknown as { includeGlyph(id: number): number; encode(): Uint8Array };
  if (fast) speedUpSubset(subset);
  for (const id of ids) subset.includeGlyph(id);
  return Buffer.from(subset.encode());
}

for (const role of roles) {
  test(`${role}: the sped-up subset writes fontkit's bytes`, () => {
    const file = vendoredFontPath(role);
    const ids = [...'中华人民共和国，。“”《》——AaGg0123'].map((ch) => reference(file).glyphForCodePoint(ch.codePointAt(0)!).id);
    assert.ok(subsetBytes(fontkitFont(openFont(file)), ids, true).equals(subsetBytes(reference(file), ids, false)));
  });
}

test('composite glyphs (DejaVu accents) keep fontkit\'s own path and the same bytes', { skip: !existsSync(DEJAVU) && 'DejaVu Sans not installed' }, () => {
  const ref = reference(DEJAVU);
  const composite = (id: number) => (ref as unknown as { getGlyph(id: number): { _decode(): { numberOfContours: number } | null } }).getGlyph(id)._decode()?.numberOfContours ?? 0;
  const ids = [...'AéÅñçŵǅ ?'].map((ch) => ref.glyphForCodePoint(ch.codePointAt(0)!).id);
  assert.ok(ids.some((id) => composite(id) < 0), 'the sample has a composite glyph');
  assert.ok(subsetBytes(fontkitFont(openFont(DEJAVU)), ids, true).equals(subsetBytes(reference(DEJAVU), ids, false)));
});

test('composite glyphs of a vendored face (WenKai ¨ ´ − ∕) are written with their components, as fontkit writes them', () => {
  const file = vendoredFontPath('kai');
  const ref = reference(file);
  const composite = (id: number) => (ref as unknown as { getGlyph(id: number): { _decode(): { numberOfContours: number } | null } }).getGlyph(id)._decode()?.numberOfContours ?? 0;
  const ids = [...'中¨´−∕A'].map((ch) => ref.glyphForCodePoint(ch.codePointAt(0)!).id);
  assert.equal(ids.filter((id) => composite(id) < 0).length, 4, 'four composite glyphs in the sample');
  const fast = subsetBytes(fontkitFont(openFont(file)), ids, true);
  assert.ok(fast.equals(subsetBytes(ref, ids, false)));
  // The components came along: the subset has more glyphs than were asked for (.notdef included).
  const sub = fontkit.create(fast) as unknown as { numGlyphs: number };
  assert.ok(sub.numGlyphs > ids.length + 1, `${sub.numGlyphs} glyphs`);
});

test('a sparse read leaves outlines unread until a glyph is asked for', () => {
  const file = vendoredFontPath('song');
  const data = readFontFile(file);
  try {
    const whole = readFileSync(file);
    const source = [...data.faces.values()][0];
    assert.ok(source && !data.whole);
    const glyf = data.buffer.subarray(source.glyfOffset, source.glyfOffset + source.glyfLength);
    assert.equal(glyf.some((b) => b !== 0), false, 'no outline byte read up front');
    // Every other table is there, byte for byte.
    assert.ok(data.buffer.subarray(0, source.glyfOffset).equals(whole.subarray(0, source.glyfOffset)));
    assert.ok(data.buffer.subarray(source.glyfOffset + source.glyfLength).equals(whole.subarray(source.glyfOffset + source.glyfLength)));
    const font = fontkit.create(data.buffer);
    attachGlyphSource(font, source);
    installFastTables(font);
    const g = font.glyphForCodePoint(0x4e2d);
    const ref = reference(file).glyphForCodePoint(0x4e2d);
    assert.equal(g.path.toSVG(), ref.path.toSVG());
    assert.ok(glyf.some((b) => b !== 0));
    // Many at once: each outline's bytes are the file's.
    const loca = (reference(file) as unknown as { loca: { offsets: number[] } }).loca.offsets;
    const ids = [5, 6, 7, 900, 20000, 20001, 40000, 65000, 1, 5];
    source.loadMany(ids);
    for (const id of ids) {
      const from = source.glyfOffset + loca[id], to = source.glyfOffset + loca[id + 1];
      assert.ok(data.buffer.subarray(from, to).equals(whole.subarray(from, to)), `glyph ${id}`);
    }
    // Kept packed (a subset's outlines): the file's bytes, and the file's buffer left as it was.
    const packedIds = [11, 12, 901, 20002, 20003, 40001, 64999, 11, 6, 70000, -1];
    const before = Buffer.from(glyf);
    const outline = source.outlines(packedIds);
    for (const id of packedIds.filter((i) => i >= 0 && i + 1 < loca.length)) {
      const from = source.glyfOffset + loca[id], to = source.glyfOffset + loca[id + 1];
      const bytes = outline(id) ?? data.buffer.subarray(from, to);
      assert.ok(Buffer.from(bytes).equals(whole.subarray(from, to)), `packed glyph ${id}`);
      if (id !== 6) assert.ok(outline(id) !== undefined || to === from, `glyph ${id} kept packed`);
    }
    assert.ok(Buffer.from(glyf).equals(before), 'the outlines went to a packed store, not into the buffer');
    assert.equal(outline(6), undefined, 'an outline in the buffer already is read from there');
  } finally {
    data.close();
  }
});

test('collections: a face of a TrueType .ttc is found and read sparsely', () => {
  // A one-face collection built from a vendored font: the header, then the font moved by 16 bytes.
  const file = vendoredFontPath('hei');
  const ttf = readFileSync(file);
  const ttc = Buffer.alloc(16 + ttf.length);
  ttc.write('ttcf', 0, 'latin1');
  ttc.writeUInt32BE(0x00010000, 4);
  ttc.writeUInt32BE(1, 8);
  ttc.writeUInt32BE(16, 12);
  ttf.copy(ttc, 16);
  const tables = ttf.readUInt16BE(4);
  for (let i = 0; i < tables; i++) ttc.writeUInt32BE(ttf.readUInt32BE(12 + 16 * i + 8) + 16, 16 + 12 + 16 * i + 8);
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-ttc-'));
  try {
    const path = join(dir, 'one.ttc');
    writeFileSync(path, ttc);
    const ref = reference(file);
    const handle = openFont(path, ref.postscriptName);
    assert.equal(handle.postscriptName, ref.postscriptName);
    const a = fontkitFont(handle).glyphForCodePoint(0x6c49);
    assert.equal(a.path.toSVG(), ref.glyphForCodePoint(0x6c49).path.toSVG());
    assert.equal(rawMetrics(fontkitFont(handle))!.advance(a.id), ref.glyphForCodePoint(0x6c49).advanceWidth);
    assert.throws(() => openFont(path, 'NoSuchFace'), FontLoadError);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CFF faces and files that are not sfnt are read whole', () => {
  const otc = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
  if (existsSync(otc)) {
    const data = readFontFile(otc);
    assert.equal(data.whole, true);
    data.close();
  }
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-notfont-'));
  try {
    const path = join(dir, 'x.ttf');
    writeFileSync(path, 'this is not a font at all, but long enough to have a header');
    const data = readFontFile(path);
    assert.equal(data.whole, true);
    assert.equal(data.buffer.toString('latin1'), 'this is not a font at all, but long enough to have a header');
    assert.throws(() => openFont(path), FontLoadError);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('test doubles and objects without the internals take the public path', () => {
  assert.equal(rawMetrics(undefined), null);
  assert.equal(rawMetrics({ glyphForCodePoint: () => ({ id: 1, advanceWidth: 1000 }) } as unknown as Font), null);
  speedUpSubset({}); // nothing to speed up: no error
  speedUpSubset(undefined);
});

test('the PostScript name read from the name table is the one fontkit decodes, on every vendored and some system faces', (t) => {
  const files: [string, string | undefined][] = [
    ...roles.map((role) => [vendoredFontPath(role), undefined] as [string, undefined]),
    [join(dirname(vendoredFontPath('song')), 'FandolFang-Regular.otf'), undefined],
    [DEJAVU, undefined],
    [NOTO_MONO, undefined],
    ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
    ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKjp-Regular'],
  ];
  let answered = 0;
  for (const [file, face] of files) {
    if (!existsSync(file)) {
      t.diagnostic(`${file} is not installed`);
      continue;
    }
    const ref = reference(file, face);
    const f = ref as unknown as { directory: { tables: Record<string, { offset: number; length: number }> }; stream: { buffer: Uint8Array } };
    const plain = plainPostscriptName(f.stream.buffer, f.directory.tables.name);
    if (plain !== undefined) answered++;
    if (plain !== undefined) assert.equal(plain, ref.postscriptName, file);
    // And the handle (and pdfkit, through the face) get fontkit's name either way.
    assert.equal(openFont(file, face).postscriptName, ref.postscriptName, file);
    assert.equal(fontkitFont(openFont(file, face)).postscriptName, ref.postscriptName, file);
  }
  assert.ok(answered >= roles.length, 'the vendored faces are answered from the table');
  // A table that leaves doubt (two different names) is left to fontkit.
  const table = Buffer.alloc(6 + 24 + 8);
  table.writeUInt16BE(2, 2);
  table.writeUInt16BE(30, 4);
  for (const [i, [platform, offset]] of [[1, 0], [1, 4]].entries()) {
    const rec = 6 + 12 * i;
    table.writeUInt16BE(platform, rec);
    table.writeUInt16BE(6, rec + 6);
    table.writeUInt16BE(4, rec + 8);
    table.writeUInt16BE(offset, rec + 10);
  }
  table.write('AbcdAbce', 30, 'latin1');
  assert.equal(plainPostscriptName(table, { offset: 0, length: table.length }), undefined);
  table.write('AbcdAbcd', 30, 'latin1');
  assert.equal(plainPostscriptName(table, { offset: 0, length: table.length }), 'Abcd');
});
