import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type GalleyRow, paginate } from '../../src/layout/paginate.js';

const PITCH = 30;
const H = 10 * PITCH; // ten lines of 30 pt: ascent 20 + descent 10 + glue 0

function line(label: string, penalty = 0, extra: Partial<GalleyRow> = {}): GalleyRow {
  return { kind: 'body', ascent: 20, descent: 10, glue: { natural: 0, stretch: 0, shrink: 0 }, breakPenalty: penalty, items: [], label, grid: true, ...extra };
}

function labels(rows: GalleyRow[], pages: ReturnType<typeof paginate>): string[][] {
  return pages.map((p) => rows.slice(p.start, p.end).map((r) => r.label ?? ''));
}

test('rows fill pages in order and every row is placed once', () => {
  const rows = Array.from({ length: 25 }, (_, i) => line(`l${i}`));
  const pages = paginate(rows, { height: H, pitch: PITCH });
  assert.deepEqual(pages.map((p) => [p.start, p.end]), [[0, 10], [10, 20], [20, 25]]);
  assert.deepEqual(pages[0].baselines, [20, 50, 80, 110, 140, 170, 200, 230, 260, 290]);
});

test('a forbidden break moves the page end back; the short page is filled by stretchable glue', () => {
  const rows = Array.from({ length: 14 }, (_, i) => line(`l${i}`));
  rows[3].glue = { natural: 0, stretch: 40, shrink: 0 };
  rows[10].breakPenalty = Infinity; // rows 9 and 10 stay together
  const pages = paginate(rows, { height: H, pitch: PITCH });
  assert.equal(pages[0].end, 9);
  // 9 lines = 270 pt natural; the 30 pt missing come from row 3's glue.
  assert.ok(Math.abs(pages[0].baselines[8] + 10 - H) < 0.01, `last row bottom ${pages[0].baselines[8] + 10}`);
  assert.ok(pages[0].leftover < 0.01);
});

test('without stretch the page ends short rather than breaking where it is forbidden', () => {
  const rows = Array.from({ length: 14 }, (_, i) => line(`l${i}`));
  rows[10].breakPenalty = Infinity;
  const pages = paginate(rows, { height: H, pitch: PITCH });
  assert.equal(pages[0].end, 9);
  assert.ok(Math.abs(pages[0].leftover - 30) < 0.01);
});

test('shrinkable glue lets one more row onto a page instead of leaving it short', () => {
  const rows = Array.from({ length: 12 }, (_, i) => line(`l${i}`));
  rows[2].glue = { natural: 20, stretch: 0, shrink: 20 };
  rows[11].breakPenalty = Infinity; // the last two rows stay together
  // Natural: 11 rows + 20 pt do not fit in 300; shrinking row 2 lets rows 0–9 fit exactly,
  // then rows 10–11 go together to the next page.
  const pages = paginate(rows, { height: H, pitch: PITCH });
  assert.deepEqual(labels(rows, pages)[0].length, 10);
  assert.ok(pages[0].baselines[9] + 10 <= H + 0.01);
});

test('glue at a page top is dropped', () => {
  const rows = Array.from({ length: 12 }, (_, i) => line(`l${i}`));
  rows[10].glue = { natural: 25, stretch: 0, shrink: 0 };
  const pages = paginate(rows, { height: H, pitch: PITCH });
  assert.equal(pages[1].start, 10);
  assert.equal(pages[1].baselines[0], 20);
});

test('a fill row sits at the foot of the last page', () => {
  const rows = [line('a'), line('b'), { ...line('footer'), kind: 'footer' as const, ascent: 60, descent: 0, fill: true, grid: false }];
  const pages = paginate(rows, { height: H, pitch: PITCH });
  assert.equal(pages.length, 1);
  assert.ok(Math.abs(pages[0].baselines[2] - H) < 0.01);
});

test('a fill row that does not fit goes to a new page and still sits at its foot', () => {
  const rows = Array.from({ length: 9 }, (_, i) => line(`l${i}`));
  rows.push({ ...line('footer'), kind: 'footer', ascent: 100, descent: 0, fill: true, grid: false, glue: { natural: 10, stretch: 0, shrink: 0 } });
  const pages = paginate(rows, { height: H, pitch: PITCH });
  assert.equal(pages.length, 2);
  assert.deepEqual(labels(rows, pages)[1], ['footer']);
  // Alone on its page, it still sits at the foot.
  assert.ok(Math.abs(pages[1].baselines[0] - H) < 0.01, `footer bottom at ${pages[1].baselines[0]}`);
});

test('a row taller than a page stands alone instead of failing', () => {
  const rows = [line('a'), { ...line('huge'), ascent: 2 * H }, line('b')];
  const pages = paginate(rows, { height: H, pitch: PITCH });
  assert.deepEqual(labels(rows, pages), [['a'], ['huge'], ['b']]);
});

test('long galleys paginate in linear time', () => {
  const rows = Array.from({ length: 20000 }, (_, i) => line(`l${i}`, i % 7 === 0 ? Infinity : 0));
  const t0 = performance.now();
  const pages = paginate(rows, { height: H, pitch: PITCH });
  assert.ok(performance.now() - t0 < 2000);
  assert.equal(pages.reduce((n, p) => n + p.end - p.start, 0), rows.length);
});

test('a kept-together block taller than a page is broken rather than failing', () => {
  const rows = Array.from({ length: 30 }, (_, i) => line(`l${i}`, i === 0 ? 0 : Infinity));
  const pages = paginate(rows, { height: H, pitch: PITCH });
  assert.equal(pages.reduce((n, p) => n + p.end - p.start, 0), 30);
  assert.ok(pages.every((p) => p.baselines[p.baselines.length - 1] + 10 <= H + 0.01));
});
