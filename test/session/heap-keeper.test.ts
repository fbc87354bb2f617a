/**
 * The heap keeper collects once garbage has built up past its slack since the last collection,
 * after the current I/O, and not again until more has.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HeapKeeper } from '../../src/session/heap-keeper.js';

const tick = () => new Promise((r) => setImmediate(r));
/** Some 40 MB of short-lived garbage. */
const garbage = () => Array.from({ length: 40 }, () => new Array(128 * 1024).fill(1.5));

test('a full collection once garbage has built up, then none until it builds up again', async () => {
  const keeper = new HeapKeeper();
  let waste: number[][] | undefined = garbage();
  keeper.afterBuild();
  keeper.afterBuild();
  assert.equal(keeper.collections, 0, 'not during the build\'s own turn');
  assert.equal(waste.length, 40);
  waste = undefined;
  await tick();
  assert.equal(keeper.collections, 1, 'one collection, however many builds asked');
  keeper.afterBuild();
  await tick();
  assert.equal(keeper.collections, 1, 'nothing built up since');
  waste = garbage();
  keeper.afterBuild();
  assert.equal(waste.length, 40);
  waste = undefined;
  await tick();
  assert.equal(keeper.collections, 2);
});
