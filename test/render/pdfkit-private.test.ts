/**
 * The one place we use pdfkit internals (src/render/pdfkit-private.ts, written for pdfkit
 * 0.20.2): the exact content stream for a line whose glyph positions we choose, so that a pdfkit
 * upgrade that changes those internals fails here and not silently in print.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ComposedLine } from '../../src/compose/types.js';
import { openFont } from '../../src/font/load.js';
import { vendoredFontPath } from '../../src/font/vendored.js';
import type { LaidOutDocument } from '../../src/layout/types.js';
import { renderPdf } from '../../src/render/pdf.js';
import { pageContents } from './helpers.js';
import { GlyphRun } from '../../src/compose/glyph-run.js';
import { fontkitFont } from '../../src/font/handle.js';

const song = openFont(vendoredFontPath('song'));

function lineOf(text: string, xs: number[], size: number): ComposedLine {
  const glyphs = [...text].map((ch, i) => {
    const g = fontkitFont(song).glyphForCodePoint(ch.codePointAt(0)!);
    return { id: g.id, text: ch, x: xs[i], advance: (g.advanceWidth * size) / song.unitsPerEm };
  });
  return { runs: [GlyphRun.of(song, size, glyphs)], left: xs[0], right: xs[xs.length - 1] + size, natural: 0, last: true, text };
}

function doc(line: ComposedLine): LaidOutDocument {
  return {
    width: 595.28, height: 841.89,
    pages: [{ number: 1, items: [{ kind: 'text', x: 100, y: 200, line, color: [0, 0, 0, 100] }, { kind: 'rule', x: 100, y: 300, width: 50, weight: 1, color: [0, 100, 100, 0] }], links: [], anchors: [] }],
    outline: [],
    meta: { title: 't', author: 'a', subject: 's', keywords: 'k', lang: 'zh-CN', date: new Date(Date.UTC(2024, 0, 1)) },
  };
}

test('one text object per line; each glyph at its x through TJ adjustments', async () => {
  // 16 pt, 1-em glyphs: 中 at 0, 文 pushed 4 pt right (a gap of 250/1000 em), 字 pulled 8 pt left.
  const line = lineOf('中文字', [0, 20, 28], 16);
  const [content] = pageContents(await renderPdf(doc(line), { creator: 'x', compress: false }));
  const text = content.slice(content.indexOf('BT'), content.indexOf('ET') + 2);
  assert.equal(text, [
    'BT',
    '/F1 16 Tf',
    '1 0 0 1 100 641.89 Tm',
    '[<0001> -250 <0002> 500 <0003>] TJ',
    'ET',
  ].join('\n'));
  assert.match(content, /^0 0 0 1 k$/m);
  assert.match(content, /^0 1 1 0 K 1 w 100 541.89 m 150 541.89 l S$/m);
});

test('the subset font records widths and the ToUnicode text of each glyph', async () => {
  const bytes = await renderPdf(doc(lineOf('中文字', [0, 16, 32], 16)), { creator: 'x', compress: false });
  const text = Buffer.from(bytes).toString('latin1');
  assert.match(text, /\/W \[0 \[1000 1000 1000 1000\]\]/);
  // ToUnicode: glyph 1 → 中 (U+4E2D), 2 → 文 (U+6587), 3 → 字 (U+5B57).
  assert.match(text, /<0000> <0003> \[<0000> <4e2d> <6587> <5b57>\]/);
});
