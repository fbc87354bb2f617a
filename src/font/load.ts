/**
 * Opens font files with fontkit, once per file and face. The CommonJS build of fontkit is
 * used on purpose: it is the instance pdfkit itself loads, so one parsed font serves both
 * measuring and embedding and fontkit's code is loaded once. Files are read without their
 * glyph outlines, which are read glyph by glyph as they are used (sparse.ts).
 */
import { createRequire } from 'node:module';
import { basename, extname, resolve } from 'node:path';
import type { Font, FontCollection } from 'fontkit';
import { deferModules, deferUnicodeTries, requirerOf } from '../defer-modules.js';
import { SPARSE, attachGlyphSource, glyfOffsetOf, installFastTables, rawMetrics } from './fontkit-private.js';
import { fontkitHandle } from './handle.js';
import { ReadFileError, reasonOf } from '../io/read-file.js';
import { readFontFile, readFontFileAsync, type FontFileData } from './sparse.js';
import type { FontHandle } from './types.js';
import { say, hintOf } from '../messages/catalogue.js';
import { nearbyFontFiles } from './nearby.js';

const require = createRequire(import.meta.url);
type Fontkit = { create(buffer: Buffer | Uint8Array, postscriptName?: string): Font | FontCollection };
let fontkit: Fontkit | undefined;

function loadFontkit(): Fontkit {
  // Its Brotli decoder is for WOFF2 files only, and its shapers' tables are for scripts an
  // issue may never use: both wait until they are needed (defer-modules.ts).
  const main = requirerOf('fontkit', require.resolve);
  deferModules(main, ['brotli/decompress.js']);
  deferUnicodeTries(main);
  return require('fontkit') as Fontkit;
}

export class FontLoadError extends Error {
  constructor(readonly file: string, message: string, readonly hint?: string) {
    super(message);
    this.name = 'FontLoadError';
  }
}

/** A missing font file, with the nearest font files around it and where to look next. */
function notFound(path: string): FontLoadError {
  const near = nearbyFontFiles(path);
  const message = say('font.file-not-found', { file: path }) + (near.length ? say('font.file-near', { near: near.join(', ') }) : '');
  return new FontLoadError(path, message, say('font.file-not-found-hint'));
}

const cache = new Map<string, FontHandle>();

/** Files being read ahead (prefetchFonts), and those read and not yet opened. */
const reading = new Map<string, Promise<void>>();
const readAhead = new Map<string, FontFileData>();

/**
 * Start reading `files` on the thread pool, to be opened later by openFont without waiting for
 * the disk: a build calls this first thing, and the reads overlap with loading the program and
 * the issue. Errors are left for openFont to report, as if nothing had been read ahead.
 */
export function prefetchFonts(files: readonly string[]): void {
  for (const file of files) {
    const path = resolve(file);
    if (reading.has(path) || cache.has(`${path}#`)) continue;
    reading.set(path, readFontFileAsync(path, SPARSE).then(
      (data) => {
        // Taken already (read again synchronously) or never to be used: let it go.
        if (reading.has(path)) readAhead.set(path, data);
        else data.close();
      },
      () => undefined,
    ));
  }
}

/** Every font file opened so far (absolute paths): files a build reads, which it must not write. */
export function openedFontFiles(): string[] {
  return [...new Set([...cache.values()].map((h) => h.file))];
}

/** Resolves when every read started by prefetchFonts has finished. */
export async function prefetchedFonts(): Promise<void> {
  await Promise.all(reading.values());
}

/** The data read ahead for `path`, if it is there; either way openFont reads it only once. */
function takeReadAhead(path: string): FontFileData | undefined {
  reading.delete(path);
  const data = readAhead.get(path);
  readAhead.delete(path);
  return data;
}

/**
 * Open `file` (a .ttf/.otf, or a .ttc/.otc with `face` naming the PostScript name of one face).
 * A collection of several faces without `face` is refused with the list of its faces: taking
 * the first would print NotoSerifCJK-Regular.ttc in its Japanese glyph forms.
 */
export function openFont(file: string, face?: string): FontHandle {
  const path = resolve(file);
  const cacheKey = `${path}#${face ?? ''}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  let data: FontFileData;
  try {
    data = takeReadAhead(path) ?? readFontFile(path, SPARSE);
  } catch (err) {
    const code = err instanceof ReadFileError ? err.code : (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw notFound(path);
    throw new FontLoadError(path, say('font.cannot-read', { file: path, reason: err instanceof ReadFileError ? err.reason : reasonOf(err) }));
  }
  try {
    if (data.damage) throw new FontLoadError(path, say('font.unusable-because', { file: path, reason: data.damage }));
    const handle = openFontData(path, data, face);
    cache.set(cacheKey, handle);
    return handle;
  } catch (err) {
    data.close();
    throw err;
  }
}

/**
 * What fontkit reads from the \`head\` table only when first drawing: a damaged one would fail
 * deep inside the layout. unitsPerEm is 16–16384 in any font; a TrueType face's glyph index
 * (loca) format is 0 or 1, and its index must be readable.
 */
function checkHead(path: string, f: Font): void {
  const damaged = (why: string) => new FontLoadError(path, say('font.unusable-because', { file: path, reason: say('font.head-damaged', { why }) }));
  if (!(f.unitsPerEm >= 16 && f.unitsPerEm <= 16384)) throw damaged(say('font.units-per-em', { units: f.unitsPerEm }));
  if (glyfOffsetOf(f) === undefined) return;
  const internals = f as unknown as { head?: { indexToLocFormat?: number }; loca?: { offsets?: unknown } };
  let format: number | undefined;
  let offsets: unknown;
  try {
    format = internals.head?.indexToLocFormat;
    offsets = internals.loca?.offsets;
  } catch (err) {
    throw damaged((err as Error).message);
  }
  if (format !== 0 && format !== 1) throw damaged(say('font.index-format', { format: String(format) }));
  if (!Array.isArray(offsets) && !ArrayBuffer.isView(offsets)) throw damaged(say('font.index-unreadable'));
}

function openFontData(path: string, data: FontFileData, face: string | undefined): FontHandle {
  fontkit ??= loadFontkit();
  let opened: Font | FontCollection;
  try {
    opened = fontkit.create(data.buffer, face);
  } catch (err) {
    throw new FontLoadError(path, say('font.unusable-because', { file: path, reason: (err as Error).message }));
  }
  let font: Font | undefined;
  if (opened && 'fonts' in opened && Array.isArray((opened as FontCollection).fonts)) {
    const fonts = (opened as FontCollection).fonts;
    if (!face && fonts.length > 1) throw collectionNeedsFace(path, fonts);
    font = face ? fonts.find((f) => f.postscriptName === face) : fonts[0];
    if (!font) {
      throw new FontLoadError(path, say('font.face-not-found', { face: face ?? '', file: path, faces: fonts.map((f) => f.postscriptName).join(', ') }));
    }
  } else {
    font = opened as Font;
  }
  if (!font || typeof font.layout !== 'function' || !font.unitsPerEm) {
    throw new FontLoadError(path, say('font.unusable', { file: path }));
  }
  const f = font;
  // Before checkHead, which reads the glyph index: decoded by fontkit itself, a CJK face's
  // 65 536 offsets took some 8 ms each, and the fast decoder finds the table already filled.
  installFastTables(f);
  checkHead(path, f);
  const glyf = glyfOffsetOf(f);
  const source = glyf === undefined ? undefined : data.faces.get(glyf);
  if (source) attachGlyphSource(f, source);
  else if (glyf !== undefined && !data.whole) throw new FontLoadError(path, say('font.unusable-because', { file: path, reason: say('font.glyf-misplaced') }));
  return fontkitHandle(face ?? basename(path, extname(path)), path, f, rawMetrics(f));
}

/** A collection opened without `face`: which faces it has, and the one a Chinese bulletin likely wants. */
function collectionNeedsFace(path: string, fonts: readonly Font[]): FontLoadError {
  const faces = fonts.map((f) => (f.familyName && f.familyName !== f.postscriptName ? `${f.postscriptName} (${f.familyName})` : f.postscriptName));
  // Simplified Chinese faces are named SC, GB or CN (NotoSerifCJKsc-Regular, SimSun is alone).
  const example = (fonts.find((f) => /(?:sc|gb|cn)(?:-|$)/i.test(f.postscriptName)) ?? fonts[0]).postscriptName;
  const params = { file: path, count: fonts.length, faces: faces.join(', '), example };
  return new FontLoadError(path, say('font.collection-needs-face', params), hintOf('font.collection-needs-face', params));
}
