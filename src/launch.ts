/**
 * The `bulletin` command as installed (package.json "bin" → dist/bulletin.cjs, this file
 * bundled by scripts/bundle.mjs). A run of bulletin is short, and a fresh process spent a good
 * part of it loading: resolving and reading some hundred ES modules and compiling them, and the
 * dependencies they load (pdfkit, fontkit, yaml, commander). Here the whole program is one
 * CommonJS file (dist/cli.bundle.cjs) compiled through V8's code cache: the bytecode of every
 * function a build ran, saved by an earlier run, is read instead of being compiled again.
 * Dependencies that defer-modules.ts loads only on first use stay outside the bundle and are
 * still loaded only then. Without the bundle (a build that did not make it) the ES modules are
 * loaded as compiled (dist/cli.js), as they are for --help and --version, which load little.
 *
 * The cache is the file made at build time next to the bundle (a build of a sample issue: see
 * scripts/bundle.mjs) or, when V8 refuses that one (another Node version, other V8 flags), one
 * in the user's cache directory, written after the first run refused it. V8 checks that a cache
 * was made by the same V8 with the same flags for a source of the same length; the bundle's
 * content hash is in the cache's name, so a cache never meets another bundle. Cache files are
 * read only from the package and from a cache directory that belongs to the user and that no one
 * else may write. BULLETIN_CODE_CACHE=0 turns the cache off; BULLETIN_CODE_CACHE_DEBUG=1 says on
 * stderr which cache was used.
 */
import './tiering.js';
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { userCacheName } from './launch-cache-name.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const BUNDLE = join(HERE, 'cli.bundle.cjs');
/** The bundle's first line names its content hash: `// bulletin bundle <hash>`. */
const ID = /^\/\/ bulletin bundle ([0-9a-f]{16})\n/;
/** A cache larger than this is not one of ours. */
const MAX_CACHE = 64 * 1024 * 1024;

type Writer = (file: string, data: Uint8Array) => Promise<unknown>;

/**
 * One buffer takes the bundle's bytes and then the cache's. The bundle is copied into a string
 * at once, so its pages are free for the cache; fresh memory costs more to touch than to fill
 * (on the machines we measure on, some 3 ms a MB on its first touch against 0.05 ms after), and
 * the cache would otherwise be some 400 pages more of it. Room is left for a cache larger than
 * the bundle (with its local names shortened, the bundle is some 1.2 MB and its cache 1.6):
 * pages never touched cost nothing.
 */
let scratch: Buffer | undefined;

/** Fill `data` from `fd` (its first `size` bytes); false when the file ends early. */
function readAll(fd: number, data: Buffer, size: number): boolean {
  let at = 0;
  while (at < size) {
    const n = readSync(fd, data, at, size - at, at);
    if (n === 0) return false;
    at += n;
  }
  return true;
}

function readBundle(): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(BUNDLE, 'r');
    const size = fstatSync(fd).size;
    scratch = Buffer.allocUnsafeSlow(Math.ceil(size * 1.6) + 4096);
    if (!readAll(fd, scratch, size)) return undefined;
    // ASCII only (scripts/bundle.mjs escapes the rest): Latin-1 gives the same string and reads
    // it as one-byte, with no UTF-8 decoding.
    return scratch.toString('latin1', 0, size);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The user's cache directory for bulletin, when there is one that only the user can write. */
export function userCacheDir(create: boolean): string | undefined {
  const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : '');
  if (!base || !base.startsWith('/')) return undefined;
  const dir = join(base, 'bulletin');
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    return ownedAndPrivate(dir, true) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** True for a file (or directory) of the current user that group and others cannot write. */
function ownedAndPrivate(path: string, directory: boolean): boolean {
  const st = lstatSync(path);
  if (directory ? !st.isDirectory() : !st.isFile()) return false;
  const uid = process.getuid?.();
  return (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
}

/** A cache file's bytes, when it is a regular file we may trust and of a sane size. */
function readCache(file: string, trusted: boolean): Buffer | undefined {
  let fd: number | undefined;
  try {
    if (!trusted && !ownedAndPrivate(file, false)) return undefined;
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size === 0 || size > MAX_CACHE) return undefined;
    // The bundle's buffer when the cache fits in it (the bundle is a string by now).
    const data = scratch && size <= scratch.length ? scratch.subarray(0, size) : Buffer.allocUnsafe(size);
    return readAll(fd, data, size) ? data : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function run(source: string): void {
  const id = ID.exec(source)?.[1];
  const enabled = id !== undefined && process.env.BULLETIN_CODE_CACHE !== '0';
  const shipped = id ? join(HERE, `cli.bundle.${id}.cache`) : undefined;
  const userName = id ? userCacheName(id, HERE) : undefined;
  const userDir = enabled ? userCacheDir(false) : undefined;
  // The user's cache exists only where this installation's shipped one was refused under these
  // options: it comes first.
  let cachedData: Buffer | undefined;
  let from: string | undefined;
  if (enabled) {
    for (const file of [userDir && userName ? join(userDir, userName) : undefined, shipped]) {
      cachedData = file ? readCache(file, file === shipped) : undefined;
      if (cachedData) {
        from = file;
        break;
      }
    }
  }
  // The bundle is written wrapped as a CommonJS module (scripts/bundle.mjs): its value is the
  // module function.
  const script = new Script(source, { filename: BUNDLE, cachedData });
  scratch = undefined;
  if (process.env.BULLETIN_CODE_CACHE_DEBUG) {
    process.stderr.write(`bulletin: code cache ${from === undefined ? 'none' : `${script.cachedDataRejected ? 'refused' : 'used'}: ${from}`}\n`);
  }
  const module = { exports: {} as { cacheWriter?: () => Promise<Writer> } };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;

  // Where to save what this run compiled: the file the build asks for (BULLETIN_CODE_CACHE_OUT,
  // set by scripts/bundle.mjs), or the user's cache when there was no usable cache.
  const out = process.env.BULLETIN_CODE_CACHE_OUT || (enabled && (cachedData === undefined || script.cachedDataRejected) ? 'user' : undefined);
  if (out !== undefined) {
    let saved = false;
    // After the command, so the cache holds every function it compiled (not at 'exit': the
    // writer is loaded from the bundle, asynchronously). A run that calls process.exit saves none.
    process.on('beforeExit', () => {
      if (saved) return;
      saved = true;
      void saveCache(script, out, userName, module.exports.cacheWriter);
    });
  }
  wrapper.call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, HERE);
}

async function saveCache(script: Script, out: string, userName: string | undefined, loadWriter: (() => Promise<Writer>) | undefined): Promise<void> {
  try {
    if (!loadWriter) return;
    const write = await loadWriter();
    if (out !== 'user') {
      await write(out, script.createCachedData());
      return;
    }
    const dir = userCacheDir(true);
    if (!dir || !userName) return;
    await write(join(dir, userName), script.createCachedData());
    // Caches of other bundles and other Node versions are of no more use (those of other
    // installations of this one, or other options, may be).
    const mine = userName.slice(0, userName.lastIndexOf('-') + 1);
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(mine) && /^[0-9a-f]{16}-v[\d.]+-\w+(?:-[0-9a-f]{8})?\.cache$/.test(name)) {
        try { unlinkSync(join(dir, name)); } catch { /* another run took it */ }
      }
    }
  } catch {
    // A cache is an optimisation: a run never fails for want of one.
  }
}

/**
 * The commands that read issues and fonts. For the others (--help, --version, help) reading and
 * deserialising the whole bundle costs more than the few modules they load (measured: --help
 * 0.46 s through the bundle, 0.40 s as modules; check of 690 0.79 s against 1.08 s). With
 * --debug, the modules too: their stack traces name the functions, files and lines of dist/.
 */
const HEAVY = new Set(['build', 'check', 'new', 'fonts', 'preview']);

const args = process.argv.slice(2);
const source = args.some((a) => HEAVY.has(a)) && !args.includes('--debug') ? readBundle() : undefined;
if (source !== undefined) {
  run(source);
} else {
  // No bundle, or a command that needs little: the program as compiled, module by module.
  void import('./cli.js');
}
