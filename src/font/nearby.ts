/**
 * "Did you mean …?" for a font file that is not there: font files near the path given whose
 * names are close to it — the same name with another extension or case (FangSong.TTF for
 * fangsong.ttf), a typo, the file one folder up or down. Only the folders on the way are read.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { editDistance } from '../issue/suggest.js';
import { FONT_EXTENSIONS } from './names.js';

const isFontName = (name: string): boolean => (FONT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());

function entries(dir: string): { name: string; dir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() }));
  } catch {
    return [];
  }
}

/** A name without its extension, case, spaces, hyphens and underscores. */
const stem = (name: string): string => basename(name, extname(name)).normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');

/** Up to `limit` font files near `path`, nearest first, as the user would type them (relative to the cwd when inside it). */
export function nearbyFontFiles(path: string, limit = 3): string[] {
  const want = stem(path);
  // The nearest folder of the path that exists, and the folders just below it.
  let dir = dirname(path);
  for (let up = 0; up < 8 && entries(dir).length === 0 && dirname(dir) !== dir; up++) dir = dirname(dir);
  const folders = [dir, ...entries(dir).filter((e) => e.dir).slice(0, 50).map((e) => join(dir, e.name))];
  if (dirname(dir) !== dir) folders.push(dirname(dir));
  const scored: [string, number][] = [];
  for (const folder of folders) {
    for (const e of entries(folder)) {
      if (e.dir || !isFontName(e.name)) continue;
      const candidate = join(folder, e.name);
      if (candidate === path) continue;
      const have = stem(e.name);
      const distance = have === want ? 0 : editDistance(want, have);
      if (distance <= Math.max(1, Math.floor(Math.max(want.length, have.length) / 3))) scored.push([candidate, distance + (folder === dirname(path) ? 0 : 0.5)]);
    }
  }
  const shown = (file: string): string => {
    const rel = relative(process.cwd(), file);
    return rel && !rel.startsWith('..') ? rel : file;
  };
  return scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([f]) => shown(f));
}
