/**
 * `bulletin new` through the built CLI, run in a scratch working directory: what it prints,
 * its exit statuses, and that the file it writes is one `bulletin check` accepts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');
const ISSUE_690 = readFileSync(join(PACKAGE_ROOT, 'issues', '690.yaml'), 'utf8');

function bulletin(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scratch(withIssue = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-new-cli-'));
  if (withIssue) {
    mkdirSync(join(dir, 'issues'));
    writeFileSync(join(dir, 'issues', '690.yaml'), ISSUE_690);
  }
  return dir;
}

test('new continues from the newest issue in ./issues and says what it wrote', () => {
  const dir = scratch();
  try {
    const r = bulletin(dir, 'new', '--date', '2024-03-22');
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, [
      'issues/691.yaml: number 3, total 691, 2024-03-22, from issues/690.yaml',
      '  kept: masthead, footer and 6 sections (要闻速递、助力攻坚、监督纵横、代表工作、情况交流、信息摘登), each with one example to replace',
      '  next: replace every 在此填写… text, then run bulletin check issues/691.yaml',
      '',
    ].join('\n'));
    // The examples are what is left to do: check refuses them, and nothing else.
    const check = bulletin(dir, 'check', 'issues/690.yaml', 'issues/691.yaml');
    assert.equal(check.status, 1, check.stdout + check.stderr);
    const problems = check.stdout.split('\n').filter((l) => /^issues\/\S+:\d+:\d+: (error|warning)/.test(l));
    assert.ok(problems.length > 0 && problems.every((l) => l.startsWith('issues/691.yaml:') && l.endsWith('[placeholder]')), check.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('new refuses to overwrite: one line, exit 2, the file untouched', () => {
  const dir = scratch();
  try {
    writeFileSync(join(dir, 'issues', '691.yaml'), 'KEEP');
    const r = bulletin(dir, 'new', '--from', 'issues/690.yaml', '--date', '2024-03-22');
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'bulletin new: issues/691.yaml already exists; it is left as it is (choose another name with -o)\n');
    assert.equal(r.status, 2);
    assert.equal(readFileSync(join(dir, 'issues', '691.yaml'), 'utf8'), 'KEEP');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('new across a year: the number resets to 1 and the output says so', () => {
  const dir = scratch();
  try {
    const r = bulletin(dir, 'new', '--from', 'issues/690.yaml', '--date', '2025-01-06', '-o', 'issues/next.yaml');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'issues/next.yaml: number 1, total 691, 2025-01-06, from issues/690.yaml');
    assert.equal(lines[1], '  number reset to 1: 2025-01-06 is in 2025, the previous issue in 2024');
    assert.ok(existsSync(join(dir, 'issues', 'next.yaml')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('new usage and system errors: one line each, exit 2, nothing written', () => {
  const dir = scratch();
  try {
    const cases: [string[], string][] = [
      [['--date', '2024-02-30'], 'bulletin new: --date 2024-02-30 is not a date; write it as YYYY-MM-DD, e.g. 2024-03-22\n'],
      [['--from', 'issues/none.yaml'], 'bulletin new: cannot read issues/none.yaml: no such file\n'],
      [['--from', 'issues'], 'bulletin new: cannot read issues: it is a directory\n'],
      [['--date', '2024-03-22', '-o', 'nowhere/691.yaml'], 'bulletin new: output directory does not exist: nowhere\n'],
      [['--date', '2024-01-01'], "bulletin new: --date 2024-01-01 is before the date of issues/690.yaml (2024-03-15); give the new issue's date with --date YYYY-MM-DD\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = bulletin(dir, 'new', ...args);
      assert.equal(r.stderr, stderr, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.status, 2, args.join(' '));
    }
    assert.ok(!existsSync(join(dir, 'issues', '691.yaml')));
    const unknown = bulletin(dir, 'new', '--form', 'x');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^error: unknown option '--form'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('new from a source with a masthead error: the located error, exit 1', () => {
  const dir = scratch(false);
  try {
    writeFileSync(join(dir, '5.yaml'), ISSUE_690.replace('number: 2', 'number: 二'));
    const r = bulletin(dir, 'new', '--from', '5.yaml', '--date', '2024-03-22');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^5\.yaml:4:9: error: `number` must be a whole number ≥ 1, got "二" \[wrong-type\]$/m);
    assert.match(r.stderr, /^bulletin new: cannot continue from 5\.yaml: it has 1 error that would carry over; fix it first$/m);
    assert.ok(!existsSync(join(dir, '6.yaml')) && !existsSync(join(dir, '691.yaml')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('new in an empty project writes the template to issues/1.yaml; --quiet prints nothing', () => {
  const dir = scratch(false);
  try {
    const r = bulletin(dir, 'new', '--quiet', '--date', '2025-01-06');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '');
    // The untouched template is not an issue yet: check says which texts are still examples.
    const check = bulletin(dir, 'check', 'issues/1.yaml');
    assert.equal(check.status, 1, check.stdout);
    assert.equal(check.stdout.split('\n')[0], 'issues/1.yaml:7:11: error: the masthead name still holds the example text “在此填写刊名” that bulletin new wrote [placeholder]');
    assert.equal(check.stdout.split('\n').at(-2), '1 file, 12 errors');
    const build = bulletin(dir, 'build', 'issues/1.yaml');
    assert.equal(build.status, 1, build.stderr);
    assert.match(build.stderr, /\[placeholder\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
