/**
 * The file operations io/write-file.ts waits for, as promises over Node's callback API, and the
 * random bytes it names its temporary files with. Not node:fs/promises, node:timers/promises and
 * node:crypto: loading them loads some twenty-five modules of Node's own (FileHandle, directory
 * and watch classes, readline, every cipher and key class), about 4.5 ms of every cold build,
 * for a handful of calls. The calls fail with the errors the callback API gives (the same codes,
 * syscalls and paths).
 */
import { close, closeSync, constants, fchmod, fchown, fstat, fsync, ftruncate, link as fsLink, open as fsOpen, openSync, readSync, rename as fsRename, unlink as fsUnlink, write, type BigIntStats, type Stats } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Callback<T> = (err: NodeJS.ErrnoException | null, value: T) => void;

const call = <T>(f: (cb: Callback<T>) => void): Promise<T> =>
  new Promise((resolve, reject) => f((err, value) => (err ? reject(err) : resolve(value))));

const done = (f: (cb: (err: NodeJS.ErrnoException | null) => void) => void): Promise<void> =>
  new Promise((resolve, reject) => f((err) => (err ? reject(err) : resolve())));

/** An open file: the part of fs/promises' FileHandle that writing needs. */
export interface FileHandle {
  readonly fd: number;
  /** Write `length` bytes of `data` from `offset`, at `position` (null: where the file is). */
  write(data: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  stat(): Promise<Stats>;
  stat(options: { bigint: true }): Promise<BigIntStats>;
  chmod(mode: number): Promise<void>;
  chown(uid: number, gid: number): Promise<void>;
  truncate(length: number): Promise<void>;
  /** Close the descriptor; closing a closed handle does nothing. */
  close(): Promise<void>;
}

function handleOf(fd: number): FileHandle {
  let open = true;
  return {
    fd,
    write: (data, offset, length, position) => call<number>((cb) => write(fd, data, offset, length, position, cb)).then((bytesWritten) => ({ bytesWritten })),
    sync: () => done((cb) => fsync(fd, cb)),
    stat: ((options?: { bigint: true }) => call<Stats | BigIntStats>((cb) => fstat(fd, { bigint: options?.bigint === true }, cb as Callback<Stats | BigIntStats>))) as FileHandle['stat'],
    chmod: (mode) => done((cb) => fchmod(fd, mode, cb)),
    chown: (uid, gid) => done((cb) => fchown(fd, uid, gid, cb)),
    truncate: (length) => done((cb) => ftruncate(fd, length, cb)),
    close: () => {
      if (!open) return Promise.resolve();
      open = false;
      return done((cb) => close(fd, cb));
    },
  };
}

export function open(path: string, flags: number, mode?: number): Promise<FileHandle> {
  return call<number>((cb) => fsOpen(path, flags, mode, cb)).then(handleOf);
}

export const link = (existing: string, name: string): Promise<void> => done((cb) => fsLink(existing, name, cb));
export const rename = (from: string, to: string): Promise<void> => done((cb) => fsRename(from, to, cb));
export const unlink = (path: string): Promise<void> => done((cb) => fsUnlink(path, cb));
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `n` random bytes in hex, for names no one can guess: from the kernel's generator
 * (/dev/urandom) where there is one, else (Windows) from node:crypto, loaded then.
 */
export function randomHex(n: number): string {
  const bytes = Buffer.alloc(n);
  try {
    const fd = openSync('/dev/urandom', constants.O_RDONLY);
    try {
      if (readSync(fd, bytes, 0, n, null) === n) return bytes.toString('hex');
    } finally {
      closeSync(fd);
    }
  } catch {
    // no such device here
  }
  return (require('node:crypto') as typeof import('node:crypto')).randomBytes(n).toString('hex');
}
