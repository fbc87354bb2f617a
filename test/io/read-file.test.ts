/**
 * io/read-file.ts: at most limit + 1 bytes are read from anything, and what is not a regular file
 * is refused before a byte is read, without blocking on a named pipe (issue item 6).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { readBounded, ReadFileError } from '../../src/io/read-file.js';

function inDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-read-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a regular file: whole up to the limit, the first `limit` bytes and `truncated` past it', () => {
  inDir((dir) => {
    writeFileSync(join(dir, 'ten'), '0123456789');
    assert.deepEqual({ ...readBounded(join(dir, 'ten'), { limit: 10, what: 'a file' }), identity: undefined, bytes: undefined }, { bytes: undefined, truncated: false, size: 10, kind: 'file', identity: undefined });
    const cut = readBounded(join(dir, 'ten'), { limit: 4, what: 'a file' });
    assert.equal(cut.bytes.toString(), '0123');
    assert.equal(cut.truncated, true);
    assert.equal(cut.size, 10);
  });
});

test('a named pipe is refused at once (no writer needed, none waited for)', () => {
  inDir((dir) => {
    const fifo = join(dir, 'fifo');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const started = Date.now();
    assert.throws(() => readBounded(fifo, { limit: 100, what: 'an issue file' }), (e: Error) =>
      e instanceof ReadFileError && e.code === 'ENOTREG' && e.reason === 'it is a named pipe (FIFO), not an issue file');
    assert.ok(Date.now() - started < 2000);
    assert.throws(() => readBounded(dir, { limit: 100, what: 'an issue file' }), (e: Error) => e instanceof ReadFileError && e.reason === 'it is a directory');
  });
});

test('a pipe meant as input is read up to the limit and no further, however much is sent', () => {
  const module = join(PACKAGE_ROOT, '.test-build', 'src', 'io', 'read-file.js');
  const script = `import { readBoundedFd } from ${JSON.stringify(module)};
    const r = readBoundedFd(0, 1000000);
    process.stdout.write(JSON.stringify({ length: r.bytes.length, truncated: r.truncated }));`;
  // An endless stream: the reader stops after 1 MB + 1 byte and the writer gets SIGPIPE.
  const r = spawnSync('bash', ['-c', `yes 0123456789 | "${process.execPath}" --input-type=module -e '${script.replace(/'/g, "'\\''")}'`], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { length: 1000000, truncated: true });
  const small = spawnSync('bash', ['-c', `printf 'abc' | "${process.execPath}" --input-type=module -e '${script.replace(/'/g, "'\\''")}'`], { encoding: 'utf8', timeout: 30_000 });
  assert.deepEqual(JSON.parse(small.stdout), { length: 3, truncated: false });
});
