/**
 * 报头, page 1 (typography.md §3.2): the bulletin name large, red and letter-spaced in the
 * masthead face, the edition label （普 刊）, the 期号 line, then the publisher flush left and
 * the date flush right on one line, closed by a full-width red rule (or a thick-thin pair).
 * Laid out from its top edge; the galley gives it whole grid lines at the top of page 1.
 */
import type { ComposedLine } from '../compose/types.js';
import type { Block } from '../style/model.js';
import { type Rule, type TextStyle, scaled } from '../style/styles.js';
import type { Content } from './display.js';
import type { RowRule, RowText } from './paginate.js';
import { type LayoutContext, letterSpace, setText } from './setting.js';
import { hintOf, say } from '../messages/catalogue.js';

type Masthead = Extract<Block, { kind: 'masthead' }>;

/** Stack of rules (thick then thin…) downward from y; returns the rule items and the new y. */
export function stackRules(rules: readonly Rule[], y: number, width: number): { items: RowRule[]; y: number } {
  const items: RowRule[] = [];
  rules.forEach((rule, i) => {
    if (i > 0) y += rule.gap;
    items.push({ kind: 'rule', x: 0, dy: y + rule.weight / 2, width, weight: rule.weight, color: rule.color });
    y += rule.weight;
  });
  return { items, y };
}

export function buildMasthead(ctx: LayoutContext, block: Masthead): Content {
  const m = block.style;
  const b = ctx.styles.baseline;
  const width = ctx.styles.page.typeWidth;
  const texts: RowText<ComposedLine>[] = [];
  let y = 0;
  const put = (line: ComposedLine | undefined, style: TextStyle) => {
    if (line) texts.push({ kind: 'text', x: 0, dy: y + style.size * b, line, color: style.color });
    y += style.size;
  };
  const centred = { measure: width, align: 'center' as const, trimOpeningAtLineStart: false };

  // The name: as large as the theme asks, smaller if its letter-spaced width would not fit.
  const nameStyle = { ...m.name };
  const maxWidth = nameStyle.maxWidth;
  let name = nameLine(ctx, block, nameStyle, width);
  const natural = name.line ? name.line.right - name.line.left : 0;
  if (natural > maxWidth) {
    const asked = nameStyle.size;
    nameStyle.size *= maxWidth / natural;
    name = nameLine(ctx, block, nameStyle, width);
    // Smaller than the 期号 line under it, a name is no longer a masthead: a name that long is
    // most likely something else typed under `bulletin:`.
    const floor = Math.min(asked, m.number.size);
    if (nameStyle.size < floor - 0.01) {
      ctx.problems.push({
        code: 'name-too-long', severity: 'error', source: ['bulletin'],
        message: say('name-too-long', { count: [...block.name].length, size: nameStyle.size.toFixed(1), floor: floor.toFixed(0) }),
        hint: hintOf('name-too-long'),
      });
    }
  }
  put(name.line, nameStyle);
  y += scaled(nameStyle.gapAfter, nameStyle.size);

  if (block.edition) {
    const style = m.edition;
    const spacing = style.letterSpacing;
    // Letter-space the label itself, not the space between it and its brackets.
    const text = `${m.edition.open}${block.edition}${m.edition.close}`;
    // Both brackets set half width, so the ink, not the （'s blank half, is centred on the axis.
    const [line] = setText(ctx, text, style, { ...centred, trimOpeningAtLineStart: true }, ['edition']);
    const from = [...m.edition.open].length;
    const to = from + [...block.edition].length - 1;
    // A long label (学习贯彻…精神专刊) is spaced only as far as the type area allows.
    const fit = line && to > from ? Math.max(0, (width - (line.right - line.left)) / (to - from)) : spacing;
    if (line) texts.push({ kind: 'text', x: 0, dy: y + style.size * b, line: letterSpace(line, Math.min(spacing, fit), 'center', from, to), color: style.color });
    y += style.size + style.gapAfter;
  }

  const numberStyle = m.number;
  put(setText(ctx, block.numberLine, numberStyle, centred, ['number'])[0], numberStyle);
  y += numberStyle.gapAfter;

  const imprint = m.imprint;
  const oneLine = setText(ctx, block.publisher, imprint, { measure: width, align: 'left' }, ['publisher']);
  const date = setText(ctx, block.date, imprint, { measure: width, align: 'right' }, ['date'])[0];
  const { lines: publisher, dateBelow } = imprintLines(ctx, block.publisher, oneLine, imprint, width, date);
  y += (publisher.length - (dateBelow ? 0 : 1)) * imprint.size * IMPRINT_LEADING;
  if (date) texts.push({ kind: 'text', x: 0, dy: y + imprint.size * b, line: date, color: imprint.color });
  publisher.forEach((line, k) => {
    const up = (publisher.length - (dateBelow ? 0 : 1) - k) * imprint.size * IMPRINT_LEADING;
    texts.push({ kind: 'text', x: 0, dy: y - up + imprint.size * b, line, color: imprint.color });
  });
  y += imprint.size;
  y += imprint.gapAfter;

  const rules = stackRules(m.rules, y, width);
  return { items: [...texts, ...rules.items], top: 0, bottom: rules.y };
}

/** Baseline distance of a 编印单位 wrapped over two lines, in em of the imprint size. */
const IMPRINT_LEADING = 1.25;

/** Narrowest room beside the date worth wrapping the 编印单位 into, in em. */
const MIN_IMPRINT_ROOM = 8;

/**
 * The 编印单位 lines: one line beside the date when both fit with a character's gap between
 * them; otherwise wrapped, balanced, in the room the date leaves, the date on the last line
 * (an office name such as 中共…街道工作委员会办公室编 is too long for one line beside a date);
 * when the date leaves too little room (large imprint sizes), the date goes on a line of its own.
 */
function imprintLines(ctx: LayoutContext, text: string, oneLine: ComposedLine[], style: TextStyle, width: number, date: ComposedLine | undefined): { lines: ComposedLine[]; dateBelow: boolean } {
  const room = date ? date.left - style.size : width;
  if (oneLine.length <= 1 && (oneLine[0]?.right ?? 0) <= room + 0.01) return { lines: oneLine, dateBelow: false };
  if (room < MIN_IMPRINT_ROOM * style.size) return { lines: oneLine, dateBelow: !!date };
  return { lines: setText(ctx, text, style, { measure: room, align: 'left', balance: true }, ['publisher']), dateBelow: false };
}

function nameLine(ctx: LayoutContext, block: Masthead, style: Masthead['style']['name'], width: number): { line?: ComposedLine } {
  const spacing = scaled(style.letterSpacing, style.size);
  // A measure no name fills, so that it is one line however long (each character is at most 2 em).
  const measure = Math.max(width * 4, [...block.name].length * style.size * 2);
  const lines = setText(ctx, block.name, style, { measure, align: 'left', trimOpeningAtLineStart: false }, ['bulletin']);
  const line = lines[0];
  if (!line) return {};
  // Composed unbounded (one line), spaced, then centred on the type area.
  const spaced = letterSpace(line, spacing, 'left');
  const shift = (width - (spaced.right - spaced.left)) / 2 - spaced.left;
  return { line: shiftLine(spaced, shift) };
}

export function shiftLine(line: ComposedLine, dx: number): ComposedLine {
  if (dx === 0) return line;
  return {
    ...line,
    left: line.left + dx,
    right: line.right + dx,
    runs: line.runs.map((r) => r.moved(dx)),
  };
}
