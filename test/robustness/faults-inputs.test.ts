/**
 * Fault cases: what the tool reads. Named pipes and devices are refused before a byte is read,
 * within a time bound (issue item 6); aliases are bounded by the text they make, not only by
 * their count (item 7); 40,000 schema errors take seconds (item 8); and the one-line answers of
 * item 14: an alias bomb in a theme or in `new --from`, a damaged `head` table, a huge
 * SOURCE_DATE_EPOCH, `number: 1e300`, a masthead name too long, `{constructor}` in a template,
 * eighty fonts under a small descriptor limit.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
import { CLI, expectRun, fingerprint, KAI_FONT, MINIMAL, mknod, pdfReaders, removeSandbox, run, sandbox } from './faults-support.js';

/** Every refusal of a non-regular input must come at once: a hang is killed here. */
const BOUND_MS = 20_000;

const dirs: string[] = [];
function box(files: Record<string, string | Buffer> = {}): string {
  const dir = sandbox({ 'a.yaml': MINIMAL, ...files });
  dirs.push(dir);
  return dir;
}
after(() => dirs.forEach(removeSandbox));

/** The classic "billion laughs": nine levels of nine aliases each, as `prefix` keys. */
function aliasBomb(indent = ''): string {
  let out = `${indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  const names = 'abcdefghi';
  for (let k = 1; k < names.length; k++) out += `${indent}${names[k]}: &${names[k]} [${Array(9).fill(`*${names[k - 1]}`).join(',')}]\n`;
  return out;
}

// Item 6: named pipes and devices as inputs.

test('check of a character device (a zero device made in the sandbox) is refused at once, exit 2', (t) => {
  const dir = box();
  if (!mknod(join(dir, 'zero'), 'c', 1, 5)) {
    t.skip('mknod is not permitted here');
    return;
  }
  const before = fingerprint(dir);
  const r = run(dir, ['check', 'zero'], { timeoutMs: BOUND_MS });
  expectRun(dir, before, r, { status: 2, stderr: 'bulletin check: cannot read zero: it is a character device, not an issue file\n' });
  const b = run(dir, ['build', 'a.yaml', '--theme', 'zero'], { timeoutMs: BOUND_MS });
  expectRun(dir, before, b, { status: 2, stderr: 'bulletin build: cannot read theme file zero: it is a character device, not a theme file\n' });
});

test('a named pipe as the issue, the theme or the source of new is refused at once, exit 2', () => {
  const dir = box();
  assert.ok(mknod(join(dir, 'fifo'), 'p'));
  const before = fingerprint(dir);
  const cases: [string[], string][] = [
    [['check', 'fifo'], 'bulletin check: cannot read fifo: it is a named pipe (FIFO), not an issue file\n'],
    [['build', 'fifo'], 'bulletin build: cannot read fifo: it is a named pipe (FIFO), not an issue file\n'],
    [['build', 'a.yaml', '--theme', 'fifo'], 'bulletin build: cannot read theme file fifo: it is a named pipe (FIFO), not a theme file\n'],
    [['new', '--from', 'fifo'], 'bulletin new: cannot read fifo: it is a named pipe (FIFO), not an issue file\n'],
  ];
  for (const [args, stderr] of cases) expectRun(dir, before, run(dir, args, { timeoutMs: BOUND_MS }), { status: 2, stderr });
});

test("a named pipe as a font in the issue's own style: does not block check in CI: exit 2 at once", () => {
  const dir = box({ 'b.yaml': MINIMAL.replace('sections:', 'style:\n  fonts:\n    kai:\n      file: kai.ttf\nsections:') });
  assert.ok(mknod(join(dir, 'kai.ttf'), 'p'));
  const before = fingerprint(dir);
  for (const cmd of ['check', 'build']) {
    const r = run(dir, [cmd, 'b.yaml'], { timeoutMs: BOUND_MS });
    const said = `cannot read font file ${join(dir, 'kai.ttf')}: it is a named pipe (FIFO), not a font file`;
    // Said at the key that names the font (build's diagnostics go to the standard error, check's to
    // the standard output), then summed up in one line.
    expectRun(dir, before, r, { status: 2, stderr: new RegExp(`(?:^|\\n)bulletin ${cmd}: bad font: ${escapeRe(said)}\\n$`) });
    assert.ok((cmd === 'build' ? r.stderr : r.stdout).startsWith(`b.yaml:8:13: error: ${said} [theme]\n`), r.stdout + r.stderr);
  }
});

// Item 7: aliases bounded by the text they make.

test('one long anchored paragraph aliased 300 times stops at once with a located error', () => {
  const para = '长'.repeat(100_000);
  const source = MINIMAL.replace('          - 第一段正文。\n', `          - &p ${para}\n${'          - *p\n'.repeat(300)}`);
  assert.ok(Buffer.byteLength(source) > 300_000);
  const dir = box({ 'bomb.yaml': source });
  const before = fingerprint(dir);
  for (const cmd of ['check', 'build']) {
    const r = run(dir, [cmd, 'bomb.yaml'], { timeoutMs: BOUND_MS });
    expectRun(dir, before, r, {
      status: 1,
      [cmd === 'check' ? 'stdout' : 'stderr']: /^bomb\.yaml:\d+:13: error: alias `\*p` repeats 100,000 characters, and with it the file's text grows past 5,242,880 characters, the most a file may hold \[yaml-alias\]$/m,
    });
  }
});

test('an alias bomb in a theme file, or in the source of new, is a located error, not an internal one', () => {
  const dir = box({ 'theme.yaml': aliasBomb(), 'source.yaml': `${MINIMAL}x-bomb:\n${aliasBomb('  ')}` });
  const before = fingerprint(dir);
  const b = run(dir, ['build', 'a.yaml', '--theme', 'theme.yaml'], { timeoutMs: BOUND_MS });
  expectRun(dir, before, b, { status: 2, stderr: /^theme\.yaml:\d+:\d+: error: alias `\*\w` expands to [\d,]+ values, .*\[yaml-alias\][\s\S]*bulletin build: theme file theme\.yaml has errors\n$/ });
  const n = run(dir, ['new', '--from', 'source.yaml', '--date', '2024-02-01', '-o', 'next.yaml'], { timeoutMs: BOUND_MS });
  expectRun(dir, before, n, { status: 1, stderr: /^source\.yaml:\d+:\d+: error: alias `\*\w` expands to [\d,]+ values, .*\[yaml-alias\][\s\S]*bulletin new: cannot continue from source\.yaml/ });
});

// Item 8: many schema errors.

test('40,000 wrong-typed paragraphs: the first 100 are listed and the rest counted, in seconds', () => {
  const source = MINIMAL.replace('          - 第一段正文。\n', '          - [1]\n'.repeat(40_000));
  const dir = box({ 'many.yaml': source });
  const before = fingerprint(dir);
  const r = run(dir, ['check', 'many.yaml'], { timeoutMs: 60_000 });
  expectRun(dir, before, r, { status: 1, stdout: /^many\.yaml:\d+:13: error: … and 39,900 more problems like these, not listed \(the first 100 are shown\); correct those and check again \[too-many-problems\]$/m });
  assert.equal(r.stdout.match(/: error: /g)?.length, 101);
});

// Item 14: one-line answers.

test('a damaged head table in a font: one line, exit 2, not an internal error', () => {
  const font = readFileSync(KAI_FONT);
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const entry = 12 + 16 * i;
    if (font.toString('latin1', entry, entry + 4) !== 'head') continue;
    font.fill(0xff, font.readUInt32BE(entry + 8), font.readUInt32BE(entry + 8) + font.readUInt32BE(entry + 12));
  }
  const dir = box({ 'bad.ttf': font, 'theme.yaml': 'fonts:\n  kai:\n    file: bad.ttf\n' });
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '--theme', 'theme.yaml']);
  const said = `not a usable font file: ${join(dir, 'bad.ttf')} (its 'head' table is damaged: 65535 units per em)`;
  // At the theme's key that names the font, then one summing-up line.
  expectRun(dir, before, r, { status: 2, stderr: new RegExp(`^theme\\.yaml:3:11: error: ${escapeRe(said)} \\[theme\\]\\n(?:.*\\n)*bulletin build: bad font: ${escapeRe(said)}\\n$`) });
});

test('a SOURCE_DATE_EPOCH past year 9999 (or not a number): one line, exit 2', () => {
  const dir = box();
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml'], { env: { SOURCE_DATE_EPOCH: '99999999999999999' } });
  expectRun(dir, before, r, { status: 2, stderr: 'bulletin build: SOURCE_DATE_EPOCH=99999999999999999 is not a time bulletin can use: give whole seconds since 1970-01-01, at most 253402300799 (the end of year 9999)\n' });
  const n = run(dir, ['build', 'a.yaml'], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
  expectRun(dir, before, n, { status: 2, stderr: /^bulletin build: SOURCE_DATE_EPOCH=yesterday is not a time bulletin can use/ });
});

test('number: 1e300 is refused where it is written', () => {
  const dir = box({ 'big.yaml': MINIMAL.replace('number: 1', 'number: 1e300') });
  const before = fingerprint(dir);
  const r = run(dir, ['check', 'big.yaml']);
  expectRun(dir, before, r, { status: 1, stdout: /^big\.yaml:2:9: error: `number` must be a whole number from 1 to 9,999, got 1e\+300 \[wrong-type\]$/m });
});

test('a masthead name of 40 characters is a located error, in check and build', () => {
  const name = '中共某某市某某区委员会办公室机关党委综合信息简报'.repeat(2).slice(0, 40);
  const dir = box({ 'long.yaml': MINIMAL.replace('bulletin: 测试简报', `bulletin: ${name}`) });
  const before = fingerprint(dir);
  const message = /^long\.yaml:1:11: error: the bulletin name \(40 characters\) is too long for the masthead: it would have to be set at [\d.]+ pt, smaller than the 16 pt line under it \[name-too-long\]$/m;
  expectRun(dir, before, run(dir, ['check', 'long.yaml']), { status: 1, stdout: message });
  expectRun(dir, before, run(dir, ['build', 'long.yaml']), { status: 1, stderr: message });
});

test('{constructor} in a theme template prints as typed, not Object.prototype', () => {
  const dir = box({ 'theme.yaml': 'masthead:\n  number:\n    numberOnly: "{constructor}第{number}期"\nfolio:\n  format: "{toString} {n}"\n' });
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '--theme', 'theme.yaml', '-q']);
  expectRun(dir, before, r, { status: 0, stderr: '', changes: ['a.pdf'], pdfs: ['a.pdf'] });
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).stdout;
  assert.match(text, /\{constructor\}第 ?1 ?期/);
  assert.doesNotMatch(text, /function|native code/);
});

test('eighty fonts under a small descriptor limit: no EMFILE (descriptors are pooled)', () => {
  const dir = box();
  copyFileSync(KAI_FONT, join(dir, 'f0.ttf'));
  for (let i = 1; i < 80; i++) linkSync(join(dir, 'f0.ttf'), join(dir, `f${i}.ttf`));
  const roles = Array.from({ length: 80 }, (_, i) => `r${i}`);
  const fonts = `song:\n  fallback: [${roles.join(', ')}]\n${roles.map((r, i) => `${r}:\n  file: f${i}.ttf\n`).join('')}`;
  const indent = (text: string, by: string) => text.split('\n').map((l) => (l ? by + l : l)).join('\n');
  writeFileSync(join(dir, 'theme.yaml'), `fonts:\n${indent(fonts, '  ')}`);
  writeFileSync(join(dir, 'styled.yaml'), MINIMAL.replace('sections:', `style:\n  fonts:\n${indent(fonts, '    ')}sections:`));
  const before = fingerprint(dir);
  // Node itself needs some 20 descriptors, and loading a command's modules (in parallel) some
  // 50 to 70 more; eighty faces held open at once would not fit beside them.
  const limited = (limit: number, args: string[]) => {
    const r = spawnSync('bash', ['-c', `ulimit -n ${limit} && exec "$0" "$@"`, process.execPath, CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: 0, timedOut: r.signal === 'SIGTERM' };
  };
  expectRun(dir, before, limited(100, ['check', 'styled.yaml']), { status: 0, stdout: '1 file, no problems\n', stderr: '' });
  expectRun(dir, before, limited(100, ['fonts', 'styled.yaml', '-q']), { status: 0, stderr: '' });
  expectRun(dir, before, limited(100, ['build', 'a.yaml', '--theme', 'theme.yaml', '-q']), { status: 0, stderr: '', changes: ['a.pdf'], pdfs: ['a.pdf'] });
  assert.ok(pdfReaders(join(dir, 'a.pdf')).ok);
});
