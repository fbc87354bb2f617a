/**
 * Shared helpers of the block builders: running the composer on a piece of text in a theme
 * style (collecting characters no font could draw, with their source), letter-spacing a composed
 * line (masthead name, 目 录), and turning composed lines into galley rows.
 */
import type { ComposeOptions, ComposedLine, ComposedParagraph, Span } from '../compose/types.js';
import type { SourcePath } from '../style/model.js';
import { type Styles, type TextStyle, scaled } from '../style/styles.js';
import type { GalleyRow, RowKind } from './paginate.js';
import { hintOf, say } from '../messages/catalogue.js';

export type Composer = (spans: Span[], options: ComposeOptions) => ComposedParagraph;

export interface LayoutProblem {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  source: SourcePath;
  /** Where in the source scalar's value (UTF-16 offset) the problem starts, when known. */
  offset?: number;
  hint?: string;
  /** For a problem of a page break: the page (from 1) that ends there, and how many lines short it is. */
  page?: number;
  short?: number;
}

export interface LayoutContext {
  styles: Styles;
  compose: Composer;
  problems: LayoutProblem[];
}

/**
 * Compose `spans` and report the characters no font in their chain could draw and the lines
 * spaced looser than the theme allows. `offsets` gives, per span, where its text starts in the
 * source value (a paragraph's `**` markers are not in the spans); by default the spans are the
 * value itself.
 */
export function setSpans(ctx: LayoutContext, spans: Span[], options: ComposeOptions, source: SourcePath, offsets?: readonly number[]): ComposedLine[] {
  return setParagraph(ctx, spans, options, source, offsets).lines;
}

/** setSpans, with the whole composition (its settings in other line counts too). */
export function setParagraph(ctx: LayoutContext, spans: Span[], options: ComposeOptions, source: SourcePath, offsets?: readonly number[]): ComposedParagraph {
  const kept = spans.map((s, i) => ({ span: s, offset: offsets?.[i] })).filter((k) => k.span.text.length > 0);
  const nonEmpty = kept.map((k) => k.span);
  if (nonEmpty.length === 0) return { lines: [], missing: [] };
  const result = composeSpans(ctx, nonEmpty, options);
  reportLoose(ctx, result.lines, kept, options.size, source);
  for (const m of result.missing) {
    const hex = m.codePoint.toString(16).toUpperCase().padStart(4, '0');
    ctx.problems.push({
      code: 'missing-glyph',
      severity: 'error',
      message: say('missing-glyph', { char: m.char, code: `U+${hex}` }),
      source,
    });
  }
  return result;
}

/**
 * The composer's lines for non-empty spans, with the theme's spacing ceiling: the breaker avoids
 * lines looser than the `loose-line` warning allows, with the same threshold. Nothing reported.
 */
export function composeSpans(ctx: LayoutContext, spans: Span[], options: ComposeOptions): ComposedParagraph {
  const limit = ctx.styles.body.maxSpacing;
  const withLimit = limit === undefined || options.maxSpacing !== undefined ? options : { ...options, maxSpacing: scaled(limit, options.size) / options.size };
  return ctx.compose(spans, withLimit);
}

/** `valueOffset`: where `text` starts in the source value (negative when the theme adds a prefix such as a byline's （). */
export function setText(ctx: LayoutContext, text: string, style: TextStyle, options: Omit<ComposeOptions, 'size'>, source: SourcePath, valueOffset = 0): ComposedLine[] {
  return setSpans(ctx, [{ text, fonts: style.fonts }], { ...options, size: style.size }, source, [valueOffset]);
}

/**
 * Checklist item 23 (typography.md §8): a justified line whose even inter-character spacing
 * exceeds `body.maxSpacing` reads as gappy; say where it is so the author can reword it.
 */
function reportLoose(ctx: LayoutContext, lines: readonly ComposedLine[], kept: readonly { span: Span; offset?: number }[], size: number, source: SourcePath): void {
  const limit = ctx.styles.body.maxSpacing;
  if (limit === undefined) return;
  const ceiling = scaled(limit, size);
  lines.forEach((line, k) => {
    if (!(line.spacing !== undefined && line.spacing > ceiling + 1e-6)) return;
    const problem: LayoutProblem = {
      code: 'loose-line',
      severity: 'warning',
      message: say('loose-line', { line: k + 1, em: (line.spacing / size).toFixed(2), pt: line.spacing.toFixed(1), max: fmtEm(ceiling / size), text: line.text }),
      hint: hintOf('loose-line'),
      source,
    };
    const offset = line.start === undefined ? undefined : valueOffsetOf(line.start, kept);
    if (offset !== undefined) problem.offset = offset;
    ctx.problems.push(problem);
  });
}

const fmtEm = (x: number): string => String(Math.round(x * 100) / 100);

/** Text offset in the composed spans → offset in the source value (undefined when unknown). */
function valueOffsetOf(at: number, kept: readonly { span: Span; offset?: number }[]): number | undefined {
  let start = 0;
  for (const k of kept) {
    const end = start + k.span.text.length;
    if (at < end) return k.offset === undefined ? undefined : Math.max(0, k.offset + at - start);
    start = end;
  }
  return undefined;
}

/**
 * Spread the glyphs of a line by `spacing` between glyph `from` and glyph `to` (indices over the
 * whole line; by default all of them), keeping the line's alignment (the composer has no
 * letter-spacing: this is for display type only, e.g. the masthead name and （普 刊）).
 */
export function letterSpace(line: ComposedLine, spacing: number, align: 'left' | 'center' | 'right', from = 0, to = Infinity): ComposedLine {
  const count = line.runs.reduce((n, r) => n + r.length, 0);
  const last = Math.min(to, count - 1);
  const gaps = Math.max(0, last - from);
  if (gaps === 0 || spacing === 0) return line;
  const extra = spacing * gaps;
  const shift = align === 'center' ? -extra / 2 : align === 'right' ? -extra : 0;
  let i = 0;
  const runs = line.runs.map((run) => run.withXs((x) => {
    const before = Math.min(Math.max(0, i - from), gaps);
    i++;
    return x + spacing * before + shift;
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
    for (const run of piece.runs) runs.push(run.moved(dx));
    x = dx + Math.max(piece.right, piece.natural);
  });
  return { runs, left: 0, right: x, natural: x, last: true, text: pieces.map((p) => p.text).join(' ') };
}

/** Scale factor that makes a line of natural width `width` fit `max`. */
export function fitScale(width: number, max: number): number {
  return width > max && width > 0 ? max / width : 1;
}

/** A row of one grid line holding one composed line at the given style's size, on its baseline. */
export function lineRow(ctx: LayoutContext, kind: RowKind, line: ComposedLine, style: TextStyle, breakPenalty: number, x = 0): GalleyRow<ComposedLine> {
  const b = ctx.styles.baseline;
  return {
    kind,
    lines: 1,
    spaceBefore: 0,
    ascent: style.size * b,
    descent: style.size * (1 - b),
    breakPenalty,
    grid: true,
    items: [{ kind: 'text', x, dy: 0, line, color: style.color }],
    label: line.text,
  };
}
