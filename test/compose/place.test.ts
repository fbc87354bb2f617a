/**
 * placeLine's text: the source of each unit of the line, in order, with a space at each joint
 * that shows one (a word space, an ideographic space, a phrase space that has a blank), and
 * nothing of what lies between units otherwise — for any paragraph and any way of cutting it
 * into lines.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineMetrics } from '../../src/compose/lines.js';
import { placeLine } from '../../src/compose/place.js';
import { measureUnits } from '../../src/compose/units.js';
import { Arena } from '../../src/text/alloc.js';
import { Gap, segment } from '../../src/text/segment.js';
import { kai, song } from './fonts.js';

const item = fc.oneof(
  { arbitrary: fc.constantFrom(...'会议听取了有关情况的汇报并就下一步工作作出部署'.split('')), weight: 10 },
  { arbitrary: fc.constantFrom('，', '。', '、', '“', '”', '（', '）', '《', '》', '——', '……', '　'), weight: 3 },
  { arbitrary: fc.constantFrom('2024', 'GDP', 'AI', '85.6%', ' ', '  ', 'Hangzhou West Lake', 'www.hzrd.gov.cn', ' 第一 '), weight: 2 },
);

test('a placed line’s text is its units’ source with the spaces its joints show', () => {
  fc.assert(
    fc.property(fc.array(item, { minLength: 1, maxLength: 80 }).map((xs) => xs.join('')), fc.boolean(), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), (text, phraseSpaces, indent, cutsAt) => {
      const al = new Arena();
      const seg = segment(text, [], 'gb', 0, indent, al);
      if (seg.count === 0) return;
      const spans = [{ text, fonts: [kai(), song()] }];
      const u = measureUnits(text, seg, spans, [0], { size: 16, cjkEm: 16, phraseSpaces }, al);
      const lm = new LineMetrics(u, seg.just, { trimStart: true, trimAfterIndent: indent }, al);
      const ends = [...new Set([...cutsAt.map((c) => 1 + (c % seg.count)), seg.count])].sort((x, y) => x - y);
      let a = 0;
      for (const b of ends) {
        const line = placeLine(text, seg, u, lm, spans, a, b, b === seg.count, { measure: 400, size: 16, indent: indent ? 32 : 0, align: 'justify', trimStart: true, trimAfterIndent: indent, maxSpacing: 4 });
        let expected = '';
        for (let k = a; k < b; k++) {
          expected += text.slice(seg.start[k], seg.end[k]);
          const j = k + 1;
          if (k < b - 1 && (seg.gap[j] === Gap.Word || seg.gap[j] === Gap.Ideo || (seg.gap[j] === Gap.Phrase && u.glue[j] > 0))) expected += ' ';
        }
        assert.equal(line.text, expected, `units ${a}–${b} of ${JSON.stringify(text)}`);
        assert.equal(line.start, seg.start[a]);
        a = b;
      }
    }),
    { numRuns: 300 },
  );
});
