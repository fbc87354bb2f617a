/**
 * Glyph lookups and shaping through a FontHandle, cached per font, code point and string: the
 * composer asks for the same few thousand glyphs over and over, and a face's own lookups (cmap
 * walk, hmtx read, layout) cost microseconds each.
 */
import type { FontHandle, Shaped } from '../font/types.js';

export type { Shaped } from '../font/types.js';

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
    const id = font.glyphId(cp);
    v = id > 0 ? id * 65536 + Math.max(0, Math.min(65535, Math.round(font.advance(id)))) : -1;
    c.glyph.set(cp, v);
  }
  return v;
}

export const glyphId = (packed: number): number => Math.floor(packed / 65536);
export const glyphAdvance = (packed: number): number => packed % 65536;

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
    s = font.shape(text, NO_LIGATURES);
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
    if (font.features().includes('fwid')) {
      const r = font.shape(text, ['fwid']);
      const total = r.adv.reduce((x, y) => x + y, 0);
      if (r.ids.every((id) => id > 0) && Math.abs(total - ems * font.unitsPerEm) <= font.unitsPerEm * 0.02) s = r;
    }
    c.fwid.set(key, s);
  }
  return s;
}
