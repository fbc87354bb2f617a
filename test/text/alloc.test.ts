import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Arena } from '../../src/text/alloc.js';

test('arena views are zeroed, disjoint, and survive the buffer growing', () => {
  const a = new Arena();
  const x = a.f64(10).fill(1);
  const y = a.i32(7).fill(2);
  const big = a.u8(1 << 20).fill(3); // forces a new buffer
  const z = a.u16(5);
  assert.ok(x.every((v) => v === 1) && y.every((v) => v === 2) && big.every((v) => v === 3));
  assert.ok(z.every((v) => v === 0));
  a.reset();
  const w = a.f64(10);
  assert.ok(w.every((v) => v === 0), 'reused memory is cleared');
});
