import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeParagraph } from '../../src/compose/compose.js';
import { song } from './fonts.js';
import { compose, glyphs } from './helpers.js';

const BODY = { measure: 442.205, size: 16, indent: 2, align: 'justify', grid: 28 } as const;

test('a pure-Han paragraph fills a 28-character grid line exactly', () => {
  const text = '杭州市人大常委会研究室编印'.repeat(5);
  const p = composeParagraph([{ text, fonts: [song()] }], BODY);
  assert.equal(p.lines[0].text.length, 26);
  for (const l of p.lines.slice(1, -1)) assert.equal(l.text.length, 28);
  for (const l of p.lines.slice(0, -1)) assert.ok(Math.abs(l.right - 442.205) < 0.01);
  assert.equal(p.lines.map((l) => l.text).join(''), text);
});

test('glyph x positions are pen origins from the measure left edge, indent included', () => {
  const p = composeParagraph([{ text: '中文排版', fonts: [song()] }], { measure: 160, size: 16, indent: 2, align: 'justify' });
  const xs = p.lines[0].runs.flatMap((r) => r.glyphs.map((g) => g.x));
  assert.deepEqual(xs, [32, 48, 64, 80]);
});

test('a space typed between two Han characters is a full-width gap (titles, bylines, padded names)', () => {
  const glyphX = (text: string, opt: Parameters<typeof composeParagraph>[1]) =>
    composeParagraph([{ text, fonts: [song()] }], opt).lines.map((l) => l.runs.flatMap((r) => r.glyphs.map((g) => [g.text, g.x] as const)));
  // Title phrases: 督 at 9 em, one empty em, 维 at 11 em.
  const [title] = glyphX('临安区：强化司法监督 维护司法公正', { measure: 400, size: 22, align: 'left' });
  const x = new Map(title);
  assert.equal(x.get('维')! - x.get('督')!, 2 * 22);
  // A byline: unit, 1 em, a name padded to three characters' width by a 1-em space.
  const [byline] = glyphX('上城区人大常委会办公室 蔡 静', { measure: 442.205, size: 16, align: 'right' });
  const b = new Map(byline);
  assert.equal(b.get('蔡')! - b.get('室')!, 2 * 16);
  assert.equal(b.get('静')! - b.get('蔡')!, 2 * 16, '蔡 静 is as wide as a three-character name');
  assert.ok(Math.abs(b.get('静')! + 16 - 442.205) < 0.01);
  // On the character grid the gap is one cell, so the next character stays on the grid.
  const [grid] = glyphX('甲乙 丙丁', { measure: 442.205, size: 16, align: 'justify', grid: 28 });
  const pitch = 442.205 / 28;
  const g = new Map(grid);
  assert.ok(Math.abs(g.get('丙')! - g.get('甲')! - 3 * pitch) < 1e-6);
  // At a line break the gap vanishes, like any space.
  const broken = composeParagraph([{ text: '临安区：强化司法监督 维护司法公正', fonts: [song()] }], { measure: 12 * 22, size: 22, align: 'center', balance: true });
  assert.deepEqual(broken.lines.map((l) => l.text), ['临安区：强化司法监督', '维护司法公正']);
  assert.ok(Math.abs(broken.lines[1].right - broken.lines[1].left - 6 * 22) < 0.01, 'no blank at the line start');
  // Han–Latin spacing is unchanged: a typed space there is the ¼-em gap.
  const [mixed] = glyphX('中 ABC', { measure: 400, size: 16, align: 'left' });
  assert.equal(new Map(mixed).get('A')! - new Map(mixed).get('中')!, 16 + 4);
});

test('on the grid, a one-glyph 2-em dash ends within its cells, before the next character starts', () => {
  const p = compose('说明么——现在情况', { grid: 28, measure: 442.205, size: 16 });
  const gs = glyphs(p.lines[0]);
  const i = gs.findIndex((g) => g.text.startsWith('—'));
  assert.ok(i >= 0 && i + 1 < gs.length);
  const dash = gs[i];
  assert.ok(dash.x + dash.advance <= gs[i + 1].x + 1e-6, `dash ends at ${dash.x + dash.advance}, next starts at ${gs[i + 1].x}`);
});

test('an interpunct ending a justified line has its glyph box end at the measure (no blank after it)', () => {
  // 约翰·|史密斯 breaks after the 间隔号; its ½-em cell is wider than the dot glyph, and the blank
  // after the dot would leave the line visibly short of the right edge.
  for (const opts of [{ measure: 10 * 16, size: 16, align: 'justify' }, { ...BODY, indent: 0 }] as const) {
    const cells = 'grid' in opts ? opts.grid : 10;
    // Two cells short of a full line: 约 and the ½-em dot fit, 翰 does not.
    const head = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉'.slice(0, cells - 2);
    const p = composeParagraph([{ text: `${head}约·翰史密斯`, fonts: [song()] }], opts);
    const first = p.lines[0];
    assert.ok(first.text.endsWith('约·'), `breaks after the interpunct: ${first.text}`);
    const dot = glyphs(first).find((g) => g.text === '·')!;
    assert.ok(Math.abs(dot.x + dot.advance - opts.measure) < 0.05, `dot box ends at ${dot.x + dot.advance}, measure ${opts.measure}`);
    assert.ok(Math.abs(first.right - opts.measure) < 0.05);
  }
});

test('a mid-line interpunct keeps its centred ½-em cell', () => {
  const p = composeParagraph([{ text: '约翰·史密斯', fonts: [song()] }], { measure: 20 * 16, size: 16, align: 'justify' });
  const gs = glyphs(p.lines[0]);
  const dot = gs.find((g) => g.text === '·')!;
  const han = gs.find((g) => g.text === '翰')!;
  const shi = gs.find((g) => g.text === '史')!;
  assert.ok(Math.abs(shi.x - han.x - 1.5 * 16) < 0.01);
  assert.ok(Math.abs(dot.x + dot.advance / 2 - (han.x + 16 + 4)) < 0.01);
});
