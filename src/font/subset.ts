/**
 * Writes the font program of a TrueType subset for PDF embedding (FontFile2) straight from the
 * original face's bytes: the tables a PDF needs (head, hhea, loca, maxp, cvt, prep, glyf, hmtx,
 * fpgm), with glyph i of the subset the i-th glyph taken in. fontkit builds the same file by
 * decoding each table into objects and encoding them again through its generic struct coder,
 * some 30 ms for the five faces of a bulletin; copying and patching bytes takes well under one.
 *
 * The bytes are those fontkit writes, on purpose: a build with fontkit's own code paths
 * (BULLETIN_FONTKIT_SHORTCUTS=off) must produce the same PDF. That means its directory layout
 * ('true' tag, tables in the order above, unpadded, checksums left 0), a header whose macStyle
 * keeps only its seven defined bits, an hhea with zeroed reserved words, a short loca stored
 * halved, and a cvt of whole 16-bit values.
 *
 * Measured (src/fast-paths.ts, `subset-writer`): without it a cold build of 690 takes 22 % more CPU.
 */

/** What the writer reads from the original face. */
export interface SubsetFace {
  /** Raw bytes of one of its tables, or undefined when it has none. */
  table(tag: string): Uint8Array | undefined;
  /** The outline bytes of glyph `id` (empty for a glyph without one). */
  outline(id: number): Uint8Array;
  /** Its horizontal metrics, font units. */
  metrics(id: number): { advance: number; bearing: number };
  /** head.indexToLocFormat of the face: 0 short offsets, 1 long. */
  locaVersion: number;
}

/** The table order fontkit writes. */
const TAGS = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

// Composite glyph component flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * True when `face` has what the writer needs; otherwise the caller keeps fontkit's own encoder.
 * (maxp must be the 32-byte version 1.0 of TrueType faces; head and hhea complete.)
 */
export function canWriteSubset(face: SubsetFace): boolean {
  const head = face.table('head'), hhea = face.table('hhea'), maxp = face.table('maxp');
  return !!head && head.length >= 54 && !!hhea && hhea.length >= 36 && !!maxp && maxp.length >= 32 && (face.locaVersion === 0 || face.locaVersion === 1);
}

/**
 * The subset's font file. `glyphs` are the original ids in subset order; the components of a
 * composite glyph are taken in through `include` (which appends to `glyphs` when a component
 * is new and returns its subset id), so they are written too.
 */
export function writeTrueTypeSubset(face: SubsetFace, glyphs: number[], include: (gid: number) => number): Uint8Array {
  const outlines: Uint8Array[] = [];
  const offsets: number[] = [];
  const metrics: { advance: number; bearing: number }[] = [];
  let offset = 0;
  for (let i = 0; i < glyphs.length; i++) {
    let bytes = face.outline(glyphs[i]);
    if (bytes.length >= 10 && (bytes[0] & 0x80) !== 0) bytes = remapComponents(bytes, include);
    outlines.push(bytes);
    offsets.push(offset);
    metrics.push(face.metrics(glyphs[i]));
    offset += bytes.length;
  }
  offsets.push(offset);
  const n = outlines.length;

  const head = face.table('head')!.slice(0, 54);
  const headView = view(head);
  headView.setUint16(44, headView.getUint16(44) & 0x7f); // macStyle: its defined bits
  headView.setInt16(50, face.locaVersion);

  const hhea = face.table('hhea')!.slice(0, 36);
  const hheaView = view(hhea);
  for (let at = 24; at < 32; at += 2) hheaView.setInt16(at, 0);
  hheaView.setUint16(34, n);

  const maxp = face.table('maxp')!.slice(0, 32);
  view(maxp).setUint16(4, n);

  const short = face.locaVersion === 0;
  const loca = new Uint8Array(offsets.length * (short ? 2 : 4));
  const locaView = view(loca);
  offsets.forEach((o, i) => (short ? locaView.setUint16(2 * i, o >>> 1) : locaView.setUint32(4 * i, o)));

  const glyf = new Uint8Array(offset);
  outlines.forEach((bytes, i) => glyf.set(bytes, offsets[i]));

  const hmtx = new Uint8Array(4 * n);
  const hmtxView = view(hmtx);
  metrics.forEach((m, i) => {
    hmtxView.setUint16(4 * i, m.advance);
    hmtxView.setInt16(4 * i + 2, m.bearing);
  });

  const cvt = face.table('cvt ');
  const tables: Record<(typeof TAGS)[number], Uint8Array | undefined> = {
    head, hhea, loca, maxp,
    'cvt ': cvt && cvt.subarray(0, cvt.length - (cvt.length % 2)),
    prep: face.table('prep'),
    glyf, hmtx,
    fpgm: face.table('fpgm'),
  };
  return directory(TAGS.filter((t) => tables[t]).map((tag) => ({ tag, data: tables[tag]! })));
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A copy of a composite outline with each component's glyph id replaced by its subset id. */
function remapComponents(source: Uint8Array, include: (gid: number) => number): Uint8Array {
  const bytes = source.slice();
  const v = view(bytes);
  let at = 10;
  for (;;) {
    if (at + 4 > bytes.length) break;
    const flags = v.getUint16(at);
    v.setUint16(at + 2, include(v.getUint16(at + 2)));
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return bytes;
}

/** An sfnt with the given tables, laid out as fontkit lays it out. */
function directory(tables: { tag: string; data: Uint8Array }[]): Uint8Array {
  const count = tables.length;
  const power = 2 ** Math.floor(Math.log2(count));
  let offset = 12 + 16 * count;
  const total = tables.reduce((sum, t) => sum + t.data.length, offset);
  const out = new Uint8Array(total);
  const v = view(out);
  out.set([0x74, 0x72, 0x75, 0x65]); // 'true'
  v.setUint16(4, count);
  v.setUint16(6, power * 16);
  v.setUint16(8, Math.log2(power));
  v.setUint16(10, count * 16 - power * 16);
  tables.forEach(({ tag, data }, i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    v.setUint32(entry + 8, offset);
    v.setUint32(entry + 12, data.length);
    out.set(data, offset);
    offset += data.length;
  });
  return out;
}
