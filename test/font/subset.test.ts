/**
 * The subset writer on its own: a file fontkit reads back with the glyphs, metrics and outlines
 * of the original, and the faces it declines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import { type SubsetFace, canWriteSubset, writeTrueTypeSubset } from '../../src/font/subset.js';
import { vendoredFontPath } from '../../src/font/vendored.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { create(b: Uint8Array): Font };

interface Internals {
  directory: { tables: Record<string, { offset: number; length: number }> };
  loca: { version: number; offsets: number[] };
  hmtx: { metrics: { get(i: number): { advance: number; bearing: number } | undefined; length: number }; bearings: { get(i: number): number | undefined } };
}

/** A SubsetFace over a whole font file, through fontkit's decoded tables. */
function faceOf(bytes: Buffer, font: Font): SubsetFace {
  const f = font as unknown as Internals;
  const tables = f.directory.tables;
  const glyf = tables.glyf;
  return {
    locaVersion: f.loca.version,
    table: (tag) => (tables[tag] ? bytes.subarray(tables[tag].offset, tables[tag].offset + tables[tag].length) : undefined),
    outline: (id) => bytes.subarray(glyf.offset + f.loca.offsets[id], glyf.offset + f.loca.offsets[id + 1]),
    metrics: (id) => {
      const m = f.hmtx.metrics.get(Math.min(id, f.hmtx.metrics.length - 1))!;
      return id < f.hmtx.metrics.length ? m : { advance: m.advance, bearing: f.hmtx.bearings.get(id - f.hmtx.metrics.length) ?? 0 };
    },
  };
}

test('a written subset reads back with the original glyphs in order, their advances and outlines', () => {
  const bytes = readFileSync(vendoredFontPath('song'));
  const font = fontkit.create(bytes);
  const originals = [0, ...[...'简报：人大，“２０２４”Ag'].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id)];
  const face = faceOf(bytes, font);
  assert.ok(canWriteSubset(face));
  const glyphs = [...originals];
  const out = writeTrueTypeSubset(face, glyphs, () => assert.fail('no composite glyphs here'));
  const sub = fontkit.create(out);
  assert.equal(sub.numGlyphs, originals.length);
  assert.equal(sub.unitsPerEm, font.unitsPerEm);
  originals.forEach((id, i) => {
    const a = font.getGlyph(id), b = sub.getGlyph(i);
    assert.equal(b.advanceWidth, a.advanceWidth, `advance of glyph ${i}`);
    assert.equal(b.path.toSVG(), a.path.toSVG(), `outline of glyph ${i}`);
  });
});

test('a composite glyph brings its components, renumbered to their places in the subset', () => {
  const bytes = readFileSync(vendoredFontPath('kai'));
  const font = fontkit.create(bytes);
  const minus = font.glyphForCodePoint(0x2212).id;
  const glyphs = [0, minus];
  const taken: number[] = [];
  const out = writeTrueTypeSubset(faceOf(bytes, font), glyphs, (gid) => {
    taken.push(gid);
    const at = glyphs.indexOf(gid);
    if (at >= 0) return at;
    glyphs.push(gid);
    return glyphs.length - 1;
  });
  assert.ok(taken.length > 0, 'components were taken in');
  const sub = fontkit.create(out);
  assert.equal(sub.numGlyphs, glyphs.length);
  // Each component is the original's outline at its new number, and the composite draws.
  taken.forEach((gid) => assert.equal(sub.getGlyph(glyphs.indexOf(gid)).path.toSVG(), font.getGlyph(gid).path.toSVG()));
  assert.notEqual(sub.getGlyph(1).path.toSVG(), '');
});

test('faces without a complete head, hhea or TrueType maxp are declined', () => {
  const bytes = readFileSync(vendoredFontPath('song'));
  const face = faceOf(bytes, fontkit.create(bytes));
  assert.equal(canWriteSubset({ ...face, table: (tag) => (tag === 'maxp' ? new Uint8Array(6) : face.table(tag)) }), false);
  assert.equal(canWriteSubset({ ...face, table: (tag) => (tag === 'head' ? undefined : face.table(tag)) }), false);
  assert.equal(canWriteSubset({ ...face, locaVersion: 2 }), false);
});
