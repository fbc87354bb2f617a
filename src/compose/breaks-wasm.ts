/**
 * chooseBreaks and chooseBreaksInLines (./breaks.ts) run as WebAssembly (./breaks-core.as.ts,
 * compiled to breaks-core.wasm beside this module by `npm run build`): the same contract and,
 * to the last bit, the same results. The composer calls these; breaks.ts stays the reference
 * and the fallback — when the fast path `wasm-breaks` is off (src/fast-paths.ts) or the module
 * cannot be loaded, the calls go to it.
 *
 * A search needs the LineMetrics' prefix sums, the units' shrink pools and the break levels in
 * the module's memory: they are copied in (one native copy per array) when a search is asked
 * for a LineMetrics other than the one copied last, and stay for the searches after it — the
 * composer asks for up to three over the same lines (best, forced, other line counts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fast } from '../fast-paths.js';
import { Brk } from '../text/segment.js';
import type { Alloc } from '../text/alloc.js';
import * as js from './breaks.js';
import { COST, DEFAULT_MAX_SPACING_EM, EPS, MAX_LINE_COUNT_CELLS, type BreakParams, type BreakResult, type LinePrices } from './breaks.js';
import type { LineMetrics } from './lines.js';

// The part of the WebAssembly API used here: neither the ES library tsc is given nor @types/node 20 declares it.
declare global {
  namespace WebAssembly {
    class Module { constructor(bytes: Uint8Array); }
    class Instance { constructor(module: Module, imports: object); readonly exports: object; }
    class Memory { readonly buffer: ArrayBuffer; grow(pages: number): number; }
  }
}

interface Core {
  memory: WebAssembly.Memory;
  setCosts(...values: number[]): void;
  heapBase(): number;
  setInputs(base: number, n: number, hasQuality: number, narrowing: number, maxStartAdj: number): number;
  setParams(mode: number, measure: number, indent: number, size: number, maxSpacing: number): void;
  chooseBreaks(minLevel: number, keep: number): number;
  endsPtr(): number;
  endsCount(): number;
  candidateCount(): number;
  pricesFrom(): number;
  pricesTo(): number;
  pricesAt(): number;
  pricesCost(): number;
  pricesKept(): number;
  reserveKnown(m: number, kept: number): void;
  knownFrom(): number;
  knownTo(): number;
  knownAt(): number;
  knownCost(): number;
  chooseBreaksInLines(minLevel: number, lines: number, below: number, maxCells: number): number;
}

const MODE = { justify: 0, ragged: 1, balance: 2 } as const;

/** The eighteen arrays copied in, in the order setInputs lays them out. */
const PREFIX = ['mw', 'sMarks', 'sFinal', 'chars', 'cg', 'cgs', 'cgt', 'cc', 'cj'] as const;
const EDGES = ['sAdj', 'sLoss', 'fAdj', 'fLoss', 'eAdj', 'eLoss'] as const;

let core: Core | null | undefined;

/** The module, compiled and set up on first use; null when it cannot be (the calls then go to breaks.ts). */
export function breakerCore(): Core | null {
  if (core !== undefined) return core;
  core = null;
  if (!fast('wasm-breaks')) return core;
  let bytes: Buffer;
  try {
    bytes = readFileSync(fileURLToPath(new URL('./breaks-core.wasm', import.meta.url)));
  } catch {
    return core;
  }
  // The module imports nothing: a call out of it needs a wrapper the engine compiles first.
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  const c = instance.exports as unknown as Core;
  c.setCosts(
    COST.SHRINK_PER_EM, COST.SHRINK_RATIO, COST.PUSH_OUT, COST.LOOSE_EM, COST.LOOSE_SHARE,
    COST.SPACING, COST.SPACING_REF_EM, COST.TOKEN_SPREAD, COST.TOKEN_SPREAD_SHARE, COST.MAX_BADNESS,
    COST.DISCOURAGED, COST.EMERGENCY, COST.ORPHAN, COST.LOOSE, COST.LOOSE_SCALE, COST.FORCE,
    COST.OVERFULL, COST.LINE, COST.BALANCE, COST.RAGGED, EPS,
    Brk.Normal, Brk.Discouraged, Brk.Emergency,
  );
  core = c;
  return core;
}

/** What was copied in last: a search over the same lines and levels needs no copy. */
let loaded: { lm: LineMetrics; brk: ArrayLike<number>; quality: Float64Array | undefined } | undefined;

function ensureMemory(c: Core, bytes: number): void {
  const have = c.memory.buffer.byteLength;
  if (bytes > have) c.memory.grow(Math.ceil((bytes - have) / 65536));
}

function load(c: Core, lm: LineMetrics, p: BreakParams): void {
  if (loaded && loaded.lm === lm && loaded.brk === p.brk && loaded.quality === p.quality) return;
  const n = lm.n;
  const base = (c.heapBase() + 7) & ~7;
  const end = c.setInputs(base, n, p.quality ? 1 : 0, lm.narrowing ? 1 : 0, lm.maxStartAdj);
  ensureMemory(c, end);
  const buf = c.memory.buffer;
  const f64 = new Float64Array(buf);
  let at = base / 8;
  for (const name of PREFIX) {
    f64.set(lm[name].subarray(0, n + 1), at);
    at += n + 1;
  }
  for (const name of EDGES) {
    f64.set(lm[name].subarray(0, n), at);
    at += n + 1;
  }
  if (p.quality) {
    f64.set(p.quality.subarray(0, n + 1), at);
    at += n + 1;
  }
  const bytes = new Uint8Array(buf);
  bytes.set(lm.u.pool.subarray(0, n), at * 8);
  const brkAt = at * 8 + n;
  if (p.brk instanceof Uint8Array) bytes.set(p.brk.subarray(0, n + 1), brkAt);
  else for (let j = 0; j <= n; j++) bytes[brkAt + j] = p.brk[j];
  loaded = { lm, brk: p.brk, quality: p.quality };
}

function setParams(c: Core, p: BreakParams): void {
  c.setParams(MODE[p.mode], p.measure, p.indent, p.size, p.maxSpacing ?? DEFAULT_MAX_SPACING_EM * p.size);
}

function ends(c: Core): number[] {
  return Array.from(new Int32Array(c.memory.buffer, c.endsPtr(), c.endsCount()));
}

/** breaks.ts chooseBreaks, as WebAssembly when it can be. */
export function chooseBreaks(lm: LineMetrics, p: BreakParams, minLevel: number, al: Alloc, keep = false): BreakResult {
  const c = breakerCore();
  if (!c || lm.n === 0) return js.chooseBreaks(lm, p, minLevel, al, keep);
  load(c, lm, p);
  setParams(c, p);
  const cost = c.chooseBreaks(minLevel, keep ? 1 : 0);
  const result: BreakResult = { ends: ends(c), cost };
  if (keep) {
    const m = c.candidateCount();
    const kept = c.pricesKept();
    const buf = c.memory.buffer;
    const prices: LinePrices = { m, from: al.i32(m), to: al.i32(m), at: al.i32(m), cost: al.f64(Math.max(1, kept)) };
    prices.from.set(new Int32Array(buf, c.pricesFrom(), m));
    prices.to.set(new Int32Array(buf, c.pricesTo(), m));
    prices.at.set(new Int32Array(buf, c.pricesAt(), m));
    prices.cost.set(new Float64Array(buf, c.pricesCost(), kept));
    result.prices = prices;
  }
  return result;
}

/** breaks.ts chooseBreaksInLines, as WebAssembly when it can be. */
export function chooseBreaksInLines(lm: LineMetrics, p: BreakParams, minLevel: number, lines: number, al: Alloc, below = Infinity, prices?: LinePrices): BreakResult {
  const c = breakerCore();
  if (!c || lm.n === 0 || lines < 1) return js.chooseBreaksInLines(lm, p, minLevel, lines, al, below, prices);
  load(c, lm, p);
  setParams(c, p);
  c.reserveKnown(prices ? prices.m : -1, prices ? prices.cost.length : 0);
  if (prices) {
    const buf = c.memory.buffer;
    new Int32Array(buf, c.knownFrom(), prices.m).set(prices.from.subarray(0, prices.m));
    new Int32Array(buf, c.knownTo(), prices.m).set(prices.to.subarray(0, prices.m));
    new Int32Array(buf, c.knownAt(), prices.m).set(prices.at.subarray(0, prices.m));
    new Float64Array(buf, c.knownCost(), prices.cost.length).set(prices.cost);
  }
  const cost = c.chooseBreaksInLines(minLevel, lines, below, MAX_LINE_COUNT_CELLS);
  return cost === Infinity ? { ends: [], cost } : { ends: ends(c), cost };
}
