/**
 * Breaks by sense outside titles: running text keeps a number with its unit or measure word
 * where that costs little (方正's 数字与单位不分离, a penalty, not a rule); a list of names (a
 * 版记's recipients) breaks between names, after 、，；; and a title's break costs inside
 * quotation marks and book titles.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BALANCE_COST, LIST_COST, balanceQuality, listQuality, numberUnitPenalties } from '../../src/compose/balance.js';
import { COST } from '../../src/compose/breaks.js';
import { composeParagraph } from '../../src/compose/compose.js';
import type { ComposeOptions } from '../../src/compose/types.js';
import { segment } from '../../src/text/segment.js';
import { song } from './fonts.js';

const BODY: ComposeOptions = { measure: 442.205, size: 16, indent: 2, align: 'justify', grid: 28, maxSpacing: 0.12 };
const lines = (text: string, opt: ComposeOptions): string[] => composeParagraph([{ text, fonts: [song()] }], opt).lines.map((l) => l.text);

/** Pairs “last character of a line | first of the next” across the paragraph's breaks. */
const seams = (ls: string[]): string[] => ls.slice(1).map((l, i) => `${[...ls[i]].at(-1)}|${[...l][0]}`);

test('running text keeps a number with its measure word where it costs little', () => {
  // Without the penalty a line ends 每餐标准12 and the next starts 元; with it, the marks of
  // that line are pushed in a little more and 元， comes up.
  const text = '南湖社区依托邻里中心，引入社会组织3家、专业社工12名，开设“长者食堂”“四点半课堂”“共享工具屋”等服务项目。“长者食堂”每天为辖区80周岁以上老人提供午餐，每餐标准12元，老人自付6元，其余由街道和慈善基金补助。';
  const ls = lines(text, BODY);
  for (const s of seams(ls)) assert.doesNotMatch(s, /^\d\|[年月日个项家名元人次万亿]/, ls.join(' / '));
});

test('…but not at any price: a number goes down alone when keeping it would space the line out', () => {
  // Pulling 个 up cannot fit, pushing 14 down leaves the first line 0.09 em loose: the split stays.
  const ls = lines('一二三四五六七八九十一二三四五六七八九十一二三四14个项目全部开工建设，完成投资。', BODY);
  assert.deepEqual(seams(ls), ['4|个']);
  const seg = segment('窗口14个，第3次', [], 'gb');
  const q = numberUnitPenalties(seg, COST.NUMBER_UNIT)!;
  const at = (s: string) => [...Array(seg.count).keys()].find((j) => j > 0 && seg.start[j] === '窗口14个，第3次'.indexOf(s))!;
  assert.equal(q[at('个')], COST.NUMBER_UNIT);
  assert.equal(q[at('3')], COST.NUMBER_UNIT, '第 and its number');
  assert.equal(q[at('14')], 0);
  assert.equal(numberUnitPenalties(segment('没有数字的一段话。', [], 'gb'), COST.NUMBER_UNIT), undefined);
});

test('a list of recipients breaks after 、，；, never inside a unit’s name', () => {
  const to = '市委办公室、市政府办公室，区委办公室、区政府办公室、区委组织部、区委宣传部、区委政法委、区委社会工作部，区民政局、区住房城乡建设局、区卫生健康局、区数据资源局、区市场监管局';
  const opt: ComposeOptions = { measure: 442.205 - 2 * 14 - 2 * 14, size: 14, align: 'left', listBreaks: true };
  const ls = lines(to, opt);
  assert.ok(ls.length >= 3, ls.join(' / '));
  for (const l of ls.slice(0, -1)) assert.match(l, /[、，；]$/, ls.join(' / '));
  assert.equal(ls.join(''), to);
  // A name longer than the line is the one place it breaks inside a name.
  const long = lines('中国人民政治协商会议浙江省清源市委员会办公室、研究室', { ...opt, measure: 10 * 14 });
  assert.equal(long.join(''), '中国人民政治协商会议浙江省清源市委员会办公室、研究室');
  const seg = segment('区委办公室、区政府办公室', [], 'gb');
  const q = listQuality(seg);
  assert.equal(q[6], LIST_COST.BETWEEN_NAMES, 'after 、');
  assert.equal(q[3], LIST_COST.INSIDE_NAME, 'inside 区委办公室');
});

test('a title break inside “…” or 《…》 costs more than an extra line; an unclosed mark quotes nothing', () => {
  const cost = (text: string, left: string) => {
    const seg = segment(text, [], 'gb');
    const q = balanceQuality(text, seg);
    const at = text.indexOf(left) + left.length;
    for (let j = 1; j < seg.count; j++) if (seg.start[j] === at) return q[j];
    throw new Error(`no joint after ${left}`);
  };
  const t = '钱塘区开展《杭州市物业管理条例》执法检查';
  assert.equal(cost(t, '《杭州市'), BALANCE_COST.INSIDE_QUOTE);
  assert.equal(cost(t, '钱塘区开展'), BALANCE_COST.MARK, 'before the book title');
  assert.equal(cost(t, '条例》'), BALANCE_COST.MARK, 'after it');
  assert.equal(cost('市政协召开“加快推进城乡一体化发展”专题协商会议', '“加快推进'), BALANCE_COST.INSIDE_QUOTE);
  assert.equal(cost('他说“学习《反食品浪费法》的体会”很深', '《反食品'), BALANCE_COST.INSIDE_QUOTE, 'nested');
  assert.equal(cost('他说“学习《反食品浪费法》的体会”很深', '》的'), BALANCE_COST.INSIDE_QUOTE, 'still inside the outer quote');
  assert.ok(cost('一个“未闭合的引号开展工作', '“未闭合') < BALANCE_COST.INSIDE_QUOTE, 'an unclosed mark quotes nothing');
  assert.ok(BALANCE_COST.INSIDE_QUOTE > 1e6 && BALANCE_COST.INSIDE_WORD > 1e6 && BALANCE_COST.TERM > 1e6, 'each costs more than an extra title line (COST.LINE)');
  assert.ok(BALANCE_COST.INSIDE_NAME < 1e6 && BALANCE_COST.MARK < BALANCE_COST.WORD, 'guessed names stay acceptable; after a mark is preferred to between words');
});
