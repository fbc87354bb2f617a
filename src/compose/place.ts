/**
 * Sets one chosen line: trims its edge marks, shrinks it to the measure in clreq's order
 * (typography.md §1.6: punctuation, then CJK–Latin gaps and word spaces, then sentence-final
 * marks) or stretches it by the same extra at every justifiable joint — CJK–Latin gaps no wider
 * than ⅓ em, so no hole opens beside a number (LineMetrics.spread) — aligns it, and places every
 * glyph at an absolute pen x.
 */
import type { Segmentation } from '../text/segment.js';
import { Gap } from '../text/segment.js';
import type { LineMetrics, LineOptions } from './lines.js';
import { GlyphRun } from './glyph-run.js';
import type { ComposedLine, Span } from './types.js';
import { Pool, type Units } from './units.js';

export interface PlaceParams extends LineOptions {
  measure: number;
  size: number;
  indent: number;
  /** The spacing a justified line may take before it counts as loose, pt. */
  maxSpacing: number;
  align: 'justify' | 'left' | 'center' | 'right';
}

export function placeLine(
  text: string, seg: Segmentation, u: Units, lm: LineMetrics, spans: readonly Span[],
  a: number, b: number, isLast: boolean, p: PlaceParams,
): ComposedLine {
  lm.measure(a, b);
  const first = a === 0;
  const avail = first ? p.measure - p.indent : p.measure;
  const natural = lm.natural;
  let d = avail - natural;
  const justify = p.align === 'justify' && !isLast;
  if (!justify && d > 0) d = 0;
  // Shrink: marks first, then gaps and spaces, then sentence-final marks.
  let rMarks = 0, rGlue = 0, rFinal = 0;
  // Stretch: the same extra at every justifiable joint, CJK–Latin gaps only up to ⅓ em.
  let gapExtra = 0, extra = 0, letterSpace = 0, pastCap = 0;
  let allJoints = false;
  if (d < 0) {
    let need = -d;
    const take = (avail2: number): number => {
      if (need <= 0 || avail2 <= 0) return 0;
      const r = Math.min(1, need / avail2);
      need -= r * avail2;
      return r;
    };
    rMarks = take(lm.shrinkMarks);
    rGlue = take(lm.shrinkGlue);
    rFinal = take(lm.shrinkFinal);
  } else if (d > 0) {
    lm.spread(d, p.maxSpacing);
    gapExtra = lm.gapExtra;
    extra = lm.even;
    const left = lm.leftover;
    // No uncapped joint (a line of URL pieces): the rest goes between the pieces; on a line of
    // nothing but CJK–Latin gaps, into the gaps past their ceiling (a loose line, reported as
    // such); between the glyphs of a lone unit.
    const others = b - 1 - a - lm.capped;
    if (left > 1e-9) {
      if (others > 0) { allJoints = true; extra = left / others; }
      else if (lm.capped > 0) { gapExtra += left / lm.capped; pastCap = p.maxSpacing + left / lm.capped; }
      else if (b - 1 === a) {
        const glyphs = u.gFirst[b] - u.gFirst[a];
        if (glyphs > 1) letterSpace = left / (glyphs - 1);
      }
    }
  }
  let width = natural;
  if (!justify) width = natural + Math.min(0, avail - natural);
  let pen = first ? p.indent : 0;
  if (p.align === 'center') pen += (avail - width) / 2;
  else if (p.align === 'right') pen += avail - width;
  const left = pen;
  const runs: GlyphRun[] = [];
  // The line's text: the source between its units, with a space at each joint that shows one,
  // taken a stretch at a time (one slice per character made a string each).
  const lineText: string[] = [];
  let from = seg.start[a];
  let run: GlyphRun | undefined;
  const { opening, blankL, blankR, trimL, trimR, shrink, cell, gFirst, glue, glueShrink, glueStretch } = u;
  const gb = u.g;
  const { fonts, font: fontOf, id, start, end, dx, adv } = gb;
  for (let k = a; k < b; k++) {
    let tl: number, tr: number;
    if (k === a) tl = opening[k] && (first ? p.trimAfterIndent : p.trimStart) ? blankL[k] : 0;
    else tl = trimL[k];
    if (k === b - 1) tr = blankR[k] > 0 ? blankR[k] : 0;
    else tr = trimR[k];
    const pool = u.pool[k];
    const r = pool === Pool.Marks ? rMarks : pool === Pool.Final ? rFinal : 0;
    if (r > 0) {
      if (opening[k]) tl += r * Math.max(0, Math.min(shrink[k], blankL[k] - tl));
      else tr += r * Math.max(0, Math.min(shrink[k], blankR[k] - tr));
    }
    const cellStart = pen - tl;
    const tag = spans[u.span[k]].tag;
    let ls = 0;
    for (let g = gFirst[k]; g < gFirst[k + 1]; g++) {
      const font = fonts[fontOf[g]];
      if (!run || run.font !== font || run.tag !== tag) {
        run = new GlyphRun(font, p.size, text, tag);
        runs.push(run);
      }
      run.push(id[g], start[g], end[g], cellStart + dx[g] + ls, adv[g]);
      ls += letterSpace;
    }
    pen += cell[k] - tl - tr;
    if (letterSpace > 0) pen += ls - letterSpace;
    if (k < b - 1) {
      const j = k + 1;
      let g = glue[j];
      if (rGlue > 0) g -= rGlue * glueShrink[j];
      if (glueStretch[j] > 0) g += gapExtra;
      if (extra > 0 && glueStretch[j] === 0 && (allJoints || seg.just[j])) g += extra;
      pen += g;
      const gap = seg.gap[j];
      const space = gap === Gap.Word || gap === Gap.Ideo || (gap === Gap.Phrase && glue[j] > 0);
      if (space || seg.start[j] !== seg.end[k]) {
        lineText.push(text.slice(from, seg.end[k]));
        if (space) lineText.push(' ');
        from = seg.start[j];
      }
    }
  }
  lineText.push(text.slice(from, seg.end[b - 1]));
  for (const r of runs) r.seal();
  const line: ComposedLine = { runs, left, right: pen, natural, last: isLast, text: lineText.join(''), start: seg.start[a] };
  if (extra > 0 || letterSpace > 0 || pastCap > 0) line.spacing = extra || letterSpace || pastCap;
  return line;
}
