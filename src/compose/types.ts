/**
 * The contract of the paragraph composer: styled text in, positioned glyph runs out.
 * Pure data; no pdfkit here. The page builder stacks ComposedLines and the renderer draws
 * every glyph at its x without measuring anything again.
 */
import type { FontHandle } from '../font/types.js';

/** A stretch of a paragraph in one style. */
export interface Span {
  text: string;
  /** Fallback chain: each character is drawn by the first font that has a glyph for it. */
  fonts: readonly FontHandle[];
  /** Opaque style tag carried through to the output runs (the renderer maps it to colour, fake bold…). */
  tag?: string;
}

export interface ComposeOptions {
  /** Line width (the measure), pt. */
  measure: number;
  /** Font size, pt; 1 em. */
  size: number;
  /** First-line indent in em: 2 for body paragraphs, 0 for headings. */
  indent?: number;
  /** `justify` for body text; titles and headings use `center`; bylines `right`. */
  align: 'justify' | 'left' | 'center' | 'right';
  /**
   * Character grid (文档网格): characters per full line. A pure-Han line then holds exactly
   * this many characters at a pitch of measure / grid.
   */
  grid?: number;
  /** Line-start/line-end prohibition level (typography.md §1.2). Default `gb`. */
  kinsoku?: 'gb' | 'strict';
  /** Set an opening mark at a line start (and after the indent) half width. Default true. */
  trimOpeningAtLineStart?: boolean;
  /**
   * Set an opening mark right after the first-line indent half width (typography.md §8 item 15).
   * Default: the value of `trimOpeningAtLineStart`.
   */
  trimOpeningAfterIndent?: boolean;
  /** Break into lines of similar length at natural places (titles). */
  balance?: boolean;
  /**
   * Text that is a title (a 目录 entry) set flush left or justified: lines break where a balanced
   * title would — after ：, before an opening quote, between words, never inside “…”/《…》, a known
   * word or between a number and its unit while another layout exists (BALANCE_COST). Default false.
   */
  wordBreaks?: boolean;
  /**
   * A list of names separated by 、，；(a 版记's recipients): lines break between names, inside
   * a name only when one is longer than the line (LIST_COST). Default false.
   */
  listBreaks?: boolean;
  /**
   * A space typed next to a closing or opening mark (打好监督“组合拳” 跑出…) is a pause between
   * phrases, set as one em of blank with the mark's blank half: for titles and their 目录
   * entries, where such a space is meant. Elsewhere it vanishes (and `check` reports it). Default false.
   */
  phraseSpaces?: boolean;
  /**
   * Justified text: the largest even inter-character spacing a line may take, in em of `size`
   * (theme `body.maxSpacing`). Default 0.5. A line that would need more is priced above breaking a
   * URL or long token after / . - (but below breaking a kinsoku rule or a word), so such a break
   * is taken when it avoids the loose line; a line that is loose whatever the breaks is still set.
   */
  maxSpacing?: number;
  /**
   * Justified text: also set the paragraph in each of these numbers of lines, where that can be
   * done as well as the composer sets any paragraph (punctuation compressed further for one line
   * less, lines spaced out within `maxSpacing` for one more; no rule broken, no lone last
   * character): ComposedParagraph.alternatives. The page breaker asks for them so that a page
   * need not end short.
   */
  alternatives?: readonly number[];
  /**
   * Justified text: when the paragraph takes three lines or more, also set it in one line less and
   * one more, as `alternatives` would ([lines - 1, lines + 1]), in the same composition: the page
   * breaker may want either, and setting the paragraph again later would cost its whole
   * composition a second time.
   */
  nearby?: boolean;
}

export { GlyphRun, type PlacedGlyph } from './glyph-run.js';
import type { GlyphRun } from './glyph-run.js';

export interface ComposedLine {
  runs: GlyphRun[];
  /** Where the line's ink box starts and ends after adjustment, pt from the measure's left edge. */
  left: number;
  right: number;
  /** Width the line would have with no justification, pt. */
  natural: number;
  /** Last line of its paragraph (set naturally, not justified). */
  last: boolean;
  /** Plain text of the line, for tests and diagnostics. */
  text: string;
  /**
   * UTF-16 offset of the line's first character in the paragraph's text (its spans joined), so
   * that a diagnostic about the line can point at its source. Absent on lines not made by the
   * composer.
   */
  start?: number;
  /**
   * Even inter-character space added at each justifiable joint to reach the measure, pt (absent
   * when none was needed). Looser than `body.maxSpacing` (0.12 em by default; ½ em when a caller
   * gives no limit) a line looks loose: callers may warn (typography.md §8 item 23).
   */
  spacing?: number;
}

export interface ComposedParagraph {
  lines: ComposedLine[];
  /** Per count asked for in `alternatives`, the paragraph set in that many lines, or undefined where it cannot be. */
  alternatives?: (ComposedLine[] | undefined)[];
  /** Characters no font in their chain could draw (each reported once). */
  missing: { char: string; codePoint: number; index: number }[];
}
