/**
 * Every use of fontkit's undocumented internals, in one place. Written against fontkit 2.0.4
 * (pinned exactly); test/font/fontkit-private.test.ts checks each shortcut against
 * fontkit's own public answer on the vendored faces, so an upgrade that changes them fails there.
 *
 * Why: fontkit answers "which glyph, how wide" by building a Glyph object, and a TrueType
 * Glyph's metrics decode the outline's header (55–130 µs for each new glyph). The composer needs
 * only the cmap and hmtx, and the subsetter only each outline's raw bytes. Internals used:
 * - `font._cmapProcessor.lookup(cp)`: what `glyphForCodePoint(cp).id` and `hasGlyphForCodePoint`
 *   are built on; its `cmap` (the subtable it chose, whose hidden `_startOffset` says where its
 *   bytes are) and `encoding` (set for fonts without a Unicode subtable);
 * - `font._variationProcessor`: null for a face without variations applied — then advances are
 *   hmtx's as they are, which `_getTableMetrics` below reproduces (`Glyph._getTableMetrics`);
 * - fontkit reaches every glyph through `font.getGlyph` (glyphForCodePoint, layout, subsets,
 *   the components of composite glyphs), so an own `getGlyph` on the instance sees each glyph
 *   before its outline is read — which is where a sparsely read file gets its bytes;
 * - `font.directory.tables` (each table's offset and length; which face of a collection this is),
 *   `font.stream.buffer` (also read by plain-runs.ts for GSUB, GPOS and GDEF), and
 *   `font._tables`, the cache of decoded tables that `font.loca`, `font.post`… fill on first
 *   use and `_decodeTable`, which fills it;
 * - the TrueType subset's `_addGlyph(gid)`, `encode()`, `glyphs` (the original ids taken in),
 *   `glyf`, `loca.offsets`, `hmtx.metrics`, `offset`,
 *   and the font's `_getTableStream('glyf')` and `loca.offsets`.
 *
 * Measured (src/fast-paths.ts): without them a cold build of 690 takes more CPU — cmap and hmtx
 * lookups 7 %, the loca/post decoders 16 %, the subset writer 22 %, the sparse reading 28 %.
 * Pinned: fontkit 2.0.4 exactly; test/fast-paths.test.ts checks each internal named here.
 */
import { endianness } from 'node:os';
import type { Font } from 'fontkit';
import { fast } from '../fast-paths.js';
import type { FaceTables } from './plain-runs.js';
import type { GlyphSource } from './sparse.js';
import { type SubsetFace, canWriteSubset, writeTrueTypeSubset } from './subset.js';

interface HmtxTable {
  metrics: { length: number; get(i: number): { advance: number; bearing: number } | undefined };
  bearings: { length: number; get(i: number): number | undefined };
}

interface FontInternals {
  type?: string;
  stream?: { buffer?: Uint8Array };
  _tables?: Record<string, unknown>;
  _decodeTable?(entry: { tag: string; offset: number; length: number }): unknown;
  head?: { indexToLocFormat: number };
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  _cmapProcessor?: { lookup(cp: number): number; encoding?: unknown; cmap?: { version?: number; _startOffset?: number } };
  _variationProcessor?: unknown;
  hmtx?: HmtxTable;
  loca?: { version?: number; offsets: ArrayLike<number> };
  _getTableStream?(tag: string): { pos: number; readBuffer(n: number): Uint8Array } | null;
  getGlyph(id: number, codePoints?: number[]): unknown;
}

/** Glyph lookups without Glyph objects. */
export interface RawMetrics {
  /** Glyph id the cmap gives `cp` (0: none). */
  glyphId(cp: number): number;
  /** Advance width of glyph `id`, font units, as `getGlyph(id).advanceWidth` gives it. */
  advance(id: number): number;
}

/**
 * BULLETIN_FONTKIT_SHORTCUTS=off turns every shortcut here off, and with it the sparse reading
 * of font files; BULLETIN_SLOW names single ones (fast-paths.ts). fontkit then does the work
 * through its public API, as a check (the PDF must come out byte for byte the same) and as a
 * way round a font that trips a shortcut.
 */
export const SPARSE = fast('sparse-read');

const rawCache = new WeakMap<object, RawMetrics | null>();
const sources = new WeakMap<object, GlyphSource>();

/** hmtx entry of glyph `id` exactly as fontkit's Glyph._getTableMetrics reads it. */
function tableMetrics(table: HmtxTable, id: number): { advance: number; bearing: number } {
  if (id < table.metrics.length) return table.metrics.get(id)!;
  const metric = table.metrics.get(table.metrics.length - 1);
  return { advance: metric ? metric.advance : 0, bearing: table.bearings.get(id - table.metrics.length) || 0 };
}

/**
 * tableMetrics(font.hmtx, id).advance read from the table's bytes: hmtx holds numberOfMetrics
 * (advance, bearing) pairs, and glyphs after them take the last advance. restructure's lazy
 * array decodes an object for each entry asked for; this reads two bytes.
 */
function rawAdvance(f: FontInternals): ((id: number) => number) | undefined {
  const entry = f.directory?.tables?.hmtx;
  const buffer = f.stream?.buffer;
  const metrics = (f as { hhea?: { numberOfMetrics?: number } }).hhea?.numberOfMetrics;
  if (f.type !== 'TTF' || !entry || !buffer || typeof metrics !== 'number' || metrics < 1) return undefined;
  if (entry.offset + 4 * metrics > buffer.byteLength || 4 * metrics > entry.length) return undefined;
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const at = entry.offset;
  const last = metrics - 1;
  return (id) => view.getUint16(at + 4 * (id < metrics ? id : last));
}

/**
 * The lookup of fontkit's CmapProcessor for the subtable it chose, reading the subtable's bytes
 * directly instead of through restructure's lazy arrays (which decode an object per probe of
 * the binary search). Formats 4 and 12/13, the ones Unicode fonts use; undefined for others.
 */
function rawCmapLookup(f: FontInternals): ((cp: number) => number) | undefined {
  const processor = f._cmapProcessor;
  const sub = processor?.cmap;
  const buffer = f.stream?.buffer;
  if (f.type !== 'TTF' || !processor || processor.encoding || !sub || !buffer || typeof sub._startOffset !== 'number') return undefined;
  const at = sub._startOffset;
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const size = buffer.byteLength;
  if (sub.version === 12 || sub.version === 13) {
    if (at + 16 > size) return undefined;
    const n = view.getUint32(at + 12);
    const groups = at + 16;
    if (groups + 12 * n > size) return undefined;
    const perChar = sub.version === 12;
    return (cp) => {
      let min = 0;
      let max = n - 1;
      while (min <= max) {
        const mid = (min + max) >> 1;
        const g = groups + 12 * mid;
        if (cp < view.getUint32(g)) max = mid - 1;
        else if (cp > view.getUint32(g + 4)) min = mid + 1;
        else return perChar ? view.getUint32(g + 8) + (cp - view.getUint32(g)) : view.getUint32(g + 8);
      }
      return 0;
    };
  }
  if (sub.version === 4) {
    if (at + 14 > size) return undefined;
    const length = view.getUint16(at + 2);
    const segCount = view.getUint16(at + 6) >> 1;
    const endCode = at + 14;
    const startCode = endCode + 2 * segCount + 2;
    const idDelta = startCode + 2 * segCount;
    const idRangeOffset = idDelta + 2 * segCount;
    const glyphs = idRangeOffset + 2 * segCount;
    const glyphCount = (length - (glyphs - at)) / 2;
    if (glyphs > size || at + length > size) return undefined;
    return (cp) => {
      let min = 0;
      let max = segCount - 1;
      while (min <= max) {
        const mid = (min + max) >> 1;
        if (cp < view.getUint16(startCode + 2 * mid)) max = mid - 1;
        else if (cp > view.getUint16(endCode + 2 * mid)) min = mid + 1;
        else {
          const rangeOffset = view.getUint16(idRangeOffset + 2 * mid);
          let gid: number;
          if (rangeOffset === 0) gid = cp + view.getInt16(idDelta + 2 * mid);
          else {
            const index = rangeOffset / 2 + (cp - view.getUint16(startCode + 2 * mid)) - (segCount - mid);
            gid = index >= 0 && index < glyphCount && Number.isInteger(index) ? view.getUint16(glyphs + 2 * index) : 0;
            if (gid !== 0) gid += view.getInt16(idDelta + 2 * mid);
          }
          return gid & 0xffff;
        }
      }
      return 0;
    };
  }
  return undefined;
}

/**
 * Shortcuts for a real fontkit face without variations; null for anything else (test doubles,
 * variable instances), whose callers use the public API.
 */
export function rawMetrics(font: Font | undefined): RawMetrics | null {
  if (!fast('cmap-hmtx') || !font || typeof font !== 'object') return null;
  let raw = rawCache.get(font);
  if (raw !== undefined) return raw;
  raw = null;
  const f = font as unknown as FontInternals;
  try {
    const cmap = f._cmapProcessor;
    const hmtx = f.hmtx;
    if (cmap && typeof cmap.lookup === 'function' && hmtx && typeof hmtx.metrics?.get === 'function' && f._variationProcessor == null) {
      const lookup = rawCmapLookup(f) ?? ((cp: number) => cmap.lookup(cp));
      raw = {
        glyphId: lookup,
        advance: rawAdvance(f) ?? ((id: number) => tableMetrics(hmtx, id).advance),
      };
    }
  } catch {
    raw = null;
  }
  rawCache.set(font, raw);
  return raw;
}

/**
 * The face's bytes and where each table is in them, for plain-runs.ts, which reads GSUB, GPOS
 * and GDEF there instead of through fontkit's decoders; undefined for a face without them
 * (not an sfnt fontkit read from a buffer) or with variations applied.
 */
export function faceTables(font: Font): FaceTables | undefined {
  const f = font as unknown as FontInternals;
  const bytes = f.stream?.buffer;
  const tables = f.directory?.tables;
  if (f.type !== 'TTF' || !(bytes instanceof Uint8Array) || !tables || f._variationProcessor != null) return undefined;
  return {
    bytes,
    table: (tag) => {
      const entry = Object.hasOwn(tables, tag) ? tables[tag] : undefined;
      return entry && typeof entry.offset === 'number' && typeof entry.length === 'number' ? { offset: entry.offset, length: entry.length } : undefined;
    },
  };
}

/** Offset of the face's `glyf` table in its file (undefined: not a TrueType-outline face). */
export function glyfOffsetOf(font: Font): number | undefined {
  return (font as unknown as FontInternals).directory?.tables?.glyf?.offset;
}

/**
 * Let fontkit read a sparsely loaded face: every glyph it asks for has its outline bytes read
 * first (see sparse.ts).
 */
export function attachGlyphSource(font: Font, source: GlyphSource): void {
  const f = font as unknown as FontInternals;
  const getGlyph = f.getGlyph;
  sources.set(font, source);
  Object.defineProperty(f, 'getGlyph', {
    configurable: true,
    writable: true,
    value(this: FontInternals, id: number, codePoints?: number[]) {
      source.load(id);
      return getGlyph.call(this, id, codePoints);
    },
  });
}

interface TrueTypeSubsetInternals {
  font: FontInternals;
  glyphs: number[];
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

/**
 * The original face as the subset writer reads it: tables and outlines straight from the file's
 * bytes (a sparse buffer holds every table but glyf, and the outlines the subset loaded), or
 * undefined when the face is not one it can write.
 */
function subsetFace(font: FontInternals, hmtx: HmtxTable, packed: () => ((id: number) => Uint8Array | undefined) | undefined): SubsetFace | undefined {
  const buffer = font.stream?.buffer;
  const tables = font.directory?.tables;
  const glyf = tables?.glyf;
  const loca = font.loca;
  if (!buffer || !tables || !glyf || !loca || loca.version === undefined) return undefined;
  const offsets = loca.offsets;
  const face: SubsetFace = {
    locaVersion: loca.version,
    table(tag) {
      const t = tables[tag];
      return t && t.offset + t.length <= buffer.length ? buffer.subarray(t.offset, t.offset + t.length) : undefined;
    },
    outline(id) {
      const kept = packed()?.(id);
      if (kept) return kept;
      const from = offsets[id], to = offsets[id + 1];
      if (!(to > from)) return new Uint8Array(0);
      return buffer.subarray(glyf.offset + from, glyf.offset + to);
    },
    metrics: (id) => tableMetrics(hmtx, id),
  };
  return canWriteSubset(face) ? face : undefined;
}

/**
 * Make a TrueType subset copy simple outlines as bytes, as fontkit does, without decoding each
 * outline into points first (fontkit decodes it only to learn whether it is composite; the
 * first two bytes say). Composite glyphs and variable instances keep fontkit's own path. The
 * bytes written are the same either way. Anything but a TrueType subset is left alone.
 */
export function speedUpSubset(subset: unknown): void {
  const s = subset as TrueTypeSubsetInternals;
  const font = s?.font;
  if (!fast('subset-writer') || !font || typeof s._addGlyph !== 'function' || typeof font._getTableStream !== 'function') return;
  let glyfStream;
  try {
    glyfStream = font._getTableStream('glyf');
  } catch {
    return;
  }
  if (!glyfStream || font._variationProcessor != null || !font.hmtx || !font.loca) return;
  const hmtx = font.hmtx;
  const original = s._addGlyph;
  const source = sources.get(font);
  // The outlines of the glyphs taken in, read packed when the subset is written (sparse.ts).
  let outlines: ((id: number) => Uint8Array | undefined) | undefined;
  const face = subsetFace(font, hmtx, () => outlines);
  if (typeof s.encode === 'function') {
    const encode = s.encode;
    s.encode = function (this: TrueTypeSubsetInternals): Uint8Array {
      if (!Array.isArray(this.glyphs)) return encode.call(this);
      if (!face) {
        // fontkit reads the outlines from the file's buffer: every glyph's in a few large reads.
        source?.loadMany(this.glyphs);
        return encode.call(this);
      }
      // Every glyph the subset has taken in, in a few large reads, kept packed.
      outlines = source?.outlines(this.glyphs);
      return writeTrueTypeSubset(face, this.glyphs, (gid) => {
        source?.load(gid);
        return this.includeGlyph(gid);
      });
    };
  }
  s._addGlyph = function (this: TrueTypeSubsetInternals, gid: number): number {
    const offsets = font.loca!.offsets;
    const cur = offsets[gid];
    const next = offsets[gid + 1];
    if (!(next >= cur)) return original.call(this, gid);
    source?.load(gid);
    const stream = font._getTableStream!('glyf')!;
    stream.pos += cur;
    const buffer = stream.readBuffer(next - cur);
    if (buffer.length >= 2 && (buffer[0] & 0x80) !== 0) return original.call(this, gid); // numberOfContours < 0
    const m = tableMetrics(hmtx, gid);
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: m.advance, bearing: m.bearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
}

/**
 * Decode two tables faster than fontkit would, into its table cache, with the values it would
 * give (and the PostScript name, plainPostscriptName): `loca` (65 536 offsets: fontkit's
 * generic array decoder takes some 25 ms, a loop over the bytes well under one) and `post`, whose glyph-name list (WenKai: 231 KB, 150 ms to decode) only
 * `Glyph.name` reads — pdfkit reads the header (isFixedPitch, italicAngle), so the list is
 * decoded by fontkit itself the first time anything asks for it.
 */
export function installFastTables(font: Font): void {
  const f = font as unknown as FontInternals;
  // Only a plain sfnt: in WOFF and WOFF2 the directory points at compressed data.
  if (!fast('table-decoders') || f.type !== 'TTF') return;
  const buffer = f.stream?.buffer;
  const tables = f.directory?.tables;
  const cache = f._tables;
  if (!buffer || !tables || !cache || typeof f._decodeTable !== 'function') return;
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const inside = (t: { offset: number; length: number }) => t.offset + t.length <= buffer.byteLength;

  const loca = tables.loca;
  if (loca && inside(loca) && !('loca' in cache) && tables.head) {
    const version = f.head?.indexToLocFormat;
    const size = version === 0 ? 2 : version === 1 ? 4 : 0;
    if (size && loca.length % size === 0) {
      // A typed array: fontkit only indexes it, and 65 536 numbers stay off the JS heap.
      const n = loca.length / size;
      const offsets = new Uint32Array(n);
      const b = buffer;
      let p = loca.offset;
      if (size === 2) for (let i = 0; i < n; i++, p += 2) offsets[i] = (b[p] << 9) | (b[p + 1] << 1);
      else {
        // The long form as it is, big-endian: copied whole and byte-swapped by Node (Buffer.swap32)
        // where the machine is little-endian, instead of a loop of 65 536 steps on a cold start.
        const bytes = Buffer.from(offsets.buffer);
        bytes.set(b.subarray(p, p + loca.length));
        if (endianness() === 'LE') bytes.swap32();
      }
      cache.loca = version === 0 ? { version, offsets, _processed: true } : { version, offsets };
    }
  }

  const post = tables.post;
  if (post && inside(post) && post.length >= 32 && !('post' in cache)) {
    const at = post.offset;
    const header: Record<string, unknown> = {
      version: view.getInt32(at) / 65536,
      italicAngle: view.getInt32(at + 4) / 65536,
      underlinePosition: view.getInt16(at + 8),
      underlineThickness: view.getInt16(at + 10),
      isFixedPitch: view.getUint32(at + 12),
      minMemType42: view.getUint32(at + 16),
      maxMemType42: view.getUint32(at + 20),
      minMemType1: view.getUint32(at + 24),
      maxMemType1: view.getUint32(at + 28),
    };
    let full: Record<string, unknown> | undefined;
    const decode = (): Record<string, unknown> => (full ??= (f._decodeTable!({ tag: 'post', offset: post.offset, length: post.length }) ?? {}) as Record<string, unknown>);
    for (const key of ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map']) {
      Object.defineProperty(header, key, { enumerable: true, configurable: true, get: () => decode()[key] });
    }
    cache.post = header;
  }

  const name = plainPostscriptName(buffer, tables.name);
  if (name !== undefined) Object.defineProperty(font, 'postscriptName', { configurable: true, enumerable: false, value: name });
}

/**
 * fontkit's `postscriptName` (its getter decodes the whole name table, and for UTF-16 names
 * starts an ICU converter: some 3 ms of a cold build over five faces), when the table leaves no
 * doubt: every PostScript name record (name ID 6) spells the same printable ASCII, so fontkit's
 * getName gives that whichever record its language choice takes. UTF-16BE for the Unicode and
 * Windows platforms, Mac Roman (ASCII below 0x80) for Macintosh; anything else, undefined.
 */
export function plainPostscriptName(buffer: Uint8Array, entry: { offset: number; length: number } | undefined): string | undefined {
  if (!entry || entry.length < 6 || entry.offset + entry.length > buffer.byteLength) return undefined;
  const at = entry.offset;
  const end = at + entry.length;
  const u16 = (p: number) => (buffer[p] << 8) | buffer[p + 1];
  const count = u16(at + 2);
  const storage = at + u16(at + 4);
  if (at + 6 + 12 * count > end) return undefined;
  let name: string | undefined;
  for (let i = 0; i < count; i++) {
    const rec = at + 6 + 12 * i;
    if (u16(rec + 6) !== 6) continue;
    const platform = u16(rec);
    const encoding = u16(rec + 2);
    const length = u16(rec + 8);
    const start = storage + u16(rec + 10);
    if (start + length > end) return undefined;
    let text = '';
    if (platform === 0 || platform === 3) {
      if (length % 2) return undefined;
      for (let p = start; p < start + length; p += 2) {
        const c = u16(p);
        if (c < 0x20 || c > 0x7e) return undefined;
        text += String.fromCharCode(c);
      }
    } else if (platform === 1 && encoding === 0) {
      for (let p = start; p < start + length; p++) {
        if (buffer[p] < 0x20 || buffer[p] > 0x7e) return undefined;
        text += String.fromCharCode(buffer[p]);
      }
    } else {
      return undefined;
    }
    if (!text || (name !== undefined && text !== name)) return undefined;
    name = text;
  }
  return name;
}
