/**
 * Fault cases: `check --fix` writing an issue file back. Never over bytes the loader could not
 * decode (issue item 4), never over an editor's save that landed meanwhile (item 12); through a
 * symbolic link to the real file, keeping hard links, owner, mode and byte-order mark, refusing
 * read-only files (item 13); one line for a permission error (item 14); and a file named twice
 * checked once (item 14).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, linkSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cannotRunAsUser, expectRun, fingerprint, finished, giveToUser, IS_ROOT, leftovers, MINIMAL, removeSandbox, run, sandbox, start, testUser, until,
} from './faults-support.js';

/** MINIMAL with a half-width comma between Han characters, which --fix repairs to ，. */
const FIXABLE = MINIMAL.replace('第一段正文。', '第一段正文,第二句。');
const FIXED = MINIMAL.replace('第一段正文。', '第一段正文，第二句。');
const FIXED_REPORT = 'fixed a.yaml:\n  line 10: \',\' → \'，\' (punct-halfwidth)\n1 file, no problems\n';

const dirs: string[] = [];
function box(files: Record<string, string | Buffer>): string {
  const dir = sandbox(files);
  dirs.push(dir);
  return dir;
}
after(() => dirs.forEach(removeSandbox));

test('invalid UTF-8: --fix leaves the bytes alone and says so; the re-check still reports them', () => {
  // 正文 saved in GBK: D5FD CEC4 is not UTF-8.
  const bytes = Buffer.concat([Buffer.from(FIXABLE.replace('办公室 张三\n', '办公室 '), 'utf8'), Buffer.from([0xd5, 0xfd, 0xce, 0xc4, 0x0a])]);
  const dir = box({ 'a.yaml': bytes });
  const before = fingerprint(dir);
  const r = run(dir, ['check', '--fix', 'a.yaml']);
  expectRun(dir, before, r, {
    status: 1,
    stdout: /^a\.yaml:\d+:\d+: error: the file is not valid UTF-8 text here .*\[encoding\]\n[\s\S]*^ {4}= hint: .*--fix does not touch it, so nothing more is lost$/m,
  });
  assert.ok(readFileSync(join(dir, 'a.yaml')).equals(bytes));
  const again = run(dir, ['check', 'a.yaml']);
  assert.equal(again.status, 1);
  assert.match(again.stdout, /^a\.yaml:11:21: error: the file is not valid UTF-8 text here/m);
});

test('a byte-order mark is kept by --fix', () => {
  const dir = box({ 'a.yaml': `\uFEFF${FIXABLE}` });
  const before = fingerprint(dir);
  const r = run(dir, ['check', '--fix', 'a.yaml']);
  expectRun(dir, before, r, { status: 0, stdout: FIXED_REPORT, changes: ['a.yaml'] });
  assert.equal(readFileSync(join(dir, 'a.yaml'), 'utf8'), `\uFEFF${FIXED}`);
});

test('--fix through a symbolic link fixes the real file and keeps the link', () => {
  const dir = box({ 'real/a.yaml': FIXABLE });
  symlinkSync('real/a.yaml', join(dir, 'a.yaml'));
  const before = fingerprint(dir);
  const r = run(dir, ['check', '--fix', 'a.yaml']);
  expectRun(dir, before, r, { status: 0, stdout: FIXED_REPORT, changes: ['real/a.yaml'] });
  assert.equal(readlinkSync(join(dir, 'a.yaml')), 'real/a.yaml');
  assert.equal(readFileSync(join(dir, 'real/a.yaml'), 'utf8'), FIXED);
});

test('--fix keeps hard links: every name sees the repair, one inode still', () => {
  const dir = box({ 'a.yaml': FIXABLE });
  linkSync(join(dir, 'a.yaml'), join(dir, 'copy.yaml'));
  const ino = statSync(join(dir, 'a.yaml')).ino;
  const before = fingerprint(dir);
  const r = run(dir, ['check', '--fix', 'a.yaml']);
  expectRun(dir, before, r, { status: 0, stdout: FIXED_REPORT, changes: ['a.yaml', 'copy.yaml'] });
  assert.equal(readFileSync(join(dir, 'copy.yaml'), 'utf8'), FIXED);
  assert.equal(statSync(join(dir, 'a.yaml')).ino, ino);
  assert.equal(statSync(join(dir, 'a.yaml')).nlink, 2);
});

test("--fix by root keeps a user's file the user's, with its mode", (t) => {
  if (!IS_ROOT || !testUser) {
    t.skip('needs root and the test user');
    return;
  }
  const dir = box({ 'a.yaml': FIXABLE });
  chownSync(join(dir, 'a.yaml'), testUser.uid, testUser.gid);
  chmodSync(join(dir, 'a.yaml'), 0o640);
  const before = fingerprint(dir);
  const r = run(dir, ['check', '--fix', 'a.yaml']);
  expectRun(dir, before, r, { status: 0, stdout: FIXED_REPORT, changes: ['a.yaml'] });
  const st = statSync(join(dir, 'a.yaml'));
  assert.deepEqual([st.uid, st.gid, st.mode & 0o777], [testUser.uid, testUser.gid, 0o640]);
});

test('--fix refuses a read-only (0444) file: one line, exit 2, the file as it was', () => {
  const dir = box({ 'a.yaml': FIXABLE });
  chmodSync(join(dir, 'a.yaml'), 0o444);
  const before = fingerprint(dir);
  const r = run(dir, ['check', '--fix', 'a.yaml']);
  expectRun(dir, before, r, {
    status: 2,
    stderr: 'bulletin check: cannot write a.yaml: it is read-only (mode 0444); make it writable (chmod u+w) if it should be replaced (it is left as it was)\n',
  });
});

test('--fix without permission to write (an unprivileged user): one line, exit 2', (t) => {
  const why = cannotRunAsUser();
  if (why) {
    t.skip(why);
    return;
  }
  // The file is the user's, its directory is not: no temporary file can be made beside it.
  const dir = box({ 'ro/a.yaml': FIXABLE });
  giveToUser(join(dir, 'ro/a.yaml'));
  chmodSync(join(dir, 'ro'), 0o555);
  const before = fingerprint(dir);
  const r = run(dir, ['check', '--fix', 'ro/a.yaml'], { asUser: true });
  expectRun(dir, before, r, { status: 2, stderr: 'bulletin check: cannot write ro/a.yaml: permission denied (it is left as it was)\n' });
});

test("an editor's save that lands while --fix writes is kept, and the run says so (exit 2)", async () => {
  const dir = box({ 'a.yaml': FIXABLE });
  const child = start(dir, ['check', '--fix', 'a.yaml'], { env: { BULLETIN_TEST_WRITE_DELAY_MS: '1500' } });
  const result = finished(child, 30_000);
  // The repaired copy is being written: now the editor saves.
  assert.ok(await until(() => leftovers(dir).length > 0, 20_000), 'the write began');
  const saved = FIXABLE.replace('办公室 张三', '办公室 李四');
  writeFileSync(join(dir, 'a.yaml'), saved);
  const r = await result;
  assert.equal(r.timedOut, false);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr, 'bulletin check: cannot write a.yaml: it changed on the disk while bulletin was working on it (saved from an editor?) (that version is left as it is; run the command again)\n');
  assert.equal(readFileSync(join(dir, 'a.yaml'), 'utf8'), saved);
  assert.deepEqual(leftovers(dir), []);
});

test('check a.yaml ./a.yaml (and a link to it) checks the file once', () => {
  const dir = box({ 'a.yaml': MINIMAL.replace('number: 1', 'number: 2') });
  mkdirSync(join(dir, 'sub'));
  symlinkSync('../a.yaml', join(dir, 'sub', 'link.yaml'));
  const before = fingerprint(dir);
  const r = run(dir, ['check', 'a.yaml', './a.yaml', 'sub/link.yaml']);
  expectRun(dir, before, r, { status: 0, stdout: '1 file, no problems\n', stderr: '' });
});
