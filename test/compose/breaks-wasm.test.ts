/**
 * The line breaker as WebAssembly (src/compose/breaks-core.as.ts, loaded by breaks-wasm.ts) must
 * give what breaks.ts gives, bit for bit: the same ends, the same costs (Object.is), the same
 * prices kept for the search by line count, in every mode, with and without break qualities,
 * indents, overfull and letter-spaced lines, both break levels and any number of lines.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import * as js from '../../src/compose/breaks.js';
import { COST, type BreakMode, type BreakParams, type BreakResult } from '../../src/compose/breaks.js';
import * as wasm from '../../src/compose/breaks-wasm.js';
import { LineMetrics } from '../../src/compose/lines.js';
import { measureUnits } from '../../src/compose/units.js';
import { balanceQuality, listQuality, numberUnitPenalties } from '../../src/compose/balance.js';
import { Arena } from '../../src/text/alloc.js';
import { Brk, segment } from '../../src/text/segment.js';
import { kai, song } from './fonts.js';

const han = fc.constantFrom(...'会议听取了有关情况的汇报并就下一步工作作出部署强调要坚持以人民为中心推动各项落地见效全面深化改革杭州市人大常委会'.split(''));
const marks = fc.constantFrom('，', '。', '、', '；', '：', '“', '”', '（', '）', '《', '》', '——', '……', '·');
const tokens = fc.constantFrom('2024', '14', '85.6%', 'GDP', 'AI', 'http://www.hzrd.gov.cn/news/2024/index.html', ' ', 'Hangzhou', 'a');
const item = fc.oneof({ arbitrary: han, weight: 12 }, { arbitrary: marks, weight: 3 }, { arbitrary: tokens, weight: 2 });
const paragraph = fc.array(item, { minLength: 1, maxLength: 220 }).map((xs) => xs.join(''));

function sameResult(w: BreakResult, j: BreakResult, what: string): void {
  assert.deepEqual(w.ends, j.ends, `${what}: ends`);
  assert.ok(Object.is(w.cost, j.cost), `${what}: cost ${w.cost} ≠ ${j.cost}`);
  assert.equal(!!w.prices, !!j.prices, `${what}: prices kept`);
  if (w.prices && j.prices) {
    const m = j.prices.m;
    assert.equal(w.prices.m, m);
    assert.deepEqual([...w.prices.from.subarray(0, m)], [...j.prices.from.subarray(0, m)], `${what}: prices.from`);
    assert.deepEqual([...w.prices.to.subarray(0, m)], [...j.prices.to.subarray(0, m)], `${what}: prices.to`);
    assert.deepEqual([...w.prices.at.subarray(0, m)], [...j.prices.at.subarray(0, m)], `${what}: prices.at`);
    // Entries the search by line count reads: at[jb] + (ja − from[jb]) for ja below to[jb].
    for (let jb = 1; jb < m; jb++) {
      for (let k = j.prices.at[jb]; k < j.prices.at[jb] + j.prices.to[jb] - j.prices.from[jb]; k++) {
        assert.ok(Object.is(w.prices.cost[k], j.prices.cost[k]), `${what}: prices.cost[${k}]`);
      }
    }
  }
}

test('the WebAssembly breaker is built and loads (the composer would otherwise fall back silently)', () => {
  assert.ok(wasm.breakerCore(), 'dist/compose/breaks-core.wasm compiled and instantiated');
});

test('the WebAssembly breaker gives what breaks.ts gives, bit for bit', () => {
  const fonts = [[song()], [kai(), song()]];
  const seen = { loose: 0, overfull: 0, force: 0, inLines: 0, none: 0 };
  fc.assert(
    fc.property(
      paragraph,
      fc.constantFrom<BreakMode>('justify', 'justify', 'ragged', 'balance'),
      fc.constantFrom(442.205, 380, 300, 120, 60),
      fc.constantFrom(0, 2),
      fc.constantFrom(0.12, 0.25, 0.5),
      fc.nat(1),
      fc.constantFrom('none', 'sense', 'list', 'units'),
      fc.integer({ min: -2, max: 2 }),
      (text, mode, measure, indentEm, maxEm, f, qualityKind, delta) => {
        const size = 16;
        const al = new Arena();
        const seg = segment(text, [], 'gb', 0, indentEm > 0, al);
        if (seg.count === 0) return;
        const u = measureUnits(text, seg, [{ text, fonts: fonts[f] }], [0], { size, cjkEm: size }, al);
        const lm = new LineMetrics(u, seg.just, { trimStart: true, trimAfterIndent: indentEm === 0 }, al);
        const quality = qualityKind === 'sense' ? balanceQuality(text, seg) : qualityKind === 'list' ? listQuality(seg) : qualityKind === 'units' ? numberUnitPenalties(seg, COST.NUMBER_UNIT) : undefined;
        const p: BreakParams = { mode, measure, indent: indentEm * size, size, brk: seg.brk, quality, maxSpacing: maxEm * size };
        const jFirst = js.chooseBreaks(lm, p, Brk.Emergency, al, true);
        const wFirst = wasm.chooseBreaks(lm, p, Brk.Emergency, al, true);
        sameResult(wFirst, jFirst, 'chooseBreaks, prices kept');
        sameResult(wasm.chooseBreaks(lm, p, Brk.Emergency, al), js.chooseBreaks(lm, p, Brk.Emergency, al), 'chooseBreaks');
        if (jFirst.cost >= COST.LOOSE && jFirst.cost < COST.FORCE) seen.loose++;
        if (jFirst.cost >= COST.OVERFULL) {
          seen.overfull++;
          sameResult(wasm.chooseBreaks(lm, p, Brk.Force, al), js.chooseBreaks(lm, p, Brk.Force, al), 'chooseBreaks, rules broken');
          seen.force++;
        }
        const lines = Math.max(1, jFirst.ends.length + delta);
        for (const below of [COST.DISCOURAGED, Infinity]) {
          const j = js.chooseBreaksInLines(lm, p, Brk.Emergency, lines, al, below, jFirst.prices);
          sameResult(wasm.chooseBreaksInLines(lm, p, Brk.Emergency, lines, al, below, wFirst.prices), j, `in ${lines} lines below ${below}, with prices`);
          sameResult(wasm.chooseBreaksInLines(lm, p, Brk.Emergency, lines, al, below), js.chooseBreaksInLines(lm, p, Brk.Emergency, lines, al, below), `in ${lines} lines below ${below}`);
          if (j.cost < Infinity) seen.inLines++;
          else seen.none++;
        }
      },
    ),
    { numRuns: 400 },
  );
  // The comparison reached the rare branches, not only the plain justified line.
  for (const [what, count] of Object.entries(seen)) assert.ok(count > 5, `${what}: ${count}`);
});

test('searches over two sets of lines in turn copy each in again (the composer tries finer segmentations)', () => {
  const al = new Arena();
  const make = (text: string) => {
    const seg = segment(text, [], 'gb', 0, true, al);
    const u = measureUnits(text, seg, [{ text, fonts: [song()] }], [0], { size: 16, cjkEm: 16 }, al);
    const lm = new LineMetrics(u, seg.just, { trimStart: true, trimAfterIndent: true }, al);
    const p: BreakParams = { mode: 'justify', measure: 300, indent: 32, size: 16, brk: seg.brk, maxSpacing: 8 };
    return { lm, p };
  };
  const a = make('会议听取了有关情况的汇报，并就下一步工作作出部署。强调要坚持以人民为中心，推动各项工作落地见效。'.repeat(3));
  const b = make('杭州市人大常委会召开主任会议，听取了2024年度GDP增长85.6%的情况汇报。'.repeat(4));
  for (const { lm, p } of [a, b, a, b]) {
    const w = wasm.chooseBreaks(lm, p, Brk.Emergency, al, true);
    sameResult(w, js.chooseBreaks(lm, p, Brk.Emergency, al, true), 'alternating');
    const lines = w.ends.length + 1;
    sameResult(wasm.chooseBreaksInLines(lm, p, Brk.Emergency, lines, al, COST.DISCOURAGED, w.prices), js.chooseBreaksInLines(lm, p, Brk.Emergency, lines, al, COST.DISCOURAGED), 'alternating, in lines');
  }
});

test('the host squares as the module does: x ** 2 is x * x, bit for bit (breaks-core.as.ts pow2)', () => {
  // Kept as variables so that nothing is folded at compile time: the ** the breaker runs.
  const two = [2][0];
  fc.assert(fc.property(fc.double(), (x) => assert.ok(Object.is(x ** two, x * x), `${x}`)), { numRuns: 20000 });
  for (const x of [0, -0, 1e-310, -1e-310, 1.5e154, 1e200, Number.MAX_VALUE, NaN, Infinity, -Infinity, 1 + 2 ** -52, 3.0000000000000004]) {
    assert.ok(Object.is(x ** two, x * x), `${x}`);
    assert.ok(Object.is(Math.pow(x, 2), x * x), `${x}`);
  }
});
