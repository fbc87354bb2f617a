/**
 * Chooses the line breaks of a paragraph as a whole (total-fit, in the manner of Knuth–Plass
 * and Typst's optimized breaker): dynamic programming over the break opportunities, each
 * candidate line priced by how much it must shrink (punctuation compressed — 挤进) or stretch
 * (the even spacing it takes — 推出 when a character had to move down), plus penalties for bad
 * break kinds and a 孤字 last line. A justified line spaced looser than the allowed maximum is
 * priced above breaking a URL, so a URL is broken after / or . rather than leave a gappy line.
 * Lookback is bounded by the line width, so the work is linear in the paragraph length.
 */
import { Brk } from '../text/segment.js';
import { type Alloc, grown } from '../text/alloc.js';
import type { LineMetrics } from './lines.js';

export type BreakMode = 'justify' | 'ragged' | 'balance';

export interface BreakParams {
  mode: BreakMode;
  measure: number;
  /** First-line indent, pt. */
  indent: number;
  size: number;
  /** Per joint: Brk level. */
  brk: ArrayLike<number>;
  /** Per joint: extra cost of breaking there (0 at natural places), for breaks by sense. */
  quality?: Float64Array;
  /**
   * Justify mode: the largest even spacing per joint, pt, before a line counts as loose
   * (COST.LOOSE). Default ½ em of `size`.
   */
  maxSpacing?: number;
}

/** Named costs. A line costs (1 + badness)², plus the penalties. */
export const COST = {
  /**
   * Per em of punctuation compressed to fit, plus × (share of the line's shrink used)³. Push-in
   * is cheap but not free, and always cheaper than a push-out (先挤进，后推出, clreq).
   */
  SHRINK_PER_EM: 4,
  SHRINK_RATIO: 6,
  /** A line that ends early although its next unit would have fitted (推出, e.g. to obey kinsoku). */
  PUSH_OUT: 20,
  /** Justified lines shorter than the measure by more than max(LOOSE_EM em, LOOSE_SHARE × measure) are only priced when nothing better exists. */
  LOOSE_EM: 6,
  LOOSE_SHARE: 0.3,
  /** × (extra per joint / 0.15 em)³. */
  SPACING: 100,
  SPACING_REF_EM: 0.15,
  /**
   * A justified line of several units with no justifiable joint (a URL cut at its break points)
   * is spread over all its joints: up to this share of the allowed maximum it costs × TOKEN_SPREAD
   * the same even spacing between Han; beyond it, as much as a line that cannot be justified.
   */
  TOKEN_SPREAD: 4,
  TOKEN_SPREAD_SHARE: 0.25,
  /** A badness ceiling, so that penalties below stay in charge. */
  MAX_BADNESS: 1e6,
  /** A 2-em mark (破折号/省略号) at a line start: allowed in GB style, avoided. */
  DISCOURAGED: 2e5,
  /**
   * Running text: a break between a number and its unit or measure word (14|个, 220|千伏), as
   * 方正's 数字与单位不分离 — worth a push-out and a little spacing (up to about 0.08 em on
   * the line) to avoid, not a loose line.
   */
  NUMBER_UNIT: 300,
  /** A last line holding one character (孤字, clreq #adjustments_of_orphans_and_widows). */
  ORPHAN: 1e7,
  /** Breaking a URL or long token after / . - */
  EMERGENCY: 1e10,
  /**
   * A justified line whose even spacing exceeds the maximum (typography.md §8 item 23) costs
   * LOOSE + LOOSE_SCALE × its own cost. A reader minds a gappy line more than a URL broken after
   * / or ., so the step alone exceeds EMERGENCY; the scaled cost keeps layouts that cannot avoid
   * looseness ranked as before (two lines at 0.7 em beat one at 1.1 em), and at most
   * LOOSE_SCALE × MAX_BADNESS² it stays below FORCE: a gappy line still beats a line-start mark
   * or a split word.
   */
  LOOSE: 2e10,
  LOOSE_SCALE: 100,
  /** Breaking a kinsoku rule or a word: only when nothing else fits. */
  FORCE: 1e15,
  /** A line wider than the measure even fully compressed. */
  OVERFULL: 1e18,
  /** Balance and ragged modes: each line (keeps the line count minimal). */
  LINE: 1e6,
  /** Balance mode: × (slack / measure)². */
  BALANCE: 1e4,
  /**
   * Ragged mode: × slack / measure on all lines but the last (fill lines first); lines broken by
   * sense pay BALANCE × (slack / measure)² instead.
   */
  RAGGED: 100,
} as const;

/** Tolerance of the width comparisons, pt. */
export const EPS = 1e-6;
/** Default of BreakParams.maxSpacing, em, for a caller without a theme (a theme sets body.maxSpacing). */
export const DEFAULT_MAX_SPACING_EM = 0.5;

export interface BreakResult {
  /** Joints where lines end, increasing, the last one = n. */
  ends: number[];
  /** Sum of line costs (≥ COST.FORCE when a rule had to be broken). */
  cost: number;
  /** The lines chooseBreaks priced, when asked to keep them (for chooseBreaksInLines). */
  prices?: LinePrices;
}

/**
 * The price of each line chooseBreaks looked at, kept for the search in line counts over the
 * same joints, which looks at the same lines: for each end candidate `jb`, the start candidates
 * from `from[jb]` (the first that fits) to `to[jb]` (exclusive), their prices at `at[jb]` on in
 * `cost`, as chooseBreaksInLines prices them (line, break and orphan costs, added in its order),
 * or PRICE.SKIP, PRICE.STOP, PRICE.UNKNOWN. Views of the composer's scratch memory.
 */
export interface LinePrices {
  m: number;
  from: Int32Array;
  to: Int32Array;
  at: Int32Array;
  cost: Float64Array;
}

/** Price-table entries that are not prices. */
const PRICE = {
  /** Overfull, or (not the last line) too short to gain a line with: no line of a setting by line count. */
  SKIP: -1,
  /** Too short, and every later start gives a line too short as well. */
  STOP: -2,
  /** Not priced (no setting reached its start). */
  UNKNOWN: -3,
} as const;

function penalty(level: number): number {
  switch (level) {
    case Brk.Normal: return 0;
    case Brk.Discouraged: return COST.DISCOURAGED;
    case Brk.Emergency: return COST.EMERGENCY;
    default: return COST.FORCE;
  }
}

/** The most cells chooseBreaksInLines searches (candidate joints × line counts). */
export const MAX_LINE_COUNT_CELLS = 1_000_000;

/** The joints a line may end at (level at least `minLevel`), with the paragraph's start and end. */
function candidates(lm: LineMetrics, p: BreakParams, minLevel: number, al: Alloc): { cand: Int32Array; m: number } {
  const n = lm.n;
  const cand = al.i32(n + 1);
  let m = 0;
  cand[m++] = 0;
  for (let j = 1; j < n; j++) if (p.brk[j] >= minLevel) cand[m++] = j;
  cand[m++] = n;
  return { cand, m };
}

/**
 * The first candidate start, from `lo` on, whose line to cand[jb] is not overfull: starts before
 * it give overfull lines for this end and every later one, so the searches never visit them again.
 */
function firstFitting(lm: LineMetrics, p: BreakParams, cand: Int32Array, lo: number, jb: number): number {
  const b = cand[jb];
  while (lo < jb - 1) {
    lm.measure(cand[lo], b);
    const avail = cand[lo] === 0 ? p.measure - p.indent : p.measure;
    if (lm.natural - avail <= lm.shrinkMarks + lm.shrinkGlue + lm.shrinkFinal + EPS) break;
    lo++;
  }
  return lo;
}

/**
 * Total-fit breaking over the joints whose level is at least `minLevel`. With `keep`, the
 * result carries the price of every line looked at (BreakResult.prices).
 */
export function chooseBreaks(lm: LineMetrics, p: BreakParams, minLevel: number, al: Alloc, keep = false): BreakResult {
  const n = lm.n;
  if (n === 0) return { ends: [], cost: 0 };
  const { cand, m } = candidates(lm, p, minLevel, al);
  const best = al.f64(m).fill(Infinity);
  const prev = al.i32(m).fill(-1);
  best[0] = 0;
  const em = p.size;
  const maxSpacing = p.maxSpacing ?? DEFAULT_MAX_SPACING_EM * em;
  const totalChars = lm.charsIn(0, n);
  const tooShort = tooShortBy(p);
  // Justified lines shorter than this are not worth pricing while a better candidate exists.
  const loose = p.mode === 'justify' ? tooShort : Infinity;
  let prices: LinePrices | undefined;
  if (keep) prices = { m, from: al.i32(m), to: al.i32(m), at: al.i32(m), cost: al.f64(Math.max(16, m * 12)) };
  let kept = 0;
  // Candidate starts before `lo` give overfull lines for this and every later end.
  let lo = 0;
  for (let jb = 1; jb < m; jb++) {
    const b = cand[jb];
    const isLast = b === n;
    const pen = isLast ? 0 : penalty(p.brk[b]) + (p.quality ? p.quality[b] : 0);
    lo = firstFitting(lm, p, cand, lo, jb);
    if (prices) {
      prices.from[jb] = lo;
      prices.at[jb] = kept;
    }
    let found = false;
    let ja = lo;
    for (; ja < jb; ja++) {
      const a = cand[ja];
      lm.measure(a, b);
      const avail = a === 0 ? p.measure - p.indent : p.measure;
      const natural = lm.natural;
      if (found && !isLast && natural < avail - loose) break;
      const shrinkAll = lm.shrinkMarks + lm.shrinkGlue + lm.shrinkFinal;
      const over = natural - avail;
      const overfull = over > shrinkAll + EPS;
      // As chooseBreaksInLines would price it: an overfull line or (not the last) one too short is
      // no line of its settings; another, its cost added in its order.
      let price: number = PRICE.UNKNOWN;
      if (prices) price = overfull ? PRICE.SKIP : !isLast && -over > tooShort ? tooShortPrice(lm, a, avail, natural, tooShort) : PRICE.UNKNOWN;
      if (best[ja] < Infinity) {
        const c = overfull ? COST.OVERFULL * (1 + (over - shrinkAll) / em) : lineCost(lm, p, a, b, over, shrinkAll, isLast, em, maxSpacing);
        const o = orphan(lm, a, b, isLast, totalChars);
        const total = best[ja] + c + pen + o;
        if (total < best[jb]) { best[jb] = total; prev[jb] = ja; }
        if (!overfull) found = true;
        if (prices && price === PRICE.UNKNOWN) price = c + pen + o;
      }
      if (prices) {
        if (kept === prices.cost.length) prices.cost = grown(prices.cost, kept * 2);
        prices.cost[kept++] = price;
      }
    }
    if (prices) prices.to[jb] = ja;
  }
  const ends: number[] = [];
  for (let j = m - 1; j > 0; j = prev[j]) ends.push(cand[j]);
  ends.reverse();
  return prices ? { ends, cost: best[m - 1], prices } : { ends, cost: best[m - 1] };
}

/** How much shorter than the measure a justified line may be before it counts as too short (COST.LOOSE_EM, COST.LOOSE_SHARE). */
function tooShortBy(p: BreakParams): number {
  return Math.max(COST.LOOSE_EM * p.size, COST.LOOSE_SHARE * p.measure);
}

/**
 * A line too short to gain a line with: whether every later start gives one too short as well
 * (lines narrow as their start moves right, widening by no more than a line start adds back,
 * with at least as much room), so that the search by line count can stop there.
 */
function tooShortPrice(lm: LineMetrics, a: number, avail: number, natural: number, tooShort: number): number {
  const widest = natural - (a === 0 ? lm.fAdj[0] : lm.sAdj[a]) + lm.maxStartAdj;
  return lm.narrowing && avail - widest > tooShort ? PRICE.STOP : PRICE.SKIP;
}

/**
 * Total-fit breaking into exactly `lines` lines (TeX's \looseness): the same prices, with the
 * line count as a second dimension of the search, so a paragraph can be set one line shorter
 * (punctuation compressed further) or longer (lines spaced out, within the maximum) for a page
 * that would otherwise end short. Only settings costing less than `below` are searched (every
 * price is ≥ 0, so no part of one costs more): `cost` is Infinity when no such setting exists.
 */
export function chooseBreaksInLines(lm: LineMetrics, p: BreakParams, minLevel: number, lines: number, al: Alloc, below = Infinity, prices?: LinePrices): BreakResult {
  const n = lm.n;
  if (n === 0 || lines < 1) return { ends: [], cost: Infinity };
  const { cand, m } = candidates(lm, p, minLevel, al);
  // Prices chooseBreaks kept over the same candidates; where it priced a line, it is not measured again.
  const known = prices && prices.m === m ? prices : undefined;
  const K = lines + 1;
  // The search keeps a cell per candidate joint and line count: a paragraph of many pages would
  // need hundreds of millions. One line more or less matters only to a paragraph a page break
  // can move, far below this; past it, no such setting is offered.
  if (m * K > MAX_LINE_COUNT_CELLS) return { ends: [], cost: Infinity };
  // best[j * K + c]: the cheapest setting of units [0, cand[j]) in c lines; only counts between
  // lo[j] and hi[j] are reachable, and only those are visited.
  const best = al.f64(m * K).fill(Infinity);
  const prev = al.i32(m * K).fill(-1);
  const kLo = al.i32(m).fill(K);
  const kHi = al.i32(m).fill(-1);
  best[0] = 0;
  kLo[0] = 0;
  kHi[0] = 0;
  const em = p.size;
  const maxSpacing = p.maxSpacing ?? DEFAULT_MAX_SPACING_EM * em;
  const totalChars = lm.charsIn(0, n);
  const tooShort = tooShortBy(p);
  let lo = 0;
  for (let jb = 1; jb < m; jb++) {
    const b = cand[jb];
    const isLast = b === n;
    const pen = isLast ? 0 : penalty(p.brk[b]) + (p.quality ? p.quality[b] : 0);
    lo = known ? known.from[jb] : firstFitting(lm, p, cand, lo, jb);
    for (let ja = lo; ja < jb; ja++) {
      if (kHi[ja] < 0 || kLo[ja] >= lines) continue;
      let c = known && ja < known.to[jb] ? known.cost[known.at[jb] + ja - lo] : PRICE.UNKNOWN;
      if (c === PRICE.STOP) break;
      if (c === PRICE.SKIP) continue;
      if (c === PRICE.UNKNOWN) {
        const a = cand[ja];
        lm.measure(a, b);
        const avail = a === 0 ? p.measure - p.indent : p.measure;
        const shrinkAll = lm.shrinkMarks + lm.shrinkGlue + lm.shrinkFinal;
        const over = lm.natural - avail;
        // A line that would have to be spaced beyond the maximum is no way to gain a line.
        if (over > shrinkAll + EPS) continue;
        if (!isLast && -over > tooShort) {
          // Every later start gives a line narrower still (or wider by no more than a line start
          // adds back), with at least as much room: all too short as well, none worth measuring.
          if (tooShortPrice(lm, a, avail, lm.natural, tooShort) === PRICE.STOP) break;
          continue;
        }
        c = lineCost(lm, p, a, b, over, shrinkAll, isLast, em, maxSpacing) + pen + orphan(lm, a, b, isLast, totalChars);
      }
      const top = Math.min(kHi[ja], lines - 1);
      if (c >= below) continue;
      for (let k = kLo[ja]; k <= top; k++) {
        const from = best[ja * K + k];
        // Settings at `below` or more are not searched: their states stay unreached, and the
        // joints only they reach are never measured from.
        if (from === Infinity || from + c >= below) continue;
        const at = jb * K + k + 1;
        if (from + c < best[at]) {
          best[at] = from + c;
          prev[at] = ja;
          if (k + 1 < kLo[jb]) kLo[jb] = k + 1;
          if (k + 1 > kHi[jb]) kHi[jb] = k + 1;
        }
      }
    }
  }
  const cost = best[(m - 1) * K + lines];
  if (cost === Infinity) return { ends: [], cost };
  const ends: number[] = [];
  for (let j = m - 1, c = lines; j > 0; j = prev[j * K + c], c--) ends.push(cand[j]);
  ends.reverse();
  return { ends, cost };
}

/** Cost of a line that fits (over ≤ its shrink): `over` > 0 must shrink, < 0 is short. */
function lineCost(lm: LineMetrics, p: BreakParams, a: number, b: number, over: number, shrinkAll: number, isLast: boolean, em: number, maxSpacing: number): number {
  let bad = 0;
  let loose = false;
  if (over > EPS) {
    const r = over / (shrinkAll || 1);
    bad = COST.SHRINK_PER_EM * (over / em) + COST.SHRINK_RATIO * r * r * r;
  } else if (p.mode === 'balance') {
    const s = -over / p.measure;
    return COST.LINE + COST.BALANCE * s * s;
  } else if (p.mode === 'ragged') {
    if (isLast) return COST.LINE;
    const s = -over / p.measure;
    // Broken by sense (a 目录 entry, a list of names): a line much shorter than the measure
    // costs as much as a weaker break that fills it, as a title's balance does.
    return COST.LINE + (p.quality ? COST.BALANCE * s * s : COST.RAGGED * s);
  } else {
    const d = -over;
    // Joints inside Latin tokens, which take nothing unless the line has no other joint.
    const others = b - 1 - a - lm.capped;
    if (isLast || d <= EPS) bad = 0;
    else if ((lm.spread(d, maxSpacing), lm.leftover <= EPS)) {
      // The spacing placeLine will set: even extra at each joint, CJK–Latin gaps up to ⅓ em.
      const spacing = lm.justifiable > 0 ? lm.even : lm.gapExtra;
      const e = spacing / em / COST.SPACING_REF_EM;
      bad = COST.SPACING * e * e * e;
      loose = lm.even > maxSpacing + EPS;
      // A push-out: the next unit would have fitted at its natural width, yet the line ends here.
      const avail = p.measure - (a === 0 ? p.indent : 0);
      if (lm.naturalOf(a, b + 1) <= avail + EPS) bad += COST.PUSH_OUT;
    } else if (others > 0 && lm.leftover / others <= maxSpacing * COST.TOKEN_SPREAD_SHARE + EPS) {
      // No joint takes even spacing, e.g. a URL cut at its break points: placeLine spreads the
      // slack over all its joints. A hair there is invisible, and better than a loose line of Han
      // before the URL; more reads as spaces inside a word and is priced as below.
      const e = lm.leftover / others / em / COST.SPACING_REF_EM;
      bad = COST.SPACING * e * e * e * COST.TOKEN_SPREAD;
    } else if (others === 0 && lm.capped > 0) {
      // Only CJK–Latin gaps (在5G和AI的): they open past ⅓ em, and the line counts as loose;
      // a hole beside a number is worse than the same spacing between Han.
      const e = (maxSpacing + lm.leftover / lm.capped) / em / COST.SPACING_REF_EM;
      bad = COST.SPACING * e * e * e * COST.TOKEN_SPREAD;
      loose = true;
    } else {
      // Nothing to stretch evenly: the line is letter-spaced or stays short. Worse than any line
      // that can be justified, a loose one included (else a lone character would beat it).
      return asLoose((1 + COST.MAX_BADNESS + d / em) ** 2);
    }
  }
  if (bad > COST.MAX_BADNESS) bad = COST.MAX_BADNESS;
  const base = (1 + bad) * (1 + bad);
  if (loose) return asLoose(base);
  return p.mode === 'justify' ? base : base + COST.LINE;
}

/** The cost of a justified line spaced looser than allowed, from its cost as a plain line. */
function asLoose(cost: number): number {
  return COST.LOOSE + (1 + COST.LOOSE_SCALE) * cost;
}

function orphan(lm: LineMetrics, a: number, b: number, isLast: boolean, total: number): number {
  if (!isLast || a === 0) return 0;
  return lm.charsIn(a, b) <= 1 && total > 1 ? COST.ORPHAN : 0;
}
