/**
 * The search by line count (chooseBreaksInLines) skips work three ways: it takes the prices of
 * the lines chooseBreaks already priced, it stops measuring lines once they are too short and
 * only get shorter (LineMetrics.narrowing), and it leaves unsearched the settings that cost
 * `below` or more. None may change what the composer uses: against the same search without any,
 * on random paragraphs, the setting found below COST.DISCOURAGED is the same line for line, and
 * none is found where the full search finds none that cheap.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { chooseBreaksInLines, COST, chooseBreaks, type BreakParams } from '../../src/compose/breaks.js';
import { LineMetrics } from '../../src/compose/lines.js';
import { measureUnits } from '../../src/compose/units.js';
import { Arena } from '../../src/text/alloc.js';
import { Brk, segment } from '../../src/text/segment.js';
import { numberUnitPenalties } from '../../src/compose/balance.js';
import { kai, song } from './fonts.js';

const han = fc.constantFrom(...'会议听取了有关情况的汇报并就下一步工作作出部署强调要坚持以人民为中心推动各项落地见效全面深化改革'.split(''));
const marks = fc.constantFrom('，', '。', '、', '；', '：', '“', '”', '（', '）', '《', '》', '——', '……');
const tokens = fc.constantFrom('2024', '14', '85.6%', 'GDP', 'AI', 'http://www.hzrd.gov.cn', ' ');
const item = fc.oneof({ arbitrary: han, weight: 14 }, { arbitrary: marks, weight: 3 }, { arbitrary: tokens, weight: 1 });
const paragraph = fc.array(item, { minLength: 30, maxLength: 260 }).map((xs) => xs.join('')).filter((s) => !/[^\p{L}\p{N}\s]{4,}/u.test(s));

test('the line-count search finds, with its shortcuts, exactly what it finds without them', () => {
  const fonts = [[song()], [kai(), song()]];
  let found = 0;
  let none = 0;
  fc.assert(
    fc.property(paragraph, fc.constantFrom(442.205, 380, 300), fc.constantFrom(0, 2), fc.constantFrom(0.12, 0.25, 0.5), fc.nat(1), fc.integer({ min: -2, max: 2 }), (text, measure, indentEm, maxEm, f, delta) => {
      const size = 16;
      const al = new Arena();
      const seg = segment(text, [], 'gb', 0, indentEm > 0, al);
      const u = measureUnits(text, seg, [{ text, fonts: fonts[f] }], [0], { size, cjkEm: size }, al);
      const lm = new LineMetrics(u, seg.just, { trimStart: true, trimAfterIndent: true }, al);
      const p: BreakParams = { mode: 'justify', measure, indent: indentEm * size, size, brk: seg.brk, quality: numberUnitPenalties(seg, COST.NUMBER_UNIT), maxSpacing: maxEm * size };
      const first = chooseBreaks(lm, p, Brk.Emergency, al, true);
      assert.deepEqual(first.ends, chooseBreaks(lm, p, Brk.Emergency, al).ends, 'keeping prices changes nothing');
      const lines = Math.max(1, first.ends.length + delta);
      const fast = chooseBreaksInLines(lm, p, Brk.Emergency, lines, al, COST.DISCOURAGED, first.prices);
      // The same metrics, told that lines may widen as they start later: every start is measured.
      const plain = Object.create(lm, { narrowing: { value: false } }) as LineMetrics;
      const full = chooseBreaksInLines(plain, p, Brk.Emergency, lines, al);
      if (full.cost < COST.DISCOURAGED) {
        found++;
        assert.equal(fast.cost, full.cost);
        assert.deepEqual(fast.ends, full.ends);
      } else {
        none++;
        assert.equal(fast.cost, Infinity);
        assert.deepEqual(fast.ends, []);
      }
    }),
    { numRuns: 250 },
  );
  assert.ok(found > 20 && none > 20, `settings found ${found}, none ${none}`);
});

test('lines narrow as their start moves right, by no more than a line start adds back', () => {
  fc.assert(
    fc.property(paragraph, (text) => {
      const al = new Arena();
      const seg = segment(text, [], 'gb', 0, false, al);
      const u = measureUnits(text, seg, [{ text, fonts: [song()] }], [0], { size: 16, cjkEm: 16 }, al);
      const lm = new LineMetrics(u, seg.just, { trimStart: true, trimAfterIndent: true }, al);
      assert.ok(lm.narrowing);
      const b = lm.n;
      for (let a = 1; a < b; a++) {
        lm.measure(a, b);
        const bound = lm.natural - lm.sAdj[a] + lm.maxStartAdj;
        for (let a2 = a + 1; a2 < Math.min(b, a + 40); a2++) {
          lm.measure(a2, b);
          assert.ok(lm.natural <= bound + 1e-9, `${a}→${a2}: ${lm.natural} > ${bound}`);
        }
      }
    }),
    { numRuns: 40 },
  );
});
