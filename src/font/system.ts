/**
 * Fonts installed on this computer, found by name, the way an office names them: `仿宋_GB2312`,
 * `FangSong`, `方正小标宋简体`, `Noto Serif CJK SC`, or a face's full or PostScript name.
 *
 * Where the list of installed fonts comes from:
 * - Linux and other systems with fontconfig: the files `fc-list` lists (the fonts every program
 *   on the desktop sees);
 * - Windows: C:\Windows\Fonts and the user's %LOCALAPPDATA%\Microsoft\Windows\Fonts;
 * - macOS: /Library/Fonts, /System/Library/Fonts and ~/Library/Fonts;
 * - without fontconfig elsewhere: /usr/share/fonts, /usr/local/share/fonts, ~/.local/share/fonts;
 * - `BULLETIN_FONT_DIRS` (folders separated by the path delimiter, : or ;) replaces all of these:
 *   only those folders are looked through, by the folder scanner (tests use it to try the
 *   Windows/macOS way on any system; an office can point it at a shared fonts folder).
 * Either way each file's faces are matched by the names in its own name table (names.ts), so
 * the match is the same whichever way the files were found.
 */
import type { SpawnSyncOptionsWithStringEncoding, SpawnSyncReturns } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { editDistance } from '../issue/suggest.js';
import { FONT_EXTENSIONS, readFaceNames, type FaceNames } from './names.js';

const require = createRequire(import.meta.url);
/** child_process, loaded when fc-list is run: with it Node loads net and dgram, some 3 ms of a start-up that may not need them. */
function spawnSync(command: string, args: readonly string[], options: SpawnSyncOptionsWithStringEncoding): SpawnSyncReturns<string> {
  return (require('node:child_process') as typeof import('node:child_process')).spawnSync(command, args, options);
}

export interface FontSearch {
  /** How the fonts were found, in words: "the fonts fontconfig lists (fc-list)", "C:\Windows\Fonts, …". */
  where: string;
  faces: FaceNames[];
}

export interface FoundFace {
  file: string;
  /** The face's PostScript name, for a collection (a .ttc needs it). */
  face?: string;
  names: FaceNames;
}

/** Folders a system keeps its fonts in, for the scanner. */
export function usualFontFolders(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string[] {
  if (platform === 'win32') {
    const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const local = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
    return [join(windows, 'Fonts'), join(local, 'Microsoft', 'Windows', 'Fonts')];
  }
  if (platform === 'darwin') return ['/Library/Fonts', '/System/Library/Fonts', join(home, 'Library', 'Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(home, '.local', 'share', 'fonts'), join(home, '.fonts')];
}

/** Folders deeper than this, and files past this many, are not looked at (a mount loop, a huge share). */
const MAX_DEPTH = 8;
const MAX_FILES = 50_000;

/** Font files under `dirs`, in a stable order. */
export function fontFilesIn(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // missing or unreadable: nothing there for us
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, depth + 1);
      else if ((e.isFile() || e.isSymbolicLink()) && (FONT_EXTENSIONS as readonly string[]).includes(extname(e.name).toLowerCase())) out.push(path);
      if (out.length >= MAX_FILES) return;
    }
  };
  for (const dir of dirs) walk(dir, 0);
  return out;
}

/** The files fontconfig lists, or undefined when it is not there. */
function fontconfigFiles(): string[] | undefined {
  const run = spawnSync('fc-list', ['-f', '%{file}\\n'], { encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) return undefined;
  return [...new Set(run.stdout.split('\n').filter((f) => f.length > 0))].sort();
}

const namesCache = new Map<string, FaceNames[]>();

function facesOf(files: readonly string[]): FaceNames[] {
  const out: FaceNames[] = [];
  for (const file of files) {
    let faces = namesCache.get(file);
    if (!faces) {
      faces = readFaceNames(file);
      namesCache.set(file, faces);
    }
    for (const f of faces) out.push(f);
  }
  return out;
}

let cached: { key: string; search: FontSearch } | undefined;

/** The installed fonts, listed once per process (per BULLETIN_FONT_DIRS value). */
export function installedFonts(env: NodeJS.ProcessEnv = process.env): FontSearch {
  const given = env.BULLETIN_FONT_DIRS;
  const key = given ?? '';
  if (cached && cached.key === key) return cached.search;
  let search: FontSearch;
  if (given !== undefined) {
    const dirs = given.split(delimiter).filter((d) => d.length > 0);
    search = { where: dirs.join(', ') || '(no folder)', faces: facesOf(fontFilesIn(dirs)) };
  } else {
    const listed = process.platform === 'win32' || process.platform === 'darwin' ? undefined : fontconfigFiles();
    if (listed) search = { where: 'the fonts fontconfig lists (fc-list)', faces: facesOf(listed) };
    else {
      const dirs = usualFontFolders();
      search = { where: dirs.join(', '), faces: facesOf(fontFilesIn(dirs)) };
    }
  }
  cached = { key, search };
  return search;
}

/** Names compared without case, spaces, hyphens or underscores, full-width letters as half-width. */
export function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');
}

const REGULAR = /^(regular|book|normal|roman|standard|常规|標準|标准|w3)$/i;

/** How far a face is from the one a family name means: its regular weight, upright. */
function styleDistance(f: FaceNames): number {
  let d = Math.abs(f.weight - 400);
  if (!REGULAR.test(f.style.trim())) d += 50;
  if (/italic|oblique|斜/i.test(f.style)) d += 1000;
  return d;
}

/**
 * The installed face `name` means: a face whose PostScript or full name it is, else the
 * regular (or nearest to regular) face of a family of that name. Undefined when none is.
 */
export function findInstalledFace(name: string, search: FontSearch = installedFonts()): FoundFace | undefined {
  const want = foldName(name);
  if (!want) return undefined;
  const exact = search.faces.filter((f) => foldName(f.postscriptName) === want || f.fullNames.some((n) => foldName(n) === want));
  const family = exact.length ? [] : search.faces.filter((f) => f.families.some((n) => foldName(n) === want));
  const candidates = exact.length ? exact : family;
  if (!candidates.length) return undefined;
  const best = [...candidates].sort((a, b) => styleDistance(a) - styleDistance(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index))[0];
  return { file: best.file, face: best.faces > 1 ? best.postscriptName : undefined, names: best };
}

/** Installed family names close to `name` (a typo, or 仿宋 for 仿宋_GB2312), nearest first, at most `limit`. */
export function nearInstalledNames(name: string, search: FontSearch = installedFonts(), limit = 3): string[] {
  const want = foldName(name);
  const scored = new Map<string, number>();
  for (const f of search.faces) {
    for (const n of [...f.families, f.postscriptName]) {
      const folded = foldName(n);
      if (!folded) continue;
      let score: number | undefined;
      if (folded.includes(want) || want.includes(folded)) score = Math.abs(folded.length - want.length) / 10;
      else {
        const d = editDistance(want, folded);
        if (d <= Math.max(1, Math.floor(Math.max(want.length, folded.length) / 3))) score = d;
      }
      if (score !== undefined && (scored.get(n) ?? Infinity) > score) scored.set(n, score);
    }
  }
  return [...scored].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([n]) => n);
}

/** For tests: forget the listed fonts (after changing BULLETIN_FONT_DIRS or the files in it). */
export function forgetInstalledFonts(): void {
  cached = undefined;
  namesCache.clear();
}
