/**
 * `bulletin build` as a user runs it (the compiled CLI in a fresh process): the one-line
 * report, exit statuses 0/1/2, one clear line for system errors and never a stack trace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { ISSUE_YAML, workdir } from '../app/build-fixtures.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');

function bulletin(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('build prints one line: file, pages, size, time; exit 0', () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML });
  const r = bulletin(['build', 'a.yaml'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^a\.pdf — 1 page, \d+ KB, \d+\.\d\d s\n$/);
  assert.ok(existsSync(join(dir, 'a.pdf')));
});

test('-o, --bleed and --marks; --quiet prints nothing', () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML });
  const r = bulletin(['build', 'a.yaml', '-o', 'b.pdf', '--bleed', '3mm', '--marks', '--quiet'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout + r.stderr, '');
  assert.match(readFileSync(join(dir, 'b.pdf'), 'latin1'), /\/BleedBox/);
});

test('content errors: located diagnostics on stderr, exit 1, no PDF', () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML.replace('title: 市', 'titel: 市') });
  const r = bulletin(['build', 'a.yaml'], dir);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^a\.yaml:10:\d+: error: /m);
  assert.match(r.stderr, /not built: \d+ errors?/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.ok(!existsSync(join(dir, 'a.pdf')));
});

test('a missing input file: one line, exit 2', () => {
  const dir = workdir();
  const r = bulletin(['build', 'none.yaml'], dir);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'bulletin build: cannot read none.yaml: no such file\n');
});

test('an output directory that does not exist: one line, exit 2', () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML });
  const r = bulletin(['build', 'a.yaml', '-o', 'out/a.pdf'], dir);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'bulletin build: output directory does not exist: out\n');
});

test('a theme file that fails its schema: located message, exit 2', () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML, 't.yaml': 'colors:\n  red: [0, 100, 100]\n' });
  const r = bulletin(['build', 'a.yaml', '--theme', 't.yaml'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^t\.yaml:2:8: error: `colors\.red` is not valid here/m);
  assert.match(r.stderr, /bulletin build: theme file t\.yaml has errors\n$/);
});

test('a corrupt font file: located where the theme names it, then one line naming it, exit 2', () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML, 'bad.ttf': 'not a font', 't.yaml': 'fonts:\n  song: { file: bad.ttf }\n' });
  const r = bulletin(['build', 'a.yaml', '--theme', 't.yaml'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^t\.yaml:2:17: error: not a usable font file: .*bad\.ttf .*\[theme\]\n 2 \|   song: \{ file: bad\.ttf \}\n/);
  const lines = r.stderr.trim().split('\n');
  assert.match(lines[lines.length - 1], /^bulletin build: bad font: not a usable font file: .*bad\.ttf/);
  assert.equal(lines.filter((l) => l.startsWith('bulletin build:')).length, 1);
});
