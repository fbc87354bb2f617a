/**
 * Where a title or heading breaks well (typography.md §1.8; GB/T 9704 §7.3.1: multi-line titles
 * keep words whole): at a typed space or after a mark costs nothing, between two words (ICU's
 * dictionary word segmentation for Chinese, which also separates a number from the Han around
 * it) a little, inside a word a lot, and between a number and its unit or measure word
 * (2024|年, 12.5|万, 第|3) more than a whole extra line: "关于开展2024 / 年度…" splits what
 * a reader takes in as one word, whereas the segmenter sees two.
 */
import { Cls, isDigit, isHanLike } from '../text/classes.js';
import { Gap, type Segmentation } from '../text/segment.js';

export const BALANCE_COST = { SPACE_OR_MARK: 0, WORD: 1500, SINGLES: 5000, INSIDE_WORD: 8000, NUMBER_UNIT: 1e7 } as const;

/**
 * Units, measure words and other characters that complete a number in Chinese (dates, counts,
 * money, ordinals, quantities). A number directly before one of these is not split from it.
 */
const BOUND_AFTER_NUMBER = new Set(
  [...'年月日号时点分秒天周岁届期次回轮批个项条件家户名位人只头匹张台辆架艘座栋间套所处块片本册部篇份类种组支队道起宗笔例元角万亿千百十余多亩吨米斤克升倍度成股级层轮场枚颗株棵'].map((c) => c.codePointAt(0)!),
);
/** Characters that lead a number: 第3 is read as one, like 3年. */
const BOUND_BEFORE_NUMBER = new Set([...'第'].map((c) => c.codePointAt(0)!));

let segmenter: Intl.Segmenter | undefined;

/** Function words that end a phrase (a title may break after them) or start one (before them). */
const ENDS_PHRASE = new Set([...'的之了等'].map((c) => c.codePointAt(0)!));
const STARTS_PHRASE = new Set([...'和与及并暨在对为把从向以于由将'].map((c) => c.codePointAt(0)!));

/**
 * Word starts (UTF-16 offsets) with their cost. ICU's dictionary falls back to single characters
 * for words it does not know (专|项, 拱|墅|区, 邵|逸夫), so a boundary inside a run of one-character
 * words, or on either side of a lone one-character word, is doubtful (SINGLES) — unless that
 * character is a function word on its own side of the phrase (…工作的 / 情况报告).
 */
function wordBoundaries(text: string): Map<number, number> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words = [...segmenter.segment(text)].map((w) => ({
    index: w.index,
    single: w.segment.length === 1 && isHanLike(w.segment.charCodeAt(0)),
    cp: w.segment.codePointAt(0)!,
  }));
  const lone = (i: number): boolean => words[i].single && !(words[i - 1]?.single) && !(words[i + 1]?.single);
  const bounds = new Map<number, number>();
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1], b = words[i];
    let cost: number = BALANCE_COST.WORD;
    if (a.single && b.single) cost = BALANCE_COST.SINGLES;
    else if (lone(i - 1) && !ENDS_PHRASE.has(a.cp)) cost = BALANCE_COST.SINGLES;
    else if (lone(i) && !STARTS_PHRASE.has(b.cp)) cost = BALANCE_COST.SINGLES;
    bounds.set(b.index, cost);
  }
  return bounds;
}

export function balanceQuality(text: string, seg: Segmentation): Float64Array {
  const q = new Float64Array(seg.count + 1);
  const bounds = wordBoundaries(text);
  for (let j = 1; j < seg.count; j++) {
    const pc = seg.cls[j - 1], nc = seg.cls[j];
    const pl = seg.last[j - 1], nf = seg.first[j];
    const numberUnit = (isNumeral(pl) && BOUND_AFTER_NUMBER.has(nf)) || (BOUND_BEFORE_NUMBER.has(pl) && isNumeral(nf));
    if (numberUnit) q[j] = BALANCE_COST.NUMBER_UNIT;
    else if (seg.gap[j] === Gap.Word || seg.gap[j] === Gap.Ideo || pc === Cls.Pause || pc === Cls.Stop || pc === Cls.QE || pc === Cls.Close || nc === Cls.Open || pc === Cls.Long || pc === Cls.IdeoSpace || nc === Cls.IdeoSpace) q[j] = BALANCE_COST.SPACE_OR_MARK;
    else if (seg.gap[j] === Gap.CjkLatin) q[j] = BALANCE_COST.WORD;
    else q[j] = bounds.get(seg.start[j]) ?? BALANCE_COST.INSIDE_WORD;
  }
  return q;
}

/** A digit, ASCII or full-width, ending a number (suffix signs are bound by the segmenter). */
function isNumeral(cp: number): boolean {
  return isDigit(cp) || (cp >= 0xff10 && cp <= 0xff19);
}
