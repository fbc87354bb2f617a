/**
 * punct-halfwidth: ASCII , . ; : ? ! ( ) used in Chinese text (GB/T 15834; typography.md
 * §5, checklist 45). Left alone: URLs and other protected tokens, numbers (1,234.5), times
 * (8:30), abbreviations and file names (v2.0, report.pdf), and marks inside Latin phrases.
 */
import { describeChar, isAsciiAlnum, isAsciiLetter, isChinese, isDigit, isHan } from '../chars.js';
import type { Finding, ScalarRule } from '../types.js';
import { after, before, hasChinese } from './around.js';

const FULLWIDTH: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

function where(p: number, n: number): string {
  return isHan(p) && isHan(n) ? 'between Chinese characters' : 'in Chinese text';
}

function checkMarks(plain: string, prot: readonly boolean[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i];
    if (prot[i] || !',.;:?!'.includes(c)) continue;
    const p = before(plain, i, { skipSpaces: c !== '.', skipClosers: true });
    const n = after(plain, i + 1, { skipOpeners: true });
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

function checkParens(plain: string, prot: readonly boolean[]): Finding[] {
  const out: Finding[] = [];
  const open: number[] = [];
  const chineseOutside = (o: number, c: number): boolean =>
    isChinese(before(plain, o, { skipSpaces: true })) || isChinese(after(plain, c + 1, { skipSpaces: true }));
  const lone = (i: number): void => {
    const c = plain[i];
    const p = before(plain, i, { skipSpaces: true });
    const n = after(plain, i + 1, { skipSpaces: true });
    if (!isChinese(p) && !isChinese(n)) return;
    const other = c === '(' ? ')' : '(';
    out.push({
      start: i,
      end: i + 1,
      message: `${describeChar(c)} in Chinese text has no matching '${other}': use '${FULLWIDTH[c]}' and check the pair`,
    });
  };
  for (let i = 0; i < plain.length; i++) {
    if (prot[i]) continue;
    if (plain[i] === '(') open.push(i);
    else if (plain[i] === ')') {
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
