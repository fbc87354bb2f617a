/**
 * A copy of a font file under other names: its `name` table replaced, every other table copied
 * as it is. The tests make an office's 仿宋_GB2312 from FandolFang this way (both cover GB 2312),
 * to look fonts up by the names Windows fonts carry without shipping a Windows font.
 */
import { readFileSync } from 'node:fs';

export interface FontNames {
  /** Family names by Windows language id (0x0409 English, 0x0804 Chinese PRC). */
  family: Record<number, string>;
  postscript: string;
  style?: string;
}

function utf16be(text: string): Buffer {
  const b = Buffer.from(text, 'utf16le');
  b.swap16();
  return b;
}

function nameTable(names: FontNames): Buffer {
  const records: { lang: number; id: number; data: Buffer }[] = [];
  const style = names.style ?? 'Regular';
  for (const [lang, family] of Object.entries(names.family)) {
    const l = Number(lang);
    records.push({ lang: l, id: 1, data: utf16be(family) });
    records.push({ lang: l, id: 2, data: utf16be(style) });
    records.push({ lang: l, id: 4, data: utf16be(style === 'Regular' ? family : `${family} ${style}`) });
  }
  records.push({ lang: 0x0409, id: 6, data: utf16be(names.postscript) });
  records.sort((a, b) => a.lang - b.lang || a.id - b.id);
  const header = Buffer.alloc(6 + 12 * records.length);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  records.forEach((r, i) => {
    const at = 6 + 12 * i;
    header.writeUInt16BE(3, at);
    header.writeUInt16BE(1, at + 2);
    header.writeUInt16BE(r.lang, at + 4);
    header.writeUInt16BE(r.id, at + 6);
    header.writeUInt16BE(r.data.length, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += r.data.length;
  });
  return Buffer.concat([header, ...records.map((r) => r.data)]);
}

function checksum(table: Buffer): number {
  const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The bytes of the single-face font `file` with the names given. */
export function renamedFont(file: string, names: FontNames): Buffer {
  const src = readFileSync(file);
  const count = src.readUInt16BE(4);
  const tables: { tag: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = src.toString('latin1', at, at + 4);
    const offset = src.readUInt32BE(at + 8);
    const length = src.readUInt32BE(at + 12);
    tables.push({ tag, data: tag === 'name' ? nameTable(names) : src.subarray(offset, offset + length) });
  }
  const head = Buffer.from(src.subarray(0, 12));
  const directory = Buffer.alloc(16 * count);
  const bodies: Buffer[] = [];
  let offset = 12 + 16 * count;
  tables.forEach((t, i) => {
    directory.write(t.tag, 16 * i, 'latin1');
    directory.writeUInt32BE(checksum(t.data), 16 * i + 4);
    directory.writeUInt32BE(offset, 16 * i + 8);
    directory.writeUInt32BE(t.data.length, 16 * i + 12);
    const pad = (4 - (t.data.length % 4)) % 4;
    bodies.push(t.data, Buffer.alloc(pad));
    offset += t.data.length + pad;
  });
  return Buffer.concat([head, directory, ...bodies]);
}

/** A collection (.ttc) of the given single-face font files. */
export function collectionOf(files: readonly Buffer[]): Buffer {
  const header = Buffer.alloc(12 + 4 * files.length);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(files.length, 8);
  const parts: Buffer[] = [header];
  let offset = header.length;
  files.forEach((font, k) => {
    header.writeUInt32BE(offset, 12 + 4 * k);
    const copy = Buffer.from(font);
    const count = copy.readUInt16BE(4);
    // Table offsets in a collection are from the start of the file.
    for (let i = 0; i < count; i++) copy.writeUInt32BE(copy.readUInt32BE(12 + 16 * i + 8) + offset, 12 + 16 * i + 8);
    parts.push(copy);
    offset += copy.length;
  });
  return Buffer.concat(parts);
}
