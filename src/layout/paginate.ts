/**
 * Page breaking over the galley. Every row occupies a whole number of lines of the body grid
 * (a body line one, a title block or a 栏目 header as many as the theme gives it), so a page is
 * a run of rows that holds at most the grid's lines, and every row starts on a grid line: body
 * lines sit on the same baselines on every page, and duplex pages back each other line for line.
 *
 * Pages are filled with whole lines, never by stretching space. The breaks are chosen for the
 * whole issue at once (dynamic programming over the legal break points, as Knuth–Plass does for
 * lines): keeps (a title with two lines of its text, no widow or orphan, a short brief whole)
 * forbid some breaks; a page may end short only before a new 栏目, article or brief, where
 * it costs little, or at the end; a page ending short anywhere else costs so much that it
 * happens only when no full page is possible (a paragraph that would leave one line behind
 * whichever way it is cut, in an article with nothing before it to move). Of the layouts left,
 * the one with the fewest short lines and pages wins; the 版记 is given company on its page
 * when some text can move over to it.
 */

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

/** What a row begins: a page may end short before it. */
export type RowStart = 'section' | 'article' | 'brief';

export interface GalleyRow<L = unknown> {
  kind: RowKind;
  /** Whole grid lines the row occupies (at least one). */
  lines: number;
  /** Grid lines of white before the row, dropped when the row begins a page. */
  spaceBefore: number;
  /**
   * The row's reference baseline is the baseline of its first grid line; its content reaches
   * `ascent` above it and `descent` below it (either may be negative for a block whose text
   * sits lower in its lines).
   */
  ascent: number;
  descent: number;
  /** Cost of a page break before this row; Infinity forbids it. */
  breakPenalty: number;
  /**
   * When no layout keeps every rule (a paragraph that cannot be cut on a full page, and no
   * other place to cut), what breaking the rule that forbids a break here costs: a widow or
   * orphan least, a title parted from its text more, the masthead parted from page 1's text
   * most. Absent: FORCED_BREAK_COST.
   */
  keepCost?: number;
  /** The row begins a 栏目, an article or a brief: a page may end short before it. */
  starts?: RowStart;
  /** The row begins a new page (the rest of a 目录 too long for page 1). */
  newPage?: boolean;
  /** The row sits on the last lines of its page (the 版记, on the 版心 bottom). */
  foot?: boolean;
  /** A line of the body flow (body text, sub-heading, byline): its baseline is its grid line's. */
  grid?: boolean;
  items: (RowText<L> | RowRule)[];
  links?: RowLink[];
  /** Named destinations at the top of the row's content. */
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
  /** Baseline of each row's first grid line, measured down from the type-area top. */
  baselines: number[];
  /** Grid line (0-based) each row starts on. */
  cells: number[];
  /** Grid lines left empty at the page foot (above the 版记 on its page). */
  short: number;
  /** The same in points. */
  leftover: number;
}

/**
 * A paragraph the page breaker may set one line shorter or longer (TeX's looseness): its rows
 * [start, end) in the galley, and the same paragraph in one line less or more, as rows with
 * their break rules in place. A page ending short costs more than a paragraph set differently.
 */
export interface Flex<L = unknown> {
  start: number;
  end: number;
  shorter?: GalleyRow<L>[];
  longer?: GalleyRow<L>[];
}

export interface Pagination<L = unknown> {
  /** The galley as set: the flexible paragraphs in the settings chosen. */
  rows: GalleyRow<L>[];
  pages: PlacedPage[];
  /**
   * Per page, what it ends before when it ends short: a 栏目, article or brief, 'last' (the last
   * page, which the 版记 shares with the text before it), 'flow' (inside an article's text,
   * only when no full page could be made); 'end' for the last page.
   */
  ends: (RowStart | 'last' | 'flow' | 'end' | undefined)[];
  /** No layout kept every rule: some break comes where a rule forbids it (the cheapest such). */
  relaxed?: boolean;
}

export interface PaginateOptions {
  /** Grid lines on a page. */
  lines: number;
  /** Body pitch. */
  pitch: number;
  /** Baseline of the first grid line, from the type-area top. */
  firstBaseline: number;
  /** Type-area height: the 版记's bottom sits on it. */
  height: number;
}

/**
 * A page that ends short by s lines costs base + line × s + SQUARE × s²: where it ends decides
 * what a few lines of white cost — little before a new 栏目 or article, more before a brief,
 * much more between two paragraphs of one article, which the breaker does only when a full page
 * cannot be made (and the layout reports it) — and the square makes a page left nearly empty
 * the worst of all, wherever it ends. Inside a paragraph a page never ends short.
 */
const SHORT: Readonly<Record<RowStart | 'last' | 'flow', { base: number; line: number }>> = {
  section: { base: 100, line: 20 },
  article: { base: 150, line: 30 },
  brief: { base: 400, line: 60 },
  /** Before the last page, between paragraphs, so that the 版记 has text above it. */
  last: { base: 400, line: 60 },
  flow: { base: 2000, line: 300 },
};
const SQUARE = 20;
/** The 版记 alone on the last page reads as a page left blank. */
const FOOT_ALONE = 6000;
/** A paragraph set one line longer (spaced out) or shorter (punctuation compressed). */
const LONGER = 150;
const SHORTER = 120;
/** Each page costs something: of two layouts, the one on fewer sheets wins when little else differs. */
const PAGE_COST = 300;
/** A row taller than a page can only stand alone, and should not. */
const OVERFULL_COST = 1e9;
/** A keep that cannot be honoured (a block taller than a page) is broken at this cost. */
const FORCED_BREAK_COST = 1e12;

/**
 * Cut the galley into pages; every row lands on exactly one page, in order. If the keeps leave
 * no way at all (a kept-together block taller than a page), they are broken where it costs least.
 */
export function paginate<L>(rows: readonly GalleyRow<L>[], opts: PaginateOptions, flex: readonly Flex<L>[] = []): Pagination<L> {
  const items = itemsOf(rows as readonly GalleyRow[], flex as readonly Flex[]);
  return (breakPages(items, opts, false) ?? breakPages(items, opts, true)!) as Pagination<L>;
}

/** A row, or a paragraph that has other settings. */
interface Item {
  /** Settings as row lists: the natural one first, then one line shorter and/or longer. */
  settings: GalleyRow[][];
  /** Line difference of each setting from the natural one (0, -1, +1). */
  delta: number[];
  /** A page may not end short before this item: it continues a paragraph begun above. */
  midParagraph: boolean;
}

function itemsOf(rows: readonly GalleyRow[], flex: readonly Flex[]): Item[] {
  const items: Item[] = [];
  const byStart = new Map(flex.filter((f) => f.shorter || f.longer).map((f) => [f.start, f]));
  for (let j = 0; j < rows.length;) {
    const f = byStart.get(j);
    if (f) {
      const settings = [rows.slice(f.start, f.end)];
      const delta = [0];
      if (f.shorter) { settings.push(f.shorter); delta.push(-1); }
      if (f.longer) { settings.push(f.longer); delta.push(1); }
      items.push({ settings, delta, midParagraph: false });
      j = f.end;
    } else {
      const prev = rows[j - 1];
      const row = rows[j];
      const mid = !!prev && row.kind === 'body' && prev.kind === 'body' && row.block !== undefined && row.block === prev.block;
      items.push({ settings: [[row]], delta: [0], midParagraph: mid });
      j++;
    }
  }
  return items;
}

/** Where a page begins or ends: before item `item`, or inside it after `line` rows of setting `setting`. */
interface Position {
  item: number;
  setting: number;
  line: number;
}

interface Step {
  from: number;
  /** Lines added (+) or taken (−) by the paragraphs wholly on the page. */
  delta: number;
}

function breakPages(items: readonly Item[], opts: PaginateOptions, relaxed: boolean): Pagination | undefined {
  const L = opts.lines;
  const T = items.length;
  if (T === 0) return { rows: [], pages: [], ends: [] };
  // States: the position before each item, and each position inside a paragraph (after `line`
  // rows of a setting), in text order: a page only goes forward, so they are settled in turn.
  const positions: Position[] = [];
  const boundary: number[] = [];
  const inside: number[][][] = [];
  for (let t = 0; t <= T; t++) {
    boundary[t] = positions.length;
    positions.push({ item: t, setting: 0, line: 0 });
    if (t === T) break;
    inside[t] = items[t].settings.map((rows, s) => {
      const at: number[] = [];
      for (let k = 1; k < rows.length; k++) {
        at[k] = positions.length;
        positions.push({ item: t, setting: s, line: k });
      }
      return at;
    });
  }
  const best: number[] = new Array(positions.length).fill(Infinity);
  const step: (Step | undefined)[] = new Array(positions.length);
  best[0] = 0;
  // Whether everything from item t on fits on one page: then a page ending before it ends
  // before the last page, which holds the 版记 at its foot and the text it comes after.
  const hasFoot = !!items[T - 1].settings[0].at(-1)?.foot;
  const lastPageFrom: boolean[] = new Array(T + 1).fill(false);
  for (let t = T - 1, cells = 0; t >= 0 && hasFoot; t--) {
    const rows = items[t].settings[0];
    const own = rows.reduce((n, r, k) => n + r.lines + (k > 0 ? r.spaceBefore : 0), 0);
    lastPageFrom[t] = cells + own <= L;
    cells += own + rows[0].spaceBefore;
    if (cells > L) break;
  }

  const legal = (row: GalleyRow) => relaxed || Number.isFinite(row.breakPenalty) || !!row.newPage;
  const penaltyOf = (row: GalleyRow) => (row.newPage ? 0 : Number.isFinite(row.breakPenalty) ? row.breakPenalty : row.keepCost ?? FORCED_BREAK_COST);
  const settingCost = (delta: number) => (delta > 0 ? LONGER * delta : -delta * SHORTER);
  /** A page ending short inside a paragraph: never, unless nothing else is possible at all. */
  const midShort = (short: number) => (short === 0 ? 0 : relaxed ? FORCED_BREAK_COST * (1 + short) : Infinity);

  /** Cheapest way to end a page of `base` lines whose whole paragraphs can take `up` lines more or give `down`. */
  const finish = (base: number, up: number, down: number, shortCost: (short: number) => number): Step & { cost: number } => {
    let cost = Infinity;
    let delta = 0;
    for (let d = -down; d <= up && base + d <= L; d++) {
      const c = shortCost(L - base - d) + settingCost(d);
      if (c < cost) { cost = c; delta = d; }
    }
    return { from: -1, cost, delta };
  };

  for (let si = 0; si < positions.length; si++) {
    if (best[si] === Infinity) continue;
    const start = positions[si];
    if (start.item === T) continue;
    const relax = (to: number, cost: number, delta: number) => {
      if (cost === Infinity) return;
      const total = best[si] + cost + PAGE_COST;
      if (total < best[to]) { best[to] = total; step[to] = { from: si, delta }; }
    };
    let base = 0;
    let up = 0;
    let down = 0;
    let onPage = 0;
    let t = start.item;
    if (start.line > 0) {
      // The rest of a paragraph begun on an earlier page, in the setting chosen there; a long
      // one may fill this page and go on.
      const rows = items[t].settings[start.setting];
      for (let k = start.line; k < rows.length; k++) {
        if (k > start.line && legal(rows[k]) && base === L) relax(inside[t][start.setting][k], penaltyOf(rows[k]), 0);
        base += rows[k].lines;
        onPage++;
        if (base > L) break;
      }
      if (base > L) continue;
      t++;
    }
    for (; t <= T; t++) {
      if (base - down > L) break;
      if (onPage > 0) {
        if (t === T) {
          const last = items[T - 1].settings[0].at(-1)!;
          const alone = !!last.foot && onPage === 1 && T > 1;
          const end = finish(base, up, down, () => (alone ? FOOT_ALONE : 0));
          relax(boundary[T], end.cost, end.delta);
          break;
        }
        const row = items[t].settings[0][0];
        if (legal(row)) {
          const kind = row.starts;
          const end = finish(base, up, down, (short) => {
            if (short === 0 || row.newPage) return 0;
            if (!kind && items[t].midParagraph) return midShort(short);
            const c = SHORT[kind ?? (lastPageFrom[t] ? 'last' : 'flow')];
            return c.base + c.line * short + SQUARE * short * short;
          });
          relax(boundary[t], end.cost + penaltyOf(row), end.delta);
        }
        if (row.newPage) break;
      }
      const it = items[t];
      const natural = it.settings[0];
      const space = onPage > 0 ? natural[0].spaceBefore : 0;
      // End the page inside item t, a paragraph, after k of its lines: on a full page only.
      it.settings.forEach((rows, s) => {
        let lines = base + space;
        for (let k = 1; k < rows.length; k++) {
          lines += rows[k - 1].lines;
          if (lines - down > L) break;
          if (!legal(rows[k])) continue;
          const end = finish(lines, up, down, midShort);
          relax(inside[t][s][k], end.cost + settingCost(it.delta[s]) + penaltyOf(rows[k]), end.delta);
        }
      });
      // Item t wholly on the page.
      base += space;
      for (const r of natural) base += r.lines;
      if (it.delta.includes(1)) up++;
      if (it.delta.includes(-1)) down++;
      onPage += natural.length;
      // A single row taller than a page stands alone.
      if (onPage === 1 && natural.length === 1 && base > L) {
        relax(boundary[t + 1], OVERFULL_COST + (t + 1 < T ? penaltyOf(items[t + 1].settings[0][0]) : 0), 0);
        break;
      }
    }
  }
  if (best[boundary[T]] === Infinity) return undefined;
  const result = realize(items, positions, step, boundary[T], opts);
  if (relaxed) result.relaxed = true;
  return result;
}

/** The chosen breaks as rows and pages: each paragraph in the setting its page asked for. */
function realize(items: readonly Item[], positions: readonly Position[], step: readonly (Step | undefined)[], end: number, opts: PaginateOptions): Pagination {
  const chain: { from: Position; to: Position; delta: number }[] = [];
  for (let at = end; at !== 0;) {
    const s = step[at]!;
    chain.push({ from: positions[s.from], to: positions[at], delta: s.delta });
    at = s.from;
  }
  chain.reverse();
  // Settings: a paragraph cut by a page break keeps the setting of the break; the whole
  // paragraphs of a page give or take the lines its break asked for, least spaced first.
  const setting: number[] = items.map(() => 0);
  for (const page of chain) {
    if (page.to.line > 0) setting[page.to.item] = page.to.setting;
    if (page.delta === 0) continue;
    const firstWhole = page.from.line > 0 ? page.from.item + 1 : page.from.item;
    const want = Math.sign(page.delta);
    const candidates: { t: number; s: number; spread: number }[] = [];
    for (let t = firstWhole; t < page.to.item; t++) {
      const s = items[t].delta.indexOf(want);
      if (s > 0) candidates.push({ t, s, spread: spreadOf(items[t].settings[s]) });
    }
    candidates.sort((a, b) => a.spread - b.spread || a.t - b.t);
    for (const c of candidates.slice(0, Math.abs(page.delta))) setting[c.t] = c.s;
  }
  const rows: GalleyRow[] = [];
  const offset: number[] = [];
  items.forEach((it, t) => {
    offset[t] = rows.length;
    for (const row of it.settings[setting[t]]) rows.push(row);
  });
  offset[items.length] = rows.length;
  const at = (p: Position) => offset[p.item] + p.line;
  const pages = chain.map((page) => place(rows, at(page.from), at(page.to), opts));
  const ends = pages.map((page, i): Pagination['ends'][number] => {
    if (i === pages.length - 1) return 'end';
    if (page.short === 0) return undefined;
    return rows[page.end].starts ?? (i === pages.length - 2 && rows.at(-1)?.foot ? 'last' : 'flow');
  });
  return { rows, pages, ends };
}

/** The widest even spacing of a setting's lines, to prefer the tightest one spaced out. */
function spreadOf(rows: readonly GalleyRow[]): number {
  let most = 0;
  for (const r of rows) for (const item of r.items) {
    const line = item.kind === 'text' ? (item.line as { spacing?: number }) : undefined;
    if (line?.spacing !== undefined && line.spacing > most) most = line.spacing;
  }
  return most;
}

/** Lines rows [i, j) take on a page that begins with row i. */
function used(rows: readonly GalleyRow[], i: number, j: number): number {
  if (j <= i) return 0;
  let n = rows[i].lines;
  for (let k = i + 1; k < j; k++) n += rows[k].spaceBefore + rows[k].lines;
  return n;
}

/** Rows [start, end) on one page: each on its grid line, the 版记 on the last ones. */
function place(rows: readonly GalleyRow[], start: number, end: number, opts: PaginateOptions): PlacedPage {
  const baselines: number[] = [];
  const cells: number[] = [];
  let cell = 0;
  for (let k = start; k < end; k++) {
    if (k > start) cell += rows[k].spaceBefore;
    const row = rows[k];
    if (row.foot) {
      // On the page's last lines, its bottom on the 版心's (whatever the grid leaves there).
      const at = Math.max(cell, opts.lines - row.lines);
      cells.push(at);
      baselines.push(opts.height - row.descent);
      cell = at + row.lines;
      continue;
    }
    cells.push(cell);
    baselines.push(opts.firstBaseline + cell * opts.pitch);
    cell += row.lines;
  }
  const short = Math.max(0, opts.lines - used(rows, start, end));
  return { start, end, baselines, cells, short, leftover: short * opts.pitch };
}
