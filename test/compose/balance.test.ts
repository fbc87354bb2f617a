/**
 * Title balancing: where a two-line title breaks (typography.md §1.8, GB/T 9704 §7.3.1 — words
 * whole, a number with its unit) and that a title that fits stays on one line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BALANCE_COST, balanceQuality } from '../../src/compose/balance.js';
import { composeParagraph } from '../../src/compose/compose.js';
import type { ComposeOptions } from '../../src/compose/types.js';
import { openFont } from '../../src/font/load.js';
import { vendoredFontPath } from '../../src/font/vendored.js';
import { segment } from '../../src/text/segment.js';
import { song } from './fonts.js';

const SIZE = 22;
/** The 版心 width (156 mm): GB/T 9704 titles use the whole type width. */
const TYPE_WIDTH = 442.205;
const title = () => openFont(vendoredFontPath('title'));

function lines(text: string, measure: number): string[] {
  const opt: ComposeOptions = { measure, size: SIZE, align: 'center', balance: true };
  return composeParagraph([{ text, fonts: [title(), song()] }], opt).lines.map((l) => l.text);
}

/** The balance cost of breaking right before the first occurrence of `after` + `before`. */
function costAt(text: string, left: string, right: string): number {
  const seg = segment(text, [], 'gb');
  const q = balanceQuality(text, seg);
  const at = text.indexOf(left + right) + left.length;
  for (let j = 1; j < seg.count; j++) if (seg.start[j] === at || (seg.start[j] > at && text[at] === ' ')) return q[j];
  throw new Error(`no joint at ${left}|${right}`);
}

test('a number stays with its unit or measure word, 第 with its number', () => {
  const t = '关于开展2024年度专项监督工作的情况报告';
  assert.equal(costAt(t, '2024', '年'), BALANCE_COST.NUMBER_UNIT);
  assert.equal(costAt(t, '开展', '2024'), BALANCE_COST.WORD);
  const u = '召开第12次主任会议完成12.5万人3项任务';
  assert.equal(costAt(u, '第', '12'), BALANCE_COST.NUMBER_UNIT);
  assert.equal(costAt(u, '12', '次'), BALANCE_COST.NUMBER_UNIT);
  assert.equal(costAt(u, '12.5', '万'), BALANCE_COST.NUMBER_UNIT);
  assert.equal(costAt(u, '3', '项'), BALANCE_COST.NUMBER_UNIT);
  assert.ok(BALANCE_COST.NUMBER_UNIT > 2 * 1e6, 'costs more than an extra line');
});

test('breaks after ：, at a typed space and between words cost least; doubtful single-character words more', () => {
  const t = '临安区：强化司法监督 维护司法公正';
  assert.equal(costAt(t, '：', '强'), BALANCE_COST.SPACE_OR_MARK);
  assert.equal(costAt(t, '监督', ' '), BALANCE_COST.SPACE_OR_MARK);
  const u = '关于开展2024年度专项监督工作的情况报告';
  assert.equal(costAt(u, '监督', '工作'), BALANCE_COST.WORD);
  assert.equal(costAt(u, '专', '项'), BALANCE_COST.SINGLES, 'ICU splits 专项 into two characters');
  assert.equal(costAt(u, '的', '情况'), BALANCE_COST.WORD, 'after 的 a phrase ends');
  assert.equal(costAt(u, '工作', '的'), BALANCE_COST.SINGLES, '的 does not start a line');
  assert.ok(costAt(u, '监', '督') >= BALANCE_COST.INSIDE_WORD);
});

test('a title never breaks between a number and its unit, at any measure', () => {
  const titles = [
    '关于开展2024年度专项监督工作的情况报告',
    '市人大常委会部署开展2024年代表主题活动',
    '召开第12次主任会议研究部署全年立法工作',
    '全市新增就业12.5万人超额完成3项目标任务',
  ];
  for (const t of titles) {
    for (let em = 9; em <= 20; em += 0.5) {
      const ls = lines(t, em * SIZE);
      assert.equal(ls.join(''), t);
      for (let i = 1; i < ls.length; i++) {
        const pair = ls[i - 1].slice(-1) + ls[i][0];
        assert.ok(!/[0-9０-９][年月日个项条家次名万亿元人]|第[0-9]/.test(pair), `${t} at ${em} em: ${ls.join(' / ')}`);
      }
    }
  }
  assert.deepEqual(lines('关于开展2024年度专项监督工作的情况报告', 18 * SIZE), ['关于开展2024年度专项', '监督工作的情况报告']);
  assert.deepEqual(lines('召开第12次主任会议研究部署全年立法工作', 18 * SIZE), ['召开第12次主任会议', '研究部署全年立法工作']);
});

test('a title that fits the measure stays on one line; one that does not breaks at its space', () => {
  assert.deepEqual(lines('市人大常委会部署开展2024年代表主题活动', TYPE_WIDTH), ['市人大常委会部署开展2024年代表主题活动']);
  assert.deepEqual(lines('关于开展2024年度专项监督工作的情况报告', TYPE_WIDTH), ['关于开展2024年度专项监督工作的情况报告']);
  assert.deepEqual(lines('临安区：强化司法监督 维护司法公正', TYPE_WIDTH), ['临安区：强化司法监督 维护司法公正']);
  assert.deepEqual(lines('临安区：强化司法监督 维护司法公正', 14 * SIZE), ['临安区：强化司法监督', '维护司法公正']);
});
