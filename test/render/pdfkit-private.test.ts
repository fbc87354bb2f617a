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

test('page content given as bytes writes what pdfkit writes for the same text', async () => {
  const { createRequire } = await import('node:module');
  const { addContentBytes } = await import('../../src/render/pdfkit-private.js');
  const PDFDocument = createRequire(import.meta.url)('pdfkit') as new (o: Record<string, unknown>) => {
    addPage(): void; addContent(s: string): void; end(): void; on(e: string, f: (c?: Buffer) => void): void;
  };
  const write = (add: (d: InstanceType<typeof PDFDocument>) => void): Promise<Buffer> => {
    const d = new PDFDocument({ compress: false, font: null, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    d.on('data', (c) => chunks.push(c!));
    const done = new Promise<Buffer>((resolve) => d.on('end', () => resolve(Buffer.concat(chunks))));
    d.addPage();
    add(d);
    d.end();
    return done;
  };
  // Operators, a hex string, and characters beyond Latin-1 (each keeps its low byte either way).
  const text = 'q 1 0 0 -1 0 841.89 cm\nBT /bf1 16 Tf [<002a> -250 <0031>] TJ ET\n中文\u0100\ud83d\ude00 Q';
  assert.deepEqual(await write((d) => addContentBytes(d, text)), await write((d) => d.addContent(text)));
});

test('named destinations come in pdfkit\'s order, with or without a collator', async () => {
  const { createRequire } = await import('node:module');
  const { plainDestinationOrder } = await import('../../src/render/pdfkit-private.js');
  const PDFDocument = createRequire(import.meta.url)('pdfkit') as new (o: Record<string, unknown>) => {
    addPage(): void; addNamedDestination(n: string, ...a: unknown[]): void; end(): void; on(e: string, f: (c?: Buffer) => void): void;
  };
  const write = (names: string[], plain: boolean): Promise<string> => {
    const d = new PDFDocument({ compress: false, font: null, info: { CreationDate: new Date(0) } });
    if (plain) plainDestinationOrder(d);
    const chunks: Buffer[] = [];
    d.on('data', (c) => chunks.push(c!));
    const done = new Promise<string>((resolve) => d.on('end', () => resolve(Buffer.concat(chunks).toString('latin1'))));
    d.addPage();
    for (const n of names) d.addNamedDestination(n, 'XYZ', 0, 0, null);
    d.end();
    return done;
  };
  const ours = ['s6b3', 's1', 's10', 's1a2', 's2', 's1a1', 's6b', 's6', 's1a10'];
  const mixed = ['B', 'a', '_x', 'a-1', 'A', 'b2', 'é'];
  for (const names of [ours, mixed]) {
    const pdf = await write(names, true);
    assert.equal(pdf, await write(names, false));
    const listed = [...pdf.matchAll(/^ {4}\(([^)]*)\)/gm)].map((m) => m[1]);
    assert.equal(listed.length, names.length);
    if (names === ours) assert.deepEqual(listed, [...names].sort((a, b) => a.localeCompare(b)));
  }
});
