/**
 * The line breaker's dynamic programme (./breaks.ts) as WebAssembly, compiled from this file by
 * AssemblyScript at build time (`npm run build`, scripts/build-wasm.mjs) — not by tsc.
 *
 * Why: a cold build of a bulletin prices some hundred thousand candidate lines once each. In a
 * fresh process V8 runs that JavaScript in its interpreter, where every intermediate double is a
 * heap object: pricing 690's lines allocated some 65 MB and took 50–70 ms, against under 10 ms
 * once optimised. WebAssembly is compiled before its first call and keeps doubles in registers.
 *
 * It must give exactly what breaks.ts gives (the same ends, the same costs to the last bit):
 * every sum is written in the same order as there, with the same IEEE operations, so a change
 * to one must be made to the other (test/compose/breaks-wasm.test.ts compares them on random
 * paragraphs). The costs arrive from breaks.ts's COST table through setCosts; x ** 2 (a
 * letter-spaced line) is squared as the host squares it (pow2 below).
 *
 * Memory: the caller (./breaks-wasm.ts) copies a LineMetrics' prefix sums and the paragraph's
 * break levels in at the offsets it gave to setInputs; each search takes its scratch after them,
 * growing the memory when it must (the caller makes new views after every call).
 */

/**
 * x ** 2 as the host computes it: V8's ** is fdlibm's pow, which squares a number raised to
 * exactly 2 as x * x, one rounding; so is this. (An imported function would have the engine
 * compile a wrapper to call out of the module, some milliseconds of a cold start.)
 */
function pow2(x: f64): f64 {
  return x * x;
}

// COST (breaks.ts), set once by setCosts.
let SHRINK_PER_EM: f64 = 0, SHRINK_RATIO: f64 = 0, PUSH_OUT: f64 = 0, LOOSE_EM: f64 = 0, LOOSE_SHARE: f64 = 0;
let SPACING: f64 = 0, SPACING_REF_EM: f64 = 0, TOKEN_SPREAD: f64 = 0, TOKEN_SPREAD_SHARE: f64 = 0, MAX_BADNESS: f64 = 0;
let DISCOURAGED: f64 = 0, EMERGENCY: f64 = 0, ORPHAN: f64 = 0, LOOSE: f64 = 0, LOOSE_SCALE: f64 = 0, FORCE: f64 = 0;
let OVERFULL: f64 = 0, LINE: f64 = 0, BALANCE: f64 = 0, RAGGED: f64 = 0, EPS: f64 = 0;
// Brk levels (text/segment.ts).
let BRK_NORMAL: i32 = 0, BRK_DISCOURAGED: i32 = 0, BRK_EMERGENCY: i32 = 0;

export function setCosts(
  shrinkPerEm: f64, shrinkRatio: f64, pushOut: f64, looseEm: f64, looseShare: f64,
  spacing: f64, spacingRefEm: f64, tokenSpread: f64, tokenSpreadShare: f64, maxBadness: f64,
  discouraged: f64, emergency: f64, orphan: f64, loose: f64, looseScale: f64, force: f64,
  overfull: f64, line: f64, balance: f64, ragged: f64, eps: f64,
  brkNormal: i32, brkDiscouraged: i32, brkEmergency: i32,
): void {
  SHRINK_PER_EM = shrinkPerEm; SHRINK_RATIO = shrinkRatio; PUSH_OUT = pushOut; LOOSE_EM = looseEm; LOOSE_SHARE = looseShare;
  SPACING = spacing; SPACING_REF_EM = spacingRefEm; TOKEN_SPREAD = tokenSpread; TOKEN_SPREAD_SHARE = tokenSpreadShare; MAX_BADNESS = maxBadness;
  DISCOURAGED = discouraged; EMERGENCY = emergency; ORPHAN = orphan; LOOSE = loose; LOOSE_SCALE = looseScale; FORCE = force;
  OVERFULL = overfull; LINE = line; BALANCE = balance; RAGGED = ragged; EPS = eps;
  BRK_NORMAL = brkNormal; BRK_DISCOURAGED = brkDiscouraged; BRK_EMERGENCY = brkEmergency;
}

export function heapBase(): usize {
  return __heap_base;
}

// ---- Inputs: a LineMetrics (n units; f64 arrays of n + 1, pool of n bytes) and the break levels.
let N: i32 = 0;
let MW: usize = 0, SMARKS: usize = 0, SFINAL: usize = 0, CHARS: usize = 0;
let CG: usize = 0, CGS: usize = 0, CGT: usize = 0, CC: usize = 0, CJ: usize = 0;
let SADJ: usize = 0, SLOSS: usize = 0, FADJ: usize = 0, FLOSS: usize = 0, EADJ: usize = 0, ELOSS: usize = 0;
let POOL: usize = 0, BRK: usize = 0, QUALITY: usize = 0;
let HAS_QUALITY: bool = false;
let NARROWING: bool = false;
let MAX_START_ADJ: f64 = 0;
/** First byte after the inputs: every search's scratch starts here. */
let INPUTS_END: usize = 0;
let top: usize = 0;

/**
 * Where the inputs are, in the order the caller lays them out from `base`: fifteen f64 arrays
 * of n + 1 (mw, sMarks, sFinal, chars, cg, cgs, cgt, cc, cj, sAdj, sLoss, fAdj, fLoss, eAdj,
 * eLoss), quality (f64, n + 1, when present), then pool (n bytes) and brk (n + 1 bytes).
 * Returns the first byte after them (8-aligned); the caller grows the memory to hold them.
 */
export function setInputs(base: usize, n: i32, hasQuality: bool, narrowing: bool, maxStartAdj: f64): usize {
  N = n;
  const f = (<usize>(n + 1)) << 3;
  MW = base; SMARKS = MW + f; SFINAL = SMARKS + f; CHARS = SFINAL + f;
  CG = CHARS + f; CGS = CG + f; CGT = CGS + f; CC = CGT + f; CJ = CC + f;
  SADJ = CJ + f; SLOSS = SADJ + f; FADJ = SLOSS + f; FLOSS = FADJ + f; EADJ = FLOSS + f; ELOSS = EADJ + f;
  let p = ELOSS + f;
  HAS_QUALITY = hasQuality;
  QUALITY = p;
  if (hasQuality) p += f;
  POOL = p;
  BRK = POOL + <usize>n;
  INPUTS_END = (BRK + <usize>(n + 1) + 7) & ~(<usize>7);
  NARROWING = narrowing;
  MAX_START_ADJ = maxStartAdj;
  top = INPUTS_END;
  return INPUTS_END;
}

@inline function f64At(p: usize, i: i32): f64 {
  return load<f64>(p + ((<usize>i) << 3));
}
@inline function i32At(p: usize, i: i32): i32 {
  return load<i32>(p + ((<usize>i) << 2));
}
@inline function setF64(p: usize, i: i32, v: f64): void {
  store<f64>(p + ((<usize>i) << 3), v);
}
@inline function setI32(p: usize, i: i32, v: i32): void {
  store<i32>(p + ((<usize>i) << 2), v);
}

/** `bytes` of scratch (8-aligned), the memory grown to hold them. */
function take(bytes: usize): usize {
  const at = (top + 7) & ~(<usize>7);
  top = at + bytes;
  const have = (<usize>memory.size()) << 16;
  if (top > have) {
    const pages = <i32>((top - have + 0xffff) >> 16);
    if (memory.grow(pages) < 0) unreachable();
  }
  return at;
}

// ---- LineMetrics.measure / naturalOf / spread / charsIn (lines.ts), results in globals.
let natural: f64 = 0, shrinkMarks: f64 = 0, shrinkGlue: f64 = 0, shrinkFinal: f64 = 0;
let stretchGlue: f64 = 0, capped: f64 = 0, justifiable: f64 = 0;
let even: f64 = 0, gapExtra: f64 = 0, leftover: f64 = 0;

const POOL_MARKS: u8 = 1;
const POOL_FINAL: u8 = 2;

function measure(a: i32, b: i32): void {
  const first = a == 0;
  const last = b - 1;
  const inner = last > a ? last : a;
  natural = f64At(MW, b) - f64At(MW, a) + (first ? f64At(FADJ, a) : f64At(SADJ, a)) + f64At(EADJ, last) + f64At(CG, inner) - f64At(CG, a);
  let sm = f64At(SMARKS, b) - f64At(SMARKS, a);
  let sf = f64At(SFINAL, b) - f64At(SFINAL, a);
  const lossA = first ? f64At(FLOSS, a) : f64At(SLOSS, a);
  const poolA = load<u8>(POOL + <usize>a);
  if (poolA == POOL_MARKS) sm -= lossA; else if (poolA == POOL_FINAL) sf -= lossA;
  const poolL = load<u8>(POOL + <usize>last);
  if (poolL == POOL_MARKS) sm -= f64At(ELOSS, last); else if (poolL == POOL_FINAL) sf -= f64At(ELOSS, last);
  shrinkMarks = sm > 0 ? sm : 0;
  shrinkFinal = sf > 0 ? sf : 0;
  shrinkGlue = f64At(CGS, inner) - f64At(CGS, a);
  stretchGlue = f64At(CGT, inner) - f64At(CGT, a);
  capped = f64At(CC, inner) - f64At(CC, a);
  justifiable = f64At(CJ, inner) - f64At(CJ, a);
}

function naturalOf(a: i32, b: i32): f64 {
  const last = b - 1;
  const inner = last > a ? last : a;
  return f64At(MW, b) - f64At(MW, a) + (a == 0 ? f64At(FADJ, a) : f64At(SADJ, a)) + f64At(EADJ, last) + f64At(CG, inner) - f64At(CG, a);
}

function spread(d: f64, max: f64): void {
  const j = justifiable, c = capped;
  even = 0; gapExtra = 0; leftover = 0;
  if (j + c == 0) { leftover = d; return; }
  const cap = c > 0 ? stretchGlue / c : 0;
  const e = d / (j + c);
  if (c == 0 || e <= cap) {
    even = j > 0 ? e : 0;
    gapExtra = c > 0 ? e : 0;
    return;
  }
  gapExtra = cap;
  if (j == 0) { leftover = d - stretchGlue; return; }
  const rest = (d - stretchGlue) / j;
  if (rest <= max) { even = rest; return; }
  const excess = (d - stretchGlue - j * max) / (j + c);
  even = max + excess;
  gapExtra = cap + excess;
}

@inline function charsIn(a: i32, b: i32): f64 {
  return f64At(CHARS, b) - f64At(CHARS, a);
}

// ---- The search (breaks.ts). Modes: 0 justify, 1 ragged, 2 balance.
const JUSTIFY = 0;
const RAGGED_MODE = 1;
const BALANCE_MODE = 2;
let MODE: i32 = 0;
let MEASURE: f64 = 0, INDENT: f64 = 0, SIZE: f64 = 0, MAX_SPACING: f64 = 0;

export function setParams(mode: i32, measureWidth: f64, indent: f64, size: f64, maxSpacing: f64): void {
  MODE = mode; MEASURE = measureWidth; INDENT = indent; SIZE = size; MAX_SPACING = maxSpacing;
}

const PRICE_SKIP: f64 = -1;
const PRICE_STOP: f64 = -2;
const PRICE_UNKNOWN: f64 = -3;

function penalty(level: i32): f64 {
  if (level == BRK_NORMAL) return 0;
  if (level == BRK_DISCOURAGED) return DISCOURAGED;
  if (level == BRK_EMERGENCY) return EMERGENCY;
  return FORCE;
}

@inline function breakPenalty(b: i32): f64 {
  return penalty(<i32>load<u8>(BRK + <usize>b)) + (HAS_QUALITY ? f64At(QUALITY, b) : 0);
}

// Candidate joints of the last search.
let CAND: usize = 0;
let M: i32 = 0;

function candidates(minLevel: i32): void {
  const n = N;
  CAND = take((<usize>(n + 1)) << 2);
  let m = 0;
  setI32(CAND, m++, 0);
  for (let j = 1; j < n; j++) if (<i32>load<u8>(BRK + <usize>j) >= minLevel) setI32(CAND, m++, j);
  setI32(CAND, m++, n);
  M = m;
}

function firstFitting(lo: i32, jb: i32): i32 {
  const b = i32At(CAND, jb);
  while (lo < jb - 1) {
    const a = i32At(CAND, lo);
    measure(a, b);
    const avail = a == 0 ? MEASURE - INDENT : MEASURE;
    if (natural - avail <= shrinkMarks + shrinkGlue + shrinkFinal + EPS) break;
    lo++;
  }
  return lo;
}

function tooShortBy(): f64 {
  return Math.max(LOOSE_EM * SIZE, LOOSE_SHARE * MEASURE);
}

function tooShortPrice(a: i32, avail: f64, nat: f64, tooShort: f64): f64 {
  const widest = nat - (a == 0 ? f64At(FADJ, 0) : f64At(SADJ, a)) + MAX_START_ADJ;
  return NARROWING && avail - widest > tooShort ? PRICE_STOP : PRICE_SKIP;
}

function asLoose(cost: f64): f64 {
  return LOOSE + (1 + LOOSE_SCALE) * cost;
}

function orphan(a: i32, b: i32, isLast: bool, total: f64): f64 {
  if (!isLast || a == 0) return 0;
  return charsIn(a, b) <= 1 && total > 1 ? ORPHAN : 0;
}

function lineCost(a: i32, b: i32, over: f64, shrinkAll: f64, isLast: bool, em: f64, maxSpacing: f64): f64 {
  let bad: f64 = 0;
  let loose = false;
  if (over > EPS) {
    // shrinkAll || 1: zero and NaN read as 1.
    const r = over / (shrinkAll != 0 && shrinkAll == shrinkAll ? shrinkAll : 1);
    bad = SHRINK_PER_EM * (over / em) + SHRINK_RATIO * r * r * r;
  } else if (MODE == BALANCE_MODE) {
    const s = -over / MEASURE;
    return LINE + BALANCE * s * s;
  } else if (MODE == RAGGED_MODE) {
    if (isLast) return LINE;
    const s = -over / MEASURE;
    return LINE + (HAS_QUALITY ? BALANCE * s * s : RAGGED * s);
  } else {
    const d = -over;
    const others = <f64>(b - 1 - a) - capped;
    if (isLast || d <= EPS) bad = 0;
    else {
      spread(d, maxSpacing);
      if (leftover <= EPS) {
        const sp = justifiable > 0 ? even : gapExtra;
        const e = sp / em / SPACING_REF_EM;
        bad = SPACING * e * e * e;
        loose = even > maxSpacing + EPS;
        const avail = MEASURE - (a == 0 ? INDENT : 0);
        if (naturalOf(a, b + 1) <= avail + EPS) bad += PUSH_OUT;
      } else if (others > 0 && leftover / others <= maxSpacing * TOKEN_SPREAD_SHARE + EPS) {
        const e = leftover / others / em / SPACING_REF_EM;
        bad = SPACING * e * e * e * TOKEN_SPREAD;
      } else if (others == 0 && capped > 0) {
        const e = (maxSpacing + leftover / capped) / em / SPACING_REF_EM;
        bad = SPACING * e * e * e * TOKEN_SPREAD;
        loose = true;
      } else {
        return asLoose(pow2(1 + MAX_BADNESS + d / em));
      }
    }
  }
  if (bad > MAX_BADNESS) bad = MAX_BADNESS;
  const base = (1 + bad) * (1 + bad);
  if (loose) return asLoose(base);
  return MODE == JUSTIFY ? base : base + LINE;
}

// Results of the last search: the ends (ENDS, ENDS_COUNT) and, when kept, the prices.
let ENDS: usize = 0;
let ENDS_COUNT: i32 = 0;
let P_FROM: usize = 0, P_TO: usize = 0, P_AT: usize = 0, P_COST: usize = 0;
let P_KEPT: i32 = 0;
let P_CAP: i32 = 0;

export function endsPtr(): usize { return ENDS; }
export function endsCount(): i32 { return ENDS_COUNT; }
export function candidateCount(): i32 { return M; }
export function pricesFrom(): usize { return P_FROM; }
export function pricesTo(): usize { return P_TO; }
export function pricesAt(): usize { return P_AT; }
export function pricesCost(): usize { return P_COST; }
export function pricesKept(): i32 { return P_KEPT; }

/** breaks.ts chooseBreaks: returns the cost; the ends and (keep) the prices in the globals above. */
export function chooseBreaks(minLevel: i32, keep: bool): f64 {
  top = INPUTS_END;
  const n = N;
  ENDS_COUNT = 0;
  if (n == 0) return 0;
  candidates(minLevel);
  const m = M;
  const best = take((<usize>m) << 3);
  const prev = take((<usize>m) << 2);
  for (let i = 0; i < m; i++) { setF64(best, i, Infinity); setI32(prev, i, -1); }
  setF64(best, 0, 0);
  const em = SIZE;
  const maxSpacing = MAX_SPACING;
  const totalChars = charsIn(0, n);
  const tooShort = tooShortBy();
  const loose = MODE == JUSTIFY ? tooShort : Infinity;
  if (keep) {
    P_FROM = take((<usize>m) << 2);
    P_TO = take((<usize>m) << 2);
    P_AT = take((<usize>m) << 2);
    P_CAP = m * 12 > 16 ? m * 12 : 16;
    P_COST = take((<usize>P_CAP) << 3);
    // Candidate 0 ends no line: zero, as in breaks.ts's zeroed arrays.
    setI32(P_FROM, 0, 0); setI32(P_TO, 0, 0); setI32(P_AT, 0, 0);
  }
  let kept = 0;
  let lo = 0;
  for (let jb = 1; jb < m; jb++) {
    const b = i32At(CAND, jb);
    const isLast = b == n;
    const pen = isLast ? 0 : breakPenalty(b);
    lo = firstFitting(lo, jb);
    if (keep) {
      setI32(P_FROM, jb, lo);
      setI32(P_AT, jb, kept);
    }
    let found = false;
    let ja = lo;
    for (; ja < jb; ja++) {
      const a = i32At(CAND, ja);
      measure(a, b);
      const avail = a == 0 ? MEASURE - INDENT : MEASURE;
      const nat = natural;
      if (found && !isLast && nat < avail - loose) break;
      const shrinkAll = shrinkMarks + shrinkGlue + shrinkFinal;
      const over = nat - avail;
      const overfull = over > shrinkAll + EPS;
      let price = PRICE_UNKNOWN;
      if (keep) price = overfull ? PRICE_SKIP : !isLast && -over > tooShort ? tooShortPrice(a, avail, nat, tooShort) : PRICE_UNKNOWN;
      const from = f64At(best, ja);
      if (from < Infinity) {
        const c = overfull ? OVERFULL * (1 + (over - shrinkAll) / em) : lineCost(a, b, over, shrinkAll, isLast, em, maxSpacing);
        const o = orphan(a, b, isLast, totalChars);
        const total = from + c + pen + o;
        if (total < f64At(best, jb)) { setF64(best, jb, total); setI32(prev, jb, ja); }
        if (!overfull) found = true;
        if (keep && price == PRICE_UNKNOWN) price = c + pen + o;
      }
      if (keep) {
        if (kept == P_CAP) {
          // Grown as breaks.ts grows it (the scratch after it is free: nothing was taken since).
          const grownTo = take((<usize>(kept * 2)) << 3);
          memory.copy(grownTo, P_COST, (<usize>kept) << 3);
          P_COST = grownTo;
          P_CAP = kept * 2;
        }
        setF64(P_COST, kept++, price);
      }
    }
    if (keep) setI32(P_TO, jb, ja);
  }
  P_KEPT = keep ? kept : 0;
  writeEnds(prev, m, 1, 0, 0);
  return f64At(best, m - 1);
}

/**
 * The ends, by following `prev` back from the last candidate. `prev` has K cells per candidate,
 * one per line count: the walk starts at count `lines` and takes one line off per step
 * (chooseBreaks: K = 1 and one count, 0, throughout: `perLine` 0).
 */
function writeEnds(prev: usize, m: i32, K: i32, lines: i32, perLine: i32): void {
  let count = 0;
  for (let j = m - 1, c = lines; j > 0; j = i32At(prev, j * K + c), c -= perLine) count++;
  ENDS = take((<usize>max(count, 1)) << 2);
  let k = count;
  for (let j = m - 1, c = lines; j > 0; j = i32At(prev, j * K + c), c -= perLine) setI32(ENDS, --k, i32At(CAND, j));
  ENDS_COUNT = count;
}

// Prices of an earlier search over the same candidates, copied in by the caller.
let K_FROM: usize = 0, K_TO: usize = 0, K_AT: usize = 0, K_COST: usize = 0;
let K_M: i32 = -1;

/**
 * Room for the prices of an earlier chooseBreaks over `m` candidates (`kept` costs): the caller
 * writes them at knownFrom()…knownCost() before calling chooseBreaksInLines. m = -1: none.
 */
export function reserveKnown(m: i32, kept: i32): void {
  top = INPUTS_END;
  K_M = m;
  if (m < 0) return;
  K_FROM = take((<usize>m) << 2);
  K_TO = take((<usize>m) << 2);
  K_AT = take((<usize>m) << 2);
  K_COST = take((<usize>max(kept, 1)) << 3);
}
export function knownFrom(): usize { return K_FROM; }
export function knownTo(): usize { return K_TO; }
export function knownAt(): usize { return K_AT; }
export function knownCost(): usize { return K_COST; }

/** breaks.ts chooseBreaksInLines, after reserveKnown: returns the cost (Infinity: none), the ends in the globals. */
export function chooseBreaksInLines(minLevel: i32, lines: i32, below: f64, maxCells: i32): f64 {
  const n = N;
  ENDS_COUNT = 0;
  if (n == 0 || lines < 1) return Infinity;
  candidates(minLevel);
  const m = M;
  const known = K_M == m;
  const K = lines + 1;
  if (<f64>m * <f64>K > <f64>maxCells) return Infinity;
  const cells = m * K;
  const best = take((<usize>cells) << 3);
  const prev = take((<usize>cells) << 2);
  const kLo = take((<usize>m) << 2);
  const kHi = take((<usize>m) << 2);
  for (let i = 0; i < cells; i++) { setF64(best, i, Infinity); setI32(prev, i, -1); }
  for (let i = 0; i < m; i++) { setI32(kLo, i, K); setI32(kHi, i, -1); }
  setF64(best, 0, 0);
  setI32(kLo, 0, 0);
  setI32(kHi, 0, 0);
  const em = SIZE;
  const maxSpacing = MAX_SPACING;
  const totalChars = charsIn(0, n);
  const tooShort = tooShortBy();
  let lo = 0;
  for (let jb = 1; jb < m; jb++) {
    const b = i32At(CAND, jb);
    const isLast = b == n;
    const pen = isLast ? 0 : breakPenalty(b);
    lo = known ? i32At(K_FROM, jb) : firstFitting(lo, jb);
    for (let ja = lo; ja < jb; ja++) {
      if (i32At(kHi, ja) < 0 || i32At(kLo, ja) >= lines) continue;
      let c = known && ja < i32At(K_TO, jb) ? f64At(K_COST, i32At(K_AT, jb) + ja - lo) : PRICE_UNKNOWN;
      if (c == PRICE_STOP) break;
      if (c == PRICE_SKIP) continue;
      if (c == PRICE_UNKNOWN) {
        const a = i32At(CAND, ja);
        measure(a, b);
        const avail = a == 0 ? MEASURE - INDENT : MEASURE;
        const shrinkAll = shrinkMarks + shrinkGlue + shrinkFinal;
        const over = natural - avail;
        if (over > shrinkAll + EPS) continue;
        if (!isLast && -over > tooShort) {
          if (tooShortPrice(a, avail, natural, tooShort) == PRICE_STOP) break;
          continue;
        }
        c = lineCost(a, b, over, shrinkAll, isLast, em, maxSpacing) + pen + orphan(a, b, isLast, totalChars);
      }
      const hi = i32At(kHi, ja);
      const topK = hi < lines - 1 ? hi : lines - 1;
      if (c >= below) continue;
      for (let k = i32At(kLo, ja); k <= topK; k++) {
        const from = f64At(best, ja * K + k);
        if (from == Infinity || from + c >= below) continue;
        const at = jb * K + k + 1;
        if (from + c < f64At(best, at)) {
          setF64(best, at, from + c);
          setI32(prev, at, ja);
          if (k + 1 < i32At(kLo, jb)) setI32(kLo, jb, k + 1);
          if (k + 1 > i32At(kHi, jb)) setI32(kHi, jb, k + 1);
        }
      }
    }
  }
  const cost = f64At(best, (m - 1) * K + lines);
  if (cost == Infinity) return cost;
  writeEnds(prev, m, K, lines, 1);
  return cost;
}
