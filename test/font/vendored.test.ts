import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openFont } from '../../src/font/load.js';
import { PACKAGE_ROOT, VENDORED_FONTS, vendoredFontPath, type FontRole } from '../../src/font/vendored.js';
import type { FontHandle } from '../../src/font/types.js';
import { fontkitFont } from '../../src/font/handle.js';

const ROLES = Object.keys(VENDORED_FONTS) as FontRole[];
/** Roles cut from Noto CJK (CFF converted to glyf by scripts/make-fonts.py). */
const NOTO_ROLES: FontRole[] = ['song', 'title', 'masthead', 'hei'];

const POSTSCRIPT_NAMES: Record<FontRole, string> = {
  song: 'NotoSerifCJKsc-Regular',
  title: 'NotoSerifCJKsc-Bold',
  masthead: 'NotoSerifCJKsc-Black',
  hei: 'NotoSansCJKsc-Bold',
  kai: 'LXGWWenKai-Regular',
};

/** Every punctuation class of typography.md §1.1, with the long marks and the sign sets of §1.2. */
const PUNCTUATION =
  '。，、；：？！．' + // pause/stop
  '”’）》〉】〕〗］｝」』' + // closing
  '“‘（《〈【〔〖［｛「『' + // opening
  '·・‧' + // interpunct
  '—～–-' + // connectors
  '/／' + // solidus
  '——⸺……⋯⋯' + // long marks
  '%‰℃°′″￥¥$＄№#＃'; // postfix and prefix signs
const LATIN_AND_DIGITS =
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz０１２３４５６７８９.,:;!?()[]&@+=*\'"';

function missingChars(handle: FontHandle, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    if (!handle.hasGlyph(ch.codePointAt(0)!)) missing.add(`${ch} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...missing];
}

function tableTags(handle: FontHandle): string[] {
  // fontkit keeps the sfnt table directory on the font object; its typings do not declare it.
  const directory = (fontkitFont(handle) as unknown as { directory?: { tables?: Record<string, unknown> } }).directory;
  return Object.keys(directory?.tables ?? {});
}

function glyphIds(handle: FontHandle, text: string, features: string[] = [], language?: string): number[] {
  return fontkitFont(handle).layout(text, features, 'hani', language).glyphs.map((g) => g.id);
}

for (const role of ROLES) {
  test(`${role}: ${VENDORED_FONTS[role]} opens with fontkit as TrueType (glyf) outlines`, () => {
    const handle = openFont(vendoredFontPath(role));
    assert.equal(handle.postscriptName, POSTSCRIPT_NAMES[role]);
    assert.equal(handle.unitsPerEm, 1000);
    const tags = tableTags(handle);
    for (const tag of ['glyf', 'loca', 'cmap', 'hmtx', 'head', 'maxp', 'name', 'OS/2', 'post']) {
      assert.ok(tags.includes(tag), `${VENDORED_FONTS[role]} has no ${tag} table (it has ${tags.join(' ')})`);
    }
    assert.ok(!tags.includes('CFF '), 'CFF outlines left in the file');
    // A real outline, inside a sane box, for an everyday ideograph.
    const glyph = fontkitFont(handle).glyphsForString('国')[0]!;
    const box = glyph.bbox;
    assert.ok(glyph.path.commands.length > 10, 'the glyph of 国 has no outline');
    assert.ok(box.minX >= 0 && box.maxX <= 1000 && box.minY >= -200 && box.maxY <= 1000, `odd bbox for 国: ${JSON.stringify(box)}`);
    assert.equal(glyph.advanceWidth, 1000);
  });

  test(`${role}: ${VENDORED_FONTS[role]} stays under the size budget`, () => {
    const bytes = statSync(vendoredFontPath(role)).size;
    assert.ok(bytes < 16 * 1024 * 1024, `${VENDORED_FONTS[role]} is ${bytes} bytes`);
  });

  test(`${role}: covers every character of issues/690.yaml`, () => {
    const handle = openFont(vendoredFontPath(role));
    const text = readFileSync(join(PACKAGE_ROOT, 'issues', '690.yaml'), 'utf8');
    assert.ok([...text].length > 1000, 'issues/690.yaml looks truncated');
    assert.deepEqual(missingChars(handle, text), []);
  });

  test(`${role}: covers the punctuation, signs, digits and Latin a bulletin needs`, () => {
    const handle = openFont(vendoredFontPath(role));
    assert.deepEqual(missingChars(handle, PUNCTUATION + LATIN_AND_DIGITS), []);
  });

  test(`${role}: has vertical forms (vert)`, () => {
    const handle = openFont(vendoredFontPath(role));
    assert.ok(fontkitFont(handle).availableFeatures.includes('vert'));
    const [plain] = glyphIds(handle, '（');
    const [vertical] = glyphIds(handle, '（', ['vert']);
    assert.notEqual(vertical, plain, 'vert does not turn （ into its vertical form');
  });
}

for (const role of NOTO_ROLES) {
  test(`${role}: keeps halt, palt, kern, vert, vrt2 and the SC locl; halt halves a full-width comma`, () => {
    const handle = openFont(vendoredFontPath(role));
    const features = fontkitFont(handle).getAvailableFeatures('hani', 'ZHS');
    for (const feature of ['halt', 'palt', 'kern', 'vert', 'vrt2', 'locl']) {
      assert.ok(features.includes(feature), `${feature} missing (has ${features.join(' ')})`);
    }
    const full = fontkitFont(handle).layout('，', [], 'hani').positions[0]!.xAdvance;
    const half = fontkitFont(handle).layout('，', ['halt'], 'hani').positions[0]!.xAdvance;
    assert.equal(full, 1000);
    assert.equal(half, 500);
  });

  test(`${role}: keeps the SC locl (a 1-em dash) and drops the other regions' variants`, () => {
    const handle = openFont(vendoredFontPath(role));
    // ZHS locl maps U+2014 to the full-width dash that joins into a continuous ——.
    assert.equal(fontkitFont(handle).layout('—', [], 'hani', 'ZHS').positions[0]!.xAdvance, 1000);
    // In the source face these ideographs take Japanese, Traditional or Korean forms under
    // JAN/ZHT/KOR locl; here those language systems are gone, so the SC forms stay.
    const text = '直骨角過户令化今写';
    const sc = glyphIds(handle, text);
    for (const language of ['JAN', 'ZHT', 'KOR', 'ZHH']) {
      assert.deepEqual(glyphIds(handle, text, [], language), sc, `${language} still changes glyphs`);
    }
  });

  test(`${role}: keeps fwid: — is 1 em and —— one continuous 2-em dash (破折号)`, () => {
    const handle = openFont(vendoredFontPath(role));
    assert.ok(fontkitFont(handle).availableFeatures.includes('fwid'), 'fwid missing');
    assert.equal(fontkitFont(handle).layout('—', ['fwid']).positions[0]!.xAdvance, 1000);
    const run = fontkitFont(handle).layout('——', ['fwid']);
    assert.equal(run.glyphs.length, 1, 'one glyph for ——');
    assert.equal(run.positions[0]!.xAdvance, 2000);
    const box = run.glyphs[0]!.bbox;
    assert.ok(box.maxX - box.minX >= 1850 && Math.abs(box.minX - (2000 - box.maxX)) <= 2, `ink ${box.minX}..${box.maxX}`);
    // The cmap's own glyph is the short proportional one: without fwid —— would be 1.7 em.
    assert.ok(fontkitFont(handle).layout('——').positions[0]!.xAdvance < 1850);
  });

  test(`${role}: Hangul syllables are dropped, CJK Extension A and B are kept`, () => {
    const handle = openFont(vendoredFontPath(role));
    assert.equal(handle.hasGlyph(0xac00), false); // 가
    assert.equal(handle.hasGlyph(0x3400), true); // 㐀, Extension A
    assert.equal(handle.hasGlyph(0x2b7fc), true); // 𫟼 (darmstadtium), Extension C
  });
}

test('kai: LXGW WenKai has a 2-em ⸺ (the composer sets —— with it) and a full-width …', () => {
  const handle = openFont(vendoredFontPath('kai'));
  const dash = fontkitFont(handle).glyphForCodePoint(0x2e3a);
  assert.equal(dash.advanceWidth, 2000);
  assert.ok(dash.bbox.maxX - dash.bbox.minX >= 1950);
  assert.equal(fontkitFont(handle).glyphForCodePoint(0x2026).advanceWidth, 1000);
});

test('kai: LXGW WenKai has no GPOS, hence no halt (punctuation is compressed by the composer)', () => {
  const handle = openFont(vendoredFontPath('kai'));
  assert.ok(!tableTags(handle).includes('GPOS'));
  assert.ok(!fontkitFont(handle).availableFeatures.includes('halt'));
  assert.equal(fontkitFont(handle).layout('，', ['halt'], 'hani').positions[0]!.xAdvance, 1000);
});
