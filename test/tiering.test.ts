import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MODULE = fileURLToPath(new URL('../src/tiering.js', import.meta.url));

test('tuning V8 prints nothing and leaves the program running', () => {
  for (const args of [[], ['--interrupt-budget=100000']]) {
    const r = spawnSync(process.execPath, [...args, '--input-type=module', '-e', `await import(${JSON.stringify(MODULE)}); console.log('ran');`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'ran\n');
  }
});
