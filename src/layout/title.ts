/**
 * An article title set as it is printed: centred between the title insets, each line the
 * author gave balanced on its own (a line too long for the measure wraps at natural places),
 * a one-line title balanced as a whole; more lines than the theme allows (title.maxLines) is a
 * problem. Shared by the galley and by `bulletin check`, which must refuse what build refuses.
 */
import type { ComposedLine } from '../compose/types.js';
import type { ResolvedText } from './theme-resolve.js';
import type { Block } from './model.js';
import { type LayoutContext, setText } from './setting.js';

export type TitleBlock = Extract<Block, { kind: 'title' }>;

/** The title's lines, with the style and inset they were set in (the galley places them). */
export function setTitle(ctx: LayoutContext, block: TitleBlock): { lines: ComposedLine[]; style: ResolvedText; inset: number } {
  const t = ctx.theme;
  const s = t.theme.title;
  const style = t.text(s, ['title']);
  const inset = t.len(s.inset, style.size, ['title', 'inset']);
  const options = { measure: t.typeWidth - 2 * inset, align: 'center' as const, trimOpeningAtLineStart: false, balance: true, phraseSpaces: true };
  const lines = block.lines.length > 1
    ? block.lines.flatMap((text, i) => setText(ctx, text, style, options, [...block.source, i]))
    : setText(ctx, block.lines[0] ?? '', style, options, block.source);
  if (lines.length > s.maxLines) {
    ctx.problems.push({ code: 'title-too-long', severity: 'error', source: block.source, message: `the title takes ${lines.length} lines (at most ${s.maxLines}): shorten it, or set it as a list of lines` });
  }
  return { lines, style, inset };
}
