import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

test('a directory: its issue files are checked (the CLI expands it, for shells that do not)', () => {
  const r = bulletin('check', 'issues');
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^issues\/690\.yaml:/m);
  assert.match(r.stdout, /1 file, 1 note\n$/);
  assert.equal(r.status, 0);
});

test('a directory without issue files, and a pattern nothing matches: said, exit 2', () => {
  const r = bulletin('check', 'schema', 'issues/*.yml');
  assert.equal(r.stderr, 'bulletin check: no issue files (.yaml, .yml) match schema\nbulletin check: no issue files (.yaml, .yml) match issues/*.yml\n');
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

/** The built CLI with standard input and an environment of its own (no colour unless asked). */
function run(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {}): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'cli.js'), ...args], { cwd: options.cwd ?? PACKAGE_ROOT, encoding: 'utf8', input: options.input, env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const PASTED = readFileSync(join(PACKAGE_ROOT, F, 'minimal.yaml'), 'utf8').replace('- 第一段正文。', '- 检查组建议: 一是加强监督。');

test('the summary says how many problems --fix can repair', () => {
  inTempDir((dir) => {
    writeFileSync(join(dir, 'issue.yaml'), PASTED.replace('title: 第一篇文章', 'title: 第一篇文章。'));
    const r = run(['check', 'issue.yaml'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.equal(r.stdout.split('\n').at(-2), '1 file, 1 error, 1 warning, 2 of 2 can be repaired with --fix');
    // A quotation mark that pairs with none: only the author knows where it belongs.
    writeFileSync(join(dir, 'issue.yaml'), PASTED.replace('- 检查组建议: 一是加强监督。', '- 检查组建议: 一是加强监督。\n          - 他说"要加强监督。'));
    const two = run(['check', 'issue.yaml'], { cwd: dir });
    assert.equal(two.stdout.split('\n').at(-2), '1 file, 2 errors, 1 of 2 can be repaired with --fix');
    assert.equal(run(['check', '--fix', 'issue.yaml'], { cwd: dir }).stdout.split('\n').at(-2), '1 file, 1 error');
  });
});

test('--fix --dry-run prints a unified diff of what --fix would change, then what would be left, and writes nothing', () => {
  inTempDir((dir) => {
    const file = join(dir, 'issue.yaml');
    writeFileSync(file, PASTED);
    const r = run(['check', '--fix', '--dry-run', 'issue.yaml'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout);
    assert.equal(r.stdout, [
      '--- a/issue.yaml',
      '+++ b/issue.yaml',
      '@@ -8,5 +8,5 @@',
      '     articles:',
      '       - title: 第一篇文章',
      '         body:',
      '-          - 检查组建议: 一是加强监督。',
      '+          - 检查组建议：一是加强监督。',
      '         byline: 办公室 张三',
      'would fix issue.yaml:',
      '  line 11: wrote the full-width colon ： in the paragraph (colon-in-text)',
      '1 file, no problems',
      '--dry-run: nothing was written',
      '',
    ].join('\n'));
    assert.equal(readFileSync(file, 'utf8'), PASTED);
    assert.deepEqual(readdirSync(dir), ['issue.yaml']);
    assert.equal(run(['check', '--dry-run', 'issue.yaml'], { cwd: dir }).status, 2, '--dry-run goes with --fix');
  });
});

test('- reads the issue from standard input; --fix cannot rewrite it, --fix --dry-run shows the diff', () => {
  const r = run(['check', '-'], { input: PASTED });
  assert.equal(r.status, 1);
  assert.equal(r.stdout.split('\n')[0], '<stdin>:11:18: error: a half-width colon and a space (": ") in the paragraph: YAML reads “检查组建议” as a field name here and cuts the paragraph in two [colon-in-text]');
  const fix = run(['check', '--fix', '-'], { input: PASTED });
  assert.equal(fix.status, 2);
  assert.equal(fix.stderr, 'bulletin check: --fix cannot rewrite standard input; use --fix --dry-run to see the changes\n');
  const dry = run(['check', '--fix', '--dry-run', '-'], { input: PASTED });
  assert.equal(dry.status, 0);
  assert.match(dry.stdout, /^--- a\/<stdin>\n\+\+\+ b\/<stdin>\n/);
});

test('when errors stop the later checks, check says which were not run', () => {
  const r = run(['check', `${F}/wrong-type.yaml`]);
  assert.ok(r.stdout.split('\n').includes('title-too-long not checked: fix the errors above first'), r.stdout);
  const y = run(['check', `${F}/yaml-syntax.yaml`]);
  assert.ok(y.stdout.split('\n').includes('the typography rules not checked: fix the errors above first'), y.stdout);
});

test('colour on request (FORCE_COLOR), none when piped or with NO_COLOR', () => {
  const piped = run(['check', `${F}/wrong-type.yaml`]);
  assert.doesNotMatch(piped.stdout, /\u001b\[/);
  const forced = run(['check', `${F}/wrong-type.yaml`], { env: { FORCE_COLOR: '1' } });
  assert.match(forced.stdout, /\u001b\[1;31merror:\u001b\[0m/);
  // eslint-disable-next-line no-control-regex
  assert.equal(forced.stdout.replace(/\u001b\[[0-9;]*m/g, ''), piped.stdout);
  const off = run(['check', `${F}/wrong-type.yaml`], { env: { FORCE_COLOR: '0', NO_COLOR: '1' } });
  assert.equal(off.stdout, piped.stdout);
});
