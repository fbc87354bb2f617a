/**
 * Page frames as the preview draws them: each glyph by number through the session's glyph table
 * (its outline defined once, numbered in order of first use) at the composer's x; rules as
 * rectangles; an overlay with each line's box, its source number and its text, escaped and
 * invisible; CMYK shown as its naive RGB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeParagraph } from '../../src/compose/compose.js';
import type { PageFrame } from '../../src/layout/types.js';
import { GlyphTable, cssColor, escapeXml, pageDisplay } from '../../src/preview/display.js';
import { song } from '../compose/fonts.js';

test('CMYK as screen colours, text escaped', () => {
  assert.equal(cssColor([0, 0, 0, 100]), '#000000');
  assert.equal(cssColor([0, 100, 100, 0]), '#ff0000');
  assert.equal(cssColor([0, 0, 0, 0]), '#ffffff');
  assert.equal(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
});

test('a page: glyphs by number at the composer\'s x, defined once; rules; the overlay', () => {
  const s = song();
  const { lines } = composeParagraph([{ text: '人大<代表>人大', fonts: [s] }], { measure: 400, size: 16, align: 'left' });
  const line = lines[0];
  const page: PageFrame = {
    number: 2,
    items: [
      { kind: 'text', x: 50, y: 100, line, color: [0, 0, 0, 100], source: ['sections', 0, 'articles', 0, 'body', 0] },
      { kind: 'rule', x: 50, y: 120, width: 300, weight: 1, color: [0, 100, 100, 0] },
    ],
    links: [],
    anchors: [],
  };
  const glyphs = new GlyphTable();
  const shown = pageDisplay(page, 595.28, 841.89, glyphs, (item) => (item.source ? 7 : undefined));
  assert.equal(shown.n, 2);
  const run = line.runs[0];
  const k = 16 / s.unitsPerEm;
  const [text, rule] = shown.draw;
  assert.deepEqual(text.slice(0, 5), ['t', '#000000', Math.round((50 + run.xs[0]) * 1000) / 1000, 100, Math.round(k * 1e6) / 1e6]);
  const list = text[5] as number[];
  // 人 and 大 twice each: six distinct glyphs of eight, each defined once.
  const numbers = list.filter((_, i) => i % 2 === 0);
  const offsets = list.filter((_, i) => i % 2 === 1);
  assert.equal(numbers.length, 8);
  assert.equal(glyphs.count, 6);
  assert.deepEqual(numbers.slice(0, 2), numbers.slice(6, 8));
  offsets.forEach((dx, i) => assert.ok(Math.abs(run.xs[0] + dx * k - run.xs[i]) < 0.01, `glyph ${i} at the composer's x`));
  assert.deepEqual(rule, ['r', '#ff0000', 50, 119.5, 300, 1]);
  assert.equal(glyphs.pathsFrom(0).length, 6);
  assert.ok(glyphs.pathsFrom(0).every((d) => d.startsWith('M')));
  assert.deepEqual(glyphs.pathsFrom(6), []);
  assert.equal(glyphs.number(s, run.idAt(0)), numbers[0], 'the same number next time');

  assert.match(shown.overlay, /^<svg class="ov" xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 595\.28 841\.89" data-page="2">/);
  assert.match(shown.overlay, /<g class="ln" data-s="7"><rect class="hit" /);
  assert.match(shown.overlay, /<text class="tx"[^>]*>人大&lt;代表&gt;人大<\/text>/);
});
