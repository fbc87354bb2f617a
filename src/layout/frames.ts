/**
 * Pages of galley rows → page frames in page coordinates: rows on the 版心 of their page
 * (mirrored margins on even pages), anchors and link areas, the 目录's page numbers once pages
 * are known, and the folio "— 3 —" 7 mm under the 版心, outer side, one character in (the
 * spaces of its format become a fixed gap).
 */
import type { ComposedLine } from '../compose/types.js';
import { fill } from '../style/model.js';
import type { GalleyRow, PlacedPage } from './paginate.js';
import { shiftLine } from './masthead.js';
import { type LayoutContext, joinPieces, setText } from './setting.js';
import { type PendingNumber, numberLine } from './toc.js';
import type { FrameItem, PageFrame, TextItem } from './types.js';

export function buildFrames(
  ctx: LayoutContext,
  rows: readonly GalleyRow<ComposedLine>[],
  pages: readonly PlacedPage[],
  pending: Map<GalleyRow, PendingNumber[]>,
): PageFrame[] {
  const page_ = ctx.styles.page;
  const frames: PageFrame[] = pages.map((page, pi) => {
    const number = pi + 1;
    const left = page_.typeLeft(number);
    const frame: PageFrame = { number, items: [], links: [], anchors: [] };
    for (let k = page.start; k < page.end; k++) {
      const row = rows[k];
      const baseline = page_.top + page.baselines[k - page.start];
      for (const item of row.items) {
        if (item.kind === 'text') {
          const text: TextItem = { kind: 'text', x: left + item.x, y: baseline + item.dy, line: item.line, color: item.color };
          if (row.source) text.source = row.source;
          frame.items.push(text);
        }
        else frame.items.push({ kind: 'rule', x: left + item.x, y: baseline + item.dy, width: item.width, weight: item.weight, color: item.color });
      }
      for (const link of row.links ?? []) {
        frame.links.push({ x: left + link.x, y: baseline + link.dy, width: link.width, height: link.height, target: link.target });
      }
      for (const id of row.anchors ?? []) frame.anchors.push({ id, y: baseline - row.ascent });
    }
    return frame;
  });

  const pageOf = new Map<string, number>();
  for (const frame of frames) for (const a of frame.anchors) if (!pageOf.has(a.id)) pageOf.set(a.id, frame.number);
  if (pending.size) addTocNumbers(ctx, rows, pages, frames, pending, pageOf);
  for (const frame of frames) {
    const folio = folioItem(ctx, frame.number);
    if (folio) frame.items.push(folio);
  }
  return frames;
}

function addTocNumbers(
  ctx: LayoutContext, rows: readonly GalleyRow[], pages: readonly PlacedPage[], frames: PageFrame[],
  pending: Map<GalleyRow, PendingNumber[]>, pageOf: Map<string, number>,
): void {
  const { page: geometry, toc } = ctx.styles;
  const entry = toc.entry;
  pages.forEach((page, pi) => {
    for (let k = page.start; k < page.end; k++) {
      const numbers = pending.get(rows[k]);
      if (!numbers) continue;
      const baseline = geometry.top + page.baselines[k - page.start];
      for (const pn of numbers) {
        const target = pageOf.get(pn.target);
        if (target === undefined) continue;
        const line = numberLine(entry.fonts, entry.size, toc.leader, target, pn);
        if (line) frames[pi].items.push({ kind: 'text', x: geometry.typeLeft(pi + 1), y: baseline + pn.dy, line, color: entry.color });
      }
    }
  });
}

/** The folio of page `number`: right on odd pages and left on even ones, one character in. */
export function folioItem(ctx: LayoutContext, number: number): TextItem | undefined {
  const page = ctx.styles.page;
  const style = ctx.styles.folio;
  const inset = style.inset;
  const odd = number % 2 === 1;
  const align = !style.alternate ? 'center' : odd ? 'right' : 'left';
  const gap = style.space;
  const pieces = fill(style.format, { n: number }).split(/ +/).filter(Boolean)
    .map((piece) => setText(ctx, piece, style, { measure: page.typeWidth, align: 'left', trimOpeningAtLineStart: false }, [])[0])
    .filter((l): l is NonNullable<typeof l> => l !== undefined);
  const joined = joinPieces(pieces, gap);
  if (!joined) return undefined;
  const width = joined.right;
  const shift = align === 'left' ? inset : align === 'right' ? page.typeWidth - inset - width : (page.typeWidth - width) / 2;
  const line = shiftLine(joined, shift);
  // The offset is measured to the middle of the first glyph's ink (the dash of "— 3 —").
  const run = line.runs[0];
  let middle = style.size * 0.35;
  if (run && run.length > 0) {
    const font = run.font;
    const ink = font.inkBox(run.idAt(0));
    if (ink && ink.maxY > ink.minY) middle = ((ink.minY + ink.maxY) / 2) * (style.size / font.unitsPerEm);
  }
  const x = page.typeLeft(number);
  return { kind: 'text', x, y: page.typeBottom + style.offset + middle, line, color: style.color };
}

export type { FrameItem };
