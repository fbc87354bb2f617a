/**
 * punct-halfwidth: ASCII , . ; : ? ! ( ) used in Chinese text (GB/T 15834; typography.md
 * §5, checklist 45). Left alone: URLs and other protected tokens, numbers (1,234.5), times
 * (8:30), abbreviations and file names (v2.0, report.pdf), and marks inside Latin phrases.
 */
import { UnitSet, cpBefore, describeChar, isAsciiAlnum, isAsciiLetter, isChinese, isCloser, isDigit, isHan, isSpace } from '../chars.js';
import { say, type MessageId } from '../../messages/catalogue.js';
import type { Finding, ScalarRule } from '../types.js';
import { SKIP_CLOSERS, SKIP_OPENERS, SKIP_SPACES, after, before, hasChinese } from './around.js';

const FULLWIDTH: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

function where(p: number, n: number): MessageId {
  return isHan(p) && isHan(n) ? 'punct-halfwidth.between' : 'punct-halfwidth.in-text';
}

const HAN_NUMERAL = /[一二三四五六七八九十]/;
/** Where a heading or list number may start: the start of the text, a space, or a stop. */
const NUMBER_LEAD = /[\s。；：！？]/;

/**
 * The Han numeral (一 … 十二) that `.` at `i` follows when that numeral stands where a heading
 * or list number does — at the start of the text or after a stop — so the `.` is a typed 、.
 */
function hanHeadingNumber(plain: string, i: number): string | undefined {
  let s = i;
  while (s > 0 && i - s < 3 && HAN_NUMERAL.test(plain[s - 1])) s--;
  if (s === i || (s > 0 && !NUMBER_LEAD.test(plain[s - 1]))) return undefined;
  return isChinese(after(plain, i + 1, SKIP_OPENERS)) ? plain.slice(s, i) : undefined;
}

/** Units after a number that end it, after which a `.` is no decimal point: 5.5%. 38℃. */
const NUMBER_UNITS = new Set([0x25, 0xff05, 0x2030, 0x2103, 0xb0]);

/**
 * `.` after a number or a percentage that ends a Chinese sentence: before Chinese text (5.5%.全年;
 * a digit there is a list number, 1.加强) or at the end of a text that has Chinese before it.
 */
function endsChineseSentence(plain: string, i: number, p: number, n: number): boolean {
  if (!isDigit(p) && !NUMBER_UNITS.has(p)) return false;
  const ends = n === 0 || isCloser(n) ? pastClosers(plain, i) === 0 && hasChinese(plain, 0, i) : !isDigit(p) && isChinese(n);
  return ends && !inEnglishPhrase(plain, i);
}

/** The text back from `i` to the nearest Chinese holds Latin words and a space: an English phrase (“The growth was 5%.”). */
function inEnglishPhrase(plain: string, i: number): boolean {
  let letter = false;
  let space = false;
  for (let k = i - 1; k >= 0; k--) {
    const cp = plain.charCodeAt(k);
    if (isChinese(cp) || cp === 0x201c /* “ */) break;
    if (isAsciiLetter(cp)) letter = true;
    else if (isSpace(cp)) space = true;
  }
  return letter && space;
}

/** What follows the mark at `i` once closing marks and spaces are passed; 0 at the end. */
function pastClosers(plain: string, i: number): number {
  for (let k = i + 1; k < plain.length; k++) {
    const unit = plain.charCodeAt(k);
    if (!isCloser(unit) && !isSpace(unit)) return unit;
  }
  return 0;
}

/**
 * The mark at `i` ends a Chinese sentence whose last word is Latin or digits typed straight
 * after Chinese (你用过ChatGPT? 达到5G. 主题为AI:): the word has no space, so it is no English
 * phrase (“Are you OK?” keeps its ?), and Chinese or the end of the text follows.
 */
function endsAfterGluedWord(plain: string, i: number): boolean {
  let k = i;
  while (k > 0 && isAsciiAlnum(plain.charCodeAt(k - 1))) k--;
  if (k === i || k === 0 || !isChinese(cpBefore(plain, k))) return false;
  const next = pastClosers(plain, i);
  if (next === 0) return true;
  // 要求：2.完善制度 — digits alone before Chinese are a list number.
  return isChinese(next) && !/^\d+$/.test(plain.slice(k, i));
}

const DOC_YEAR = /^\((?:19|20)\d{2}\)$/;
const DOC_SEQUENCE = /^\d+号/;

/** The list number a lone ')' closes (1) a) 一)), at the start or after a space or a stop. */
const LIST_NUMBER_BEFORE = /(?:^|[\s。；：！？，、])(?:\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,2})$/;

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
      const number = hanHeadingNumber(plain, i);
      if (number) {
        out.push({
          start: i,
          end: i + 1,
          message: say('punct-halfwidth.heading-number', { number }),
          fix: [{ start: i, end: i + 1, text: '、' }],
        });
        continue;
      }
      if (!isChinese(p) && !endsChineseSentence(plain, i, p, n) && !endsAfterGluedWord(plain, i)) continue;
    } else if (!isChinese(p) && !isChinese(n) && !endsAfterGluedWord(plain, i)) {
      continue;
    }
    out.push({
      start: i,
      end: i + 1,
      message: say(where(p, n), { char: describeChar(c), fixed: FULLWIDTH[c] }),
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
    if (c === ')' && LIST_NUMBER_BEFORE.test(plain.slice(Math.max(0, i - 4), i)) && isChinese(n)) {
      // 要求：1)加强学习 — a list number uses only the closing half, so this one is certain.
      out.push({
        start: i,
        end: i + 1,
        message: say('punct-halfwidth.list-paren'),
        fix: [{ start: i, end: i + 1, text: '）' }],
      });
      return;
    }
    out.push({
      start: i,
      end: i + 1,
      message: say('punct-halfwidth.lone-paren', { char: describeChar(c), other, fixed: FULLWIDTH[c] }),
    });
  };
  for (let i = PARENS.next(plain, 0); i >= 0; i = PARENS.next(plain, i + 1)) {
    if (prot[i]) continue;
    const unit = plain.charCodeAt(i);
    if (unit === 0x28 /* ( */) open.push(i);
    else if (unit === 0x29 /* ) */) {
      const o = open.pop();
      if (o === undefined) { lone(i); continue; }
      // (2023)12号: a document number's year, which doc-number sets in 〔〕.
      if (DOC_YEAR.test(plain.slice(o, i + 1)) && DOC_SEQUENCE.test(plain.slice(i + 1, i + 12))) continue;
      const chineseInside = hasChinese(plain, o + 1, i);
      if (!chineseInside && !chineseOutside(o, i)) continue;
      // f(x), Windows(R): notation glued to a Latin word, with nothing Chinese inside.
      if (!chineseInside && isAsciiAlnum(before(plain, o))) continue;
      out.push({
        start: o,
        end: o + 1,
        message: say(chineseInside ? 'punct-halfwidth.parens-around' : 'punct-halfwidth.parens-in'),
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
