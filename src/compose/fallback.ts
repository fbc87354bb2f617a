/**
 * Which font draws a character: the first font of the span's chain whose cmap has it. Chinese
 * punctuation needs more than a cmap hit: it must be full width (a Latin-leaning font gives
 * “”‘’ or — a proportional advance, ctex-kit#333), so a mark whose font gives it a non-1-em
 * advance is taken from the font's `fwid` form or from the next font in the chain, and only
 * if none has it full width is the proportional glyph placed inside a full-width cell.
 */
import type { FontHandle } from '../font/types.js';
import { fullWidthForm, glyphAdvance, glyphId, glyphOf, shape, type Shaped } from './metrics.js';

export interface Pick {
  font: FontHandle;
  shaped: Shaped;
  /** The glyphs already have the wanted full width (false: place them by ink side in the cell). */
  fits: boolean;
  /** No font in the chain has the character (drawn as .notdef of the first font). */
  missing: boolean;
}

const single = (id: number, adv: number): Shaped => ({ ids: [id], adv: [adv], w: [adv], dx: [0], cps: [1] });

/** First font in the chain that has `cp`, or -1. */
export function firstWith(chain: readonly FontHandle[], cp: number): number {
  for (let i = 0; i < chain.length; i++) if (glyphOf(chain[i], cp) >= 0) return i;
  return -1;
}

/** A plain character: first font that has it. */
export function pickPlain(chain: readonly FontHandle[], cp: number): Pick {
  const i = firstWith(chain, cp);
  if (i < 0) {
    const f = chain[0];
    return { font: f, shaped: single(0, f.unitsPerEm), fits: false, missing: true };
  }
  const g = glyphOf(chain[i], cp);
  return { font: chain[i], shaped: single(glyphId(g), glyphAdvance(g)), fits: true, missing: false };
}

const markCache = new Map<string, Map<string, Pick>>();
const byArray = new WeakMap<readonly FontHandle[], Map<string, Pick>>();

function chainKey(chain: readonly FontHandle[]): string {
  let k = '';
  for (const f of chain) k += `${f.file}#${f.key}|`;
  return k;
}

/**
 * A Chinese mark (one code point, or a 2-code-point long mark) that should be `ems` em wide in
 * its font: the first font whose own glyph(s) are that wide, else its full-width form, else the
 * next font; failing all, the first font that has it, marked as not fitting.
 */
export function pickMark(chain: readonly FontHandle[], text: string, ems: number): Pick {
  let perChain = byArray.get(chain);
  if (!perChain) {
    const ck = chainKey(chain);
    perChain = markCache.get(ck);
    if (!perChain) {
      perChain = new Map();
      markCache.set(ck, perChain);
    }
    byArray.set(chain, perChain);
  }
  const key = `${text}\u0000${ems}`;
  const hit = perChain.get(key);
  if (hit) return hit;
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const dash = isDashPair(cps);
  let found: Pick | undefined;
  let fallback: Pick | undefined;
  for (const f of chain) {
    const packed = cps.map((cp) => glyphOf(f, cp));
    if (packed.some((g) => g < 0)) continue;
    const want = ems * f.unitsPerEm;
    const tol = f.unitsPerEm * 0.02;
    if (dash) {
      const one = oneGlyphDash(f, text, want, tol);
      if (one) { found = { font: f, shaped: one, fits: true, missing: false }; break; }
    }
    const plain: Shaped = { ids: packed.map(glyphId), adv: packed.map(glyphAdvance), w: packed.map(glyphAdvance), dx: packed.map(() => 0), cps: packed.map(() => 1) };
    const total = plain.adv.reduce((a, b) => a + b, 0);
    if (Math.abs(total - want) <= tol) { found = { font: f, shaped: plain, fits: true, missing: false }; break; }
    const fw = fullWidthForm(f, text, ems);
    if (fw) { found = { font: f, shaped: fw, fits: true, missing: false }; break; }
    // A long mark the font joins into one glyph (Noto's ⸺ ligature) beats two loose dashes.
    fallback ??= { font: f, shaped: cps.length > 1 ? shape(f, text) : plain, fits: false, missing: false };
  }
  if (found) found = { ...found, shaped: coverAll(found.shaped, cps.length) };
  if (fallback) fallback = { ...fallback, shaped: coverAll(fallback.shaped, cps.length) };
  const pick = found ?? fallback ?? { font: chain[0], shaped: { ids: cps.map(() => 0), adv: cps.map(() => chain[0].unitsPerEm * ems / cps.length), w: cps.map(() => chain[0].unitsPerEm * ems / cps.length), dx: cps.map(() => 0), cps: cps.map(() => 1) }, fits: false, missing: true };
  perChain.set(key, pick);
  return pick;
}

const TWO_EM_DASH = 0x2e3a;

/** —— (or ――) typed as two code points: one 破折号. */
function isDashPair(cps: readonly number[]): boolean {
  return cps.length === 2 && cps[0] === cps[1] && (cps[0] === 0x2014 || cps[0] === 0x2015);
}

/**
 * A 破折号 must read as one unbroken rule (typography.md §8 item 16). Two
 * 1-em dashes side by side leave a notch where their side bearings meet (LXGW WenKai: 4 units,
 * visible at 600 dpi), so a font's single 2-em glyph is preferred: its full-width (`fwid`)
 * form when that is one glyph (Noto CJK: —— ligates into its 2-em dash), else its own
 * U+2E3A ⸺ when that is 2 em wide.
 */
function oneGlyphDash(f: FontHandle, text: string, want: number, tol: number): Shaped | null {
  const fw = fullWidthForm(f, text, want / f.unitsPerEm);
  if (fw && fw.ids.length === 1) return fw;
  const g = glyphOf(f, TWO_EM_DASH);
  if (g >= 0 && Math.abs(glyphAdvance(g) - want) <= tol) return { ids: [glyphId(g)], adv: [glyphAdvance(g)], w: [glyphAdvance(g)], dx: [0], cps: [2] };
  return null;
}

/**
 * The mark is one unit: its glyphs together stand for all `n` code points. fontkit caches a
 * glyph object per id with the code points of its first use, so a ligature whose glyph is also
 * in the cmap (Noto's —— is its ⸺) may report one code point; the text of the PDF must not
 * lose the other.
 */
function coverAll(s: Shaped, n: number): Shaped {
  const counted = s.cps.reduce((a, b) => a + b, 0);
  if (counted >= n || s.cps.length === 0) return s;
  const cps = s.cps.slice();
  cps[cps.length - 1] += n - counted;
  return { ...s, cps };
}
