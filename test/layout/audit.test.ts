/**
 * The page-layout audit (test/layout/audit.ts) as a property: random but plausible issues —
 * any masthead, edition, publisher, 1–4 栏目 of articles and briefs, a 版记, sometimes a
 * `style:` block — go through the same steps as `bulletin build` (YAML text → loader →
 * theme resolution → model → layout with the real composer and the vendored fonts) and every
 * page must pass the audit. The unit tests below show each audit check firing on a page that
 * breaks it, so the property cannot pass by checking nothing.
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
import { auditFrames, auditLayout, auditPages, type AuditGeometry } from './audit.js';
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

// AUDIT_RUNS=2000 searches longer (about 30 ms an issue).
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

test('audit: a page cut after a title, a 栏目 header, a sub-heading, the 目录 heading or the masthead is reported', () => {
  const { result, theme } = goodLayout();
  const rows = result.galley;
  for (const kind of ['title', 'section', 'masthead', 'toc'] as const) {
    const k = rows.findIndex((r) => r.kind === kind && (kind !== 'toc' || r.label === theme.toc.heading));
    assert.ok(k >= 0, `no ${kind} row`);
    // Cut page 1 right after row k; the rest goes on a page of its own.
    const first = result.pages[0];
    const pages = [
      { ...first, end: k + 1, baselines: first.baselines.slice(0, k + 1 - first.start) },
      { start: k + 1, end: rows.length, baselines: rows.slice(k + 1).map(() => 0), leftover: 0 },
    ];
    const findings = auditPages(rows, pages as typeof result.pages, theme);
    const expected = kind === 'toc' ? 'ends with the 目录 heading' : `ends with the ${kind}`;
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
