/**
 * ellipsis: the Chinese 省略号 is exactly two U+2026 (……), or four for two together
 * (GB/T 15834 §5.1.5; typography.md §5, checklist 46). Repaired: "..." and longer runs of
 * dots, 。。。, 、、、, ．．．, ··· and a single … or ⋯⋯ — all in Chinese text. Reported only:
 * "..", and runs of three or five-plus … whose intended length is unclear.
 */
import { UnitSet, isChinese } from '../chars.js';
import { say } from '../../messages/catalogue.js';
import type { Finding, ScalarRule } from '../types.js';
import { SKIP_SPACES, after, before, forEachRun, touchesProtected } from './around.js';

const ELLIPSIS = '……';

const DOTS = UnitSet.of(['.', '。', '、', '．', '·', '・', '…', '⋯']);

function chineseContext(plain: string, from: number, to: number): boolean {
  return isChinese(before(plain, from, SKIP_SPACES)) || isChinese(after(plain, to, SKIP_SPACES));
}

export const ellipsis: ScalarRule = {
  id: 'ellipsis',
  severity: 'warning',
  scope: 'scalar',
  description: 'ellipses are exactly …… (two U+2026)',
  roles: ['masthead', 'edition', 'publisher', 'section', 'title', 'toc', 'paragraph', 'heading', 'brief', 'byline', 'distribution', 'note'],
  check({ scalar }) {
    const { plain, protectedMask } = scalar.view;
    const out: Finding[] = [];
    forEachRun(plain, DOTS, (from, to) => {
      // A run may mix marks (…。 or 。。。…); judge each stretch of one character.
      let s = from;
      for (let k = from + 1; k <= to; k++) {
        if (k < to && plain.charCodeAt(k) === plain.charCodeAt(s)) continue;
        if (!touchesProtected(protectedMask, s, k)) {
          const finding = judge(plain, s, k);
          if (finding) out.push(finding);
        }
        s = k;
      }
    });
    return out;
  },
};

/** 。、．·・ are fine up to two in a row and . up to one: most stretches need no closer look. */
function plainlyFine(unit: number, n: number): boolean {
  if (unit === 0x2e) return n === 1;
  return n <= 2 && (unit === 0x3002 || unit === 0x3001 || unit === 0xff0e || unit === 0xb7 || unit === 0x30fb);
}

function judge(plain: string, s: number, e: number): Finding | undefined {
  const n = e - s;
  if (plainlyFine(plain.charCodeAt(s), n)) return undefined;
  const c = plain[s];
  const typed = plain.slice(s, e);
  const repair = (what: string): Finding => ({
    start: s,
    end: e,
    message: say('ellipsis.repair', { what, typed }),
    fix: [{ start: s, end: e, text: ELLIPSIS }],
  });
  if (!chineseContext(plain, s, e) && c !== '。' && c !== '、') return undefined;
  switch (c) {
    case '.':
      if (n >= 3) return repair(n === 3 ? say('ellipsis.three-stops') : say('ellipsis.stops', { count: n }));
      if (n === 2) return { start: s, end: e, message: say('ellipsis.two-stops') };
      return undefined;
    case '。':
    case '、':
    case '．':
      return n >= 3 ? repair(say('ellipsis.times', { count: n, mark: c })) : undefined;
    case '·':
    case '・':
      return n >= 3 ? repair(say('ellipsis.dots', { count: n })) : undefined;
    case '⋯':
      if (n <= 2) return repair(n === 1 ? say('ellipsis.midline-one') : say('ellipsis.midline-two'));
      return { start: s, end: e, message: say('ellipsis.midline-many', { count: n, typed }) };
    case '…':
      if (n === 2 || n === 4) return undefined;
      if (n === 1) return { ...repair(say('ellipsis.single')), message: say('ellipsis.single-message') };
      return { start: s, end: e, message: say('ellipsis.many', { count: n }) };
  }
  return undefined;
}
