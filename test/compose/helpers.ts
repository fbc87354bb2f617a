/** Small helpers for composer tests. */
import { composeParagraph } from '../../src/compose/compose.js';
import type { ComposedLine, ComposedParagraph, ComposeOptions, PlacedGlyph } from '../../src/compose/types.js';
import type { FontHandle } from '../../src/font/types.js';
import { song } from './fonts.js';
import { fontkitFont } from '../../src/font/handle.js';

export const EM = 16;

/** Compose one plain span; by default non-grid, 16 pt, no indent, justified. */
export function compose(text: string, opt: Partial<ComposeOptions> = {}, fonts?: FontHandle[]): ComposedParagraph {
  const o: ComposeOptions = { measure: 10 * EM, size: EM, indent: 0, align: 'justify', ...opt };
  return composeParagraph([{ text, fonts: fonts ?? [song()] }], o);
}

export const texts = (p: ComposedParagraph): string[] => p.lines.map((l) => l.text);

export interface G extends PlacedGlyph {
  font: FontHandle;
}

export function glyphs(line: ComposedLine): G[] {
  return line.runs.flatMap((r) => r.glyphs.map((g) => ({ ...g, font: r.font })));
}

/** The glyph standing for the n-th occurrence (0-based) of `ch` on the line. */
export function glyph(line: ComposedLine, ch: string, n = 0): G {
  const all = glyphs(line).filter((g) => g.text === ch || g.text.startsWith(ch));
  if (!all[n]) throw new Error(`no glyph ${ch}#${n} on line ${line.text}`);
  return all[n];
}

export const near = (a: number, b: number, tol = 0.01): boolean => Math.abs(a - b) <= tol;

/**
 * The ink of the glyphs as horizontal pieces (one per contour's box, overlapping boxes merged),
 * pt from the measure's left edge, sorted: a continuous dash is one piece, an ellipsis six.
 */
export function inkPieces(gs: G[]): { from: number; to: number }[] {
  const boxes: { from: number; to: number }[] = [];
  for (const g of gs) {
    const scale = g.advance / fontkitFont(g.font).getGlyph(g.id).advanceWidth;
    let box: { from: number; to: number } | undefined;
    for (const c of fontkitFont(g.font).getGlyph(g.id).path.commands) {
      if (c.command === 'moveTo') boxes.push((box = { from: Infinity, to: -Infinity }));
      for (let i = 0; i < c.args.length; i += 2) {
        const x = g.x + c.args[i] * scale;
        box!.from = Math.min(box!.from, x);
        box!.to = Math.max(box!.to, x);
      }
    }
  }
  boxes.sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const b of boxes) {
    const last = merged.at(-1);
    if (last && b.from <= last.to) last.to = Math.max(last.to, b.to);
    else merged.push({ ...b });
  }
  return merged;
}
