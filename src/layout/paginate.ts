/**
 * Page breaking over the galley: the whole issue as a column of rows (lines and unbreakable
 * boxes) with glue between them, cut into pages of the type-area height. Breaks are chosen for
 * the whole document at once (dynamic programming over legal break points, as Knuth–Plass does
 * for lines), so keep-with-next, widow and orphan rules never leave a big hole: a page that would
 * end short is filled by stretching the space around titles and 栏目 headers instead, and a page
 * that is one line too long can borrow from the same space. Body lines keep one pitch.
 */

export interface Glue {
  natural: number;
  stretch: number;
  shrink: number;
}

export type RowKind = 'masthead' | 'toc' | 'section' | 'title' | 'body' | 'heading' | 'byline' | 'footer';

/** Where a row's content sits, relative to the row's reference baseline (y down) and the 版心 left edge. */
export interface RowText<L> {
  kind: 'text';
  x: number;
  dy: number;
  line: L;
  color: readonly [number, number, number, number];
}
export interface RowRule {
  kind: 'rule';
  x: number;
  dy: number;
  width: number;
  weight: number;
  color: readonly [number, number, number, number];
}
export interface RowLink {
  x: number;
  dy: number;
  width: number;
  height: number;
  target: string;
}

export interface GalleyRow<L = unknown> {
  kind: RowKind;
  /** From the row's top to its reference baseline, and from the baseline to its bottom. */
  ascent: number;
  descent: number;
  /** Space between the previous row's bottom and this row's top; dropped at a page top. */
  glue: Glue;
  /** Cost of a page break before this row; Infinity forbids it. */
  breakPenalty: number;
  /** This row's glue takes all space left on its page (the 版记 sits at the foot of the last page). */
  fill?: boolean;
  /** Lines on the body grid keep the body pitch between them. */
  grid?: boolean;
  items: (RowText<L> | RowRule)[];
  links?: RowLink[];
  /** Named destinations at the row's top. */
  anchors?: string[];
  /** For tests and diagnostics: the row's text, and the index of the model block it belongs to. */
  label?: string;
  block?: number;
  /** Where the row's block was written in the issue file (a path into its data), for the preview. */
  source?: (string | number)[];
}

export interface PlacedPage {
  /** Rows [start, end) of the galley. */
  start: number;
  end: number;
  /** Baseline of each row of the page, measured down from the type-area top. */
  baselines: number[];
  /** Space left under the last row (0 when the page is filled). */
  leftover: number;
}

export interface PaginateOptions {
  /** Type-area height. */
  height: number;
  /** Body pitch: unfilled space is costed per line of it. */
  pitch: number;
}

const EPS = 0.01;
/** A page that ends one body line short costs this much; squared for more. */
const SHORT_LINE_COST = 5000;
/** Cost of using all the stretch (or shrink) a page has; cubic in the ratio, as TeX's badness. */
const FULL_STRETCH_COST = 100;
const FULL_SHRINK_COST = 300;
/** Each page costs a little, so that of two equal layouts the shorter wins. */
const PAGE_COST = 1;
/** A page holding nothing but the 版记 looks like a blank page: worth some stretching to avoid. */
const FILL_ALONE_COST = 1000;
/** A row taller than a page can only stand alone, and should not. */
const OVERFULL_COST = 1e9;

interface PageFit {
  cost: number;
  /** Ratio applied to the stretch (> 0) or shrink (< 0) of the page's glue. */
  ratio: number;
  leftover: number;
  fillGap: number;
}

function fitPage(rows: readonly GalleyRow[], i: number, j: number, opts: PaginateOptions, last: boolean): PageFit | null {
  let natural = rows[i].ascent + rows[j - 1].descent;
  let stretch = 0;
  let shrink = 0;
  let hasFill = !!rows[i].fill;
  for (let k = i + 1; k < j; k++) {
    natural += rows[k - 1].descent + rows[k].glue.natural + rows[k].ascent;
    stretch += rows[k].glue.stretch;
    shrink += rows[k].glue.shrink;
    if (rows[k].fill) hasFill = true;
  }
  const slack = opts.height - natural;
  if (slack < -EPS) {
    if (-slack <= shrink + EPS) {
      const ratio = slack / shrink;
      return { cost: FULL_SHRINK_COST * Math.abs(ratio) ** 3, ratio, leftover: 0, fillGap: 0 };
    }
    return j === i + 1 ? { cost: OVERFULL_COST, ratio: 0, leftover: 0, fillGap: 0 } : null;
  }
  if (hasFill) {
    const alone = rows.slice(i, j).every((r) => r.fill);
    return { cost: alone ? FILL_ALONE_COST : 0, ratio: 0, leftover: 0, fillGap: Math.max(0, slack) };
  }
  if (last) return { cost: 0, ratio: 0, leftover: Math.max(0, slack), fillGap: 0 };
  const ratio = stretch > 0 ? Math.min(1, Math.max(0, slack) / stretch) : 0;
  const leftover = Math.max(0, slack - ratio * stretch);
  const short = leftover / opts.pitch;
  return { cost: FULL_STRETCH_COST * ratio ** 3 + SHORT_LINE_COST * short * short, ratio, leftover, fillGap: 0 };
}

/** A keep that cannot be honoured (a block taller than a page) is broken at this cost. */
const FORCED_BREAK_COST = 1e12;

/**
 * Cut the galley into pages; every row lands on exactly one page, in order. If the keeps leave
 * no way at all (a kept-together block taller than a page), they are broken where it costs least.
 */
export function paginate(rows: readonly GalleyRow[], opts: PaginateOptions): PlacedPage[] {
  return breakPages(rows, opts, false) ?? breakPages(rows, opts, true)!;
}

function breakPages(rows: readonly GalleyRow[], opts: PaginateOptions, relaxed: boolean): PlacedPage[] | undefined {
  const n = rows.length;
  if (n === 0) return [];
  const best: number[] = new Array(n + 1).fill(Infinity);
  const from: number[] = new Array(n + 1).fill(-1);
  const fits: (PageFit | null)[] = new Array(n + 1).fill(null);
  best[0] = 0;
  const canStart = (i: number) => i === 0 || relaxed || Number.isFinite(rows[i].breakPenalty);
  const penaltyAt = (j: number) => (Number.isFinite(rows[j].breakPenalty) ? rows[j].breakPenalty : FORCED_BREAK_COST);
  for (let j = 1; j <= n; j++) {
    if (j < n && !canStart(j)) continue;
    const last = j === n;
    for (let i = j - 1; i >= 0; i--) {
      if (!canStart(i) || best[i] === Infinity) {
        if (tooTall(rows, i, j, opts)) break;
        continue;
      }
      const fit = fitPage(rows, i, j, opts, last);
      if (!fit) break;
      const penalty = j < n ? penaltyAt(j) : 0;
      const cost = best[i] + fit.cost + penalty + PAGE_COST;
      if (cost < best[j]) {
        best[j] = cost;
        from[j] = i;
        fits[j] = fit;
      }
    }
  }
  if (best[n] === Infinity) return undefined;
  const cuts: number[] = [];
  for (let j = n; j > 0; j = from[j]) cuts.push(j);
  cuts.reverse();
  const pages: PlacedPage[] = [];
  let start = 0;
  for (const end of cuts) {
    pages.push(place(rows, start, end, fits[end]!));
    start = end;
  }
  return pages;
}

/** True when rows [i, j) cannot fit even fully shrunk: no earlier start can fit either. */
function tooTall(rows: readonly GalleyRow[], i: number, j: number, opts: PaginateOptions): boolean {
  let natural = rows[i].ascent + rows[j - 1].descent;
  let shrink = 0;
  for (let k = i + 1; k < j; k++) {
    natural += rows[k - 1].descent + rows[k].glue.natural + rows[k].ascent;
    shrink += rows[k].glue.shrink;
  }
  return j - i > 1 && natural - shrink > opts.height + EPS;
}

function glueSet(g: Glue, ratio: number): number {
  return g.natural + (ratio >= 0 ? ratio * g.stretch : ratio * g.shrink);
}

function place(rows: readonly GalleyRow[], start: number, end: number, fit: PageFit): PlacedPage {
  const baselines: number[] = [];
  // A fill row that opens its page has no glue left to grow: it moves down by the gap itself.
  let y = rows[start].ascent + (rows[start].fill ? fit.fillGap : 0);
  baselines.push(y);
  for (let k = start + 1; k < end; k++) {
    y += rows[k - 1].descent + glueSet(rows[k].glue, fit.ratio) + (rows[k].fill ? fit.fillGap : 0) + rows[k].ascent;
    baselines.push(y);
  }
  return { start, end, baselines, leftover: fit.leftover };
}
