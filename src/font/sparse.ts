/**
 * Reads a TrueType font file without its glyph outlines. In a CJK face the `glyf` table is
 * some 95% of the file (13.6 of 14.4 MB for Noto Serif CJK SC), and one issue draws perhaps a
 * thousand of its 65 535 glyphs; everything else — cmap, metrics, layout tables, names — is a
 * few hundred KB. So every table but `glyf` is read at once, into a buffer as long as the
 * file and at the file's own offsets (fontkit then parses it as if it were the whole file),
 * and each glyph's outline is read when that glyph is first asked for (see fontkit-private.ts,
 * which makes fontkit ask). The untouched rest of the buffer is never written, so the pages
 * behind it are never made resident.
 *
 * Anything that is not a plain sfnt or a collection of them (WOFF, WOFF2, dfont) is read whole.
 * So are CFF-flavoured faces: their outlines are one table fontkit parses up front.
 *
 * Only a regular file is read (a named pipe would block, a device never end), and it is opened
 * without blocking. The outlines are read later through a descriptor from a small pool: a theme
 * with eighty faces must not hold eighty descriptors for the life of the process, so the least
 * recently used is closed and the file opened again when next needed — after checking it is
 * still the same file (device, inode, size and modification time).
 *
 * Measured (src/fast-paths.ts, `sparse-read`): without it a cold build of 690 takes 28 % more CPU
 * and 141 MB instead of 81 MB at its peak.
 */
import { type BigIntStats, closeSync, constants, fstatSync, openSync, read, readSync } from 'node:fs';
import { ReadFileError, describeKind, kindOf } from '../io/read-file.js';
import { say } from '../messages/catalogue.js';

/** Where one face's outlines live, for reading a glyph's bytes on demand. */
export interface GlyphSource {
  /** Offset of the face's `glyf` table in the file (and in the buffer). */
  glyfOffset: number;
  glyfLength: number;
  /** Offset of its `loca` table and whether entries are 32-bit (head.indexToLocFormat 1). */
  locaOffset: number;
  locaLength: number;
  longLoca: boolean;
  /** Make sure the bytes of glyph `id` are in the buffer. */
  load(id: number): void;
  /** The same for many glyphs, with neighbouring outlines read together. */
  loadMany(ids: Iterable<number>): void;
  /**
   * The outline bytes of `ids` (a subset's glyphs), without putting them into the file's buffer:
   * read with neighbouring outlines together through one small scratch buffer and kept packed, so
   * that a few hundred KB of outlines touch a few hundred KB of memory and not a page of the
   * buffer each (on a cold start those first touches cost more than the reads). Outlines loaded
   * already come from the buffer; the bytes are those of the file either way.
   */
  outlines(ids: Iterable<number>): (id: number) => Uint8Array | undefined;
}

export interface FontFileData {
  buffer: Buffer;
  /** Outline readers by the offset of each face's `glyf` table (faces of a .ttc differ there). */
  faces: Map<number, GlyphSource>;
  /** True when the whole file was read (nothing left to load on demand). */
  whole: boolean;
  /**
   * Why the file cannot be a complete font, found from its table directory: fontkit reads
   * tables only when first used, so a cut-short file would otherwise fail far from here.
   */
  damage?: string;
  /** Give up on reading outlines (the file turned out unusable): closes the file. */
  close(): void;
}

interface TableEntry {
  tag: string;
  offset: number;
  length: number;
}

const SFNT_TRUETYPE = 0x00010000;
const SFNT_TRUE = 0x74727565; // 'true'
const SFNT_OTTO = 0x4f54544f; // 'OTTO'
const TTC = 0x74746366; // 'ttcf'

/** Read `length` bytes at `position` of `fd` into `buffer` at the same offset. */
function readAt(fd: number, buffer: Buffer, position: number, length: number): void {
  readInto(fd, buffer, position, position, length);
}

/** Read `length` bytes at `position` of `fd` into `buffer` at `offset`. */
function readInto(fd: number, buffer: Buffer, offset: number, position: number, length: number): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, offset + done, length - done, position + done);
    if (n === 0) break; // a short file: fontkit will report the truncated table
    done += n;
  }
}

function tableDirectory(buffer: Buffer, at: number, size: number): TableEntry[] | undefined {
  if (at + 12 > size) return undefined;
  const count = buffer.readUInt16BE(at + 4);
  if (at + 12 + 16 * count > size) return undefined;
  const tables: TableEntry[] = [];
  for (let i = 0; i < count; i++) {
    const e = at + 12 + 16 * i;
    tables.push({ tag: buffer.toString('latin1', e, e + 4), offset: buffer.readUInt32BE(e + 8), length: buffer.readUInt32BE(e + 12) });
  }
  return tables;
}

/** The headers and directories sit at the front; 64 KB holds them for any real font. */
const HEAD = 65536;

interface Outlines {
  glyf: TableEntry;
  loca: TableEntry;
  head: TableEntry;
}

/** What to read of a file once its first `head` bytes are in `buffer`. */
type Plan =
  | { whole: true; damage?: string }
  | { whole: false; reads: [number, number][]; outlines: Outlines[] };

function plan(buffer: Buffer, size: number, head: number, lazyOutlines: boolean): Plan {
  if (size < 12) return { whole: true };
  const tag = buffer.readUInt32BE(0);
  let directories: number[];
  if (tag === SFNT_TRUETYPE || tag === SFNT_TRUE || tag === SFNT_OTTO) directories = [0];
  else if (tag === TTC) {
    const count = buffer.readUInt32BE(8);
    if (12 + 4 * count > head) return { whole: true };
    directories = Array.from({ length: count }, (_, i) => buffer.readUInt32BE(12 + 4 * i));
  } else return { whole: true };

  const ranges: [number, number][] = [];
  const outlines: Outlines[] = [];
  for (const at of directories) {
    if (at + 12 > head) return { whole: true };
    const tables = tableDirectory(buffer, at, head);
    if (!tables) return { whole: true };
    const glyf = tables.find((t) => t.tag === 'glyf');
    const loca = tables.find((t) => t.tag === 'loca');
    const headTable = tables.find((t) => t.tag === 'head');
    for (const t of tables) {
      if (t.offset + t.length > size) {
        return { whole: true, damage: say('font.table-cut', { table: t.tag.trim(), end: t.offset + t.length, size }) };
      }
      if (t === glyf && loca && headTable) continue;
      ranges.push([t.offset, t.offset + t.length]);
    }
    if (glyf && loca && headTable && !outlines.some((p) => p.glyf.offset === glyf.offset)) outlines.push({ glyf, loca, head: headTable });
  }
  if (!lazyOutlines || outlines.length === 0) return { whole: true };
  // Tables shared between the faces of a collection are read once, and tables a little
  // apart (padding) in one read.
  ranges.sort((a, b) => a[0] - b[0]);
  const reads: [number, number][] = [];
  for (const [s, e] of ranges) {
    const last = reads[reads.length - 1];
    if (!last || s > last[1] + 4096) reads.push([s, e]);
    else last[1] = Math.max(last[1], e);
  }
  return { whole: false, reads, outlines };
}

/** The largest font file read: the largest CJK collections are some 60 MB. */
export const MAX_FONT_BYTES = 512 * 1024 * 1024;

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/**
 * A zero-filled buffer as long as a font file, for reading it into. Mostly it stays untouched
 * memory (the `glyf` table is never read into it), which costs nothing. But V8 counts the length
 * of every ArrayBuffer as memory its heap keeps alive from outside, and the five CJK faces of a
 * build (some 67 MB) make it start a full garbage collection at once, with little on the heap
 * to free: in a cold build of 690, a 6.5 ms pause and 4 ms of marking steps. A
 * SharedArrayBuffer's memory is not counted against one heap (it may be shared between
 * threads), and it reads and writes the same through a Buffer. Buffer.alloc where there is none.
 */
function fileSizedBuffer(size: number): Buffer {
  return typeof SharedArrayBuffer === 'function' ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.alloc(size);
}

/** Refuse what is not a font file to read: not a regular file, or larger than any font. */
function checkFontFile(file: string, stat: BigIntStats): number {
  const kind = kindOf(stat);
  if (kind === 'directory') throw new ReadFileError(file, say('io.read.EISDIR'), 'EISDIR');
  if (kind !== 'file') throw new ReadFileError(file, say('io.not-what', { kind: describeKind(kind), what: say('io.what.font') }), 'ENOTREG');
  if (stat.size > BigInt(MAX_FONT_BYTES)) {
    throw new ReadFileError(file, say('font.too-large', { size: `${(Number(stat.size) / 1024 / 1024).toFixed(0)} MB`, max: `${MAX_FONT_BYTES / 1024 / 1024} MB` }), 'EFBIG');
  }
  return Number(stat.size);
}

/** Descriptors kept open for reading outlines, at most POOL_SIZE, the least recently used closed first. */
const POOL_SIZE = 8;

interface PooledFile {
  path: string;
  stat: BigIntStats;
  fd?: number;
}

const pool: PooledFile[] = [];

/** A descriptor of `file`, open (again) when needed; the file must be the one first read. */
function descriptor(file: PooledFile): number {
  if (file.fd !== undefined) {
    const at = pool.indexOf(file);
    if (at > 0) {
      pool.splice(at, 1);
      pool.unshift(file);
    }
    return file.fd;
  }
  const fd = openSync(file.path, OPEN_FLAGS);
  const now = fstatSync(fd, { bigint: true });
  if (now.dev !== file.stat.dev || now.ino !== file.stat.ino || now.size !== file.stat.size || now.mtimeNs !== file.stat.mtimeNs) {
    closeSync(fd);
    throw new ReadFileError(file.path, say('font.changed'), 'ECHANGED');
  }
  file.fd = fd;
  pool.unshift(file);
  while (pool.length > POOL_SIZE) release(pool[pool.length - 1]);
  return fd;
}

function release(file: PooledFile): void {
  const at = pool.indexOf(file);
  if (at >= 0) pool.splice(at, 1);
  if (file.fd !== undefined) closeSync(file.fd);
  file.fd = undefined;
}

/** Descriptors the pool holds now (for tests). */
export function openFontDescriptors(): number {
  return pool.length;
}

/** The data of a file whose planned reads are done; its descriptor joins the pool for outlines. */
function sparseData(fd: number, path: string, stat: BigIntStats, buffer: Buffer, outlines: Outlines[]): FontFileData {
  const file: PooledFile = { path, stat, fd };
  pool.unshift(file);
  while (pool.length > POOL_SIZE) release(pool[pool.length - 1]);
  const faces = new Map<number, GlyphSource>();
  for (const p of outlines) {
    const longLoca = p.head.length >= 52 && buffer.readInt16BE(p.head.offset + 50) === 1;
    faces.set(p.glyf.offset, glyphSource(() => descriptor(file), buffer, p.glyf, p.loca, longLoca));
  }
  let open = true;
  return {
    buffer, faces, whole: false,
    close() {
      if (open) release(file);
      open = false;
    },
  };
}

/**
 * Read `file` sparsely as described above (`lazyOutlines` false: whole, after the same checks).
 * Throws what `openSync`/`readSync` throw (ENOENT…); a file that does not look like a font is
 * read whole and left to fontkit to refuse.
 */
export function readFontFile(file: string, lazyOutlines = true): FontFileData {
  const { fd, stat, size, buffer, head, p } = openFontFile(file, lazyOutlines);
  let keepOpen = false;
  try {
    if (p.whole) {
      if (size > head) readAt(fd, buffer, head, size - head);
      return { buffer, faces: new Map(), whole: true, damage: p.damage, close() {} };
    }
    for (const [s, e] of p.reads) readAt(fd, buffer, s, e - s);
    keepOpen = true;
    return sparseData(fd, file, stat, buffer, p.outlines);
  } finally {
    // The descriptor joins the pool while outlines may still be read.
    if (!keepOpen) closeSync(fd);
  }
}

interface OpenedFont { fd: number; stat: BigIntStats; size: number; buffer: Buffer; head: number; p: Plan }

/** The file opened and checked, its directory read and its reads planned (closed on failure). */
function openFontFile(file: string, lazyOutlines: boolean): OpenedFont {
  const fd = openSync(file, OPEN_FLAGS);
  try {
    const stat = fstatSync(fd, { bigint: true });
    const size = checkFontFile(file, stat);
    const buffer = fileSizedBuffer(size);
    const head = Math.min(size, HEAD);
    readAt(fd, buffer, 0, head);
    return { fd, stat, size, buffer, head, p: plan(buffer, size, head, lazyOutlines) };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

const call = <T>(f: (cb: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => f((err, value) => (err ? reject(err) : resolve(value))));

async function readAtAsync(fd: number, buffer: Buffer, position: number, length: number): Promise<void> {
  let done = 0;
  while (done < length) {
    const n = await call<number>((cb) => read(fd, buffer, position + done, length - done, position + done, cb));
    if (n === 0) break;
    done += n;
  }
}

/**
 * readFontFile with its table reads on libuv's thread pool, in parallel: for reading fonts
 * while the main thread is busy with something else (loading modules, parsing the issue).
 * The file is opened and its directory (the first 64 KB) read here, synchronously, so that
 * every read is under way when this returns. Each asynchronous step needs the main thread to
 * take its result, and a build's main thread turns to them only when it waits for the fonts:
 * with the directory read asynchronously too, the table reads started only then (a build of
 * 690 waited some 9 ms for them).
 */
export function readFontFileAsync(file: string, lazyOutlines = true): Promise<FontFileData> {
  let opened: OpenedFont;
  try {
    opened = openFontFile(file, lazyOutlines);
  } catch (err) {
    return Promise.reject(err);
  }
  return readPlannedAsync(file, opened);
}

/** The reads `opened` planned, issued before its first `await`. */
async function readPlannedAsync(file: string, { fd, stat, size, buffer, head, p }: OpenedFont): Promise<FontFileData> {
  let keepOpen = false;
  try {
    if (p.whole) {
      if (size > head) await readAtAsync(fd, buffer, head, size - head);
      return { buffer, faces: new Map(), whole: true, damage: p.damage, close() {} };
    }
    await Promise.all(p.reads.map(([s, e]) => readAtAsync(fd, buffer, s, e - s)));
    keepOpen = true;
    return sparseData(fd, file, stat, buffer, p.outlines);
  } finally {
    if (!keepOpen) closeSync(fd);
  }
}

function glyphSource(fdOf: () => number, buffer: Buffer, glyf: TableEntry, loca: TableEntry, longLoca: boolean): GlyphSource {
  const entries = longLoca ? loca.length / 4 : loca.length / 2;
  const loaded = new Uint8Array(Math.max(0, entries));
  const locaAt = (i: number) => (longLoca ? buffer.readUInt32BE(loca.offset + 4 * i) : buffer.readUInt16BE(loca.offset + 2 * i) * 2);
  const span = (id: number): [number, number] => {
    const from = Math.min(locaAt(id), glyf.length);
    return [from, Math.min(Math.max(locaAt(id + 1), from), glyf.length)];
  };
  /**
   * The reads that bring in the outlines of `ids` but those `have` says are in, in file order:
   * outlines less than a few KB apart come in one read (fewer calls, a little more copying).
   * An outline of no bytes needs no read.
   */
  const reads = (ids: Iterable<number>, have: (id: number) => boolean): { start: number; end: number; ids: number[] }[] => {
    const spans: [number, number, number][] = [];
    for (const id of ids) {
      if (!(id >= 0 && id + 1 < entries) || have(id)) continue;
      const [from, to] = span(id);
      if (to > from) spans.push([from, to, id]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    const out: { start: number; end: number; ids: number[] }[] = [];
    for (const [from, to, id] of spans) {
      const last = out[out.length - 1];
      if (last && last.ids[last.ids.length - 1] === id) continue;
      if (!last || from > last.end + 8192) out.push({ start: from, end: to, ids: [id] });
      else {
        last.end = Math.max(last.end, to);
        last.ids.push(id);
      }
    }
    return out;
  };
  /** Outlines read by `outlines`, by glyph id: views of packed buffers. */
  const packed = new Map<number, Uint8Array>();
  return {
    glyfOffset: glyf.offset,
    glyfLength: glyf.length,
    locaOffset: loca.offset,
    locaLength: loca.length,
    longLoca,
    load(id: number) {
      if (!(id >= 0 && id + 1 < entries) || loaded[id]) return;
      loaded[id] = 1;
      const [from, to] = span(id);
      if (to > from) readAt(fdOf(), buffer, glyf.offset + from, to - from);
    },
    outlines(ids: Iterable<number>) {
      const wanted = reads(ids, (id) => loaded[id] === 1 || packed.has(id));
      if (wanted.length > 0) {
        const fd = fdOf();
        let total = 0;
        let widest = 0;
        for (const r of wanted) {
          for (const id of r.ids) { const [from, to] = span(id); total += to - from; }
          widest = Math.max(widest, r.end - r.start);
        }
        const scratch = Buffer.allocUnsafe(widest);
        const out = new Uint8Array(total);
        let at = 0;
        for (const r of wanted) {
          readInto(fd, scratch, 0, glyf.offset + r.start, r.end - r.start);
          for (const id of r.ids) {
            const [from, to] = span(id);
            out.set(scratch.subarray(from - r.start, to - r.start), at);
            packed.set(id, out.subarray(at, at + to - from));
            at += to - from;
          }
        }
      }
      return (id: number) => packed.get(id);
    },
    loadMany(ids: Iterable<number>) {
      const wanted = reads(ids, (id) => loaded[id] === 1);
      if (wanted.length === 0) return;
      const fd = fdOf();
      for (const r of wanted) {
        for (const id of r.ids) loaded[id] = 1;
        readAt(fd, buffer, glyf.offset + r.start, r.end - r.start);
      }
    },
  };
}
