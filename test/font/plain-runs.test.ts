/**
 * A Latin run that src/font/plain-runs.ts answers without fontkit's layout (kerned or not) gets
 * exactly what the layout gives — glyphs, advances, offsets, characters per glyph — on every vendored face
 * and on system faces of other kinds (a CFF collection, a face with a kern table), for every
 * printable ASCII character, every pair of them, and random strings; and the answer is given
 * where it should be (digit runs on the CJK faces), so the comparison is not an empty one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font } from 'fontkit';
import { faceTables } from '../../src/font/fontkit-private.js';
import { fontkitFont } from '../../src/font/handle.js';
import { openFont } from '../../src/font/load.js';
import { availableFeatures, DEFAULT_FEATURES, featureChoice, layoutReach, plainRun, runScript } from '../../src/font/plain-runs.js';
import type { Shaped } from '../../src/font/types.js';
import { VENDORED_FONTS, vendoredFontPath, type FontRole } from '../../src/font/vendored.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { create(b: Uint8Array, face?: string): Font };

interface Run {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; xOffset: number }[];
  features: Record<string, boolean>;
}

type Features = Record<string, boolean> | string[];

/** fontkit's own answer, on the whole file read through its public API. */
function layout(font: Font, text: string, features: Features): Shaped {
  // A copy: fontkit writes the features it planned into the object it is given.
  const run = (font as unknown as { layout(t: string, f: unknown): Run }).layout(text, Array.isArray(features) ? [...features] : { ...features });
  return {
    ids: run.glyphs.map((g) => g.id),
    adv: run.positions.map((p) => p.xAdvance),
    w: run.glyphs.map((g) => g.advanceWidth),
    dx: run.positions.map((p) => p.xOffset),
    cps: run.glyphs.map((g) => g.codePoints.length),
  };
}

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
/** The general punctuation plain-runs answers for (U+2010–U+205E but the fraction slash), and some it does not. */
const PUNCTUATION = [...'‐‑‒–—―‖‗‘’‚‛“”„‟†‡•‣․‥…‧‰‱′″‴‵‶‷‸‹›※‼‽‾‿⁀⁁⁂⁃⁅⁆⁇⁈⁉⁊⁋⁌⁍⁎⁏⁐⁑⁒⁓⁔⁕⁖⁗⁘⁙⁚⁛⁜⁝⁞', '\u2044', '、', '。', '·', '①'];

/** Strings to compare on: every character, every pair, random strings (seeded). */
function corpus(): string[] {
  const out = [...PRINTABLE, ...PUNCTUATION];
  for (const a of PRINTABLE) for (const b of PRINTABLE) out.push(a + b);
  for (const a of PUNCTUATION) for (const b of [...PUNCTUATION, ...'0aA.( ']) out.push(a + b, b + a);
  let seed = 690;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const digits = '0123456789';
  for (let i = 0; i < 1500; i++) {
    const pool = i % 3 === 0 ? digits : i % 3 === 1 ? `${digits}.:/-()%` : PRINTABLE.join('');
    let s = '';
    for (let k = 3 + rand(10); k > 0; k--) s += pool[rand(pool.length)];
    out.push(s);
  }
  return out;
}

const NO_LIGATURES = { liga: false, clig: false, dlig: false };

interface Face {
  name: string;
  file: string;
  face?: string;
  /** Digit runs must be answered without the layout on this face (the vendored Noto CJK faces). */
  plain?: boolean;
}

const faces: Face[] = [
  ...(Object.keys(VENDORED_FONTS) as FontRole[]).map((role) => ({ name: role, file: vendoredFontPath(role), plain: VENDORED_FONTS[role].startsWith('Noto') })),
  // The CFF face beside them, a CFF collection, and a face with a kern table (which plain-runs
  // does not vouch for).
  { name: 'FandolFang', file: join(dirname(vendoredFontPath('song')), 'FandolFang-Regular.otf') },
  { name: 'Noto Serif CJK (ttc)', file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { name: 'DejaVu Sans', file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' },
];

for (const f of faces) {
  test(`${f.name}: every run answered without the layout is what fontkit's layout gives`, (t) => {
    if (!existsSync(f.file)) {
      t.skip(`${f.file} is not installed`);
      return;
    }
    const handle = openFont(f.file, f.face);
    const ref = fontkit.create(readFileSync(f.file), f.face);
    const tables = faceTables(fontkitFont(handle));
    let answered = 0;
    let asked = 0;
    for (const script of ['latn', 'zzzz'] as const) {
      // The composer's features (ligatures off; full-width forms), and the defaults.
      for (const features of [NO_LIGATURES, ['fwid'], {}] as Features[]) {
        const reach = tables && layoutReach(tables, script, featureChoice(features));
        if (!reach) continue;
        for (const text of corpus()) {
          if (runScript(text) !== script) continue;
          asked++;
          const plain = plainRun(text, reach, handle.glyphId, handle.advance);
          if (!plain) continue;
          answered++;
          assert.deepEqual(plain, layout(ref, text, features), `${f.name}: ${JSON.stringify(text)} with ${JSON.stringify(features)}`);
          assert.deepEqual(handle.shape(text, features), plain, 'the handle answers the same');
        }
      }
    }
    t.diagnostic(`${answered} of ${asked} runs answered without the layout`);
    if (f.plain) {
      // Digits, and Latin that is kerned (h|t, t|t, p|:, f|o in the Noto faces).
      for (const digits of ['2024', '690', '(0571)85250657', '172.18.13.193:8084/', '3.5%', 'http://', 'infosub']) {
        const reach = tables && layoutReach(tables, runScript(digits), featureChoice(NO_LIGATURES));
        assert.ok(reach && plainRun(digits, reach, handle.glyphId, handle.advance), `${f.name}: ${digits} is answered without the layout`);
      }
      // A dash in its full-width form: a substitution, and a ligature (—— into one 2-em dash)
      // that does not form on one dash.
      const fw = handle.shape('—', ['fwid']);
      assert.notEqual(fw.ids[0], handle.glyphId(0x2014), `${f.name}: — has a full-width form`);
      assert.ok(plainRun('—', layoutReach(tables!, 'zzzz', featureChoice(['fwid']))!, handle.glyphId, handle.advance), `${f.name}: — is answered without the layout`);
      assert.equal(plainRun('——', layoutReach(tables!, 'zzzz', featureChoice(['fwid']))!, handle.glyphId, handle.advance), undefined, `${f.name}: —— ligates: left to the layout`);
      // And a kerned run is kerned: the comparison above covers pair adjustments for real.
      const http = handle.shape('http://', NO_LIGATURES);
      assert.ok(http.adv.some((a, i) => a !== http.w[i]), `${f.name}: http:// is kerned`);
    }
  });
}

test('a face with a kern table, or AAT morx, is not vouched for; nor is a run outside printable ASCII', (t) => {
  const dejavu = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
  if (!existsSync(dejavu)) {
    t.skip('DejaVu Sans is not installed');
    return;
  }
  const tables = faceTables(fontkitFont(openFont(dejavu)))!;
  assert.ok(tables.table('kern'));
  assert.equal(layoutReach(tables, 'latn'), undefined);
  const noto = openFont(vendoredFontPath('song'));
  const reach = layoutReach(faceTables(fontkitFont(noto))!, 'zzzz')!;
  assert.ok(reach);
  for (const text of ['２０２４', '2024\u00ad', '2\u20444', '20\t24', 'é']) assert.equal(plainRun(text, reach, noto.glyphId, noto.advance), undefined, JSON.stringify(text));
});

test('features turned on and off, as fontkit takes them', () => {
  const show = (f: Parameters<typeof featureChoice>[0]) => {
    const c = featureChoice(f);
    return [[...c.on].sort(), [...c.off].sort()];
  };
  assert.deepEqual(show(undefined), [[], []]);
  assert.deepEqual(show({}), [[], []]);
  assert.deepEqual(show(['fwid']), [['fwid'], []]);
  assert.deepEqual(show(NO_LIGATURES), [[], ['clig', 'dlig', 'liga']]);
  assert.deepEqual(show({ liga: false, smcp: true }), [['smcp'], ['liga']]);
});

test('the characters answered are of the Common script but the ASCII letters (Latin), as runScript takes them', () => {
  const props = require('unicode-properties') as { getScript(cp: number): string };
  for (let cp = 0x20; cp <= 0x2100; cp++) {
    const ch = String.fromCharCode(cp);
    // What plainRun accepts, probed with a face that maps everything and touches nothing.
    const reach = { touched: new Uint8Array(65536), substitutions: [], pairs: [] };
    if (!plainRun(ch, reach, () => 1, () => 0)) continue;
    assert.equal(props.getScript(cp), /[A-Za-z]/.test(ch) ? 'Latin' : 'Common', `U+${cp.toString(16)}`);
    assert.equal(runScript(ch), /[A-Za-z]/.test(ch) ? 'latn' : 'zzzz');
    assert.ok(cp !== 0x2044 && cp !== 0xad && !(cp >= 0x200b && cp <= 0x200f) && !(cp >= 0x202a && cp <= 0x202e) && !(cp >= 0x2060 && cp <= 0x206f), `U+${cp.toString(16)} is special to fontkit`);
  }
});

test("fontkit applies no feature to an ASCII run but DEFAULT_FEATURES and the fraction features (pinned: fontkit's default shaper)", () => {
  const font = fontkit.create(readFileSync(vendoredFontPath('song')));
  for (const text of ['2024', 'Ab1', 'http://x.cn/a?b=1']) {
    const run = (font as unknown as { layout(t: string, f: unknown): Run }).layout(text, {});
    for (const tag of Object.keys(run.features)) {
      assert.ok(DEFAULT_FEATURES.has(tag) || ['frac', 'numr', 'dnom'].includes(tag), `fontkit planned ${tag} for ${text}`);
    }
  }
});

test("shaping leaves the caller's features object as it was (fontkit writes its plan into the one it gets)", () => {
  const handle = openFont(vendoredFontPath('song'));
  const features = { liga: false };
  handle.shape('infosub AV', features);
  handle.shape('2024', features);
  assert.deepEqual(features, { liga: false });
});

test("the features a face lists, read from its tables, are fontkit's availableFeatures", (t) => {
  let answered = 0;
  for (const f of faces) {
    if (!existsSync(f.file)) {
      t.diagnostic(`${f.file} is not installed`);
      continue;
    }
    const ref = fontkit.create(readFileSync(f.file), f.face) as unknown as { availableFeatures: string[] };
    const handle = openFont(f.file, f.face);
    const tables = faceTables(fontkitFont(handle));
    const listed = tables && availableFeatures(tables);
    if (listed) {
      answered++;
      assert.deepEqual(listed, ref.availableFeatures, f.name);
    }
    assert.deepEqual([...handle.features()], ref.availableFeatures, `${f.name}: the handle's list`);
  }
  assert.ok(answered >= Object.keys(VENDORED_FONTS).length, 'the vendored faces are answered from their tables');
});
