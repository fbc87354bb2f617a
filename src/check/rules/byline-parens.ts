/**
 * byline-parens: the layout prints a byline in parentheses, （代表工委 张尚辉）; a byline typed
 * with its own would come out doubled, so the typed pair is removed.
 */
import { say } from '../../messages/catalogue.js';
import type { ScalarRule } from '../types.js';

const OPEN = new Set(['（', '(']);
const CLOSE = new Set(['）', ')']);

export const bylineParens: ScalarRule = {
  id: 'byline-parens',
  severity: 'error',
  scope: 'scalar',
  description: 'bylines are typed without parentheses; the layout adds them',
  roles: ['byline'],
  check({ scalar }) {
    const text = scalar.view.plain;
    const first = text.search(/[^\s\u3000]/);
    if (first < 0) return [];
    let last = text.length - 1;
    while (last > first && /[\s\u3000]/.test(text[last])) last--;
    if (!OPEN.has(text[first]) || !CLOSE.has(text[last]) || last === first) return [];
    // The two must be one pair around the whole byline, not （甲）（乙）.
    let depth = 0;
    for (let k = first; k <= last; k++) {
      if (OPEN.has(text[k])) depth++;
      else if (CLOSE.has(text[k])) {
        depth--;
        if (depth === 0 && k !== last) return [];
      }
    }
    if (depth !== 0) return [];
    let innerStart = first + 1;
    while (innerStart < last && /[\s\u3000]/.test(text[innerStart])) innerStart++;
    let innerEnd = last;
    while (innerEnd > innerStart && /[\s\u3000]/.test(text[innerEnd - 1])) innerEnd--;
    if (innerStart >= innerEnd) return [];
    return [{
      start: first,
      end: first + 1,
      message: say('byline-parens', { open: text[first], close: text[last] }),
      fix: [{ start: 0, end: innerStart, text: '' }, { start: innerEnd, end: text.length, text: '' }],
    }];
  },
};
