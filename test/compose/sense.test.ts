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

test('a range of times or numbers joined by — or ～ is not broken after its dash, where another break exists', () => {
  const seg = segment('工作日16:30—18:30开放，2～3岁', [], 'gb');
  const text = '工作日16:30—18:30开放，2～3岁';
  for (let j = 1; j < seg.count; j++) {
    const before = text.slice(seg.start[j - 1], seg.end[j - 1]);
    if (before === '—' || before === '～') assert.ok(seg.brk[j] <= 1, `a break after ${before} is allowed (${seg.brk[j]})`);
  }
  // The 街道 增刊's sentence: the dash once ended a line (16:30—|18:30); each width tried.
  const sentence = '“四点半课堂”在每个工作日的16:30—18:30开放，已累计服务学生5200余人次。中心工作日8:30—12:00、13:30—17:30对外办公，周六上午9:00—12:00提供延时服务。';
  for (const measure of [20, 22, 24, 26, 28, 30]) {
    const ls = lines(sentence, { ...BODY, measure: measure * 16, grid: measure });
    for (const s of seams(ls)) assert.ok(!/\d[—～]\|\d/.test(s) && !/\d\|[—～]/.test(s), `${measure} em: ${s} in ${ls.join(' | ')}`);
  }
});

test('a paragraph can be set in one line more or less when asked, within the spacing ceiling, or not at all', () => {
  const set = (text: string, lines?: number) => {
    const p = composeParagraph([{ text, fonts: [song()] }], lines === undefined ? BODY : { ...BODY, alternatives: [lines] });
    return lines === undefined ? p.lines : p.alternatives?.[0] ?? p.lines;
  };
  // Nine lines, the last one long enough that the others can give it a line of its own.
  const long = '会议听取了有关情况的汇报，并就下一步工作作出部署，强调要坚持以人民为中心，推动各项工作落地见效。'.repeat(5);
  const natural = set(long);
  const longer = set(long, natural.length + 1);
  assert.equal(longer.length, natural.length + 1);
  assert.equal(longer.map((l) => l.text).join(''), natural.map((l) => l.text).join(''), 'the same text');
  // Eight lines, the last of them short: the paragraph's marks can take it in.
  const short = `${'会议听取了有关情况的汇报，并就下一步工作作出部署，强调要坚持以人民为中心，推动“各项工作”落地见效。'.repeat(4)}一二。`;
  assert.equal(set(short).length, 8);
  const shorter = set(short, 7);
  assert.equal(shorter.length, 7, 'the marks compress to take the last line in');
  for (const l of [...longer, ...shorter]) assert.ok((l.spacing ?? 0) <= 0.12 * 16 + 1e-6, `${l.text}: ${l.spacing}`);
  // Neither can be had for a paragraph too short to give lines or take one in: it keeps its own.
  const few = '会议听取了有关情况的汇报。'.repeat(3);
  assert.equal(set(few, set(few).length + 1).length, set(few).length);
  assert.equal(set(short, 6).length, 8);
});

test('nearby: a paragraph of three lines or more comes with its settings one line less and one more; one of many pages comes without them, at once', () => {
  const text = '会议听取了有关情况的汇报，并就下一步工作作出部署，强调要坚持以人民为中心，推动各项工作落地见效。'.repeat(5);
  const p = composeParagraph([{ text, fonts: [song()] }], { ...BODY, nearby: true });
  const asked = composeParagraph([{ text, fonts: [song()] }], { ...BODY, alternatives: [p.lines.length - 1, p.lines.length + 1] });
  assert.equal(p.alternatives?.length, 2);
  assert.deepEqual(p.alternatives?.map((a) => a?.map((l) => l.text)), asked.alternatives?.map((a) => a?.map((l) => l.text)));
  assert.equal(composeParagraph([{ text: '会议听取了汇报。', fonts: [song()] }], { ...BODY, nearby: true }).alternatives, undefined, 'one line: nothing to offer');
  // 100,000 characters, some 3,600 lines: the search in line counts would need hundreds of millions of cells.
  const huge = composeParagraph([{ text: '这是很长的段落，用来测试排版是否都正确。'.repeat(5000), fonts: [song()] }], { ...BODY, nearby: true });
  assert.ok(huge.lines.length > 3000);
  assert.deepEqual(huge.alternatives, [undefined, undefined]);
});
