/** LineMetrics.naturalOf gives, bit for bit, the natural width `measure` sets for the same line. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineMetrics } from '../../src/compose/lines.js';
import { measureUnits } from '../../src/compose/units.js';
import { Arena } from '../../src/text/alloc.js';
import { segment } from '../../src/text/segment.js';
import { kai, song } from './fonts.js';

const item = fc.oneof(
  { arbitrary: fc.constantFrom(...'会议听取了有关情况的汇报并就下一步工作作出部署'.split('')), weight: 10 },
  { arbitrary: fc.constantFrom('，', '。', '、', '“', '”', '（', '）', '《', '》', '——', '……'), weight: 3 },
  { arbitrary: fc.constantFrom('2024', 'GDP', 'AI', '85.6%', ' ', 'www.hzrd.gov.cn'), weight: 1 },
);

test('naturalOf is measure’s natural width for every line of a paragraph', () => {
  fc.assert(
    fc.property(fc.array(item, { minLength: 1, maxLength: 80 }).map((xs) => xs.join('')), fc.boolean(), fc.boolean(), (text, indent, wenkai) => {
      const al = new Arena();
      const seg = segment(text, [], 'gb', 0, indent, al);
      const fonts = wenkai ? [kai(), song()] : [song()];
      const u = measureUnits(text, seg, [{ text, fonts }], [0], { size: 16, cjkEm: 16 }, al);
      const lm = new LineMetrics(u, seg.just, { trimStart: true, trimAfterIndent: indent }, al);
      for (let a = 0; a < lm.n; a++) {
        for (let b = a + 1; b <= lm.n; b++) {
          lm.measure(a, b);
          assert.ok(Object.is(lm.naturalOf(a, b), lm.natural), `${a}–${b}`);
        }
      }
    }),
    { numRuns: 60 },
  );
});
