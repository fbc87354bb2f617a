/**
 * The document model as one long column of rows (the galley) that pagination cuts into pages.
 * Here the placement rules become data on the rows:
 * - glue between blocks is the larger of the two blocks' spacing, with the stretch and shrink
 *   the page may use to fill itself; between body lines it is the fixed body pitch;
 * - a 栏目 header, a title and a sub-heading keep with what follows, and the first two body
 *   lines after them keep together (a title never ends a page, and has two lines under it);
 * - a paragraph never leaves its first line alone at a page foot (orphan) nor its last line
 *   alone at a page top (widow); a byline stays with the text it signs;
 * - body-flow rows after a title block land back on the body grid (whole pitches).
 */
import type { ComposedLine, Span } from '../compose/types.js';
import { buildFooter } from './footer.js';
import { buildMasthead } from './masthead.js';
import { type Block, NO_SPACE } from '../style/model.js';
import type { Space, TextStyle } from '../style/styles.js';
import type { GalleyRow, Glue } from './paginate.js';
import { type LayoutContext, NO_GLUE, lineRow, setSpans, setText } from './setting.js';
import { setTitle } from './title.js';
import { type PendingNumber, buildToc } from './toc.js';

export interface Galley {
  rows: GalleyRow<ComposedLine>[];
  pending: Map<GalleyRow, PendingNumber[]>;
}

/** Spacing a block asks for before and after itself. */
interface Spacing {
  before: Space;
  after: Space;
}

const NONE = NO_SPACE;

function collapse(a: Space, b: Space, min: number): Glue {
  return {
    natural: Math.max(a.natural, b.natural, min),
    stretch: Math.max(a.stretch, b.stretch),
    shrink: Math.min(Math.max(a.shrink, b.shrink), Math.max(a.natural, b.natural, min)),
  };
}

export function buildGalley(ctx: LayoutContext, blocks: readonly Block[]): Galley {
  const styles = ctx.styles;
  const width = styles.page.typeWidth;
  const body = styles.body;
  const leading = styles.pitch - body.size;
  const rows: GalleyRow<ComposedLine>[] = [];
  const pending = new Map<GalleyRow, PendingNumber[]>();
  let after: Space = NONE;
  /** The last row placed was a body-flow row (its successor keeps the body pitch). */
  let prevGrid = false;
  /** Body lines still to keep with the heading before them. */
  let keep = 0;
  /** Whether the next row may follow a page break (false after a heading). */
  let keepNext = false;

  const push = (row: GalleyRow<ComposedLine>, spacing: Spacing, opts: { first: boolean; keepWithNext?: boolean; anchors?: string[] }) => {
    if (opts.first) {
      row.glue = rows.length === 0 ? NO_GLUE : collapse(after, spacing.before, prevGrid && row.grid ? leading : 0);
      if (opts.anchors) row.anchors = opts.anchors;
    }
    if (keepNext) row.breakPenalty = Infinity;
    if (row.grid && keep > 0) {
      row.breakPenalty = Infinity;
      keep--;
    }
    rows.push(row);
    after = spacing.after;
    prevGrid = !!row.grid;
    keepNext = !!opts.keepWithNext;
  };

  const gridRow = (kind: GalleyRow['kind'], line: ComposedLine, style: TextStyle, penalty: number): GalleyRow<ComposedLine> => {
    const row = lineRow(ctx, kind, line, style, { natural: leading, stretch: 0, shrink: 0 }, penalty) as GalleyRow<ComposedLine>;
    row.grid = true;
    return row;
  };

  /** Lines of one paragraph-like block: widow and orphan control inside it. */
  const flow = (kind: GalleyRow['kind'], lines: ComposedLine[], style: TextStyle, spacing: Spacing, opts: { keepWithPrevious?: boolean; keepWithNext?: boolean; anchors?: string[] } = {}) => {
    const n = lines.length;
    lines.forEach((line, k) => {
      const penalty = k === 0 ? (opts.keepWithPrevious ? Infinity : 0) : (k === 1 || k === n - 1 ? Infinity : 0);
      push(gridRow(kind, line, style, penalty), spacing, { first: k === 0, keepWithNext: opts.keepWithNext && k === n - 1, anchors: opts.anchors });
    });
  };

  blocks.forEach((block, bi) => {
    const first = rows.length;
    addBlock(block);
    for (let k = first; k < rows.length; k++) {
      rows[k].block = bi;
      rows[k].source = block.source;
    }
  });
  snapToGrid(rows, styles.pitch, body.size * styles.baseline);
  return { rows, pending };

  function addBlock(block: Block): void {
    switch (block.kind) {
      case 'masthead': {
        const row = buildMasthead(ctx, block) as GalleyRow<ComposedLine>;
        push(row, { before: NONE, after: block.style.spaceAfter }, { first: true });
        // The 目录 follows the masthead on page 1.
        keepNext = true;
        break;
      }
      case 'toc': {
        const toc = buildToc(ctx, block);
        for (const [row, numbers] of toc.pending) pending.set(row, numbers);
        toc.rows.forEach((row, i) => {
          // The 目录 stays under the masthead.
          if (i === 0) {
            row.glue = collapse(after, NONE, 0);
            if (keepNext) row.breakPenalty = Infinity;
          }
          rows.push(row as GalleyRow<ComposedLine>);
        });
        keepNext = false;
        after = block.style.spaceAfter;
        prevGrid = false;
        break;
      }
      case 'section': {
        const style = block.style;
        const lines = setText(ctx, block.text, style, { measure: width, align: style.align }, block.source);
        const spacing = { before: style.spaceBefore, after: style.spaceAfter };
        lines.forEach((line, k) => {
          const row = lineRow(ctx, 'section', line, style, { natural: 0, stretch: 0, shrink: 0 }, k === 0 ? 0 : Infinity) as GalleyRow<ComposedLine>;
          const rule = style.rule;
          if (k === lines.length - 1 && rule) {
            row.items.push({ kind: 'rule', x: 0, dy: row.descent + rule.gapBefore + rule.weight / 2, width, weight: rule.weight, color: rule.color });
            row.descent += rule.gapBefore + rule.weight;
          }
          push(row, spacing, { first: k === 0, keepWithNext: true, anchors: [block.id] });
        });
        // Its first two lines of text stay under it (briefs follow a 栏目 header directly).
        keep = 2;
        break;
      }
      case 'title': {
        const { lines, style, inset } = setTitle(ctx, block);
        const spacing = { before: style.spaceBefore, after: style.spaceAfter };
        lines.forEach((line, k) => {
          const row = lineRow(ctx, 'title', line, style, { natural: style.lineHeight - style.size, stretch: 0, shrink: 0 }, k === 0 ? 0 : Infinity, inset) as GalleyRow<ComposedLine>;
          push(row, spacing, { first: k === 0, keepWithNext: true, anchors: [block.id] });
        });
        keep = 2;
        break;
      }
      case 'heading': {
        // Levels 3 and 4 (1. and （1）) are in the body's face and indent, spaced like level 2.
        const style = block.style;
        const lines = setText(ctx, block.text, style, { measure: width, align: 'justify', indent: style.indent, grid: style.grid }, block.source);
        flow('heading', lines, style, { before: style.spaceBefore, after: NONE }, { keepWithNext: true });
        keep = 2;
        break;
      }
      case 'paragraph': {
        const style = block.style;
        const spans: Span[] = block.pieces.map((p) => ({ text: p.text, fonts: p.bold ? style.bold.fonts : style.fonts, tag: p.bold ? 'bold' : undefined }));
        const lines = setSpans(ctx, spans, {
          measure: width, size: style.size, indent: style.indent, align: 'justify',
          grid: style.grid,
        }, block.source, block.pieces.map((p) => p.offset));
        flow('body', lines, style, { before: block.spaceBefore, after: NONE }, { anchors: block.anchor ? [block.anchor] : undefined });
        break;
      }
      case 'byline': {
        const style = block.style;
        const lines = setText(ctx, block.text, style, { measure: width, align: 'right' }, block.source, -block.valueOffset);
        lines.forEach((line, k) => {
          push(gridRow('byline', line, style, Infinity), { before: style.spaceBefore, after: NONE }, { first: k === 0 });
        });
        break;
      }
      case 'footer': {
        const row = buildFooter(ctx, block);
        if (row) {
          row.glue = { ...row.glue, natural: Math.max(row.glue.natural, after.natural) };
          rows.push(row as GalleyRow<ComposedLine>);
        }
        break;
      }
    }
  }
}

/**
 * Put body-flow rows that follow a title block back on the body grid: the distance from the
 * last grid baseline (or the page-1 grid) becomes a whole number of pitches. The difference is
 * shared among the stretchable glues since that grid row (the space above and below titles and
 * headers) in proportion to their stretch, so a title keeps more room above than below.
 */
function snapToGrid(rows: GalleyRow[], pitch: number, firstBaseline: number): void {
  let y = 0;
  let lastGrid = firstBaseline - pitch;
  let runStart = 0;
  rows.forEach((row, i) => {
    y += i === 0 ? row.ascent : rows[i - 1].descent + row.glue.natural + row.ascent;
    if (!row.grid) return;
    if (i > 0 && !rows[i - 1].grid) {
      const d = y - lastGrid;
      const extra = Math.max(1, Math.ceil(d / pitch - 0.15)) * pitch - d;
      if (Math.abs(extra) > 0.01) y += spread(rows, Math.max(1, runStart), i, extra);
    }
    lastGrid = y;
    runStart = i + 1;
  });
}

/** Add `extra` to the glues of rows [from, to] by their stretch (or to row `to` alone); returns what was added. */
function spread(rows: GalleyRow[], from: number, to: number, extra: number): number {
  const targets = rows.slice(from, to + 1).filter((r) => r.glue.stretch > 0);
  const total = targets.reduce((sum, r) => sum + r.glue.stretch, 0);
  const share = (r: GalleyRow) => (total > 0 ? (extra * r.glue.stretch) / total : extra);
  let added = 0;
  for (const row of total > 0 ? targets : [rows[to]]) {
    const old = row.glue.natural;
    const natural = Math.max(0, old + share(row));
    // The snap does not add shrink: a page short of room takes only what the theme allows.
    row.glue = { natural, stretch: row.glue.stretch, shrink: Math.min(natural, row.glue.shrink) };
    added += natural - old;
  }
  return added;
}
