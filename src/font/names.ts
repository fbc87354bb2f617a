/**
 * The names a font file gives its faces, read from the `name` and `OS/2` tables alone: looking
 * for "仿宋_GB2312" among the few hundred files of C:\Windows\Fonts must not parse every face
 * (fontkit would read whole files of 10–30 MB each), so only the file's header, its table
 * directory and those two tables are read, a few KB per face. A collection (.ttc/.otc) gives
 * one entry per face. Family names come in every language the table has them in (a Chinese
 * font names itself both 仿宋 and FangSong), Windows (UTF-16) and Macintosh (Roman, GB2312)
 * records alike.
 */
import { closeSync, readSync } from 'node:fs';
import { openForReading } from '../io/read-file.js';

export interface FaceNames {
  /** The file the face is in (as given). */
  file: string;
  /** Position of the face in a collection (0 in a single-face file). */
  index: number;
  /** Faces in the file: more than 1 for a collection. */
  faces: number;
  postscriptName: string;
  /** Family names (name IDs 1 and 16), every language, each once. */
  families: string[];
  /** Full names (name ID 4), every language. */
  fullNames: string[];
  /** The style, e.g. Regular, Bold (name ID 2 or 17, English when there is one). */
  style: string;
  /** OS/2 usWeightClass (400 regular, 700 bold), 400 when the table is missing. */
  weight: number;
}

/** Font files the name reader and the folder scanner look at. */
export const FONT_EXTENSIONS = ['.ttf', '.otf', '.ttc', '.otc'] as const;

/** Most bytes read of any one table: a name table is a few KB; a larger one is not read. */
const MAX_TABLE = 1024 * 1024;
/** Most faces a collection may claim. */
const MAX_FACES = 256;

/** Bytes [position, position + length) of `fd`, or undefined past the end. */
function readRange(fd: number, position: number, length: number): Buffer | undefined {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) return undefined;
    done += n;
  }
  return buffer;
}

const SFNT = new Set([0x00010000, 0x74727565 /* true */, 0x4f54544f /* OTTO */]);
const TTC = 0x74746366; // ttcf

/** Macintosh Simplified Chinese (encoding 25) is GB2312; Roman (0) is close enough to Latin-1 for names. */
function decodeMac(encoding: number, bytes: Buffer): string | undefined {
  if (encoding === 0) return bytes.toString('latin1');
  if (encoding === 25) return new TextDecoder('gb18030').decode(bytes);
  return undefined;
}

function decodeUtf16be(bytes: Buffer): string {
  const swapped = Buffer.from(bytes);
  swapped.swap16();
  return swapped.toString('utf16le');
}

interface NameRecord {
  nameId: number;
  text: string;
  /** Windows en-US or Macintosh English. */
  english: boolean;
}

function parseNameTable(table: Buffer): NameRecord[] {
  if (table.length < 6) return [];
  const count = table.readUInt16BE(2);
  const storage = table.readUInt16BE(4);
  const out: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    if (at + 12 > table.length) break;
    const platform = table.readUInt16BE(at);
    const encoding = table.readUInt16BE(at + 2);
    const language = table.readUInt16BE(at + 4);
    const nameId = table.readUInt16BE(at + 6);
    const length = table.readUInt16BE(at + 8);
    const offset = table.readUInt16BE(at + 10);
    if (![1, 2, 4, 6, 16, 17].includes(nameId)) continue;
    const start = storage + offset;
    if (start + length > table.length) continue;
    const bytes = table.subarray(start, start + length);
    let text: string | undefined;
    if (platform === 3 || platform === 0) text = decodeUtf16be(bytes.length % 2 ? bytes.subarray(0, -1) : bytes);
    else if (platform === 1) text = decodeMac(encoding, bytes);
    if (text === undefined) continue;
    text = text.replace(/\0/g, '').trim();
    if (!text) continue;
    out.push({ nameId, text, english: (platform === 3 && language === 0x0409) || (platform === 1 && language === 0) });
  }
  return out;
}

function faceAt(fd: number, file: string, offset: number, index: number, faces: number): FaceNames | undefined {
  const header = readRange(fd, offset, 12);
  if (!header || !SFNT.has(header.readUInt32BE(0))) return undefined;
  const tables = header.readUInt16BE(4);
  const directory = readRange(fd, offset + 12, 16 * tables);
  if (!directory) return undefined;
  let name: Buffer | undefined;
  let weight = 400;
  for (let i = 0; i < tables; i++) {
    const tag = directory.toString('latin1', 16 * i, 16 * i + 4);
    const at = directory.readUInt32BE(16 * i + 8);
    const length = directory.readUInt32BE(16 * i + 12);
    if (tag === 'name' && length <= MAX_TABLE) name = readRange(fd, at, length);
    else if (tag === 'OS/2' && length >= 6) weight = readRange(fd, at + 4, 2)?.readUInt16BE(0) ?? 400;
  }
  if (!name) return undefined;
  const records = parseNameTable(name);
  const all = (...ids: number[]): string[] => [...new Set(records.filter((r) => ids.includes(r.nameId)).map((r) => r.text))];
  const english = (id: number): string | undefined => (records.find((r) => r.nameId === id && r.english) ?? records.find((r) => r.nameId === id))?.text;
  const postscriptName = english(6) ?? '';
  return {
    file,
    index,
    faces,
    postscriptName,
    families: all(16, 1),
    fullNames: all(4),
    style: english(17) ?? english(2) ?? '',
    weight,
  };
}

/**
 * The faces of a font file with their names; [] for a file that is not a TrueType/OpenType font
 * or collection, or cannot be read (the scanner passes over it; opening it later says why).
 */
export function readFaceNames(file: string): FaceNames[] {
  let fd: number;
  try {
    ({ fd } = openForReading(file, 'a font file'));
  } catch {
    return [];
  }
  try {
    const head = readRange(fd, 0, 12);
    if (!head) return [];
    const tag = head.readUInt32BE(0);
    if (tag === TTC) {
      const count = Math.min(head.readUInt32BE(8), MAX_FACES);
      const offsets = readRange(fd, 12, 4 * count);
      if (!offsets) return [];
      const out: FaceNames[] = [];
      for (let i = 0; i < count; i++) {
        const face = faceAt(fd, file, offsets.readUInt32BE(4 * i), i, count);
        if (face) out.push(face);
      }
      return out;
    }
    const face = faceAt(fd, file, 0, 0, 1);
    return face ? [face] : [];
  } catch {
    return [];
  } finally {
    closeSync(fd);
  }
}
