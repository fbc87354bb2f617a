/**
 * Measures the units of a segmented paragraph: which glyphs draw each unit, the width of its
 * cell, the blank halves of its punctuation (typography.md §1.1), the pair compression of
 * adjacent marks (§1.5) and the blank at every joint (CJK–Latin gap, word space, §1.7).
 * Everything is in points at the paragraph's size, in flat arrays: the line breaker reads
 * them through prefix sums millions of times.
 */
import type { FontHandle } from '../font/types.js';
import { Cls, Ink, cellEmOf, inkOf, isCompressible } from '../text/classes.js';
import type { Alloc } from '../text/alloc.js';
import { Gap, type Segmentation } from '../text/segment.js';
import { pickMark, pickPlain, firstWith, type Pick } from './fallback.js';
import { GlyphBuffer } from './glyphbuf.js';
import { glyphAdvance, glyphId, glyphOf, shape } from './metrics.js';
import type { Span } from './types.js';

/**
 * The gap between Han and a Latin letter or digit, em (typography.md §1.7): ¼ em, shrinking to
 * ⅛ em and stretching to no more than ⅓ em — a wider gap reads as a hole beside the number
 * while the Han around it stay close, so a line's remaining slack goes to its other joints.
 */
export const CJK_LATIN_GAP = { natural: 0.25, min: 0.125, max: 1 / 3 } as const;

/** Shrink pools, in the order clreq uses them (#procedures_for_inter-character_spacing_reduction). */
export const Pool = { None: 0, Marks: 1, Final: 2 } as const;

export interface Units {
  n: number;
  /** Cell width before any trimming, pt. */
  cell: Float64Array;
  /** Blank removed by pair compression on each side, pt. */
  trimL: Float64Array;
  trimR: Float64Array;
  /** The whole compressible blank on each side (what a line edge removes), pt. */
  blankL: Float64Array;
  blankR: Float64Array;
  /** Blank still compressible in mid-line after pair compression, and its pool. */
  shrink: Float64Array;
  pool: Uint8Array;
  /** Characters that count as content for the 孤字 rule (Han, letters, digits). */
  chars: Uint16Array;
  /** Opening mark (its left blank may be trimmed at a line start). */
  opening: Uint8Array;
  /** Glyphs of unit u are gFirst[u] .. gFirst[u+1]-1. */
  gFirst: Int32Array;
  g: GlyphBuffer;
  /** Span of each unit (style tag). */
  span: Int32Array;
  /**
   * Per joint: natural blank and how much it may shrink, pt; and, for a gap that has a ceiling
   * (CJK–Latin), how much it may stretch (0 elsewhere: those joints take the line's even spacing).
   */
  glue: Float64Array;
  glueShrink: Float64Array;
  glueStretch: Float64Array;
  missing: { char: string; codePoint: number; index: number }[];
}

export interface MeasureOptions {
  size: number;
  /** Width of a full-width CJK cell: the size, or measure/grid on a character grid. */
  cjkEm: number;
  /** Set Gap.Phrase joints (ComposeOptions.phraseSpaces); otherwise they have no blank. */
  phraseSpaces?: boolean;
}

function isAlnumCount(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f);
}

export function measureUnits(text: string, seg: Segmentation, spans: readonly Span[], spanStarts: readonly number[], opt: MeasureOptions, al: Alloc): Units {
  const n = seg.count;
  const { size, cjkEm } = opt;
  // Outside titles a space beside a mark is no pause at all: the joint is as if it were not typed.
  if (!opt.phraseSpaces) for (let j = 1; j < n; j++) if (seg.gap[j] === Gap.Phrase) seg.gap[j] = Gap.None;
  const u: Units = {
    n,
    cell: al.f64(n), trimL: al.f64(n), trimR: al.f64(n),
    blankL: al.f64(n), blankR: al.f64(n), shrink: al.f64(n), pool: al.u8(n),
    chars: al.u16(n), opening: al.u8(n), gFirst: al.i32(n + 1),
    g: new GlyphBuffer(n + 8, al), span: al.i32(n),
    glue: al.f64(n + 1), glueShrink: al.f64(n + 1), glueStretch: al.f64(n + 1),
    missing: [],
  };
  const seen = new Set<number>();
  const miss = (cp: number, index: number) => {
    if (seen.has(cp)) return;
    seen.add(cp);
    u.missing.push({ char: String.fromCodePoint(cp), codePoint: cp, index });
  };
  const gb = u.g;
  const addGlyphs = (p: Pick, start: number, scale: number, dx0: number): number => {
    const s = p.shaped;
    const fi = gb.fontIndex(p.font);
    let x = dx0;
    let off = start;
    for (let i = 0; i < s.ids.length; i++) {
      let end = off;
      for (let c = 0; c < s.cps[i] && end < text.length; c++) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
      gb.push(fi, s.ids[i], s.w[i] * scale, x + s.dx[i] * scale, off, end);
      off = end;
      x += s.adv[i] * scale;
    }
    // Marks attached to the last glyph's characters (variation selectors…) go with it.
    if (gb.length && off < text.length && gb.end[gb.length - 1] < off) gb.end[gb.length - 1] = off;
    return x - dx0;
  };
  let sp = -1;
  let chain: readonly FontHandle[] = [];
  let chainIdx: number[] = [];
  for (let k = 0; k < n; k++) {
    const start = seg.start[k], end = seg.end[k], cls = seg.cls[k], cp = seg.first[k];
    if (sp < 0 || (sp + 1 < spanStarts.length && spanStarts[sp + 1] <= start)) {
      if (sp < 0) sp = 0;
      while (sp + 1 < spanStarts.length && spanStarts[sp + 1] <= start) sp++;
      chain = spans[sp].fonts;
      chainIdx = chain.map((f) => gb.fontIndex(f));
    }
    u.span[k] = sp;
    u.gFirst[k] = gb.length;
    const cellEm = cellEmOf(cls);
    const single = end - start === (cp > 0xffff ? 2 : 1);
    if (single && (cls === Cls.Han || cls === Cls.Wide || cls === Cls.Postfix || cls === Cls.Prefix)) {
      // The common case, without allocating: one character, first font that has it.
      let fi = firstWith(chain, cp);
      const missing = fi < 0;
      if (missing) { miss(cp, start); fi = 0; }
      const f = chain[fi];
      const packed = missing ? -1 : glyphOf(f, cp);
      const advU = missing ? f.unitsPerEm : glyphAdvance(packed);
      const adv = (advU * size) / f.unitsPerEm;
      const full = Math.abs(advU - f.unitsPerEm) <= f.unitsPerEm * 0.02;
      const cell = cls === Cls.Han || (cls === Cls.Wide && (full || missing)) ? cjkEm : adv;
      gb.push(chainIdx[fi], missing ? 0 : glyphId(packed), adv, (cell - adv) / 2, start, end);
      u.cell[k] = cell;
      if (cls === Cls.Han || cls === Cls.Wide) u.chars[k] = 1;
      continue;
    }
    if (cls === Cls.Latin) {
      // Runs of one font inside the piece, each shaped whole (kerning, ligatures).
      let x = 0;
      let runStart = start;
      let runFont = -2;
      let chars = 0;
      for (let i = start; i <= end; ) {
        const c = i < end ? text.codePointAt(i)! : -1;
        let fi = -3;
        if (c >= 0) {
          fi = firstWith(chain, c);
          if (fi < 0) {
            if (c >= 0x300 && c <= 0x36f && runFont >= 0) fi = runFont;
            else { miss(c, i); fi = runFont >= 0 ? runFont : 0; }
          }
          if (isAlnumCount(c)) chars++;
        }
        if (fi !== runFont) {
          if (i > runStart && runFont >= 0) {
            const f = chain[runFont];
            x += addGlyphs({ font: f, shaped: shape(f, text.slice(runStart, i)), fits: true, missing: false }, runStart, size / f.unitsPerEm, x);
          }
          runStart = i;
          runFont = fi;
        }
        if (c < 0) break;
        i += c > 0xffff ? 2 : 1;
      }
      u.cell[k] = x;
      u.chars[k] = chars;
      continue;
    }
    let pick: Pick;
    if (cellEm === 1 || cls === Cls.Long) pick = cls === Cls.IdeoSpace ? pickPlain(chain, cp) : pickMark(chain, text.slice(start, end), cellEm);
    else pick = pickPlain(chain, cp);
    if (pick.missing) miss(cp, start);
    if (cls === Cls.Long && pick.missing) {
      for (let i = start; i < end; ) { const c = text.codePointAt(i)!; if (firstWith(chain, c) < 0) miss(c, i); i += c > 0xffff ? 2 : 1; }
    }
    const f = pick.font;
    const scale = size / f.unitsPerEm;
    let advU = 0;
    for (const a of pick.shaped.adv) advU += a;
    const adv = advU * scale;
    // Clusters with attached characters (IVS, combining marks) are shaped as a whole.
    if (!single && cls !== Cls.Long && !pick.missing) pick = { ...pick, shaped: shape(f, text.slice(start, end)) };
    let cell: number;
    if (cellEm > 0) cell = cellEm * cjkEm;
    else if (cls === Cls.Han || (cls === Cls.Wide && Math.abs(advU - f.unitsPerEm) <= f.unitsPerEm * 0.02)) cell = cjkEm;
    else cell = adv;
    if (pick.missing && cellEm === 0) cell = cls === Cls.Han || cls === Cls.Wide ? cjkEm : adv;
    // Pen offset in the cell: a full-width glyph is centred on its cell (grid cells are a hair
    // narrower than the em); a narrow glyph sits on its ink side.
    const ink = inkOf(cls);
    let dx = (cell - adv) / 2;
    if (!pick.fits && cellEm >= 1) {
      if (ink === Ink.Left) dx = 0;
      else if (ink === Ink.Right) dx = cell - adv;
    }
    // A glyph wider than its cell that stands for several characters (the one-glyph 2-em dash on
    // the grid) ends at the cell's end, not past it: text extractors put its later characters at
    // the glyph's end, and a next character starting before that point would be read before them.
    // The next character is centred in its cell, so it starts half the grid's tightening early.
    if (cls === Cls.Long && adv > cell) dx = cell - adv - Math.max(0, size - cjkEm) / 2;
    if (!(cls === Cls.IdeoSpace && pick.missing)) addGlyphs(pick, start, scale, dx); // else a blank cell
    u.cell[k] = cell;
    if (cls === Cls.Han || cls === Cls.Wide) u.chars[k] = 1;
    if (isCompressible(cls)) {
      const half = cell / 2;
      if (ink === Ink.Left) u.blankR[k] = half;
      else u.blankL[k] = half;
      u.pool[k] = cls === Cls.Stop || cls === Cls.QE ? Pool.Final : Pool.Marks;
    }
    if (cls === Cls.Open) u.opening[k] = 1;
    // The interpunct and solidus are centred in a ½-em cell wider than their glyph: at a line end
    // the blank after the glyph goes, like a mark's blank half, so the line ends flush instead of
    // a hair short (约翰·|史密斯). Never compressed mid-line (pool None).
    else if (ink === Ink.Centre && cellEm > 0 && cellEm < 1 && cell > adv) u.blankR[k] = (cell - adv) / 2;
  }
  u.gFirst[n] = gb.length;
  const paired = compressPairs(seg, u, al.u8(n));
  // A compressed pair is already at its 1.5 em; push-in takes blank from single marks only.
  for (let k = 0; k < n; k++) u.shrink[k] = paired[k] ? 0 : u.blankL[k] - u.trimL[k] + u.blankR[k] - u.trimR[k];
  // Joint blanks.
  for (let j = 1; j < n; j++) {
    const g = seg.gap[j];
    if (g === Gap.CjkLatin) {
      u.glue[j] = CJK_LATIN_GAP.natural * size;
      u.glueShrink[j] = (CJK_LATIN_GAP.natural - CJK_LATIN_GAP.min) * size;
      u.glueStretch[j] = (CJK_LATIN_GAP.max - CJK_LATIN_GAP.natural) * size;
    } else if (g === Gap.Word) {
      // A word space stretches as any joint does, by the line's even spacing.
      const gi = u.gFirst[j] - 1;
      const f = gi >= 0 ? gb.fonts[gb.font[gi]] : spans[u.span[j]].fonts[0];
      const sg = glyphOf(f, 0x20);
      const w = sg >= 0 ? (glyphAdvance(sg) * size) / f.unitsPerEm : 0.25 * size;
      u.glue[j] = w; u.glueShrink[j] = w * 0.25;
    } else if (g === Gap.Ideo) {
      u.glue[j] = cjkEm; // one full cell, fixed (segment.ts says why)
    } else if (g === Gap.Phrase && opt.phraseSpaces) {
      // Up to one cell of blank with the marks' own blank halves at the joint.
      const blank = u.blankR[j - 1] - u.trimR[j - 1] + u.blankL[j] - u.trimL[j];
      u.glue[j] = Math.max(0, cjkEm - blank);
    }
  }
  return u;
}

/**
 * Adjacent marks (typography.md §1.5): take ½ em from the facing blanks, the first mark's right
 * blank first; an opening mark followed by a closing one keeps its blanks (（）); two ？！ in a
 * row take one em together (GB/T 15834 §5.1.2).
 */
function compressPairs(seg: Segmentation, u: Units, paired: Uint8Array): Uint8Array {
  const n = seg.count;
  let stackedBefore = false;
  for (let j = 1; j < n; j++) {
    const a = j - 1, b = j;
    const ca = seg.cls[a], cb = seg.cls[b];
    const stacked = stackedBefore;
    stackedBefore = false;
    if (!isCompressible(ca) || !isCompressible(cb) || seg.gap[j] !== Gap.None) continue;
    if (ca === Cls.QE && cb === Cls.QE && (a === 0 || seg.cls[a - 1] !== Cls.QE) && (b + 1 >= n || seg.cls[b + 1] !== Cls.QE)) {
      u.trimR[a] = u.blankR[a];
      u.trimR[b] = u.blankR[b];
      paired[a] = paired[b] = 1;
      stackedBefore = true;
      continue;
    }
    if (stacked) continue;
    if (ca === Cls.Open && cb === Cls.Close) continue;
    const half = Math.min(u.cell[a], u.cell[b]) / 2; // ½ em of a 1-em cell
    const ra = u.blankR[a] - u.trimR[a];
    const lb = u.blankL[b] - u.trimL[b];
    if (ra + lb < half - 1e-9) continue;
    const fromA = Math.min(ra, half);
    u.trimR[a] += fromA;
    u.trimL[b] += half - fromA;
    paired[a] = paired[b] = 1;
  }
  return paired;
}
