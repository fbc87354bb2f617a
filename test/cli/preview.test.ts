/**
 * `bulletin preview` as a command: the address it prints, the next port when the one asked for
 * is in use, the warning when --host opens it to a network, exit 2 for a missing file or a bad
 * option, exit 0 on Ctrl-C. (The page itself: test/preview/browser.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { MINIMAL } from '../support/issues.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');
const WAIT_MS = 45_000;

/** Run the preview until `ready(stdout, stderr)`, then Ctrl-C; the outputs and the exit status. */
function runUntil(args: string[], cwd: string, ready: (out: string, err: string) => boolean): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'preview', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`timed out:\n${stdout}\n${stderr}`)); }, WAIT_MS);
    const poke = () => {
      if (!interrupted && ready(stdout, stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    };
    child.stdout!.setEncoding('utf8').on('data', (s: string) => { stdout += s; poke(); });
    child.stderr!.setEncoding('utf8').on('data', (s: string) => { stderr += s; poke(); });
    child.on('exit', (code) => { clearTimeout(timer); resolve({ stdout, stderr, code }); });
  });
}

test('preview prints its address, takes the next port when one is in use, and stops on Ctrl-C with status 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-preview-cli-'));
  const blocker = createServer();
  try {
    writeFileSync(join(dir, 'a.yaml'), MINIMAL);
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as { port: number }).port;
    const r = await runUntil(['a.yaml', '--port', String(taken)], dir, (out) => /Ctrl-C to stop/.test(out));
    assert.equal(r.code, 0, r.stderr);
    const m = /^preview of a\.yaml at http:\/\/127\.0\.0\.1:(\d+)\/ \(Ctrl-C to stop\)$/m.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.ok(Number(m[1]) > taken);
    assert.match(r.stdout, new RegExp(`^port ${taken} in use; using ${m[1]}$`, 'm'));
    assert.match(r.stdout, /\nstopped\n$/);
    assert.equal(r.stderr, '');
  } finally {
    blocker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--host beyond this machine is said on stderr', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-preview-cli-'));
  try {
    writeFileSync(join(dir, 'a.yaml'), MINIMAL);
    const r = await runUntil(['a.yaml', '--port', '0', '--host', '0.0.0.0', '-q'], dir, (out, err) => /Ctrl-C to stop/.test(out) && /warning/.test(err));
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^bulletin preview: warning: listening on 0\.0\.0\.0: anyone who can reach this machine on port \d+ can read the issue$/m);
    assert.match(r.stdout, /^preview of a\.yaml at http:\/\/0\.0\.0\.0:\d+\//m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing file, a bad port or a bad --editor: one line, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-preview-cli-'));
  try {
    writeFileSync(join(dir, 'a.yaml'), MINIMAL);
    const cases: [string[], RegExp][] = [
      [['none.yaml'], /^bulletin preview: cannot read none\.yaml: no such file\n$/],
      [['a.yaml', '--port', 'x80'], /^bulletin preview: --port: x80 is not a port number \(0–65535\)\n$/],
      [['a.yaml', '--port', '70000'], /^bulletin preview: --port: 70000 is not a port number/],
      [['a.yaml', '--editor', 'code "-g {file}'], /^bulletin preview: --editor: a " is not closed\n$/],
      [['no-dir/a.yaml'], /^bulletin preview: cannot watch no-dir\/a\.yaml: its directory does not exist\n$/],
    ];
    for (const [args, expected] of cases) {
      const r = spawnSync(process.execPath, [CLI, 'preview', ...args], { cwd: dir, encoding: 'utf8', timeout: WAIT_MS });
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, expected);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
