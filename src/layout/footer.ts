/**
 * 版记 (GB/T 9704 §7.4, typography.md §2.3 and §3.4): thick rule, the 送/报/发 lines with wrapped
 * lines aligned after the label, thin rule, 本期责任编辑 left and 电话 right on one line, notes,
 * 共印N份, thick rule; 四号 text with one-character insets. Laid out from the centre of its last
 * rule, which the galley and pagination put on the 版心 bottom edge of the last page, on whole
 * grid lines of its own; if they do not fit under the last text, pagination moves it to a new page.
 */
import type { ComposedLine } from '../compose/types.js';
import type { Block, FooterText } from '../style/model.js';
import type { Rule } from '../style/styles.js';
import type { Content } from './display.js';
import type { RowRule, RowText } from './paginate.js';
import { type LayoutContext, setText } from './setting.js';

type FooterBlock = Extract<Block, { kind: 'footer' }>;

export function buildFooter(ctx: LayoutContext, block: FooterBlock): Content | undefined {
  const style = block.style;
  const b = ctx.styles.baseline;
  const data = block.lines;
  const width = ctx.styles.page.typeWidth;
  const { inset, lineHeight, padding } = style;
  const measure = width - 2 * inset;
  const texts: RowText<ComposedLine>[] = [];
  const rules: RowRule[] = [];
  let y = 0;

  const rule = (r: Rule) => {
    rules.push({ kind: 'rule', x: 0, dy: y + r.weight / 2, width, weight: r.weight, color: r.color });
    y += r.weight;
  };
  /** Lay lines one under another from y, at x; returns nothing, advances y. */
  const lines = (ls: ComposedLine[], x: number) => {
    for (const line of ls) {
      texts.push({ kind: 'text', x, dy: y + (lineHeight - style.size) / 2 + style.size * b, line, color: style.color });
      y += lineHeight;
    }
  };
  const set = (t: FooterText, options: Parameters<typeof setText>[3]) => setText(ctx, t.text, style, options, t.source);
  const notesAndCopies = () => {
    data.notes.forEach((note) => lines(set(note, { measure, align: 'justify', indent: 0 }), inset));
    if (data.copies) lines(set(data.copies, { measure, align: 'right' }), inset);
  };
  const groups: (() => void)[] = [];

  if (data.distribution.length) {
    groups.push(() => data.distribution.forEach((d) => {
      const label = set(d.label, { measure, align: 'left' })[0];
      // Set alone, the label's colon ends a line and is closed up to half width; the names
      // after it keep the colon's full cell, as in running text (送：省人大…).
      const cells = [...d.label.text].filter((ch) => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch)).length;
      const labelWidth = label ? Math.max(label.right, cells * style.size) : 0;
      if (label) texts.push({ kind: 'text', x: inset, dy: y + (lineHeight - style.size) / 2 + style.size * b, line: label, color: style.color });
      // Recipients break between names (after 、，；), set flush left: never letter-spaced.
      for (const to of d.to) lines(set(to, { measure: measure - labelWidth, align: 'left', listBreaks: true, indent: 0 }), inset + labelWidth);
    }));
  }
  if (data.editor || data.phone) {
    groups.push(() => {
      const top = y;
      const editor = data.editor ? set(data.editor, { measure, align: 'left' }) : [];
      const phone = data.phone ? set(data.phone, { measure, align: data.editor ? 'right' : 'left' }) : [];
      const fitsOneLine = editor.length <= 1 && phone.length <= 1
        && (editor[0]?.right ?? 0) + style.size <= (phone[0]?.left ?? Infinity);
      if (fitsOneLine) {
        y = top;
        lines(editor, inset);
        if (phone[0]) {
          y = top;
          lines(phone, inset);
        }
        y = top + lineHeight;
      } else {
        lines(editor, inset);
        if (data.phone) lines(set(data.phone, { measure, align: 'left' }), inset);
      }
      notesAndCopies();
    });
  } else if (data.notes.length || data.copies) {
    groups.push(notesAndCopies);
  }
  if (groups.length === 0) return undefined;

  rule(style.thick);
  groups.forEach((group, i) => {
    if (i > 0) rule(style.thin);
    y += padding;
    group();
    y += padding;
  });
  // The last rule's centre is the row's bottom, which pagination puts on the 版心 bottom edge.
  const weight = style.thick.weight;
  rules.push({ kind: 'rule', x: 0, dy: y + weight / 2, width, weight, color: style.thick.color });
  const total = y + weight / 2;
  return { items: [...texts, ...rules].map((item) => ({ ...item, dy: item.dy - total })), top: -total, bottom: 0 };
}
