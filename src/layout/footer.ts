/**
 * 版记 (GB/T 9704 §7.4, typography.md §2.3 and §3.4): thick rule, the 送/报/发 lines with wrapped
 * lines aligned after the label, thin rule, 本期责任编辑 left and 电话 right on one line, notes,
 * 共印N份, thick rule; 四号 text with one-character insets. One unbreakable row whose bottom is
 * its last rule, and whose glue takes all space left on the last page, so that rule lies on the
 * 版心 bottom edge; if it does not fit under the last text, pagination moves it to a new page.
 */
import type { ComposedLine } from '../compose/types.js';
import { fill } from './model.js';
import type { Block } from './model.js';
import type { GalleyRow, RowRule, RowText } from './paginate.js';
import { type LayoutContext, setText } from './setting.js';
import type { RuleStyle } from '../style/theme.js';

type FooterBlock = Extract<Block, { kind: 'footer' }>;

const PATH = ['footer'];

export function buildFooter(ctx: LayoutContext, block: FooterBlock): GalleyRow | undefined {
  const t = ctx.theme;
  const f = t.theme.footer;
  const b = t.theme.baseline;
  const data = block.footer;
  const style = t.text(f, PATH);
  const width = t.typeWidth;
  const inset = t.len(f.inset, style.size, [...PATH, 'inset']);
  const lineHeight = t.len(f.lineHeight, style.size, [...PATH, 'lineHeight']);
  const padding = t.len(f.padding, style.size, [...PATH, 'padding']);
  const measure = width - 2 * inset;
  const texts: RowText<ComposedLine>[] = [];
  const rules: RowRule[] = [];
  let y = 0;

  const rule = (r: RuleStyle, key: string) => {
    const weight = t.len(r.weight, style.size, [...PATH, key, 'weight']);
    rules.push({ kind: 'rule', x: 0, dy: y + weight / 2, width, weight, color: t.color(r.color, [...PATH, key, 'color']) });
    y += weight;
  };
  /** Lay lines one under another from y, at x; returns nothing, advances y. */
  const lines = (ls: ComposedLine[], x: number) => {
    for (const line of ls) {
      texts.push({ kind: 'text', x, dy: y + (lineHeight - style.size) / 2 + style.size * b, line, color: style.color });
      y += lineHeight;
    }
  };
  const groups: (() => void)[] = [];

  const distribution = (data.distribution ?? []).filter((d) => d.to.length > 0);
  if (distribution.length) {
    groups.push(() => distribution.forEach((d, di) => {
      const source = ['footer', 'distribution', di];
      const labelText = `${d.label}${f.labelSeparator}`;
      const label = setText(ctx, labelText, style, { measure, align: 'left' }, [...source, 'label'])[0];
      // Set alone, the label's colon ends a line and is closed up to half width; the names
      // after it keep the colon's full cell, as in running text (送：省人大…).
      const cells = [...labelText].filter((ch) => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch)).length;
      const labelWidth = label ? Math.max(label.right, cells * style.size) : 0;
      if (label) texts.push({ kind: 'text', x: inset, dy: y + (lineHeight - style.size) / 2 + style.size * b, line: label, color: style.color });
      d.to.forEach((to, ti) => {
        lines(setText(ctx, to, style, { measure: measure - labelWidth, align: 'justify', indent: 0 }, [...source, 'to', ti]), inset + labelWidth);
      });
    }));
  }
  if (data.editor || data.phone) {
    groups.push(() => {
      const top = y;
      const editor = data.editor ? setText(ctx, `${f.editorLabel}${data.editor}`, style, { measure, align: 'left' }, ['footer', 'editor']) : [];
      const phone = data.phone ? setText(ctx, `${f.phoneLabel}${data.phone}`, style, { measure, align: data.editor ? 'right' : 'left' }, ['footer', 'phone']) : [];
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
        lines(setText(ctx, `${f.phoneLabel}${data.phone ?? ''}`, style, { measure, align: 'left' }, ['footer', 'phone']), inset);
      }
      (data.notes ?? []).forEach((note, ni) => lines(setText(ctx, note, style, { measure, align: 'justify', indent: 0 }, ['footer', 'notes', ni]), inset));
      if (data.copies !== undefined) lines(setText(ctx, fill(f.copies, { n: data.copies }), style, { measure, align: 'right' }, ['footer', 'copies']), inset);
    });
  } else if ((data.notes ?? []).length || data.copies !== undefined) {
    groups.push(() => {
      (data.notes ?? []).forEach((note, ni) => lines(setText(ctx, note, style, { measure, align: 'justify', indent: 0 }, ['footer', 'notes', ni]), inset));
      if (data.copies !== undefined) lines(setText(ctx, fill(f.copies, { n: data.copies }), style, { measure, align: 'right' }, ['footer', 'copies']), inset);
    });
  }
  if (groups.length === 0) return undefined;

  rule(f.thick, 'thick');
  groups.forEach((group, i) => {
    if (i > 0) rule(f.thin, 'thin');
    y += padding;
    group();
    y += padding;
  });
  // The last rule's centre is the row's bottom, which pagination puts on the 版心 bottom edge.
  const weight = t.len(f.thick.weight, style.size, [...PATH, 'thick', 'weight']);
  rules.push({ kind: 'rule', x: 0, dy: y + weight / 2, width, weight, color: t.color(f.thick.color, [...PATH, 'thick', 'color']) });
  const total = y + weight / 2;
  return {
    kind: 'footer',
    ascent: total,
    descent: 0,
    glue: { natural: t.len(f.spaceBefore, style.size, [...PATH, 'spaceBefore']), stretch: 0, shrink: 0 },
    breakPenalty: 0,
    fill: true,
    items: [...texts, ...rules].map((item) => ({ ...item, dy: item.dy - total })),
    label: 'footer',
  };
}
