import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles, type Lint } from '../../src/app/check.js';
import { writeFileSafely } from '../../src/io/write-file.js';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';

const fixture = (name: string) => join(PACKAGE_ROOT, 'test', 'fixtures', 'issues', name);
const noLint: Lint = () => ({ diagnostics: [], fixed: new Map() });

async function inTempDir(run: (dir: string) => void | Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-check-'));
  try {
    await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('loader diagnostics of several files come back sorted by file and position', async () => {
  const result = await checkFiles([fixture('wrong-type.yaml'), fixture('misspelt-key.yaml'), fixture('minimal.yaml')], { lint: noLint });
  assert.deepEqual(result.unreadable, []);
  assert.equal(result.loaded.length, 3);
  assert.deepEqual(
    result.diagnostics.map((d) => `${d.file.split('/').pop()}:${d.line}:${d.col} ${d.code}`),
    ['misspelt-key.yaml:12:5 unknown-key', 'wrong-type.yaml:2:9 wrong-type'],
  );
});

test('unreadable files are listed apart; the rest are still checked; duplicates checked once', async () => {
  const result = await checkFiles([fixture('nope.yaml'), fixture('minimal.yaml'), fixture('minimal.yaml')], { lint: noLint });
  assert.deepEqual(result.unreadable, [{ file: fixture('nope.yaml'), reason: 'no such file' }]);
  assert.equal(result.loaded.length, 1);
  assert.deepEqual(result.diagnostics, []);
});

test('the lint sees every loaded file and its diagnostics are merged', async () => {
  let seen: string[] = [];
  const lint: Lint = (loaded) => {
    seen = loaded.map((l) => l.file);
    const d: Diagnostic = { code: 'demo', severity: 'warning', message: 'demo', file: loaded[0].file, line: 1, col: 1 };
    return { diagnostics: [d], fixed: new Map() };
  };
  const result = await checkFiles([fixture('minimal.yaml'), fixture('empty.yaml')], { lint });
  assert.deepEqual(seen, [fixture('minimal.yaml'), fixture('empty.yaml')]);
  assert.deepEqual(result.diagnostics.map((d) => d.code), ['empty-file', 'demo']);
});

test('--fix writes the repaired source, reports the changes, and reports what is left', async () => {
  await inTempDir(async (dir) => {
    const file = join(dir, 'issue.yaml');
    copyFileSync(fixture('minimal.yaml'), file);
    const calls: boolean[] = [];
    const lint: Lint = (loaded, options) => {
      calls.push(options.fix === true);
      const issue = loaded[0];
      const broken = issue.source.includes('张三');
      const diagnostics: Diagnostic[] = broken
        ? [{ code: 'demo-fix', severity: 'error', message: 'demo', file: issue.file, line: 12, col: 17, fixable: true }]
        : [];
      const fixed = new Map<string, { source: string; changes: string[] }>();
      if (broken && options.fix) fixed.set(issue.file, { source: issue.source.replace('张三', '张四'), changes: ['12:17 张三 → 张四'] });
      return { diagnostics, fixed };
    };
    const result = await checkFiles([file], { fix: true, lint });
    assert.deepEqual(calls, [true, false]);
    assert.match(readFileSync(file, 'utf8'), /办公室 张四/);
    assert.match(readFileSync(file, 'utf8'), /^# A small valid issue/); // comments kept: the lint's source is written as is
    assert.deepEqual(result.fixed.map((f) => ({ file: f.file, changes: f.changes })), [{ file, changes: ['12:17 张三 → 张四'] }]);
    assert.equal(result.fixed[0].after, readFileSync(file, 'utf8'));
    assert.match(result.fixed[0].before, /办公室 张三/);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.loaded[0].source.includes('张四'), true);
    assert.deepEqual(readdirSync(dir), ['issue.yaml']);
  });
});

test('without --fix nothing is written even when the lint could repair', async () => {
  await inTempDir(async (dir) => {
    const file = join(dir, 'issue.yaml');
    copyFileSync(fixture('minimal.yaml'), file);
    const before = readFileSync(file, 'utf8');
    const lint: Lint = (loaded) => ({ diagnostics: [], fixed: new Map([[loaded[0].file, { source: 'changed', changes: ['x'] }]]) });
    const result = await checkFiles([file], { lint });
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.deepEqual(result.fixed, []);
  });
});

test('atomic write replaces the content, keeps the mode and leaves no temporary file', async () => {
  await inTempDir(async (dir) => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeFileSafely(file, '新内容\n');
    assert.equal(readFileSync(file, 'utf8'), '新内容\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['a.yaml']);
  });
});

test('a title build would refuse as too long is reported by check, at the same place as build reports it', async () => {
  await inTempDir(async (dir) => {
    const file = join(dir, 'long-title.yaml');
    const long = '关于进一步加强和改进新时代地方立法工作的实施意见'.repeat(6);
    writeFileSync(file, readFileSync(fixture('minimal.yaml'), 'utf8').replace(/title: .*/, `title: ${long}`));
    const result = await checkFiles([file]);
    const d = result.diagnostics.filter((x) => x.code === 'title-too-long');
    assert.equal(d.length, 1, JSON.stringify(result.diagnostics));
    assert.equal(d[0].severity, 'error');
    assert.match(d[0].message, /^the title takes \d+ lines \(at most 3\)/);
    // At the title's value, as build reports it (line and column are 1-based).
    const lines = readFileSync(file, 'utf8').split('\n');
    const row = lines.findIndex((l) => l.includes('title: '));
    assert.equal(`${d[0].line}:${d[0].col}`, `${row + 1}:${lines[row].indexOf('title: ') + 'title: '.length + 1}`);
    // A title that fits raises nothing.
    assert.deepEqual((await checkFiles([fixture('minimal.yaml')])).diagnostics.filter((x) => x.code === 'title-too-long'), []);
  });
});
