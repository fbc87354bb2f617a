/**
 * What the fault tests share: the CLI run in a sandbox directory (as an unprivileged user where
 * a case needs one), a fingerprint of every file in a directory to prove that nothing but the
 * intended output changed, the leftovers a write must never leave, the three PDF readers every
 * written PDF must satisfy, and a small tmpfs for a full disk.
 *
 * BULLETIN_TEST_CLI runs the cases against another build of the CLI (an older one, to see a
 * reproducer fail there).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { type Run } from './support.js';

export { MINIMAL } from '../support/issues.js';

export const CLI = process.env.BULLETIN_TEST_CLI ?? join(PACKAGE_ROOT, 'dist', 'cli.js');
export const ISSUE_690 = join(PACKAGE_ROOT, 'issues', '690.yaml');
export const KAI_FONT = join(PACKAGE_ROOT, 'fonts', 'LXGWWenKai-Regular.ttf');

/** The unprivileged user permission cases run as (created by .ci/run). */
export const TEST_USER = 'bulletin-test';

export const IS_ROOT = process.getuid?.() === 0;

/** uid and gid of TEST_USER, when it exists. */
export const testUser: { uid: number; gid: number } | undefined = (() => {
  const r = spawnSync('id', ['-u', TEST_USER], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', TEST_USER], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return undefined;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
})();

let userProbe: string | undefined | null = null;

/** Why a case needing an unprivileged user cannot run here, or undefined when it can. */
export function cannotRunAsUser(): string | undefined {
  if (!IS_ROOT) return undefined; // already unprivileged
  if (userProbe !== null) return userProbe;
  if (!testUser) userProbe = `user ${TEST_USER} does not exist (.ci/run creates it: useradd --system ${TEST_USER})`;
  else {
    const r = spawnSync('runuser', ['-u', TEST_USER, '--', process.execPath, CLI, '--version'], { encoding: 'utf8', timeout: 30_000 });
    userProbe = r.error ? `runuser cannot be run: ${String(r.error)}` : r.status !== 0 ? `${TEST_USER} cannot run ${CLI} (${(r.stderr || '').trim().split('\n')[0]}); .ci/run lets others traverse the checkout's parents` : undefined;
  }
  return userProbe;
}

export interface RunOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Run as TEST_USER (via runuser) when this process is root. */
  asUser?: boolean;
  input?: string | Buffer;
  /** Keep stdout as bytes (a PDF written to the standard output). */
  binary?: boolean;
}

export interface BinaryRun extends Run {
  stdoutBytes: Buffer;
}

function command(args: string[], asUser?: boolean): [string, string[]] {
  if (asUser && IS_ROOT) return ['runuser', ['-u', TEST_USER, '--', process.execPath, CLI, ...args]];
  return [process.execPath, [CLI, ...args]];
}

/** Run `bulletin ARGS` in `cwd`, killed after the timeout. */
export function run(cwd: string, args: string[], options: RunOptions = {}): BinaryRun {
  const started = Date.now();
  const [cmd, argv] = command(args, options.asUser);
  const r = spawnSync(cmd, argv, {
    cwd,
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, SOURCE_DATE_EPOCH: '', BULLETIN_TEST_WRITE_DELAY_MS: '', ...options.env },
    input: options.input,
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL';
  const stdoutBytes = r.stdout ?? Buffer.alloc(0);
  return { status: r.status, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr: (r.stderr ?? Buffer.alloc(0)).toString('utf8'), ms: Date.now() - started, timedOut };
}

/** Start `bulletin ARGS` without waiting (to signal it, or to feed a pipe). */
export function start(cwd: string, args: string[], options: RunOptions = {}): ChildProcess {
  const [cmd, argv] = command(args, options.asUser);
  return spawn(cmd, argv, { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: '', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Exit status, signal and output of a started run, once it ends (killed after `timeoutMs`). */
export function finished(child: ChildProcess, timeoutMs = 60_000): Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; timedOut: boolean }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, timedOut });
    });
  });
}

/** A scratch directory holding `files`, readable by everyone (so TEST_USER can run in it). */
export function sandbox(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-fault-'));
  chmodSync(dir, 0o755);
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

export function removeSandbox(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Give `paths` (and the sandbox itself) to TEST_USER. */
export function giveToUser(...paths: string[]): void {
  if (!IS_ROOT || !testUser) return;
  for (const p of paths) chownSync(p, testUser.uid, testUser.gid);
}

/**
 * Every entry of `dir` (recursively, hidden ones included) with what it is: a file's SHA-256
 * and mode, a link's target, a device's numbers. Two of these compared show any change.
 */
export function fingerprint(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  // Hard links of one file (eighty names of a font) are hashed once per fingerprint.
  const hashes = new Map<string, string>();
  const hashOf = (path: string, dev: number, ino: number) => {
    const key = `${dev}:${ino}`;
    let h = hashes.get(key);
    if (h === undefined) hashes.set(key, (h = createHash('sha256').update(readFileSync(path)).digest('hex')));
    return h;
  };
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const rel = prefix + name;
      const st = lstatSync(path);
      const meta = `mode=${(st.mode & 0o7777).toString(8)} uid=${st.uid} ino=${st.ino}`;
      if (st.isSymbolicLink()) out.set(rel, `link -> ${readlinkSync(path)}`);
      else if (st.isDirectory()) {
        out.set(rel, `dir ${meta}`);
        walk(path, `${rel}/`);
      } else if (st.isFile()) out.set(rel, `file ${hashOf(path, st.dev, st.ino)} ${meta}`);
      else out.set(rel, `special ${st.mode.toString(8)} rdev=${st.rdev}`);
    }
  };
  walk(dir, '');
  return out;
}

/** Names whose entry differs between two fingerprints (added, removed or changed). */
export function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

/** Leftovers of a write: temporary files and backups (ours, or the old `.NAME.PID.tmp`). */
export function leftovers(dir: string): string[] {
  return [...fingerprint(dir).keys()].filter((n) => /(^|\/)\.[^/]*\.(tmp|bak)$/.test(n) || /\.before-bulletin$/.test(n));
}

export interface PdfVerdict {
  ok: boolean;
  report: string;
}

/** Verdicts by the SHA-256 of the bytes: builds are reproducible, and a PDF read once is read. */
const verdicts = new Map<string, PdfVerdict>();

/** qpdf --check, Ghostscript to the null device, mutool info and mutool draw: all without error. */
export function pdfReaders(file: string): PdfVerdict {
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
  const known = verdicts.get(hash);
  if (known) return known;
  const verdict = readPdf(file);
  verdicts.set(hash, verdict);
  return verdict;
}

function readPdf(file: string): PdfVerdict {
  const scratchDir = mkdtempSync(join(tmpdir(), 'bulletin-draw-'));
  const runs: [string, string[]][] = [
    ['qpdf', ['--check', file]],
    ['gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=nullpage', '-o', join(scratchDir, 'null'), file]],
    ['mutool', ['info', file]],
    ['mutool', ['draw', '-q', '-r', '20', '-o', join(scratchDir, 'page%d.pam'), file]],
  ];
  let ok = true;
  const report: string[] = [];
  try {
    for (const [cmd, args] of runs) {
      const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
      const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
      const bad = r.status !== 0 || /\berror\b/i.test(text.replace(/No syntax or stream encoding errors found/i, '').replace(/ICC support is not available/, ''));
      if (bad) {
        ok = false;
        report.push(`${cmd} ${args[0]}: status ${r.status} ${r.error ? String(r.error) : ''}\n${text.slice(0, 2000)}`);
      }
    }
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
  return { ok, report: report.join('\n') };
}

/**
 * A tmpfs of `kilobytes` mounted on a new directory (a disk that fills up), or the reason it
 * cannot be had here (not root, no mount in a container without the capability).
 */
export function mountTmpfs(kilobytes: number): { dir: string; unmount(): void } | string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k,mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs here (${(r.stderr || String(r.error)).trim()}): full-disk cases need root or CAP_SYS_ADMIN`;
  }
  return {
    dir,
    unmount() {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fill the file system of `dir` until only about `leaveBytes` are free (a file `filler` is made). */
export function fillDisk(dir: string, leaveBytes: number): void {
  const r = spawnSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' });
  const avail = Number(r.stdout.trim().split('\n').pop());
  const size = Math.max(0, avail - leaveBytes);
  // tmpfs allocates whole pages; writing stops at the end of the space, which is what is wanted.
  try {
    writeFileSync(join(dir, 'filler'), Buffer.alloc(size));
  } catch {
    // ENOSPC on the last page: the disk is as full as it gets
  }
}

/** Free bytes on the file system of `dir`. */
export function freeBytes(dir: string): number {
  const r = spawnSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' });
  return Number(r.stdout.trim().split('\n').pop());
}

/** Make a device node or named pipe with mknod/mkfifo (in a sandbox, never in /dev). */
export function mknod(path: string, type: 'c' | 'b' | 'p', major?: number, minor?: number): boolean {
  const r = type === 'p' ? spawnSync('mkfifo', [path]) : spawnSync('mknod', [path, type, String(major), String(minor)]);
  return r.status === 0;
}

/** Wait until `predicate` holds, checking every 20 ms, for at most `ms`. */
export async function until(predicate: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return predicate();
}

/** No stack trace and no "internal error" in a run's output. */
export function clean(r: { stderr: string; stdout: string }): boolean {
  return !/\n\s+at |internal error|Error: /.test(r.stderr + r.stdout);
}

export interface Expect {
  status: number;
  /** The whole standard error, or a pattern it matches. */
  stderr?: string | RegExp;
  stdout?: string | RegExp;
  /** Entries of the directory that may change (default: none). */
  changes?: string[];
  /** Files of the directory that must be PDFs the readers accept. */
  pdfs?: string[];
}

/**
 * What every fault case asserts: it ended in time with the status and message expected, no
 * stack trace, nothing but the intended output changed, no temporary file left, and every PDF
 * it wrote passes qpdf, Ghostscript and MuPDF.
 */
export function expectRun(dir: string, before: Map<string, string>, r: Run, e: Expect): void {
  assert.equal(r.timedOut, false, `timed out after ${r.ms} ms`);
  assert.equal(r.status, e.status, `status ${r.status}\n${r.stdout}\n${r.stderr}`);
  if (typeof e.stderr === 'string') assert.equal(r.stderr, e.stderr);
  else if (e.stderr) assert.match(r.stderr, e.stderr);
  if (typeof e.stdout === 'string') assert.equal(r.stdout, e.stdout);
  else if (e.stdout) assert.match(r.stdout, e.stdout);
  assert.ok(clean(r), `no stack trace, no internal error:\n${r.stderr}`);
  assert.deepEqual(changed(before, fingerprint(dir)), [...(e.changes ?? [])].sort(), 'nothing but the intended output changed');
  assert.deepEqual(leftovers(dir), [], 'no temporary file left');
  for (const pdf of e.pdfs ?? []) {
    const verdict = pdfReaders(join(dir, pdf));
    assert.ok(verdict.ok, `${pdf}: ${verdict.report}`);
  }
}
