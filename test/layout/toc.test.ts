/**
 * 目录 pagination: a 栏目 with more entries than page 1 has room for under the masthead goes on
 * entry by entry on the next page, not as one block that leaves page 1 holding only the
 * masthead and a stranded 目录 heading.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Section } from '../../src/issue/types.js';
import { layoutIssue } from '../../src/layout/layout.js';
import { styleIssue } from '../../src/style/model.js';
import type { TextItem } from '../../src/layout/types.js';
import { fakeCompose, fakeTheme, issueWith, paragraphOfLines } from './helpers.js';

function manyArticles(n: number): NonNullable<Section['articles']> {
  return Array.from({ length: n }, (_, i) => ({ title: `关于第${'一二三四五六七八九十'[i % 10]}项工作的建议${i + 1}`, body: [paragraphOfLines(3)], byline: '某代表' }));
}

function layout(sections: Section[], override: Record<string, unknown> = {}) {
  const theme = fakeTheme(override);
  return { result: layoutIssue(styleIssue(issueWith(sections), theme), fakeCompose), theme };
}

test('a 栏目 with more 目录 entries than page 1 holds continues on page 2, starting on page 1 under its heading', () => {
  const { result } = layout([{ name: '代表建议选登', articles: manyArticles(30) }, { name: '办理情况', articles: manyArticles(2) }]);
  const rows = result.galley;
  const page1 = result.pages[0];
  // The heading and the first entries of the long 栏目 share page 1, and the rest of the 目录
  // begins page 2, in whole grid lines.
  assert.ok(result.document.pages[0].items.some((i) => i.kind === 'text' && i.line.text === '目录'), 'the 目录 heading is on page 1');
  assert.equal(rows[page1.end].kind, 'toc');
  assert.ok(rows[page1.end].newPage);
  const entriesOnPage1 = result.document.pages[0].links.length;
  assert.ok(entriesOnPage1 >= 10, `page 1 lists ${entriesOnPage1} entries`);
  // Page 1 is used: it ends less than two 目录 lines above the type area's foot.
  const entry = 14 * 1.6;
  const last = rows[page1.end - 1];
  const bottom = page1.baselines.at(-1)! + last.descent;
  assert.ok(bottom > 637 - 2 * entry, `page 1 ends at ${bottom.toFixed(1)} pt of 637`);
  // Every entry is listed once, in order, across the pages.
  const links = result.document.pages.flatMap((p) => p.links.map((l) => l.target));
  assert.deepEqual(links, [...Array.from({ length: 30 }, (_, i) => `s1a${i + 1}`), 's2a1', 's2a2']);
});

test('a 目录 split inside a 栏目 keeps at least two of its entries on each page, lines on one pitch', () => {
  const { result, theme } = layout([{ name: '代表建议选登', articles: manyArticles(30) }], { toc: { pageNumbers: true } });
  const perPage = result.document.pages.map((p) => p.links.filter((l) => /^s1a/.test(l.target)).length).filter((n) => n > 0);
  assert.ok(perPage.length >= 2, 'the 目录 spans two pages');
  for (const n of perPage) assert.ok(n >= 2, `${n} entries of the 栏目 on a page`);
  // On each page the entries' baselines are one 目录 line apart.
  const pitch = theme.toc.lineHeight;
  for (const page of result.document.pages) {
    const ys = page.items.filter((i): i is TextItem => i.kind === 'text' && i.line.text.startsWith('关于') && i.line.runs[0].size === 14).map((i) => i.y);
    for (let k = 1; k < ys.length; k++) assert.ok(Math.abs(ys[k] - ys[k - 1] - pitch) < 0.01, `entry ${k} on page ${page.number}: ${(ys[k] - ys[k - 1]).toFixed(2)}`);
  }
  // Page numbers still name the page each article starts on.
  const pageOfAnchor = new Map(result.document.pages.flatMap((p) => p.anchors.map((a) => [a.id, p.number] as const)));
  const numbers = result.document.pages.flatMap((p) => p.items.filter((i): i is TextItem => i.kind === 'text' && /^\d+$/.test(i.line.text)).map((i) => Number(i.line.text)));
  assert.deepEqual(numbers, Array.from({ length: 30 }, (_, i) => pageOfAnchor.get(`s1a${i + 1}`)));
});
