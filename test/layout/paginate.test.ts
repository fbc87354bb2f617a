import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Flex, type GalleyRow, type PaginateOptions, paginate } from '../../src/layout/paginate.js';

const PITCH = 30;
const LINES = 10;
const OPTS: PaginateOptions = { lines: LINES, pitch: PITCH, firstBaseline: 20, height: LINES * PITCH - 10 };

/** A body line of paragraph `block` (one grid line). */
function line(label: string, penalty = 0, extra: Partial<GalleyRow> = {}): GalleyRow {
  return { kind: 'body', lines: 1, spaceBefore: 0, ascent: 20, descent: 10, breakPenalty: penalty, items: [], label, grid: true, ...extra };
}

/** A paragraph of n lines (widow and orphan rules as the galley sets them). */
function paragraph(name: string, n: number, block: number, first: Partial<GalleyRow> = {}): GalleyRow[] {
  return Array.from({ length: n }, (_, k) => line(`${name}${k}`, k === 0 ? 0 : k === 1 || k === n - 1 ? Infinity : 0, { block, ...(k === 0 ? first : {}) }));
}

/** A title block of `lines` grid lines that keeps with the two lines after it. */
function title(name: string, lines = 2): GalleyRow {
  return { kind: 'title', lines, spaceBefore: 0, ascent: 10, descent: 30, breakPenalty: 0, items: [], label: name, starts: 'article' };
}

function labels(result: ReturnType<typeof paginate>): string[][] {
  return result.pages.map((p) => result.rows.slice(p.start, p.end).map((r) => r.label ?? ''));
}

test('rows fill pages of whole grid lines in order, each on its grid line, every row placed once', () => {
  const rows = Array.from({ length: 25 }, (_, i) => line(`l${i}`));
  const result = paginate(rows, OPTS);
  assert.deepEqual(result.pages.map((p) => [p.start, p.end]), [[0, 10], [10, 20], [20, 25]]);
  assert.deepEqual(result.pages[0].baselines, [20, 50, 80, 110, 140, 170, 200, 230, 260, 290]);
  assert.deepEqual(result.pages[1].cells, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(result.pages.map((p) => p.short), [0, 0, 5]);
  assert.deepEqual(result.ends, [undefined, undefined, 'end']);
});

test('a display block takes its lines, and the body after it lands on the next grid line', () => {
  const rows = [title('t', 3), ...paragraph('a', 4, 1)];
  rows[1].breakPenalty = Infinity;
  const result = paginate(rows, OPTS);
  assert.deepEqual(result.pages[0].cells, [0, 3, 4, 5, 6]);
  assert.deepEqual(result.pages[0].baselines.slice(1), [110, 140, 170, 200]);
});

test('white before a row is whole lines, and dropped at a page top', () => {
  const rows = [...paragraph('a', 9, 1), ...paragraph('b', 3, 2, { spaceBefore: 1, starts: 'brief' })];
  const result = paginate(rows, OPTS);
  // 9 lines + 1 of white + 3 do not fit in 10: the brief goes over, its white dropped.
  assert.equal(result.pages[1].start, 9);
  assert.deepEqual(result.pages[1].cells, [0, 1, 2]);
  assert.equal(result.ends[0], 'brief');
  const within = paginate([...paragraph('a', 3, 1), ...paragraph('b', 3, 2, { spaceBefore: 2 })], OPTS);
  assert.deepEqual(within.pages[0].cells, [0, 1, 2, 5, 6, 7]);
});

test('a page ends short by whole lines before an article rather than between two paragraphs', () => {
  // Article 1: 6 + 3 lines; article 2: a title and 8 lines. A full first page would cut
  // article 1's second paragraph after one line (an orphan); ending before it leaves 4 lines
  // of white between paragraphs; ending before the title leaves 1: that is the choice.
  const rows = [title('t1', 1), ...paragraph('a', 6, 1), ...paragraph('b', 2, 2), title('t2'), ...paragraph('c', 8, 3)];
  for (const k of [1, 2]) rows[k].breakPenalty = Infinity;
  for (const k of [11, 12]) rows[k].breakPenalty = Infinity;
  const result = paginate(rows, OPTS);
  assert.deepEqual(labels(result)[0], ['t1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'b0', 'b1']);
  assert.equal(result.pages[0].short, 1);
  assert.equal(result.ends[0], 'article');
});

test('a page never ends short inside a paragraph; between paragraphs only when nothing else is possible', () => {
  // One article, no other place to break: 4 lines, then a paragraph of 7 that would leave a
  // widow at a full page's foot (break after its 6th line) — so the page ends before it.
  const rows = [...paragraph('a', 4, 1), ...paragraph('b', 7, 2)];
  const result = paginate(rows, OPTS);
  assert.deepEqual(result.pages.map((p) => [p.start, p.end]), [[0, 4], [4, 11]]);
  assert.equal(result.ends[0], 'flow');
  for (let i = 0; i < result.pages.length - 1; i++) {
    const p = result.pages[i];
    const next = result.rows[p.end];
    if (p.short > 0) assert.ok(!(next.block !== undefined && next.block === result.rows[p.end - 1].block), 'short inside a paragraph');
  }
});

test('a paragraph set one line shorter or longer lets the pages fill instead', () => {
  const rows = [...paragraph('a', 4, 1), ...paragraph('b', 7, 2)];
  // Paragraph a in 5 lines: then a full page cuts b after 5 of its 7 lines.
  const flex: Flex[] = [{ start: 0, end: 4, longer: paragraph('A', 5, 1) }];
  const result = paginate(rows, OPTS, flex);
  assert.deepEqual(labels(result)[0], ['A0', 'A1', 'A2', 'A3', 'A4', 'b0', 'b1', 'b2', 'b3', 'b4']);
  assert.deepEqual(result.pages.map((p) => p.short), [0, 8]);
  assert.deepEqual(result.ends, [undefined, 'end']);
  // Without the need, the natural setting stays.
  const easy = paginate(paragraph('a', 4, 1), OPTS, [{ start: 0, end: 4, longer: paragraph('A', 5, 1), shorter: paragraph('S', 3, 1) }]);
  assert.deepEqual(labels(easy)[0], ['a0', 'a1', 'a2', 'a3']);
});

test('the 版记 sits on the last lines of the last page', () => {
  const foot: GalleyRow = { ...line('footer'), kind: 'footer', lines: 3, ascent: 60, descent: 0, foot: true, grid: false };
  const result = paginate([line('a'), line('b'), foot], OPTS);
  assert.equal(result.pages.length, 1);
  assert.deepEqual(result.pages[0].cells, [0, 1, 7]);
  assert.equal(result.pages[0].baselines[2], OPTS.height, 'its bottom on the type-area bottom');
});

test('text moves over to the 版记\'s page rather than leave the 版记 alone, at an article or before the last page', () => {
  const foot: GalleyRow = { ...line('footer'), kind: 'footer', lines: 4, ascent: 100, descent: 0, foot: true, grid: false };
  // 8 lines + a 4-line 版记 do not fit on one page.
  const rows = [...paragraph('a', 4, 1), ...paragraph('b', 4, 2), foot];
  const result = paginate(rows, OPTS);
  assert.deepEqual(labels(result), [['a0', 'a1', 'a2', 'a3'], ['b0', 'b1', 'b2', 'b3', 'footer']]);
  assert.equal(result.ends[0], 'last');
});

test('a row taller than a page stands alone instead of failing', () => {
  const rows = [line('a'), { ...line('huge'), lines: 2 * LINES }, line('b')];
  assert.deepEqual(labels(paginate(rows, OPTS)), [['a'], ['huge'], ['b']]);
});

test('a kept-together block taller than a page is broken rather than failing', () => {
  const rows = Array.from({ length: 30 }, (_, i) => line(`l${i}`, i === 0 ? 0 : Infinity));
  const result = paginate(rows, OPTS);
  assert.equal(result.pages.reduce((n, p) => n + p.end - p.start, 0), 30);
  assert.ok(result.pages.every((p) => p.end - p.start <= LINES));
});

test('a row marked to begin a new page does (the rest of a long 目录)', () => {
  const rows = [line('a'), line('b'), { ...line('toc2'), newPage: true }, line('c')];
  assert.deepEqual(labels(paginate(rows, OPTS)), [['a', 'b'], ['toc2', 'c']]);
});

test('long galleys paginate in linear time', () => {
  const rows = Array.from({ length: 20000 }, (_, i) => line(`l${i}`, i % 7 === 0 ? 0 : Infinity, { starts: i % 7 === 0 ? 'article' : undefined }));
  const t0 = performance.now();
  const result = paginate(rows, OPTS);
  assert.ok(performance.now() - t0 < 3000);
  assert.equal(result.pages.reduce((n, p) => n + p.end - p.start, 0), rows.length);
});
