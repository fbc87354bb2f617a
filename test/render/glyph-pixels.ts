/**
 * Glyphs drawn two independent ways and compared as pixels. "Ours" is the path a build takes:
 * the face opened by font/load (sparse outlines, fast tables), each glyph placed as text by our
 * renderer and embedded as the face's subset (our subset writer and pdfkit's embedding). The
 * "reference" uses public APIs only: a fresh fontkit instance over the whole file gives each
 * glyph's outline (`glyph.path`) and pdfkit draws it as a filled vector path. Both PDFs are
 * rasterised by poppler's pdftoppm at the same resolution and compared cell by cell, so an
 * outline that is blank, cut short or another glyph's shows as ink where there should be none
 * or none where there should be some. Text extraction cannot see any of that.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GlyphRun } from '../../src/compose/glyph-run.js';
import type { FontHandle, FontSubset } from '../../src/font/types.js';
import type { LaidOutDocument, PageFrame } from '../../src/layout/types.js';
import { renderPdf } from '../../src/render/pdf.js';

const require = createRequire(import.meta.url);

export interface GlyphUse {
  font: FontHandle;
  id: number;
  /** The characters the glyph stands for (its ToUnicode text). */
  text: string;
}

/** Em size, cell size and cells per row: a glyph's ink stays well inside its cell. */
export const SIZE = 40;
const CELL = 60;
const COLS = 14;
const ROWS = 16;
const PAGE_W = COLS * CELL;
const PAGE_H = ROWS * CELL;
const DPI = 108;

const cellOrigin = (k: number) => {
  const slot = k % (COLS * ROWS);
  return { page: Math.floor(k / (COLS * ROWS)), x: (slot % COLS) * CELL + (CELL - SIZE) / 2, baseline: Math.floor(slot / COLS) * CELL + CELL * 0.78 };
};

/** Every glyph of the list drawn through our renderer, one per cell. */
export async function ourPdf(glyphs: readonly GlyphUse[]): Promise<Buffer> {
  const pages: PageFrame[] = [];
  glyphs.forEach((g, k) => {
    const { page, x, baseline } = cellOrigin(k);
    while (pages.length <= page) pages.push({ number: pages.length + 1, items: [], links: [], anchors: [] });
    const run = GlyphRun.of(g.font, SIZE, [{ id: g.id, text: g.text, x: 0, advance: (g.font.advance(g.id) * SIZE) / g.font.unitsPerEm }]);
    pages[page].items.push({ kind: 'text', x, y: baseline, color: [0, 0, 0, 100], line: { runs: [run], left: 0, right: SIZE, natural: SIZE, last: true, text: g.text } });
  });
  const doc: LaidOutDocument = {
    width: PAGE_W, height: PAGE_H, pages, outline: [],
    meta: { title: 'glyphs', author: '', subject: '', keywords: '', lang: 'zh-CN', date: new Date(0) },
  };
  return renderPdf(doc, { creator: 'glyph pixel test' });
}

interface PublicGlyph {
  path: { toSVG(): string };
}
interface PublicFont {
  unitsPerEm: number;
  getGlyph(id: number): PublicGlyph;
}

/** A fresh fontkit instance over the whole file, through fontkit's public `create`. */
export function publicFace(file: string, postscriptName: string): PublicFont {
  const fontkit = require('fontkit') as { create(buffer: Buffer): unknown };
  const font = fontkit.create(readFileSync(file)) as PublicFont & { fonts?: (PublicFont & { postscriptName: string })[] };
  if (!font.fonts) return font;
  const face = font.fonts.find((f) => f.postscriptName === postscriptName);
  if (!face) throw new Error(`no face ${postscriptName} in ${file}`);
  return face;
}

/** The same glyphs, each outline from `faceOf` drawn as a filled path with pdfkit's public API. */
export async function referencePdf(glyphs: readonly GlyphUse[], faceOf: (font: FontHandle) => PublicFont): Promise<Buffer> {
  const PDFDocument = require('pdfkit') as new (options: Record<string, unknown>) => PdfKitDoc;
  const doc = new PDFDocument({ size: [PAGE_W, PAGE_H], margin: 0, autoFirstPage: false, font: null, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  let page = -1;
  glyphs.forEach((g, k) => {
    const at = cellOrigin(k);
    while (page < at.page) {
      doc.addPage({ size: [PAGE_W, PAGE_H], margin: 0 });
      page++;
    }
    const face = faceOf(g.font);
    const s = SIZE / face.unitsPerEm;
    doc.save().translate(at.x, at.baseline).scale(s, -s).path(face.getGlyph(g.id).path.toSVG()).fill('black').restore();
  });
  doc.end();
  return done;
}

interface PdfKitDoc {
  on(event: string, f: (x: Buffer) => void): void;
  addPage(o: Record<string, unknown>): void;
  save(): PdfKitDoc;
  translate(x: number, y: number): PdfKitDoc;
  scale(x: number, y: number): PdfKitDoc;
  path(d: string): PdfKitDoc;
  fill(color: string): PdfKitDoc;
  restore(): PdfKitDoc;
  end(): void;
}

interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export type Rasteriser = 'pdftoppm' | 'mutool';

/** The pages of a PDF as 8-bit grey images (poppler's pdftoppm or MuPDF's mutool draw). */
export function rasterise(pdf: Uint8Array, with_: Rasteriser = 'pdftoppm'): Gray[] {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-glyphs-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    if (with_ === 'pdftoppm') execFileSync('pdftoppm', ['-r', String(DPI), '-gray', join(dir, 'in.pdf'), join(dir, 'p')], { stdio: ['ignore', 'ignore', 'pipe'] });
    else execFileSync('mutool', ['draw', '-q', '-r', String(DPI), '-c', 'gray', '-o', join(dir, 'p-%03d.pgm'), join(dir, 'in.pdf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    return readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort().map((f) => readPgm(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readPgm(data: Buffer): Gray {
  // P5 <width> <height> <max> then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: data.subarray(header[0].length, header[0].length + width * height) };
}

export interface CellDifference {
  glyph: GlyphUse;
  /** Dark pixels in the reference and in ours. */
  inkReference: number;
  inkOurs: number;
  /**
   * Dark pixels of one image with no dark pixel of the other within a pixel of them, as a share
   * of the reference's ink: rasterisers may hint a font's stems by a pixel (text) where a filled
   * path is not hinted, which moves edges but never adds or removes a stroke.
   */
  mismatch: number;
}

/**
 * Each glyph's cell compared: the share of its ink that has no counterpart in the other image
 * (dark where the other is light, not even a pixel away).
 */
export function compareCells(glyphs: readonly GlyphUse[], ours: readonly Gray[], reference: readonly Gray[]): CellDifference[] {
  const scale = DPI / 72;
  const px = Math.round(CELL * scale);
  return glyphs.map((glyph, k) => {
    const { page } = cellOrigin(k);
    const slot = k % (COLS * ROWS);
    const x0 = (slot % COLS) * px;
    const y0 = Math.floor(slot / COLS) * px;
    const a = ours[page];
    const b = reference[page];
    const dark = (g: Gray, x: number, y: number) => x >= 0 && y >= 0 && x < g.width && y < g.height && g.pixels[y * g.width + x] < 128;
    const near = (g: Gray, x: number, y: number) => {
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (dark(g, x + dx, y + dy)) return true;
      return false;
    };
    let inkA = 0, inkB = 0, off = 0;
    for (let y = y0; y < y0 + px && y < a.height; y++) {
      for (let x = x0; x < x0 + px && x < a.width; x++) {
        const pa = dark(a, x, y);
        const pb = dark(b, x, y);
        if (pa) inkA++;
        if (pb) inkB++;
        if ((pa && !near(b, x, y)) || (pb && !near(a, x, y))) off++;
      }
    }
    return { glyph, inkReference: inkB, inkOurs: inkA, mismatch: off / Math.max(1, inkB) };
  });
}

/** A copy of `handle` whose subsets write glyph `blank`'s outline as empty (TrueType: no contours). */
export function blankingOne(handle: FontHandle, blank: number): FontHandle {
  return {
    ...handle,
    subset(): FontSubset {
      const s = handle.subset();
      let subsetId = -1;
      return {
        cff: s.cff,
        include(id) {
          const got = s.include(id);
          if (id === blank) subsetId = got;
          return got;
        },
        encode() {
          const bytes = s.encode();
          if (subsetId < 0) return bytes;
          return s.cff ? blankCff(bytes, subsetId) : blankTrueType(bytes, subsetId);
        },
      };
    },
  };
}

function tables(bytes: Uint8Array): Map<string, { offset: number; length: number }> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < v.getUint16(4); i++) {
    const e = 12 + 16 * i;
    out.set(String.fromCharCode(...bytes.subarray(e, e + 4)), { offset: v.getUint32(e + 8), length: v.getUint32(e + 12) });
  }
  return out;
}

/** numberOfContours of subset glyph `id` set to 0: the glyph keeps its place and metrics, and draws nothing. */
function blankTrueType(source: Uint8Array, id: number): Uint8Array {
  const bytes = source.slice();
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const t = tables(bytes);
  const head = t.get('head')!, loca = t.get('loca')!, glyf = t.get('glyf')!;
  const long = v.getInt16(head.offset + 50) === 1;
  const at = long ? v.getUint32(loca.offset + 4 * id) : v.getUint16(loca.offset + 2 * id) * 2;
  const next = long ? v.getUint32(loca.offset + 4 * id + 4) : v.getUint16(loca.offset + 2 * id + 2) * 2;
  if (next - at >= 10) v.setInt16(glyf.offset + at, 0);
  return bytes;
}

/** CFF: glyph `id`'s charstring made to end at once (`endchar`), the rest of its bytes left unread. */
function blankCff(source: Uint8Array, id: number): Uint8Array {
  const bytes = source.slice();
  // Header, then the Name, Top DICT and String INDEXes; the Top DICT's CharStrings (op 17) offset.
  const index = (at: number): { items: [number, number][]; end: number } => {
    const count = (bytes[at] << 8) | bytes[at + 1];
    if (count === 0) return { items: [], end: at + 2 };
    const size = bytes[at + 2];
    const offsetAt = (i: number) => { let o = 0; for (let k = 0; k < size; k++) o = (o << 8) | bytes[at + 3 + i * size + k]; return o; };
    const base = at + 3 + (count + 1) * size - 1;
    const items: [number, number][] = [];
    for (let i = 0; i < count; i++) items.push([base + offsetAt(i), base + offsetAt(i + 1)]);
    return { items, end: base + offsetAt(count) };
  };
  const names = index(bytes[2]);
  const top = index(names.end);
  const [from, to] = top.items[0];
  let charStrings = -1;
  const operands: number[] = [];
  for (let p = from; p < to;) {
    const b0 = bytes[p];
    if (b0 <= 21) {
      const op = b0 === 12 ? 1200 + bytes[p + 1] : b0;
      p += b0 === 12 ? 2 : 1;
      if (op === 17) charStrings = operands[operands.length - 1];
      operands.length = 0;
    } else if (b0 === 28) { operands.push((bytes[p + 1] << 24 >> 16) | bytes[p + 2]); p += 3; }
    else if (b0 === 29) { operands.push((bytes[p + 1] << 24) | (bytes[p + 2] << 16) | (bytes[p + 3] << 8) | bytes[p + 4]); p += 5; }
    else if (b0 === 30) { p++; while ((bytes[p] & 0x0f) !== 0x0f && (bytes[p] >> 4) !== 0x0f) p++; p++; operands.push(0); }
    else if (b0 >= 32 && b0 <= 246) { operands.push(b0 - 139); p++; }
    else if (b0 >= 247 && b0 <= 250) { operands.push((b0 - 247) * 256 + bytes[p + 1] + 108); p += 2; }
    else if (b0 >= 251 && b0 <= 254) { operands.push(-(b0 - 251) * 256 - bytes[p + 1] - 108); p += 2; }
    else p++;
  }
  if (charStrings < 0) throw new Error('no CharStrings in the CFF subset');
  const [start] = index(charStrings).items[id];
  bytes[start] = 14; // endchar
  return bytes;
}
