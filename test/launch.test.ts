/**
 * The installed command (dist/bulletin.cjs): the one-file bundle loaded through V8's code cache
 * writes the same PDF as the modules tsc wrote (dist/cli.js); the shipped cache is used; a
 * cache V8 refuses (other flags) is replaced by one in the user's cache directory, and that
 * directory is used only when it is the user's alone; the modules defer-modules.ts holds back
 * are still not loaded by a build, and the bundle's build compiles no other file and resolves no
 * package.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/font/vendored.js';
import { userCacheName } from '../src/launch-cache-name.js';

const LAUNCHER = join(PACKAGE_ROOT, 'dist', 'bulletin.cjs');
const MODULES = join(PACKAGE_ROOT, 'dist', 'cli.js');
const ISSUE = join(PACKAGE_ROOT, 'issues', '690.yaml');

function run(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, ...args], {
    cwd: PACKAGE_ROOT, encoding: 'utf8', timeout: 120_000,
    env: { ...process.env, BULLETIN_CODE_CACHE_DEBUG: '1', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the launcher writes the bytes dist/cli.js writes, through the shipped code cache', () => {
  assert.ok(existsSync(LAUNCHER), 'dist/bulletin.cjs is built by npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-launch-'));
  try {
    const bundled = run([LAUNCHER, 'build', ISSUE, '-q', '-o', join(dir, 'bundled.pdf')], { XDG_CACHE_HOME: join(dir, 'cache') });
    assert.equal(bundled.status, 0, bundled.stderr);
    assert.match(bundled.stderr, /^bulletin: code cache used: .*[/\\]dist[/\\]cli\.bundle\.[0-9a-f]{16}\.cache$/m);
    // The issue validator's too (src/issue/standalone.ts), made by the same sample build.
    assert.match(bundled.stderr, /^bulletin: code cache used: .*[/\\]dist[/\\]issue[/\\]issue\.validator\.cjs\.[0-9a-f]{8}-\d+\.cache$/m);
    const modules = run([MODULES, 'build', ISSUE, '-q', '-o', join(dir, 'modules.pdf')]);
    assert.equal(modules.status, 0, modules.stderr);
    assert.ok(readFileSync(join(dir, 'bundled.pdf')).equals(readFileSync(join(dir, 'modules.pdf'))), 'same PDF bytes');
    assert.equal(existsSync(join(dir, 'cache')), false, 'nothing written to the user cache when the shipped one is used');
    // Same output, same exit statuses, for the other commands.
    for (const args of [['check', ISSUE], ['--version'], ['check', join(dir, 'none.yaml')]]) {
      const a = run([LAUNCHER, ...args], { BULLETIN_CODE_CACHE: '0' });
      const b = run([MODULES, ...args]);
      assert.deepEqual([a.status, a.stdout], [b.status, b.stdout], args.join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache V8 refuses is replaced by one in the user\'s cache directory, used from then on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-launch-'));
  try {
    // Another V8 flag: the shipped cache does not fit.
    const flags = ['--no-opt'];
    const env = { XDG_CACHE_HOME: dir };
    const first = run([LAUNCHER, 'check', ISSUE, '-q'], env, flags);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /^bulletin: code cache refused: .*cli\.bundle\.[0-9a-f]{16}\.cache$/m);
    const saved = readdirSync(join(dir, 'bulletin'));
    assert.equal(saved.length, 1);
    assert.match(saved[0], /^[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+-[0-9a-f]{8}\.cache$/);
    const second = run([LAUNCHER, 'check', ISSUE, '-q'], env, flags);
    assert.equal(second.status, 0);
    assert.match(second.stderr, new RegExp(`^bulletin: code cache used: .*bulletin[/\\\\]${saved[0].replace(/\./g, '\\.')}$`, 'm'));
    // A cache of another bundle is removed when a new one is saved; one of this bundle for other
    // options or another installation (another hash) stays.
    const id = saved[0].slice(0, 16);
    const other = `${id}-${process.version}-${process.arch}-00000000.cache`;
    writeFileSync(join(dir, 'bulletin', `0123456789abcdef-${process.version}-${process.arch}.cache`), 'old');
    writeFileSync(join(dir, 'bulletin', `0123456789abcdef-${process.version}-${process.arch}-12345678.cache`), 'old');
    writeFileSync(join(dir, 'bulletin', other), 'other');
    rmSync(join(dir, 'bulletin', saved[0]));
    run([LAUNCHER, 'check', ISSUE, '-q'], env, flags);
    assert.deepEqual(readdirSync(join(dir, 'bulletin')).sort(), [...saved, other].sort());
    // Without those options, this installation's shipped cache is the one used: the user's cache
    // made under them is not read.
    const plain = run([LAUNCHER, 'check', ISSUE, '-q'], env);
    assert.match(plain.stderr, /^bulletin: code cache used: .*[/\\]dist[/\\]cli\.bundle\.[0-9a-f]{16}\.cache$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache directory others may write is neither read nor written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-launch-'));
  try {
    mkdirSync(join(dir, 'bulletin'));
    chmodSync(join(dir, 'bulletin'), 0o777);
    const r = run([LAUNCHER, 'check', ISSUE, '-q'], { XDG_CACHE_HOME: dir }, ['--no-opt']);
    assert.equal(r.status, 0);
    assert.deepEqual(readdirSync(join(dir, 'bulletin')), []);
    // A cache planted there is not read either.
    writeFileSync(join(dir, 'bulletin', `x.cache`), 'planted');
    const id = /cli\.bundle\.([0-9a-f]{16})\.cache/.exec(r.stderr)?.[1];
    assert.ok(id, r.stderr);
    writeFileSync(join(dir, 'bulletin', userCacheName(id!, join(PACKAGE_ROOT, 'dist'), ['--no-opt'])), 'planted');
    const again = run([LAUNCHER, 'check', ISSUE, '-q'], { XDG_CACHE_HOME: dir }, ['--no-opt']);
    assert.equal(again.status, 0);
    assert.doesNotMatch(again.stderr, /code cache used: .*planted|bulletin[/\\][0-9a-f]{16}-v/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a build through the launcher still leaves the deferred modules unloaded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-launch-'));
  try {
    // Records every CommonJS file compiled (the bundle itself is compiled through vm, not here).
    const preload = join(dir, 'record.cjs');
    const out = join(dir, 'compiled.json');
    writeFileSync(preload, `
      const Module = require('node:module');
      const compiled = [];
      const original = Module.prototype._compile;
      Module.prototype._compile = function (content, filename) { compiled.push(filename); return original.call(this, content, filename); };
      const builtins = new Set(process.moduleLoadList);
      process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ compiled, builtins: process.moduleLoadList.filter((m) => !builtins.has(m)) })));
    `);
    const loadedBy = (entry: string) => {
      // Quiet, and without the cache report: nothing to print.
      const r = run(['-r', preload, entry, 'build', ISSUE, '-q', '-o', join(dir, 'a.pdf')], { BULLETIN_CODE_CACHE_DEBUG: '' });
      assert.equal(r.status, 0, r.stderr);
      const { compiled, builtins } = JSON.parse(readFileSync(out, 'utf8')) as { compiled: string[]; builtins: string[] };
      return { compiled: compiled.map((f) => f.replace(/\\/g, '/')), builtins };
    };
    const { compiled: bundled, builtins } = loadedBy(LAUNCHER);
    const modules = loadedBy(MODULES).compiled;
    // The bundle's build compiles no file but the launcher: the deferred modules wait behind
    // stand-ins built into the bundle, unicode-trie and ajv's run-time helper are in it.
    assert.deepEqual(bundled.filter((f) => !f.endsWith('/dist/bulletin.cjs')), []);
    // Nor does it load Node's child_process (with net and dgram), or its ES module resolver
    // (resolving a package's exports map: pdfkit's file, ajv's helper, the deferred modules).
    // Nor Node's crypto (pdfkit's encryption, the preview's hashes), fs/promises or
    // timers/promises (io/fs-calls.ts says why), nor, for a quiet build with its output to pipes,
    // the network streams that process.stdout and process.stderr are made of (cli.ts).
    for (const internal of ['NativeModule child_process', 'NativeModule internal/modules/esm/resolve', 'NativeModule crypto', 'NativeModule fs/promises', 'NativeModule timers/promises', 'NativeModule net']) {
      assert.ok(!builtins.includes(internal), `${internal} loaded by the bundle's build`);
    }
    for (const deferred of ['/brotli/decompress.js', '/@noble/ciphers/', '/png-js/']) {
      assert.ok(!bundled.some((f) => f.includes(deferred)), `${deferred} loaded by the bundle's build`);
      assert.ok(!modules.some((f) => f.includes(deferred)), `${deferred} loaded by the modules' build`);
    }
    // The check is real: pdfkit is compiled on its own in one case and is in the bundle in the other.
    assert.ok(modules.some((f) => f.endsWith('/pdfkit/js/pdfkit.js')));
    assert.ok(!bundled.some((f) => f.endsWith('/pdfkit/js/pdfkit.js')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the bundle is ASCII only, and the lint\'s Chinese patterns find through it what they find in the modules', () => {
  const bundle = readFileSync(join(PACKAGE_ROOT, 'dist', 'cli.bundle.cjs'));
  const wide = bundle.findIndex((byte) => byte > 0x7f);
  assert.equal(wide, -1, `a byte over 127 at ${wide}: the launcher reads the bundle as Latin-1`);
  const messy = join(PACKAGE_ROOT, 'test', 'fixtures', 'lint', 'messy.yaml');
  const bundled = run([LAUNCHER, 'check', messy, '--format', 'json']);
  const modules = run([MODULES, 'check', messy, '--format', 'json']);
  assert.equal(bundled.status, 1);
  assert.equal(bundled.stdout, modules.stdout);
  // Rules whose patterns hold Chinese characters found what they look for.
  for (const rule of ['quote-style', 'punct-halfwidth', 'space-in-cjk']) assert.match(bundled.stdout, new RegExp(`"${rule}"`));
});
