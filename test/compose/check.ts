/**
 * Independent checks of a composed paragraph against the rules of typography.md §8, written
 * from the spec rather than from the composer's own tables, so that property tests and the
 * whole-issue test catch the composer's mistakes instead of repeating them.
 */
import type { ComposedParagraph, ComposeOptions, Span } from '../../src/compose/types.js';

const NO_START = new Set([...'，。、；：？！．）》〉」』】〕〗］｝”’·・/／～%％‰℃']);
const NO_END = new Set([...'（《〈「『【〔〖［｛“‘￥¥$']);
const isHan = (c: string) => /[\u3400-\u9fff\u{20000}-\u{3ffff}]/u.test(c);
const isSpace = (c: string) => /\s/.test(c);

export interface Violation {
  rule: string;
  line: number;
  detail: string;
}

/** Characters of the paragraph with their source offsets, spaces dropped. */
function inkChars(text: string): { ch: string; at: number }[] {
  const out: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (!isSpace(ch)) out.push({ ch, at: i });
    i += ch.length;
  }
  return out;
}

export interface CheckOptions {
  /** Also require that a multi-line paragraph's last line holds more than one character. */
  orphans?: boolean;
  /** Tolerance for glyph ink beyond the measure (grid cells are narrower than the glyph em). */
  inkTolerance?: number;
}

/** Every rule violation found in `p`, composed from `spans` with `opt`. */
export function violations(spans: Span[], opt: ComposeOptions, p: ComposedParagraph, co: CheckOptions = {}): Violation[] {
  const out: Violation[] = [];
  const text = spans.map((s) => s.text).join('');
  const chars = inkChars(text);
  const hasHan = chars.some((c) => isHan(c.ch));
  const size = opt.size;
  const cjkEm = opt.grid ? opt.measure / opt.grid : size;
  const tol = co.inkTolerance ?? (opt.grid ? Math.abs(size - cjkEm) / 2 + 0.01 : 0.01);
  // 1. Every character once, in order (glyph texts and line texts).
  const glyphText = p.lines.map((l) => l.runs.flatMap((r) => r.glyphs.map((g) => g.text)).join('')).join('').replace(/\s/g, '');
  const want = chars.map((c) => c.ch).join('');
  if (glyphText !== want) out.push({ rule: 'text', line: -1, detail: `glyphs spell ${JSON.stringify(glyphText)}, want ${JSON.stringify(want)}` });
  const lineText = p.lines.map((l) => l.text).join('').replace(/\s/g, '');
  if (lineText !== want) out.push({ rule: 'text', line: -1, detail: `lines spell ${JSON.stringify(lineText)}` });
  if (glyphText !== want) return out;
  // Source offsets of each line's first and last character.
  let pos = 0;
  const spansOf: { first: number; last: number; text: string }[] = [];
  for (const l of p.lines) {
    const t = l.runs.flatMap((r) => r.glyphs.map((g) => g.text)).join('').replace(/\s/g, '');
    const n = [...t].length;
    spansOf.push({ first: pos, last: pos + n - 1, text: t });
    pos += n;
  }
  const indent = (opt.indent ?? 0) * cjkEm;
  p.lines.forEach((l, i) => {
    const lt = [...spansOf[i].text];
    if (lt.length === 0) { out.push({ rule: 'empty', line: i, detail: 'empty line' }); return; }
    const onlyForbidden = lt.every((c) => NO_START.has(c) || NO_END.has(c) || c === '—' || c === '…');
    const quotesLatin = !hasHan;
    const firstC = lt[0], lastC = lt[lt.length - 1];
    if (i > 0 && NO_START.has(firstC) && !onlyForbidden && !(quotesLatin && '”’'.includes(firstC))) out.push({ rule: 'line-start', line: i, detail: l.text });
    if (i < p.lines.length - 1 && NO_END.has(lastC) && !onlyForbidden && !(quotesLatin && '“‘'.includes(lastC))) out.push({ rule: 'line-end', line: i, detail: l.text });
    if (i > 0 && opt.kinsoku === 'strict' && (firstC === '—' || firstC === '…') && !onlyForbidden) out.push({ rule: 'strict-start', line: i, detail: l.text });
    // Widths: ink inside the measure, justified lines flush.
    if (l.left < -tol || l.right > opt.measure + tol) out.push({ rule: 'overfull', line: i, detail: `[${l.left}, ${l.right}] ${l.text}` });
    // (A line of one glyph has nothing to spread: a narrow measure can force one.)
    const glyphCount = l.runs.reduce((n, r) => n + r.glyphs.length, 0);
    if (opt.align === 'justify' && !l.last && glyphCount > 1 && Math.abs(l.right - opt.measure) > 0.01) out.push({ rule: 'ragged', line: i, detail: `right=${l.right} ${l.text}` });
    if (i === 0 && (opt.align === 'justify' || opt.align === 'left') && Math.abs(l.left - indent) > 0.01) out.push({ rule: 'indent', line: i, detail: `left=${l.left}` });
    if (i > 0 && (opt.align === 'justify' || opt.align === 'left') && Math.abs(l.left) > 0.01) out.push({ rule: 'flush-left', line: i, detail: `left=${l.left}` });
    for (const r of l.runs) for (const g of r.glyphs) {
      if (g.x < -size / 2 - tol || g.x > opt.measure + tol) out.push({ rule: 'glyph-outside', line: i, detail: `${g.text}@${g.x}` });
    }
    if (l.last !== (i === p.lines.length - 1)) out.push({ rule: 'last-flag', line: i, detail: String(l.last) });
  });
  // Breaks: never inside ——/……, a digit string or a Latin word.
  for (let i = 1; i < p.lines.length; i++) {
    const a = chars[spansOf[i - 1].last], b = chars[spansOf[i].first];
    if (!a || !b) continue;
    const between = text.slice(a.at + a.ch.length, b.at);
    const spaced = /\s/.test(between);
    if ((a.ch === '—' && b.ch === '—') || (a.ch === '…' && b.ch === '…')) {
      const run = text.slice(0, a.at + 1).match(/[—…]+$/)![0].length;
      if (run % 2 === 1 && !spaced) out.push({ rule: 'split-long-mark', line: i, detail: `${a.ch}|${b.ch}` });
    }
    if (!spaced && /[0-9]/.test(a.ch) && /[0-9.,%]/.test(b.ch)) out.push({ rule: 'split-number', line: i, detail: `${a.ch}|${b.ch}` });
    if (!spaced && /[.,]/.test(a.ch) && /[0-9]/.test(b.ch) && a.at > 0 && /[0-9]/.test(text[a.at - 1])) out.push({ rule: 'split-number', line: i, detail: `${a.ch}|${b.ch}` });
    if (!spaced && /[A-Za-z]/.test(a.ch) && /[A-Za-z]/.test(b.ch)) out.push({ rule: 'split-word', line: i, detail: `${a.ch}|${b.ch}` });
  }
  // Spacing: no CJK–Latin gap above ⅓ em (clreq's usual cap: a wider one is a hole beside the
  // number) — unless the line is looser than allowed, which it reports, and then by no more
  // than its excess — and no pair of Han spaced wider than the line reports.
  const cell = cjkEm;
  let at = 0;
  p.lines.forEach((l, i) => {
    const gs = l.runs.flatMap((r) => r.glyphs.map((g) => ({ ...g, size: r.size })));
    const src: number[] = [];
    for (const g of gs) {
      src.push(chars[at]?.at ?? -1);
      at += [...g.text.replace(/\s/g, '')].length;
    }
    const allowed = (opt.maxSpacing ?? 0.5) * size;
    const gapCeiling = size / 3 + Math.max(0, (l.spacing ?? 0) - allowed);
    for (let k = 1; k < gs.length; k++) {
      const a = gs[k - 1], b = gs[k];
      if (a.text.length === 0 || b.text.length === 0) continue;
      const la = [...a.text].at(-1)!, fb = [...b.text][0];
      // Measured from the Han character's cell (on a grid the glyph is centred in a cell of its own width).
      const pad = (g: { advance: number }, ch: string) => (isHan(ch) ? (cell - g.advance) / 2 : 0);
      const gap = b.x - pad(b, fb) - (a.x + a.advance + pad(a, la));
      const latin = (c: string) => /[A-Za-z0-9]/.test(c);
      if (((isHan(la) && latin(fb)) || (latin(la) && isHan(fb))) && gap > gapCeiling + 0.01) {
        out.push({ rule: 'latin-gap', line: i, detail: `${la}|${fb} ${(gap / size).toFixed(3)} em: ${l.text}` });
      }
      const typedSpace = src[k - 1] >= 0 && src[k] >= 0 && /\s/.test(text.slice(src[k - 1] + a.text.length, src[k]));
      if (isHan(la) && isHan(fb) && [...a.text].length === 1 && !typedSpace) {
        const extra = b.x - a.x - cell;
        if (extra > (l.spacing ?? 0) + 0.01) out.push({ rule: 'unreported-spacing', line: i, detail: `${la}|${fb} +${extra.toFixed(2)} pt, reported ${l.spacing ?? 0}: ${l.text}` });
      }
    }
  });
  if (co.orphans && p.lines.length > 1) {
    const last = spansOf[spansOf.length - 1].text;
    const content = [...last].filter((c) => isHan(c) || /[A-Za-z0-9]/.test(c)).length;
    if (content <= 1) out.push({ rule: 'orphan', line: p.lines.length - 1, detail: last });
  }
  return out;
}
