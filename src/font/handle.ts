/**
 * A fontkit face behind the FontHandle interface: fontkit's public API (glyphForCodePoint,
 * getGlyph, layout, createSubset, getName), with the measured fast paths of fontkit-private.ts
 * where a face allows them. The fontkit object itself is kept here: the renderer hands it to
 * pdfkit (which reads the face's metrics for the PDF's font descriptor) through `pdfkitSource`,
 * and tests of this module inspect it through `fontkitFont`; nothing else sees it.
 */
import type { Font } from 'fontkit';
import { fast } from '../fast-paths.js';
import { faceTables, type RawMetrics, speedUpSubset } from './fontkit-private.js';
import { availableFeatures, choiceKey, featureChoice, type FeatureChoice, type LayoutReach, layoutReach, plainRun, runScript } from './plain-runs.js';
import type { FontHandle, FontSubset, InkBox, Shaped } from './types.js';

/** Where a handle keeps its fontkit object (a symbol: a copy of a handle keeps it too). */
const PARSED = Symbol('fontkit font');

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  path: { toSVG(): string };
}

interface FontkitRun {
  glyphs: FontkitGlyph[];
  positions: { xAdvance: number; xOffset: number }[];
}

interface FontkitInternals {
  numGlyphs: number;
  availableFeatures?: string[];
  getName?(key: string): string | null;
  layout(text: string, features?: unknown): FontkitRun;
  getGlyph(id: number): FontkitGlyph;
  glyphForCodePoint(cp: number): FontkitGlyph;
  hasGlyphForCodePoint(cp: number): boolean;
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array; cff?: unknown };
}

function shaped(run: FontkitRun): Shaped {
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

/** A handle on `font`; `raw` (when the face allows it) answers cmap and hmtx lookups from the bytes. */
export function fontkitHandle(key: string, file: string, font: Font, raw: RawMetrics | null): FontHandle {
  const f = font as unknown as FontkitInternals;
  // What the features can do to a run, by its script and the features turned on and off, read
  // from the face on the first such run shaped (null: a face plain-runs.ts does not vouch for).
  const tables = fast('plain-runs') ? faceTables(font) : undefined;
  const reaches = new Map<string, LayoutReach | null>();
  let featureTags: readonly string[] | undefined;
  const plain = (text: string, features: FeatureChoice): Shaped | undefined => {
    if (!raw || !tables) return undefined;
    const script = runScript(text);
    const key = `${script} ${choiceKey(features)}`;
    let r = reaches.get(key);
    if (r === undefined) reaches.set(key, (r = layoutReach(tables, script, features) ?? null));
    return r ? plainRun(text, r, raw.glyphId, raw.advance) : undefined;
  };
  const handle: FontHandle & { [PARSED]: Font } = {
    [PARSED]: font,
    key,
    file,
    postscriptName: font.postscriptName,
    unitsPerEm: font.unitsPerEm,
    numGlyphs: f.numGlyphs,
    hasGlyph: raw ? (cp) => raw.glyphId(cp) > 0 : (cp) => f.hasGlyphForCodePoint(cp),
    glyphId: raw ? (cp) => raw.glyphId(cp) : (cp) => (f.hasGlyphForCodePoint(cp) ? f.glyphForCodePoint(cp).id : 0),
    advance: raw ? (id) => raw.advance(id) : (id) => f.getGlyph(id).advanceWidth,
    inkBox(id): InkBox | undefined {
      const b = f.getGlyph(id).bbox;
      return Number.isFinite(b.minX) && Number.isFinite(b.minY) && b.maxX >= b.minX && b.maxY >= b.minY
        ? { minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY }
        : undefined;
    },
    svgPath: (id) => f.getGlyph(id).path.toSVG(),
    // Read from the face's tables (plain-runs.ts) where it can be: fontkit decodes GSUB and
    // GPOS to list them.
    features: () => (featureTags ??= (tables && availableFeatures(tables)) ?? f.availableFeatures ?? []),
    // fontkit writes every feature it planned into a features object it is given: a copy keeps
    // the caller's (often a constant) as it was, so one run's plan never carries into the next.
    shape: (text, features) => plain(text, featureChoice(features)) ?? shaped(f.layout(text, Array.isArray(features) ? features : { ...features })),
    codePoints: (id) => f.getGlyph(id).codePoints ?? [],
    name: (id) => f.getName?.(id) ?? undefined,
    subset(): FontSubset {
      const s = f.createSubset();
      speedUpSubset(s);
      return { include: (id) => s.includeGlyph(id), encode: () => s.encode(), cff: s.cff != null };
    },
  };
  return handle;
}

/**
 * The parsed face as pdfkit's `registerFont` takes it (a fontkit font: pdfkit reads its metrics
 * for the font descriptor). The renderer passes it on and calls nothing on it.
 */
export function pdfkitSource(handle: FontHandle): unknown {
  const font = (handle as { [PARSED]?: Font })[PARSED];
  if (!font) throw new Error(`${handle.key} is not a font opened by font/load`);
  return font;
}

/** The fontkit object of a handle, for the tests of this module. */
export function fontkitFont(handle: FontHandle): Font {
  return pdfkitSource(handle) as Font;
}
