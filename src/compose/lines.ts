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
  /** Prefix sums over joints 1..j: blank, its shrink and stretch, justifiable joints. */
  readonly cg: Float64Array;
  readonly cgs: Float64Array;
  readonly cgt: Float64Array;
  readonly cj: Float64Array;
  /** Width change and shrink lost when a unit starts a line (s), starts the first line (f), ends a line (e). */
  readonly sAdj: Float64Array;
  readonly sLoss: Float64Array;
  readonly fAdj: Float64Array;
  readonly fLoss: Float64Array;
  readonly eAdj: Float64Array;
  readonly eLoss: Float64Array;

  // Results of the last `measure` call (kept in fields to avoid allocating per candidate).
  natural = 0;
  shrinkMarks = 0;
  shrinkGlue = 0;
  shrinkFinal = 0;
  stretchGlue = 0;
  justifiable = 0;

  constructor(readonly u: Units, just: ArrayLike<number>, opt: LineOptions, al: Alloc) {
    const n = u.n;
    this.n = n;
    this.mw = al.f64(n + 1);
    this.sMarks = al.f64(n + 1);
    this.sFinal = al.f64(n + 1);
    this.chars = al.f64(n + 1);
    for (let k = 0; k < n; k++) {
      this.mw[k + 1] = this.mw[k] + u.cell[k] - u.trimL[k] - u.trimR[k];
      this.sMarks[k + 1] = this.sMarks[k] + (u.pool[k] === Pool.Marks ? u.shrink[k] : 0);
      this.sFinal[k + 1] = this.sFinal[k] + (u.pool[k] === Pool.Final ? u.shrink[k] : 0);
      this.chars[k + 1] = this.chars[k] + u.chars[k];
    }
    this.cg = al.f64(n + 1);
    this.cgs = al.f64(n + 1);
    this.cgt = al.f64(n + 1);
    this.cj = al.f64(n + 1);
    for (let j = 1; j <= n; j++) {
      this.cg[j] = this.cg[j - 1] + u.glue[j];
      this.cgs[j] = this.cgs[j - 1] + u.glueShrink[j];
      this.cgt[j] = this.cgt[j - 1] + u.glueStretch[j];
      this.cj[j] = this.cj[j - 1] + (j < n ? just[j] : 0);
    }
    this.sAdj = al.f64(n);
    this.sLoss = al.f64(n);
    this.fAdj = al.f64(n);
    this.fLoss = al.f64(n);
    this.eAdj = al.f64(n);
    this.eLoss = al.f64(n);
    for (let k = 0; k < n; k++) {
      // The blank an edge trims is no longer there to be compressed mid-line.
      const startEdge = (trim: boolean, adj: Float64Array, loss: Float64Array) => {
        if (u.opening[k] && trim) {
          adj[k] = u.trimL[k] - u.blankL[k];
          loss[k] = Math.min(u.shrink[k], u.blankL[k] - u.trimL[k]);
        } else {
          adj[k] = u.trimL[k];
        }
      };
      startEdge(opt.trimStart, this.sAdj, this.sLoss);
      startEdge(opt.trimAfterIndent, this.fAdj, this.fLoss);
      if (u.blankR[k] > 0) {
        this.eAdj[k] = u.trimR[k] - u.blankR[k];
        this.eLoss[k] = Math.min(u.shrink[k], u.blankR[k] - u.trimR[k]);
      } else {
        this.eAdj[k] = u.trimR[k];
      }
    }
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
    this.justifiable = this.cj[inner] - this.cj[a];
  }

  /** Content characters on the line a … b-1. */
  charsIn(a: number, b: number): number {
    return this.chars[b] - this.chars[a];
  }
}
