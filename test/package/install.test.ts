/**
 * Installable where offices are: the package `npm pack` makes (its prepack compiles dist/), installed
 * into a separate repository of issue files — the sample office in test/fixtures/office — and
 * globally, then used there as an office would: check, build, new. Packed once, from a copy of
 * the sources (the working tree's dist/ is left alone), with npm from the registry's cache where
 * it can.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let root = '';
let tarball = '';
let office = '';

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', ...env }, maxBuffer: 64 * 1024 * 1024 });
}

function ok(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  assert.equal(r.status, 0, `${what}: ${r.error ?? ''}\n${r.stdout}\n${r.stderr}`);
  return r;
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'bulletin-package-'));
  // What prepack needs to build the package, copied; the dependencies linked.
  const stage = join(root, 'stage');
  mkdirSync(stage);
  for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'README.md', 'LICENSE', 'src', 'schema', 'fonts', 'scripts']) {
    cpSync(join(PACKAGE_ROOT, entry), join(stage, entry), { recursive: true });
  }
  symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');
  const pack = ok(run(NPM, ['pack', '--pack-destination', root], stage), 'npm pack');
  tarball = join(root, pack.stdout.trim().split('\n').pop()!);
  office = join(root, 'office');
  cpSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'office'), office, { recursive: true });
  writeFileSync(join(office, 'package.json'), JSON.stringify({ name: 'qiantang-issues', private: true }));
});

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

test('the package holds the compiled program, the schemas, the fonts with their licences and the LICENSE; no sources, no install scripts', () => {
  const list = run('tar', ['tzf', tarball], root).stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  for (const file of ['dist/bulletin.cjs', 'dist/cli.js', 'dist/issue/issue.validator.cjs', 'dist/issue/config.validator.cjs', 'schema/issue.schema.json', 'schema/config.schema.json', 'schema/theme.schema.json', 'fonts/FandolFang-Regular.otf', 'fonts/COPYING-Fandol.txt', 'fonts/OFL-NotoCJK.txt', 'LICENSE', 'README.md']) {
    assert.ok(list.includes(file), `${file} is in the package`);
  }
  assert.deepEqual(list.filter((f) => /^(src|test|scripts|issues)\//.test(f) || f.endsWith('.ts')), []);
  const manifest = JSON.parse(run('tar', ['xzfO', tarball, 'package/package.json'], root).stdout) as { scripts?: Record<string, string>; bin: Record<string, string> };
  for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(manifest.scripts?.[hook], undefined, `no ${hook} script runs for a user of the package`);
  assert.equal(manifest.bin.bulletin, 'dist/bulletin.cjs');
  assert.match(readFileSync(join(PACKAGE_ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
});

test('installed into an office’s repository of issues: no compile, no script warning; check, build and new work there with its config', () => {
  const install = ok(run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], office), 'npm install');
  assert.doesNotMatch(install.stdout + install.stderr, /install-scripts|prepare|tsc/);
  assert.ok(!existsSync(join(office, 'node_modules', 'bulletin', 'src')));

  const bulletin = (...args: string[]) => run('npx', ['--no-install', 'bulletin', ...args], office);
  const check = bulletin('check', 'issues', '--lang', 'en');
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /^issues\/2024-05\.yaml:\d+:\d+: warning: '堃' \(U\+5803\) in body text is printed in NotoSerifCJKsc-Regular \(Noto Serif CJK SC\), a fallback: FandolFang-Regular \(FandolFang\), .*\[font-fallback\]$/m);
  assert.match(check.stdout, /2 files, 1 warning\n$/);
  assert.equal(bulletin('check', 'issues/*.yaml', '--lang', 'en').stdout, check.stdout, 'a pattern no shell expanded');

  const build = bulletin('build', 'issues/2024-06.yaml', '--lang', 'en');
  assert.equal(build.status, 0, build.stderr);
  assert.match(build.stdout, /^pdf\/2024-06\.pdf — 2 pages, \d+ KB/);
  assert.equal(readFileSync(join(office, 'pdf', '2024-06.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');

  const made = bulletin('new', '--date', '2024-06-17', '--lang', 'en');
  assert.equal(made.status, 0, made.stderr);
  const file = join(office, /^(\S+\.yaml):/.exec(made.stdout)![1]);
  const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(file, 'utf8'));
  assert.equal(modeline?.[1], '../node_modules/bulletin/schema/issue.schema.json');
  assert.ok(existsSync(resolve(dirname(file), modeline![1])), 'the schema modeline of the new file resolves');
  const configModeline = /\$schema=(\S+)/.exec(readFileSync(join(office, 'bulletin.config.yaml'), 'utf8'))![1];
  assert.ok(existsSync(resolve(office, configModeline)), 'and so does the config’s');
});

test('installed globally (npm i -g): the bulletin command checks the office’s issues with its config', () => {
  const prefix = join(root, 'global');
  const install = ok(run(NPM, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], root), 'npm install -g');
  assert.doesNotMatch(install.stdout + install.stderr, /install-scripts/);
  const bin = process.platform === 'win32' ? join(prefix, 'bulletin.cmd') : join(prefix, 'bin', 'bulletin');
  const r = run(bin, ['check', 'issues/2024-05.yaml', 'issues/2024-06.yaml', '--lang', 'en'], office);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /2 files, 1 warning\n$/);
  assert.ok(readdirSync(join(prefix, 'lib', 'node_modules', 'bulletin', 'dist')).includes('bulletin.cjs'));
});
