/**
 * Fault cases: what `-o` names. Never a file the build reads (issue item 2), never a file that
 * is not a PDF without --force, never a device replaced by a rename (item 5); symbolic links
 * followed to the real file only when they can be trusted, hard links, mode and owner kept,
 * read-only files refused (item 13); odd names answered in plain words (item 14).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  chmodSync, chownSync, copyFileSync, existsSync, linkSync, lchownSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  cannotRunAsUser, expectRun, fingerprint, IS_ROOT, KAI_FONT, MINIMAL, mknod, pdfReaders, removeSandbox, run, sandbox, testUser,
} from './faults-support.js';

const dirs: string[] = [];
let goodPdf = '';

/** A sandbox with the small issue (and a good PDF of it, as `old.pdf`, when asked). */
function box(files: Record<string, string | Buffer> = {}, withPdf = false): string {
  const dir = sandbox({ 'a.yaml': MINIMAL, ...files });
  if (withPdf) copyFileSync(goodPdf, join(dir, 'old.pdf'));
  dirs.push(dir);
  return dir;
}

before(() => {
  const dir = box();
  const r = run(dir, ['build', 'a.yaml', '-q']);
  assert.equal(r.status, 0, r.stderr);
  goodPdf = join(dir, 'a.pdf');
});

after(() => dirs.forEach(removeSandbox));

// Item 2: the output is never a file the build reads.

test('-o naming the issue file itself is refused, exit 2, the YAML intact', () => {
  const dir = box();
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '-o', 'a.yaml']);
  expectRun(dir, before, r, { status: 2, stderr: 'bulletin build: -o a.yaml is the issue file: the PDF would replace it; choose another output name\n' });
});

test('-o naming the issue file by another path, or a hard link to it, is refused', () => {
  const dir = box();
  mkdirSync(join(dir, 'sub'));
  linkSync(join(dir, 'a.yaml'), join(dir, 'same.pdf'));
  const before = fingerprint(dir);
  for (const [out, shown] of [['./sub/../a.yaml', './sub/../a.yaml is the issue file (a.yaml)'], ['same.pdf', 'same.pdf is the issue file (a.yaml)']]) {
    const r = run(dir, ['build', 'a.yaml', '-o', out]);
    expectRun(dir, before, r, { status: 2, stderr: `bulletin build: -o ${shown}: the PDF would replace it; choose another output name\n` });
  }
});

test('-o naming the theme file is refused, exit 2, even with --force', () => {
  const dir = box({ 'theme.yaml': 'title:\n  size: 小二\n' });
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '--theme', 'theme.yaml', '-o', 'theme.yaml', '--force']);
  expectRun(dir, before, r, { status: 2, stderr: 'bulletin build: -o theme.yaml is the theme file: the PDF would replace it; choose another output name\n' });
});

test('-o naming a font file the build uses is refused, exit 2, the font intact', () => {
  const dir = box({ 'b.yaml': MINIMAL.replace('sections:', 'style:\n  fonts:\n    kai:\n      file: kai.ttf\nsections:') });
  copyFileSync(KAI_FONT, join(dir, 'kai.ttf'));
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'b.yaml', '-o', 'kai.ttf', '--force']);
  expectRun(dir, before, r, { status: 2, stderr: `bulletin build: -o kai.ttf is a font file the build uses (${join(dir, 'kai.ttf')}): the PDF would replace it; choose another output name\n` });
});

test('an existing file that is not a PDF is not replaced without --force; with it, it is', () => {
  const dir = box({ 'notes.txt': '会议纪要，不要覆盖。\n' });
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '-o', 'notes.txt']);
  expectRun(dir, before, r, {
    status: 2,
    stderr: 'bulletin build: notes.txt exists and is not a PDF (it begins "会议纪要，不要覆"); bulletin replaces only PDFs: choose another output name, or add --force to replace it\n',
  });
  const forced = run(dir, ['build', 'a.yaml', '-o', 'notes.txt', '--force', '-q']);
  expectRun(dir, before, forced, { status: 0, stderr: '', changes: ['notes.txt'], pdfs: ['notes.txt'] });
});

// Item 5: device nodes and named pipes as the output.

test('a character device as the output is written into, never replaced (mknod in a sandbox)', (t) => {
  const dir = box();
  if (!mknod(join(dir, 'null'), 'c', 1, 3)) {
    t.skip('mknod is not permitted here');
    return;
  }
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '-o', 'null']);
  expectRun(dir, before, r, { status: 0, stdout: /^null — 1 page, \d+ KB, [\d.]+ s\n$/ });
  assert.ok(lstatSync(join(dir, 'null')).isCharacterDevice());
});

test('a block device as the output is refused without being opened', (t) => {
  const dir = box();
  // 240–254 are the numbers Linux keeps for local use: nothing is behind this node.
  if (!mknod(join(dir, 'disk'), 'b', 240, 0)) {
    t.skip('mknod is not permitted here');
    return;
  }
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '-o', 'disk']);
  expectRun(dir, before, r, { status: 2, stderr: 'bulletin build: cannot write disk: it is a block device, not a file bulletin can write (it is left as it is)\n' });
});

test('a named pipe as the output: its reader gets the PDF; with no reader, exit 2 at once', async () => {
  const dir = box();
  assert.ok(mknod(join(dir, 'pipe'), 'p'));
  const before = fingerprint(dir);
  const lonely = run(dir, ['build', 'a.yaml', '-o', 'pipe'], { timeoutMs: 20_000 });
  expectRun(dir, before, lonely, { status: 2, stderr: 'bulletin build: cannot write pipe: it is a named pipe, and no program is reading from it (nothing was written)\n' });

  const reader = spawn('cat', [join(dir, 'pipe')]);
  const chunks: Buffer[] = [];
  reader.stdout.on('data', (d: Buffer) => chunks.push(d));
  const done = new Promise((r) => reader.on('close', r));
  // The reader has the pipe open once a writer can open it without blocking.
  await new Promise((r) => setTimeout(r, 200));
  const r = run(dir, ['build', 'a.yaml', '-o', 'pipe', '-q'], { timeoutMs: 30_000 });
  await done;
  expectRun(dir, before, r, { status: 0, stderr: '' });
  const out = join(box(), 'got.pdf');
  writeFileSync(out, Buffer.concat(chunks));
  const verdict = pdfReaders(out);
  assert.ok(verdict.ok, verdict.report);
  assert.ok(lstatSync(join(dir, 'pipe')).isFIFO());
});

for (const out of ['-', '/dev/stdout']) {
  test(`-o ${out} writes the PDF to the standard output and the report to the standard error`, () => {
    const dir = box();
    const before = fingerprint(dir);
    const r = run(dir, ['build', 'a.yaml', '-o', out]);
    expectRun(dir, before, r, { status: 0, stderr: new RegExp(`^${out.replace(/\//g, '\\/')} — 1 page, \\d+ KB, [\\d.]+ s\\n$`) });
    const pdf = join(box(), 'stdout.pdf');
    writeFileSync(pdf, r.stdoutBytes);
    assert.equal(r.stdoutBytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const verdict = pdfReaders(pdf);
    assert.ok(verdict.ok, verdict.report);
  });
}

// Item 13: links, modes, owners of an existing output.

test('an output that is a symbolic link: the real file gets the PDF, the link stays a link', () => {
  const dir = box({}, true);
  mkdirSync(join(dir, 'real'));
  copyFileSync(goodPdf, join(dir, 'real', 'out.pdf'));
  symlinkSync('real/out.pdf', join(dir, 'out.pdf'));
  symlinkSync('real/new.pdf', join(dir, 'dangling.pdf'));
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '-o', 'out.pdf', '-q']);
  expectRun(dir, before, r, { status: 0, stderr: '', changes: ['real/out.pdf'], pdfs: ['real/out.pdf'] });
  assert.equal(readlinkSync(join(dir, 'out.pdf')), 'real/out.pdf');
  const d = run(dir, ['build', 'a.yaml', '-o', 'dangling.pdf', '-q']);
  expectRun(dir, before, d, { status: 0, stderr: '', changes: ['real/new.pdf', 'real/out.pdf'], pdfs: ['real/new.pdf'] });
  assert.equal(readlinkSync(join(dir, 'dangling.pdf')), 'real/new.pdf');
});

test("another user's symbolic link to a file that is not theirs is not followed", (t) => {
  if (!IS_ROOT || !testUser) {
    t.skip('needs root and the test user to own a link');
    return;
  }
  const dir = box({}, true);
  symlinkSync('old.pdf', join(dir, 'planted.pdf'));
  lchownSync(join(dir, 'planted.pdf'), testUser.uid, testUser.gid);
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '-o', 'planted.pdf']);
  expectRun(dir, before, r, {
    status: 2,
    stderr: `bulletin build: cannot write planted.pdf: it is a symbolic link of another user (uid ${testUser.uid}) to a file that is not theirs, so it is not followed; write to the real file, or remove the link (nothing was written)\n`,
  });
});

test('a 0600 PDF stays 0600, a PDF with two hard links is rewritten in both', () => {
  const dir = box({}, true);
  chmodSync(join(dir, 'old.pdf'), 0o600);
  copyFileSync(goodPdf, join(dir, 'linked.pdf'));
  linkSync(join(dir, 'linked.pdf'), join(dir, 'other-name.pdf'));
  const ino = statSync(join(dir, 'linked.pdf')).ino;
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '-o', 'old.pdf', '-q']);
  expectRun(dir, before, r, { status: 0, stderr: '', changes: ['old.pdf'], pdfs: ['old.pdf'] });
  assert.equal(statSync(join(dir, 'old.pdf')).mode & 0o777, 0o600);
  // A different PDF (another date) into the hard-linked file: both names see it, one inode still.
  const before2 = fingerprint(dir);
  const h = run(dir, ['build', 'a.yaml', '-o', 'linked.pdf', '-q'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  expectRun(dir, before2, h, { status: 0, stderr: '', changes: ['linked.pdf', 'other-name.pdf'], pdfs: ['linked.pdf'] });
  assert.equal(statSync(join(dir, 'linked.pdf')).ino, ino);
  assert.equal(statSync(join(dir, 'linked.pdf')).nlink, 2);
  assert.ok(readFileSync(join(dir, 'other-name.pdf')).equals(readFileSync(join(dir, 'linked.pdf'))));
});

test("a read-only (0444) PDF is refused, and a user's PDF keeps its owner when root rebuilds it", (t) => {
  const dir = box({}, true);
  chmodSync(join(dir, 'old.pdf'), 0o444);
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '-o', 'old.pdf']);
  expectRun(dir, before, r, {
    status: 2,
    stderr: 'bulletin build: cannot write old.pdf: it is read-only (mode 0444); make it writable (chmod u+w) if it should be replaced (it is left as it was)\n',
  });
  if (!IS_ROOT || !testUser) {
    t.diagnostic('owner case skipped: needs root and the test user');
    return;
  }
  chmodSync(join(dir, 'old.pdf'), 0o640);
  chownSync(join(dir, 'old.pdf'), testUser.uid, testUser.gid);
  const before2 = fingerprint(dir);
  const o = run(dir, ['build', 'a.yaml', '-o', 'old.pdf', '-q']);
  expectRun(dir, before2, o, { status: 0, stderr: '', changes: ['old.pdf'], pdfs: ['old.pdf'] });
  const st = statSync(join(dir, 'old.pdf'));
  assert.deepEqual([st.uid, st.gid, st.mode & 0o777], [testUser.uid, testUser.gid, 0o640]);
});

// Item 14: names.

test('a 250-byte output name works (the temporary name is shortened, not refused)', () => {
  const dir = box();
  const name = `${'简'.repeat(82)}.pdf`; // 82 × 3 bytes + 4 = 250 bytes
  assert.equal(Buffer.byteLength(name), 250);
  const before = fingerprint(dir);
  const r = run(dir, ['build', 'a.yaml', '-o', name, '-q']);
  expectRun(dir, before, r, { status: 0, stderr: '', changes: [name], pdfs: [name] });
});

test('-o "" and -o naming a directory get plain messages, build and new alike', () => {
  const dir = box();
  mkdirSync(join(dir, 'out'));
  const before = fingerprint(dir);
  const cases: [string[], string][] = [
    [['build', 'a.yaml', '-o', ''], 'bulletin build: -o needs a file name, e.g. -o out.pdf (or -o - for the standard output)\n'],
    [['build', 'a.yaml', '-o', 'out/'], 'bulletin build: -o out/ names a directory; give the PDF a file name, e.g. -o out/a.pdf\n'],
    [['build', 'a.yaml', '-o', 'out'], 'bulletin build: cannot write out: it is a directory; give the PDF a file name, e.g. -o out/a.pdf\n'],
    [['build', 'a.yaml', '-o', 'none/'], 'bulletin build: -o none/ names a directory; give the PDF a file name, e.g. -o none/a.pdf\n'],
    [['new', '--from', 'a.yaml', '--date', '2024-02-01', '-o', ''], 'bulletin new: -o needs a file name, e.g. -o issues/691.yaml\n'],
    [['new', '--from', 'a.yaml', '--date', '2024-02-01', '-o', 'out/'], 'bulletin new: -o out/ names a directory; give the new issue file a name, e.g. -o out/691.yaml\n'],
  ];
  for (const [args, stderr] of cases) expectRun(dir, before, run(dir, args), { status: 2, stderr });
});

test('new into a directory the user cannot write: one line, exit 2, nothing written', (t) => {
  const why = cannotRunAsUser();
  if (why) {
    t.skip(why);
    return;
  }
  const dir = box();
  mkdirSync(join(dir, 'ro'));
  chmodSync(join(dir, 'ro'), 0o555);
  const before = fingerprint(dir);
  const r = run(dir, ['new', '--from', 'a.yaml', '--date', '2024-02-01', '-o', 'ro/b.yaml'], { asUser: true });
  expectRun(dir, before, r, { status: 2, stderr: 'bulletin new: cannot write ro/b.yaml: permission denied (nothing was written)\n' });
  assert.equal(existsSync(join(dir, 'ro', 'b.yaml')), false);
});
