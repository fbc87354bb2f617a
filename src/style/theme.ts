/**
 * The theme: every size, font, colour, margin and spacing of the bulletin as data. The default
 * follows GB/T 9704-2012 geometry and 简报 practice (typography.md §2–§4); an issue's `style:`
 * block and a `--theme` file override any part of it by deep merge (merge.ts), and
 * schema/theme.schema.json describes the same shape. Nothing here opens a file.
 */
import type { Cmyk, Length, Size } from './units.js';

/**
 * One font face: a file (a .ttc/.otc needs `face`, the PostScript name), or `family`, the name
 * of a font installed on the computer (仿宋_GB2312, FangSong, 方正小标宋简体), found by
 * src/font/system.ts; and optional fallbacks. A theme may also write a role as a bare string,
 * a file or a family name (style/merge.ts makes it one of the two).
 */
export interface FontSpec {
  /** Absent when the face is named by `family` and has not been found yet (style/families.ts). */
  file?: string;
  face?: string;
  /** Family, full or PostScript name of an installed face. */
  family?: string;
  /** Roles (names in `fonts`) to try, in order, for characters this face lacks. */
  fallback?: string[];
}

/** A colour: CMYK percentages, or the name of an entry in `colors`. */
export type ColorRef = Cmyk | string;

/**
 * Display space is counted in whole lines of the body grid (方正's 占行, a Word 文档网格): a
 * display block (栏目 header, title, 目录, masthead, 版记) occupies the grid lines its text needs
 * — its text with one body leading of white, as a body line has — plus `space` more, and its
 * text is placed inside them by rule; so every body line after it lands on the grid again.
 * A whole number ≥ 0.
 */
export type Lines = number;

export interface RuleStyle {
  weight: Length;
  color: ColorRef;
  /** Distance from the previous rule of a pair (edge to edge). */
  gap?: Length;
}

export interface TextStyle {
  /** Role name in `fonts`. */
  font: string;
  size: Size;
  color: ColorRef;
}

export interface Theme {
  page: {
    width: Length;
    height: Length;
    /** 天头: top margin. */
    top: Length;
    /** 订口: binding-side margin (left on odd pages; right on even pages when mirrored). */
    inner: Length;
    /** 版心 width and height. */
    typeWidth: Length;
    typeHeight: Length;
    /** Mirror the margins on even pages for duplex printing. */
    mirror: boolean;
  };
  /** 文档网格: characters per body line and body lines per page; the baseline pitch follows. */
  grid: {
    chars: number;
    lines: number;
    /** Baseline pitch; by default (typeHeight − body size) / (lines − 1), so the first and last lines touch the 版心 edges. */
    pitch?: Length;
  };
  /** Where the baseline sits in a CJK em box, from its top (0.88 for the ideographic em box). */
  baseline: number;
  fonts: Record<string, FontSpec>;
  colors: Record<string, Cmyk>;
  body: TextStyle & {
    /** Role used for `**bold**` runs (a true bold face: 仿宋/楷体 have no bold weight). */
    bold: string;
    /** First-line indent, em. */
    indent: number;
    /** Set the body on the character grid (grid.chars per line). */
    snapToGrid: boolean;
    /**
     * Ceiling on the even space the composer adds between characters to justify a line
     * (typography.md §8 item 23): a line of body text, a sub-heading or a 目录 entry spaced
     * wider is reported as a warning at its source. em are of that line's size.
     */
    maxSpacing: Length;
  };
  masthead: {
    name: TextStyle & {
      /** Extra space between the characters of the name. */
      letterSpacing: Length;
      /** Widest the letter-spaced name may be; it is set smaller to fit. */
      maxWidth: Length;
    };
    /** 刊别, e.g. （普 刊）. */
    edition: TextStyle & { letterSpacing: Length; open: string; close: string };
    /** 期号 line. `{number}` and `{total}` are replaced; `numberOnly` is used when there is no total. */
    number: TextStyle & { format: string; numberOnly: string };
    /** 编印单位 left, date right. `{year}` `{month}` `{day}` are replaced in the date. */
    imprint: TextStyle & { dateFormat: string };
    /** Distances between the masthead's parts, top to bottom. */
    gapAfterName: Length;
    gapAfterEdition: Length;
    gapAfterNumber: Length;
    gapAfterImprint: Length;
    /** The separator under the masthead: one rule, or a thick-thin pair. */
    rules: RuleStyle[];
    /**
     * Grid lines of white added under the masthead and the 目录 that follows it on page 1: the
     * two are one display block, set from the top of the 版心 in the lines they fill.
     */
    space: Lines;
  };
  toc: {
    /** Heading text, letter-spaced; empty for none. */
    heading: string;
    headingStyle: TextStyle & { letterSpacing: Length };
    gapAfterHeading: Length;
    /** The 栏目 label column. */
    label: TextStyle & { open: string; close: string };
    /** Space between the label column and the titles. */
    columnGap: Length;
    entry: TextStyle;
    /** Baseline pitch of the 目录 lines. */
    lineHeight: Length;
    /** Extra space between 栏目 rows. */
    rowGap: Length;
    /**
     * Joins the lines of a multi-line title. A space: between two Han characters the composer
     * sets it as a 1-em gap (as the space between a title's phrases), and it vanishes when the
     * entry wraps there or next to a full-width mark.
     */
    titleJoiner: string;
    /** Entry of a 栏目 that has briefs, `{n}` = how many. */
    briefs: string;
    /**
     * How a 栏目 of briefs is listed: `count` one entry "3则", `leads` one entry per brief, its
     * first clause, which opens with its bold lead (县纪委监委召开全县纪检监察工作推进会),
     * `auto` leads when the issue has only briefs (a 廉政简报 of news items: the 目录 is then a
     * list of 本期要目), the count otherwise.
     */
    briefEntries: 'auto' | 'count' | 'leads';
    /** Heading of a 目录 that lists the briefs' leads and no article; empty: `heading`. */
    leadsHeading: string;
    /** Add an article's subtitle to its 目录 entry (主题——副题). */
    subtitles: boolean;
    pageNumbers: boolean;
    /** Leader character between an entry and its page number. */
    leader: string;
    rules: RuleStyle[];
    gapBeforeRule: Length;
    /** From the masthead's rule to the top of the 目录 heading. */
    gapBefore: Length;
  };
  section: TextStyle & {
    open: string;
    close: string;
    align: 'left' | 'center';
    /** A rule under the 栏目 header; omit for none. */
    rule?: RuleStyle;
    gapBeforeRule: Length;
    /**
     * Grid lines of white added to the lines the header fills. Its text (and rule) sits at
     * the foot of them, one body leading above what it introduces, so the header is nearer to
     * its title or first brief than to the text before it.
     */
    space: Lines;
  };
  title: TextStyle & {
    /** Distance between the lines of a title, rounded to whole grid lines (the nearest number that clears the title's size). */
    lineHeight: Length;
    /**
     * Space kept free at each side of a title line. 0 by default: GB/T 9704 §7.3.1 centres
     * titles on the 版心: a title of up to 20 二号 characters stays on one line.
     */
    inset: Length;
    /** More lines than this is reported as an error. */
    maxLines: number;
    /** Grid lines of white added to the lines the title (and its subtitle) fills; the text is centred in them. */
    space: Lines;
  };
  /** 副题: under the title, centred, led by `lead` (——). */
  subtitle: TextStyle & {
    lead: string;
    /** More lines than this is reported as an error. */
    maxLines: number;
  };
  /** Sub-headings: level 1 一、, level 2 （一）; `spaceBefore` in grid lines. */
  heading1: TextStyle & { indent: number; spaceBefore: Lines };
  heading2: TextStyle & { indent: number; spaceBefore: Lines };
  byline: TextStyle & { open: string; close: string; spaceBefore: Lines };
  /** Grid lines of white between two briefs (dropped at a page top). */
  brief: { spaceBetween: Lines };
  /** Grid lines of white between the end of an article and the next title (dropped at a page top). */
  article: { spaceBetween: Lines };
  /** 版记. */
  footer: TextStyle & {
    lineHeight: Length;
    /** 1-字 insets at both sides. */
    inset: Length;
    thick: RuleStyle;
    thin: RuleStyle;
    /** Space between a rule and the text next to it. */
    padding: Length;
    labelSeparator: string;
    editorLabel: string;
    phoneLabel: string;
    /** `{n}` = copies. */
    copies: string;
    /** Grid lines of white added above the lines the 版记 fills (its last rule sits on the 版心 bottom). */
    space: Lines;
  };
  /** Page numbers. */
  folio: TextStyle & {
    /** `{n}` = the page number; each space becomes a gap of `space`. */
    format: string;
    space: Length;
    /** From the 版心 bottom to the centre of the dashes. */
    offset: Length;
    /** From the 版心 edge on the outer side. */
    inset: Length;
    /** Odd pages right, even pages left; false centres every folio. */
    alternate: boolean;
  };
  /** Document metadata. */
  meta: {
    /** `{bulletin}` `{number}` `{total}` `{year}` are replaced. */
    title: string;
    titleNoTotal: string;
    subject: string;
    keywords: string[];
    lang: string;
  };
}

/** The default bulletin theme. Font files are names in the vendored fonts/ directory. */
export const DEFAULT_THEME: Theme = {
  page: { width: '210mm', height: '297mm', top: '37mm', inner: '28mm', typeWidth: '156mm', typeHeight: '225mm', mirror: false },
  grid: { chars: 28, lines: 22 },
  baseline: 0.88,
  fonts: {
    song: { file: 'NotoSerifCJKsc-Regular.ttf' },
    title: { file: 'NotoSerifCJKsc-Bold.ttf', fallback: ['song'] },
    masthead: { file: 'NotoSerifCJKsc-Black.ttf', fallback: ['title', 'song'] },
    hei: { file: 'NotoSansCJKsc-Bold.ttf', fallback: ['song'] },
    kai: { file: 'LXGWWenKai-Regular.ttf', fallback: ['song'] },
  },
  colors: { text: [0, 0, 0, 100], red: [0, 100, 100, 0] },
  body: { font: 'song', size: '三号', color: 'text', bold: 'hei', indent: 2, snapToGrid: true, maxSpacing: '0.12em' },
  masthead: {
    name: { font: 'masthead', size: 56, color: 'red', letterSpacing: '0.3em', maxWidth: '100%' },
    edition: { font: 'song', size: '三号', color: 'text', letterSpacing: '1em', open: '（', close: '）' },
    number: { font: 'song', size: '三号', color: 'text', format: '第{number}期（总第{total}期）', numberOnly: '第{number}期' },
    imprint: { font: 'song', size: '三号', color: 'text', dateFormat: '{year}年{month}月{day}日' },
    gapAfterName: '3mm',
    gapAfterEdition: '2mm',
    gapAfterNumber: '2mm',
    gapAfterImprint: '2mm',
    rules: [{ weight: '2.25pt', color: 'red' }, { weight: '0.75pt', color: 'red', gap: '1.5pt' }],
    space: 0,
  },
  toc: {
    heading: '目录',
    headingStyle: { font: 'hei', size: '三号', color: 'text', letterSpacing: '1em' },
    gapAfterHeading: '2mm',
    label: { font: 'hei', size: '四号', color: 'text', open: '【', close: '】' },
    columnGap: '0.5em',
    entry: { font: 'song', size: '四号', color: 'text' },
    lineHeight: '1.6em',
    rowGap: 0,
    titleJoiner: ' ',
    briefs: '{n}则',
    briefEntries: 'auto',
    leadsHeading: '本期要目',
    subtitles: false,
    pageNumbers: false,
    leader: '·',
    rules: [{ weight: '0.75pt', color: 'red' }],
    gapBeforeRule: '3mm',
    gapBefore: '4mm',
  },
  section: {
    font: 'hei', size: '三号', color: 'text', open: '【', close: '】', align: 'left',
    rule: { weight: '0.5pt', color: 'text' },
    gapBeforeRule: '2pt',
    space: 0,
  },
  title: {
    font: 'title', size: '二号', color: 'text', lineHeight: '1.35em', inset: 0, maxLines: 3,
    space: 0,
  },
  subtitle: { font: 'kai', size: '小二', color: 'text', lead: '——', maxLines: 2 },
  heading1: { font: 'hei', size: '三号', color: 'text', indent: 2, spaceBefore: 0 },
  heading2: { font: 'kai', size: '三号', color: 'text', indent: 2, spaceBefore: 0 },
  byline: { font: 'kai', size: '三号', color: 'text', open: '（', close: '）', spaceBefore: 0 },
  brief: { spaceBetween: 0 },
  article: { spaceBetween: 0 },
  footer: {
    font: 'song', size: '四号', color: 'text', lineHeight: '1.5em', inset: '1em',
    thick: { weight: '0.35mm', color: 'text' },
    thin: { weight: '0.25mm', color: 'text' },
    padding: '0.35em',
    labelSeparator: '：',
    editorLabel: '本期责任编辑：',
    phoneLabel: '电话：',
    copies: '（共印{n}份）',
    space: 0,
  },
  folio: { font: 'song', size: '四号', color: 'text', format: '— {n} —', space: '0.25em', offset: '7mm', inset: '1em', alternate: true },
  meta: {
    title: '《{bulletin}》第{number}期（总第{total}期）',
    titleNoTotal: '《{bulletin}》{year}年第{number}期',
    subject: '{bulletin} {year}年第{number}期',
    keywords: ['{bulletin}', '简报'],
    lang: 'zh-CN',
  },
};
