import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { deferModules } from '../src/defer-modules.js';

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
