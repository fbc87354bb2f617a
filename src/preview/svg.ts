/**
 * Page frames → SVG for the preview. The pages are drawn from the same frames the PDF renderer
 * draws — every glyph by its id in its own font, at the x the composer gave it — so what the
 * editor sees is the PDF's geometry, not a browser's second attempt at setting the text.
 *
 * Glyph outlines are defined once per session (`GlyphTable`), each as a path numbered in the
 * order it was first needed; a page refers to them by number (`<use href="#g12">`) and a browser
 * that has glyphs 0…n−1 asks only for those after. Each line also carries its text, invisible,
 * fitted to the line's width, so that the preview can be searched and selected, and the number
 * of its source (where in the issue file the line's block was written) for a click to show.
 */
import type { FontHandle } from '../font/types.js';
import type { Cmyk } from '../layout/units.js';
import type { PageFrame, RuleItem, TextItem } from '../layout/types.js';

/** A number written short: at most `digits` decimals, no trailing zeros. */
function num(n: number, digits = 2): string {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? '0' : String(r);
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

/** Glyph outlines of the session, numbered in the order they were first drawn. */
export class GlyphTable {
  readonly #numbers = new Map<FontHandle, Map<number, number>>();
  readonly #defs: string[] = [];

  /** The number of glyph `id` of `font`, its outline defined on first use. */
  number(font: FontHandle, id: number): number {
    let byId = this.#numbers.get(font);
    if (!byId) {
      byId = new Map();
      this.#numbers.set(font, byId);
    }
    let n = byId.get(id);
    if (n === undefined) {
      n = this.#defs.length;
      byId.set(id, n);
      let d = '';
      try {
        d = font.font.getGlyph(id).path.toSVG().replace(NUMBER, (x) => num(Number(x), 1));
      } catch {
        // A glyph fontkit cannot read is drawn as nothing, as a viewer would skip it.
      }
      this.#defs.push(`<path id="g${n}" d="${d}"/>`);
    }
    return n;
  }

  /** Definitions of glyphs `from`, `from` + 1, … (what a browser holding `from` glyphs lacks). */
  defsFrom(from: number): string {
    return this.#defs.slice(Math.max(0, from)).join('');
  }

  get count(): number {
    return this.#defs.length;
  }
}

/**
 * One page as an SVG element in page points (y down, as the frames are). `sourceOf` numbers the
 * source of a line (undefined: the line has none, e.g. a folio).
 */
export function pageSvg(page: PageFrame, width: number, height: number, glyphs: GlyphTable, sourceOf: (item: TextItem) => number | undefined): string {
  const out: string[] = [`<svg class="pg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" data-page="${page.number}">`];
  for (const item of page.items) {
    if (item.kind === 'text') out.push(textSvg(item, glyphs, sourceOf(item)));
    else out.push(ruleSvg(item));
  }
  out.push('</svg>');
  return out.join('');
}

function textSvg(item: TextItem, glyphs: GlyphTable, source: number | undefined): string {
  const line = item.line;
  const fill = cssColor(item.color);
  const parts: string[] = [source === undefined ? '<g class="ln">' : `<g class="ln" data-s="${source}">`];
  let size = 0;
  const drawn: string[] = [];
  for (const run of line.runs) {
    const n = run.length;
    if (n === 0) continue;
    size = Math.max(size, run.size);
    // One transform per run: font units, y up, from the run's first pen position.
    const k = run.size / run.font.unitsPerEm;
    const x0 = run.xs[0];
    const uses: string[] = [];
    for (let i = 0; i < n; i++) {
      const dx = (run.xs[i] - x0) / k;
      uses.push(`<use href="#g${glyphs.number(run.font, run.idAt(i))}"${dx === 0 ? '' : ` x="${num(dx, 1)}"`}/>`);
    }
    drawn.push(`<g transform="matrix(${num(k, 6)} 0 0 ${num(-k, 6)} ${num(item.x + x0)} ${num(item.y)})">${uses.join('')}</g>`);
  }
  if (size === 0) return '';
  const left = item.x + Math.min(line.left, 0);
  const right = item.x + Math.max(line.right, line.natural);
  const top = item.y - size * 0.88;
  // The hit area and the invisible text span the line's box; the glyphs are drawn over them.
  parts.push(`<rect class="hit" x="${num(left)}" y="${num(top)}" width="${num(right - left)}" height="${num(size)}"/>`);
  parts.push(`<g fill="${fill}">${drawn.join('')}</g>`);
  if (line.text.trim().length > 0) {
    parts.push(`<text class="tx" x="${num(left)}" y="${num(item.y)}" font-size="${num(size)}" textLength="${num(right - left)}" lengthAdjust="spacingAndGlyphs">${escapeXml(line.text)}</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

function ruleSvg(item: RuleItem): string {
  return `<rect x="${num(item.x)}" y="${num(item.y - item.weight / 2)}" width="${num(item.width)}" height="${num(item.weight)}" fill="${cssColor(item.color)}"/>`;
}
