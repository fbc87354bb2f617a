/**
 * The promise-returning file calls write-file.ts uses instead of node:fs/promises, and the
 * random names: they do what fs/promises did, fail as it failed, and load none of it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { link, open, randomHex, rename, sleep, unlink } from '../../src/io/fs-calls.js';

test('a file opened, written in pieces, flushed, measured, truncated and closed holds exactly the bytes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-fs-calls-'));
  try {
    const file = join(dir, 'a.bin');
    const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o640);
    const data = Buffer.from('杭州人大信息 690 ');
    assert.deepEqual(await handle.write(data, 0, 5, null), { bytesWritten: 5 });
    assert.deepEqual(await handle.write(data, 5, data.length - 5, 5), { bytesWritten: data.length - 5 });
    await handle.write(data, 0, data.length, data.length);
    await handle.sync();
    const st = await handle.stat();
    assert.equal(st.size, 2 * data.length);
    const big = await handle.stat({ bigint: true });
    assert.equal(typeof big.size, 'bigint');
    assert.equal(big.size, BigInt(2 * data.length));
    await handle.truncate(data.length);
    await handle.chmod(0o600);
    await handle.close();
    await handle.close(); // a second close does nothing
    assert.ok(readFileSync(file).equals(data));
    assert.equal(statSync(file).mode & 0o777, 0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('link, rename and unlink act on the names and fail with the errors of Node\'s file calls', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-fs-calls-'));
  try {
    const a = join(dir, 'a');
    writeFileSync(a, 'x');
    await link(a, join(dir, 'b'));
    assert.equal(statSync(a).nlink, 2);
    await assert.rejects(link(a, join(dir, 'b')), { code: 'EEXIST', syscall: 'link' });
    await rename(join(dir, 'b'), join(dir, 'c'));
    await unlink(join(dir, 'c'));
    assert.equal(statSync(a).nlink, 1);
    await assert.rejects(unlink(join(dir, 'c')), { code: 'ENOENT', syscall: 'unlink' });
    await assert.rejects(open(a, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL), { code: 'EEXIST', syscall: 'open', path: a });
    await assert.rejects(open(join(dir, 'none', 'x'), constants.O_RDONLY), { code: 'ENOENT' });
    const t = Date.now();
    await sleep(20);
    assert.ok(Date.now() - t >= 15);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('random names are hex of the length asked for and do not repeat', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const h = randomHex(8);
    assert.match(h, /^[0-9a-f]{16}$/);
    seen.add(h);
  }
  assert.equal(seen.size, 200);
  assert.match(randomHex(4), /^[0-9a-f]{8}$/);
  // Every byte value turns up: the bytes are random, not a counter or a clock.
  const bytes = new Set<string>();
  for (let i = 0; i < 400; i++) for (const b of randomHex(8).match(/../g)!) bytes.add(b);
  assert.ok(bytes.size > 240, `${bytes.size} distinct byte values`);
});

test('none of node:crypto, fs/promises or timers/promises is loaded by these calls', () => {
  const script = `
    const before = new Set(process.moduleLoadList);
    const m = await import(${JSON.stringify(new URL('../../src/io/fs-calls.js', import.meta.url).href)});
    m.randomHex(8);
    const added = process.moduleLoadList.filter((x) => !before.has(x));
    console.log(JSON.stringify(added));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const added = JSON.parse(r.stdout) as string[];
  for (const id of ['NativeModule crypto', 'NativeModule fs/promises', 'NativeModule timers/promises']) assert.ok(!added.includes(id), `${id} loaded`);
});
