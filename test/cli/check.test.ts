import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';

/** Run the built CLI (dist/ is built before the tests run) from the package root. */
function bulletin(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'cli.js'), ...args], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const F = 'test/fixtures/issues';

function inTempDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-cli-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('check issues/690.yaml: clean, exit 0', () => {
  const r = bulletin('check', 'issues/690.yaml');
  assert.equal(r.stderr, '');
  // Notes (e.g. the 淳安县 目录 text that differs from its title on purpose) are not problems.
  assert.doesNotMatch(r.stdout, /: (error|warning): /);
  assert.match(r.stdout, /(^|\n)1 file, (no problems|\d+ notes?)\n$/);
  assert.equal(r.status, 0);
});

const BAD: [file: string, firstLine: string, sourceLine: string, caret: string][] = [
  ['misspelt-key.yaml', '12:5: error: section 监督纵横: unknown key `artcles` — did you mean `articles`? [unknown-key]', ' 12 |     artcles:', '    |     ^~~~~~~'],
  ['wrong-type.yaml', '2:9: error: `number` must be a whole number ≥ 1, got "二" [wrong-type]', ' 2 | number: 二', '   |         ^~'],
  ['missing-field.yaml', '11:9: error: article 2 of section 监督纵横: `title` is missing [missing-field]', ' 11 |       - body:', '    |         ^'],
  ['duplicate-key.yaml', '11:9: error: duplicate key `title`: it is already set on line 8; a key may appear only once in a mapping [duplicate-key]', ' 11 |         title: 又一个标题', '    |         ^~~~~'],
  ['yaml-syntax.yaml', '3:12: error: the quoted text that starts here is never closed; add the closing " [yaml-syntax]', ' 3 | publisher: "测试单位编', '   |            ^'],
  ['tabs.yaml', '7:1: error: a tab indents this line: YAML indents with spaces only [tab-indent]', ' 7 |         articles:', '   | ^~~~~~~~'],
  ['empty.yaml', '1:1: error: the file is empty; an issue needs at least bulletin, number, publisher, date and sections [empty-file]', ' 1 |', '   | ^'],
  ['top-level-list.yaml', '1:1: error: the issue must be a mapping of keys (bulletin:, number:, sections: …); found a list [not-a-mapping]', ' 1 | - bulletin: 测试简报', '   | ^'],
  ['nul.yaml', '3:16: error: NUL character (U+0000) in the file; it is not text — delete it [bad-character]', ' 3 | publisher: 测试单位␀编', '   |                    ^'],
  ['alias-bomb.yaml', '10:8: error: alias `*e` expands to 66,430 values', ' 10 | f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]', '    |        ^~'],
];

for (const [file, firstLine, sourceLine, caret] of BAD) {
  test(`check ${file}: located error with source line and caret, exit 1`, () => {
    const r = bulletin('check', `${F}/${file}`);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`${F}/${file}:${firstLine}`));
    assert.ok(at >= 0, `no line starting ${F}/${file}:${firstLine} in:\n${r.stdout}`);
    assert.equal(lines[at + 1], sourceLine);
    assert.equal(lines[at + 2], caret);
    assert.match(r.stdout, /\n1 file, \d+ errors?(, .*)?\n$/);
    assert.doesNotMatch(r.stdout, /at .*\.js:\d+/); // no stack trace
  });
}

test('several files: one summary for all', () => {
  const r = bulletin('check', `${F}/wrong-type.yaml`, `${F}/misspelt-key.yaml`);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /\n2 files, \d+ errors?/);
  // sorted by file: misspelt-key before wrong-type
  assert.ok(r.stdout.indexOf('misspelt-key.yaml:12:5') < r.stdout.indexOf('wrong-type.yaml:2:9'));
});

test('a missing file: one clear line on stderr, exit 2', () => {
  const r = bulletin('check', `${F}/does-not-exist.yaml`);
  assert.equal(r.stderr, `bulletin check: cannot read ${F}/does-not-exist.yaml: no such file\n`);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
});

test('a directory: exit 2', () => {
  const r = bulletin('check', 'issues');
  assert.equal(r.stderr, 'bulletin check: cannot read issues: it is a directory\n');
  assert.equal(r.status, 2);
});

test('a missing file among others: the others are checked, exit 2', () => {
  const r = bulletin('check', `${F}/wrong-type.yaml`, `${F}/does-not-exist.yaml`);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stdout, /wrong-type\.yaml:2:9: error/);
  assert.match(r.stdout, /1 file, \d+ errors?.*, 1 not readable\n$/);
});

test('--format json: an array of diagnostics, nothing else on stdout', () => {
  const r = bulletin('check', '--format', 'json', `${F}/wrong-type.yaml`);
  assert.equal(r.status, 1);
  const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
  const row = rows.find((d) => d.code === 'wrong-type')!;
  assert.deepEqual(
    { file: row.file, line: row.line, col: row.col, severity: row.severity, path: row.path },
    { file: `${F}/wrong-type.yaml`, line: 2, col: 9, severity: 'error', path: 'number' },
  );
  assert.deepEqual(Object.keys(row).slice(0, 8), ['file', 'line', 'col', 'endLine', 'endCol', 'severity', 'code', 'message']);
});

test('--format github: workflow commands', () => {
  const r = bulletin('check', '--format', 'github', `${F}/wrong-type.yaml`);
  assert.equal(r.status, 1);
  assert.ok(
    r.stdout.split('\n').includes(`::error file=${F}/wrong-type.yaml,line=2,col=9,title=wrong-type::\`number\` must be a whole number ≥ 1, got "二"`),
    r.stdout,
  );
});

test('an unknown --format is a usage error', () => {
  const r = bulletin('check', '--format', 'xml', `${F}/minimal.yaml`);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /xml/);
});

test('warnings: exit 0, --strict exit 1, --quiet hides them but counts them', () => {
  inTempDir((dir) => {
    const file = join(dir, 'tagged.yaml');
    writeFileSync(file, readFileSync(join(PACKAGE_ROOT, F, 'minimal.yaml'), 'utf8').replace('bulletin: 测试简报', 'bulletin: !mytag 测试简报'));
    const plain = bulletin('check', file);
    assert.equal(plain.status, 0, plain.stdout);
    assert.match(plain.stdout, new RegExp(`${file}:2:11: warning: unknown YAML tag \`!mytag\`.* \\[yaml-tag\\]`));
    assert.match(plain.stdout, /1 file, 1 warning\n$/);
    assert.equal(bulletin('check', '--strict', file).status, 1);
    const quiet = bulletin('check', '--quiet', file);
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '1 file, 1 warning\n');
  });
});

test('--fix on a clean file changes nothing', () => {
  inTempDir((dir) => {
    const file = join(dir, '690.yaml');
    copyFileSync(join(PACKAGE_ROOT, 'issues', '690.yaml'), file);
    const before = readFileSync(file, 'utf8');
    const r = bulletin('check', '--fix', file);
    assert.equal(r.status, 0, r.stdout);
    assert.equal(readFileSync(file, 'utf8'), before);
  });
});
