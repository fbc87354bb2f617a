/**
 * Every glyph the vendored faces draw in issues/690.yaml, and a CFF face's, rendered through our
 * PDF and through public APIs only, compared as pixels (glyph-pixels.ts): a fast path that wrote
 * a blank or wrong outline would pass every text-based test and fail here. The test also shows
 * it can fail: one outline blanked in the subset on purpose is caught.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { composeParagraph } from '../../src/compose/compose.js';
import { openFont } from '../../src/font/load.js';
import type { FontHandle } from '../../src/font/types.js';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { loadIssueSource } from '../../src/issue/load.js';
import { layoutIssue } from '../../src/layout/layout.js';
import { styleIssue } from '../../src/style/model.js';
import { MINIMAL } from '../support/issues.js';
import { vendoredStyles } from '../support/styles.js';
import { type GlyphUse, type Rasteriser, blankingOne, compareCells, ourPdf, publicFace, rasterise, referencePdf } from './glyph-pixels.js';
import { hasTool } from './helpers.js';

const NOTO_CFF = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const CFF_FACE = 'NotoSerifCJKsc-Regular';

/**
 * A glyph whose ink differs from the reference by more than this share is wrong. Measured: every
 * glyph of 690 and of the CFF face differs by 0.000 in both rasterisers; drawing each glyph's
 * neighbour (id + 1) instead differs by 0.042 at the least, 0.12 or more for 99 % of them.
 */
const TOLERANCE = 0.02;

const noPoppler = hasTool('pdftoppm') ? false : 'pdftoppm (poppler-utils) is not installed';

/** Every glyph 690 prints, per face, with the characters it stands for. */
function glyphsOf690(): GlyphUse[] {
  const loaded = loadIssueSource(readFileSync(join(PACKAGE_ROOT, 'issues', '690.yaml'), 'utf8'), 'issues/690.yaml');
  assert.ok(loaded.issue);
  const result = layoutIssue(styleIssue(loaded.issue, vendoredStyles()), composeParagraph);
  const seen = new Map<string, GlyphUse>();
  for (const page of result.document.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      for (const run of item.line.runs) {
        for (let i = 0; i < run.length; i++) {
          const key = `${run.font.key}#${run.idAt(i)}`;
          if (!seen.has(key)) seen.set(key, { font: run.font, id: run.idAt(i), text: run.textOf(i) || ' ' });
        }
      }
    }
  }
  return [...seen.values()];
}

async function differences(glyphs: GlyphUse[], fontOf: (g: GlyphUse) => GlyphUse = (g) => g, rasteriser: Rasteriser = 'pdftoppm') {
  const faces = new Map<FontHandle, ReturnType<typeof publicFace>>();
  const face = (h: FontHandle) => {
    let f = faces.get(h);
    if (!f) faces.set(h, (f = publicFace(h.file, h.postscriptName)));
    return f;
  };
  const ours = rasterise(await ourPdf(glyphs.map(fontOf)), rasteriser);
  const reference = rasterise(await referencePdf(glyphs, face), rasteriser);
  return compareCells(glyphs, ours, reference);
}

const describe = (d: { glyph: GlyphUse; mismatch: number; inkReference: number; inkOurs: number }) =>
  `${d.glyph.font.postscriptName} glyph ${d.glyph.id} “${d.glyph.text}”: ${(d.mismatch * 100).toFixed(1)}% of its ink differs (${d.inkOurs} px drawn, ${d.inkReference} px expected)`;

test('every glyph 690 draws in the vendored faces matches its outline drawn from fontkit\'s public path', { skip: noPoppler }, async () => {
  const glyphs = glyphsOf690();
  const faces = new Set(glyphs.map((g) => g.font.postscriptName));
  assert.ok(glyphs.length > 800 && faces.size === 5, `${glyphs.length} glyphs in ${[...faces].join(', ')}`);
  // Poppler, and MuPDF as a second renderer when it is there.
  for (const rasteriser of hasTool('mutool') ? ['pdftoppm', 'mutool'] as const : ['pdftoppm'] as const) {
    const diffs = await differences(glyphs, undefined, rasteriser);
    const inked = diffs.filter((d) => d.inkReference > 0);
    assert.ok(inked.length > glyphs.length * 0.95, 'nearly every glyph has ink to compare');
    const bad = diffs.filter((d) => d.mismatch > TOLERANCE || (d.inkReference === 0) !== (d.inkOurs === 0));
    assert.deepEqual(bad.map(describe), [], rasteriser);
  }
});

test('a CFF face (Noto Serif CJK, OpenType/CFF collection): the same characters, the same comparison', { skip: noPoppler || (!existsSync(NOTO_CFF) && `${NOTO_CFF} is not installed (fonts-noto-cjk)`) }, async () => {
  const cff = openFont(NOTO_CFF, CFF_FACE);
  assert.equal(cff.subset().cff, true, 'a CFF-outline face');
  const chars = new Set(glyphsOf690().filter((g) => g.font.postscriptName === 'NotoSerifCJKsc-Regular').map((g) => g.text));
  const glyphs: GlyphUse[] = [...chars].map((text) => ({ font: cff, id: cff.glyphId(text.codePointAt(0)!), text })).filter((g) => g.id > 0);
  assert.ok(glyphs.length > 600, `${glyphs.length} glyphs`);
  const diffs = await differences(glyphs);
  const bad = diffs.filter((d) => d.mismatch > TOLERANCE || (d.inkReference === 0) !== (d.inkOurs === 0));
  assert.deepEqual(bad.map(describe), []);
});

test('the comparison fails when one outline is blanked in the subset (TrueType and CFF), or another glyph is drawn', { skip: noPoppler }, async () => {
  const cases: FontHandle[] = [openFont(join(PACKAGE_ROOT, 'fonts', 'NotoSerifCJKsc-Regular.ttf'))];
  if (existsSync(NOTO_CFF)) cases.push(openFont(NOTO_CFF, CFF_FACE));
  for (const font of cases) {
    const glyphs: GlyphUse[] = [...'人大常委会国'].map((text) => ({ font, id: font.glyphId(text.codePointAt(0)!), text }));
    const target = glyphs[3].id;
    const blanked = blankingOne(font, target);
    const diffs = await differences(glyphs, (g) => ({ ...g, font: blanked }));
    const failing = diffs.filter((d) => d.mismatch > TOLERANCE);
    assert.deepEqual(failing.map((d) => d.glyph.text), ['委'], `${font.postscriptName}: ${diffs.map(describe).join('\n')}`);
    assert.equal(failing[0].inkOurs, 0, 'the blanked glyph draws nothing');
    const clean = await differences(glyphs);
    assert.deepEqual(clean.filter((d) => d.mismatch > TOLERANCE).map(describe), [], 'the same glyphs unblanked pass');
    // The outline of the glyph next to it in the face: a wrong glyph, not a blank one.
    const shifted = await differences(glyphs, (g) => (g.text === '会' ? { ...g, id: g.id + 1 } : g));
    assert.deepEqual(shifted.filter((d) => d.mismatch > TOLERANCE).map((d) => d.glyph.text), ['会']);
  }
});

test('an issue whose style: sets its body in a CFF face builds: the face is embedded as CFF (FontFile3) and the PDF is valid', { skip: !existsSync(NOTO_CFF) && `${NOTO_CFF} is not installed (fonts-noto-cjk)` }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-cff-'));
  try {
    const style = `style:\n  fonts:\n    song:\n      file: ${NOTO_CFF}\n      face: ${CFF_FACE}\nsections:`;
    writeFileSync(join(dir, 'cff.yaml'), MINIMAL.replace('sections:', style));
    const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'cli.js'), 'build', 'cff.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const pdf = readFileSync(join(dir, 'cff.pdf'), 'latin1');
    assert.match(pdf, /\/FontFile3 \d+ 0 R/);
    assert.match(pdf, /\/Subtype \/CIDFontType0C/);
    assert.match(pdf, new RegExp(`/BaseFont /[A-Z]{6}\\+${CFF_FACE}`));
    if (hasTool('qpdf')) assert.equal(spawnSync('qpdf', ['--check', join(dir, 'cff.pdf')]).status, 0, 'qpdf accepts it');
    if (hasTool('pdftotext')) assert.match(spawnSync('pdftotext', [join(dir, 'cff.pdf'), '-'], { encoding: 'utf8' }).stdout, /第一段正文。/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
