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
import { DEFAULT_FEATURES, featuresOff, layoutReach, plainRun, runScript } from '../../src/font/plain-runs.js';
import type { Shaped } from '../../src/font/types.js';
import { VENDORED_FONTS, vendoredFontPath, type FontRole } from '../../src/font/vendored.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { create(b: Uint8Array, face?: string): Font };

interface Run {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; xOffset: number }[];
  features: Record<string, boolean>;
}

/** fontkit's own answer, on the whole file read through its public API. */
function layout(font: Font, text: string, features: Record<string, boolean>): Shaped {
  // A copy: fontkit writes the features it planned into the object it is given.
  const run = (font as unknown as { layout(t: string, f: unknown): Run }).layout(text, { ...features });
  return {
    ids: run.glyphs.map((g) => g.id),
    adv: run.positions.map((p) => p.xAdvance),
    w: run.glyphs.map((g) => g.advanceWidth),
    dx: run.positions.map((p) => p.xOffset),
    cps: run.glyphs.map((g) => g.codePoints.length),
  };
}

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

/** Strings to compare on: every character, every pair, random strings (seeded). */
function corpus(): string[] {
  const out = [...PRINTABLE];
  for (const a of PRINTABLE) for (const b of PRINTABLE) out.push(a + b);
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
      // The composer's features (ligatures off), and the defaults.
      for (const features of [NO_LIGATURES, {}]) {
        const reach = tables && layoutReach(tables, script, new Set(featuresOff(features)));
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
        const reach = tables && layoutReach(tables, runScript(digits), new Set(featuresOff(NO_LIGATURES)));
        assert.ok(reach && plainRun(digits, reach, handle.glyphId, handle.advance), `${f.name}: ${digits} is answered without the layout`);
      }
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

test('only a features argument that turns defaults off lets a run skip the layout', () => {
  assert.deepEqual(featuresOff(undefined), []);
  assert.deepEqual(featuresOff({}), []);
  assert.deepEqual(featuresOff([]), []);
  assert.deepEqual(featuresOff(NO_LIGATURES), ['clig', 'dlig', 'liga']);
  assert.equal(featuresOff({ kern: true }), undefined);
  assert.equal(featuresOff({ liga: false, smcp: true }), undefined);
  assert.equal(featuresOff(['fwid']), undefined);
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
