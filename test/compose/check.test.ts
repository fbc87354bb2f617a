/** The independent checker must itself catch each kind of violation it claims to find. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComposedLine, ComposedParagraph, ComposeOptions } from '../../src/compose/types.js';
import { violations } from './check.js';
import { song } from './fonts.js';
import { GlyphRun } from '../../src/compose/glyph-run.js';

const opt: ComposeOptions = { measure: 160, size: 16, align: 'justify' };

function para(lines: string[], rights?: number[]): ComposedParagraph {
  const font = song();
  return {
    missing: [],
    lines: lines.map((t, i): ComposedLine => ({
      runs: [GlyphRun.of(font, 16, [...t].filter((c) => c !== ' ').map((c, k) => ({ id: 1, text: c, x: k * 16, advance: 16 })))],
      left: 0,
      right: rights?.[i] ?? (i === lines.length - 1 ? [...t].length * 16 : 160),
      natural: 160,
      last: i === lines.length - 1,
      text: t,
    })),
  };
}

const rules = (text: string, lines: string[], rights?: number[]) =>
  violations([{ text, fonts: [song()] }], opt, para(lines, rights), { orphans: true }).map((v) => v.rule);

test('a sound paragraph passes', () => {
  assert.deepEqual(rules('一二三四五六七八九十甲乙', ['一二三四五六七八九十', '甲乙']), []);
});

test('each violation is caught', () => {
  assert.ok(rules('一二三四', ['一二三']).includes('text'), 'lost character');
  assert.ok(rules('一二三四', ['一二四三']).includes('text'), 'reordered');
  assert.deepEqual(rules('一二三四五六七八九，甲乙', ['一二三四五六七八九', '，甲乙']), ['line-start']);
  assert.deepEqual(rules('一二三四五六七八（甲乙）', ['一二三四五六七八（', '甲乙）']), ['line-end']);
  assert.deepEqual(rules('一二三四五六七八九十甲乙', ['一二三四五六七八九十', '甲乙'], [170, 32]), ['overfull', 'ragged']);
  assert.deepEqual(rules('一二三四五六七八九十甲乙', ['一二三四五六七八九十', '甲乙'], [150, 32]), ['ragged']);
  assert.deepEqual(rules('一二三四五六七八12345', ['一二三四五六七八123', '45']), ['split-number']);
  assert.deepEqual(rules('一二三四五六七八Hangzhou', ['一二三四五六七八Han', 'gzhou']), ['split-word']);
  assert.deepEqual(rules('一二三四五六七八九——甲乙', ['一二三四五六七八九—', '—甲乙']), ['split-long-mark']);
  assert.deepEqual(rules('一二三四五六七八九十甲。', ['一二三四五六七八九十', '甲。']), ['orphan']);
});
