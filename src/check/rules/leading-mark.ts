/**
 * leading-mark: a paragraph, brief, heading or title line that starts with a pause or stop mark
 * (，。、；：？！) or a middle dot prints that mark at the start of a line, which Chinese layout
 * forbids (GB/T 15834 §5.1.10, typography.md §1.2). In an issue file it is almost always a
 * copy from a PDF in which a paragraph was cut at a page end: the text before the mark belongs
 * to the previous paragraph. Never repaired: joining two paragraphs is the author's decision.
 * (A closing bracket or quote at the start is pair-balance's, a leading dash or ellipsis legitimate.)
 */
import { describeChar } from '../chars.js';
import { hintOf, say } from '../../messages/catalogue.js';
import type { ScalarRule } from '../types.js';

const LEADING = new Set(['，', '。', '、', '；', '：', '？', '！', '·', '・']);

export const leadingMark: ScalarRule = {
  id: 'leading-mark',
  severity: 'warning',
  scope: 'scalar',
  description: 'no text starts with a mark that may not start a line (，。、；：？！·)',
  roles: ['title', 'paragraph', 'heading', 'brief'],
  check({ scalar }) {
    const { plain } = scalar.view;
    let at = 0;
    while (at < plain.length && (plain[at] === ' ' || plain[at] === '\u3000')) at++;
    if (at >= plain.length || !LEADING.has(plain[at])) return [];
    const previous = say(scalar.role === 'title' ? 'leading-mark.line-before' : 'leading-mark.paragraph-before');
    return [{
      start: at,
      end: at + 1,
      message: say('leading-mark', { mark: describeChar(plain[at]) }),
      hint: hintOf('leading-mark', { previous }),
    }];
  },
};
