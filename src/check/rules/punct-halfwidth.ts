/**
 * punct-halfwidth: ASCII , . ; : ? ! ( ) used in Chinese text (GB/T 15834; typography.md
 * §5, checklist 45). Left alone: URLs and other protected tokens, numbers (1,234.5), times
 * (8:30), abbreviations and file names (v2.0, report.pdf), and marks inside Latin phrases.
 */
import { UnitSet, describeChar, isAsciiAlnum, isAsciiLetter, isChinese, isDigit, isHan } from '../chars.js';
import type { Finding, ScalarRule } from '../types.js';
import { SKIP_CLOSERS, SKIP_OPENERS, SKIP_SPACES, after, before, hasChinese } from './around.js';

const FULLWIDTH: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

function where(p: number, n: number): string {
  return isHan(p) && isHan(n) ? 'between Chinese characters' : 'in Chinese text';
}

const MARKS = UnitSet.of([',', '.', ';', ':', '?', '!']);
const PARENS = UnitSet.of(['(', ')']);

function checkMarks(plain: string, prot: Uint8Array): Finding[] {
  const out: Finding[] = [];
  for (let i = MARKS.next(plain, 0); i >= 0; i = MARKS.next(plain, i + 1)) {
    if (prot[i]) continue;
    const c = plain[i];
    const p = before(plain, i, (c !== '.' ? SKIP_SPACES : 0) | SKIP_CLOSERS);
    const n = after(plain, i + 1, SKIP_OPENERS);
    if (c === '.') {
      // Runs of dots are the ellipsis rule's; a dot before a letter is an abbreviation,
      // a file name or a domain; between digits it is a decimal point.
      if (plain[i - 1] === '.' || plain[i + 1] === '.') continue;
      if (isAsciiLetter(n) || (isDigit(before(plain, i)) && isDigit(n))) continue;
      if (!isChinese(p)) continue;
    } else if (!isChinese(p) && !isChinese(n)) {
      continue;
    }
    out.push({
      start: i,
      end: i + 1,
      message: `${describeChar(c)} ${where(p, n)}: use '${FULLWIDTH[c]}'`,
      fix: [{ start: i, end: i + 1, text: FULLWIDTH[c] }],
    });
  }
  return out;
}

function checkParens(plain: string, prot: Uint8Array): Finding[] {
  const out: Finding[] = [];
  const open: number[] = [];
  const chineseOutside = (o: number, c: number): boolean =>
    isChinese(before(plain, o, SKIP_SPACES)) || isChinese(after(plain, c + 1, SKIP_SPACES));
  const lone = (i: number): void => {
    const c = plain[i];
    const p = before(plain, i, SKIP_SPACES);
    const n = after(plain, i + 1, SKIP_SPACES);
    if (!isChinese(p) && !isChinese(n)) return;
    const other = c === '(' ? ')' : '(';
    out.push({
      start: i,
      end: i + 1,
      message: `${describeChar(c)} in Chinese text has no matching '${other}': use '${FULLWIDTH[c]}' and check the pair`,
    });
  };
  for (let i = PARENS.next(plain, 0); i >= 0; i = PARENS.next(plain, i + 1)) {
    if (prot[i]) continue;
    const unit = plain.charCodeAt(i);
    if (unit === 0x28 /* ( */) open.push(i);
    else if (unit === 0x29 /* ) */) {
      const o = open.pop();
      if (o === undefined) { lone(i); continue; }
      const chineseInside = hasChinese(plain, o + 1, i);
      if (!chineseInside && !chineseOutside(o, i)) continue;
      // f(x), Windows(R): notation glued to a Latin word, with nothing Chinese inside.
      if (!chineseInside && isAsciiAlnum(before(plain, o))) continue;
      out.push({
        start: o,
        end: o + 1,
        message: `half-width parentheses '(…)' ${chineseInside ? 'around Chinese text' : 'in Chinese text'}: use '（…）'`,
        fix: [{ start: o, end: o + 1, text: '（' }, { start: i, end: i + 1, text: '）' }],
      });
    }
  }
  for (const o of open) lone(o);
  return out;
}

export const punctHalfwidth: ScalarRule = {
  id: 'punct-halfwidth',
  severity: 'error',
  scope: 'scalar',
  description: 'ASCII , . ; : ? ! ( ) in Chinese text must be full-width ，。；：？！（）',
  roles: ['masthead', 'edition', 'publisher', 'section', 'title', 'toc', 'paragraph', 'heading', 'brief', 'byline', 'distribution', 'editor', 'note'],
  check({ scalar }) {
    const { plain, protectedMask } = scalar.view;
    return [...checkMarks(plain, protectedMask), ...checkParens(plain, protectedMask)].sort((a, b) => a.start - b.start);
  },
};
