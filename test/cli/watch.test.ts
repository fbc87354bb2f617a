/**
 * `bulletin build --watch` through the built CLI: saves of the issue (in place, or by an editor
 * writing a new file and renaming it over) and of the theme file rebuild; content errors are
 * printed and the watch goes on; SIGINT ends it with status 0. Every wait is bounded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { MINIMAL } from '../support/issues.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');
const WAIT_MS = 45_000;


class Watched {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private listeners: (() => void)[] = [];

  constructor(readonly child: ChildProcess) {
    child.stdout!.setEncoding('utf8').on('data', (s: string) => { this.stdout += s; this.poke(); });
    child.stderr!.setEncoding('utf8').on('data', (s: string) => { this.stderr += s; this.poke(); });
    this.exited = new Promise((resolve) => child.on('exit', (code) => { this.poke(); resolve(code); }));
  }

  private poke(): void {
    for (const l of this.listeners) l();
  }

  /** Wait until `done()` holds, at most WAIT_MS. */
  until(what: string, done: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (done()) { cleanup(); resolve(); }
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out waiting for ${what}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`)); }, WAIT_MS);
      const cleanup = () => { clearTimeout(timer); this.listeners = this.listeners.filter((l) => l !== check); };
      this.listeners.push(check);
      check();
    });
  }
}

const count = (text: string, re: RegExp): number => (text.match(new RegExp(re.source, 'gm')) ?? []).length;
const RESULT = /^a\.pdf — 1 page, \d+ KB, \d+\.\d\d s$/;

test('build --watch rebuilds on saves of the issue and the theme, survives errors and replacement, stops on SIGINT', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-watch-'));
  writeFileSync(join(dir, 'a.yaml'), MINIMAL);
  writeFileSync(join(dir, 'theme.yaml'), 'grid:\n  chars: 28\n');
  const child = spawn(process.execPath, [CLI, 'build', 'a.yaml', '--theme', 'theme.yaml', '--watch'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const w = new Watched(child);
  try {
    await w.until('the first build', () => count(w.stdout, RESULT) === 1 && /watching a\.yaml and theme\.yaml for changes \(Ctrl-C to stop\)\n$/.test(w.stdout));
    assert.ok(existsSync(join(dir, 'a.pdf')));

    // A save in place.
    writeFileSync(join(dir, 'a.yaml'), MINIMAL.replace('第一段正文。', '第一段正文，改过一次。'));
    await w.until('a rebuild after the save', () => count(w.stdout, RESULT) === 2);
    assert.equal(count(w.stdout, /^\[\d\d:\d\d:\d\d\] a\.yaml changed, rebuilding$/), 1);

    // An editor's save: a new file renamed over the old one, with a content error.
    writeFileSync(join(dir, '.a.yaml.swp'), MINIMAL.replace('number: 1', 'numbr: 1'));
    renameSync(join(dir, '.a.yaml.swp'), join(dir, 'a.yaml'));
    await w.until('the error report', () => /^bulletin build: a\.yaml not built: 1 error$/m.test(w.stderr));
    assert.match(w.stderr, /^a\.yaml:2:1: error: unknown key `numbr`/m);
    const pdfAfterError = readFileSync(join(dir, 'a.pdf'));
    assert.equal(pdfAfterError.subarray(0, 5).toString(), '%PDF-', 'the previous PDF is still there');
    assert.equal(child.exitCode, null, 'still watching after a content error');

    // Fixed again, by another rename: the watch on the replaced file goes on.
    writeFileSync(join(dir, '.a.yaml.swp'), MINIMAL);
    renameSync(join(dir, '.a.yaml.swp'), join(dir, 'a.yaml'));
    await w.until('a rebuild after the fix', () => count(w.stdout, RESULT) === 3);

    // A save of the theme file.
    writeFileSync(join(dir, 'theme.yaml'), 'grid:\n  chars: 27\n');
    await w.until('a rebuild after the theme save', () => count(w.stdout, RESULT) === 4);
    assert.equal(count(w.stdout, /^\[\d\d:\d\d:\d\d\] theme\.yaml changed, rebuilding$/), 1);

    // Other files in the directory do not trigger builds (the PDF itself is written there).
    writeFileSync(join(dir, 'notes.txt'), 'x');
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(count(w.stdout, /changed, rebuilding$/), 4);

    child.kill('SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([w.exited, new Promise<string>((r) => { timer = setTimeout(() => r('timed out'), WAIT_MS); })]);
    clearTimeout(timer);
    assert.equal(code, 0);
    assert.match(w.stdout, /\nstopped watching\n$/);
    assert.doesNotMatch(w.stderr, /internal error|\n\s+at /);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('build --watch on a missing file: one line, exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-watch-'));
  try {
    const child = spawn(process.execPath, [CLI, 'build', 'none.yaml', '--watch'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const w = new Watched(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), WAIT_MS);
    const code = await w.exited;
    clearTimeout(timer);
    assert.equal(w.stderr, 'bulletin build: cannot read none.yaml: no such file\n');
    assert.equal(code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
