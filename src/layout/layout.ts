/**
 * Page layout entry point: the styled model + composer → page frames, outline and metadata
 * ready for the renderer, plus the problems found on the way (characters no font has, titles
 * too long, loose lines). Pure: the composer comes in as an argument, the fonts in the styles.
 */
import type { ComposedLine } from '../compose/types.js';
import { type StyledDocument, dateParts } from '../style/model.js';
import { buildFrames } from './frames.js';
import { buildGalley } from './galley.js';
import { type GalleyRow, type PlacedPage, paginate } from './paginate.js';
import type { Composer, LayoutContext, LayoutProblem } from './setting.js';
import type { LaidOutDocument } from './types.js';

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
  const pages = paginate(galley.rows, { height: styles.page.typeHeight, pitch: styles.pitch });
  const frames = buildFrames(ctx, galley.rows, pages, galley.pending);
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
  return { document, problems: dedupe(ctx.problems), galley: galley.rows, pages };
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
