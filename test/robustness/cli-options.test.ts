/**
 * What every command accepts: --help with examples, --version, --quiet, --debug; unknown
 * options and arguments are usage errors (exit 2). And what --quiet leaves out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { bulletin, MINIMAL, removeScratch, scratch } from './support.js';

const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const COMMANDS = ['build', 'check', 'new', 'fonts'] as const;

test('bulletin --help lists every command and examples; --version prints the version', () => {
  const help = bulletin(PACKAGE_ROOT, ['--help']);
  assert.equal(help.status, 0);
  for (const c of COMMANDS) assert.match(help.stdout, new RegExp(`^ {2}${c} `, 'm'), c);
  assert.match(help.stdout, /\nExamples:\n {2}\$ bulletin /);
  for (const flag of ['--version', '-v', '-V']) {
    const v = bulletin(PACKAGE_ROOT, [flag]);
    assert.equal(v.stdout, `${VERSION}\n`);
    assert.equal(v.status, 0);
  }
});

for (const c of COMMANDS) {
  test(`bulletin ${c}: --help with examples names --quiet, --debug and --version; --version works`, () => {
    const help = bulletin(PACKAGE_ROOT, [c, '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, new RegExp(`^Usage: bulletin ${c} `, 'm'));
    assert.match(help.stdout, new RegExp(`\\nExamples:\\n(?: {2}\\$ bulletin ${c}.*\\n)+`));
    for (const flag of ['-q, --quiet', '--debug', '-v, --version', '-h, --help']) assert.ok(help.stdout.includes(flag), `${c} --help lacks ${flag}`);
    const same = bulletin(PACKAGE_ROOT, ['help', c]);
    assert.equal(same.stdout, help.stdout);
    for (const flag of ['--version', '-v', '-V']) {
      const v = bulletin(PACKAGE_ROOT, [c, flag]);
      assert.equal(v.stdout, `${VERSION}\n`, flag);
      assert.equal(v.status, 0);
    }
  });

  test(`bulletin ${c}: an unknown option is a usage error, exit 2`, () => {
    const r = bulletin(PACKAGE_ROOT, [c, '--no-such-option']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^error: unknown option '--no-such-option'/);
  });
}

test('build --watch is in the help of build', () => {
  const help = bulletin(PACKAGE_ROOT, ['build', '--help']);
  assert.match(help.stdout, /-w, --watch +rebuild on every save of the issue or theme file/);
  assert.match(help.stdout, /\$ bulletin build issues\/691\.yaml --watch/);
});

test('missing arguments and unknown commands are usage errors, exit 2', () => {
  for (const args of [['build'], ['check'], ['frobnicate']]) {
    const r = bulletin(PACKAGE_ROOT, args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /^error: /, args.join(' '));
  }
});

test('--quiet: build, new and fonts print nothing on success; check prints the summary only', () => {
  const dir = scratch({ 'issues/1.yaml': MINIMAL });
  try {
    const build = bulletin(dir, ['build', 'issues/1.yaml', '--quiet']);
    assert.equal(build.status, 0, build.stderr);
    assert.equal(build.stdout + build.stderr, '');
    const check = bulletin(dir, ['check', 'issues/1.yaml', '-q']);
    assert.equal(check.stdout, '1 file, no problems\n');
    const next = bulletin(dir, ['new', '-q', '--date', '2024-01-12']);
    assert.equal(next.status, 0, next.stderr);
    assert.equal(next.stdout + next.stderr, '');
    const fonts = bulletin(dir, ['fonts', 'issues/1.yaml', '--quiet']);
    assert.equal(fonts.status, 0, fonts.stderr);
    assert.equal(fonts.stdout + fonts.stderr, '');
    // Errors still show under --quiet.
    const failed = bulletin(dir, ['build', 'none.yaml', '--quiet']);
    assert.equal(failed.stderr, 'bulletin build: cannot read none.yaml: no such file\n');
  } finally {
    removeScratch(dir);
  }
});

test('--debug is accepted by every command and adds no stack trace to a handled error', () => {
  const dir = scratch({ 'a.yaml': MINIMAL });
  try {
    mkdirSync(join(dir, 'issues'));
    copyFileSync(join(dir, 'a.yaml'), join(dir, 'issues', '1.yaml'));
    const runs: [string[], number, string][] = [
      [['build', 'none.yaml', '--debug'], 2, 'bulletin build: cannot read none.yaml: no such file\n'],
      [['check', 'none.yaml', '--debug'], 2, 'bulletin check: cannot read none.yaml: no such file\n'],
      [['fonts', 'none.yaml', '--debug'], 2, 'bulletin fonts: cannot read none.yaml: no such file\n'],
      [['new', '--from', 'none.yaml', '--debug'], 2, 'bulletin new: cannot read none.yaml: no such file\n'],
    ];
    for (const [args, status, stderr] of runs) {
      const r = bulletin(dir, args);
      assert.equal(r.stderr, stderr, args.join(' '));
      assert.equal(r.status, status, args.join(' '));
    }
    const ok = bulletin(dir, ['build', 'a.yaml', '--debug']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^a\.pdf — 1 page, \d+ KB, \d+\.\d\d s\n$/);
  } finally {
    removeScratch(dir);
  }
});
