/**
 * Page frames → what the preview's page draws. The pages are drawn from the same frames the PDF
 * renderer draws — every glyph by its id in its own font, at the x the composer gave it — so
 * what the editor sees is the PDF's geometry, not a browser's second attempt at setting the text.
 *
 * Each page is two things:
 * - a display list, drawn on a canvas: per run of glyphs its colour, origin, scale and glyph
 *   numbers with their offsets; per rule a rectangle. A canvas fills a page's few hundred glyph
 *   outlines in milliseconds, where as many SVG <use> elements took a browser ten times longer
 *   to lay out and paint, and an edit must be on screen within a tenth of a second;
 * - an SVG overlay with, per line, a transparent box (what a click hits, with the number of the
 *   line's source) and the line's text, invisible and fitted to its width, so the preview can be
 *   searched and selected.
 * Glyph outlines are defined once per session (`GlyphTable`), numbered in the order they were
 * first needed; a browser holding glyphs 0…n−1 is sent only those after.
 */
import type { FontHandle } from '../font/types.js';
import type { Cmyk } from '../style/units.js';
import type { PageFrame, TextItem } from '../layout/types.js';

/** A number written short: at most `digits` decimals. */
function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

function num(n: number, digits = 2): string {
  return String(round(n, digits));
}

const NUMBER = /-?\d+(?:\.\d+)?(?:e-?\d+)?/g;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** CMYK as a screen colour: the naive conversion, enough to tell red from black on a preview. */
export function cssColor([c, m, y, k]: Cmyk): string {
  const channel = (v: number) => Math.round(255 * (1 - v / 100) * (1 - k / 100));
  const hex = (v: number) => v.toString(16).padStart(2, '0');
  return `#${hex(channel(c))}${hex(channel(m))}${hex(channel(y))}`;
}

/** Glyph outlines of the session (SVG path data, font units, y up), numbered in the order first drawn. */
export class GlyphTable {
  readonly #numbers = new Map<FontHandle, Map<number, number>>();
  readonly #paths: string[] = [];

  /** The number of glyph `id` of `font`, its outline read on first use. */
  number(font: FontHandle, id: number): number {
    let byId = this.#numbers.get(font);
    if (!byId) {
      byId = new Map();
      this.#numbers.set(font, byId);
    }
    let n = byId.get(id);
    if (n === undefined) {
      n = this.#paths.length;
      byId.set(id, n);
      let d = '';
      try {
        d = font.svgPath(id).replace(NUMBER, (x) => num(Number(x), 1));
      } catch {
        // A glyph fontkit cannot read is drawn as nothing, as a viewer would skip it.
      }
      this.#paths.push(d);
    }
    return n;
  }

  /** Outlines of glyphs `from`, `from` + 1, … (what a browser holding `from` glyphs lacks). */
  pathsFrom(from: number): string[] {
    return this.#paths.slice(Math.max(0, from));
  }

  get count(): number {
    return this.#paths.length;
  }
}

/**
 * What to draw, in page points (y down): a run of glyphs — colour, origin x and y, scale
 * (points per font unit), then glyph numbers each followed by its x offset from the origin in
 * font units — or a rectangle: colour, x, y, width, height.
 */
export type DrawOp = ['t', string, number, number, number, number[]] | ['r', string, number, number, number, number];

export interface PageDisplay {
  /** 1-based page number. */
  n: number;
  draw: DrawOp[];
  /** The overlay, an SVG element in page points. */
  overlay: string;
}

/**
 * One page. `sourceOf` numbers the source of a line (undefined: the line has none, e.g. a folio).
 */
export function pageDisplay(page: PageFrame, width: number, height: number, glyphs: GlyphTable, sourceOf: (item: TextItem) => number | undefined): PageDisplay {
  const draw: DrawOp[] = [];
  const overlay: string[] = [`<svg class="ov" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" data-page="${page.number}">`];
  for (const item of page.items) {
    if (item.kind === 'rule') {
      draw.push(['r', cssColor(item.color), round(item.x), round(item.y - item.weight / 2), round(item.width), round(item.weight, 3)]);
      continue;
    }
    const line = item.line;
    const fill = cssColor(item.color);
    let size = 0;
    for (const run of line.runs) {
      const n = run.length;
      if (n === 0) continue;
      size = Math.max(size, run.size);
      const k = run.size / run.font.unitsPerEm;
      const x0 = run.xs[0];
      const list: number[] = [];
      for (let i = 0; i < n; i++) list.push(glyphs.number(run.font, run.idAt(i)), round((run.xs[i] - x0) / k, 1));
      draw.push(['t', fill, round(item.x + x0, 3), round(item.y, 3), round(k, 6), list]);
    }
    if (size === 0) continue;
    const source = sourceOf(item);
    const left = item.x + Math.min(line.left, 0);
    const right = item.x + Math.max(line.right, line.natural);
    const top = item.y - size * 0.88;
    overlay.push(source === undefined ? '<g class="ln">' : `<g class="ln" data-s="${source}">`);
    overlay.push(`<rect class="hit" x="${num(left)}" y="${num(top)}" width="${num(right - left)}" height="${num(size)}"/>`);
    if (line.text.trim().length > 0) {
      overlay.push(`<text class="tx" x="${num(left)}" y="${num(item.y)}" font-size="${num(size)}" textLength="${num(right - left)}" lengthAdjust="spacingAndGlyphs">${escapeXml(line.text)}</text>`);
    }
    overlay.push('</g>');
  }
  overlay.push('</svg>');
  return { n: page.number, draw, overlay: overlay.join('') };
}
