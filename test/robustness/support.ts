/**
 * Running the built CLI on generated files in scratch directories, with a bound on every run,
 * and the checks the robustness tests share: what is in a directory, whether a file is a PDF.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';

export const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');

/** A small valid issue; the corpus cases are variations of it. */
export { MINIMAL } from '../support/issues.js';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall time in milliseconds. */
  ms: number;
  timedOut: boolean;
}

/** Run `bulletin ARGS` in `cwd`, killed after `timeoutMs`. */
export function bulletin(cwd: string, args: string[], timeoutMs = 60_000, env?: NodeJS.ProcessEnv): Run {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    env: env ?? process.env,
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL';
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - started, timedOut };
}

/** A scratch directory holding `files` (paths may have directories). */
export function scratch(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-robust-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** File names in `dir`, hidden ones included (a leftover temporary file is one), sorted. */
export function listing(dir: string): string[] {
  return readdirSync(dir).sort();
}

export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

/** A complete PDF: the header, and %%EOF at the end. */
export function isCompletePdf(bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 32)).toString('latin1');
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && /%%EOF\s*$/.test(tail);
}

export function readPdf(file: string): Buffer {
  return readFileSync(file);
}

/** `qpdf --check` passes (qpdf is a test tool here; absent, the check is skipped by the caller). */
export function qpdfCheck(file: string): { available: boolean; ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8', timeout: 60_000 });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return { available: false, ok: false, output: '' };
  return { available: true, ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** The text of a PDF by pdftotext, or undefined when the tool is not installed. */
export function pdfText(file: string): string | undefined {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', timeout: 60_000 });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
  return r.stdout;
}

/** True when running as root, for whom file permissions do not stop writing. */
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
