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

test('the young generation stays at its starting size while a run keeps much of what it makes', { skip: !/^11\./.test(process.versions.v8) && 'the tuning is set only on V8 11 (Node 20)' }, () => {
  // Objects kept alive (as composed lines are until the PDF is written) make V8 grow its new
  // space; with the tuning it must not. An explicit flag on the command line wins.
  const script = `await import(${JSON.stringify(MODULE)});
    const v8 = await import('node:v8');
    const keep = [];
    for (let i = 0; i < 400000; i++) keep.push({ i, s: 'x' + i });
    const s = v8.getHeapSpaceStatistics().find((x) => x.space_name === 'new_space');
    console.log(s.space_size, keep.length);`;
  const size = (args: string[]): number => {
    const r = spawnSync(process.execPath, [...args, '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return Number(r.stdout.split(' ')[0]);
  };
  const tuned = size([]);
  const grown = size(['--semi-space-growth-factor=2']);
  assert.ok(tuned < grown, `new space ${tuned} bytes with the tuning, ${grown} without`);
});
