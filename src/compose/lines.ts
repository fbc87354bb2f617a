/**
 * The width, shrink and stretch of any candidate line in O(1), from prefix sums over the
 * measured units. A line runs from joint a to joint b (units a … b-1); the blanks at its two
 * joints vanish, an opening mark starting it and a mark ending it lose their blank halves
 * (typography.md §1.5, GB/T 15834 §5.1.10), and a pair split by the break gets its
 * compression back.
 */
import type { Alloc } from '../text/alloc.js';
import { Pool, type Units } from './units.js';

export interface LineOptions {
  /** Trim an opening mark's blank half at a line start / right after the first-line indent. */
  trimStart: boolean;
  trimAfterIndent: boolean;
}

export class LineMetrics {
  readonly n: number;
  /** Prefix sums over units: mid-line width, shrink of the two pools, content characters. */
  readonly mw: Float64Array;
  readonly sMarks: Float64Array;
  readonly sFinal: Float64Array;
  readonly chars: Float64Array;
  /**
   * Prefix sums over joints 1..j: blank, its shrink, the stretch of capped gaps, capped gaps,
   * and the other justifiable joints (which take the even spacing, without a cap).
   */
  readonly cg: Float64Array;
  readonly cgs: Float64Array;
  readonly cgt: Float64Array;
  readonly cc: Float64Array;
  readonly cj: Float64Array;
  /** Width change and shrink lost when a unit starts a line (s), starts the first line (f), ends a line (e). */
  readonly sAdj: Float64Array;
  readonly sLoss: Float64Array;
  readonly fAdj: Float64Array;
  readonly fLoss: Float64Array;
  readonly eAdj: Float64Array;
  readonly eLoss: Float64Array;
  /**
   * True when no unit is narrower than nothing mid-line and no joint's blank is negative: then a
   * line to a given end only gets narrower as its start moves right, except by what a line start
   * adds back (at most `maxStartAdj`, the largest of sAdj). The breakers use it to stop a search.
   */
  readonly narrowing: boolean;
  readonly maxStartAdj: number;

  // Results of the last `measure` call (kept in fields to avoid allocating per candidate).
  natural = 0;
  shrinkMarks = 0;
  shrinkGlue = 0;
  shrinkFinal = 0;
  /** Total stretch of the capped gaps (CJK–Latin) and how many there are. */
  stretchGlue = 0;
  capped = 0;
  /** Justifiable joints without a cap (Han–Han, word spaces…). */
  justifiable = 0;

  // Results of the last `spread` call.
  /** Extra at every uncapped justifiable joint, pt. */
  even = 0;
  /** Extra at every capped gap, pt. */
  gapExtra = 0;
  /** Slack no joint could take, when the line has no uncapped joint, pt. */
  leftover = 0;

  constructor(readonly u: Units, just: ArrayLike<number>, opt: LineOptions, al: Alloc) {
    const n = u.n;
    this.n = n;
    // Running sums kept in locals and the arrays read once each: in a short run this code is
    // interpreted, where every number read from or written to a typed array that is not a small
    // integer is a new heap object. (Each sum is formed in the same order as before, so the same
    // doubles.)
    const mw = (this.mw = al.f64(n + 1));
    const sMarks = (this.sMarks = al.f64(n + 1));
    const sFinal = (this.sFinal = al.f64(n + 1));
    const chars = (this.chars = al.f64(n + 1));
    const { cell, trimL, trimR, pool, shrink } = u;
    let w = 0, marks = 0, fin = 0, ch = 0;
    let narrowing = true;
    for (let k = 0; k < n; k++) {
      const next = w + cell[k] - trimL[k] - trimR[k];
      if (!(next >= w)) narrowing = false;
      mw[k + 1] = w = next;
      const p = pool[k];
      if (p === Pool.Marks) sMarks[k + 1] = marks = marks + shrink[k];
      else sMarks[k + 1] = marks;
      if (p === Pool.Final) sFinal[k + 1] = fin = fin + shrink[k];
      else sFinal[k + 1] = fin;
      chars[k + 1] = ch = ch + u.chars[k];
    }
    const cg = (this.cg = al.f64(n + 1));
    const cgs = (this.cgs = al.f64(n + 1));
    const cgt = (this.cgt = al.f64(n + 1));
    const cc = (this.cc = al.f64(n + 1));
    const cj = (this.cj = al.f64(n + 1));
    const { glue, glueShrink, glueStretch } = u;
    let g = 0, gs = 0, gt = 0, c = 0, jn = 0;
    for (let j = 1; j <= n; j++) {
      const gj = glue[j];
      if (!(gj >= 0)) narrowing = false;
      const st = glueStretch[j];
      const capped = j < n && st > 0;
      cg[j] = g = g + gj;
      cgs[j] = gs = gs + glueShrink[j];
      cgt[j] = gt = gt + st;
      if (capped) cc[j] = ++c;
      else cc[j] = c;
      if (j < n && !capped) cj[j] = jn = jn + just[j];
      else cj[j] = jn;
    }
    const sAdj = (this.sAdj = al.f64(n));
    const sLoss = (this.sLoss = al.f64(n));
    const fAdj = (this.fAdj = al.f64(n));
    const fLoss = (this.fLoss = al.f64(n));
    const eAdj = (this.eAdj = al.f64(n));
    const eLoss = (this.eLoss = al.f64(n));
    const { opening, blankL, blankR } = u;
    let maxStartAdj = 0;
    for (let k = 0; k < n; k++) {
      // The blank an edge trims is no longer there to be compressed mid-line.
      const tl = trimL[k];
      if (opening[k]) {
        const bl = blankL[k];
        const adj = tl - bl;
        const lost = Math.min(shrink[k], bl - tl);
        if (opt.trimStart) { sAdj[k] = adj; sLoss[k] = lost; } else sAdj[k] = tl;
        if (opt.trimAfterIndent) { fAdj[k] = adj; fLoss[k] = lost; } else fAdj[k] = tl;
      } else {
        sAdj[k] = tl;
        fAdj[k] = tl;
      }
      if (sAdj[k] > maxStartAdj) maxStartAdj = sAdj[k];
      const br = blankR[k];
      if (br > 0) {
        const tr = trimR[k];
        eAdj[k] = tr - br;
        eLoss[k] = Math.min(shrink[k], br - tr);
      } else {
        eAdj[k] = trimR[k];
      }
    }
    this.narrowing = narrowing && Number.isFinite(maxStartAdj);
    this.maxStartAdj = maxStartAdj;
  }

  /** Fill the result fields for the line of units a … b-1. */
  measure(a: number, b: number): void {
    const u = this.u;
    const first = a === 0;
    const last = b - 1;
    const inner = last > a ? last : a; // joints a+1 … b-1
    this.natural = this.mw[b] - this.mw[a] + (first ? this.fAdj[a] : this.sAdj[a]) + this.eAdj[last] + this.cg[inner] - this.cg[a];
    let sm = this.sMarks[b] - this.sMarks[a];
    let sf = this.sFinal[b] - this.sFinal[a];
    const lossA = first ? this.fLoss[a] : this.sLoss[a];
    if (u.pool[a] === Pool.Marks) sm -= lossA; else if (u.pool[a] === Pool.Final) sf -= lossA;
    if (u.pool[last] === Pool.Marks) sm -= this.eLoss[last]; else if (u.pool[last] === Pool.Final) sf -= this.eLoss[last];
    this.shrinkMarks = sm > 0 ? sm : 0;
    this.shrinkFinal = sf > 0 ? sf : 0;
    this.shrinkGlue = this.cgs[inner] - this.cgs[a];
    this.stretchGlue = this.cgt[inner] - this.cgt[a];
    this.capped = this.cc[inner] - this.cc[a];
    this.justifiable = this.cj[inner] - this.cj[a];
  }

  /**
   * The natural width of the line a … b-1 alone, without touching the results of the last
   * `measure`: the same arithmetic in the same order, so the same number. For the push-out test,
   * which asks only this of the line one unit longer (a third of all lines measured for 690).
   */
  naturalOf(a: number, b: number): number {
    const last = b - 1;
    const inner = last > a ? last : a;
    return this.mw[b] - this.mw[a] + (a === 0 ? this.fAdj[a] : this.sAdj[a]) + this.eAdj[last] + this.cg[inner] - this.cg[a];
  }

  /**
   * How the line last measured spreads a slack of `d` pt (> 0) to reach the measure, given the
   * spacing allowed (`max`, pt): the same extra at every justifiable joint, Han–Han and
   * CJK–Latin alike, until the CJK–Latin gaps reach their ceiling (⅓ em); then the other joints
   * take the rest, up to `max`; a line looser than that (reported) spreads its excess over all
   * its joints again, so one hole does not take it all. Fills `even`, `gapExtra` and `leftover`
   * (what is left for a line with no uncapped joint, once its gaps are at their ceiling). The
   * breaker and the placement both use it, so a line is priced as it will be set.
   */
  spread(d: number, max: number): void {
    const j = this.justifiable, c = this.capped;
    this.even = 0; this.gapExtra = 0; this.leftover = 0;
    if (j + c === 0) { this.leftover = d; return; }
    // Every capped gap has the same stretch (CJK_LATIN_GAP), so one ceiling serves them all.
    const cap = c > 0 ? this.stretchGlue / c : 0;
    const e = d / (j + c);
    if (c === 0 || e <= cap) {
      this.even = j > 0 ? e : 0;
      this.gapExtra = c > 0 ? e : 0;
      return;
    }
    this.gapExtra = cap;
    if (j === 0) { this.leftover = d - this.stretchGlue; return; }
    const rest = (d - this.stretchGlue) / j;
    if (rest <= max) { this.even = rest; return; }
    const excess = (d - this.stretchGlue - j * max) / (j + c);
    this.even = max + excess;
    this.gapExtra = cap + excess;
  }

  /** Content characters on the line a … b-1. */
  charsIn(a: number, b: number): number {
    return this.chars[b] - this.chars[a];
  }
}
