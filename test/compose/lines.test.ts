/**
 * LineMetrics.naturalOf gives, bit for bit, the natural width `measure` sets for the same line;
 * and the arrays it is built on are, bit for bit, what their definitions give.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineMetrics } from '../../src/compose/lines.js';
import { Pool, measureUnits, type Units } from '../../src/compose/units.js';
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

/** The prefix sums and edge arrays as their definitions state them, one array at a time. */
function reference(u: Units, just: ArrayLike<number>, trimStart: boolean, trimAfterIndent: boolean) {
  const n = u.n;
  const z = () => new Float64Array(n + 1);
  const r = { mw: z(), sMarks: z(), sFinal: z(), chars: z(), cg: z(), cgs: z(), cgt: z(), cc: z(), cj: z(), sAdj: z(), sLoss: z(), fAdj: z(), fLoss: z(), eAdj: z(), eLoss: z(), narrowing: true, maxStartAdj: 0 };
  for (let k = 0; k < n; k++) {
    r.mw[k + 1] = r.mw[k] + u.cell[k] - u.trimL[k] - u.trimR[k];
    r.sMarks[k + 1] = r.sMarks[k] + (u.pool[k] === Pool.Marks ? u.shrink[k] : 0);
    r.sFinal[k + 1] = r.sFinal[k] + (u.pool[k] === Pool.Final ? u.shrink[k] : 0);
    r.chars[k + 1] = r.chars[k] + u.chars[k];
    if (!(r.mw[k + 1] >= r.mw[k])) r.narrowing = false;
  }
  for (let j = 1; j <= n; j++) {
    if (!(u.glue[j] >= 0)) r.narrowing = false;
    const capped = j < n && u.glueStretch[j] > 0;
    r.cg[j] = r.cg[j - 1] + u.glue[j];
    r.cgs[j] = r.cgs[j - 1] + u.glueShrink[j];
    r.cgt[j] = r.cgt[j - 1] + u.glueStretch[j];
    r.cc[j] = r.cc[j - 1] + (capped ? 1 : 0);
    r.cj[j] = r.cj[j - 1] + (j < n && !capped ? just[j] : 0);
  }
  for (let k = 0; k < n; k++) {
    for (const [trim, adj, loss] of [[trimStart, r.sAdj, r.sLoss], [trimAfterIndent, r.fAdj, r.fLoss]] as const) {
      if (u.opening[k] && trim) {
        adj[k] = u.trimL[k] - u.blankL[k];
        loss[k] = Math.min(u.shrink[k], u.blankL[k] - u.trimL[k]);
      } else adj[k] = u.trimL[k];
    }
    if (r.sAdj[k] > r.maxStartAdj) r.maxStartAdj = r.sAdj[k];
    if (u.blankR[k] > 0) {
      r.eAdj[k] = u.trimR[k] - u.blankR[k];
      r.eLoss[k] = Math.min(u.shrink[k], u.blankR[k] - u.trimR[k]);
    } else r.eAdj[k] = u.trimR[k];
  }
  r.narrowing &&= Number.isFinite(r.maxStartAdj);
  return r;
}

const PREFIXES = ['mw', 'sMarks', 'sFinal', 'chars', 'cg', 'cgs', 'cgt', 'cc', 'cj'] as const;
const EDGES = ['sAdj', 'sLoss', 'fAdj', 'fLoss', 'eAdj', 'eLoss'] as const;

function sameAsReference(lm: LineMetrics, u: Units, just: ArrayLike<number>, trimStart: boolean, trimAfterIndent: boolean): void {
  const r = reference(u, just, trimStart, trimAfterIndent);
  for (const name of PREFIXES) for (let k = 0; k <= u.n; k++) assert.ok(Object.is(lm[name][k], r[name][k]), `${name}[${k}]: ${lm[name][k]} ≠ ${r[name][k]}`);
  for (const name of EDGES) for (let k = 0; k < u.n; k++) assert.ok(Object.is(lm[name][k], r[name][k]), `${name}[${k}]: ${lm[name][k]} ≠ ${r[name][k]}`);
  assert.equal(lm.narrowing, r.narrowing);
  assert.ok(Object.is(lm.maxStartAdj, r.maxStartAdj));
}

test('the prefix sums and edges are, bit for bit, what their definitions give (measured paragraphs)', () => {
  fc.assert(
    fc.property(fc.array(item, { minLength: 1, maxLength: 120 }).map((xs) => xs.join('')), fc.boolean(), fc.boolean(), fc.boolean(), (text, indent, wenkai, trimStart) => {
      const al = new Arena();
      const seg = segment(text, [], 'gb', 0, indent, al);
      const u = measureUnits(text, seg, [{ text, fonts: wenkai ? [kai(), song()] : [song()] }], [0], { size: 15.75, cjkEm: 15.75 }, al);
      const lm = new LineMetrics(u, seg.just, { trimStart, trimAfterIndent: indent }, al);
      sameAsReference(lm, u, seg.just, trimStart, indent);
    }),
    { numRuns: 100 },
  );
});

test('the prefix sums and edges are, bit for bit, what their definitions give (any numbers, signed zeros and NaN)', () => {
  const num = fc.oneof(fc.double({ noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.5, 8, 1 / 3, NaN, -2.25));
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.array(num, { minLength: 400, maxLength: 400 }), fc.array(fc.nat(2), { minLength: 80, maxLength: 80 }), fc.boolean(), fc.boolean(), (n, xs, small, trimStart, trimAfterIndent) => {
      let at = 0;
      const f = (len: number) => Float64Array.from({ length: len }, () => xs[at++ % xs.length]);
      const b = (len: number, m: number) => Uint8Array.from({ length: len }, (_, i) => small[(i + m) % small.length] % (m + 1));
      const u = {
        n, cell: f(n), trimL: f(n), trimR: f(n), blankL: f(n), blankR: f(n), shrink: f(n), pool: b(n, 2),
        chars: Uint16Array.from({ length: n }, (_, i) => small[i % small.length]), opening: b(n, 1),
        gFirst: new Int32Array(n + 1), span: new Int32Array(n), glue: f(n + 1), glueShrink: f(n + 1), glueStretch: f(n + 1), missing: [],
      } as unknown as Units;
      const just = Array.from({ length: n + 1 }, (_, i) => small[(i + 7) % small.length] % 2);
      const lm = new LineMetrics(u, just, { trimStart, trimAfterIndent }, new Arena());
      sameAsReference(lm, u, just, trimStart, trimAfterIndent);
    }),
    { numRuns: 300 },
  );
});
