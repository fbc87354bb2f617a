/**
 * Shared helpers of the block builders: running the composer on a piece of text in a theme
 * style (collecting characters no font could draw, with their source), letter-spacing a composed
 * line (masthead name, 目 录), and turning composed lines into galley rows.
 */
import type { ComposeOptions, ComposedLine, ComposedParagraph, Span } from '../compose/types.js';
import type { SourcePath } from './model.js';
import type { GalleyRow, Glue, RowKind } from './paginate.js';
import type { ResolvedText, ResolvedTheme } from './theme-resolve.js';

export type Composer = (spans: Span[], options: ComposeOptions) => ComposedParagraph;

export interface LayoutProblem {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  source: SourcePath;
}

export interface LayoutContext {
  theme: ResolvedTheme;
  compose: Composer;
  problems: LayoutProblem[];
}

export const NO_GLUE: Glue = { natural: 0, stretch: 0, shrink: 0 };

/** Compose `spans` and report the characters no font in their chain could draw. */
export function setSpans(ctx: LayoutContext, spans: Span[], options: ComposeOptions, source: SourcePath): ComposedLine[] {
  const nonEmpty = spans.filter((s) => s.text.length > 0);
  if (nonEmpty.length === 0) return [];
  const result = ctx.compose(nonEmpty, options);
  for (const m of result.missing) {
    const hex = m.codePoint.toString(16).toUpperCase().padStart(4, '0');
    ctx.problems.push({
      code: 'missing-glyph',
      severity: 'error',
      message: `no font of this style has the character “${m.char}” (U+${hex}); add a font that covers it to the theme's fallbacks`,
      source,
    });
  }
  return result.lines;
}

export function setText(ctx: LayoutContext, text: string, style: ResolvedText, options: Omit<ComposeOptions, 'size'>, source: SourcePath): ComposedLine[] {
  return setSpans(ctx, [{ text, fonts: style.fonts }], { ...options, size: style.size }, source);
}

/**
 * Spread the glyphs of a line by `spacing` between glyph `from` and glyph `to` (indices over the
 * whole line; by default all of them), keeping the line's alignment (the composer has no
 * letter-spacing: this is for display type only, e.g. the masthead name and （普 刊）).
 */
export function letterSpace(line: ComposedLine, spacing: number, align: 'left' | 'center' | 'right', from = 0, to = Infinity): ComposedLine {
  const count = line.runs.reduce((n, r) => n + r.glyphs.length, 0);
  const last = Math.min(to, count - 1);
  const gaps = Math.max(0, last - from);
  if (gaps === 0 || spacing === 0) return line;
  const extra = spacing * gaps;
  const shift = align === 'center' ? -extra / 2 : align === 'right' ? -extra : 0;
  let i = 0;
  const runs = line.runs.map((run) => ({
    ...run,
    glyphs: run.glyphs.map((g) => {
      const before = Math.min(Math.max(0, i - from), gaps);
      i++;
      return { ...g, x: g.x + spacing * before + shift };
    }),
  }));
  return { ...line, runs, left: line.left + shift, right: line.right + shift + extra, natural: line.natural + extra };
}

/**
 * Set pieces side by side with a fixed gap, as one line from x = 0 (a folio "— 3 —": the
 * composer closes up spaces around a lone dash, as it should in running text, but a folio
 * wants its spaces).
 */
export function joinPieces(pieces: ComposedLine[], gap: number): ComposedLine | undefined {
  if (pieces.length === 0) return undefined;
  const runs: ComposedLine['runs'] = [];
  let x = 0;
  pieces.forEach((piece, i) => {
    if (i > 0) x += gap;
    const dx = x - Math.min(0, piece.left);
    for (const run of piece.runs) runs.push({ ...run, glyphs: run.glyphs.map((g) => ({ ...g, x: g.x + dx })) });
    x = dx + Math.max(piece.right, piece.natural);
  });
  return { runs, left: 0, right: x, natural: x, last: true, text: pieces.map((p) => p.text).join(' ') };
}

/** Scale factor that makes a line of natural width `width` fit `max`. */
export function fitScale(width: number, max: number): number {
  return width > max && width > 0 ? max / width : 1;
}

/** A row holding one composed line at the given style's size. */
export function lineRow(
  ctx: LayoutContext, kind: RowKind, line: ComposedLine, style: ResolvedText,
  glue: Glue, breakPenalty: number, x = 0,
): GalleyRow {
  const b = ctx.theme.theme.baseline;
  return {
    kind,
    ascent: style.size * b,
    descent: style.size * (1 - b),
    glue,
    breakPenalty,
    items: [{ kind: 'text', x, dy: 0, line, color: style.color }],
    label: line.text,
  };
}
