/**
 * Which style prints which text, written once: the elements of a printed bulletin, the text
 * style each is set in, and where each field of an issue file is printed. The styled model
 * (model.ts) sets its blocks by it, the lint's glyph coverage (check/) and `bulletin fonts`
 * check characters against it, so the three cannot disagree.
 */
import type { Styles, TextStyle } from './styles.js';

/** The parts of a bulletin that are set in a text style of their own. */
export type Element =
  | 'body' | 'bold' | 'title' | 'subtitle' | 'masthead' | 'edition' | 'imprint' | 'section' | 'tocLabel' | 'toc'
  | 'heading1' | 'heading2' | 'heading3' | 'byline' | 'footer' | 'number' | 'tocHeading' | 'folio';

/** Plain words for each element, used in messages and reports (in this order). */
export const ELEMENT_NAMES: Readonly<Record<Element, string>> = {
  body: 'body text',
  bold: 'bold text',
  title: 'article titles',
  subtitle: 'subtitles',
  masthead: 'the masthead name',
  edition: 'the edition label',
  imprint: 'the publisher line',
  section: 'section names',
  tocLabel: 'section names in the table of contents',
  toc: 'the table of contents',
  heading1: 'level-1 headings',
  heading2: 'level-2 headings',
  heading3: 'level-3 headings (1. （1）)',
  byline: 'bylines',
  footer: 'the footer',
  number: 'the issue number line',
  tocHeading: 'the table of contents heading',
  folio: 'page numbers',
};

/** The text style of an element. */
export function elementStyle(styles: Styles, element: Element): TextStyle {
  switch (element) {
    case 'body': return styles.body;
    case 'bold': return styles.body.bold;
    case 'title': return styles.title;
    case 'subtitle': return styles.subtitle;
    case 'masthead': return styles.masthead.name;
    case 'edition': return styles.masthead.edition;
    case 'imprint': return styles.masthead.imprint;
    case 'number': return styles.masthead.number;
    case 'section': return styles.section;
    case 'tocHeading': return styles.toc.headingStyle;
    case 'tocLabel': return styles.toc.label;
    case 'toc': return styles.toc.entry;
    case 'heading1': return styles.headings[1];
    case 'heading2': return styles.headings[2];
    // 1. and （1） are set in the body face (GB/T 9704 §7.3.3).
    case 'heading3': return styles.headings[3];
    case 'byline': return styles.byline;
    case 'footer': return styles.footer;
    case 'folio': return styles.folio;
  }
}

/** The text fields of an issue file. */
export type Field =
  | 'masthead' | 'edition' | 'publisher' | 'section' | 'title' | 'subtitle' | 'toc' | 'paragraph' | 'heading'
  | 'brief' | 'byline' | 'distribution' | 'editor' | 'phone' | 'note';

/**
 * Where a field's text is printed: a 栏目 name heads its section and labels its 目录 row; a
 * title is also its 目录 entry unless the article gives a `toc` of its own; a sub-heading is
 * set by its level. The `**bold**` runs of body text are in `bold` as well.
 */
export function printedIn(field: Field, context: { level?: 1 | 2 | 3; ownToc?: boolean; subtitleInToc?: boolean } = {}): Element[] {
  switch (field) {
    case 'masthead': return ['masthead'];
    case 'edition': return ['edition'];
    case 'publisher': return ['imprint'];
    case 'section': return ['section', 'tocLabel'];
    case 'title': return context.ownToc ? ['title'] : ['title', 'toc'];
    // In the 目录 too when the theme joins subtitles to their entries.
    case 'subtitle': return context.subtitleInToc ? ['subtitle', 'toc'] : ['subtitle'];
    case 'toc': return ['toc'];
    case 'paragraph': case 'brief': return ['body'];
    case 'heading': return [headingElement(context.level ?? 1)];
    case 'byline': return ['byline'];
    case 'distribution': case 'editor': case 'phone': case 'note': return ['footer'];
  }
}

export function headingElement(level: 1 | 2 | 3): Element {
  return level === 1 ? 'heading1' : level === 2 ? 'heading2' : 'heading3';
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
