/**
 * doc-number: a 发文字号 puts its year in 六角括号 〔〕 and does not pad its sequence number
 * (杭政办函〔2023〕12号, not [2023], ［2023］, 【2023】, （2023）, (2023) or 〔2023〕012号) —
 * GB/T 9704—2012 §7.2.5. Recognised only where the form is unmistakable: a bracketed four-digit
 * year followed directly by digits and 号. A court case number, （2023）浙0102民初123号, has
 * letters after its year and keeps its （）.
 */
import { hintOf, say } from '../../messages/catalogue.js';
import type { Finding, ScalarRule } from '../types.js';
import { touchesProtected } from './around.js';

/** A bracketed year and sequence number: opener, year, closer, number (before 号). */
export const DOC_NUMBER = /([[［【（(〔〖])((?:19|20)\d{2})([\]］】）)〕〗])(\d+)号/g;

export const docNumber: ScalarRule = {
  id: 'doc-number',
  severity: 'warning',
  scope: 'scalar',
  description: 'document numbers: the year in 〔〕, the sequence number not zero-padded (〔2023〕12号)',
  roles: ['section', 'title', 'toc', 'paragraph', 'heading', 'brief', 'distribution', 'note'],
  check({ scalar }) {
    const { plain, protectedMask } = scalar.view;
    const out: Finding[] = [];
    for (const m of plain.matchAll(DOC_NUMBER)) {
      const at = m.index!;
      if (touchesProtected(protectedMask, at, at + m[0].length)) continue;
      const [typed, open, year, close, seq] = m;
      if (open !== '〔' || close !== '〕') {
        const closeAt = at + 1 + year.length;
        out.push({
          start: at,
          end: closeAt + 1,
          message: say('doc-number.brackets', { typed, fixed: `〔${year}〕${seq}号` }),
          hint: hintOf('doc-number.brackets'),
          fix: [{ start: at, end: at + 1, text: '〔' }, { start: closeAt, end: closeAt + 1, text: '〕' }],
        });
      }
      const zeros = /^0+(?=\d)/.exec(seq);
      if (zeros) {
        const from = at + m[0].length - 1 - seq.length;
        out.push({
          start: from,
          end: from + zeros[0].length,
          message: say('doc-number.padded', { typed, fixed: `${Number(seq)}号` }),
          hint: hintOf('doc-number.padded'),
          fix: [{ start: from, end: from + zeros[0].length, text: '' }],
        });
      }
    }
    return out;
  },
};
