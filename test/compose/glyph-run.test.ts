import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GlyphRun } from '../../src/compose/glyph-run.js';
import type { FontHandle } from '../../src/font/types.js';

const font = { key: 'test' } as unknown as FontHandle;

test('every glyph reads back as pushed: id, characters, origin and advance', () => {
  fc.assert(fc.property(
    fc.array(fc.record({
      id: fc.integer({ min: 0, max: 65535 }),
      skip: fc.integer({ min: 0, max: 3 }),
      length: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 250, max: 400 })),
      x: fc.double({ noNaN: true, min: -1e4, max: 1e4 }),
      advance: fc.double({ noNaN: true, min: 0, max: 100 }),
    }), { maxLength: 40 }),
    (glyphs) => {
      let at = 0;
      const placed = glyphs.map((g) => { const start = at + g.skip; at = start + g.length; return { ...g, start, end: start + g.length }; });
      const source = 'x'.repeat(at);
      const run = new GlyphRun(font, 16, source);
      for (const g of placed) run.push(g.id, g.start, g.end, g.x, g.advance);
      run.seal();
      assert.equal(run.length, placed.length);
      placed.forEach((g, i) => {
        assert.equal(run.idAt(i), g.id);
        assert.equal(run.startAt(i), g.start);
        assert.equal(run.endAt(i), g.end);
        assert.equal(run.textOf(i).length, g.length);
        assert.deepEqual(run.glyphAt(i), { id: g.id, text: source.slice(g.start, g.end), x: g.x, advance: g.advance });
      });
      const moved = run.moved(2.5);
      placed.forEach((g, i) => { assert.equal(moved.xs[i], g.x + 2.5); assert.equal(moved.endAt(i), g.end); });
    },
  ));
});

test('the largest id and a start far into a long text are exact; what cannot be stored is refused', () => {
  const run = new GlyphRun(font, 16, '');
  run.push(65535, 2 ** 29 - 1, 2 ** 29 - 1 + 254, 1, 2);
  assert.equal(run.idAt(0), 65535);
  assert.equal(run.startAt(0), 2 ** 29 - 1);
  assert.equal(run.endAt(0), 2 ** 29 - 1 + 254);
  assert.throws(() => run.push(65536, 0, 1, 0, 0), RangeError);
  assert.throws(() => run.push(1, 2 ** 29, 2 ** 29 + 1, 0, 0), RangeError);
  assert.throws(() => run.push(1, 5, 4, 0, 0), RangeError);
});
