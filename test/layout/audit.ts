/**
 * A page-layout audit on a layout result (no PDF): the promises a printed page must keep whatever
 * the issue holds. Each finding is one readable line, so a property test can print them all
 * next to the issue that produced them.
 *
 * The frame checks read only the page frames (what the renderer draws); the pagination checks
 * read the galley and how it was cut. Both take the theme for the type area.
 */
import type { ComposedLine } from '../../src/compose/types.js';
import type { GalleyRow, PlacedPage } from '../../src/layout/paginate.js';
import type { PageFrame, TextItem } from '../../src/layout/types.js';

/** The part of the styles the audit needs (so a test can hand it a bare geometry). */
export interface AuditGeometry {
  page: { top: number; typeWidth: number; typeHeight: number; typeLeft(page: number): number };
  toc: { heading: string };
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
export function auditPages(rows: readonly GalleyRow<ComposedLine>[], pages: readonly PlacedPage[], t: AuditGeometry): string[] {
  const out: string[] = [];
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
      out.push(`${p}: ends with the ${last.kind} “${short(last.label ?? '')}”`);
    }
    if (last.kind === 'toc' && last.label === t.toc.heading) out.push(`${p}: ends with the 目录 heading`);
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
        out.push(`p${pageOf[k] + 1}: ${row.kind} “${short(row.label ?? '')}” separated from its line ${n + 1} (on p${pageOf[i] + 1})`);
        break;
      }
      n++;
    }
  });

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

export function auditLayout(result: { galley: readonly GalleyRow<ComposedLine>[]; pages: readonly PlacedPage[]; document: { pages: readonly PageFrame[] } }, t: AuditGeometry): string[] {
  const out = auditPages(result.galley, result.pages, t);
  if (result.document.pages.length !== result.pages.length) out.push(`${result.document.pages.length} frames for ${result.pages.length} pages`);
  return [...out, ...auditFrames(result.document.pages, t)];
}
