/**
 * space-in-cjk: authors never type layout (issue format, §2). A space between two Han
 * characters, next to full-width punctuation, or leading/trailing a text is removed; a space
 * between Han and Latin letters or digits is harmless — the typesetter sets that gap itself
 * (checklist 24, 27) — so it is only reported as info.
 *
 * Kept on purpose: the spaces of a byline and an editor's name (代表工委 张尚辉, the two-
 * character name padded as 英 颖), and one space between phrases of a title (临安区：强化司法
 * 监督 维护司法公正, 打好监督“组合拳” 跑出发展“加速度”, 数字赋能 5G应用), which is a headline convention. The composer sets every space it meets
 * between two Han characters as a full-width (1-em) gap (src/text/segment.ts, Gap.Ideo), so
 * one typed space is all these need: more than one in a title is folded into one. The same
 * holds inside 《》: the name of a standard or document separates its main and sub-title with
 * one space (《信息安全技术 网络安全等级保护基本要求》, GB/T 1.1).
 */
import { SPACE_UNITS, cpAt, cpBefore, isCjkPunct, isDigit, isHan, isLatinLetter, isLineBreak, isSharedMark, isSpace, quoteText } from '../chars.js';
import { UnitKind } from '../source-map.js';
import { say } from '../../messages/catalogue.js';
import type { Finding, ScalarRule } from '../types.js';

const INVISIBLE = new Set(['\u200b', '\ufeff']);

/** Whether [start, end) lies between a 《 and its 》 (spaces are rare: a scan each time is cheap). */
function insideBookTitle(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('《', start);
  if (open < 0 || text.lastIndexOf('》', start) > open) return false;
  const close = text.indexOf('》', end);
  if (close < 0) return false;
  const next = text.indexOf('《', end);
  return next < 0 || close < next;
}

/** % ‰ ℃ ° ％: signs that follow a number without a gap. */
const NUMBER_SIGNS = new Set([0x25, 0x2030, 0x2103, 0xb0, 0xff05]);

function hasChineseText(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (isHan(text.charCodeAt(k)) || isCjkPunct(text.charCodeAt(k))) return true;
  return false;
}

/** Marks a title phrase may end with (打好“组合拳” 跑出…) and begin with (全力以赴 “拼”出…). */
const PHRASE_END = new Set([...'”’》〉）」』】〕'].map((c) => c.charCodeAt(0)));
const PHRASE_START = new Set([...'“‘《〈（「『【〔'].map((c) => c.charCodeAt(0)));

/**
 * A space in a title where one phrase ends and the next begins: after Han, digits, Latin or a
 * closing mark, before Han, digits, Latin or an opening mark — with a mark on at least one side
 * or Han beside digits or Latin (Han on both sides is handled with the book-title case).
 */
function titlePhraseBreak(p: number, n: number): boolean {
  const word = (cp: number): boolean => isHan(cp) || isDigit(cp) || isLatinLetter(cp);
  if (!(word(p) || PHRASE_END.has(p)) || !(word(n) || PHRASE_START.has(n))) return false;
  return PHRASE_END.has(p) || PHRASE_START.has(n) || isHan(p) !== isHan(n);
}

export const spaceInCjk: ScalarRule = {
  id: 'space-in-cjk',
  severity: 'warning',
  scope: 'scalar',
  description: 'no typed spaces between Chinese characters or next to full-width punctuation',
  roles: ['masthead', 'edition', 'publisher', 'section', 'title', 'toc', 'paragraph', 'heading', 'brief', 'byline', 'distribution', 'editor', 'note'],
  check({ scalar }) {
    const { plain } = scalar.view;
    const out: Finding[] = [];
    // A space YAML made from a line break cannot be removed in place; say where it comes from.
    const folded = (s: number): boolean => scalar.map.kind[scalar.view.toValue[s]] === UnitKind.fold;
    const FOLD_HINT = say('space-in-cjk.folded');
    const remove = (s: number, e: number, message: string): void => {
      if (folded(s)) out.push({ start: s, end: e, message, hint: FOLD_HINT });
      else out.push({ start: s, end: e, message, fix: [{ start: s, end: e, text: '' }] });
    };
    const headline = scalar.role === 'title' || scalar.role === 'toc';
    const chinese = hasChineseText(plain);
    for (let s = SPACE_UNITS.next(plain, 0); s >= 0; s = SPACE_UNITS.next(plain, s)) {
      let e = s;
      while (e < plain.length && isSpace(cpAt(plain, e))) e++;
      const typed = plain.slice(s, e);
      const p = cpBefore(plain, s);
      const n = e < plain.length ? cpAt(plain, e) : 0;
      const shown = quoteText(typed);
      const count = typed.length;
      const start = s;
      const end = e;
      s = e;

      if ([...typed].some((c) => INVISIBLE.has(c)) && [...typed].every((c) => INVISIBLE.has(c))) {
        remove(start, end, say('space-in-cjk.invisible', { shown }));
        continue;
      }
      if (p === 0 || n === 0 || isLineBreak(p) || isLineBreak(n)) {
        remove(start, end, say(p === 0 || isLineBreak(p) ? 'space-in-cjk.leading' : 'space-in-cjk.trailing', { count, shown }));
        continue;
      }
      const hanOrPunct = (cp: number): boolean => isHan(cp) || isCjkPunct(cp);
      if (headline && titlePhraseBreak(p, n)) {
        if (typed === ' ' || typed === '\u3000') continue;
        out.push({ start, end, message: say('space-in-cjk.title-phrases', { shown }), fix: [{ start, end, text: ' ' }] });
        continue;
      }
      if (isCjkPunct(p) || isCjkPunct(n) || (isSharedMark(p) && hanOrPunct(n)) || (isSharedMark(n) && hanOrPunct(p))) {
        const mark = String.fromCodePoint(isCjkPunct(p) || isSharedMark(p) ? p : n);
        remove(start, end, say('space-in-cjk.next-to-mark', { count, shown, mark }));
        continue;
      }
      if (isHan(p) && isHan(n)) {
        if (scalar.role === 'byline' || scalar.role === 'editor') continue;
        if (scalar.role === 'title' || scalar.role === 'toc' || insideBookTitle(plain, start, end)) {
          if (typed === ' ' || typed === '\u3000') continue;
          out.push({ start, end, message: say('space-in-cjk.title-phrases', { shown }), fix: [{ start, end, text: ' ' }] });
          continue;
        }
        remove(start, end, say('space-in-cjk.between-han', { count, shown, before: String.fromCodePoint(p), after: String.fromCodePoint(n) }));
        continue;
      }
      const latin = (cp: number): boolean => isLatinLetter(cp) || isDigit(cp);
      if ((isHan(p) && latin(n)) || (latin(p) && isHan(n))) {
        if (scalar.role === 'byline') continue;
        if (typed === ' ') {
          out.push({
            start,
            end,
            severity: 'info',
            message: say('space-in-cjk.mixed-note', { other: say(isDigit(p) || isDigit(n) ? 'space-in-cjk.digits' : 'space-in-cjk.letters') }),
          });
        } else {
          remove(start, end, say('space-in-cjk.mixed', { shown, other: say(isDigit(p) || isDigit(n) ? 'space-in-cjk.digits' : 'space-in-cjk.letters') }));
        }
        continue;
      }
      // 5 %, 38 ℃ in Chinese text: the sign is set against its number (GB/T 15835).
      if (isDigit(p) && NUMBER_SIGNS.has(n) && chinese) {
        remove(start, end, say('space-in-cjk.number-sign', { count, shown, sign: String.fromCodePoint(n) }));
        continue;
      }
      if (typed.includes('\u3000')) {
        out.push({ start, end, message: say('space-in-cjk.ideographic', { shown }), fix: [{ start, end, text: ' ' }] });
      }
    }
    return out;
  },
};
