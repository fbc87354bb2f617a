/**
 * Where a title or heading breaks well (typography.md §1.8; GB/T 9704 §7.3.1: multi-line titles
 * keep words whole): at a typed space costs nothing, after a mark or before an opening quote
 * next to nothing, between two words (ICU's dictionary word segmentation for Chinese, which also
 * separates a number from the Han around it) a little; inside a word, a known term, a quotation
 * or book title (“…” 《…》), or between a number and its unit or measure word (2024|年, 12.5|万,
 * 第|3) more than a whole extra line: "关于开展2024 / 年度…" splits what a reader takes in as
 * one word, whereas the segmenter sees two.
 *
 * The dictionary does not know most place names, organs and personal names: it leaves them as
 * single characters (拱|墅|区, 邵|逸夫, 专|项) or joins a name's last character to its suffix
 * (鹿|城区). So each one-character word is given a role by its shape — an administrative or
 * organisational suffix that closes the name before it (区 县 市 委 局 会 站 …), a prefix that
 * opens the next (副 全 第, 市 before 人大), a piece of an unknown word (a run of them is read two
 * by two, one left over leads the word after it) — and a break inside such a name costs almost
 * as much as one inside a known word, while breaks after a suffix, at function words and between
 * two known words stay cheap. Still cheaper than an extra line: a title that cannot be set in as
 * many lines otherwise does break inside a name.
 */
import { Cls, isDigit, isHanLike } from '../text/classes.js';
import { Gap, type Segmentation } from '../text/segment.js';

/**
 * Acceptable breaks — SPACE: at a space typed between phrases (临安区：强化司法监督|维护…, or
 * where the lines of a title given line by line are joined in its 目录 entry). MARK: after a
 * mark (临安区：|), before an opening quote (助推|“…”). WORD: between two words or phrases. SINGLES: beside a character the
 * dictionary left on its own, which may belong to either side. INSIDE_NAME: inside what is by
 * its shape one name the dictionary does not know (拱墅|区, 鹿|城区, 专|项): doubtful, as the
 * shape is a guess, but not forbidden.
 *
 * Breaks a title never takes while another layout exists, each costing more than an extra line
 * (COST.LINE, 1e6): TERM, between the words of a known term (人大|代表); INSIDE_WORD, inside a
 * word the dictionary knows (检|查); INSIDE_QUOTE, inside “…” or 《…》; NUMBER_UNIT, between a
 * number and its unit or measure word (3|个, 220|千伏, 第|3).
 */
export const BALANCE_COST = { SPACE: 0, MARK: 300, WORD: 1500, SINGLES: 5000, INSIDE_NAME: 7000, TERM: 2e6, INSIDE_WORD: 3e6, INSIDE_QUOTE: 5e6, NUMBER_UNIT: 1e7 } as const;

/**
 * A list of names (a 版记's recipients: 市委办公室、市政府办公室，区委…): a line breaks after
 * 、，；：。 or at a space, between two names; a break inside a name costs more than an extra
 * line, so it happens only to a name longer than the line.
 */
export const LIST_COST = { BETWEEN_NAMES: 0, INSIDE_NAME: 2e6 } as const;

/**
 * Units, measure words and other characters that complete a number in Chinese (dates, counts,
 * money, ordinals, quantities). A number directly before one of these is not split from it.
 */
const BOUND_AFTER_NUMBER = new Set(
  [...'年月日号时点分秒天周岁届期次回轮批个项条件家户名位人只头匹张台辆架艘座栋幢间套所处块片本册部篇份类种组支队道起宗笔例元角万亿千百十余多亩吨米斤克升倍度成股级层轮场枚颗株棵公平立毫厘季版章节集首大小'].map((c) => c.codePointAt(0)!),
);
/** Characters that lead a number: 第3 is read as one, like 3年. */
const BOUND_BEFORE_NUMBER = new Set([...'第'].map((c) => c.codePointAt(0)!));

let segmenter: Intl.Segmenter | undefined;

const cps = (s: string): Set<number> => new Set([...s].map((c) => c.codePointAt(0)!));

/** Function words that end a phrase (a title may break after them) or start one (before them). */
const ENDS_PHRASE = cps('的之了等');
const STARTS_PHRASE = cps('和与及并暨在对为把从向以于由将');
/** Administrative levels: a suffix after a name (拱墅区, 桐庐县), a prefix before an organ (区政府, 市人大). */
const LEVEL = cps('省市区县镇乡村州旗盟');
/**
 * Characters that end an organisation, a place or a term when they follow a word as a word of
 * their own (常委|会, 联络|站, 防治|法, 票决|制, 现代|化, 实质|性, 主席|团, 联系|点, 基层|行):
 * a line must not begin with them.
 */
const SUFFIX = cps('委办局厅部院会所站处科室组团队庭馆堂点法制化性式型者员人行');
/** Characters that lead the word after them and cannot end a line (副主任, 全周期, 第十四). */
const PREFIX = cps('副原各全本该每非第');
/** Words that close a name as its last part: 良渚|街道, 邵逸夫|医院, 社区卫生服务|中心. */
const SUFFIX_WORDS = new Set(['街道', '社区', '中心', '医院', '委员会', '办公室', '办事处', '工委', '主席团', '联络站', '开发区', '新区', '园区', '景区', '自治区', '自治州', '自治县', '政府', '人民政府', '法院', '人民法院', '检察院', '人民检察院', '大学', '学院', '学校', '中学', '小学', '公司', '集团', '协会', '联合会', '研究院', '研究所', '大会', '会议']);
/**
 * Terms of public administration that the dictionary splits into words of their own, yet a
 * reader takes in as one (人大|代表, 民生|实事): a break inside one is doubtful.
 */
const TERMS = ['人大代表', '人大常委会', '人民代表大会', '营商环境', '民生实事', '主任会议', '执法检查', '专项监督', '基层治理', '高质量发展', '政协委员', '纪委监委', '代表联络站'];
/** Organs that an administrative level before them qualifies (区|政府, 县|人大): the level is then ambiguous. */
const ORGANS = new Set(['人大', '政府', '人民政府', '政协', '人民', '法院', '人民法院', '检察院', '人民检察院', '纪委', '监委', '党委', '委', '常委', '常委会', '人大常委会', '政法委']);
const HAN_NUMERAL = cps('〇零一二三四五六七八九十百千万亿两');

type Role = 'suffix' | 'prefix' | 'level' | 'lone' | 'run' | 'none';
interface Word { index: number; text: string; han: boolean; single: boolean; fn: 'ends' | 'starts' | undefined; role: Role }

function words(text: string): Word[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const ws: Word[] = [...segmenter.segment(text)].map((w) => {
    const han = [...w.segment].every((c) => isHanLike(c.codePointAt(0)!));
    const single = han && [...w.segment].length === 1;
    const cp = w.segment.codePointAt(0)!;
    const fn = !single ? undefined : ENDS_PHRASE.has(cp) ? 'ends' : STARTS_PHRASE.has(cp) ? 'starts' : undefined;
    return { index: w.index, text: w.segment, han, single, fn, role: 'none' as Role };
  });
  const nameSingle = (w: Word | undefined): boolean => !!w && w.single && !w.fn;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i], prev = ws[i - 1], next = ws[i + 1];
    if (!nameSingle(w)) continue;
    const cp = w.text.codePointAt(0)!;
    const nextHan = !!next?.han && !next.fn;
    if (LEVEL.has(cp)) {
      // 拱|墅|区 and 舟山|市|普陀 close a name; 审议|区|政府 may close one or open 区政府; at the
      // start or after a mark it opens the next name, and after another suffix it opens one
      // (市发改委|市|住建局, 市委|市|政府) or completes a word (大运河院|区|项目).
      if (!prev?.han || prev.fn) w.role = nextHan ? 'prefix' : 'none';
      else if (closesOrgan(prev)) w.role = nextHan && ((nameSingle(next) && !LEVEL.has(next.text.codePointAt(0)!)) || ORGANS.has(next.text)) ? 'prefix' : 'suffix';
      else if (prev.single) w.role = 'suffix';
      else if (!next || !ORGANS.has(next.text)) w.role = 'suffix';
      else {
        // Before an organ: a suffix when the word before it continues a chain of names
        // (普陀区|东极|海岛|县|人大, 杭州市|西湖|区|法院), else either reading stands.
        const pp = ws[i - 2];
        w.role = pp && (ends(pp) || (nameSingle(pp) && nameSingle(ws[i - 3]))) ? 'suffix' : 'level';
      }
    } else if (SUFFIX.has(cp) && prev?.han && !prev.fn && prev.role !== 'suffix') w.role = 'suffix';
    else if (PREFIX.has(cp) && nextHan) w.role = 'prefix';
  }
  // The characters left are pieces of words the dictionary does not know: a run of them, or one alone.
  const plain = (w: Word | undefined): boolean => nameSingle(w) && (w!.role === 'none' || w!.role === 'run');
  for (let i = 0; i < ws.length; i++) {
    if (plain(ws[i])) ws[i].role = plain(ws[i - 1]) || plain(ws[i + 1]) ? 'run' : 'lone';
  }
  return ws;
}

/** The word closes a name or organ: 委|, 杭州市|, 城区|, 街道|. */
function ends(w: Word): boolean {
  if (!w.han || w.fn) return false;
  if (w.single) return w.role === 'suffix';
  const last = w.text.codePointAt(w.text.length - 1)!;
  return SUFFIX_WORDS.has(w.text) || LEVEL.has(last) || SUFFIX.has(last);
}

/** Ends a name as a suffix of its own or an organ (委|, 院|, 教育局|) — not a place whose name ends in 州 or 市 (温州|). */
function closesOrgan(w: Word): boolean {
  return ends(w) && (w.single || !LEVEL.has(w.text.codePointAt(w.text.length - 1)!));
}

function isHanNumeral(w: Word): boolean {
  return w.han && [...w.text].every((c) => HAN_NUMERAL.has(c.codePointAt(0)!));
}

/** Cost of a line break between words a and b (ICU boundaries only). */
function boundaryCost(ws: Word[], i: number): number {
  const { WORD, SINGLES, INSIDE_NAME } = BALANCE_COST;
  const a = ws[i - 1], b = ws[i], after = ws[i + 1];
  if (!a.han || !b.han) return WORD;
  if (isHanNumeral(a) && b.single && BOUND_AFTER_NUMBER.has(b.text.codePointAt(0)!)) return INSIDE_NAME;
  // Two suffixes in a row (市发改委|市, 大运河院|区) may be one word or two names.
  if (b.role === 'suffix') return a.role === 'suffix' ? SINGLES : INSIDE_NAME;
  if (a.role === 'prefix') return INSIDE_NAME;
  if (a.role === 'level' || b.role === 'level') return SINGLES;
  if (!b.single && SUFFIX_WORDS.has(b.text)) return ends(a) ? WORD : a.single && !a.fn ? INSIDE_NAME : SINGLES;
  if (ends(a) || b.role === 'prefix') return WORD;
  if (a.fn === 'ends' || b.fn === 'starts') return WORD;
  if (a.fn === 'starts' || b.fn === 'ends') return SINGLES;
  if (a.role === 'run' || a.role === 'lone') {
    // Unknown characters are read two by two (述职|评议, 调研|邵…): a break after an even count
    // of them is only doubtful; one left over leads the word after it (邵|逸夫, 鹿|城区, 新|路径).
    let start = i - 1;
    while (start > 0 && ws[start - 1].role === 'run') start--;
    const even = (i - start) % 2 === 0;
    if (b.role === 'run') return even ? SINGLES : INSIDE_NAME;
    if (!even) return INSIDE_NAME;
    // Unknown characters before a word that a suffix closes are one name with it (景宁畲族|自治|县, 东极|海岛|县).
    if (after?.role === 'suffix') return SINGLES;
  }
  if (b.role === 'lone') return after?.han && !after.fn ? WORD : SINGLES;
  return WORD;
}

/** Word starts (UTF-16 offsets) with the cost of a line break there. */
function wordBoundaries(text: string): Map<number, number> {
  const ws = words(text);
  const bounds = new Map<number, number>();
  for (let i = 1; i < ws.length; i++) bounds.set(ws[i].index, boundaryCost(ws, i));
  for (const term of TERMS) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      for (let k = at + 1; k < at + term.length; k++) {
        const c = bounds.get(k);
        if (c !== undefined && c < BALANCE_COST.TERM) bounds.set(k, BALANCE_COST.TERM);
      }
    }
  }
  return bounds;
}

export function balanceQuality(text: string, seg: Segmentation): Float64Array {
  const q = new Float64Array(seg.count + 1);
  const bounds = wordBoundaries(text);
  const quoted = insideQuotes(seg);
  for (let j = 1; j < seg.count; j++) {
    const pc = seg.cls[j - 1], nc = seg.cls[j];
    if (isNumberUnit(seg, j)) q[j] = BALANCE_COST.NUMBER_UNIT;
    else if (seg.gap[j] === Gap.Word || seg.gap[j] === Gap.Ideo || seg.gap[j] === Gap.Phrase || pc === Cls.IdeoSpace || nc === Cls.IdeoSpace) q[j] = BALANCE_COST.SPACE;
    else if (pc === Cls.Pause || pc === Cls.Stop || pc === Cls.QE || pc === Cls.Close || nc === Cls.Open || pc === Cls.Long) q[j] = BALANCE_COST.MARK;
    else if (seg.gap[j] === Gap.CjkLatin) q[j] = BALANCE_COST.WORD;
    else q[j] = bounds.get(seg.start[j]) ?? BALANCE_COST.INSIDE_WORD;
    // Inside a quotation or a book title the reader takes the whole as one name.
    if (quoted[j] && q[j] < BALANCE_COST.INSIDE_QUOTE) q[j] = BALANCE_COST.INSIDE_QUOTE;
  }
  return q;
}

/** Opening quotes and book-title marks with the mark that closes each. */
const QUOTE_PAIRS = new Map([...'“”‘’《》〈〉「」『』'.match(/../gu)!].map((p) => [p.codePointAt(0)!, p.codePointAt(1)!]));

/**
 * Per joint, 1 when it lies inside a quotation or book title (“…”, 《…》, nested ‘…’ 〈…〉), after
 * its opening mark and before its closing one. A mark that is never closed quotes nothing.
 */
function insideQuotes(seg: Segmentation): Uint8Array {
  const inside = new Uint8Array(seg.count + 1);
  const stack: { close: number; at: number }[] = [];
  for (let k = 0; k < seg.count; k++) {
    const cp = seg.first[k];
    if (seg.cls[k] === Cls.Close) {
      const open = stack.findLastIndex((s) => s.close === cp);
      if (open >= 0) {
        for (let j = stack[open].at + 1; j <= k; j++) inside[j] = 1;
        stack.length = open;
      }
    } else if (seg.cls[k] === Cls.Open && QUOTE_PAIRS.has(cp)) stack.push({ close: QUOTE_PAIRS.get(cp)!, at: k });
  }
  return inside;
}

/** Between a number and its unit or measure word (3|个, 12.5|万), or 第 and its number. */
function isNumberUnit(seg: Segmentation, j: number): boolean {
  const pl = seg.last[j - 1], nf = seg.first[j];
  return (isNumeral(pl) && BOUND_AFTER_NUMBER.has(nf)) || (BOUND_BEFORE_NUMBER.has(pl) && isNumeral(nf));
}

/**
 * Running text (方正's 数字与单位不分离): `cost` at every joint between a number and its unit
 * or measure word, nothing elsewhere; undefined when the paragraph has no such joint.
 */
export function numberUnitPenalties(seg: Segmentation, cost: number): Float64Array | undefined {
  let q: Float64Array | undefined;
  for (let j = 1; j < seg.count; j++) {
    if (!isNumberUnit(seg, j)) continue;
    q ??= new Float64Array(seg.count + 1);
    q[j] = cost;
  }
  return q;
}

/** A list of names (LIST_COST): breaks after 、，；：。 or at a space cost nothing, others a lot. */
export function listQuality(seg: Segmentation): Float64Array {
  const q = new Float64Array(seg.count + 1);
  for (let j = 1; j < seg.count; j++) {
    const pc = seg.cls[j - 1];
    const between = pc === Cls.Pause || pc === Cls.Stop || seg.gap[j] === Gap.Word || seg.gap[j] === Gap.Ideo;
    q[j] = between ? LIST_COST.BETWEEN_NAMES : LIST_COST.INSIDE_NAME;
  }
  return q;
}

/** A digit, ASCII or full-width, ending a number (suffix signs are bound by the segmenter). */
function isNumeral(cp: number): boolean {
  return isDigit(cp) || (cp >= 0xff10 && cp <= 0xff19);
}
