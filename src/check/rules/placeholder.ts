/**
 * placeholder: an example text `bulletin new` wrote (在此填写…) that is still there. It is an error
 * in check and build alike: a bulletin titled 「在此填写文章标题」 must never reach print.
 */
import { say, hintOf } from '../../messages/catalogue.js';
import { PLACEHOLDER } from '../../issue/placeholder.js';
import type { Finding, ScalarRule, TextRole } from '../types.js';

/** The words messages use for each kind of text. */
export const ROLE_WORDS: Readonly<Record<TextRole, string>> = {
  masthead: 'masthead name',
  edition: 'edition',
  publisher: 'publisher',
  section: 'section name',
  title: 'title',
  subtitle: 'subtitle',
  toc: 'table-of-contents entry',
  paragraph: 'paragraph',
  heading: 'sub-heading',
  brief: 'brief',
  byline: 'byline',
  distribution: 'distribution line',
  editor: 'editor',
  phone: 'phone',
  note: 'note line',
};

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
    const field = ROLE_WORDS[scalar.role];
    const finding: Finding = { start: at, end: at + words.length, message: say('placeholder', { field, text: words }), hint: hintOf('placeholder') };
    return [finding];
  },
};
