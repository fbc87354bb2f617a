/**
 * The Chinese paragraph composer: styled text in, lines of positioned glyph runs out
 * (contract in ./types.ts). Pipeline: segment (units and break opportunities, kinsoku) →
 * measure (fonts, fallback, punctuation cells and pair compression, CJK–Latin gaps) → choose
 * breaks for the whole paragraph → place each line (edge trims, justification, alignment).
 * Pure: no pdfkit, no file access; fonts arrive as FontHandles.
 */
import { Arena } from '../text/alloc.js';
import { segment, Brk } from '../text/segment.js';
import { COST, DEFAULT_MAX_SPACING_EM, type BreakMode } from './breaks.js';
import { chooseBreaks, chooseBreaksInLines } from './breaks-wasm.js';
import { LineMetrics } from './lines.js';
import { placeLine } from './place.js';
import { balanceQuality, listQuality, numberUnitPenalties } from './balance.js';
import type { ComposedParagraph, ComposeOptions, Span } from './types.js';
import { measureUnits } from './units.js';

/** Scratch arrays, reused from one paragraph to the next (composition is synchronous). */
const scratch = new Arena();

/**
 * True when the whole text fits on one line without shrinking. In balance mode such a line
 * costs at most COST.LINE + COST.BALANCE, and any split at least 2 × COST.LINE, so the choice
 * is made without the word boundaries that price the splits — and without the dictionary
 * segmenter that finds them, whose first use costs tens of milliseconds.
 */
function fitsOnOneLine(lm: LineMetrics, n: number, avail: number): boolean {
  if (n === 0) return true;
  lm.measure(0, n);
  return lm.natural <= avail;
}

export function composeParagraph(spans: Span[], options: ComposeOptions): ComposedParagraph {
  const { measure, size } = options;
  if (!(measure > 0) || !(size > 0)) throw new RangeError(`composeParagraph: measure and size must be positive (got ${measure}, ${size})`);
  scratch.reset();
  const spanStarts: number[] = [];
  let text = '';
  for (const s of spans) {
    if (!s.fonts || s.fonts.length === 0) throw new TypeError('composeParagraph: every span needs at least one font');
    spanStarts.push(text.length);
    text += s.text;
  }
  const level = options.kinsoku ?? 'gb';
  const grid = options.grid && options.grid > 0 ? options.grid : 0;
  const cjkEm = grid ? measure / grid : size;
  const indent = (options.indent ?? 0) * cjkEm;
  const trimStart = options.trimOpeningAtLineStart ?? true;
  const trimAfterIndent = options.trimOpeningAfterIndent ?? trimStart;
  const mode: BreakMode = options.align === 'justify' ? 'justify' : options.balance ? 'balance' : 'ragged';
  const maxSpacing = (options.maxSpacing ?? DEFAULT_MAX_SPACING_EM) * size;
  const run = (fine: 0 | 1 | 2) => {
    const seg = segment(text, spanStarts.slice(1), level, fine, indent > 0, scratch);
    const u = measureUnits(text, seg, spans, spanStarts, { size, cjkEm, phraseSpaces: options.phraseSpaces }, scratch);
    const lm = new LineMetrics(u, seg.just, { trimStart, trimAfterIndent }, scratch);
    // Where a line may break, by sense: titles and 目录 entries between words, lists of names
    // between names, running text anywhere but with a number kept with its unit where it costs little.
    let quality: Float64Array | undefined;
    if (options.listBreaks) quality = listQuality(seg);
    else if (mode === 'balance' || options.wordBreaks) quality = fitsOnOneLine(lm, seg.count, measure - indent) ? undefined : balanceQuality(text, seg);
    else if (mode === 'justify') quality = numberUnitPenalties(seg, COST.NUMBER_UNIT);
    const params = {
      mode, measure, indent, size, brk: seg.brk, quality, maxSpacing,
    };
    // The prices of the lines it looks at are kept for the settings in other line counts.
    let result = chooseBreaks(lm, params, Brk.Emergency, scratch, !!(options.nearby || options.alternatives));
    if (result.cost >= COST.OVERFULL) {
      // Something is wider than the measure between allowed breaks: allow breaking the rules.
      const forced = chooseBreaks(lm, params, Brk.Force, scratch);
      if (forced.cost < result.cost) result = forced;
    }
    return { seg, u, lm, result, params };
  };
  let r = run(0);
  if (r.seg.count === 0) return { lines: [], missing: [] };
  // Still overfull: a Latin token (then a number) is wider than the line; split it.
  for (const fine of [1, 2] as const) {
    if (r.result.cost < COST.OVERFULL) break;
    const finer = run(fine);
    if (finer.result.cost < r.result.cost) r = finer;
  }
  const { seg, u, lm, params, result } = r;
  const place = { measure, size, indent, align: options.align, trimStart, trimAfterIndent, maxSpacing };
  const placed = (ends: readonly number[]) => {
    const lines = [];
    let a = 0;
    for (let i = 0; i < ends.length; i++) {
      const b = ends[i];
      lines.push(placeLine(text, seg, u, lm, spans, a, b, i === ends.length - 1, place));
      a = b;
    }
    return lines;
  };
  const paragraph: ComposedParagraph = { lines: placed(result.ends), missing: u.missing };
  // Other numbers of lines, asked for by the page breaker: only settings as good as the composer
  // accepts anyway (no line looser than the maximum, no rule broken, no lone last character).
  const n = result.ends.length;
  const wants = options.alternatives ?? (options.nearby && n >= 3 ? [n - 1, n + 1] : undefined);
  if (wants) {
    paragraph.alternatives = wants.map((want) => {
      if (want === result.ends.length) return paragraph.lines;
      if (result.cost >= COST.DISCOURAGED) return undefined;
      const other = chooseBreaksInLines(lm, params, Brk.Emergency, want, scratch, COST.DISCOURAGED, result.prices);
      return other.cost < COST.DISCOURAGED ? placed(other.ends) : undefined;
    });
  }
  return paragraph;
}
