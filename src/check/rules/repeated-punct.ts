/**
 * repeated-punct: one pause or stop mark where one is meant — ，， 。。 、、 ；； ：： become
 * one; two different ones in a row (，。 ；，) are reported, since only the author knows which
 * to keep. ？？ ！！ ？！ are legitimate (GB/T 15834 §5.1.2), and three or more 。 or 、 are
 * the ellipsis rule's.
 */
import { UnitSet, describeChar } from '../chars.js';
import { say } from '../../messages/catalogue.js';
import type { Finding, ScalarRule } from '../types.js';
import { forEachRun, touchesProtected } from './around.js';

const MARKS = UnitSet.of(['，', '、', '。', '；', '：']);

export const repeatedPunct: ScalarRule = {
  id: 'repeated-punct',
  severity: 'warning',
  scope: 'scalar',
  description: 'no doubled pause or stop marks (，， 。。 ；， …)',
  check({ scalar }) {
    const { plain, protectedMask } = scalar.view;
    const out: Finding[] = [];
    forEachRun(plain, MARKS, (from, to) => {
      if (to - from < 2 || touchesProtected(protectedMask, from, to)) return;
      const typed = plain.slice(from, to);
      const first = typed[0];
      if ([...typed].every((c) => c === first)) {
        // 。。。 and 、、、 are typed ellipses, repaired by the ellipsis rule.
        if ((first === '。' || first === '、') && typed.length >= 3) return;
        out.push({
          start: from + 1,
          end: to,
          message: say('repeated-punct.same', { mark: describeChar(first), count: typed.length, typed }),
          fix: [{ start: from + 1, end: to, text: '' }],
        });
      } else {
        out.push({
          start: from,
          end: to,
          message: say('repeated-punct.mixed', { typed }),
        });
      }
    });
    return out;
  },
};
