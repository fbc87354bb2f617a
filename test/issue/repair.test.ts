import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRepairs, provenRepairs } from '../../src/issue/repair.js';
import type { Repair } from '../../src/issue/traps.js';

const repair = (from: number, to: number, text: string, value: string): Repair => ({
  edits: [{ from, to, text }], expect: [{ edit: 0, at: 0, value }], change: 'change.quoted', changeParams: { field: 'paragraph' }, code: 'test',
});

const SOURCE = 'a: x: y\nb: 1 # two\n';

test('applyRepairs splices every edit and says where each landed', () => {
  const { text, placed } = applyRepairs(SOURCE, [repair(11, 18, "'1 # two'", '1 # two'), repair(3, 7, "'x: y'", 'x: y')]);
  assert.equal(text, "a: 'x: y'\nb: '1 # two'\n");
  assert.deepEqual(placed.map((p) => p.starts), [[13], [3]]);
});

test('provenRepairs keeps a repair only when the file then reads as it meant, and drops the rest', () => {
  const good = repair(3, 7, "'x: y'", 'x: y');
  const wrong = repair(11, 18, '1 # two', '1 # two'); // plain, the # still starts a comment
  const proven = provenRepairs(SOURCE, [good, wrong]);
  assert.deepEqual(proven?.repairs, [good]);
  assert.equal(proven?.text, "a: 'x: y'\nb: 1 # two\n");
  assert.equal(provenRepairs(SOURCE, [wrong]), undefined);
});

test('overlapping repairs: the first is tried, the other left out', () => {
  const first = repair(3, 7, "'x: y'", 'x: y');
  const overlapping = repair(3, 5, "'x:'", 'x:');
  assert.deepEqual(provenRepairs(SOURCE, [first, overlapping])?.repairs, [first]);
});
