/**
 * Page layout entry point: the styled model + composer → page frames, outline and metadata
 * ready for the renderer, plus the problems found on the way (characters no font has, titles
 * too long, loose lines). Pure: the composer comes in as an argument, the fonts in the styles.
 */
import type { ComposedLine } from '../compose/types.js';
import { type StyledDocument, dateParts } from '../style/model.js';
import { buildFrames } from './frames.js';
import { type Galley, buildGalley, linesPerPage } from './galley.js';
import { type GalleyRow, type PaginateOptions, type Pagination, type PlacedPage, paginate } from './paginate.js';
import type { Composer, LayoutContext, LayoutProblem } from './setting.js';
import type { LaidOutDocument } from './types.js';
import { hintOf, say, type MessageId } from '../messages/catalogue.js';

export interface LayoutOptions {
  /** CreationDate/ModDate; by default the issue date, midnight China time. */
  date?: Date;
}

export interface LayoutResult {
  document: LaidOutDocument;
  problems: LayoutProblem[];
  /** The galley and how it was cut, for tests and debugging. */
  galley: GalleyRow<ComposedLine>[];
  pages: PlacedPage[];
}

/** The issue date as an instant: 00:00 in China (UTC+8), so it prints as that day everywhere it matters. */
export function issueDate(iso: string): Date {
  const { year, month, day } = dateParts(iso);
  if (!Number.isFinite(year)) return new Date(0);
  return new Date(Date.UTC(year, month - 1, day) - 8 * 3600 * 1000);
}

export function layoutIssue(model: StyledDocument, compose: Composer, options: LayoutOptions = {}): LayoutResult {
  const styles = model.styles;
  const ctx: LayoutContext = { styles, compose, problems: [] };
  const galley = buildGalley(ctx, model.blocks);
  const paged = breakIntoPages(galley, {
    lines: linesPerPage(styles), pitch: styles.pitch, firstBaseline: styles.body.size * styles.baseline, height: styles.page.typeHeight,
  });
  const { rows, pages } = paged;
  reportPageBreaks(ctx, model, paged);
  const frames = buildFrames(ctx, rows, pages, galley.pending);
  const document: LaidOutDocument = {
    width: styles.page.width,
    height: styles.page.height,
    pages: frames,
    outline: model.outline.map((s) => ({
      title: s.title,
      target: s.target,
      children: s.children.map((c) => ({ title: c.title, target: c.target, children: [] })),
    })),
    meta: { ...model.meta, date: options.date ?? issueDate(model.issue.date) },
  };
  return { document, problems: dedupe(ctx.problems), galley: rows, pages };
}

/**
 * Pages of whole lines. Set as composed, most issues already break well. Where a page ends
 * short inside an article, or far short before the next one, or leaves the 版记 alone, or no
 * page break keeps every rule, every
 * paragraph of three lines or more is offered in one line less and one more (where the
 * composer can set it so, within its limits), and the breaks are chosen again, for the whole
 * issue, with that freedom: a page ending short costs more than a paragraph set differently.
 */
function breakIntoPages(galley: Galley, opts: PaginateOptions): Pagination<ComposedLine> {
  const first = paginate(galley.rows, opts);
  const weak = first.pages.flatMap((page, i) => {
    const end = first.ends[i];
    const alone = i === first.pages.length - 1 && i > 0 && page.end - page.start === 1 && !!galley.rows[page.start].foot;
    return end === 'flow' || alone || (end !== undefined && end !== 'end' && page.short >= WEAK_SHORT * opts.lines) ? [i] : [];
  });
  if ((!weak.length && !first.relaxed) || galley.paragraphs.length === 0) return first;
  // The paragraphs of the weak pages and of the pages around them: lines gained or lost there
  // move the breaks that matter. (Where no layout kept every rule, all of them.)
  const which = new Set<number>();
  const around = first.relaxed ? [[0, first.pages.length - 1]] : weak.map((w) => [w - AROUND_BEFORE, w + AROUND_AFTER]);
  for (const [a, b] of around) {
    const from = first.pages[Math.max(0, a)].start;
    const to = first.pages[Math.min(first.pages.length - 1, b)].end;
    galley.paragraphs.forEach((p, i) => { if (p.end > from && p.start < to) which.add(i); });
  }
  return paginate(galley.rows, opts, galley.flex(which));
}

/** Pages around a weak one whose paragraphs are offered in other settings. */
const AROUND_BEFORE = 4;
const AROUND_AFTER = 1;

/** A page this much of a page short before a new 栏目, article or brief is worth setting paragraphs again for. */
const WEAK_SHORT = 0.25;

/**
 * Where the breaker had to give something up, said where it happened so the editor can add or
 * cut a few characters: a page that ends short inside an article's text (between two of its
 * paragraphs), which the breaker does only when no full page can be made, every other break
 * leaving a line alone or costing more; and a page break that no layout could avoid although a
 * rule forbids it (a widow or orphan, a title parted from its text).
 */
function reportPageBreaks(ctx: LayoutContext, model: StyledDocument, paged: Pagination<ComposedLine>): void {
  const rows = paged.rows;
  const sourceOf = (row: GalleyRow | undefined) => (row?.block !== undefined ? model.blocks[row.block]?.source : undefined) ?? [];
  paged.pages.forEach((page, i) => {
    const next = rows[page.end];
    if (!next) return;
    if (paged.ends[i] === 'flow') {
      ctx.problems.push({
        code: 'short-page',
        severity: 'warning',
        message: say('short-page', { page: i + 1, lines: page.short }),
        hint: hintOf('short-page'),
        page: i + 1,
        short: page.short,
        source: sourceOf(next),
      });
    }
    if (Number.isFinite(next.breakPenalty) || next.newPage) return;
    const prev = rows[page.end - 1];
    let reason: MessageId = 'page-break.heading';
    if (next.kind === 'byline') reason = 'page-break.byline';
    else if (next.kind === 'body' && prev.kind === 'body' && next.block !== undefined && next.block === prev.block) {
      const on = rows.slice(page.start, page.end).filter((r) => r.block === next.block).length;
      const after = rows.slice(page.end).findIndex((r) => r.block !== next.block);
      const left = after < 0 ? rows.length - page.end : after;
      reason = on === 1 ? 'page-break.first-line' : left === 1 ? 'page-break.last-line' : 'page-break.article-start';
    } else if (prev.kind === 'masthead' || next.kind === 'toc') reason = 'page-break.masthead';
    ctx.problems.push({
      code: 'page-break',
      severity: 'warning',
      message: say('page-break', { page: i + 1, reason: say(reason) }),
      hint: hintOf('page-break'),
      page: i + 1,
      source: sourceOf(next),
    });
  });
}

/** One report per problem and place (a character missing ten times in a paragraph is one problem). */
function dedupe(problems: LayoutProblem[]): LayoutProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.source.join('.')}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
