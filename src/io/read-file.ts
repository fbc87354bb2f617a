/**
 * Reading a file the user named, with bounds. The file is opened without blocking (a named pipe
 * with no writer would otherwise hang the open itself), what was opened is looked at through the
 * descriptor (fstat: the check and the read are of the same file, whatever is renamed meanwhile),
 * anything that is not a regular file is refused unless a stream is meant, and at most
 * `limit + 1` bytes are read, so an endless source (/dev/zero, a pipe that never closes) cannot
 * grow the process without end: one byte past the limit says "too large" without reading more.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type BigIntStats, type Stats } from 'node:fs';
import { say, type MessageId } from '../messages/catalogue.js';

export type FileKind = 'file' | 'directory' | 'fifo' | 'character device' | 'block device' | 'socket' | 'symbolic link' | 'other';

export function kindOf(stat: Stats | BigIntStats): FileKind {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'directory';
  if (stat.isFIFO()) return 'fifo';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  if (stat.isSocket()) return 'socket';
  if (stat.isSymbolicLink()) return 'symbolic link';
  return 'other';
}

/** What a kind of file is, in words: "a named pipe (FIFO)". */
export function describeKind(kind: FileKind): string {
  switch (kind) {
    case 'file': return say('io.kind.file');
    case 'directory': return say('io.kind.directory');
    case 'fifo': return say('io.kind.fifo');
    case 'character device': return say('io.kind.character-device');
    case 'block device': return say('io.kind.block-device');
    case 'socket': return say('io.kind.socket');
    case 'symbolic link': return say('io.kind.symbolic-link');
    default: return say('io.kind.other');
  }
}

/**
 * Which file a path named when it was read, to notice later whether it is still the same
 * (numbers as decimal text: exact to the nanosecond, and plain data that JSON can hold).
 */
export interface FileIdentity {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
}

export function identityOf(stat: BigIntStats): FileIdentity {
  return { dev: String(stat.dev), ino: String(stat.ino), size: String(stat.size), mtimeNs: String(stat.mtimeNs) };
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}

/** A file that could not be read, with the reason in a user's words. */
export class ReadFileError extends Error {
  constructor(readonly file: string, readonly reason: string, readonly code: string) {
    super(say('io.cannot-read', { file, reason }));
    this.name = 'ReadFileError';
  }
}

/** The reason, in a user's words, for each system error code (message ids `io.read.CODE`). */
const REASONS: ReadonlySet<string> = new Set(['ENOENT', 'EISDIR', 'EACCES', 'EPERM', 'ENOTDIR', 'ELOOP', 'EMFILE', 'ENFILE', 'ENAMETOOLONG', 'EIO', 'ENXIO', 'ENODEV']);

/** A system error (from open, read…) as a reason a user can act on. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return REASONS.has(code) ? say(`io.read.${code}` as MessageId) : ((error as Error).message || say('io.unknown-error'));
}

export interface ReadOptions {
  /** Most bytes wanted; one more is read to tell "exactly the limit" from "more". */
  limit: number;
  /** What the file should be, for the refusal of anything else: "an issue file", "a font file". */
  what: string;
  /** Pipes and character devices are read too (a stream meant as input); default: refused. */
  stream?: boolean;
}

export interface ReadResult {
  /** At most `limit` bytes. */
  bytes: Buffer;
  /** The file had more than `limit` bytes; `bytes` holds the first `limit`. */
  truncated: boolean;
  /** Size of a regular file as fstat gave it (a stream: the bytes read). */
  size: number;
  kind: FileKind;
  identity: FileIdentity;
}

const CHUNK = 64 * 1024;

/** Wait `ms` milliseconds without returning to the event loop (reads here are synchronous). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Read up to `limit + 1` bytes from `fd`, from its current position to its end. A descriptor in
 * non-blocking mode (a pipe opened so) that has nothing yet is waited on, a few milliseconds at
 * a time: the writer is still writing.
 */
export function readBoundedFd(fd: number, limit: number, sizeHint = 0): { bytes: Buffer; truncated: boolean } {
  const chunks: Buffer[] = [];
  let total = 0;
  let buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(sizeHint + 1, CHUNK)));
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) {
      chunks.push(buffer);
      buffer = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      filled = 0;
      if (buffer.length === 0) break;
    }
    let n: number;
    try {
      n = readSync(fd, buffer, filled, buffer.length - filled, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(5);
        continue;
      }
      throw error;
    }
    if (n === 0) break;
    filled += n;
    total += n;
    if (total > limit) break;
  }
  chunks.push(buffer.subarray(0, filled));
  const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  return total > limit ? { bytes: all.subarray(0, limit), truncated: true } : { bytes: all, truncated: false };
}

/**
 * Open `file` for reading without blocking and without making a terminal ours, and look at it.
 * Throws ReadFileError for anything that is not a regular file (unless `stream`) and for system
 * errors; the descriptor is the caller's to close.
 */
export function openForReading(file: string, what: string, stream = false): { fd: number; stat: BigIntStats; kind: FileKind } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    throw new ReadFileError(file, reasonOf(error), (error as NodeJS.ErrnoException).code ?? 'EIO');
  }
  try {
    const stat = fstatSync(fd, { bigint: true });
    const kind = kindOf(stat);
    if (kind === 'directory') throw new ReadFileError(file, say('io.read.EISDIR'), 'EISDIR');
    const streamKind = kind === 'fifo' || kind === 'character device' || kind === 'socket';
    if (kind !== 'file' && !(stream && streamKind)) throw new ReadFileError(file, say('io.not-what', { kind: describeKind(kind), what }), 'ENOTREG');
    return { fd, stat, kind };
  } catch (error) {
    closeSync(fd);
    if (error instanceof ReadFileError) throw error;
    throw new ReadFileError(file, reasonOf(error), (error as NodeJS.ErrnoException).code ?? 'EIO');
  }
}

/** Read `file` as described above. */
export function readBounded(file: string, options: ReadOptions): ReadResult {
  const { fd, stat, kind } = openForReading(file, options.what, options.stream);
  try {
    const sizeHint = kind === 'file' ? Number(stat.size) : 0;
    const { bytes, truncated } = readBoundedFd(fd, options.limit, Math.min(sizeHint, options.limit));
    return { bytes, truncated, size: kind === 'file' ? Math.max(sizeHint, bytes.length) : bytes.length, kind, identity: identityOf(stat) };
  } catch (error) {
    if (error instanceof ReadFileError) throw error;
    throw new ReadFileError(file, reasonOf(error), (error as NodeJS.ErrnoException).code ?? 'EIO');
  } finally {
    closeSync(fd);
  }
}

/** The first `n` bytes of a regular file (empty for anything else or when it cannot be read). */
export function readHead(file: string, n: number): Buffer | undefined {
  try {
    return readBounded(file, { limit: n, what: say('io.what.file') }).bytes;
  } catch {
    return undefined;
  }
}

/** Line `line` (from 1) of a text file a diagnostic points into (a theme file), read with a bound. */
export function sourceLineOf(file: string, line: number): string | undefined {
  try {
    return new TextDecoder().decode(readBounded(file, { limit: 1024 * 1024, what: say('io.what.text') }).bytes).split(/\r?\n/)[line - 1];
  } catch {
    return undefined;
  }
}
