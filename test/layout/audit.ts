/**
 * A page-layout audit on a layout result (no PDF): the promises a printed page must keep whatever
 * the issue holds. Each finding is one readable line, so a property test can print them all
 * next to the issue that produced them.
 *
 * The frame checks read only the page frames (what the renderer draws); the pagination checks
 * read the galley and how it was cut; the rhythm checks (issue 13) read both: every body line
 * on the page's grid, the same distance for the same pair of blocks on every page, no line
 * spaced looser than the ceiling unless reported, no page short but before a new 栏目, article
 * or brief, before the 版记's page or where reported — never inside a paragraph. All take the
 * theme for the type area and the grid.
 */
import type { ComposedLine } from '../../src/compose/types.js';
import type { GalleyRow, PlacedPage } from '../../src/layout/paginate.js';
import type { PageFrame, TextItem } from '../../src/layout/types.js';

/** The part of the styles the audit needs (so a test can hand it a bare geometry). */
export interface AuditGeometry {
  page: { top: number; typeWidth: number; typeHeight: number; typeLeft(page: number): number };
  toc: { heading: string };
}

/** The body grid and spacing ceiling, for the rhythm checks. */
export interface AuditGrid extends AuditGeometry {
  pitch: number;
  baseline: number;
  body: { size: number; maxSpacing?: { em: number } | { pt: number } };
}

/** What the layout reported, for the checks that accept a reported exception. */
export interface AuditProblem {
  code: string;
  message: string;
  /** A page-break problem's page (from 1) and how many lines short it ends. */
  page?: number;
  short?: number;
}

/** Tolerance in points: rounding in the layout is far below this, a real fault far above. */
const EPS = 0.5;

const short = (s: string) => (s.length > 12 ? `${s.slice(0, 12)}…` : s);

/** The ink box of a text line, estimated from its largest size (CJK faces: 0.88 em up, 0.12 em down). */
function box(item: TextItem): { x0: number; x1: number; y0: number; y1: number; text: string } {
  const size = Math.max(1, ...item.line.runs.map((r) => r.size ?? 0));
  return { x0: item.x + item.line.left, x1: item.x + item.line.right, y0: item.y - size * 0.88, y1: item.y + size * 0.12, text: item.line.text };
}

/** Overlaps, rules through text, text beside the type area, pages that hold only a folio. */
export function auditFrames(frames: readonly PageFrame[], t: AuditGeometry): string[] {
  const out: string[] = [];
  const typeBottom = t.page.top + t.page.typeHeight;
  for (const f of frames) {
    const p = `p${f.number}`;
    const texts = f.items.filter((i): i is TextItem => i.kind === 'text').map(box).filter((b) => b.x1 > b.x0);
    for (let a = 0; a < texts.length; a++) {
      for (let b = a + 1; b < texts.length; b++) {
        const A = texts[a];
        const B = texts[b];
        const ox = Math.min(A.x1, B.x1) - Math.max(A.x0, B.x0);
        const oy = Math.min(A.y1, B.y1) - Math.max(A.y0, B.y0);
        if (ox > 1 && oy > 1) out.push(`${p}: text overlaps text “${short(A.text)}” / “${short(B.text)}” (${ox.toFixed(1)}×${oy.toFixed(1)}pt)`);
      }
    }
    const left = t.page.typeLeft(f.number);
    const right = left + t.page.typeWidth;
    for (const A of texts) {
      if (A.x0 < left - EPS || A.x1 > right + EPS) out.push(`${p}: “${short(A.text)}” outside the type area (${(A.x0 - left).toFixed(1)} / ${(A.x1 - right).toFixed(1)}pt)`);
    }
    for (const rule of f.items) {
      if (rule.kind !== 'rule') continue;
      for (const A of texts) {
        const across = Math.min(A.x1, rule.x + rule.width) - Math.max(A.x0, rule.x);
        if (rule.y > A.y0 + 1 && rule.y < A.y1 - 1 && across > 1) out.push(`${p}: rule at y=${rule.y.toFixed(1)} through “${short(A.text)}”`);
      }
    }
    // The folio is the only text under the type area; a page must hold something besides it.
    const inside = f.items.some((i) => (i.kind === 'text' && i.y <= typeBottom + EPS && i.line.text.trim() !== '') || (i.kind === 'rule' && i.y <= typeBottom + EPS));
    if (!inside) out.push(`${p}: nothing on the page but the folio`);
  }
  return out;
}

/**
 * Pagination: rows inside the type-area height; no page (but the last) ending in a 栏目 header,
 * title, sub-heading, the 目录 heading or the masthead; a title or 栏目 header on the page of
 * its first two lines; the 版记 on the last page with its last rule on the type-area bottom.
 */
export function auditPages(rows: readonly GalleyRow<ComposedLine>[], pages: readonly PlacedPage[], t: AuditGeometry, problems: readonly AuditProblem[] = []): string[] {
  const out: string[] = [];
  // Page ends the layout reported as a break no layout could avoid (page-break): a rule broken
  // there is said, not hidden.
  const excused = new Set(problems.filter((p) => p.code === 'page-break').map((p) => p.page));
  const rule = (page: number, finding: string) => { if (!excused.has(page + 1)) out.push(finding); };
  const pageOf: number[] = [];
  pages.forEach((page, pi) => {
    const p = `p${pi + 1}`;
    if (page.end <= page.start) {
      out.push(`${p}: empty`);
      return;
    }
    for (let k = page.start; k < page.end; k++) {
      pageOf[k] = pi;
      const base = page.baselines[k - page.start];
      if (base - rows[k].ascent < -EPS) out.push(`${p}: ${rows[k].kind} “${short(rows[k].label ?? '')}” above the type area by ${(rows[k].ascent - base).toFixed(1)}pt`);
      if (base + rows[k].descent > t.page.typeHeight + EPS) out.push(`${p}: ${rows[k].kind} “${short(rows[k].label ?? '')}” below the type area by ${(base + rows[k].descent - t.page.typeHeight).toFixed(1)}pt`);
    }
    if (pi === pages.length - 1) return;
    const last = rows[page.end - 1];
    if (last.kind === 'section' || last.kind === 'title' || last.kind === 'heading' || last.kind === 'masthead') {
      rule(pi, `${p}: ends with the ${last.kind} “${short(last.label ?? '')}”`);
    }
  });
  if (pageOf.length !== rows.length || pageOf.some((x) => x === undefined)) out.push(`pages hold ${pageOf.filter((x) => x !== undefined).length} of ${rows.length} rows`);

  rows.forEach((row, k) => {
    if (row.kind !== 'title' && row.kind !== 'section') return;
    // Its first two lines: the rows after the title or 栏目 lines straight under it (a title set
    // on two lines, a 栏目 header above a title), as far as its article goes — an article of
    // one line ends at the next title, 栏目 header or the 版记.
    let n = 0;
    for (let i = k + 1; i < rows.length && n < 2; i++) {
      const kind = rows[i].kind;
      if ((kind === 'title' || kind === 'section') && n === 0) continue;
      if (kind === 'title' || kind === 'section' || kind === 'footer') break;
      if (pageOf[i] !== pageOf[k]) {
        rule(pageOf[i] - 1, `p${pageOf[k] + 1}: ${row.kind} “${short(row.label ?? '')}” separated from its line ${n + 1} (on p${pageOf[i] + 1})`);
        break;
      }
      n++;
    }
  });

  // No widow, no orphan: a paragraph cut by a page break has two lines or more on each side.
  for (let k = 1; k < rows.length; k++) {
    const a = rows[k - 1];
    const b = rows[k];
    if (a.kind !== 'body' || b.kind !== 'body' || a.block === undefined || a.block !== b.block || pageOf[k] === pageOf[k - 1]) continue;
    let before = 1;
    while (k - 1 - before >= 0 && rows[k - 1 - before].kind === 'body' && rows[k - 1 - before].block === a.block) before++;
    let after = 1;
    while (k + after < rows.length && rows[k + after].kind === 'body' && rows[k + after].block === a.block) after++;
    if (before < 2) rule(pageOf[k - 1], `p${pageOf[k - 1] + 1}: orphan “${short(a.label ?? '')}” (1 line of its paragraph at the page foot)`);
    if (after < 2) rule(pageOf[k - 1], `p${pageOf[k] + 1}: widow “${short(b.label ?? '')}” (1 line of its paragraph at the page top)`);
  }

  rows.forEach((row, k) => {
    if (row.kind !== 'footer') return;
    const pi = pageOf[k];
    if (pi !== pages.length - 1) out.push(`版记 on p${pi + 1} of ${pages.length}`);
    if (k !== rows.length - 1) out.push(`版记 is not the last row`);
    const page = pages[pi];
    if (!page) return;
    // The row's baseline is its last rule's centre.
    const base = page.baselines[k - page.start];
    const lastRule = Math.max(...row.items.filter((i) => i.kind === 'rule').map((i) => base + i.dy));
    if (Math.abs(lastRule - t.page.typeHeight) > EPS) out.push(`版记 last rule at ${lastRule.toFixed(1)}pt, type-area bottom at ${t.page.typeHeight.toFixed(1)}pt`);
  });
  return out;
}

/** Tolerance for positions that are computed, not measured: on the grid or not. */
const GRID_EPS = 0.01;
/** Largest difference allowed between two distances of the same pair of blocks. */
const SPREAD = 1;

/** Every line of the body flow (body text, sub-headings, bylines) on a grid line of its page. */
export function auditGrid(rows: readonly GalleyRow<ComposedLine>[], pages: readonly PlacedPage[], t: AuditGrid): string[] {
  const out: string[] = [];
  const first = t.body.size * t.baseline;
  pages.forEach((page, pi) => {
    for (let k = page.start; k < page.end; k++) {
      if (!rows[k].grid) continue;
      const at = (page.baselines[k - page.start] - first) / t.pitch;
      if (Math.abs(at - Math.round(at)) * t.pitch > GRID_EPS) {
        out.push(`p${pi + 1}: ${rows[k].kind} “${short(rows[k].label ?? '')}” off the grid by ${((at - Math.round(at)) * t.pitch).toFixed(2)}pt`);
      }
    }
  });
  return out;
}

/** What a row is, for pairing: its kind, and for a body row that begins a brief, that. */
const pairKind = (row: GalleyRow): string => (row.kind === 'body' && row.starts ? 'brief' : row.kind);

/** Baselines of a row's text on its page, top to bottom. */
function textBaselines(row: GalleyRow<ComposedLine>, base: number): number[] {
  return row.items.filter((i) => i.kind === 'text').map((i) => base + i.dy).sort((a, b) => a - b);
}

/**
 * The same distance, baseline to baseline, between the last line of a block and the first of
 * the next for the same pair of kinds, on every page (the 版记, set at the page foot, aside).
 */
export function auditPairs(rows: readonly GalleyRow<ComposedLine>[], pages: readonly PlacedPage[]): string[] {
  const seen = new Map<string, { min: number; max: number; at: string[] }>();
  pages.forEach((page, pi) => {
    for (let k = page.start + 1; k < page.end; k++) {
      const a = rows[k - 1];
      const b = rows[k];
      if (b.kind === 'footer') continue;
      const above = textBaselines(a, page.baselines[k - 1 - page.start]);
      const below = textBaselines(b, page.baselines[k - page.start]);
      if (!above.length || !below.length) continue;
      const key = `${pairKind(a)}→${pairKind(b)}`;
      const d = below[0] - above[above.length - 1];
      const s = seen.get(key) ?? { min: Infinity, max: -Infinity, at: [] };
      s.min = Math.min(s.min, d);
      s.max = Math.max(s.max, d);
      s.at.push(`p${pi + 1} ${d.toFixed(1)}`);
      seen.set(key, s);
    }
  });
  const out: string[] = [];
  for (const [key, s] of seen) if (s.max - s.min > SPREAD) out.push(`${key}: ${s.min.toFixed(1)}–${s.max.toFixed(1)}pt apart (${s.at.slice(0, 6).join(', ')})`);
  return out;
}

/** No line spaced looser than body.maxSpacing (em of its size) unless the layout reported it. */
export function auditLoose(frames: readonly PageFrame[], t: AuditGrid, problems: readonly AuditProblem[]): string[] {
  const limit = t.body.maxSpacing;
  if (!limit) return [];
  const out: string[] = [];
  for (const f of frames) {
    for (const item of f.items) {
      if (item.kind !== 'text' || item.line.spacing === undefined) continue;
      const size = item.line.runs[0]?.size ?? t.body.size;
      const ceiling = 'em' in limit ? limit.em * size : limit.pt;
      if (item.line.spacing <= ceiling + 1e-6) continue;
      if (problems.some((p) => p.code === 'loose-line' && p.message.includes(item.line.text))) continue;
      out.push(`p${f.number}: “${short(item.line.text)}” spaced ${(item.line.spacing / size).toFixed(3)} em, unreported`);
    }
  }
  return out;
}

/**
 * A page ends short (by whole lines, counted from the rows it holds) only before a new 栏目,
 * article or brief, before the last page when that holds the 版记, or where the layout reported
 * it (short-page) — never inside a paragraph.
 */
export function auditShortPages(rows: readonly GalleyRow<ComposedLine>[], pages: readonly PlacedPage[], lines: number, problems: readonly AuditProblem[]): string[] {
  const out: string[] = [];
  pages.forEach((page, pi) => {
    if (pi === pages.length - 1 || page.end <= page.start) return;
    let used = rows[page.start].lines;
    for (let k = page.start + 1; k < page.end; k++) used += rows[k].spaceBefore + rows[k].lines;
    const missing = lines - used;
    if (missing <= 0) return;
    const next = rows[page.end];
    const prev = rows[page.end - 1];
    const p = `p${pi + 1}`;
    if (next.kind === 'body' && prev.kind === 'body' && next.block !== undefined && next.block === prev.block) {
      out.push(`${p}: ends ${missing} lines short inside a paragraph`);
      return;
    }
    if (next.starts || next.newPage) return;
    const beforeFoot = pi === pages.length - 2 && !!rows.at(-1)?.foot;
    if (beforeFoot) return;
    if (problems.some((q) => q.code === 'short-page' && q.page === pi + 1 && q.short === missing)) return;
    out.push(`${p}: ends ${missing} lines short before a ${next.kind} (not a new 栏目, article or brief), unreported`);
  });
  return out;
}

export interface AuditedLayout {
  galley: readonly GalleyRow<ComposedLine>[];
  pages: readonly PlacedPage[];
  document: { pages: readonly PageFrame[] };
  problems?: readonly AuditProblem[];
}

export function auditLayout(result: AuditedLayout, t: AuditGeometry | AuditGrid): string[] {
  const out = auditPages(result.galley, result.pages, t, result.problems ?? []);
  if (result.document.pages.length !== result.pages.length) out.push(`${result.document.pages.length} frames for ${result.pages.length} pages`);
  out.push(...auditFrames(result.document.pages, t));
  if ('pitch' in t) {
    const problems = result.problems ?? [];
    const lines = Math.max(1, Math.floor((t.page.typeHeight - t.body.size) / t.pitch + 1e-6) + 1);
    out.push(...auditGrid(result.galley, result.pages, t), ...auditPairs(result.galley, result.pages));
    out.push(...auditLoose(result.document.pages, t, problems), ...auditShortPages(result.galley, result.pages, lines, problems));
  }
  return out;
}
