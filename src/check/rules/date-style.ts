/**
 * date-style: dates written the GB/T 15835 way (typography.md §5, checklist 48): a Han-
 * numeral year takes 〇 (U+3007) for zero, not ○ O 0; month and day are not zero-padded in
 * Arabic dates (2024年3月5日, not 2024年03月05日); a year has all four digits.
 */
import { say } from '../../messages/catalogue.js';
import type { Finding, ScalarRule } from '../types.js';
import { touchesProtected } from './around.js';

const WRONG_ZEROS = /[○OoＯｏ0０零]/;
/** Digit by digit, 二〇二四年; after 十 百 千 万 the numerals count years (一百零八年), 零 is right there. */
const HAN_YEAR = /(?<![十百千万亿两])[一二三四五六七八九〇○OoＯｏ0０零]{2,}(?=年)/g;

export const dateStyle: ScalarRule = {
  id: 'date-style',
  severity: 'warning',
  scope: 'scalar',
  description: 'dates: 〇 in Han-numeral years, no zero-padded month or day, four-digit years',
  roles: ['masthead', 'edition', 'publisher', 'section', 'title', 'toc', 'paragraph', 'heading', 'brief', 'note'],
  check({ scalar }) {
    const { plain, protectedMask } = scalar.view;
    const out: Finding[] = [];

    for (const m of plain.matchAll(HAN_YEAR)) {
      const year = m[0];
      // A year needs real Han digits; 〇 alone or "00年" are not Han-numeral years.
      if (!/[一二三四五六七八九]/.test(year) || !WRONG_ZEROS.test(year)) continue;
      const at = m.index!;
      const fix = [...year].flatMap((c, k) => (WRONG_ZEROS.test(c) ? [{ start: at + k, end: at + k + 1, text: '〇' }] : []));
      out.push({
        start: at + [...year].findIndex((c) => WRONG_ZEROS.test(c)),
        end: at + year.length,
        message: say('date-style.han-zero', { year: `${year}年` }),
        fix,
      });
    }

    for (const m of plain.matchAll(/(?<![\d.])(\d{2}|\d{4})年(0?)(\d{1,2})月(?:(0?)(\d{1,2})日)?/g)) {
      const at = m.index!;
      if (touchesProtected(protectedMask, at, at + m[0].length)) continue;
      if (m[1].length === 2) {
        out.push({ start: at, end: at + 2, message: say('date-style.two-digit-year', { year: `${m[1]}年`, full: `20${m[1]}年` }) });
      }
      const monthZero = m[2] ? at + m[1].length + 1 : -1;
      const dayZero = m[4] ? at + m[0].length - 1 - m[5].length - 1 : -1;
      for (const [zero, unit] of [[monthZero, '月'], [dayZero, '日']] as const) {
        if (zero < 0) continue;
        out.push({
          start: zero,
          end: zero + 1,
          message: say(unit === '月' ? 'date-style.padded-month' : 'date-style.padded-day', { date: m[0], fixed: unit === '月' ? `${Number(m[3])}月` : `${Number(m[5])}日` }),
          fix: [{ start: zero, end: zero + 1, text: '' }],
        });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
