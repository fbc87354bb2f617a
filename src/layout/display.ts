/**
 * Display blocks in whole grid lines (方正's 占行): a 栏目 header, a title block, the 目录, the
 * masthead or the 版记 occupies the grid lines its content needs — its height with one body
 * leading of white, as a body line needs exactly one — plus the theme's `space`, and its content
 * is placed inside them by rule: at the top (the masthead), centred (a title), at the foot (a
 * header, the 版记). So whatever follows a display block starts on a grid line again, and the
 * same pair of blocks is the same distance apart on every page.
 */
import type { ComposedLine } from '../compose/types.js';
import type { Styles } from '../style/styles.js';
import type { GalleyRow, RowKind, RowLink, RowRule, RowText } from './paginate.js';

/** Text, rules and links laid out from a reference point (y down), and the extent they take. */
export interface Content<L = ComposedLine> {
  items: (RowText<L> | RowRule)[];
  links?: RowLink[];
  /** Top and bottom of the content, from the reference point (top < bottom). */
  top: number;
  bottom: number;
}

/** The body grid as display blocks see it. */
export interface Grid {
  pitch: number;
  /** White between two body lines: the pitch less the body size. */
  leading: number;
  /** From the top of a body line's em box to its baseline. */
  ascent: number;
}

export function gridOf(styles: Styles): Grid {
  return { pitch: styles.pitch, leading: Math.max(0, styles.pitch - styles.body.size), ascent: styles.body.size * styles.baseline };
}

/** Tolerance for a height that is a whole number of lines but for rounding. */
const EPS = 1e-6;

/** Grid lines that hold content of `height` with one body leading of white (a body line: one). */
export function linesNeeded(height: number, grid: Grid): number {
  return Math.max(1, Math.ceil((height + grid.leading) / grid.pitch - EPS));
}

/**
 * Where a display block's text goes in its white: 0 at the top, 1 at the foot, ½ centred.
 * At the foot, the text ends one body leading above the next grid line's text, so text that
 * follows directly never comes closer to it than two body lines are to each other.
 */
export type Placement = number;
export const TOP: Placement = 0;
export const CENTRE: Placement = 0.5;
export const FOOT: Placement = 1;

/**
 * A galley row of `content` in whole grid lines: the lines it needs plus `space`, the content at
 * `placement` of the white left. The row's reference baseline is its first grid line's.
 *
 * A block of several lines set whole grid lines apart (a two-line title, a title and its
 * subtitle, a header that wraps) is placed by its first line: `content` gives the extent of the
 * block as if it had that line only, and `more` the grid lines its other lines add below. So
 * every block of a kind starts the same way in its lines, and ends the same way, however many
 * lines it has.
 */
export function displayRow<L>(kind: RowKind, content: Content<L>, grid: Grid, space: number, placement: Placement, label?: string, extra = 0): GalleyRow<L> {
  const more = Math.round(extra);
  const height = content.bottom - content.top;
  const lines = linesNeeded(height, grid) + space + more;
  // The lines' band runs from half a leading above the first line's em box to half a leading
  // under the last one's; the content keeps half a leading from each end.
  const bandTop = -grid.ascent - grid.leading / 2;
  const free = (lines - more) * grid.pitch - grid.leading - height;
  const top = bandTop + grid.leading / 2 + free * placement;
  const shift = top - content.top;
  const row: GalleyRow<L> = {
    kind,
    lines,
    spaceBefore: 0,
    ascent: -top,
    descent: top + height + more * grid.pitch,
    breakPenalty: 0,
    items: content.items.map((item) => ({ ...item, dy: item.dy + shift })),
  };
  if (content.links) row.links = content.links.map((link) => ({ ...link, dy: link.dy + shift }));
  if (label !== undefined) row.label = label;
  return row;
}

/** Distance between lines of display text of `size`: `lineHeight` rounded to whole grid lines, never less than the size. */
export function displayPitch(lineHeight: number, size: number, grid: Grid): number {
  let n = Math.max(1, Math.round(lineHeight / grid.pitch));
  while (n * grid.pitch < size) n++;
  return n * grid.pitch;
}
