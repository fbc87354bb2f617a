/**
 * Glyph lookups and shaping through the fontkit object a FontHandle carries, cached per font,
 * code point and string: the composer asks for the same few thousand glyphs over and over,
 * and fontkit's own lookups (cmap walk, hmtx read, layout) cost microseconds each.
 */
import { rawMetrics } from '../font/fontkit-private.js';
import type { FontHandle } from '../font/types.js';

export interface Shaped {
  ids: number[];
  /** Pen advances (kerning included) and x offsets in font units. */
  adv: number[];
  /** The glyphs' own advance widths (what a PDF W array gives them), font units. */
  w: number[];
  dx: number[];
  /** How many code points of the input each glyph stands for (ligatures > 1, marks 0…). */
  cps: number[];
}

interface FontCache {
  glyph: Map<number, number>; // cp → id * 65536 + advance, or -1 when missing
  shaped: Map<string, Shaped>;
  fwid: Map<string, Shaped | null>;
}

const caches = new WeakMap<FontHandle, FontCache>();

function cacheOf(font: FontHandle): FontCache {
  let c = caches.get(font);
  if (!c) {
    c = { glyph: new Map(), shaped: new Map(), fwid: new Map() };
    caches.set(font, c);
  }
  return c;
}

/**
 * id * 65536 + advance (font units) of the glyph `font` maps `cp` to, or -1 when its cmap has
 * no real glyph for it. Packed in one number so the hot path allocates nothing.
 */
export function glyphOf(font: FontHandle, cp: number): number {
  const c = cacheOf(font);
  let v = c.glyph.get(cp);
  if (v === undefined) {
    // Straight from cmap and hmtx when the face allows: no Glyph object, no outline read.
    const raw = rawMetrics(font.font);
    if (raw) {
      const id = raw.glyphId(cp);
      v = id > 0 ? id * 65536 + Math.max(0, Math.min(65535, Math.round(raw.advance(id)))) : -1;
    } else if (!font.hasGlyph(cp)) v = -1;
    else {
      const g = font.font.glyphForCodePoint(cp);
      v = g.id > 0 ? g.id * 65536 + Math.max(0, Math.min(65535, Math.round(g.advanceWidth))) : -1;
    }
    c.glyph.set(cp, v);
  }
  return v;
}

export const glyphId = (packed: number): number => Math.floor(packed / 65536);
export const glyphAdvance = (packed: number): number => packed % 65536;

function runToShaped(run: { glyphs: { id: number; codePoints: number[]; advanceWidth: number }[]; positions: { xAdvance: number; xOffset: number }[] }): Shaped {
  const s: Shaped = { ids: [], adv: [], w: [], dx: [], cps: [] };
  for (let i = 0; i < run.glyphs.length; i++) {
    s.ids.push(run.glyphs[i].id);
    s.adv.push(run.positions[i].xAdvance);
    s.w.push(run.glyphs[i].advanceWidth);
    s.dx.push(run.positions[i].xOffset);
    s.cps.push(run.glyphs[i].codePoints.length);
  }
  return s;
}

/**
 * Latin is shaped without ligatures: Chinese official documents do not use them, and fontkit
 * keeps one glyph object per glyph id, so a ligature reports the characters of whichever text
 * made it first ('ﬁ' typed, then 'fi' in "file" counts one character: text extraction loses one).
 */
const NO_LIGATURES: Record<string, boolean> = { liga: false, clig: false, dlig: false };

/** Shape `text` with the font's default features but ligatures (kerning…): for Latin runs. */
export function shape(font: FontHandle, text: string): Shaped {
  const c = cacheOf(font);
  let s = c.shaped.get(text);
  if (!s) {
    s = runToShaped(font.font.layout(text, NO_LIGATURES));
    if (c.shaped.size > 50000) c.shaped.clear();
    c.shaped.set(text, s);
  }
  return s;
}

/**
 * The font's full-width form of `text` through its `fwid` feature, when it has one that makes
 * every glyph exactly `ems` em wide in total; null otherwise. One source among several: the
 * composer never needs a font feature to be present.
 */
export function fullWidthForm(font: FontHandle, text: string, ems: number): Shaped | null {
  const c = cacheOf(font);
  const key = `${text}\u0000${ems}`;
  let s = c.fwid.get(key);
  if (s === undefined) {
    s = null;
    const feats = (font.font as unknown as { availableFeatures?: string[] }).availableFeatures ?? [];
    if (feats.includes('fwid')) {
      const r = runToShaped(font.font.layout(text, ['fwid']));
      const total = r.adv.reduce((x, y) => x + y, 0);
      if (r.ids.every((id) => id > 0) && Math.abs(total - ems * font.unitsPerEm) <= font.unitsPerEm * 0.02) s = r;
    }
    c.fwid.set(key, s);
  }
  return s;
}
