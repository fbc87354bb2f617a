import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';

for (const entry of ['cli.js', 'bulletin.cjs']) {
  test(`a reader that closes the pipe early ends the run quietly, with no stack trace (dist/${entry})`, () => {
    const cli = join(PACKAGE_ROOT, 'dist', entry);
    const messy = join(PACKAGE_ROOT, 'test', 'fixtures', 'lint', 'messy.yaml');
    // `head -c 1` closes stdout after one byte while check still has lines to write
    const r = spawnSync('bash', ['-c', `set -o pipefail; node "${cli}" check "${messy}" | head -c 1 >/dev/null`], { encoding: 'utf8' });
    assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|at /);
    // It did write, and stopped on the closed pipe with check's status (1: problems found).
    assert.equal(r.status, 1, r.stderr);
  });
}
