/**
 * placeholder: an example text `bulletin new` wrote (在此填写…) that is still there. It is an error
 * in check and build alike: a bulletin titled 「在此填写文章标题」 must never reach print.
 */
import { say, hintOf } from '../../messages/catalogue.js';
import { PLACEHOLDER } from '../../issue/placeholder.js';
import type { Finding, ScalarRule, TextRole } from '../types.js';

/** The word messages use for each kind of text. */
export function roleWord(role: TextRole): string {
  return say(`role.${role}`);
}

export const placeholder: ScalarRule = {
  id: 'placeholder',
  severity: 'error',
  scope: 'scalar',
  description: 'no example text left from bulletin new (在此填写…)',
  check({ scalar }) {
    const { plain } = scalar.view;
    const at = plain.indexOf(PLACEHOLDER);
    if (at < 0) return [];
    // The example's words run on from the mark to the first punctuation or markup.
    const words = /^在此填写[\p{Script=Han}A-Za-z0-9]*/u.exec(plain.slice(at))![0];
    const field = roleWord(scalar.role);
    const finding: Finding = { start: at, end: at + words.length, message: say('placeholder', { field, text: words }), hint: hintOf('placeholder') };
    return [finding];
  },
};
