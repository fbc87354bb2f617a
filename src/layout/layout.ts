/**
 * Page layout entry point: document model + resolved theme + composer → page frames, outline
 * and metadata ready for the renderer, plus the problems found on the way (characters no font
 * has, titles too long). Pure: the composer and fonts come in as arguments.
 */
import type { ComposedLine } from '../compose/types.js';
import { buildFrames } from './frames.js';
import { buildGalley } from './galley.js';
import { type DocModel, dateParts, fill, issueValues } from './model.js';
import { type GalleyRow, type PlacedPage, paginate } from './paginate.js';
import type { Composer, LayoutContext, LayoutProblem } from './setting.js';
import type { ResolvedTheme } from './theme-resolve.js';
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

export function layoutIssue(model: DocModel, theme: ResolvedTheme, compose: Composer, options: LayoutOptions = {}): LayoutResult {
  const ctx: LayoutContext = { theme, compose, problems: [] };
  const galley = buildGalley(ctx, model.blocks);
  const pages = paginate(galley.rows, { height: theme.typeHeight, pitch: theme.pitch });
  const frames = buildFrames(ctx, galley.rows, pages, galley.pending);
  const issue = model.issue;
  const values = issueValues(issue);
  const m = theme.theme.meta;
  const document: LaidOutDocument = {
    width: theme.pageWidth,
    height: theme.pageHeight,
    pages: frames,
    outline: model.outline.map((s) => ({
      title: s.title,
      target: s.target,
      children: s.children.map((c) => ({ title: c.title, target: c.target, children: [] })),
    })),
    meta: {
      title: fill(issue.total !== undefined ? m.title : m.titleNoTotal, values),
      author: issue.publisher,
      subject: fill(m.subject, values),
      keywords: m.keywords.map((k) => fill(k, values)).join(', '),
      lang: m.lang,
      date: options.date ?? issueDate(issue.date),
    },
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
