/**
 * 报头: the imprint line (编印单位 left, date right) never overlaps, however long the office's
 * name; a short one stays on one line with the date.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMasthead } from '../../src/layout/masthead.js';
import { type Block, styleIssue } from '../../src/style/model.js';
import type { LayoutContext } from '../../src/layout/setting.js';
import type { RowText } from '../../src/layout/paginate.js';
import type { ComposedLine } from '../../src/compose/types.js';
import { fakeCompose, fakeTheme } from './helpers.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveIssueTheme } from '../../src/app/theme-file.js';
import { composeParagraph } from '../../src/compose/compose.js';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { loadIssueSource } from '../../src/issue/load.js';

function masthead(publisher: string, date = '2025年12月1日') {
  const ctx: LayoutContext = { styles: fakeTheme(), compose: fakeCompose, problems: [] };
  const block: Extract<Block, { kind: 'masthead' }> = { kind: 'masthead', name: '湖滨街道工作简报', numberLine: '第21期', publisher, date, source: [], style: ctx.styles.masthead };
  const row = buildMasthead(ctx, block);
  const texts = row.items.filter((i): i is RowText<ComposedLine> => i.kind === 'text');
  const pub = texts.filter((i) => publisher.startsWith(i.line.text) || publisher.includes(i.line.text));
  const dateItem = texts.find((i) => i.line.text === date)!;
  return { row, ctx, pub, date: dateItem, width: ctx.styles.page.typeWidth };
}

test('a publisher and date that fit share one line, publisher flush left and date flush right', () => {
  const m = masthead('杭州市人大常委会研究室编');
  assert.equal(m.pub.length, 1);
  assert.equal(m.pub[0].dy, m.date.dy);
  assert.ok(Math.abs(m.pub[0].x + m.pub[0].line.left) < 0.01);
  assert.ok(Math.abs(m.date.x + m.date.line.right - m.width) < 0.01);
});

test('a publisher too long to share its line with the date wraps before the date instead of running into it', () => {
  // 21 characters + the 9-character date do not fit the 28-character line.
  const m = masthead('中共杭州市上城区湖滨街道工作委员会办公室编');
  assert.ok(m.pub.length >= 2, `the publisher wraps (${m.pub.map((p) => p.line.text).join('|')})`);
  assert.equal(m.pub.map((p) => p.line.text).join(''), '中共杭州市上城区湖滨街道工作委员会办公室编');
  const size = m.ctx.styles.body.size;
  const dateLeft = m.date.x + m.date.line.left;
  for (const p of m.pub) {
    const sameLine = Math.abs(p.dy - m.date.dy) < 0.01;
    if (sameLine) assert.ok(p.x + p.line.right + size * 0.99 <= dateLeft, `“${p.line.text}” keeps a character's gap before the date`);
  }
  // The date sits on the publisher's last line; the lines do not overlap each other.
  assert.equal(m.pub[m.pub.length - 1].dy, m.date.dy);
  for (let k = 1; k < m.pub.length; k++) assert.ok(m.pub[k].dy - m.pub[k - 1].dy >= size, 'wrapped lines are a line apart');
  // The masthead grew by the extra line: its rules stay under the imprint.
  const rules = m.row.items.filter((i) => i.kind === 'rule');
  for (const r of rules) assert.ok(r.dy > m.date.dy, 'rules under the imprint');
});

function editionLine(edition: string) {
  const ctx: LayoutContext = { styles: fakeTheme(), compose: fakeCompose, problems: [] };
  const block: Extract<Block, { kind: 'masthead' }> = { kind: 'masthead', name: '政协信息', edition, numberLine: '第7期', publisher: '某单位编', date: '2025年7月15日', source: [], style: ctx.styles.masthead };
  const row = buildMasthead(ctx, block);
  const item = (row.items as (RowText<ComposedLine> | { kind: 'rule' })[]).find((i): i is RowText<ComposedLine> => i.kind === 'text' && i.line.text.includes(edition))!;
  const xs = item.line.runs.flatMap((r) => Array.from({ length: r.length }, (_, k) => r.xs[k]));
  return { item, xs, width: ctx.styles.page.typeWidth, size: ctx.styles.body.size };
}

test('an edition label is letter-spaced by the theme (1 em) when it fits', () => {
  const { item, xs, size } = editionLine('专刊');
  assert.equal(item.line.text, '（专刊）');
  assert.ok(Math.abs(xs[2] - xs[1] - 2 * size) < 0.01, 'one em between 专 and 刊');
});

test('a long edition label is letter-spaced only as far as the type area allows, and stays inside it', () => {
  const { item, width } = editionLine('学习贯彻党的二十届四中全会精神专刊');
  assert.ok(item.x + item.line.left >= -0.01, `starts at ${(item.x + item.line.left).toFixed(1)}`);
  assert.ok(item.x + item.line.right <= width + 0.01, `ends at ${(item.x + item.line.right).toFixed(1)} of ${width.toFixed(1)}`);
});

test('at an imprint size that leaves too little room beside the date, the date takes a line of its own under the 编印单位', () => {
  const ctx: LayoutContext = { styles: fakeTheme({ masthead: { imprint: { size: '小初' } } }), compose: fakeCompose, problems: [] };
  const publisher = '中共杭州市上城区湖滨街道工作委员会办公室编';
  const block: Extract<Block, { kind: 'masthead' }> = { kind: 'masthead', name: '简报', numberLine: '第1期', publisher, date: '2025年12月1日', source: [], style: ctx.styles.masthead };
  const row = buildMasthead(ctx, block);
  const texts = (row.items as (RowText<ComposedLine> | { kind: 'rule' })[]).filter((i): i is RowText<ComposedLine> => i.kind === 'text');
  const dateItem = texts.find((i) => i.line.text === '2025年12月1日')!;
  const pub = texts.filter((i) => publisher.includes(i.line.text) && i.line.text.length > 1);
  assert.equal(pub.map((p) => p.line.text).join(''), publisher, 'nothing of the publisher is lost');
  for (const p of pub) assert.ok(p.dy < dateItem.dy, `“${p.line.text}” is above the date`);
  for (const r of row.items.filter((i) => i.kind === 'rule')) assert.ok(r.dy > dateItem.dy, 'rules under the date');
});

test('the edition line （普　刊） is centred on its ink: both brackets half width, the ink’s centre on the axis', () => {
  // The real composer and fonts: the （ glyph's ink sits in the right half of its em, the ）'s
  // in the left half, so only with both blank halves trimmed is the ink symmetric.
  const source = readFileSync(join(PACKAGE_ROOT, 'test/fixtures/issues/minimal.yaml'), 'utf8').replace('number: 1', 'edition: 普刊\nnumber: 1');
  const loaded = loadIssueSource(source, join(PACKAGE_ROOT, 'edition.yaml'));
  const styles = resolveIssueTheme(loaded).styles!;
  const ctx: LayoutContext = { styles, compose: composeParagraph, problems: [] };
  const block = styleIssue(loaded.issue!, styles).blocks.find((b): b is Extract<Block, { kind: 'masthead' }> => b.kind === 'masthead')!;
  const row = buildMasthead(ctx, block);
  const item = (row.items as (RowText<ComposedLine> | { kind: 'rule' })[]).find((i): i is RowText<ComposedLine> => i.kind === 'text' && i.line.text.includes('普'))!;
  const glyphs = item.line.runs.flatMap((r) => r.glyphs.map((g) => ({ ...g, run: r })));
  const ink = (k: number) => {
    const { run, id, x } = glyphs[k];
    const box = run.font.inkBox(id)!;
    const scale = run.size / run.font.unitsPerEm;
    return { from: item.x + x + box.minX * scale, to: item.x + x + box.maxX * scale };
  };
  const left = ink(0).from, right = ink(glyphs.length - 1).to;
  const axis = styles.page.typeWidth / 2;
  assert.ok(Math.abs((left + right) / 2 - axis) < 0.5, `ink ${left.toFixed(2)}–${right.toFixed(2)}, centre ${((left + right) / 2).toFixed(2)}, axis ${axis.toFixed(2)}`);
});
