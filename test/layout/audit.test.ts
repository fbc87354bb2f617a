/**
 * The page-layout audit (test/layout/audit.ts) as a property: random but plausible issues —
 * any masthead, edition, publisher, 1–4 栏目 of articles and briefs (or briefs only),
 * subtitles, headerless 栏目, no 目录, a 版记, sometimes a `style:` block — go through the same
 * steps as `bulletin build` (YAML text → loader → theme resolution → model → layout with the
 * real composer and the vendored fonts) and every page must pass the audit: the placement
 * rules, and the vertical rhythm (every body line on the grid, the same space for the same pair
 * of blocks on every page, no loose line unreported, no page short but where it may be). The
 * unit tests below show each audit check firing on a page that breaks it, so the property
 * cannot pass by checking nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { resolveIssueTheme } from '../../src/app/theme-file.js';
import { composeParagraph } from '../../src/compose/compose.js';
import type { Issue } from '../../src/issue/types.js';
import { loadIssueSource } from '../../src/issue/load.js';
import { layoutIssue, type LayoutResult } from '../../src/layout/layout.js';
import { styleIssue } from '../../src/style/model.js';
import type { Styles } from '../../src/style/styles.js';
import type { PageFrame } from '../../src/layout/types.js';
import { auditFrames, auditGrid, auditLayout, auditLoose, auditPages, auditPairs, auditShortPages, type AuditGeometry } from './audit.js';
import { issue } from './audit-issues.js';

// ---- the build path ----

/** Lay out an issue the way `bulletin build` does, from its YAML text. */
function build(data: Issue): { result: LayoutResult; theme: Styles } {
  const loaded = loadIssueSource(stringify(data), '/virtual/audit-issue.yaml');
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  assert.ok(loaded.issue && errors.length === 0, `generated issue rejected: ${errors.map((d) => d.message).join('; ')}`);
  const prepared = resolveIssueTheme(loaded);
  assert.ok(prepared.styles, `generated style rejected: ${prepared.diagnostics.map((d) => d.message).join('; ')}`);
  const theme = prepared.styles;
  return { result: layoutIssue(styleIssue(loaded.issue, theme), composeParagraph, {}), theme };
}

/** The issue on one line, for a failure message. */
const compact = (data: Issue) => JSON.stringify(data);

// AUDIT_RUNS=2000 searches longer (about 50 ms an issue).
test('random issues pass the page-layout audit', () => {
  fc.assert(
    fc.property(issue, (data) => {
      const { result, theme } = build(data);
      const findings = auditLayout(result, theme);
      if (findings.length) assert.fail(`${findings.join('\n')}\nissue: ${compact(data)}`);
    }),
    { numRuns: Number(process.env.AUDIT_RUNS ?? 80), includeErrorInReport: true },
  );
});

/**
 * Found by the property: the galley kept a 栏目 header with the next row only, so when the first
 * brief of a briefs section was one line, page 1 could end with 【信息摘登】 and that single line
 * while the next brief started page 2. A 栏目 header now keeps two lines under it, as a title does.
 */
test('a 栏目 header over one-line briefs keeps two lines under it at a page foot', () => {
  const data: Issue = {
    bulletin: '测试信息', number: 1, publisher: '研究室编', date: '2024-05-06',
    sections: [
      { name: '要闻速递', articles: [{ title: '工作动态', body: [`${'人大'.repeat(127)}。`] }] },
      { name: '信息摘登', briefs: [{ body: ['**湖滨街道**召开代表座谈会。'] }, { body: ['**南星街道**开展代表进网格活动。'] }] },
    ],
  };
  const { result, theme } = build(data);
  assert.deepEqual(auditLayout(result, theme), []);
});

// ---- each check can fail ----

/** One known-good layout, built once, that the tests below spoil one way each. */
const GOOD: Issue = {
  bulletin: '测试信息', edition: '普刊', number: 3, total: 100, publisher: '测试单位编', date: '2024-05-06',
  sections: [
    { name: '要闻速递', articles: [
      { title: '市人大常委会召开主任会议', body: ['会议听取了有关情况的汇报，并就下一步工作作出部署。'.repeat(12), '会议强调，要坚持以人民为中心的发展思想。'.repeat(20)], byline: '办公室 王 某' },
      { title: '代表联络站建设推进会召开', body: ['推进会总结了前一阶段的工作，交流了各地经验做法。'.repeat(30)] },
    ] },
    { name: '信息摘登', briefs: [{ body: ['**湖滨街道**开展代表进网格活动，收集群众意见建议42条。'] }] },
  ],
  footer: { distribution: [{ label: '送', to: ['市委、市人大、市政府领导'] }], editor: '陈 静', phone: '12345678' },
};
let good: { result: LayoutResult; theme: Styles } | undefined;
const goodLayout = () => (good ??= build(GOOD));

/** A copy of a frame list with page `pi`'s items replaced. */
function withItems(frames: readonly PageFrame[], pi: number, items: (f: PageFrame) => PageFrame['items']): PageFrame[] {
  return frames.map((f, i) => (i === pi ? { ...f, items: items(f) } : f));
}

test('the known-good issue passes the audit and spans more than one page', () => {
  const { result, theme } = goodLayout();
  assert.deepEqual(auditLayout(result, theme), []);
  assert.ok(result.pages.length >= 2, `${result.pages.length} page(s)`);
});

test('audit: text moved onto other text is an overlap', () => {
  const { result, theme } = goodLayout();
  const frames = withItems(result.document.pages, 0, (f) => {
    const texts = f.items.filter((i) => i.kind === 'text');
    const [a, b] = texts.slice(-3);
    return f.items.map((i) => (i === b && a.kind === 'text' && b.kind === 'text' ? { ...b, x: a.x, y: a.y + 3 } : i));
  });
  assert.ok(auditFrames(frames, theme).some((m) => m.includes('text overlaps text')), auditFrames(frames, theme).join('\n'));
});

test('audit: a rule moved onto a line of text runs through it', () => {
  const { result, theme } = goodLayout();
  const frames = withItems(result.document.pages, 1, (f) => {
    const line = f.items.find((i) => i.kind === 'text');
    assert.ok(line && line.kind === 'text');
    return [...f.items, { kind: 'rule', x: line.x, y: line.y - 5, width: 100, weight: 0.5, color: [0, 0, 0, 100] }];
  });
  assert.ok(auditFrames(frames, theme).some((m) => m.includes('rule at')));
});

test('audit: a line shifted sideways leaves the type area', () => {
  const { result, theme } = goodLayout();
  // The widest line of page 1 (a justified body line), moved 30pt to the right.
  const frames = withItems(result.document.pages, 0, (f) => {
    const width = (i: PageFrame['items'][number]) => (i.kind === 'text' ? i.line.right - i.line.left : 0);
    const widest = f.items.reduce((a, b) => (width(b) > width(a) ? b : a));
    return f.items.map((i) => (i === widest ? { ...i, x: i.x + 30 } : i));
  });
  assert.ok(auditFrames(frames, theme).some((m) => m.includes('outside the type area')));
  // The type area is taken per page (mirrored margins): unchanged frames checked against a
  // geometry whose even pages sit 20pt further right fail on page 2.
  const mirrored: AuditGeometry = { ...theme, page: { ...theme.page, typeLeft: (n) => (n % 2 ? theme.page.typeLeft(n) : theme.page.typeLeft(n) + 20) } };
  assert.ok(auditFrames(result.document.pages, mirrored).some((m) => m.startsWith('p2:') && m.includes('outside the type area')));
});

test('audit: a page holding only its folio is reported', () => {
  const { result, theme } = goodLayout();
  const bottom = theme.page.typeBottom;
  const frames = withItems(result.document.pages, 1, (f) => f.items.filter((i) => i.kind === 'text' && i.y > bottom));
  assert.equal(frames[1].items.length, 1, 'the folio is left');
  assert.deepEqual(auditFrames(frames, theme), ['p2: nothing on the page but the folio']);
});

test('audit: a page cut after a title, a 栏目 header, a sub-heading or the masthead is reported', () => {
  const { result, theme } = goodLayout();
  const rows = result.galley;
  for (const kind of ['title', 'section', 'masthead'] as const) {
    const k = rows.findIndex((r) => r.kind === kind);
    assert.ok(k >= 0, `no ${kind} row`);
    // Cut page 1 right after row k; the rest goes on a page of its own.
    const first = result.pages[0];
    const pages = [
      { ...first, end: k + 1, baselines: first.baselines.slice(0, k + 1 - first.start) },
      { start: k + 1, end: rows.length, baselines: rows.slice(k + 1).map(() => 0), leftover: 0 },
    ];
    const findings = auditPages(rows, pages as typeof result.pages, theme);
    const expected = `ends with the ${kind}`;
    assert.ok(findings.some((m) => m.startsWith('p1:') && m.includes(expected)), `${kind}: ${findings.join('\n')}`);
  }
  const renamed = rows.map((r) => (r.kind === 'title' ? { ...r, kind: 'heading' as const } : r));
  const k = renamed.findIndex((r) => r.kind === 'heading');
  const first = result.pages[0];
  const cut = [{ ...first, end: k + 1, baselines: first.baselines.slice(0, k + 1) }, { start: k + 1, end: rows.length, baselines: rows.slice(k + 1).map(() => 0), leftover: 0 }];
  assert.ok(auditPages(renamed, cut as typeof result.pages, theme).some((m) => m.includes('ends with the heading')));
});

test('audit: a title separated from its second line is reported', () => {
  const { result, theme } = goodLayout();
  const rows = result.galley;
  const k = rows.findIndex((r) => r.kind === 'title');
  let first = k + 1;
  while (rows[first].kind === 'title') first++;
  // Cut after the title's first line: title + 1 line on page 1.
  const p0 = result.pages[0];
  const pages = [
    { ...p0, end: first + 1, baselines: p0.baselines.slice(0, first + 1) },
    { start: first + 1, end: rows.length, baselines: rows.slice(first + 1).map(() => 0), leftover: 0 },
  ];
  const findings = auditPages(rows, pages as typeof result.pages, theme);
  assert.ok(findings.some((m) => m.includes('separated from its line 2')), findings.join('\n'));
});

test('audit: a 版记 lifted off the type-area bottom, or not on the last page, is reported', () => {
  const { result, theme } = goodLayout();
  const rows = result.galley;
  const last = result.pages.at(-1)!;
  const lifted = [...result.pages.slice(0, -1), { ...last, baselines: last.baselines.map((b, i) => (last.start + i === rows.length - 1 ? b - 12 : b)) }];
  assert.ok(auditPages(rows, lifted, theme).some((m) => m.startsWith('版记 last rule at')));
  // The same rows with an extra (empty-handed) page after the 版记.
  const extra = [...result.pages, { start: rows.length, end: rows.length, baselines: [], leftover: 0 }];
  const findings = auditPages(rows, extra as typeof result.pages, theme);
  assert.ok(findings.some((m) => m.startsWith(`版记 on p${result.pages.length} of`)), findings.join('\n'));
  assert.ok(findings.some((m) => m.includes('empty')));
});

test('audit: a row pushed below the type area is an overfull page', () => {
  const { result, theme } = goodLayout();
  const p0 = result.pages[0];
  const pages = [{ ...p0, baselines: p0.baselines.map((b, i) => (i === p0.baselines.length - 1 ? theme.page.typeHeight + 10 : b)) }, ...result.pages.slice(1)];
  assert.ok(auditPages(result.galley, pages, theme).some((m) => m.startsWith('p1:') && m.includes('below the type area')));
});

test('audit: a paragraph cut with one line alone at a page foot or top is an orphan or a widow', () => {
  const { result, theme } = goodLayout();
  const rows = result.galley;
  // A paragraph of four lines or more: cut it after its first line, then before its last.
  const k = rows.findIndex((r, i) => r.kind === 'body' && i > 0 && rows[i - 1].block !== r.block && rows.slice(i, i + 4).every((x) => x.block === r.block));
  assert.ok(k > 0);
  let n = 0;
  while (rows[k + n]?.block === rows[k].block) n++;
  for (const [cut, word] of [[k + 1, 'orphan'], [k + n - 1, 'widow']] as const) {
    const pages = [{ start: 0, end: cut, baselines: rows.slice(0, cut).map(() => 0), cells: [], short: 0, leftover: 0 }, { start: cut, end: rows.length, baselines: rows.slice(cut).map(() => 0), cells: [], short: 0, leftover: 0 }];
    assert.ok(auditPages(rows, pages, theme).some((m) => m.includes(word)), word);
  }
});

test('audit: a body line moved off the grid is reported', () => {
  const { result, theme } = goodLayout();
  assert.deepEqual(auditGrid(result.galley, result.pages, theme), []);
  const p = result.pages[1];
  const k = result.galley.slice(p.start, p.end).findIndex((r) => r.grid);
  const pages = result.pages.map((page, i) => (i === 1 ? { ...page, baselines: page.baselines.map((b, j) => (j === k ? b + 3 : b)) } : page));
  const findings = auditGrid(result.galley, pages, theme);
  assert.equal(findings.length, 1, findings.join('\n'));
  assert.match(findings[0], /^p2: .* off the grid by 3\.00pt$/);
});

test('audit: the same pair of blocks set further apart on one page is reported', () => {
  const { result } = goodLayout();
  assert.deepEqual(auditPairs(result.galley, result.pages), []);
  // Move the second article's title (and what follows it on its page) down 3 pt.
  const rows = result.galley;
  const titles = rows.map((r, k) => (r.kind === 'title' ? k : -1)).filter((k) => k >= 0);
  const t = titles[1];
  const pi = result.pages.findIndex((p) => t >= p.start && t < p.end);
  const pages = result.pages.map((page, i) => (i === pi ? { ...page, baselines: page.baselines.map((b, j) => (page.start + j === t ? b + 3 : b)) } : page));
  // Title to text is the pair that occurs on both pages: now 3 pt apart.
  const findings = auditPairs(rows, pages);
  assert.deepEqual(findings.map((m) => m.split(':')[0]), ['title→body'], findings.join('\n'));
  assert.match(findings[0], /^title→body: 39\.1–42\.1pt apart/);
});

test('audit: a line spaced looser than body.maxSpacing is reported unless the layout said so', () => {
  const { result, theme } = goodLayout();
  assert.deepEqual(auditLoose(result.document.pages, theme, result.problems), []);
  const size = theme.body.size;
  const body = result.document.pages[0].items.findIndex((i) => i.kind === 'text' && i.line.runs[0]?.size === size && i.line.text.length > 20);
  const loose = withItems(result.document.pages, 0, (f) => f.items.map((i, k) => (k === body && i.kind === 'text' ? { ...i, line: { ...i.line, spacing: 0.3 * size } } : i)));
  const line = loose[0].items[body];
  assert.ok(line.kind === 'text');
  const findings = auditLoose(loose, theme, result.problems);
  assert.equal(findings.length, 1, findings.join('\n'));
  assert.match(findings[0], /^p1: .* spaced 0\.300 em, unreported$/);
  assert.deepEqual(auditLoose(loose, theme, [{ code: 'loose-line', message: `line 1 is set loose: “${line.line.text}”` }]), []);
});

test('audit: a page ending short inside a paragraph, or between paragraphs unreported, is reported', () => {
  const { result } = goodLayout();
  const rows = result.galley;
  const lines = 22;
  assert.deepEqual(auditShortPages(rows, result.pages, lines, result.problems), []);
  /** The pages with page `pi` ending at row `end` instead, the rest going on the next page. */
  const cut = (pi: number, end: number) => result.pages.map((p, i) => (i === pi ? { ...p, end, baselines: p.baselines.slice(0, end - p.start) } : i === pi + 1 ? { ...p, start: end, baselines: [...rows.slice(end, p.start).map(() => 0), ...p.baselines] } : p));
  const pageOf = (k: number) => result.pages.findIndex((p) => k >= p.start && k < p.end);
  const isBody = (k: number) => rows[k]?.kind === 'body';
  // Inside a paragraph: a row whose neighbours are lines of the same paragraph, on a page with a page after it.
  const inside = rows.findIndex((r, k) => isBody(k) && isBody(k - 1) && rows[k - 1].block === r.block && pageOf(k) === pageOf(k - 1) && pageOf(k) < result.pages.length - 1);
  assert.ok(inside > 0);
  assert.ok(auditShortPages(rows, cut(pageOf(inside), inside), lines, []).some((m) => m.includes('inside a paragraph')));
  // Between two paragraphs of one article.
  const between = rows.findIndex((r, k) => isBody(k) && isBody(k - 1) && rows[k - 1].block !== r.block && !r.starts && pageOf(k) === pageOf(k - 1) && pageOf(k) < result.pages.length - 1);
  assert.ok(between > 0, 'a paragraph begins inside a page');
  const pi = pageOf(between);
  const p = result.pages[pi];
  const missing = lines - (rows[p.start].lines + rows.slice(p.start + 1, between).reduce((n, r) => n + r.spaceBefore + r.lines, 0));
  const findings = auditShortPages(rows, cut(pi, between), lines, []);
  assert.ok(findings.some((m) => m.startsWith(`p${pi + 1}: `) && m.includes('unreported')), findings.join('\n'));
  assert.deepEqual(auditShortPages(rows, cut(pi, between), lines, [{ code: 'short-page', message: '', page: pi + 1, short: missing }]), []);
});

test('the genres lay out and pass the audit: a subtitle, no 目录, a headerless 栏目, a 目录 of brief leads', () => {
  const one: Issue = {
    bulletin: '社情民意', number: 1, publisher: '研究室编', date: '2024-05-06', toc: false,
    sections: [{ name: '社情民意', header: false, articles: [{ title: '关于加强农村养老服务的建议', subtitle: '基于12个乡镇的调研', body: ['调研发现，农村养老服务设施建设存在不足。'.repeat(20), '为此，建议加快推进。'.repeat(30)], byline: '市政协委员 王某' }] }],
    footer: { distribution: [{ label: '送', to: ['市委、市政府领导'] }], editor: '许某' },
  };
  const a = build(one);
  assert.deepEqual(auditLayout(a.result, a.theme), []);
  assert.ok(!a.result.galley.some((r) => r.kind === 'toc' || r.kind === 'section'), 'no 目录, no header');
  assert.equal(a.result.galley[1].kind, 'title', 'the title right under the masthead');
  const title = a.result.galley[1].items.filter((i) => i.kind === 'text').map((i) => i.line.text);
  assert.equal(title.at(-1), '——基于12个乡镇的调研');
  const briefs: Issue = {
    bulletin: '廉政简报', number: 2, publisher: '纪委办公室编', date: '2024-06-12',
    sections: [{ name: '工作动态', briefs: [{ body: ['**县纪委监委**召开全县纪检监察工作推进会，通报有关情况。'] }, { body: ['**县委巡察办**扎实推进巡察工作。'] }] }],
  };
  const b = build(briefs);
  assert.deepEqual(auditLayout(b.result, b.theme), []);
  const page1 = b.result.document.pages[0].items.filter((i) => i.kind === 'text').map((i) => i.line.text);
  assert.ok(page1.includes('本期要目') && page1.includes('县纪委监委召开全县纪检监察工作推进会') && page1.includes('县委巡察办扎实推进巡察工作'), page1.join(' | '));
  assert.ok(!page1.some((t) => /2则/.test(t)));
});
