/**
 * dash: the 破折号 is exactly two U+2014 (——) or one U+2E3A; a single — is right only as a
 * connector in ranges (1949—1986年, 北京—上海); ranges take — or ～, never a hyphen or an
 * ASCII ~, and a percentage range keeps both signs, 5%～10% (GB/T 15834 §4.13, GB/T 15835;
 * typography.md §5, checklist 46–47).
 *
 * Only what is certain is reported: a single — between two words or numbers may be a
 * connector and is left alone; 2019-2023 may be a code and is left alone, while 2019-2023年
 * is a year range.
 */
import { describeChar, isAsciiAlnum, isChinese, isCloser, isDigit, isHan, isLatinLetter, isOpener } from '../chars.js';
import { hintOf, say } from '../../messages/catalogue.js';
import type { Finding, ScalarRule } from '../types.js';
import { SKIP_SPACES, after, before, touchesProtected } from './around.js';

const DASH = '——';
const DASHLIKE = '—―─－–‒﹘';
const DASH_RUN = new RegExp(`[${DASHLIKE}](?:[ \\u3000]?[${DASHLIKE}])*`, 'g');

function wordLike(cp: number): boolean {
  return isHan(cp) || isDigit(cp) || isLatinLetter(cp);
}

function chineseContext(plain: string, from: number, to: number): boolean {
  return isChinese(before(plain, from, SKIP_SPACES)) || isChinese(after(plain, to, SKIP_SPACES));
}

function dashRuns(plain: string, prot: Uint8Array): Finding[] {
  const out: Finding[] = [];
  DASH_RUN.lastIndex = 0;
  for (let m = DASH_RUN.exec(plain); m; m = DASH_RUN.exec(plain)) {
    const s = m.index;
    const e = s + m[0].length;
    const typed = m[0];
    const dashes = typed.replace(/[ \u3000]/g, '');
    if (typed === DASH || touchesProtected(prot, s, e)) continue;
    const repair = (message: string): void => { out.push({ start: s, end: e, message, fix: [{ start: s, end: e, text: DASH }] }); };
    if (dashes.length === 1) {
      const c = dashes;
      const p = before(plain, s);
      const n = after(plain, e);
      if (c === '—') {
        // Between two words or numbers it may be a connector; elsewhere it is a half 破折号.
        if (wordLike(p) && wordLike(n)) continue;
        // 第（一）—（三）项, 《规划》—《方案》: between two bracketed items it joins them too.
        if (isCloser(p) && isOpener(n)) continue;
        if (!chineseContext(plain, s, e)) continue;
        repair(say('dash.single'));
      } else if (c !== '–') {
        // ― ─ － ‒ ﹘ are never right on their own in a bulletin, whatever surrounds them.
        out.push({
          start: s,
          end: e,
          message: say('dash.look-alike', { char: describeChar(c) }),
        });
      }
      continue;
    }
    if (!chineseContext(plain, s, e)) continue;
    const spaced = dashes.length !== typed.length;
    if (dashes.length <= 3) {
      const what = say(spaced ? 'dash.spaced' : dashes.length === 3 ? 'dash.three' : 'dash.typed', { typed });
      repair(say('dash.as-dash', { what }));
    } else {
      out.push({ start: s, end: e, message: say('dash.many', { count: dashes.length, typed }) });
    }
  }
  return out;
}

function asciiHyphens(plain: string, prot: Uint8Array): Finding[] {
  const out: Finding[] = [];
  const re = /-{2,}/g;
  for (let m = re.exec(plain); m; m = re.exec(plain)) {
    const s = m.index;
    const e = s + m[0].length;
    if (touchesProtected(prot, s, e)) continue;
    // --fix, a--b: options and code, not prose.
    if (isAsciiAlnum(after(plain, e)) || isAsciiAlnum(before(plain, s))) continue;
    if (!chineseContext(plain, s, e)) continue;
    const message = say('dash.hyphens', { typed: m[0] });
    out.push(m[0].length <= 3 ? { start: s, end: e, message, fix: [{ start: s, end: e, text: DASH }] } : { start: s, end: e, message });
  }
  return out;
}

/** 2019-2023年, 3-5天, 3~5天: ranges typed with a hyphen or an ASCII tilde. */
function ranges(plain: string, prot: Uint8Array): Finding[] {
  const out: Finding[] = [];
  const re = /(?<![\dA-Za-z.\-/:~])(\d+(?:\.\d+)?)([%％]?)([-~])(\d+(?:\.\d+)?)(?![\d.\-/:~])/g;
  for (let m = re.exec(plain); m; m = re.exec(plain)) {
    const at = m.index + m[1].length + m[2].length;
    if (touchesProtected(prot, m.index, m.index + m[0].length)) continue;
    const following = plain.codePointAt(m.index + m[0].length) ?? 0;
    const [left, right] = [Number(m[1]), Number(m[4])];
    if (m[3] === '~') {
      if (!(left < right) || !(isHan(following) || isChinese(before(plain, m.index)) || '%％'.includes(String.fromCodePoint(following)))) continue;
      out.push({
        start: at,
        end: at + 1,
        message: say('dash.tilde'),
        fix: [{ start: at, end: at + 1, text: '～' }],
      });
      continue;
    }
    // A hyphen: only a range when a Chinese unit follows and the numbers climb; a leading 0
    // is an area code or a code, never a range.
    if (!isHan(following) || !(left < right) || /^0\d/.test(m[1])) continue;
    if (/^\d{4}$/.test(m[1]) && /^\d{4}$/.test(m[4]) && following === 0x5e74 /* 年 */) {
      out.push({
        start: at,
        end: at + 1,
        message: say('dash.year-range', { range: `${m[0]}年` }),
        hint: hintOf('dash.year-range'),
        fix: [{ start: at, end: at + 1, text: '—' }],
      });
    } else {
      out.push({
        start: at,
        end: at + 1,
        message: say('dash.range', { range: m[0] }),
        hint: hintOf('dash.range'),
      });
    }
  }
  return out;
}

/** 5～10%: a percentage range keeps the sign on both numbers, 5%～10% (GB/T 15835). */
function percentRanges(plain: string, prot: Uint8Array): Finding[] {
  const out: Finding[] = [];
  const re = /(?<![\d.%‰])(\d+(?:\.\d+)?)([～—~])(\d+(?:\.\d+)?)([%‰％])/g;
  for (let m = re.exec(plain); m; m = re.exec(plain)) {
    if (touchesProtected(prot, m.index, m.index + m[0].length)) continue;
    const at = m.index + m[1].length;
    const sign = m[4];
    out.push({
      start: m.index,
      end: at,
      message: say('dash.percent', { typed: m[0], fixed: `${m[1]}${sign}${m[2]}${m[3]}${sign}` }),
      hint: hintOf('dash.percent'),
      // An edit replaces at least one character: the connector, which a typed ~ leaves as ～.
      fix: [{ start: at, end: at + 1, text: sign + (m[2] === '~' ? '～' : m[2]) }],
    });
  }
  return out;
}

export const dash: ScalarRule = {
  id: 'dash',
  severity: 'warning',
  scope: 'scalar',
  description: 'the Chinese dash is exactly —— ; ranges take — or ～, not a hyphen or ~',
  roles: ['masthead', 'edition', 'publisher', 'section', 'title', 'toc', 'paragraph', 'heading', 'brief', 'byline', 'distribution', 'note'],
  check({ scalar }) {
    const { plain, protectedMask } = scalar.view;
    return [...dashRuns(plain, protectedMask), ...asciiHyphens(plain, protectedMask), ...ranges(plain, protectedMask), ...percentRanges(plain, protectedMask)]
      .sort((a, b) => a.start - b.start);
  },
};
