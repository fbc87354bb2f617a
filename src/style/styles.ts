/**
 * The theme as the layout uses it: every value resolved once (resolve.ts) into points, CMYK
 * colours and fallback chains of opened faces, grouped by the element it styles. Nothing here
 * names a theme key or can fail: a theme that cannot be resolved never gets this far.
 */
import type { FontHandle } from '../font/types.js';
import type { Cmyk } from './units.js';

/** How a piece of text is set. */
export interface TextStyle {
  /** The theme's font role (a key of its `fonts`), for reports. */
  role: string;
  /** The role's face, then its fallbacks' faces: the first that has a character draws it. */
  fonts: readonly FontHandle[];
  /** pt. */
  size: number;
  color: Cmyk;
}

/** A horizontal rule and the distance from the rule above it (pairs). */
export interface Rule {
  weight: number;
  color: Cmyk;
  gap: number;
}

/**
 * A length in em of a size the layout decides (the masthead name is set smaller when it does
 * not fit, and its letter-spacing shrinks with it), or in points.
 */
export type Scaled = { em: number } | { pt: number };

/** `length` at `size`. */
export function scaled(length: Scaled, size: number): number {
  return 'em' in length ? length.em * size : length.pt;
}

export interface Page {
  width: number;
  height: number;
  /** 天头. */
  top: number;
  /** 订口: the margin on the binding side. */
  inner: number;
  /** 版心. */
  typeWidth: number;
  typeHeight: number;
  /** Binding side on the right of even pages. */
  mirror: boolean;
  /** Left edge of the 版心 on page `number` (1-based). */
  typeLeft(number: number): number;
  typeBottom: number;
}

export interface BodyStyle extends TextStyle {
  /** `**bold**` runs: the body's size and colour in the bold role's chain. */
  bold: TextStyle;
  /** First-line indent, em. */
  indent: number;
  /** Characters per line when the body is set on the character grid. */
  grid?: number;
  /** Widest even spacing between characters a justified line may take before it is reported. */
  maxSpacing?: Scaled;
}

export interface HeadingStyle extends TextStyle {
  indent: number;
  grid?: number;
  /** Grid lines of white before it (none at a page top). */
  spaceBefore: number;
}

export interface TitleStyle extends TextStyle {
  /** Distance between title lines as the theme gives it; the layout sets them whole grid lines apart. */
  lineHeight: number;
  /** Room kept free at each side. */
  inset: number;
  maxLines: number;
  /** Grid lines of white added to the lines the title block fills. */
  space: number;
}

export interface SubtitleStyle extends TextStyle {
  /** Put before the subtitle's text (——). */
  lead: string;
  maxLines: number;
}

export interface SectionStyle extends TextStyle {
  open: string;
  close: string;
  align: 'left' | 'center';
  rule?: Rule & { gapBefore: number };
  /** Grid lines of white added to the lines the header fills. */
  space: number;
}

export interface BylineStyle extends TextStyle {
  open: string;
  close: string;
  /** Grid lines of white before it. */
  spaceBefore: number;
}

export interface MastheadStyle {
  name: TextStyle & { letterSpacing: Scaled; maxWidth: number; gapAfter: Scaled };
  edition: TextStyle & { letterSpacing: number; open: string; close: string; gapAfter: number };
  number: TextStyle & { format: string; numberOnly: string; gapAfter: number };
  imprint: TextStyle & { dateFormat: string; gapAfter: number };
  rules: Rule[];
  /** Grid lines of white added under the masthead and its 目录. */
  space: number;
}

export interface TocStyle {
  /** Empty: no heading. */
  heading: string;
  headingStyle: TextStyle & { letterSpacing: number };
  gapAfterHeading: number;
  label: TextStyle & { open: string; close: string };
  columnGap: number;
  entry: TextStyle;
  lineHeight: number;
  rowGap: number;
  titleJoiner: string;
  /** Entry of a 栏目 of briefs, `{n}` = how many. */
  briefs: string;
  /** A 栏目 of briefs listed by count or by the briefs' leads (auto: leads when the issue has only briefs). */
  briefEntries: 'auto' | 'count' | 'leads';
  /** Heading of a 目录 of brief leads only (本期要目); empty: `heading`. */
  leadsHeading: string;
  /** Subtitles join their titles in the 目录. */
  subtitles: boolean;
  pageNumbers: boolean;
  leader: string;
  rules: Rule[];
  gapBeforeRule: number;
  /** From the masthead's rule to the top of the 目录 heading. */
  gapBefore: number;
}

export interface FooterStyle extends TextStyle {
  lineHeight: number;
  inset: number;
  thick: Rule;
  thin: Rule;
  padding: number;
  labelSeparator: string;
  editorLabel: string;
  phoneLabel: string;
  /** `{n}` = copies. */
  copies: string;
  /** Grid lines of white added above the lines the 版记 fills. */
  space: number;
}

export interface FolioStyle extends TextStyle {
  /** `{n}` = the page number; each space becomes a gap of `space`. */
  format: string;
  space: number;
  /** From the 版心 bottom to the middle of the folio's first glyph. */
  offset: number;
  inset: number;
  alternate: boolean;
}

export interface MetaStyle {
  title: string;
  titleNoTotal: string;
  subject: string;
  keywords: string[];
  lang: string;
}

export interface Styles {
  page: Page;
  /** 文档网格: body lines per page, and the body baseline pitch. */
  lines: number;
  pitch: number;
  /** Where the baseline sits in an em box, from its top. */
  baseline: number;
  body: BodyStyle;
  /** Grid lines of white between two briefs, and between two articles (none at a page top). */
  briefSpace: number;
  articleSpace: number;
  masthead: MastheadStyle;
  toc: TocStyle;
  section: SectionStyle;
  title: TitleStyle;
  subtitle: SubtitleStyle;
  /** Sub-headings: 一、 (1), （一） (2), and 1. （1） (3, in the body face). */
  headings: Readonly<Record<1 | 2 | 3, HeadingStyle>>;
  byline: BylineStyle;
  footer: FooterStyle;
  folio: FolioStyle;
  meta: MetaStyle;
}
