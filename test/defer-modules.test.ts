import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { deferModules, deferredModule, deferredTrieClass, deferUnicodeTries, inflateTrie } from '../src/defer-modules.js';

/** A throw-away package whose modules count how often they are loaded. */
function fixture(): { dir: string; parent: string; loads: () => Record<string, number> } {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-defer-'));
  const mod = join(dir, 'node_modules', 'dep');
  mkdirSync(mod, { recursive: true });
  writeFileSync(join(mod, 'package.json'), '{"name":"dep","version":"1.0.0"}');
  const count = (name: string) => `globalThis.__deferLoads = globalThis.__deferLoads || {}; globalThis.__deferLoads.${name} = (globalThis.__deferLoads.${name} || 0) + 1;\n`;
  writeFileSync(join(mod, 'klass.js'), `${count('klass')}class Point { constructor(x) { this.x = x; } twice() { return 2 * this.x; } static origin() { return new Point(0); } }\nmodule.exports = Point;\n`);
  writeFileSync(join(mod, 'object.js'), `${count('object')}module.exports = { add: (a, b) => a + b, name: 'obj', nested: { deep: 1 } };\n`);
  writeFileSync(join(mod, 'func.js'), `${count('func')}module.exports = function twice(x) { return 2 * x; };\nmodule.exports.extra = 7;\n`);
  const parent = join(dir, 'main.js');
  writeFileSync(parent, '');
  return { dir, parent, loads: () => ({ ...((globalThis as { __deferLoads?: Record<string, number> }).__deferLoads ?? {}) }) };
}

test('a deferred module loads on first use and then behaves as itself', () => {
  const f = fixture();
  try {
    const require = createRequire(f.parent);
    deferModules(f.parent, ['dep/klass.js', 'dep/object.js', 'dep/func.js', 'no-such-module']);
    const Point = require('dep/klass.js') as { new (x: number): { x: number; twice(): number }; origin(): { x: number } };
    const obj = require('dep/object.js') as { add(a: number, b: number): number; name: string; nested: { deep: number } };
    const twice = require('dep/func.js') as ((x: number) => number) & { extra: number };
    assert.deepEqual(f.loads(), {}, 'nothing loaded by requiring');

    const p = new Point(3);
    assert.equal(p.twice(), 6);
    assert.ok(p instanceof Point);
    assert.equal(Point.origin().x, 0);
    assert.equal(obj.add(2, 3), 5);
    assert.equal(obj.name, 'obj');
    assert.deepEqual(Object.keys(obj), ['add', 'name', 'nested']);
    assert.ok('nested' in obj);
    assert.equal(twice(4), 8);
    assert.equal(twice.extra, 7);
    assert.deepEqual(f.loads(), { klass: 1, object: 1, func: 1 }, 'each loaded once');
    // Later requires get the real module.
    assert.equal(typeof require('dep/object.js'), 'object');
  } finally {
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('a module already loaded is not replaced', () => {
  const f = fixture();
  try {
    const require = createRequire(f.parent);
    const real = require('dep/object.js') as object;
    deferModules(f.parent, ['dep/object.js']);
    assert.equal(require('dep/object.js'), real);
  } finally {
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('fontkit\'s Brotli decoder, deferred, still decodes', () => {
  const require = createRequire(import.meta.url);
  const fontkitFile = require.resolve('fontkit');
  deferModules(fontkitFile, ['brotli/decompress.js']);
  const decompress = createRequire(fontkitFile)('brotli/decompress.js') as (b: Uint8Array) => Uint8Array;
  const text = 'bulletin '.repeat(100);
  assert.equal(Buffer.from(decompress(brotliCompressSync(Buffer.from(text)))).toString(), text);
});

test('unicode tables built on first lookup give the same values as built at once', () => {
  // A throw-away package resolving the real unicode-trie, so that this process's copy is left alone.
  const f = fixture();
  try {
    const require = createRequire(import.meta.url);
    const realFile = require.resolve('unicode-trie');
    const Builder = require(join(dirname(realFile), 'builder.js')) as new (initial: number, error: number) => { set(cp: number, v: number): void; setRange(a: number, b: number, v: number, overwrite: boolean): void; toBuffer(): Buffer };
    const b = new Builder(0, 99);
    b.setRange(0x4e00, 0x9fff, 5, true);
    b.setRange(0x3000, 0x303f, 7, true);
    b.set(0x41, 3);
    b.set(0x2b7fc, 11);
    const buffer = b.toBuffer();
    mkdirSync(join(f.dir, 'node_modules', 'unicode-trie'), { recursive: true });
    for (const name of ['index.js', 'swap.js', 'package.json']) writeFileSync(join(f.dir, 'node_modules', 'unicode-trie', name), readFileSync(join(dirname(realFile), name)));
    mkdirSync(join(f.dir, 'node_modules', 'tiny-inflate'), { recursive: true });
    const inflateDir = dirname(createRequire(realFile).resolve('tiny-inflate'));
    for (const name of ['index.js', 'package.json']) writeFileSync(join(f.dir, 'node_modules', 'tiny-inflate', name), readFileSync(join(inflateDir, name)));

    deferUnicodeTries(f.parent);
    const Lazy = createRequire(f.parent)('unicode-trie') as new (data: Uint8Array) => { get(cp: number): number; highStart: number; errorValue: number };
    const Real = require('unicode-trie') as new (data: Uint8Array) => { get(cp: number): number; highStart: number; errorValue: number };
    assert.notEqual(Lazy, Real);
    const lazy = new Lazy(buffer);
    const real = new Real(buffer);
    for (let cp = -1; cp <= 0x110000; cp += cp < 0x30000 ? 1 : 97) assert.equal(lazy.get(cp), real.get(cp), `U+${cp.toString(16)}`);
    assert.equal(lazy.highStart, real.highStart);
    assert.equal(lazy.errorValue, real.errorValue);
  } finally {
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('unicode tables decoded by zlib hold what unicode-trie decodes itself, for the real tables', () => {
  const require = createRequire(import.meta.url);
  const Real = require('unicode-trie') as new (data: Uint8Array) => { data: Uint32Array; highStart: number; errorValue: number };
  // fontkit's shaping tables (the same form linebreak and unicode-properties carry inline).
  const shapers = join(dirname(require.resolve('fontkit')), '..', 'src', 'opentype', 'shapers');
  const tables = ['use.trie', 'data.trie', 'indic.trie'].map((name) => readFileSync(join(shapers, name)));
  assert.equal(tables.length, 3);
  for (const bytes of tables) {
    const ours = inflateTrie(bytes);
    assert.ok(ours, 'decoded');
    const theirs = new Real(bytes);
    assert.equal(ours.highStart, theirs.highStart);
    assert.equal(ours.errorValue, theirs.errorValue);
    assert.deepEqual(ours.data, theirs.data);
    // At an offset inside a larger buffer, as Node's small Buffers are.
    const pooled = Buffer.concat([Buffer.alloc(7), bytes]).subarray(7);
    assert.deepEqual(inflateTrie(pooled)?.data, theirs.data);
  }
  assert.equal(inflateTrie(Buffer.from('not a table at all')), undefined);
  assert.equal(inflateTrie({ data: new Uint32Array(4), highStart: 0, errorValue: 0 }), undefined);
});

test("the one-file build's stand-ins load their module on first use, and a trie's class on its first lookup", () => {
  const require = createRequire(import.meta.url);
  let loads = 0;
  const path = deferredModule(() => {
    loads++;
    return require('node:path') as object;
  }) as typeof import('node:path');
  assert.equal(loads, 0, 'nothing loaded by making the stand-in');
  assert.equal(path.join('a', 'b'), require('node:path').join('a', 'b'));
  assert.equal(typeof path.resolve, 'function');
  assert.equal(loads, 1);

  type Trie = new (data: Uint8Array) => { get(cp: number): number };
  const Real = require('unicode-trie') as Trie;
  const Builder = require(join(dirname(require.resolve('unicode-trie')), 'builder.js')) as new (initial: number, error: number) => { setRange(a: number, b: number, v: number, overwrite: boolean): void; toBuffer(): Buffer };
  const b = new Builder(0, 99);
  b.setRange(0x4e00, 0x9fff, 5, true);
  const buffer = b.toBuffer();
  let classLoads = 0;
  const Lazy = deferredTrieClass(() => {
    classLoads++;
    return Real;
  }) as Trie;
  const lazy = new Lazy(buffer);
  assert.equal(classLoads, 0, 'the real class waits for a lookup');
  for (const cp of [0x41, 0x4e00, 0x9fff, 0xa000]) assert.equal(lazy.get(cp), new Real(buffer).get(cp));
  assert.equal(classLoads, 1);
});
