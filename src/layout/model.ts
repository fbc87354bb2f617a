/**
 * The issue as a flat sequence of typographic blocks in reading order (masthead, 目录, 栏目
 * header, title, paragraph, sub-heading, byline, 版记), each carrying where it came from in the
 * issue file so that later problems (a missing glyph, a title too long) can point at the source.
 * Text is final here: labels, brackets and formatted dates are applied from the theme.
 */
import type { Footer, Issue } from '../issue/types.js';
import { isSubHeading, titleLines } from '../issue/types.js';
import { type InlinePiece, parseInline } from '../text/inline.js';
import type { Theme } from './theme.js';

export type SourcePath = (string | number)[];

export interface TocItem {
  text: string;
  target: string;
  /** The field the entry's text comes from, for problems found while setting it. */
  source: SourcePath;
  /** True when `text` is that field's value itself, so offsets into it are offsets into the source. */
  verbatim: boolean;
}

export interface TocRow {
  label: string;
  target: string;
  items: TocItem[];
}

export type Block =
  | { kind: 'masthead'; name: string; edition?: string; numberLine: string; publisher: string; date: string; source: SourcePath }
  | { kind: 'toc'; rows: TocRow[]; source: SourcePath }
  | { kind: 'section'; text: string; name: string; id: string; source: SourcePath }
  | { kind: 'title'; lines: string[]; id: string; source: SourcePath }
  | { kind: 'paragraph'; pieces: InlinePiece[]; briefStart?: boolean; anchor?: string; source: SourcePath }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; source: SourcePath }
  | { kind: 'byline'; text: string; source: SourcePath }
  | { kind: 'footer'; footer: Footer; source: SourcePath };

export interface DocModel {
  issue: Issue;
  blocks: Block[];
  /** Outline: one entry per 栏目 with its articles. */
  outline: { title: string; target: string; children: { title: string; target: string }[] }[];
}

/** `{key}` replaced by the value given for it; own keys only (`{constructor}` stays as typed). */
export function fill(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = Object.hasOwn(values, key) ? values[key] : undefined;
    return v === undefined ? whole : String(v);
  });
}

/** ISO date → its parts without zero padding (GB/T 15835: 2024年3月5日). */
export function dateParts(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  if (!m) return { year: NaN, month: NaN, day: NaN };
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * Level of a sub-heading from its marker (GB/T 9704 §7.3.3): 一、 → 1 (黑体), （一） → 2 (楷体),
 * 1. and （1） → 3, set in the body face as the standard sets the third and fourth levels in the
 * body's 仿宋 (a 1. in 黑体 would read as high as 一、, above the （一） it belongs under).
 */
export function headingLevel(text: string, given?: 1 | 2): 1 | 2 | 3 {
  if (given) return given;
  const t = text.trim();
  if (/^(?:[0-9０-９]+[.．]|[（(][0-9０-９]+[）)])/.test(t)) return 3;
  return /^[（(]/.test(t) ? 2 : 1;
}

export function issueValues(issue: Issue): Record<string, string | number | undefined> {
  const { year, month, day } = dateParts(issue.date);
  return { bulletin: issue.bulletin, number: issue.number, total: issue.total, year, month, day };
}

export function buildModel(issue: Issue, theme: Theme): DocModel {
  const values = issueValues(issue);
  const m = theme.masthead;
  const blocks: Block[] = [{
    kind: 'masthead',
    name: issue.bulletin,
    edition: issue.edition,
    numberLine: fill(issue.total !== undefined ? m.number.format : m.number.numberOnly, values),
    publisher: issue.publisher,
    date: fill(m.imprint.dateFormat, values),
    source: [],
  }];
  const rows: TocRow[] = [];
  const outline: DocModel['outline'] = [];
  const sectionBlocks: Block[] = [];
  issue.sections.forEach((section, si) => {
    const sid = `s${si + 1}`;
    const row: TocRow = { label: section.name, target: sid, items: [] };
    const entry = { title: section.name, target: sid, children: [] as { title: string; target: string }[] };
    sectionBlocks.push({ kind: 'section', text: `${theme.section.open}${section.name}${theme.section.close}`, name: section.name, id: sid, source: ['sections', si, 'name'] });
    (section.articles ?? []).forEach((article, ai) => {
      const aid = `${sid}a${ai + 1}`;
      const lines = titleLines(article);
      const tocText = article.toc ?? lines.join(theme.toc.titleJoiner);
      const base: SourcePath = ['sections', si, 'articles', ai];
      row.items.push({
        text: tocText, target: aid,
        source: article.toc !== undefined ? [...base, 'toc'] : [...base, 'title'],
        verbatim: article.toc !== undefined || typeof article.title === 'string',
      });
      entry.children.push({ title: lines.join(' '), target: aid });
      sectionBlocks.push({ kind: 'title', lines, id: aid, source: [...base, 'title'] });
      article.body.forEach((item, bi) => {
        if (isSubHeading(item)) {
          sectionBlocks.push({ kind: 'heading', level: headingLevel(item.heading, item.level), text: item.heading, source: [...base, 'body', bi, 'heading'] });
        } else {
          sectionBlocks.push({ kind: 'paragraph', pieces: parseInline(item), source: [...base, 'body', bi] });
        }
      });
      if (article.byline) sectionBlocks.push({ kind: 'byline', text: `${theme.byline.open}${article.byline}${theme.byline.close}`, source: [...base, 'byline'] });
    });
    const briefs = section.briefs ?? [];
    if (briefs.length > 0) {
      row.items.push({ text: fill(theme.toc.briefs, { n: briefs.length }), target: `${sid}b`, source: ['sections', si, 'briefs'], verbatim: false });
      briefs.forEach((brief, bi) => {
        const base: SourcePath = ['sections', si, 'briefs', bi];
        brief.body.forEach((para, pi) => {
          sectionBlocks.push({
            kind: 'paragraph', pieces: parseInline(para), briefStart: pi === 0,
            anchor: bi === 0 && pi === 0 ? `${sid}b` : undefined, source: [...base, 'body', pi],
          });
        });
        if (brief.byline) sectionBlocks.push({ kind: 'byline', text: `${theme.byline.open}${brief.byline}${theme.byline.close}`, source: [...base, 'byline'] });
      });
    }
    rows.push(row);
    outline.push(entry);
  });
  blocks.push({ kind: 'toc', rows, source: ['sections'] });
  for (const block of sectionBlocks) blocks.push(block);
  if (issue.footer) blocks.push({ kind: 'footer', footer: issue.footer, source: ['footer'] });
  return { issue, blocks, outline };
}
