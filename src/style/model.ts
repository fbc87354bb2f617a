/**
 * The styled model: the issue as a flat sequence of typographic blocks in reading order
 * (masthead, 目录, 栏目 header, title, paragraph, sub-heading, byline, 版记), each carrying the
 * resolved style it is set in and where it came from in the issue file, so that later problems
 * (a missing glyph, a title too long) can point at the source. Text is final here: labels,
 * brackets and formatted dates are applied from the theme. The layout sets these blocks;
 * `bulletin fonts` counts their characters per face (printedTexts).
 */
import type { Footer, Issue } from '../issue/types.js';
import { isSubHeading, titleLines } from '../issue/types.js';
import { type InlinePiece, parseInline } from '../text/inline.js';
import { headingLevel } from './printed.js';
import type { BodyStyle, BylineStyle, FooterStyle, HeadingStyle, MastheadStyle, SectionStyle, Styles, SubtitleStyle, TextStyle, TitleStyle, TocStyle } from './styles.js';

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
  /** The 栏目 name, and the label as printed (in the label's brackets). */
  name: string;
  label: string;
  target: string;
  items: TocItem[];
}

/** A line of the 版记 and the field it comes from. */
export interface FooterText {
  text: string;
  source: SourcePath;
}

export interface FooterLines {
  /** 送/报/发: the label with its separator, and each addressee line. */
  distribution: { label: FooterText; to: FooterText[] }[];
  /** 本期责任编辑：… and 电话：… */
  editor?: FooterText;
  phone?: FooterText;
  notes: FooterText[];
  /** （共印N份）. */
  copies?: FooterText;
}

/** An article's 副题 as printed (led by ——) and where its value starts in `text`. */
export interface Subtitle {
  text: string;
  valueOffset: number;
  source: SourcePath;
  style: SubtitleStyle;
}

export type Block =
  | { kind: 'masthead'; name: string; edition?: string; numberLine: string; publisher: string; date: string; source: SourcePath; style: MastheadStyle }
  /** `heading`: the 目录's heading as printed (目录, or 本期要目 for a list of brief leads). */
  | { kind: 'toc'; heading: string; rows: TocRow[]; source: SourcePath; style: TocStyle }
  /** `printed: false`: a 栏目 whose header is not printed (its anchor goes to what follows). */
  | { kind: 'section'; text: string; name: string; id: string; printed: boolean; source: SourcePath; style: SectionStyle }
  | { kind: 'title'; lines: string[]; subtitle?: Subtitle; id: string; source: SourcePath; style: TitleStyle }
  /**
   * `brief`: the brief it belongs to (its index in the issue), for keeping a short one whole;
   * `spaceBefore`: grid lines of white asked before it (between briefs).
   */
  | { kind: 'paragraph'; pieces: InlinePiece[]; spaceBefore: number; brief?: number; anchors?: string[]; source: SourcePath; style: BodyStyle }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; source: SourcePath; style: HeadingStyle }
  /** `valueOffset`: where the field's value starts in `text` (after the opening bracket). */
  | { kind: 'byline'; text: string; valueOffset: number; brief?: number; source: SourcePath; style: BylineStyle }
  | { kind: 'footer'; lines: FooterLines; source: SourcePath; style: FooterStyle };

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  lang: string;
}

export interface StyledDocument {
  issue: Issue;
  styles: Styles;
  blocks: Block[];
  /** Outline: one entry per 栏目 with its articles. */
  outline: { title: string; target: string; children: { title: string; target: string }[] }[];
  meta: DocumentMeta;
}

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

export function issueValues(issue: Issue): Record<string, string | number | undefined> {
  const { year, month, day } = dateParts(issue.date);
  return { bulletin: issue.bulletin, number: issue.number, total: issue.total, year, month, day };
}

function footerLines(footer: Footer, style: FooterStyle): FooterLines {
  const lines: FooterLines = {
    distribution: (footer.distribution ?? []).flatMap((d, di) => (d.to.length > 0
      ? [{
        label: { text: `${d.label}${style.labelSeparator}`, source: ['footer', 'distribution', di, 'label'] },
        to: d.to.map((to, ti) => ({ text: to, source: ['footer', 'distribution', di, 'to', ti] })),
      }]
      : [])),
    notes: (footer.notes ?? []).map((note, ni) => ({ text: note, source: ['footer', 'notes', ni] })),
  };
  if (footer.editor) lines.editor = { text: `${style.editorLabel}${footer.editor}`, source: ['footer', 'editor'] };
  if (footer.phone) lines.phone = { text: `${style.phoneLabel}${footer.phone}`, source: ['footer', 'phone'] };
  if (footer.copies !== undefined) lines.copies = { text: fill(style.copies, { n: footer.copies }), source: ['footer', 'copies'] };
  return lines;
}

/**
 * What a brief is about, for a 目录 of 本期要目: its first clause, which opens with its bold
 * lead (**县纪委监委**6月3日召开全县纪检监察工作推进会，… → 县纪委监委6月3日召开全县纪检
 * 监察工作推进会): the office alone would repeat itself down the list. A clause longer than
 * LEAD_MAX characters is cut there and ends in ……
 */
export function briefLead(paragraph: string): string {
  const text = parseInline(paragraph).map((p) => p.text).join('').trim();
  const clause = [...text.split(/[，。；！？,;!?]/u)[0].replace(/[：:、\s]+$/u, '')];
  return clause.length > LEAD_MAX ? `${clause.slice(0, LEAD_MAX).join('')}……` : clause.join('');
}

const LEAD_MAX = 40;

/** The issue set in `styles`. */
export function styleIssue(issue: Issue, styles: Styles): StyledDocument {
  const values = issueValues(issue);
  const m = styles.masthead;
  const blocks: Block[] = [{
    kind: 'masthead',
    name: issue.bulletin,
    edition: issue.edition,
    numberLine: fill(issue.total !== undefined ? m.number.format : m.number.numberOnly, values),
    publisher: issue.publisher,
    date: fill(m.imprint.dateFormat, values),
    source: [],
    style: m,
  }];
  const tocStyle = styles.toc;
  // A 栏目 of briefs is listed by its briefs' leads when the theme says so, or (auto) when the
  // issue has only briefs: a 目录 of "3则" lines says nothing about a 廉政简报 of news items.
  const briefsOnly = issue.sections.every((s) => (s.articles ?? []).length === 0);
  const listLeads = tocStyle.briefEntries === 'leads' || (tocStyle.briefEntries === 'auto' && briefsOnly);
  const toc: Extract<Block, { kind: 'toc' }> = {
    kind: 'toc', heading: listLeads && briefsOnly && tocStyle.leadsHeading ? tocStyle.leadsHeading : tocStyle.heading,
    rows: [], source: ['sections'], style: tocStyle,
  };
  if (issue.toc !== false) blocks.push(toc);
  const outline: StyledDocument['outline'] = [];
  const { section: sectionStyle, title: titleStyle, body, byline } = styles;
  const bylineBlock = (text: string, source: SourcePath, brief?: number): Block => {
    const block: Block = { kind: 'byline', text: `${byline.open}${text}${byline.close}`, valueOffset: byline.open.length, source, style: byline };
    if (brief !== undefined) block.brief = brief;
    return block;
  };
  let briefCount = 0;
  issue.sections.forEach((section, si) => {
    const sid = `s${si + 1}`;
    const label = tocStyle.label;
    const printed = section.header !== false;
    const row: TocRow = { name: section.name, label: printed ? `${label.open}${section.name}${label.close}` : '', target: sid, items: [] };
    const entry = { title: section.name, target: sid, children: [] as { title: string; target: string }[] };
    blocks.push({ kind: 'section', text: `${sectionStyle.open}${section.name}${sectionStyle.close}`, name: section.name, id: sid, printed, source: ['sections', si, 'name'], style: sectionStyle });
    (section.articles ?? []).forEach((article, ai) => {
      const aid = `${sid}a${ai + 1}`;
      const lines = titleLines(article);
      const base: SourcePath = ['sections', si, 'articles', ai];
      // The lead (——) is the layout's; a subtitle typed with its own dash keeps just one.
      const typed = article.subtitle !== undefined ? /^[\s—―－-]*/.exec(article.subtitle)![0].length : 0;
      const subtitle: Subtitle | undefined = article.subtitle !== undefined
        ? { text: `${styles.subtitle.lead}${article.subtitle.slice(typed)}`, valueOffset: styles.subtitle.lead.length - typed, source: [...base, 'subtitle'], style: styles.subtitle }
        : undefined;
      const joined = lines.join(tocStyle.titleJoiner);
      const withSubtitle = tocStyle.subtitles && subtitle !== undefined && article.toc === undefined;
      row.items.push({
        text: article.toc ?? (withSubtitle ? `${joined}${subtitle.text}` : joined), target: aid,
        source: article.toc !== undefined ? [...base, 'toc'] : [...base, 'title'],
        verbatim: article.toc !== undefined || (typeof article.title === 'string' && !withSubtitle),
      });
      entry.children.push({ title: lines.join(' '), target: aid });
      const title: Block = { kind: 'title', lines, id: aid, source: [...base, 'title'], style: titleStyle };
      if (subtitle) title.subtitle = subtitle;
      blocks.push(title);
      article.body.forEach((item, bi) => {
        if (isSubHeading(item)) {
          const level = headingLevel(item.heading, item.level);
          blocks.push({ kind: 'heading', level, text: item.heading, source: [...base, 'body', bi, 'heading'], style: styles.headings[level] });
        } else {
          blocks.push({ kind: 'paragraph', pieces: parseInline(item), spaceBefore: 0, source: [...base, 'body', bi], style: body });
        }
      });
      if (article.byline) blocks.push(bylineBlock(article.byline, [...base, 'byline']));
    });
    const briefs = section.briefs ?? [];
    if (briefs.length > 0) {
      if (!listLeads) row.items.push({ text: fill(tocStyle.briefs, { n: briefs.length }), target: `${sid}b`, source: ['sections', si, 'briefs'], verbatim: false });
      briefs.forEach((brief, bi) => {
        const base: SourcePath = ['sections', si, 'briefs', bi];
        const id = briefCount++;
        const target = `${sid}b${bi + 1}`;
        if (listLeads) {
          const lead = briefLead(brief.body[0] ?? '');
          if (lead) row.items.push({ text: lead, target, source: [...base, 'body', 0], verbatim: false });
        }
        brief.body.forEach((para, pi) => {
          const block: Block = { kind: 'paragraph', pieces: parseInline(para), spaceBefore: pi === 0 ? styles.briefSpace : 0, brief: id, source: [...base, 'body', pi], style: body };
          if (pi === 0) block.anchors = bi === 0 ? [`${sid}b`, target] : [target];
          blocks.push(block);
        });
        if (brief.byline) blocks.push(bylineBlock(brief.byline, [...base, 'byline'], id));
      });
    }
    toc.rows.push(row);
    outline.push(entry);
  });
  if (issue.footer) blocks.push({ kind: 'footer', lines: footerLines(issue.footer, styles.footer), source: ['footer'], style: styles.footer });
  const meta = styles.meta;
  return {
    issue,
    styles,
    blocks,
    outline,
    meta: {
      title: fill(issue.total !== undefined ? meta.title : meta.titleNoTotal, values),
      author: issue.publisher,
      subject: fill(meta.subject, values),
      keywords: meta.keywords.map((k) => fill(k, values)).join(', '),
      lang: meta.lang,
    },
  };
}

/**
 * Every text the bulletin prints with the style it is set in: the blocks' own, what the layout
 * adds from the theme (the 目录 heading, page numbers and the digits of folios), for counting
 * which face draws which character. Bold runs of body text are in the bold style.
 */
export function* printedTexts(doc: StyledDocument): Generator<{ style: TextStyle; text: string }> {
  const s = doc.styles;
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'masthead': {
        const m = block.style;
        yield { style: m.name, text: block.name };
        if (block.edition) yield { style: m.edition, text: `${m.edition.open}${block.edition}${m.edition.close}` };
        yield { style: m.number, text: block.numberLine };
        yield { style: m.imprint, text: block.publisher };
        yield { style: m.imprint, text: block.date };
        break;
      }
      case 'toc': {
        const t = block.style;
        if (block.heading) yield { style: t.headingStyle, text: block.heading };
        for (const row of block.rows) {
          yield { style: t.label, text: row.label };
          for (const item of row.items) yield { style: t.entry, text: item.text };
        }
        if (t.pageNumbers) yield { style: t.entry, text: `${t.leader}0123456789` };
        break;
      }
      case 'section': if (block.printed) yield { style: block.style, text: block.text }; break;
      case 'title':
        for (const line of block.lines) yield { style: block.style, text: line };
        if (block.subtitle) yield { style: block.subtitle.style, text: block.subtitle.text };
        break;
      case 'paragraph': for (const p of block.pieces) yield { style: p.bold ? block.style.bold : block.style, text: p.text }; break;
      case 'heading': case 'byline': yield { style: block.style, text: block.text }; break;
      case 'footer': {
        const l = block.lines;
        for (const d of l.distribution) for (const t of [d.label, ...d.to]) yield { style: block.style, text: t.text };
        for (const t of [l.editor, l.phone, ...l.notes, l.copies]) if (t) yield { style: block.style, text: t.text };
        break;
      }
    }
  }
  yield { style: s.folio, text: fill(s.folio.format, { n: '0123456789' }).replace(/\s/g, '') };
}
