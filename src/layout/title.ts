/**
 * An article title set as it is printed: centred between the title insets, each line the
 * author gave balanced on its own (a line too long for the measure wraps at natural places),
 * a one-line title balanced as a whole; more lines than the theme allows (title.maxLines) is a
 * problem. Shared by the galley and by `bulletin check`, which must refuse what build refuses.
 */
import type { ComposedLine } from '../compose/types.js';
import type { Block } from '../style/model.js';
import type { TitleStyle } from '../style/styles.js';
import { type LayoutContext, setText } from './setting.js';
import { say } from '../messages/catalogue.js';

export type TitleBlock = Extract<Block, { kind: 'title' }>;

/**
 * The title's lines and its subtitle's (副题: centred under it, led by ——, broken by sense
 * like the title), with the style and inset they were set in (the galley places them).
 */
export function setTitle(ctx: LayoutContext, block: TitleBlock): { lines: ComposedLine[]; subtitle: ComposedLine[]; style: TitleStyle; inset: number } {
  const style = block.style;
  const inset = style.inset;
  const options = { measure: ctx.styles.page.typeWidth - 2 * inset, align: 'center' as const, trimOpeningAtLineStart: false, balance: true, phraseSpaces: true };
  const lines = block.lines.length > 1
    ? block.lines.flatMap((text, i) => setText(ctx, text, style, options, [...block.source, i]))
    : setText(ctx, block.lines[0] ?? '', style, options, block.source);
  if (lines.length > style.maxLines) {
    ctx.problems.push({ code: 'title-too-long', severity: 'error', source: block.source, message: say('title-too-long', { lines: lines.length, max: style.maxLines }) });
  }
  const sub = block.subtitle;
  // The lead (——) may not be left alone at a line end: it is set as part of the first phrase.
  const subtitle = sub ? setText(ctx, sub.text, sub.style, { ...options, trimOpeningAtLineStart: false }, sub.source, -sub.valueOffset) : [];
  if (sub && subtitle.length > sub.style.maxLines) {
    ctx.problems.push({ code: 'title-too-long', severity: 'error', source: sub.source, message: say('subtitle-too-long', { lines: subtitle.length, max: sub.style.maxLines }) });
  }
  return { lines, subtitle, style, inset };
}
