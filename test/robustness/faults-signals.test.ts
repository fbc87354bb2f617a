/**
 * Fault cases: signals during a write (issue item 11). The write is slowed deterministically by
 * BULLETIN_TEST_WRITE_DELAY_MS (a test hook of io/write-file.ts: a pause after each chunk), the
 * signal is sent once the temporary file exists, and the run must remove it, leave the old file
 * as it was and exit 128 + the signal's number. A run killed outright (SIGKILL) cannot clean up:
 * the next write of the same target removes what it left.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { changed, expectRun, fingerprint, finished, leftovers, MINIMAL, pdfReaders, removeSandbox, run, sandbox, start, until } from './faults-support.js';

const SLOW = { BULLETIN_TEST_WRITE_DELAY_MS: '5000' };

const dirs: string[] = [];
let goodPdf = '';
function box(files: Record<string, string> = {}): string {
  const dir = sandbox({ 'a.yaml': MINIMAL, ...files });
  dirs.push(dir);
  return dir;
}
after(() => dirs.forEach(removeSandbox));

/** Run `args` with its writes slowed down, and send `signal` once its temporary file is there. */
async function interruptWrite(dir: string, args: string[], signal: NodeJS.Signals): Promise<Awaited<ReturnType<typeof finished>>> {
  const child = start(dir, args, { env: SLOW });
  const result = finished(child, 30_000);
  assert.ok(await until(() => leftovers(dir).length > 0, 20_000), 'the write began');
  child.kill(signal);
  return result;
}

function oldPdf(dir: string): void {
  if (!goodPdf) {
    const d = box();
    assert.equal(run(d, ['build', 'a.yaml', '-q']).status, 0);
    goodPdf = join(d, 'a.pdf');
  }
  copyFileSync(goodPdf, join(dir, 'a.pdf'));
}

for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  test(`${signal} during a build's write: the temporary file is removed, the old PDF kept, exit ${status}`, async () => {
    const dir = box();
    oldPdf(dir);
    const before = fingerprint(dir);
    const r = await interruptWrite(dir, ['build', 'a.yaml', '-q'], signal);
    assert.equal(r.signal, null, 'ended by its own handler');
    expectRun(dir, before, { ...r, ms: 0 }, { status, stderr: `bulletin: interrupted (${signal}); a.pdf is left as it was\n`, pdfs: ['a.pdf'] });
  });
}

test("SIGINT during check --fix's write: the issue file is left as it was, exit 130", async () => {
  const dir = box({ 'a.yaml': MINIMAL.replace('第一段正文。', '第一段正文,第二句。') });
  const before = fingerprint(dir);
  const r = await interruptWrite(dir, ['check', '--fix', 'a.yaml'], 'SIGINT');
  expectRun(dir, before, { ...r, ms: 0 }, { status: 130, stderr: 'bulletin: interrupted (SIGINT); a.yaml is left as it was\n' });
});

test('a run killed outright leaves its temporary file; the next build of the same PDF removes it', async () => {
  const dir = box();
  oldPdf(dir);
  const before = fingerprint(dir);
  await interruptWrite(dir, ['build', 'a.yaml', '-q'], 'SIGKILL');
  const stale = leftovers(dir);
  assert.equal(stale.length, 1, 'SIGKILL cannot be handled: the temporary file stays');
  assert.match(stale[0], /^\.a\.pdf\.\d+\.[0-9a-f]{16}\.tmp$/);
  assert.deepEqual(changed(before, fingerprint(dir)), stale);
  const again = run(dir, ['build', 'a.yaml', '-q'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  expectRun(dir, before, again, { status: 0, stderr: '', changes: ['a.pdf'], pdfs: ['a.pdf'] });
  assert.ok(pdfReaders(join(dir, 'a.pdf')).ok);
});
