/**
 * Page frames as SVG: each glyph drawn by its id through the session's glyph table (defined
 * once, numbered in order of first use), rules as rectangles, the line's text escaped and
 * invisible, the source number on each line; CMYK shown as its naive RGB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeParagraph } from '../../src/compose/compose.js';
import type { PageFrame } from '../../src/layout/types.js';
import { GlyphTable, cssColor, escapeXml, pageSvg } from '../../src/preview/svg.js';
import { song } from '../compose/fonts.js';

test('CMYK as screen colours, text escaped', () => {
  assert.equal(cssColor([0, 0, 0, 100]), '#000000');
  assert.equal(cssColor([0, 100, 100, 0]), '#ff0000');
  assert.equal(cssColor([0, 0, 0, 0]), '#ffffff');
  assert.equal(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
});

test('a page: glyphs by number, defined once; rules; invisible escaped text; the source number', () => {
  const s = song();
  const { lines } = composeParagraph([{ text: '人大<代表>人大', fonts: [s] }], { measure: 400, size: 16, align: 'left' });
  const page: PageFrame = {
    number: 2,
    items: [
      { kind: 'text', x: 50, y: 100, line: lines[0], color: [0, 0, 0, 100], source: ['sections', 0, 'articles', 0, 'body', 0] },
      { kind: 'rule', x: 50, y: 120, width: 300, weight: 1, color: [0, 100, 100, 0] },
    ],
    links: [],
    anchors: [],
  };
  const glyphs = new GlyphTable();
  const svg = pageSvg(page, 595.28, 841.89, glyphs, (item) => (item.source ? 7 : undefined));
  assert.match(svg, /^<svg class="pg" xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 595\.28 841\.89" data-page="2">/);
  assert.match(svg, /<g class="ln" data-s="7">/);
  assert.match(svg, /<text class="tx"[^>]*>人大&lt;代表&gt;人大<\/text>/);
  assert.match(svg, /<rect x="50" y="119.5" width="300" height="1" fill="#ff0000"\/>/);
  // 人 and 大 twice each: six distinct glyphs of eight, each defined once.
  const uses = [...svg.matchAll(/<use href="#g(\d+)"/g)].map((m) => Number(m[1]));
  assert.equal(uses.length, 8);
  assert.equal(glyphs.count, new Set(uses).size);
  assert.deepEqual(uses.slice(0, 2), uses.slice(6, 8));
  assert.equal(glyphs.count, 6);
  const defs = glyphs.defsFrom(0);
  assert.equal((defs.match(/<path id="g\d+" d="M/g) ?? []).length, glyphs.count);
  assert.equal(glyphs.defsFrom(glyphs.count), '');
  assert.equal(glyphs.number(s, lines[0].runs[0].idAt(0)), uses[0], 'the same number next time');
});
