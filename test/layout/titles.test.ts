/**
 * Titles with the real composer and the vendored fonts: the title measure is the 版心 (GB/T 9704
 * §7.3.1), a title that fits stays on one line, a title given as a list keeps the author's
 * lines, and the 目录 joins those lines with the same 1-em gap a title sets between its phrases.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeParagraph } from '../../src/compose/compose.js';
import type { ComposedLine } from '../../src/compose/types.js';
import type { Issue } from '../../src/issue/types.js';
import { layoutIssue } from '../../src/layout/layout.js';
import { styleIssue } from '../../src/style/model.js';
import { vendoredStyles } from '../support/styles.js';

const BODY = '某区人大常委会围绕中心工作，组织代表开展专题调研，形成调研报告并提出意见建议。';

function layout(titles: (string | string[])[]) {
  const issue: Issue = {
    bulletin: '测试信息', number: 1, publisher: '测试单位编', date: '2024-05-06',
    sections: [{ name: '要闻速递', articles: titles.map((title) => ({ title, body: [BODY], byline: '某区人大常委会办公室 蔡 静' })) }],
  };
  const resolved = vendoredStyles();
  const result = layoutIssue(styleIssue(issue, resolved), composeParagraph);
  const lines = (kind: string) => result.galley.filter((r) => r.kind === kind).flatMap((r) => r.items.flatMap((i) => (i.kind === 'text' ? [i.line] : [])));
  return { result, resolved, lines };
}

function xOf(line: ComposedLine, ch: string): number {
  const g = line.runs.flatMap((r) => r.glyphs).find((x) => x.text === ch);
  assert.ok(g, `no ${ch} on ${line.text}`);
  return g.x;
}

test('the title measure is the type width: a 二号 title that fits stays on one line', () => {
  const { lines, resolved } = layout(['市人大常委会部署开展2024年代表主题活动', '建德市：率先实现国土空间规划实施报告制度全覆盖']);
  const titles = lines('title').map((l) => l.text);
  assert.equal(titles[0], '市人大常委会部署开展2024年代表主题活动');
  assert.equal(titles.length, 3, titles.join(' / '));
  for (const l of lines('title')) assert.ok(l.right - l.left <= resolved.page.typeWidth + 0.01);
});

test('a title given as a list keeps the author’s lines; the 目录 joins them with a 1-em gap', () => {
  const { lines, resolved } = layout([['拱墅区：五年全周期监督', '助力医院项目提前投用'], '临安区：强化司法监督 维护司法公正']);
  assert.deepEqual(lines('title').map((l) => l.text), ['拱墅区：五年全周期监督', '助力医院项目提前投用', '临安区：强化司法监督 维护司法公正']);
  const titleSize = resolved.title.size;
  const phrase = lines('title')[2];
  assert.ok(Math.abs(xOf(phrase, '维') - xOf(phrase, '督') - 2 * titleSize) < 0.01, 'a title phrase gap is 1 em');
  const entrySize = resolved.toc.entry.size;
  const toc = lines('toc').filter((l) => l.text.includes('助力') || l.text.includes('维护'));
  assert.equal(toc.length, 2, lines('toc').map((l) => l.text).join(' / '));
  for (const [l, a, b] of [[toc[0], '督', '助'], [toc[1], '督', '维']] as const) {
    assert.ok(l.text.includes(`${a} ${b}`), l.text);
    assert.ok(Math.abs(xOf(l, b) - xOf(l, a) - 2 * entrySize) < 0.01, `${l.text}: a 1-em gap`);
  }
});

test('a byline sets the space after the unit and the name padding as full-width gaps', () => {
  const { lines } = layout(['某区：某项工作']);
  const [byline] = lines('byline');
  assert.equal(byline.text, '（某区人大常委会办公室 蔡 静）');
  const size = 16;
  assert.ok(Math.abs(xOf(byline, '蔡') - xOf(byline, '室') - 2 * size) < 0.01);
  assert.ok(Math.abs(xOf(byline, '静') - xOf(byline, '蔡') - 2 * size) < 0.01);
});

test('a line of a list title too long for the measure wraps at a word boundary, balanced', () => {
  const long = '市人大常委会党组召开理论学习中心组学习会议暨主题教育专题读书班';
  const { lines } = layout([[long, '深入学习贯彻党的二十届三中全会精神']]);
  const titles = lines('title').map((l) => l.text);
  assert.equal(titles.length, 3, titles.join(' / '));
  assert.equal(titles.slice(0, 2).join(''), long);
  assert.equal(titles[2], '深入学习贯彻党的二十届三中全会精神');
  // Not the greedy fill that splits 会|议 (20 + 11 characters).
  assert.ok(!titles[0].endsWith('会') || !titles[1].startsWith('议'), titles.join(' / '));
  assert.ok(Math.abs(titles[0].length - titles[1].length) <= 8, `unbalanced: ${titles.join(' / ')}`);
});

test('a 目录 entry that wraps breaks between words, still justified', () => {
  const titles = [
    '关于进一步加强和改进新时代市县两级人大代表联络站建设、提升代表履职服务保障水平的若干做法与思考',
    '西湖区：“三张清单”推动民生实事项目人大代表票决制落地见效',
    '钱塘区人大常委会听取和审议区政府关于2023年度国有资产管理情况的综合报告',
  ];
  const { lines } = layout(titles);
  const toc = lines('toc').map((l) => l.text);
  for (const [a, b] of [['建', '设'], ['落', '地'], ['资', '产']]) {
    assert.ok(!toc.some((l, i) => l.endsWith(a) && toc[i + 1]?.startsWith(b)), `${a}|${b} split: ${toc.join(' / ')}`);
  }
  // Each wrapped entry's lines still hold the whole title, and its first line is still full.
  const all = toc.join('');
  for (const t of titles) assert.ok(all.replace(/ /g, '').includes(t.replace(/ /g, '')), t);
});

test('sub-heading levels follow GB/T 9704 §7.3.3: 一、 黑体, （一） 楷体, 1. and （1） in the body face', () => {
  const issue: Issue = {
    bulletin: '测试信息', number: 1, publisher: '测试单位编', date: '2024-05-06',
    sections: [{ name: '要闻速递', articles: [{
      title: '标题',
      body: [{ heading: '一、提高政治站位' }, { heading: '（一）健全责任体系' }, { heading: '1.开展隐患排查' }, { heading: '（1）做好人员转移' }, { heading: '2．落实包保责任' }, BODY],
      byline: '某区人大常委会办公室 蔡 静',
    }] }],
  };
  const resolved = vendoredStyles();
  const result = layoutIssue(styleIssue(issue, resolved), composeParagraph);
  const headings = result.galley.filter((r) => r.kind === 'heading').flatMap((r) => r.items.flatMap((i) => (i.kind === 'text' ? [i.line] : [])));
  const face = (l: ComposedLine) => l.runs[0].font.key;
  const role = (r: 'hei' | 'kai' | 'song') => ({ hei: resolved.headings[1], kai: resolved.headings[2], song: resolved.body })[r].fonts[0].key;
  assert.deepEqual(headings.map((l) => [l.text, face(l)]), [
    ['一、提高政治站位', role('hei')],
    ['（一）健全责任体系', role('kai')],
    ['1.开展隐患排查', role('song')],
    ['（1）做好人员转移', role('song')],
    ['2．落实包保责任', role('song')],
  ]);
});
