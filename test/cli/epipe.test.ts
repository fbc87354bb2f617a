import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';

test('a reader that closes the pipe early ends the run quietly, with no stack trace', () => {
  const cli = join(PACKAGE_ROOT, 'dist', 'cli.js');
  const messy = join(PACKAGE_ROOT, 'test', 'fixtures', 'lint', 'messy.yaml');
  // `head -c 1` closes stdout after one byte while check still has lines to write
  const r = spawnSync('bash', ['-c', `set -o pipefail; node "${cli}" check "${messy}" | head -c 1 >/dev/null`], { encoding: 'utf8' });
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|at /);
});
