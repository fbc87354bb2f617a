/**
 * 目录: a letter-spaced heading, then one row per 栏目 with the section name (黑, in 【】) as a
 * label column and the article titles in a second column, wrapped lines hanging under the
 * first; a 栏目 of briefs shows "3则", or each brief's lead (本期要目). Set compactly (四号) so
 * the first article can start on page 1. Each entry links to its article; optional page
 * numbers with leaders are filled in after pagination, in a column reserved beforehand so the
 * 目录 does not change height. Laid out as pieces the galley stacks into whole grid lines under
 * the masthead (a 目录 too long for page 1 goes on on the next, between 栏目 where it can).
 */
import { GlyphRun, type PlacedGlyph } from '../compose/glyph-run.js';
import type { ComposedLine } from '../compose/types.js';
import type { FontHandle } from '../font/types.js';
import type { Block } from '../style/model.js';
import { stackRules } from './masthead.js';
import type { RowLink, RowRule, RowText } from './paginate.js';
import { type LayoutContext, letterSpace, setSpans, setText } from './setting.js';

type Toc = Extract<Block, { kind: 'toc' }>;

/** A page number to print once pages are known: right-aligned at the column's end, on a line. */
export interface PendingNumber {
  target: string;
  /** Where the entry's last line ends (leaders start after it) and where the number column ends. */
  textRight: number;
  columnRight: number;
  dy: number;
}

/**
 * One piece of the 目录 (its heading, a 栏目's row or an entry that goes on under it, the rule),
 * laid out from its first baseline. The galley stacks the pieces into whole grid lines; a 目录
 * too long for page 1 goes on on the next page before a `breakable` piece.
 */
export interface TocPiece {
  /** From the previous piece's bottom to this one's top. */
  gap: number;
  /** From the top of the piece to its first baseline, and from there to its bottom. */
  ascent: number;
  descent: number;
  /** A page may end before this piece (between 栏目, or inside a long one with two entries or more on each side). */
  breakable?: boolean;
  items: (RowText<ComposedLine> | RowRule)[];
  links: RowLink[];
  /** Page numbers to print once pages are known, dy from the piece's first baseline. */
  numbers: PendingNumber[];
  label: string;
}

export function buildToc(ctx: LayoutContext, block: Toc): TocPiece[] {
  const c = block.style;
  const b = ctx.styles.baseline;
  const width = ctx.styles.page.typeWidth;
  const rows: TocPiece[] = [];

  if (block.heading) {
    const style = c.headingStyle;
    const [line] = setText(ctx, block.heading, style, { measure: width, align: 'center', trimOpeningAtLineStart: false }, []);
    if (line) {
      rows.push({
        gap: 0, ascent: style.size * b, descent: style.size * (1 - b), label: block.heading, links: [], numbers: [],
        items: [{ kind: 'text', x: 0, dy: 0, line: letterSpace(line, style.letterSpacing, 'center'), color: style.color }],
      });
    }
  }

  const label = c.label;
  const entry = c.entry;
  const lineHeight = c.lineHeight;
  const gap = c.columnGap;
  // The label column is as wide as the widest 栏目 name, but never more than 40% of the
  // width: a longer name wraps inside it.
  const maxLabel = width * 0.4;
  const labels = block.rows.map((row, ri) => setText(ctx, row.label, label, { measure: maxLabel, align: 'left', wordBreaks: true }, ['sections', ri, 'name']));
  const labelWidth = Math.min(maxLabel, labels.flat().reduce((most, l) => Math.max(most, l.right), 0));
  const column = labelWidth + gap;
  // Room for up to three digits and a space, so numbers never change the 目录's shape.
  const numberWidth = c.pageNumbers ? entry.size * 2.5 : 0;
  const measure = width - column - numberWidth;
  const afterHeading = c.gapAfterHeading;
  const rowGap = c.rowGap;

  block.rows.forEach((row, ri) => {
    // Each entry's lines, with its link and page number, measured from its first baseline.
    const pieces = row.items.map((item) => {
      // A wrapped entry breaks by sense, as its title does, and so is set flush left, not spaced out.
      const lines = setSpans(ctx, [{ text: item.text, fonts: entry.fonts }], { measure, size: entry.size, align: 'left', wordBreaks: true, phraseSpaces: true, indent: 0, trimOpeningAtLineStart: true }, item.source, item.verbatim ? [0] : undefined);
      const texts: RowText<ComposedLine>[] = lines.map((line, k) => ({ kind: 'text', x: column, dy: k * lineHeight, line, color: entry.color }));
      const last = Math.max(0, lines.length - 1) * lineHeight;
      const link: RowLink = { x: column, dy: -entry.size * b, width: measure + numberWidth, height: last + entry.size, target: item.target };
      const lastLine = lines[lines.length - 1];
      const number: PendingNumber | undefined = c.pageNumbers && lastLine
        ? { target: item.target, textRight: column + lastLine.right, columnRight: width, dy: last }
        : undefined;
      return { texts, link, number, lines: Math.max(1, lines.length) };
    });
    // One galley row per entry, so a 栏目 with more entries than a page holds goes on, entry by
    // entry, on the next page; the first row takes as many entries as the label has lines.
    const groups: (typeof pieces)[] = [[]];
    let firstLines = 0;
    for (const piece of pieces) {
      if (groups.length === 1 && (groups[0].length === 0 || firstLines < labels[ri].length)) {
        groups[0].push(piece);
        firstLines += piece.lines;
      } else groups.push([piece]);
    }
    const top = Math.max(label.size, entry.size);
    let before = 0;
    groups.forEach((group, gi) => {
      const texts: RowText<ComposedLine>[] = [];
      const links: RowLink[] = [];
      const numbers: PendingNumber[] = [];
      if (gi === 0) labels[ri].forEach((line, k) => texts.push({ kind: 'text', x: 0, dy: k * lineHeight, line, color: label.color }));
      let dy = 0;
      group.forEach((piece, ii) => {
        for (const text of piece.texts) texts.push({ ...text, dy: text.dy + dy });
        links.push({ ...piece.link, dy: piece.link.dy + dy });
        if (piece.number) numbers.push({ ...piece.number, dy: piece.number.dy + dy });
        dy += (piece.lines - 1) * lineHeight;
        if (ii < group.length - 1) dy += lineHeight;
      });
      const size = gi === 0 ? top : entry.size;
      const after = pieces.length - before;
      const result: TocPiece = {
        ascent: size * b,
        descent: Math.max(dy, gi === 0 ? (labels[ri].length - 1) * lineHeight : 0) + size * (1 - b),
        // Entries of one 栏目 keep one line pitch across rows.
        gap: gi > 0 ? lineHeight - (gi === 1 ? top : entry.size) * (1 - b) - entry.size * b : ri === 0 && rows.length ? afterHeading : lineHeight - entry.size + rowGap,
        items: texts,
        links,
        numbers,
        label: row.name,
      };
      // A 目录 taller than a page may go on between 栏目, or inside one with two entries or
      // more on each side.
      if (gi === 0 ? ri > 0 : before >= 2 && after >= 2) result.breakable = true;
      before += group.length;
      rows.push(result);
    });
  });

  if (c.rules.length) {
    const rules = stackRules(c.rules, 0, width);
    rows.push({
      gap: c.gapBeforeRule, ascent: rules.y, descent: 0, label: 'toc-rule', links: [], numbers: [],
      items: rules.items.map((r) => ({ ...r, dy: r.dy - rules.y })),
    });
  }
  return rows;
}

/**
 * The page number of one 目录 entry with a leader of dots from the entry's end to the number:
 * glyphs are placed directly from the font's own advances (no line breaking is involved).
 */
export function numberLine(fonts: readonly FontHandle[], size: number, leader: string, page: number, pn: PendingNumber): ComposedLine | undefined {
  const digits = String(page);
  const font = fonts.find((f) => [...digits].every((ch) => f.hasGlyph(ch.codePointAt(0)!)));
  if (!font) return undefined;
  const scale = size / font.unitsPerEm;
  const glyphOf = (ch: string) => {
    const id = font.glyphId(ch.codePointAt(0)!);
    return { id, advanceWidth: font.advance(id) };
  };
  const numberGlyphs = [...digits].map((ch) => ({ ch, glyph: glyphOf(ch) }));
  const numberWidth = numberGlyphs.reduce((w, g) => w + g.glyph.advanceWidth * scale, 0);
  const glyphs: PlacedGlyph[] = [];
  let x = pn.columnRight - numberWidth;
  const numberStart = x;
  for (const g of numberGlyphs) {
    glyphs.push({ id: g.glyph.id, text: g.ch, x, advance: g.glyph.advanceWidth * scale });
    x += g.glyph.advanceWidth * scale;
  }
  const leaderFont = leader && fonts.find((f) => f.hasGlyph(leader.codePointAt(0)!));
  const runs: GlyphRun[] = [];
  if (leaderFont) {
    const id = leaderFont.glyphId(leader.codePointAt(0)!);
    const lg = { id, advanceWidth: leaderFont.advance(id) };
    const step = size / 2;
    const dots: PlacedGlyph[] = [];
    // Dots on a fixed step from the column's end, so leaders of all entries line up.
    for (let lx = numberStart - size * 0.5 - step; lx >= pn.textRight + size * 0.25; lx -= step) {
      dots.unshift({ id: lg.id, text: leader, x: lx, advance: lg.advanceWidth * (size / leaderFont.unitsPerEm) });
    }
    if (dots.length) runs.push(GlyphRun.of(leaderFont, size, dots));
  }
  runs.push(GlyphRun.of(font, size, glyphs));
  return { runs, left: runs[0].xs[0], right: pn.columnRight, natural: pn.columnRight - runs[0].xs[0], last: true, text: digits };
}
