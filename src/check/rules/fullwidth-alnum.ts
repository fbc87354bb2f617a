/**
 * fullwidth-alnum: digits and Latin letters are typed half-width (２０２４ → 2024, ＧＤＰ → GDP);
 * the typesetter sets them in the Latin font with the right spacing (GB/T 15835; checklist
 * 28). A full-width full stop between digits is a decimal point (１．５ → 1.5).
 */
import { FULLWIDTH_ALNUM_UNITS, cpAt, isDigit, isFullwidthAlnum } from '../chars.js';
import { say } from '../../messages/catalogue.js';
import type { Finding, ScalarRule } from '../types.js';

const toHalf = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

export const fullwidthAlnum: ScalarRule = {
  id: 'fullwidth-alnum',
  severity: 'warning',
  scope: 'scalar',
  description: 'full-width digits and Latin letters become half-width',
  check({ scalar }) {
    const { plain } = scalar.view;
    const out: Finding[] = [];
    const digitAt = (k: number): boolean => isDigit(cpAt(plain, k)) || (cpAt(plain, k) >= 0xff10 && cpAt(plain, k) <= 0xff19);
    for (let s = FULLWIDTH_ALNUM_UNITS.next(plain, 0); s >= 0; s = FULLWIDTH_ALNUM_UNITS.next(plain, s)) {
      let e = s;
      // A run of full-width alphanumerics, including decimal points between digits.
      while (e < plain.length && (isFullwidthAlnum(cpAt(plain, e)) || (plain[e] === '．' && digitAt(e - 1) && digitAt(e + 1)))) e++;
      const typed = plain.slice(s, e);
      const half = [...typed].map((c) => (c === '．' ? '.' : toHalf(c))).join('');
      out.push({
        start: s,
        end: e,
        message: say(/^[０-９．]+$/.test(typed) ? 'fullwidth-alnum.digits' : /[０-９]/.test(typed) ? 'fullwidth-alnum.mixed' : 'fullwidth-alnum.letters', { typed, half }),
        fix: [{ start: s, end: e, text: half }],
      });
      s = e;
    }
    return out;
  },
};
