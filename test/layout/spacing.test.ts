/**
 * Vertical rhythm, no letter-spaced line anywhere, no hole beside a number, breaks by sense
 * (issue 13): the
 * reference issue and four bulletins of other offices and shapes (test/fixtures/issues: a
 * one-article 社情民意, an all-briefs 廉政简报, a 县委办 工作信息 of many short 栏目, a 街道 增刊
 * whose 版记 has URLs, phones and office hours) are laid out as `bulletin build` lays them out,
 * with the real composer and fonts, and every line of every kind is checked; every body line
 * is on the grid, every pair of blocks the same distance apart on every page, and no page ends
 * short but before a new 栏目, article or brief, or before the 版记's page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveIssueTheme } from '../../src/app/theme-file.js';
import { composeParagraph } from '../../src/compose/compose.js';
import type { ComposedLine } from '../../src/compose/types.js';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { loadIssueSource } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/types.js';
import { titleLines } from '../../src/issue/types.js';
import { layoutIssue, type LayoutResult } from '../../src/layout/layout.js';
import { styleIssue } from '../../src/style/model.js';
import type { GalleyRow, RowKind } from '../../src/layout/paginate.js';
import { type Styles, scaled } from '../../src/style/styles.js';
import { linesPerPage } from '../../src/layout/galley.js';
import { auditGrid, auditLayout, auditPairs, auditShortPages } from './audit.js';

const FILES = [
  'issues/690.yaml',
  'test/fixtures/issues/sheqing-minyi.yaml',
  'test/fixtures/issues/lianzheng-jianbao.yaml',
  'test/fixtures/issues/xianweiban-gongzuo-xinxi.yaml',
  'test/fixtures/issues/jiedao-zengkan.yaml',
];

interface Built { issue: Issue; result: LayoutResult; styles: Styles }

function buildText(source: string, name: string): Built {
  const loaded = loadIssueSource(source, join(PACKAGE_ROOT, name));
  assert.ok(loaded.issue, loaded.diagnostics.map((d) => d.message).join('; '));
  const prepared = resolveIssueTheme(loaded);
  const styles = prepared.styles;
  assert.ok(styles);
  return { issue: loaded.issue, result: layoutIssue(styleIssue(loaded.issue, styles), composeParagraph, {}), styles };
}

const cache = new Map<string, Built>();
function build(file: string): Built {
  let b = cache.get(file);
  if (!b) cache.set(file, (b = buildText(readFileSync(join(PACKAGE_ROOT, file), 'utf8'), file)));
  return b;
}

/** The composed lines of the galley rows of one kind, in order. */
function linesOf(rows: readonly GalleyRow<ComposedLine>[], kind: RowKind): ComposedLine[] {
  return rows.filter((r) => r.kind === kind).flatMap((r) => r.items.flatMap((i) => (i.kind === 'text' ? [i.line] : [])));
}

const isHan = (c: string) => /\p{Script=Han}/u.test(c);
const isAlnum = (c: string) => /[A-Za-z0-9]/.test(c);

/** Where `text` (spaces dropped) is cut by a run of consecutive lines that spell it, or undefined. */
function cuts(lines: readonly ComposedLine[], text: string): number[] | undefined {
  const want = text.replace(/\s/g, '');
  const flat = lines.map((l) => l.text.replace(/\s/g, ''));
  for (let i = 0; i < flat.length; i++) {
    let s = '';
    const at: number[] = [];
    for (let j = i; j < flat.length && s.length < want.length; j++) {
      s += flat[j];
      at.push(s.length);
    }
    if (s === want) return at.slice(0, -1);
  }
  return undefined;
}

/** Offsets where a title or 目录 line must not end: inside “…” 《…》, between a number and its unit, after 第. */
function senseless(text: string): Set<number> {
  const flat = text.replace(/\s/g, '');
  const out = new Set<number>();
  for (const m of flat.matchAll(/“[^”]*”|《[^》]*》/g)) for (let k = m.index + 1; k < m.index + m[0].length; k++) out.add(k);
  for (const m of flat.matchAll(/\d+(?:\.\d+)?(?=[年月日个项条家户名人次万亿千百元件亩吨岁期批])|第(?=\d)/g)) out.add(m.index + m[0].length);
  return out;
}

for (const file of FILES) {
  test(`${file}: every body line on the grid, the same space for the same pair of blocks on every page, pages short only before a new 栏目, article or brief`, () => {
    const { result, styles } = build(file);
    assert.deepEqual(auditGrid(result.galley, result.pages, styles), []);
    assert.deepEqual(auditPairs(result.galley, result.pages), []);
    // Nothing the breaker had to give up: no page short inside an article, no rule broken.
    assert.deepEqual(result.problems.filter((p) => p.code === 'short-page' || p.code === 'page-break').map((p) => p.message), []);
    assert.deepEqual(auditShortPages(result.galley, result.pages, linesPerPage(styles), []), []);
    assert.deepEqual(auditLayout(result, styles), []);
    // The pages but the last are full or nearly: the median one nine tenths or more.
    const lines = linesPerPage(styles);
    const fills = result.pages.slice(0, -1).map((p) => (lines - p.short) / lines).sort((a, b) => a - b);
    if (fills.length) assert.ok(fills[Math.floor((fills.length - 1) / 2)] >= 0.9, fills.join(' '));
  });

  test(`${file}: no line of any kind set looser than body.maxSpacing, none reported`, () => {
    const { result, styles } = build(file);
    const ceiling = (size: number) => scaled(styles.body.maxSpacing!, size);
    for (const page of result.document.pages) {
      for (const item of page.items) {
        if (item.kind !== 'text' || item.line.spacing === undefined) continue;
        const size = item.line.runs[0]?.size ?? 16;
        assert.ok(item.line.spacing <= ceiling(size) + 1e-6, `page ${page.number}: ${(item.line.spacing / size).toFixed(3)} em in “${item.line.text}”`);
      }
    }
    assert.deepEqual(result.problems.filter((p) => p.code === 'loose-line').map((p) => p.message), []);
  });

  test(`${file}: no gap between Han and a Latin letter or digit wider than ⅓ em, on any line`, () => {
    const { result } = build(file);
    let gaps = 0;
    for (const page of result.document.pages) {
      for (const item of page.items) {
        if (item.kind !== 'text') continue;
        for (const run of item.line.runs) {
          const gs = run.glyphs;
          for (let k = 1; k < gs.length; k++) {
            const a = [...gs[k - 1].text].at(-1) ?? '', b = [...gs[k].text][0] ?? '';
            if (!((isHan(a) && isAlnum(b)) || (isAlnum(a) && isHan(b)))) continue;
            gaps++;
            const gap = gs[k].x - (gs[k - 1].x + gs[k - 1].advance);
            assert.ok(gap <= run.size / 3 + 0.01, `page ${page.number}: ${a}|${b} ${(gap / run.size).toFixed(3)} em in “${item.line.text}”`);
          }
        }
      }
    }
    assert.ok(gaps > 20, `${gaps} gaps measured`);
  });

  test(`${file}: titles and 目录 entries break by sense, recipient lists between names`, () => {
    const { issue, result } = build(file);
    const titles = linesOf(result.galley, 'title');
    const toc = linesOf(result.galley, 'toc');
    for (const line of toc) assert.equal(line.spacing, undefined, `目录 line spaced out: ${line.text}`);
    for (const section of issue.sections) {
      for (const article of section.articles ?? []) {
        const given = titleLines(article);
        for (const text of given) {
          const at = cuts(titles, text);
          assert.ok(at, `title “${text}” not found`);
          for (const c of at) assert.ok(!senseless(text).has(c), `title breaks at ${c}: ${text}`);
        }
        if (issue.toc === false) continue;
        const entry = article.toc ?? given.join(' ');
        const at = cuts(toc, entry);
        assert.ok(at, `目录 entry “${entry}” not found`);
        for (const c of at) assert.ok(!senseless(entry).has(c), `目录 entry breaks at ${c}: ${entry}`);
      }
    }
    const footer = linesOf(result.galley, 'footer');
    for (const d of issue.footer?.distribution ?? []) {
      for (const to of d.to) {
        const at = cuts(footer, to);
        assert.ok(at, `recipients “${to}” not found`);
        const flat = to.replace(/\s/g, '');
        for (const c of at) assert.match(flat[c - 1], /[、，；：。]/, `recipients break inside a name: ${flat.slice(0, c)}|${flat.slice(c)}`);
      }
    }
  });
}

test('a 版记 note with a URL breaks the URL after // www. / or . rather than track the line before it', () => {
  const source = readFileSync(join(PACKAGE_ROOT, 'test/fixtures/issues/minimal.yaml'), 'utf8')
    + 'footer:\n  editor: 何晓堃\n  notes:\n    - （街道便民服务中心地址：清源市南湖路188号，网址：https://www.nanhu.qingyuan.gov.cn/bmfw/index.html）\n';
  const { result } = buildText(source, 'note.yaml');
  const lines = linesOf(result.galley, 'footer').filter((l) => /网址|html/.test(l.text));
  assert.equal(lines.length, 2, lines.map((l) => l.text).join(' | '));
  assert.match(lines[0].text, /(\/\/|www\.|\/|\.)$/, `line 1 ends at a URL break: ${lines[0].text}`);
  assert.ok((lines[0].spacing ?? 0) <= 0.12 * 14 + 1e-6, `line 1 spaced ${((lines[0].spacing ?? 0) / 14).toFixed(3)} em`);
  assert.deepEqual(result.problems.filter((p) => p.code === 'loose-line'), []);
});

test('a 版记 note that cannot avoid a loose line is reported at its source field', () => {
  // The address has no break point that leaves the line before it tight enough.
  const source = readFileSync(join(PACKAGE_ROOT, 'test/fixtures/issues/minimal.yaml'), 'utf8')
    + 'footer:\n  editor: 何晓堃\n  notes:\n    - 本期另附。\n    - （信息报送系统已升级，请各单位登录新网址报送：http://172.18.13.193:8084/infosub/login）\n';
  const { result } = buildText(source, 'note.yaml');
  const loose = result.problems.filter((p) => p.code === 'loose-line');
  assert.equal(loose.length, 1, JSON.stringify(loose));
  assert.deepEqual(loose[0].source, ['footer', 'notes', 1]);
  assert.equal(loose[0].offset, 0);
  assert.match(loose[0].message, /more than the 0\.12 em allowed \(body\.maxSpacing\)/);
});

test('690: the first article starts on page 1, under the masthead and the 目录', () => {
  const { result } = build('issues/690.yaml');
  const first = result.galley.findIndex((r) => r.kind === 'title');
  assert.ok(first < result.pages[0].end);
  // Its title and two lines of its text.
  assert.ok(result.galley.slice(first + 1, result.pages[0].end).filter((r) => r.kind === 'body').length >= 2);
});

test('the 社情民意: no 目录 and no 栏目 header, the title right under the masthead, its subtitle under it led by ——', () => {
  const { result } = build('test/fixtures/issues/sheqing-minyi.yaml');
  assert.deepEqual(result.galley.slice(0, 2).map((r) => r.kind), ['masthead', 'title']);
  assert.ok(!result.galley.some((r) => r.kind === 'toc' || r.kind === 'section'));
  const lines = result.galley[1].items.flatMap((i) => (i.kind === 'text' ? [i.line] : []));
  assert.equal(lines.at(-1)?.text, '——基于全市12个乡镇（街道）46个行政村的调研');
  assert.equal(lines.at(-1)?.runs[0].font.file, lines.at(-1)?.runs[0].font.file.replace(/Noto.*$/, 'LXGWWenKai-Regular.ttf'), '楷');
});

test('the 廉政简报 (briefs only): a 目录 of 本期要目 listing each brief by its lead', () => {
  const { result } = build('test/fixtures/issues/lianzheng-jianbao.yaml');
  const toc = linesOf(result.galley, 'toc').map((l) => l.text.replace(/\s/g, ''));
  assert.equal(toc[0], '本期要目');
  assert.ok(toc.includes('县委巡察办扎实推进十五届县委第四轮巡察工作'), toc.join(' | '));
  assert.ok(!toc.some((t) => /\d则/.test(t)));
  assert.equal(result.document.pages[0].links.length, 13, 'each brief linked');
});
