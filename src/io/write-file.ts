/**
 * The one way bulletin writes a file. A reader — a viewer, the print shop's RIP, the next run —
 * sees the old file or the new one, complete, never half of either, whatever happens meanwhile:
 *
 * - the bytes go to a temporary file beside the target, created exclusively (O_CREAT|O_EXCL|
 *   O_NOFOLLOW, so a link planted under its name is never followed) under an unpredictable name;
 * - every byte is written (a write that takes fewer is repeated; one that takes none is a full
 *   disk), the file is flushed to the disk, renamed over the target, and the directory flushed;
 * - any failure removes what was made, and SIGINT, SIGTERM or SIGHUP during a write remove the
 *   temporary file and end the run with the conventional status (128 + the signal's number);
 *   a temporary file left by a run that was killed outright is removed by the next write of the
 *   same target (its name holds the process id, and that process is gone);
 * - the target keeps what a user set on it: its mode, its owner and group (when run as root), its
 *   hard links (a file with several names is rewritten in place, its previous content kept in a
 *   backup beside it until the new one is on the disk); a symbolic link is followed to the real
 *   file (not replaced), if it belongs to us, to root or to the owner of that file; a read-only
 *   file is refused; a file that changed since it was read (`unchangedSince`) is left alone;
 * - a named pipe or character device (`-o /dev/stdout`) is written into directly, `-` is the
 *   standard output, and anything else that is not a regular file is refused.
 */
import {
  accessSync, constants, fstatSync, lstatSync, readdirSync, readlinkSync, statSync, unlinkSync, type BigIntStats,
} from 'node:fs';
import { link, open, randomHex, rename, sleep, unlink, type FileHandle } from './fs-calls.js';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { describeKind, kindOf, readBounded, sameIdentity, identityOf, type FileIdentity, type FileKind } from './read-file.js';
import { say, type MessageId } from '../messages/catalogue.js';

export interface WriteOptions {
  /** Create the file; anything already there under the name is left alone (code EEXIST). */
  exclusive?: boolean;
  /** Replace the file only if it is still the one read then (code ECHANGED otherwise). */
  unchangedSince?: FileIdentity;
  /** A named pipe or character device as the target is written into directly (default: refused). */
  devices?: boolean;
}

export type WriteHow = 'replaced' | 'created' | 'in place' | 'device' | 'stdout';

export interface WriteOutcome {
  /** The file written: the target, or the real file a symbolic link led to. */
  path: string;
  how: WriteHow;
  /** The data went to this process's standard output (`-`, `/dev/stdout`, a link to it). */
  toStdout: boolean;
}

/** Why a write did not happen; `message` is one line a user can act on. */
export class WriteError extends Error {
  constructor(readonly file: string, readonly code: string, readonly reason: string, state = '') {
    super(say(state ? 'io.cannot-write-state' : 'io.cannot-write', { file, reason, state }));
    this.name = 'WriteError';
  }
}

/** The reason, in a user's words, for each system error code (message ids `io.write.CODE`). */
const REASONS: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'EIO', 'EFBIG', 'ENAMETOOLONG', 'ENOENT', 'ENOTDIR', 'ELOOP', 'EMFILE', 'ENFILE', 'ENXIO', 'EPIPE', 'ETXTBSY']);

export function writeReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return REASONS.has(code) ? say(`io.write.${code}` as MessageId) : ((error as Error).message || say('io.unknown-error'));
}

function fail(code: string): NodeJS.ErrnoException {
  const e = new Error(code) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

// ---------------------------------------------------------------------------------------------
// Temporary files, and the signals that must not leave them behind

interface Temp {
  path: string;
  /** The file it is for, as the user named it. */
  target: string;
  /** An in-place rewrite is under way: a signal waits for it to finish (see writeInPlace). */
  critical: boolean;
  /** Something else took its name: it is not ours to remove. */
  disowned?: boolean;
}

const live = new Set<Temp>();
let interruptedBy: NodeJS.Signals | undefined;
let handlersInstalled = false;
const SIGNALS: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Another part of the program (`build --watch`) also handles `signal`: it decides when to end. */
function othersHandle(signal: NodeJS.Signals): boolean {
  return process.listeners(signal).some((l) => l !== onSignal);
}

function onSignal(signal: NodeJS.Signals): void {
  interruptedBy = signal;
  let critical = false;
  const left: string[] = [];
  for (const temp of live) {
    if (temp.critical) critical = true;
    else {
      removeQuietly(temp.path);
      live.delete(temp);
      left.push(temp.target);
    }
  }
  // An in-place rewrite finishes first (stopping it halfway would damage the file), then ends the run.
  if (critical || othersHandle(signal)) return;
  for (const target of left) process.stderr.write(`bulletin: ${say('io.interrupted', { signal, file: target })}\n`);
  process.exit(128 + (SIGNALS[signal] ?? 0));
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // First in line, so that it sees whether anyone else (a watch) will handle the signal.
  for (const signal of Object.keys(SIGNALS) as NodeJS.Signals[]) process.prependListener(signal, onSignal);
}

/** After each step of a write: a signal that came meanwhile ends it (the caller cleans up). */
function checkInterrupted(): void {
  if (interruptedBy) throw fail('EINTR');
}

/** A test hook, never set in use: milliseconds to wait after each chunk written (BULLETIN_TEST_WRITE_DELAY_MS). */
function testDelay(): number {
  const raw = process.env.BULLETIN_TEST_WRITE_DELAY_MS;
  const ms = raw ? Number(raw) : 0;
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

const NAME_MAX = 255;
/** Bytes of the target's name kept in a temporary file's name: room for `.` + `.PID.RANDOM.tmp`. */
const STEM_BYTES = 200;
/** Temporary files a later run may remove. Backups (`.bak`) never are: see writeInPlace. */
const TEMP_TAIL = /^(\d+)\.([0-9a-f]{16})\.tmp$/;

/** The target's name cut to STEM_BYTES bytes of UTF-8, at a character boundary. */
function stemOf(name: string): string {
  if (Buffer.byteLength(name) <= STEM_BYTES) return name;
  let out = '';
  let bytes = 0;
  for (const ch of name) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > STEM_BYTES) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** `.NAME.PID.RANDOM.tmp` (or `.bak` for a backup): recognisable as ours, for this target, by this run. */
function tempName(target: string, kind: 'tmp' | 'bak'): string {
  const name = `.${stemOf(basename(target))}.${process.pid}.${randomHex(8)}.${kind}`;
  return Buffer.byteLength(name) <= NAME_MAX ? name : `.bulletin.${process.pid}.${randomHex(8)}.${kind}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove temporary files of `target` left by runs that were killed outright (SIGKILL, a power
 * cut): named as tempName names them, by a process that no longer exists, regular files of ours.
 * A backup left by a run killed during an in-place rewrite is kept: it may be the only whole
 * copy of the file.
 */
export function sweepStaleTemps(target: string): string[] {
  const dir = dirname(target);
  const prefix = `.${stemOf(basename(target))}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  const uid = process.geteuid?.() ?? -1;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = TEMP_TAIL.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processAlive(pid)) continue;
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (!st.isFile() || (uid !== 0 && st.uid !== uid)) continue;
      unlinkSync(path);
      removed.push(path);
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}

const TEMP_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** Create a temporary file beside `target`, registered so a signal removes it. */
async function createTemp(target: Target, mode: number, kind: 'tmp' | 'bak' = 'tmp'): Promise<{ temp: Temp; handle: FileHandle }> {
  installHandlers();
  checkInterrupted();
  const path = join(dirname(target.path), tempName(target.path, kind));
  const handle = await open(path, TEMP_FLAGS, mode);
  const temp: Temp = { path, target: target.given, critical: false };
  live.add(temp);
  return { temp, handle };
}

async function dropTemp(temp: Temp): Promise<void> {
  live.delete(temp);
  if (temp.disowned) return;
  try {
    await unlink(temp.path);
  } catch {
    // already gone (a signal handler removed it)
  }
}

const CHUNK = 64 * 1024;

/** Write every byte of `data` from `position` (null: a stream); a write that takes none is a full disk. */
async function writeAll(handle: FileHandle, data: Uint8Array, position: number | null): Promise<void> {
  const delay = testDelay();
  let done = 0;
  while (done < data.length) {
    let n: number;
    try {
      ({ bytesWritten: n } = await handle.write(data, done, Math.min(CHUNK, data.length - done), position === null ? null : position + done));
    } catch (error) {
      // A pipe or terminal opened without blocking is full for now: wait for its reader.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        await sleep(10);
        checkInterrupted();
        continue;
      }
      throw error;
    }
    if (n === 0) throw fail('ENOSPC');
    done += n;
    if (delay) await sleep(delay);
    checkInterrupted();
  }
}

/** Flush a directory's entries (the rename) to the disk; file systems that cannot are left be. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
    await handle.sync();
  } catch {
    // EINVAL and the like: nothing more can be done for it
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// What the target is

interface Target {
  /** The path given. */
  given: string;
  /** The real file (symbolic links followed). */
  path: string;
  stat?: BigIntStats;
}

const STDOUT_NAMES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/**
 * Follow symbolic links to the real file, as a shell's `>` would, but only links that belong to
 * us, to root, or to the owner of the file they lead to: in a shared directory another user's
 * link could otherwise point a root build at any file on the system.
 */
function resolveTarget(given: string): Target {
  let path = resolve(given);
  const links: { path: string; uid: number }[] = [];
  for (;;) {
    let st: BigIntStats;
    try {
      st = lstatSync(path, { bigint: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      checkLinkOwners(given, links, ownerOf(dirname(path)));
      return { given, path };
    }
    if (!st.isSymbolicLink()) {
      checkLinkOwners(given, links, Number(st.uid));
      return { given, path, stat: st };
    }
    if (links.length >= 40) throw fail('ELOOP');
    links.push({ path, uid: Number(st.uid) });
    path = resolve(dirname(path), readlinkSync(path));
  }
}

function ownerOf(path: string): number {
  try {
    return statSync(path).uid;
  } catch {
    return -1;
  }
}

function checkLinkOwners(given: string, links: readonly { path: string; uid: number }[], finalOwner: number): void {
  const me = process.geteuid?.() ?? 0;
  for (const l of links) {
    if (l.uid === me || l.uid === 0 || l.uid === finalOwner) continue;
    throw new WriteError(given, 'ELINKOWNER',
      say(l.path === resolve(given) ? 'io.link-owner-self' : 'io.link-owner', { link: l.path, uid: l.uid }),
      say('io.state.nothing-written'));
  }
}

/** Whether we may replace this existing regular file (a read-only file is the user's wish to keep it). */
function checkWritable(given: string, st: BigIntStats, path: string): void {
  const mode = Number(st.mode) & 0o7777;
  if ((mode & 0o222) === 0) {
    throw new WriteError(given, 'EREADONLY', say('io.read-only', { mode: mode.toString(8).padStart(4, '0') }), say('io.state.left-as-was'));
  }
  if ((process.geteuid?.() ?? 0) === 0) return;
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw new WriteError(given, 'EACCES', say('io.write.EACCES'), say('io.state.left-as-was'));
  }
}

// ---------------------------------------------------------------------------------------------
// The writes

export async function writeFileSafely(file: string, content: Uint8Array | string, options: WriteOptions = {}): Promise<WriteOutcome> {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (file === '') throw new WriteError(file, 'ENOENT', say('io.no-name'), say('io.state.nothing-written'));
  if (file === '-' || STDOUT_NAMES.has(file)) {
    if (options.exclusive) throw new WriteError(file, 'ENOTREG', say('io.stdout-not-file'), say('io.state.nothing-written'));
    await writeStdout(file, data);
    return { path: file, how: 'stdout', toStdout: true };
  }
  if (file.endsWith(sep) || file.endsWith('/')) {
    throw new WriteError(file, 'EISDIR', say('io.directory-name'), say('io.state.nothing-written'));
  }
  // A name taken by anything — a dangling link too — is not free for a new file.
  if (options.exclusive && exists(file)) throw new WriteError(file, 'EEXIST', say('io.exists'), say('io.state.left-as-is'));
  let target: Target;
  try {
    target = resolveTarget(file);
  } catch (error) {
    if (error instanceof WriteError) throw error;
    throw new WriteError(file, (error as NodeJS.ErrnoException).code ?? 'EIO', writeReason(error), say('io.state.nothing-written'));
  }
  const st = target.stat;
  if (st && options.exclusive) throw new WriteError(file, 'EEXIST', say('io.exists'), say('io.state.left-as-is'));
  if (st) {
    const kind = kindOf(st);
    if (kind === 'directory') throw new WriteError(file, 'EISDIR', say('io.write.EISDIR'), say('io.state.nothing-written'));
    if (kind === 'fifo' || kind === 'character device') {
      if (!options.devices) throw new WriteError(file, 'ENOTREG', say('io.not-replaceable', { kind: describeKind(kind) }), say('io.state.left-as-is'));
      return writeDevice(target, data, kind);
    }
    if (kind !== 'file') throw new WriteError(file, 'ENOTREG', say('io.not-writable', { kind: describeKind(kind) }), say('io.state.left-as-is'));
    checkWritable(file, st, target.path);
  }
  sweepStaleTemps(target.path);
  const existed = st ? say('io.state.left-as-was') : say('io.state.nothing-written');
  try {
    if (options.exclusive) return await createExclusive(target, data);
    if (st && st.nlink > 1n) return await writeInPlace(target, st, data, options);
    return await replace(target, st, data, options);
  } catch (error) {
    if (error instanceof WriteError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'EINTR') throw new WriteError(file, 'EINTR', say('io.interrupted-by', { signal: interruptedBy ?? say('io.a-signal') }), existed);
    throw new WriteError(file, code, writeReason(error), existed);
  }
}

/** Mode, owner and group of the replacement: the target's when there is one. */
async function takeOver(handle: FileHandle, st: BigIntStats | undefined): Promise<void> {
  if (!st) return;
  const uid = Number(st.uid);
  const gid = Number(st.gid);
  const mine = await handle.stat();
  if (mine.uid !== uid || mine.gid !== gid) {
    try {
      await handle.chown(uid, gid);
    } catch {
      // Not root: a file can only be given away by root; it becomes ours, as any editor's save makes it.
    }
  }
  // After chown, which clears set-id bits.
  await handle.chmod(Number(st.mode) & 0o7777);
}

/**
 * The temporary file is still the one written: in a directory others may write to, someone could
 * put something else under its name before the rename gives that name to the target.
 */
function checkStillOurs(temp: Temp, written: BigIntStats): void {
  let now: BigIntStats;
  try {
    now = lstatSync(temp.path, { bigint: true });
  } catch {
    throw fail('ENOENT');
  }
  if (!now.isFile() || now.dev !== written.dev || now.ino !== written.ino) {
    live.delete(temp);
    temp.disowned = true;
    throw new WriteError(temp.target, 'ETEMPSWAPPED', say('io.temp-swapped', { temp: temp.path }), say('io.state.nothing-changed'));
  }
}

function changedMeanwhile(target: Target, since: FileIdentity | undefined): boolean {
  if (!since) return false;
  try {
    return !sameIdentity(identityOf(lstatSync(target.path, { bigint: true })), since);
  } catch {
    return true;
  }
}

function changedError(target: Target): WriteError {
  return new WriteError(target.given, 'ECHANGED', say('io.changed'), say('io.state.version-left'));
}

/**
 * Every byte into a new temporary file and flushed to the disk, after `before` (made ready for the
 * file it replaces); the file as written, to check nobody swapped it. The handle is closed.
 */
async function fillTemp(handle: FileHandle, data: Uint8Array, before?: () => Promise<void>): Promise<BigIntStats> {
  try {
    await before?.();
    await writeAll(handle, data, 0);
    await handle.sync();
    return await handle.stat({ bigint: true });
  } finally {
    await handle.close();
  }
}

/** Temporary file, every byte, flush, rename, flush the directory. */
async function replace(target: Target, st: BigIntStats | undefined, data: Uint8Array, options: WriteOptions): Promise<WriteOutcome> {
  const { temp, handle } = await createTemp(target, st ? Number(st.mode) & 0o600 : 0o666);
  try {
    const written = await fillTemp(handle, data, () => takeOver(handle, st));
    checkInterrupted();
    if (changedMeanwhile(target, options.unchangedSince)) throw changedError(target);
    checkStillOurs(temp, written);
    await rename(temp.path, target.path);
    live.delete(temp);
  } catch (error) {
    await dropTemp(temp);
    throw error;
  }
  await syncDirectory(dirname(target.path));
  return { path: target.path, how: st ? 'replaced' : 'created', toStdout: false };
}

/**
 * A new file that never exists half-written, and never replaces one that appeared meanwhile:
 * written in full under a temporary name, then given its name with link(), which fails when the
 * name is taken. File systems without hard links get a rename after a last look.
 */
async function createExclusive(target: Target, data: Uint8Array): Promise<WriteOutcome> {
  const { temp, handle } = await createTemp(target, 0o666);
  try {
    const written = await fillTemp(handle, data);
    checkInterrupted();
    checkStillOurs(temp, written);
    try {
      await link(temp.path, target.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new WriteError(target.given, 'EEXIST', say('io.exists'), say('io.state.left-as-is'));
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw error;
      if (exists(target.path)) throw new WriteError(target.given, 'EEXIST', say('io.exists'), say('io.state.left-as-is'));
      await rename(temp.path, target.path);
      live.delete(temp);
      await syncDirectory(dirname(target.path));
      return { path: target.path, how: 'created', toStdout: false };
    }
  } catch (error) {
    await dropTemp(temp);
    throw error;
  }
  await dropTemp(temp);
  await syncDirectory(dirname(target.path));
  return { path: target.path, how: 'created', toStdout: false };
}

/** Whether anything has this name (a dangling link too: the name is taken). */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A file with several hard links is rewritten in place, so every name sees the new content
 * (a rename would give only this name a new file and leave the others with the old one). Its
 * previous content is first written to a backup beside it (which also proves there is room);
 * should the rewrite fail, the previous content is written back, and only if even that fails is
 * the backup kept, under a name that says what it is. A signal waits until the rewrite is done.
 */
async function writeInPlace(target: Target, st: BigIntStats, data: Uint8Array, options: WriteOptions): Promise<WriteOutcome> {
  const previous = readBounded(target.path, { limit: Number(st.size) + 1, what: say('io.what.file') });
  if (previous.truncated || previous.kind !== 'file') throw changedError(target);
  const { temp, handle } = await createTemp(target, Number(st.mode) & 0o600, 'bak');
  try {
    try {
      await writeAll(handle, previous.bytes, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    checkInterrupted();
    if (changedMeanwhile(target, options.unchangedSince ?? previous.identity)) throw changedError(target);
  } catch (error) {
    await dropTemp(temp);
    throw error;
  }
  temp.critical = true;
  let failure: unknown;
  const file = await open(target.path, constants.O_WRONLY | constants.O_NOFOLLOW).catch((error: unknown) => {
    failure = error;
    return undefined;
  });
  if (file) {
    try {
      await rewrite(file, data);
    } catch (error) {
      failure = error;
      try {
        await rewrite(file, previous.bytes);
      } catch {
        await file.close().catch(() => undefined);
        live.delete(temp);
        const where = await keepBackup(temp.path, target.path);
        throw new WriteError(target.given, (error as NodeJS.ErrnoException).code ?? 'EIO', writeReason(error),
          say('io.state.damaged', { saved: where }));
      }
    }
    await file.close().catch(() => undefined);
  }
  temp.critical = false;
  await dropTemp(temp);
  await syncDirectory(dirname(target.path));
  afterCritical();
  if (failure !== undefined) throw failure;
  return { path: target.path, how: 'in place', toStdout: false };
}

/** Give a backup that must outlive the run a name a user sees: NAME.before-bulletin (or with a suffix). */
async function keepBackup(backup: string, target: string): Promise<string> {
  for (const name of [`${target}.before-bulletin`, `${target}.before-bulletin.${randomHex(4)}`]) {
    try {
      await link(backup, name);
      await unlink(backup).catch(() => undefined);
      return name;
    } catch {
      // taken, or no hard links here: try the next name, else leave it where it is
    }
  }
  return backup;
}

async function rewrite(file: FileHandle, data: Uint8Array): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await file.write(data, done, Math.min(CHUNK, data.length - done), done);
    if (bytesWritten === 0) throw fail('ENOSPC');
    done += bytesWritten;
  }
  await file.truncate(data.length);
  await file.sync();
}

/** A signal that came during an in-place rewrite ends the run now that the file is whole. */
function afterCritical(): void {
  if (!interruptedBy) return;
  for (const temp of live) if (temp.critical) return;
  if (!othersHandle(interruptedBy)) process.exit(128 + (SIGNALS[interruptedBy] ?? 0));
  throw fail('EINTR');
}

function isOurStdout(st: BigIntStats): boolean {
  try {
    const out = fstatSync(1, { bigint: true });
    return out.dev === st.dev && out.ino === st.ino;
  } catch {
    return false;
  }
}

/** A named pipe or character device: written into, never replaced; a pipe nobody reads is refused, not waited on. */
async function writeDevice(target: Target, data: Uint8Array, kind: FileKind): Promise<WriteOutcome> {
  installHandlers();
  let handle: FileHandle;
  try {
    handle = await open(target.path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const reason = code === 'ENXIO' && kind === 'fifo' ? say('io.pipe-unread') : say('io.reason-kind', { reason: writeReason(error), kind: describeKind(kind) });
    throw new WriteError(target.given, code, reason, say('io.state.nothing-written'));
  }
  try {
    await writeAll(handle, data, null);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new WriteError(target.given, code, code === 'EINTR' ? say('io.interrupted-by', { signal: interruptedBy ?? say('io.a-signal') }) : writeReason(error), say('io.state.partly-written'));
  } finally {
    await handle.close().catch(() => undefined);
  }
  return { path: target.path, how: 'device', toStdout: isOurStdout(target.stat!) };
}

/** `-`: the standard output, which must not be a terminal (a PDF on a screen is noise). */
async function writeStdout(file: string, data: Uint8Array): Promise<void> {
  if (process.stdout.isTTY) throw new WriteError(file, 'ETTY', say('io.stdout-tty'), say('io.state.nothing-written'));
  await new Promise<void>((done, failed) => {
    process.stdout.write(data, (error) => (error ? failed(new WriteError(file, (error as NodeJS.ErrnoException).code ?? 'EIO', writeReason(error), say('io.state.partly-written'))) : done()));
  });
}
