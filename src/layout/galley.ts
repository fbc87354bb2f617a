/**
 * The document model as one long column of rows (the galley) that pagination cuts into pages.
 * Every row occupies whole lines of the body grid: a body line, a sub-heading line or a byline
 * one (on its grid line's baseline), a display block — masthead, 目录, 栏目 header, title with
 * its subtitle, 版记 — the lines its content needs plus the theme's `space`, its text placed
 * inside them by rule (display.ts). White between blocks is whole lines too (between articles,
 * between briefs, before a sub-heading or byline), and disappears at a page top. So body lines
 * land on the grid after every block, and the same pair of blocks is the same distance apart
 * on every page. The placement rules become data on the rows:
 * - a 栏目 header, a title and a sub-heading keep with what follows, and the first two body
 *   lines after them keep together (a title never ends a page, and has two lines under it);
 * - a paragraph never leaves its first line alone at a page foot (orphan) nor its last line
 *   alone at a page top (widow); a byline stays with the text it signs; a brief of four lines
 *   or fewer stays whole;
 * - a row that begins a 栏目, an article or a brief is marked: a page may end short before it.
 */
import type { ComposeOptions, ComposedLine } from '../compose/types.js';
import type { Block } from '../style/model.js';
import type { TextStyle } from '../style/styles.js';
import { CENTRE, type Content, FOOT, TOP, displayPitch, displayRow, gridOf, linesNeeded } from './display.js';
import { buildFooter } from './footer.js';
import { buildMasthead } from './masthead.js';
import type { Flex, GalleyRow, RowStart } from './paginate.js';
import { type LayoutContext, lineRow, setParagraph, setText } from './setting.js';
import { setTitle } from './title.js';
import { type PendingNumber, type TocPiece, buildToc } from './toc.js';

export interface Galley {
  rows: GalleyRow<ComposedLine>[];
  pending: Map<GalleyRow, PendingNumber[]>;
  /** Body paragraphs of three lines or more, each with its rows [start, end): the ones the page breaker may set in a line less or more. */
  paragraphs: { start: number; end: number }[];
  /** The paragraphs chosen (indices into `paragraphs`) set one line shorter and longer, where that can be done well. */
  flex(which: Iterable<number>): Flex<ComposedLine>[];
}

/** A body paragraph as set, and its settings in one line less and one more. */
interface ParagraphUnit {
  start: number;
  end: number;
  style: TextStyle;
  /** Leading rows a break may not come before (kept with what precedes). */
  lead: number;
  /** The brief it belongs to, and whether that brief is kept whole. */
  brief?: number;
  whole: boolean;
  /**
   * The paragraph in one line less and one more, from its own composition (`nearby`: set for every
   * paragraph of three lines or more; an entry is undefined where that setting cannot be had).
   */
  nearby?: (ComposedLine[] | undefined)[];
}

/**
 * What breaking each rule costs when no layout keeps them all (paginate.ts): a short brief cut
 * least, then a widow or orphan, a byline parted from its text, a title, header or sub-heading
 * parted from its first lines, and the masthead parted from what follows it on page 1 most.
 */
const KEEP = { brief: 1e8, line: 1e9, byline: 2e9, heading: 4e9, masthead: 1e11 } as const;

/** Forbid a page break before `row`, for a rule that costs `cost` to break. */
function forbid(row: GalleyRow, cost: number): void {
  row.breakPenalty = Infinity;
  row.keepCost = Math.max(row.keepCost ?? 0, cost);
}

/** Most body lines a brief may have and still be kept whole on one page. */
const WHOLE_BRIEF = 4;

/** Grid lines on a page: as many as the type area holds at the body pitch (the theme's `grid.lines` by default). */
export function linesPerPage(styles: LayoutContext['styles']): number {
  return Math.max(1, Math.floor((styles.page.typeHeight - styles.body.size) / styles.pitch + 1e-6) + 1);
}

export function buildGalley(ctx: LayoutContext, blocks: readonly Block[]): Galley {
  const styles = ctx.styles;
  const grid = gridOf(styles);
  const pageLines = linesPerPage(styles);
  const width = styles.page.typeWidth;
  const rows: GalleyRow<ComposedLine>[] = [];
  const pending = new Map<GalleyRow, PendingNumber[]>();
  /** Body lines still to keep with the display block or heading before them. */
  let keep = 0;
  /** Whether the next row may follow a page break (not after a heading, nor the masthead). */
  let keepNext: boolean | 'masthead' = false;
  /** Anchors of a 栏目 whose header is not printed: they go to what follows. */
  let carried: string[] = [];
  /** What the next row begins, when a headerless 栏目 begins with it. */
  let sectionStart = false;
  /** The brief the last paragraph belonged to, and the rows of each brief. */
  let lastBrief: number | undefined;
  const briefRows = new Map<number, number[]>();
  const units: ParagraphUnit[] = [];
  /** The 目录's rows, set with the masthead above it, waiting for their block. */
  let tocParts: TocPart[] | undefined;
  const wholeBriefs = new Set<number>();

  const afterFlow = () => rows.length > 0 && !!rows[rows.length - 1].grid;

  const push = (row: GalleyRow<ComposedLine>, opts: { keepWithNext?: boolean; anchors?: string[]; spaceBefore?: number; starts?: RowStart; brief?: number } = {}) => {
    if (keepNext) forbid(row, keepNext === 'masthead' ? KEEP.masthead : KEEP.heading);
    if (row.grid && keep > 0) {
      forbid(row, KEEP.heading);
      keep--;
    }
    // White between blocks of the text flow only: none after a display block, whose own lines hold it.
    if (opts.spaceBefore && afterFlow()) row.spaceBefore = opts.spaceBefore;
    const anchors = [...carried, ...(opts.anchors ?? [])];
    if (anchors.length) row.anchors = anchors;
    carried = [];
    const starts = sectionStart ? 'section' : opts.starts;
    if (starts) row.starts = starts;
    sectionStart = false;
    if (opts.brief !== undefined) briefRows.set(opts.brief, [...(briefRows.get(opts.brief) ?? []), rows.length]);
    rows.push(row);
    keepNext = !!opts.keepWithNext;
  };
  /** Lines k of n of a paragraph: no orphan (a break after its first line), no widow (before its last). */
  const lineRule = <R extends GalleyRow>(row: R, k: number, n: number): R => {
    if (k > 0 && (k === 1 || k === n - 1)) forbid(row, KEEP.line);
    return row;
  };

  /** Lines of one paragraph-like block: widow and orphan control inside it. */
  const flow = (kind: GalleyRow['kind'], lines: ComposedLine[], style: TextStyle, opts: { keepWithNext?: boolean; anchors?: string[]; spaceBefore?: number; starts?: RowStart; brief?: number } = {}) => {
    const n = lines.length;
    lines.forEach((line, k) => {
      const first = k === 0;
      push(lineRule(lineRow(ctx, kind, line, style, 0), k, n), {
        keepWithNext: opts.keepWithNext && k === n - 1,
        anchors: first ? opts.anchors : undefined,
        spaceBefore: first ? opts.spaceBefore : undefined,
        starts: first ? opts.starts : undefined,
        brief: opts.brief,
      });
    });
  };

  blocks.forEach((block, bi) => {
    const first = rows.length;
    addBlock(block, blocks[bi + 1]);
    for (let k = first; k < rows.length; k++) {
      rows[k].block = bi;
      rows[k].source = block.source;
    }
  });
  keepBriefsWhole();
  for (const u of units) u.whole = u.brief !== undefined && wholeBriefs.has(u.brief);
  const paragraphs = units.filter((u) => u.end - u.start >= 3);
  return { rows, pending, paragraphs: paragraphs.map((u) => ({ start: u.start, end: u.end })), flex: (which) => [...which].map((i) => flexOf(paragraphs[i])) };

  /** A paragraph in one line less and one more, as rows with the same break rules, when the composer can set it so. */
  function flexOf(u: ParagraphUnit): Flex<ComposedLine> {
    const natural = rows.slice(u.start, u.end);
    const n = natural.length;
    const setting = (want: number, lines: ComposedLine[] | undefined): GalleyRow<ComposedLine>[] | undefined => {
      if (!lines || lines.length !== want) return undefined;
      return lines.map((line, k) => {
        const model = natural[Math.min(k, n - 1)];
        const row: GalleyRow<ComposedLine> = { ...model, ...lineRow(ctx, 'body', line, u.style, 0) };
        delete row.keepCost;
        row.spaceBefore = k === 0 ? natural[0].spaceBefore : 0;
        if (k === 0) {
          row.breakPenalty = natural[0].breakPenalty;
          if (natural[0].keepCost !== undefined) row.keepCost = natural[0].keepCost;
          return row;
        }
        delete row.anchors;
        delete row.starts;
        lineRule(row, k, want);
        if (k < u.lead) forbid(row, KEEP.heading);
        if (u.whole) forbid(row, KEEP.brief);
        return row;
      });
    };
    const flex: Flex<ComposedLine> = { start: u.start, end: u.end };
    // Every setting the composer made (it makes only those as good as it accepts anyway).
    const [fewer, more] = u.nearby ?? [];
    const shorter = setting(n - 1, fewer);
    const longer = setting(n + 1, more);
    if (shorter) flex.shorter = shorter;
    if (longer) flex.longer = longer;
    return flex;
  }

  function addBlock(block: Block, next: Block | undefined): void {
    switch (block.kind) {
      case 'masthead': {
        const masthead = buildMasthead(ctx, block);
        if (next?.kind === 'toc') {
          // The 目录 follows the masthead at a fixed distance, the two one block of whole lines.
          const [top, ...rest] = headRows(masthead, block.style.space, buildToc(ctx, next), next.style.gapBefore);
          tocParts = rest;
          push(top.row);
        } else {
          push(displayRow('masthead', masthead, grid, block.style.space, TOP, block.name));
        }
        // What follows (the 目录, or the first title) stays under it on page 1.
        keepNext = 'masthead';
        break;
      }
      case 'toc': {
        const parts = tocParts ?? tocChunks(buildToc(ctx, block), () => (h) => linesNeeded(h, grid) <= pageLines).map((chunk, i) => {
          const row = displayRow('toc', chunk.content, grid, 0, TOP, 'toc');
          if (i > 0) row.newPage = true;
          const shift = -row.ascent - chunk.content.top;
          return { row, numbers: chunk.numbers.map((pn) => ({ ...pn, dy: pn.dy + shift })) };
        });
        tocParts = undefined;
        for (const part of parts) {
          if (part.numbers.length) pending.set(part.row, part.numbers);
          push(part.row);
        }
        keepNext = false;
        break;
      }
      case 'section': {
        if (!block.printed) {
          carried.push(block.id);
          sectionStart = true;
          break;
        }
        const style = block.style;
        const lines = setText(ctx, block.text, style, { measure: width, align: style.align }, block.source);
        if (lines.length === 0) break;
        const b = styles.baseline;
        const step = displayPitch(style.size * 1.35, style.size, grid);
        const more = lines.length - 1;
        const content: Content = {
          items: lines.map((line, k) => ({ kind: 'text', x: 0, dy: k * step, line, color: style.color })),
          top: -style.size * b,
          bottom: style.size * (1 - b),
        };
        const rule = style.rule;
        if (rule) {
          content.items.push({ kind: 'rule', x: 0, dy: more * step + content.bottom + rule.gapBefore + rule.weight / 2, width, weight: rule.weight, color: rule.color });
          content.bottom += rule.gapBefore + rule.weight;
        }
        // At the foot of its lines: nearer to what it introduces than to what precedes it.
        push(displayRow('section', content, grid, style.space, FOOT, lines.map((l) => l.text).join(''), (more * step) / grid.pitch), { keepWithNext: true, anchors: [block.id], starts: 'section' });
        // Its first two lines of text stay under it (briefs follow a 栏目 header directly).
        keep = 2;
        break;
      }
      case 'title': {
        const { lines, subtitle, style, inset } = setTitle(ctx, block);
        const b = styles.baseline;
        // Title lines, and subtitle lines after them, whole grid lines apart: every title block
        // sits in its lines as a one-line title does, whatever its number of lines.
        const step = displayPitch(style.lineHeight, style.size, grid);
        const content: Content = {
          items: lines.map((line, k) => ({ kind: 'text', x: inset, dy: k * step, line, color: style.color })),
          top: -style.size * b,
          bottom: style.size * (1 - b),
        };
        let below = Math.max(0, lines.length - 1) * step;
        if (block.subtitle && subtitle.length) {
          const sub = block.subtitle.style;
          const subStep = displayPitch(sub.size * 1.5, sub.size, grid);
          subtitle.forEach((line, k) => content.items.push({ kind: 'text', x: inset, dy: below + (k + 1) * subStep, line, color: sub.color }));
          below += subtitle.length * subStep;
        }
        const label = [...lines, ...subtitle].map((l) => l.text).join('');
        push(displayRow('title', content, grid, style.space, CENTRE, label, below / grid.pitch), { keepWithNext: true, anchors: [block.id], spaceBefore: styles.articleSpace, starts: 'article' });
        keep = 2;
        break;
      }
      case 'heading': {
        // Levels 3 and 4 (1. and （1）) are in the body's face and indent, spaced as level 2.
        const style = block.style;
        const lines = setText(ctx, block.text, style, { measure: width, align: 'justify', indent: style.indent, grid: style.grid }, block.source);
        flow('heading', lines, style, { keepWithNext: true, spaceBefore: style.spaceBefore });
        keep = 2;
        break;
      }
      case 'paragraph': {
        const style = block.style;
        const spans = block.pieces.map((p) => ({ text: p.text, fonts: p.bold ? style.bold.fonts : style.fonts, tag: p.bold ? 'bold' : undefined }));
        const options: ComposeOptions = { measure: width, size: style.size, indent: style.indent, align: 'justify', grid: style.grid, nearby: true };
        const composed = setParagraph(ctx, spans, options, block.source, block.pieces.map((p) => p.offset));
        const lines = composed.lines;
        const newBrief = block.brief !== undefined && block.brief !== lastBrief;
        lastBrief = block.brief;
        const start = rows.length;
        units.push({ start, end: start + lines.length, style, lead: Math.max(keepNext ? 1 : 0, keep), brief: block.brief, whole: false, nearby: composed.alternatives });
        flow('body', lines, style, {
          anchors: block.anchors, brief: block.brief,
          spaceBefore: newBrief ? block.spaceBefore : 0,
          starts: newBrief ? 'brief' : undefined,
        });
        break;
      }
      case 'byline': {
        const style = block.style;
        const lines = setText(ctx, block.text, style, { measure: width, align: 'right' }, block.source, -block.valueOffset);
        lines.forEach((line, k) => {
          const row = lineRow(ctx, 'byline', line, style, 0);
          forbid(row, KEEP.byline);
          push(row, { spaceBefore: k === 0 ? style.spaceBefore : 0, brief: block.brief });
        });
        break;
      }
      case 'footer': {
        const content = buildFooter(ctx, block);
        if (!content) break;
        const row = displayRow('footer', content, grid, block.style.space, FOOT, 'footer');
        row.foot = true;
        push(row);
        break;
      }
    }
  }

  /** A brief of a few lines is not split between pages. */
  function keepBriefsWhole(): void {
    for (const [brief, ks] of briefRows) {
      const text = ks.filter((k) => rows[k].kind === 'body').length;
      if (text > WHOLE_BRIEF) continue;
      wholeBriefs.add(brief);
      for (const k of ks.slice(1)) forbid(rows[k], KEEP.brief);
    }
  }

  /**
   * The masthead with the 目录 under it, `gap` from its rule, as one display block of whole lines
   * from the top of page 1, cut into the masthead's row and the 目录's at the grid line where the
   * 目录 begins (so each keeps its kind); a 目录 too long for page 1 goes on on the next page(s).
   */
  function headRows(masthead: Content, space: number, pieces: readonly TocPiece[], gap: number): TocPart[] {
    const mastheadHeight = masthead.bottom - masthead.top;
    const chunks = tocChunks(pieces, (first) => (first ? (h) => linesNeeded(mastheadHeight + gap + h, grid) + space <= pageLines : (h) => linesNeeded(h, grid) <= pageLines));
    const [chunk, ...more] = chunks;
    const at = masthead.bottom + gap - chunk.content.top;
    const combined: Content = {
      items: [...masthead.items, ...chunk.content.items.map((item) => ({ ...item, dy: item.dy + at }))],
      top: masthead.top,
      bottom: chunk.content.bottom + at,
    };
    const whole = displayRow('masthead', combined, grid, space, TOP);
    const shift = -whole.ascent - combined.top;
    // The grid line the 目录's top falls on.
    const tocTop = chunk.content.top + at + shift;
    const cut = Math.min(whole.lines - 1, Math.max(1, Math.floor((tocTop + grid.ascent + grid.leading / 2) / grid.pitch)));
    const down = cut * grid.pitch;
    const mastheadItems = whole.items.slice(0, masthead.items.length);
    const top: GalleyRow<ComposedLine> = { ...whole, lines: cut, items: mastheadItems, descent: masthead.bottom + shift, label: blocks[0]?.kind === 'masthead' ? blocks[0].name : 'masthead' };
    const toc: GalleyRow<ComposedLine> = {
      ...whole, kind: 'toc', lines: whole.lines - cut, ascent: down - tocTop, descent: whole.descent - down, label: 'toc',
      items: whole.items.slice(masthead.items.length).map((item) => ({ ...item, dy: item.dy - down })),
      links: (chunk.content.links ?? []).map((link) => ({ ...link, dy: link.dy + at + shift - down })),
    };
    const parts: TocPart[] = [
      { row: top, numbers: [] },
      { row: toc, numbers: chunk.numbers.map((pn) => ({ ...pn, dy: pn.dy + at + shift - down })) },
    ];
    for (const c of more) {
      const row = displayRow('toc', c.content, grid, 0, TOP, 'toc');
      row.newPage = true;
      const s = -row.ascent - c.content.top;
      parts.push({ row, numbers: c.numbers.map((pn) => ({ ...pn, dy: pn.dy + s })) });
    }
    return parts;
  }

  /**
   * The 目录's pieces stacked into blocks that fit a page (`fits(first)` says whether pieces of a
   * given height fit: page 1 has the masthead above them), each as full as the places it may be
   * cut allow (between 栏目, or inside one with two entries or more on each side).
   */
  function tocChunks(pieces: readonly TocPiece[], fits: (first: boolean) => (height: number) => boolean): { content: Content; numbers: PendingNumber[] }[] {
    const chunks: { content: Content; numbers: PendingNumber[] }[] = [];
    let start = 0;
    while (start < pieces.length) {
      const fit = fits(chunks.length === 0);
      let end = start + 1;
      let cut = -1;
      for (let k = start + 1; k <= pieces.length; k++) {
        if (!fit(height(pieces, start, k))) break;
        end = k;
        if (k < pieces.length && pieces[k].breakable) cut = k;
      }
      if (end < pieces.length && cut > start) end = cut;
      chunks.push(stack(pieces, start, end));
      start = end;
    }
    return chunks;
  }
}

/** A row of the 目录 and the page numbers it waits for. */
interface TocPart {
  row: GalleyRow<ComposedLine>;
  numbers: PendingNumber[];
}

/** Height of pieces [i, j) stacked. */
function height(pieces: readonly TocPiece[], i: number, j: number): number {
  let h = pieces[i].ascent + pieces[j - 1].descent;
  for (let k = i + 1; k < j; k++) h += pieces[k - 1].descent + pieces[k].gap + pieces[k].ascent;
  return h;
}

/** Pieces [i, j) as one content, from the first piece's baseline. */
function stack(pieces: readonly TocPiece[], i: number, j: number): { content: Content; numbers: PendingNumber[] } {
  const content: Content = { items: [], links: [], top: -pieces[i].ascent, bottom: 0 };
  const numbers: PendingNumber[] = [];
  let y = 0;
  for (let k = i; k < j; k++) {
    const p = pieces[k];
    if (k > i) y += pieces[k - 1].descent + p.gap + p.ascent;
    for (const item of p.items) content.items.push({ ...item, dy: item.dy + y });
    for (const link of p.links) content.links!.push({ ...link, dy: link.dy + y });
    for (const pn of p.numbers) numbers.push({ ...pn, dy: pn.dy + y });
  }
  content.bottom = y + pieces[j - 1].descent;
  return { content, numbers };
}
