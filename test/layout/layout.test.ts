/**
 * Placement rules on the layout model (no PDF): masthead only on page 1, a heading never last
 * on a page, titles with two body lines under them, no widows or orphans, the 版记 at the foot of
 * the last page, folios by parity, the first article on page 1. Lines come from a fake
 * composer so each test chooses how long every paragraph is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Issue, Section } from '../../src/issue/types.js';
import { layoutIssue, type LayoutResult } from '../../src/layout/layout.js';
import { styleIssue } from '../../src/style/model.js';
import type { RuleItem, TextItem } from '../../src/layout/types.js';
import { fakeCompose, fakeTheme, issueWith, paragraphOfLines } from './helpers.js';

function layout(issue: Issue, override: Record<string, unknown> = {}): { result: LayoutResult; theme: ReturnType<typeof fakeTheme> } {
  const theme = fakeTheme(override);
  return { result: layoutIssue(styleIssue(issue, theme), fakeCompose), theme };
}

function article(title: string | string[], paragraphs: number[], byline = '某某单位 某某'): NonNullable<Section['articles']>[number] {
  return { title, body: paragraphs.map((n, i) => paragraphOfLines(n, '文字句段'[i % 4])), byline };
}

/** Which page each galley row is on. */
function pageOfRows(result: LayoutResult): number[] {
  const pageOf: number[] = [];
  result.pages.forEach((p, pi) => { for (let k = p.start; k < p.end; k++) pageOf[k] = pi; });
  return pageOf;
}

/** Every placement rule the layout promises, checked on one result. */
function assertPlacementRules(result: LayoutResult, theme: ReturnType<typeof fakeTheme>): void {
  const rows = result.galley;
  const pageOf = pageOfRows(result);
  const pages = result.pages;
  assert.equal(pageOf.length, rows.length, 'every row is on a page');

  // Masthead only on page 1, first thing there.
  rows.forEach((r, k) => { if (r.kind === 'masthead') assert.equal(pageOf[k], 0); });
  assert.equal(rows[0].kind, 'masthead');

  // A heading-like row is never the last row of a page.
  pages.forEach((p, pi) => {
    const last = rows[p.end - 1];
    // (a 目录 too long for one page may go on, row by row, on the next)
    const tocGoesOn = last.kind === 'toc' && rows[p.end]?.kind === 'toc';
    if (pi < pages.length - 1 && !tocGoesOn) assert.ok(!['title', 'section', 'heading'].includes(last.kind), `page ${pi + 1} ends with a ${last.kind}: ${last.label}`);
  });

  // A title has (up to) two body lines after it on its page, when the article has them.
  rows.forEach((r, k) => {
    if (r.kind !== 'title' || rows[k + 1]?.kind === 'title') return;
    let i = k + 1;
    while (i < k + 3 && rows[i]?.kind === 'body') {
      assert.equal(pageOf[i], pageOf[k], `title "${r.label}" is separated from its first lines`);
      i++;
    }
  });

  // No widow or orphan: a paragraph split across pages has at least two lines on each side.
  const byBlock = new Map<number, number[]>();
  rows.forEach((r, k) => { if (r.kind === 'body' && r.block !== undefined) byBlock.set(r.block, [...(byBlock.get(r.block) ?? []), k]); });
  for (const ks of byBlock.values()) {
    for (let i = 1; i < ks.length; i++) {
      if (pageOf[ks[i]] !== pageOf[ks[i - 1]]) {
        assert.ok(i >= 2, `orphan: paragraph ${rows[ks[0]].label} leaves ${i} line at a page foot`);
        assert.ok(ks.length - i >= 2, `widow: paragraph ${rows[ks[0]].label} carries ${ks.length - i} line to the next page`);
      }
    }
  }

  // A byline stays on the page of the text it signs.
  rows.forEach((r, k) => { if (r.kind === 'byline' && k > 0 && rows[k - 1].kind === 'body') assert.equal(pageOf[k], pageOf[k - 1]); });

  // Every row inside the type area.
  for (const p of pages) {
    for (let k = p.start; k < p.end; k++) {
      const base = p.baselines[k - p.start];
      assert.ok(base - rows[k].ascent >= -0.01, 'row above the type area');
      assert.ok(base + rows[k].descent <= theme.page.typeHeight + 0.01, `row below the type area: ${rows[k].label}`);
    }
  }

  // Footer: last row, on the last page, its last rule on the 版心 bottom.
  const frames = result.document.pages;
  const footerIndex = rows.findIndex((r) => r.kind === 'footer');
  if (footerIndex >= 0) {
    assert.equal(footerIndex, rows.length - 1);
    assert.equal(pageOf[footerIndex], pages.length - 1);
    const rules = frames[frames.length - 1].items.filter((i): i is RuleItem => i.kind === 'rule');
    const lowest = Math.max(...rules.map((r) => r.y));
    assert.ok(Math.abs(lowest - theme.page.typeBottom) < 0.01, `last rule at ${lowest}, 版心 bottom at ${theme.page.typeBottom}`);
  }

  // Folios: one per page, under the type area, right on odd pages and left on even ones.
  const inset = theme.body.size * 14 / 16; // 1 em of 四号
  frames.forEach((frame) => {
    const folios = frame.items.filter((i): i is TextItem => i.kind === 'text' && i.y > theme.page.typeBottom);
    assert.equal(folios.length, 1, `page ${frame.number} has ${folios.length} folios`);
    const f = folios[0];
    assert.equal(f.line.text.replace(/\s/g, ''), `—${frame.number}—`);
    const left = theme.page.typeLeft(frame.number);
    if (frame.number % 2 === 1) assert.ok(Math.abs(f.x + f.line.right - (left + theme.page.typeWidth - inset)) < 0.01, 'odd folio one character in from the right');
    else assert.ok(Math.abs(f.x + f.line.left - (left + inset)) < 0.01, 'even folio one character in from the left');
  });
}

const SAMPLE: Section[] = [
  { name: '要闻速递', articles: [article('第一篇文章的标题', [3, 6, 9, 5]), article('第二篇文章的标题', [2, 7, 8])] },
  { name: '监督纵横', articles: [article(['两行标题的第一行', '两行标题的第二行'], [4, 1, 12, 6])] },
  { name: '信息摘登', briefs: [{ body: ['**某区人大常委会**' + paragraphOfLines(4)], byline: '某区 某某' }, { body: [paragraphOfLines(3)], byline: '某县 某某' }] },
];

test('the sample issue obeys every placement rule', () => {
  const { result, theme } = layout(issueWith(SAMPLE));
  assertPlacementRules(result, theme);
  assert.ok(result.document.pages.length >= 3);
});

test('the first article starts on page 1 under the 目录 when a header, title and two lines fit', () => {
  const { result } = layout(issueWith(SAMPLE));
  const pageOf = pageOfRows(result);
  const firstTitle = result.galley.findIndex((r) => r.kind === 'title');
  assert.equal(pageOf[firstTitle], 0);
  const firstBody = result.galley.findIndex((r) => r.kind === 'body');
  assert.equal(pageOf[firstBody + 1], 0);
});

test('when the 目录 leaves no room for a header, a title and two lines, the first article starts on page 2', () => {
  // Eight 栏目 with two-line 目录 entries fill most of page 1.
  const many: Section[] = Array.from({ length: 8 }, (_, i) => ({
    name: `栏目${i + 1}`, articles: [article('很长的标题'.repeat(8), [3])],
  }));
  const { result, theme } = layout(issueWith(many));
  const pageOf = pageOfRows(result);
  const firstTitle = result.galley.findIndex((r) => r.kind === 'title');
  assert.equal(pageOf[firstTitle], 1);
  assertPlacementRules(result, theme);
});

test('pages are filled with whole lines: a page ends short before a new 栏目, article or brief, or says why, never stretched', () => {
  const { result, theme } = layout(issueWith(SAMPLE));
  const rows = result.galley;
  const reported = result.problems.filter((p) => p.code === 'short-page').map((p) => p.message);
  result.pages.slice(0, -1).forEach((p, i) => {
    const next = rows[p.end];
    // (The fake composer cannot set a paragraph in another number of lines: page 1 cannot be
    // filled without leaving one line of the next paragraph alone, and is reported.)
    if (p.short > 0 && next.starts === undefined) assert.ok(reported.some((m) => m.startsWith(`page ${i + 1} ends ${p.short} line`)), `page ${i + 1} ends ${p.short} lines short before a ${next.kind}, unreported`);
    if (p.short > 0 && next.kind === 'body' && next.block === rows[p.end - 1].block) assert.fail(`page ${i + 1} ends short inside a paragraph`);
    // No stretching: every row on a grid line, one pitch per line.
    p.baselines.forEach((b, k) => {
      const row = rows[p.start + k];
      if (!row.foot) assert.ok(Math.abs(b - theme.body.size * theme.baseline - p.cells[k] * theme.pitch) < 1e-6);
    });
  });
});

test('the 版记 goes to a new page, at its foot, when it does not fit under the last text', () => {
  // Enough text to end exactly at a page foot.
  for (const lines of [15, 16, 17, 18, 19, 20, 21]) {
    const { result, theme } = layout(issueWith([{ name: '栏目', articles: [article('标题', [lines, 20, 20])] }]));
    assertPlacementRules(result, theme);
  }
});

test('an issue without a footer or briefs still lays out', () => {
  const { result, theme } = layout(issueWith([{ name: '栏目', articles: [article('标题', [5])] }], { footer: undefined }));
  assertPlacementRules(result, theme);
  assert.equal(result.document.pages.length, 1);
});

test('mirrored margins move the type area on even pages', () => {
  const { result, theme } = layout(issueWith(SAMPLE), { page: { mirror: true } });
  assertPlacementRules(result, theme);
  assert.notEqual(theme.page.typeLeft(1), theme.page.typeLeft(2));
  const even = result.document.pages[1].items.find((i): i is TextItem => i.kind === 'text')!;
  assert.ok(even.x >= theme.page.typeLeft(2) - 0.01 && even.x < theme.page.typeLeft(1));
});

test('placement rules hold for random issues', () => {
  const para = fc.integer({ min: 1, max: 14 });
  const art = fc.record({
    lines: fc.array(para, { minLength: 1, maxLength: 6 }),
    twoLineTitle: fc.boolean(),
    byline: fc.boolean(),
  });
  const sec = fc.record({
    articles: fc.array(art, { minLength: 0, maxLength: 3 }),
    briefs: fc.array(fc.array(para, { minLength: 1, maxLength: 2 }), { minLength: 0, maxLength: 3 }),
  }).filter((s) => s.articles.length + s.briefs.length > 0);
  fc.assert(fc.property(fc.array(sec, { minLength: 1, maxLength: 5 }), fc.boolean(), (secs, footer) => {
    const sections: Section[] = secs.map((s, si) => ({
      name: `栏目${si}`,
      articles: s.articles.length ? s.articles.map((a, ai) => ({
        title: a.twoLineTitle ? [`标题${si}${ai}上`, `标题${si}${ai}下`] : `标题${si}${ai}`,
        body: a.lines.map((n, pi) => paragraphOfLines(n, '文字句段'[pi % 4])),
        byline: a.byline ? '某单位 某某' : undefined,
      })) : undefined,
      briefs: s.briefs.length ? s.briefs.map((b) => ({ body: b.map((n) => paragraphOfLines(n)), byline: '某单位' })) : undefined,
    }));
    const { result, theme } = layout(issueWith(sections, footer ? {} : { footer: undefined }));
    assertPlacementRules(result, theme);
  }), { numRuns: 60, seed: 690 });
});

test('a character no font has is reported with where it came from', () => {
  const theme = fakeTheme();
  const issue = issueWith([{ name: '栏目', articles: [article('标题', [2])] }]);
  issue.sections[0].articles![0].body = ['有个字𠀀在这里'];
  // Fake fonts lack nothing; swap in a composer that reports 𠀀 missing.
  const result = layoutIssue(styleIssue(issue, theme), (spans, options) => {
    const out = fakeCompose(spans, options);
    const text = spans.map((s) => s.text).join('');
    const i = text.indexOf('𠀀');
    return i >= 0 ? { ...out, missing: [{ char: '𠀀', codePoint: 0x20000, index: i }] } : out;
  });
  assert.equal(result.problems.length, 1);
  assert.equal(result.problems[0].code, 'missing-glyph');
  assert.deepEqual(result.problems[0].source, ['sections', 0, 'articles', 0, 'body', 0]);
  assert.match(result.problems[0].message, /U\+20000/);
});

test('a title longer than the theme allows is an error naming it', () => {
  const { result } = layout(issueWith([{ name: '栏目', articles: [article('很长'.repeat(40), [3])] }]));
  const p = result.problems.find((x) => x.code === 'title-too-long');
  assert.ok(p);
  assert.deepEqual(p.source, ['sections', 0, 'articles', 0, 'title']);
});

test('outline has each 栏目 with its articles, and anchors exist for every target', () => {
  const { result } = layout(issueWith(SAMPLE));
  const outline = result.document.outline;
  assert.deepEqual(outline.map((o) => o.title), ['要闻速递', '监督纵横', '信息摘登']);
  assert.deepEqual(outline[1].children.map((c) => c.title), ['两行标题的第一行 两行标题的第二行']);
  const anchors = new Set(result.document.pages.flatMap((p) => p.anchors.map((a) => a.id)));
  for (const o of outline) {
    assert.ok(anchors.has(o.target), o.target);
    for (const c of o.children) assert.ok(anchors.has(c.target), c.target);
  }
  // 目录 entries link to those anchors.
  const links = result.document.pages[0].links.map((l) => l.target);
  assert.deepEqual(links, ['s1a1', 's1a2', 's2a1', 's3b']);
});

test('目录 page numbers, when switched on, name the page each article starts on', () => {
  const { result } = layout(issueWith(SAMPLE), { toc: { pageNumbers: true } });
  const pageOfAnchor = new Map(result.document.pages.flatMap((p) => p.anchors.map((a) => [a.id, p.number] as const)));
  const numbers = result.document.pages[0].items
    .filter((i): i is TextItem => i.kind === 'text' && /^\d+$/.test(i.line.text))
    .map((i) => Number(i.line.text));
  assert.deepEqual(numbers, ['s1a1', 's1a2', 's2a1', 's3b'].map((t) => pageOfAnchor.get(t)));
});

test('a very long 栏目 name wraps inside a label column of at most 40% of the width', () => {
  const { result, theme } = layout(issueWith([{ name: '一个非常非常非常非常非常非常长的栏目名称', articles: [article('标题', [3])] }]));
  const toc = result.galley.find((r) => r.kind === 'toc')!;
  const texts = toc.items.filter((i) => i.kind === 'text');
  const labelLines = texts.filter((i) => i.x === 0);
  assert.ok(labelLines.length >= 2, 'the label wraps');
  const entry = texts.find((i) => i.x > 0)!;
  assert.ok(entry.x <= theme.page.typeWidth * 0.4 + theme.body.size, `entries start at ${entry.x}`);
  assertPlacementRules(result, theme);
});

test('a problem in a 目录 entry points at the article title or its toc, not at the 栏目 name', () => {
  const theme = fakeTheme();
  const issue = issueWith([{ name: '栏目', articles: [article('标题𠀀', [2]), article(['两行𠀀', '标题'], [2]), { ...article('正文标题', [2]), toc: '目录𠀀文字' }] }]);
  const result = layoutIssue(styleIssue(issue, theme), (spans, options) => {
    const out = fakeCompose(spans, options);
    const text = spans.map((s) => s.text).join('');
    const i = text.indexOf('𠀀');
    // A 目录 line with the character is also set loose, as a line with a long word can be.
    const lines = out.lines.map((l) => (options.wordBreaks && l.text.includes('𠀀') ? { ...l, spacing: options.size, start: l.start ?? 0 } : l));
    return i >= 0 ? { lines, missing: [{ char: '𠀀', codePoint: 0x20000, index: i }] } : out;
  });
  const base = ['sections', 0, 'articles'];
  const sources = result.problems.map((p) => `${p.code} ${p.source.join('.')} ${p.offset ?? '-'}`).sort();
  assert.ok(!sources.some((s) => / sections\.0 /.test(s)), sources.join('\n'));
  const toc = result.problems.filter((p) => p.code === 'loose-line');
  assert.deepEqual(toc.map((p) => [p.source, p.offset]), [
    [[...base, 0, 'title'], 0],
    [[...base, 1, 'title'], undefined],
    [[...base, 2, 'toc'], 0],
  ]);
});

test('a 栏目 whose header is not printed: no header row, its anchor on its first title, its entries without a label', () => {
  const { result, theme } = layout(issueWith([
    { name: '要闻', header: false, articles: [article('第一篇', [3])] },
    { name: '动态', articles: [article('第二篇', [3])] },
  ]));
  assertPlacementRules(result, theme);
  assert.deepEqual(result.galley.filter((r) => r.kind === 'section').map((r) => r.label), ['【动态】']);
  const title = result.galley.find((r) => r.kind === 'title')!;
  assert.deepEqual(title.anchors, ['s1', 's1a1']);
  assert.equal(title.starts, 'section');
  const toc = result.galley.find((r) => r.kind === 'toc')!;
  const texts = toc.items.flatMap((i) => (i.kind === 'text' ? [i.line.text] : []));
  assert.ok(!texts.includes('【要闻】') && texts.includes('【动态】'), texts.join(' | '));
});

test('a 栏目 of briefs is listed by count, or by its briefs\' leads when the issue has only briefs or the theme asks', () => {
  const briefs = [{ body: ['**湖滨街道**召开代表座谈会，听取意见。'] }, { body: ['南星街道开展代表进网格活动。'] }];
  const entries = (sections: Section[], override: Record<string, unknown> = {}) => {
    const { result } = layout(issueWith(sections), override);
    return result.galley.filter((r) => r.kind === 'toc').flatMap((r) => r.items.flatMap((i) => (i.kind === 'text' ? [i.line.text] : [])));
  };
  const mixed = [{ name: '要闻', articles: [article('标题', [3])] }, { name: '摘登', briefs }];
  assert.ok(entries(mixed).includes('2则'));
  const only = entries([{ name: '摘登', briefs }]);
  assert.deepEqual(only.filter((t) => !t.startsWith('【')), ['本期要目', '湖滨街道召开代表座谈会', '南星街道开展代表进网格活动']);
  assert.ok(entries(mixed, { toc: { briefEntries: 'leads' } }).includes('湖滨街道召开代表座谈会'));
  assert.ok(entries([{ name: '摘登', briefs }], { toc: { briefEntries: 'count' } }).includes('2则'));
});

test('an issue with toc: false has no 目录: its first title follows the masthead', () => {
  const { result, theme } = layout(issueWith([{ name: '社情民意', header: false, articles: [{ ...article('标题', [3, 4]), subtitle: '——基于调研' }] }], { toc: false }));
  assert.equal(result.galley.filter((r) => r.kind === 'toc').length, 0);
  assertPlacementRules(result, theme);
  assert.deepEqual(result.galley.slice(0, 2).map((r) => r.kind), ['masthead', 'title']);
  const lines = result.galley[1].items.flatMap((i) => (i.kind === 'text' ? [i.line.text] : []));
  assert.deepEqual(lines, ['标题', '——基于调研'], 'one lead, typed or not');
});
