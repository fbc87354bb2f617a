import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';

// scripts/verify-seed.mjs on a small seed with the same extraction artefacts as the real one
// (half-width punctuation, a paragraph split at a page end, 目录 dashes and **, <url>).
const SEED = join(PACKAGE_ROOT, 'test', 'fixtures', 'issues', 'seed-mini.txt');
const ISSUE = join(PACKAGE_ROOT, 'test', 'fixtures', 'issues', 'seed-mini.yaml');

function verify(...args: string[]) {
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'verify-seed.mjs'), ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function withIssue(edit: (source: string) => string, run: (file: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-seed-'));
  try {
    const file = join(dir, 'issue.yaml');
    writeFileSync(file, edit(readFileSync(ISSUE, 'utf8')));
    run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a faithful repair matches its seed', () => {
  const r = verify(SEED, ISSUE);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /^OK: /);
});

test('a changed word is shown with its context', () => {
  withIssue((s) => s.replace('正文一段。', '正文两段。'), (file) => {
    const r = verify(SEED, file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /seed: {2}….*\[一\]段。/);
    assert.match(r.stdout, /issue: ….*\[两\]段。/);
  });
});

test('a missing toc (the 目录 would print the title instead) is a difference', () => {
  withIssue((s) => s.replace('        toc: 某县：强化“三个结合”推动办实事\n', ''), (file) => {
    assert.equal(verify(SEED, file).status, 1);
  });
});

test('sections out of 目录 order are a difference', () => {
  withIssue(
    (s) => s.replace(/( {6}- title: 某区[\s\S]*?byline: 办公室 张 三\n)([\s\S]*?byline: 某县人大 李四\n)/, '$2$1'),
    (file) => assert.equal(verify(SEED, file).status, 1),
  );
});

test('unrepaired artefacts are flagged even though the normalised text matches', () => {
  withIssue((s) => s.replace('形成报告3份。', '形成报告 3 份.').replace('开展调研，', '开展调研,'), (file) => {
    const r = verify(SEED, file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /UNREPAIRED: sections\[0\]\.articles\[0\]\.body\[0\]: half-width punctuation/);
    assert.match(r.stdout, /UNREPAIRED: sections\[0\]\.articles\[0\]\.body\[0\]: a space between Chinese and a Latin letter or digit/);
  });
  withIssue((s) => s.replace('并做好跟踪问效等工作。', '并做好跟踪\n          - 问效等工作。'), (file) => {
    const r = verify(SEED, file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /paragraph ends mid-sentence/);
  });
});

test('usage and unreadable input exit 2', () => {
  assert.equal(verify().status, 2);
  assert.equal(verify(join(PACKAGE_ROOT, 'nope.txt'), ISSUE).status, 2);
});
