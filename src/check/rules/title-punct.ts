/**
 * title-punct: a title, a 目录 entry or a sub-heading ends without 。：；，、 (GB/T 9704 and the
 * 公文 habit: a heading is not a sentence); a question or an exclamation keeps its ？ or ！.
 * A title of several lines is judged by its last line. --fix removes the mark.
 */
import { say, hintOf } from '../../messages/catalogue.js';
import { isChinese } from '../chars.js';
import type { ScalarRule } from '../types.js';
import { roleWord } from './placeholder.js';

/** Full-width marks that end a sentence or a clause, never a heading. */
const FULL = new Set(['。', '：', '；', '，', '、']);
/** Their half-width look-alikes, when they follow Chinese text. */
const HALF = new Set(['.', ':', ';', ',']);

export const titlePunct: ScalarRule = {
  id: 'title-punct',
  severity: 'warning',
  scope: 'scalar',
  description: 'no 。：；，、 at the end of a title, 目录 entry or sub-heading',
  roles: ['title', 'toc', 'heading'],
  check({ scalar }) {
    // A title of several lines ends on its last line.
    if (scalar.group && scalar.group[scalar.group.length - 1] !== scalar) return [];
    const { plain } = scalar.view;
    let end = plain.length;
    while (end > 0 && /\s/.test(plain[end - 1])) end--;
    if (end < 2) return [];
    const mark = plain[end - 1];
    const before = plain.codePointAt(end - 2) ?? 0;
    if (!FULL.has(mark) && !(HALF.has(mark) && isChinese(before))) return [];
    // A heading that is only its marker (一、) is not a title ending in 、.
    if (mark === '、' && /^[一二三四五六七八九十百]+、$/.test(plain.slice(0, end))) return [];
    const field = roleWord(scalar.role);
    return [{
      start: end - 1,
      end,
      message: say('title-punct', { field, mark }),
      hint: hintOf('title-punct'),
      fix: [{ start: end - 1, end, text: '' }],
    }];
  },
};
