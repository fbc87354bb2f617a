/**
 * Fault cases: a full disk (a small tmpfs). A write that cannot put every byte on the disk must
 * fail with one line and exit 2, leave the previous file byte for byte as it was, and leave no
 * temporary file and no empty or cut-short file behind (issue item 1, and ENOSPC in `--fix` and
 * `new` of item 14).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  changed, clean, fillDisk, fingerprint, ISSUE_690, leftovers, MINIMAL, mountTmpfs, pdfReaders, removeSandbox, run, sandbox,
} from './faults-support.js';

const work = sandbox({ '690.yaml': readFileSync(ISSUE_690) });
let goodPdf = '';

before(() => {
  const r = run(work, ['build', '690.yaml', '-q']);
  assert.equal(r.status, 0, r.stderr);
  goodPdf = join(work, '690.pdf');
});

after(() => removeSandbox(work));

/** A small tmpfs for one case; skipped (with the reason) where mounting is not allowed. */
function withTmpfs(t: { skip(reason: string): void }, kilobytes: number, body: (dir: string) => void): void {
  const fs = mountTmpfs(kilobytes);
  if (typeof fs === 'string') {
    t.skip(fs);
    return;
  }
  try {
    body(fs.dir);
  } finally {
    fs.unmount();
  }
}

test('full disk: a build over a good PDF fails, exit 2, and leaves the old PDF intact', (t) => {
  withTmpfs(t, 300, (dir) => {
    copyFileSync(ISSUE_690, join(dir, '690.yaml'));
    copyFileSync(goodPdf, join(dir, '690.pdf'));
    const before = fingerprint(dir);
    const r = run(dir, ['build', '690.yaml', '-q']);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').at(-1), 'bulletin build: cannot write 690.pdf: no space left on the device (it is left as it was)');
    assert.ok(clean(r), r.stderr);
    assert.deepEqual(changed(before, fingerprint(dir)), []);
    assert.deepEqual(leftovers(dir), []);
    const verdict = pdfReaders(join(dir, '690.pdf'));
    assert.ok(verdict.ok, verdict.report);
  });
});

test('full disk: a first build writes no PDF at all, not a cut-short one', (t) => {
  withTmpfs(t, 300, (dir) => {
    copyFileSync(ISSUE_690, join(dir, '690.yaml'));
    fillDisk(dir, 40 * 1024);
    const before = fingerprint(dir);
    const r = run(dir, ['build', '690.yaml', '-q']);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').at(-1), 'bulletin build: cannot write 690.pdf: no space left on the device (nothing was written)');
    assert.deepEqual(changed(before, fingerprint(dir)), []);
    assert.equal(existsSync(join(dir, '690.pdf')), false);
    assert.deepEqual(leftovers(dir), []);
  });
});

test('full disk: a PDF with two hard links is left whole in both (its in-place rewrite needs a backup first)', (t) => {
  withTmpfs(t, 300, (dir) => {
    copyFileSync(ISSUE_690, join(dir, '690.yaml'));
    copyFileSync(goodPdf, join(dir, '690.pdf'));
    linkSync(join(dir, '690.pdf'), join(dir, 'copy.pdf'));
    const before = fingerprint(dir);
    const r = run(dir, ['build', '690.yaml', '-q', '-o', 'copy.pdf']);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').at(-1), 'bulletin build: cannot write copy.pdf: no space left on the device (it is left as it was)');
    assert.deepEqual(changed(before, fingerprint(dir)), []);
    assert.deepEqual(leftovers(dir), []);
    assert.equal(statSync(join(dir, 'copy.pdf')).nlink, 2);
  });
});

test('full disk halfway through an in-place rewrite: the previous content is written back', (t) => {
  withTmpfs(t, 300, (dir) => {
    copyFileSync(ISSUE_690, join(dir, '690.yaml'));
    // A small PDF with two names: its backup fits, the 255 KB that should replace it does not.
    const small = sandbox({ 'a.yaml': MINIMAL });
    assert.equal(run(small, ['build', 'a.yaml', '-q']).status, 0);
    copyFileSync(join(small, 'a.pdf'), join(dir, 'small.pdf'));
    removeSandbox(small);
    linkSync(join(dir, 'small.pdf'), join(dir, 'copy.pdf'));
    fillDisk(dir, 120 * 1024);
    const before = fingerprint(dir);
    const r = run(dir, ['build', '690.yaml', '-q', '-o', 'small.pdf']);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').at(-1), 'bulletin build: cannot write small.pdf: no space left on the device (it is left as it was)');
    assert.deepEqual(changed(before, fingerprint(dir)), []);
    assert.deepEqual(leftovers(dir), []);
    const verdict = pdfReaders(join(dir, 'copy.pdf'));
    assert.ok(verdict.ok, verdict.report);
  });
});

/** An issue of about `kb` KB whose every paragraph --fix repairs (a half-width comma between Han). */
function fixableIssue(kb: number): string {
  const para = (i: number) => `          - 第${i}段文字,后续文字。\n`;
  let body = '';
  for (let i = 0; Buffer.byteLength(body) < kb * 1024; i++) body += para(i);
  return MINIMAL.replace('          - 第一段正文。\n', body);
}

test('full disk: check --fix fails, exit 2, and leaves the file whole (not cut mid-character)', (t) => {
  withTmpfs(t, 300, (dir) => {
    writeFileSync(join(dir, 'big.yaml'), fixableIssue(24));
    assert.ok(statSync(join(dir, 'big.yaml')).size > 24 * 1024);
    fillDisk(dir, 8 * 1024);
    const before = fingerprint(dir);
    const r = run(dir, ['check', '--fix', '-q', 'big.yaml']);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^bulletin check: cannot write big\.yaml: no space left on the device \(it is left as it was\)$/m);
    assert.ok(clean(r), r.stderr);
    assert.doesNotMatch(r.stdout, /^fixed /m);
    assert.deepEqual(changed(before, fingerprint(dir)), []);
    assert.deepEqual(leftovers(dir), []);
  });
});

/** A previous issue whose footer notes make the next file some 10 KB. */
const LONG_SOURCE = `${MINIMAL}footer:\n  notes:\n${Array.from({ length: 120 }, (_, i) => `    - 第${i}行附注：本刊信息欢迎各单位报送，联系电话见版记。\n`).join('')}`;

for (const free of [4096, 0]) {
  test(`full disk: new with ${free} bytes free fails, exit 2, leaves no file, and a later new succeeds`, (t) => {
    withTmpfs(t, 300, (dir) => {
      writeFileSync(join(dir, 'source.yaml'), LONG_SOURCE);
      fillDisk(dir, free);
      const before = fingerprint(dir);
      const args = ['new', '--from', 'source.yaml', '--date', '2024-02-01', '-o', 'next.yaml', '-q'];
      const r = run(dir, args);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, 'bulletin new: cannot write next.yaml: no space left on the device (nothing was written)\n');
      assert.deepEqual(changed(before, fingerprint(dir)), []);
      assert.equal(existsSync(join(dir, 'next.yaml')), false, 'no empty or cut-short file');
      assert.deepEqual(leftovers(dir), []);
      // With room again, the same command works: nothing "already exists".
      rmSync(join(dir, 'filler'));
      const again = run(dir, args);
      assert.equal(again.status, 0, again.stderr);
      assert.ok(statSync(join(dir, 'next.yaml')).size > 8000);
      assert.match(readFileSync(join(dir, 'next.yaml'), 'utf8'), /第119行附注/);
    });
  });
}
