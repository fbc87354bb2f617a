/**
 * interpunct: the 间隔号 between parts of a foreign name or a date-named event is U+00B7 ·
 * (约翰·史密斯, “9·11”); look-alikes typed for it — the katakana middle dot ・, the bullet •,
 * and the other raised dots ‧ ∙ ⋅ — are repaired where they stand between two words of a
 * Chinese text (GB/T 15834 §4.14; typography.md §5). A full-width ． there may be a full
 * stop as well as a 间隔号, so it is reported, not repaired. Runs of dots are the ellipsis rule's.
 */
import { cpAt, cpBefore, isChinese, isDigit, isHan, isLatinLetter } from '../chars.js';
import { say } from '../../messages/catalogue.js';
import type { Finding, ScalarRule } from '../types.js';
import { hasChinese, touchesProtected } from './around.js';

const LOOK_ALIKES = /[・•‧∙⋅．]/g;
const word = (cp: number): boolean => isHan(cp) || isLatinLetter(cp) || isDigit(cp);

export const interpunct: ScalarRule = {
  id: 'interpunct',
  severity: 'warning',
  scope: 'scalar',
  description: 'the 间隔号 is · (U+00B7), not ・ • ‧ ∙ ⋅',
  roles: ['title', 'toc', 'paragraph', 'heading', 'brief', 'byline', 'distribution', 'note'],
  check({ scalar }) {
    const { plain, protectedMask } = scalar.view;
    const out: Finding[] = [];
    if (!hasChinese(plain, 0, plain.length)) return out;
    for (const m of plain.matchAll(LOOK_ALIKES)) {
      const at = m.index!;
      if (touchesProtected(protectedMask, at, at + 1)) continue;
      const p = cpBefore(plain, at);
      const n = cpAt(plain, at + 1);
      if (!word(p) || !word(n)) continue;
      if (m[0] === '．') {
        // １．５ is fullwidth-alnum's decimal point.
        if (isDigit(p) || isDigit(n) || !isChinese(p) || !isChinese(n)) continue;
        out.push({ start: at, end: at + 1, message: say('interpunct.fullwidth-stop') });
        continue;
      }
      out.push({
        start: at,
        end: at + 1,
        message: say('interpunct', { char: m[0], code: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` }),
        fix: [{ start: at, end: at + 1, text: '·' }],
      });
    }
    return out;
  },
};
