/**
 * The PDF as a print shop and a reader see it: valid (qpdf), fonts embedded and subset
 * (pdffonts), only DeviceCMYK colour operators, boxes, metadata, outline and links, the text
 * extractable in reading order, and the same bytes from the same input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { renderPdf } from '../../src/render/pdf.js';
import { hasTool, layoutSmall, pageContents, run, SMALL_ISSUE, tempPdf } from './helpers.js';

const layout = layoutSmall();
const render = (opts: Partial<Parameters<typeof renderPdf>[1]> = {}) => renderPdf(layout.document, { creator: 'bulletin test', ...opts });

test('the small issue lays out without problems', () => {
  assert.deepEqual(layout.problems, []);
  assert.ok(layout.document.pages.length >= 1);
});

test('two renders of the same layout are byte-identical', async () => {
  const [a, b] = await Promise.all([render(), render()]);
  assert.ok(a.equals(b));
});

test('qpdf finds no problems', { skip: !hasTool('qpdf') && 'qpdf not installed' }, async () => {
  const file = tempPdf(await render());
  const out = run('qpdf', ['--check', file]);
  assert.match(out, /No syntax or stream encoding errors found/);
});

test('every font is embedded and subset', { skip: !hasTool('pdffonts') && 'pdffonts (poppler-utils) not installed' }, async () => {
  const file = tempPdf(await render());
  const rows = run('pdffonts', [file]).trim().split('\n').slice(2);
  assert.ok(rows.length >= 4, 'song, title, masthead, hei and kai are all used');
  for (const row of rows) {
    const cols = row.trim().split(/\s+/);
    const [emb, sub] = cols.slice(-5, -3);
    assert.equal(emb, 'yes', row);
    assert.equal(sub, 'yes', row);
    assert.match(cols[0], /^[A-Z]{6}\+/, row);
  }
});

test('content streams use DeviceCMYK only: k/K operators, no RGB or gray', async () => {
  const contents = pageContents(await render({ compress: false }));
  assert.equal(contents.length, layout.document.pages.length);
  for (const stream of contents) {
    const ops = new Set([...stream.matchAll(/(?:^|\s)(rg|RG|g|G|k|K|cs|CS|sc|SC|scn|SCN)(?=\s|$)/g)].map((m) => m[1]));
    assert.ok(!ops.has('rg') && !ops.has('RG'), 'no RGB colour');
    assert.ok(!ops.has('g') && !ops.has('G'), 'no gray colour');
    assert.ok(ops.has('k'), 'text is coloured with k');
  }
  // Text black is 100 K alone; the masthead red is 0/100/100/0.
  const first = contents[0];
  assert.match(first, /(^|\n)0 0 0 1 k\n/);
  assert.match(first, /(^|\n)0 1 1 0 k\n/);
  assert.match(first, /0 1 1 0 K /);
});

test('text is extracted in reading order', { skip: !hasTool('pdftotext') && 'pdftotext (poppler-utils) not installed' }, async () => {
  const file = tempPdf(await render());
  const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, '');
  const expected = [
    SMALL_ISSUE.bulletin, '第5期（总第700期）', SMALL_ISSUE.publisher, '2024年6月1日',
    '【要闻速递】', '市人大常委会召开2024年第一次会议',
    ...SMALL_ISSUE.sections[0].articles![0].body as string[],
    '（办公室张三）', '【信息摘登】', '某区人大常委会深入学习贯彻会议精神',
    '送：省人大常委会办公厅、研究室', '本期责任编辑：王五', '电话：(0571)85250657', '（共印200份）',
  ].map((s) => s.replace(/\s+/g, ''));
  let from = 0;
  for (const piece of expected) {
    const at = text.indexOf(piece, from);
    assert.ok(at >= 0, `"${piece}" not found after position ${from} in:\n${text}`);
    from = at + piece.length;
  }
});

test('TrimBox is A4 and equals the MediaBox without bleed', { skip: !hasTool('pdfinfo') && 'pdfinfo not installed' }, async () => {
  const file = tempPdf(await render());
  const info = run('pdfinfo', ['-box', file]);
  assert.match(info, /MediaBox:\s+0\.00\s+0\.00\s+595\.28\s+841\.89/);
  assert.match(info, /TrimBox:\s+0\.00\s+0\.00\s+595\.28\s+841\.89/);
});

test('bleed grows the MediaBox and sets a BleedBox around the TrimBox; marks use the registration colour', { skip: !hasTool('pdfinfo') && 'pdfinfo not installed' }, async () => {
  const bleed = 3 * 72 / 25.4;
  const bytes = await render({ bleed, marks: true, compress: false });
  const info = run('pdfinfo', ['-box', tempPdf(bytes)]);
  const box = (name: string) => (new RegExp(`${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`).exec(info) ?? []).slice(1).map(Number);
  const [mx0, my0, mx1, my1] = box('MediaBox');
  const [tx0, ty0, tx1, ty1] = box('TrimBox');
  const [bx0, by0, bx1, by1] = box('BleedBox');
  assert.ok(Math.abs(tx1 - tx0 - 595.28) < 0.02 && Math.abs(ty1 - ty0 - 841.89) < 0.02, 'trim stays A4');
  assert.ok(Math.abs(tx0 - bx0 - bleed) < 0.02 && Math.abs(bx1 - tx1 - bleed) < 0.02 && Math.abs(ty0 - by0 - bleed) < 0.02 && Math.abs(by1 - ty1 - bleed) < 0.02, 'bleed on every side');
  assert.ok(mx0 <= bx0 && my0 <= by0 && mx1 >= bx1 && my1 >= by1, 'media contains the bleed');
  const text = Buffer.from(bytes).toString('latin1');
  assert.match(text, /\/Separation \/All \/DeviceCMYK/);
  assert.match(pageContents(bytes)[0], /\/CSReg CS 1 SCN/);
});

test('metadata: title, author, creator, language, dates from the issue', { skip: !hasTool('pdfinfo') && 'pdfinfo not installed' }, async () => {
  const bytes = await render();
  const info = run('pdfinfo', [tempPdf(bytes)]);
  assert.match(info, /Title:\s+《测试人大信息》第5期（总第700期）/);
  assert.match(info, /Author:\s+测试市人大常委会研究室编/);
  assert.match(info, /Creator:\s+bulletin test/);
  assert.match(info, /CreationDate:\s+Fri May 31 16:00:00 2024 UTC/);
  assert.match(Buffer.from(bytes).toString('latin1'), /\/Lang \(zh-CN\)/);
});

test('bookmarks for each 栏目 and article, and 目录 links to named destinations', async () => {
  const text = Buffer.from(await render({ compress: false })).toString('latin1');
  assert.match(text, /\/Outlines \d+ 0 R/);
  for (const target of ['s1', 's1a1', 's2']) assert.match(text, new RegExp(`/Dest \\(${target}\\)`), `outline to ${target}`);
  assert.match(text, /\/S \/GoTo\s*\/D \(s1a1\)/);
  assert.match(text, /\/S \/GoTo\s*\/D \(s2b\)/);
  assert.match(text, /\/Dests/);
});

test('mutool and Ghostscript read it without complaint', { skip: (!hasTool('mutool') || !hasTool('gs')) && 'mupdf-tools or ghostscript not installed' }, async () => {
  const file = tempPdf(await render());
  const info = run('mutool', ['info', file]);
  assert.match(info, /Pages: \d+/);
  const gs = spawnSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=nullpage', file], { encoding: 'utf8' });
  assert.equal(gs.status, 0);
  assert.equal((gs.stdout + gs.stderr).trim(), '', 'no warnings');
});
