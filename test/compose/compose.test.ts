import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeParagraph } from '../../src/compose/compose.js';
import { song } from './fonts.js';

const BODY = { measure: 442.205, size: 16, indent: 2, align: 'justify', grid: 28 } as const;

test('a pure-Han paragraph fills a 28-character grid line exactly', () => {
  const text = '杭州市人大常委会研究室编印'.repeat(5);
  const p = composeParagraph([{ text, fonts: [song()] }], BODY);
  assert.equal(p.lines[0].text.length, 26);
  for (const l of p.lines.slice(1, -1)) assert.equal(l.text.length, 28);
  for (const l of p.lines.slice(0, -1)) assert.ok(Math.abs(l.right - 442.205) < 0.01);
  assert.equal(p.lines.map((l) => l.text).join(''), text);
});

test('glyph x positions are pen origins from the measure left edge, indent included', () => {
  const p = composeParagraph([{ text: '中文排版', fonts: [song()] }], { measure: 160, size: 16, indent: 2, align: 'justify' });
  const xs = p.lines[0].runs.flatMap((r) => r.glyphs.map((g) => g.x));
  assert.deepEqual(xs, [32, 48, 64, 80]);
});
