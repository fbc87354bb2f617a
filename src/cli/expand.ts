/**
 * File arguments as an editor types them, expanded by bulletin itself: Windows' cmd.exe and
 * PowerShell pass `issues/*.yaml` through untouched, so `bulletin check 'issues/*.yaml'` and
 * `bulletin check issues` must work without a shell's help.
 *
 * - a file that exists (or `-`, standard input) is itself;
 * - a directory is every .yaml/.yml file in it and below, in name order (folders starting
 *   with a dot and node_modules skipped, and bulletin.config.yaml, which is not an issue);
 * - a name with * ? [..] or {a,b} that is not a file is a pattern: `*` and `?` stay within one
 *   folder, `**` crosses any number of them, a leading dot is matched only when written (and
 *   bulletin.config.yaml never);
 * - anything else is passed on, for check to say it cannot be read.
 * A pattern nothing matches, or a directory without issue files, is reported (as bash's failglob would).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { CONFIG_FILE_NAME } from '../app/config-file.js';

const ISSUE_EXTENSIONS = /\.ya?ml$/i;
const GLOB = /[*?[{]/;

export interface Expanded {
  files: string[];
  /** Patterns no file matched. */
  unmatched: string[];
}

function entries(dir: string): { name: string; dir: boolean; file: boolean }[] {
  try {
    return readdirSync(dir === '' ? '.' : dir, { withFileTypes: true })
      .map((e) => {
        let isDir = e.isDirectory();
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
          try {
            const st = statSync(join(dir === '' ? '.' : dir, e.name));
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch {
            // a dangling link: neither
          }
        }
        return { name: e.name, dir: isDir, file: isFile };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

const skippedFolder = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/** Issue files under `dir`, depth first in name order. */
function issueFilesIn(dir: string, depth = 0): string[] {
  if (depth > 32) return [];
  const out: string[] = [];
  for (const e of entries(dir)) {
    const path = join(dir, e.name);
    if (e.dir && !skippedFolder(e.name)) for (const f of issueFilesIn(path, depth + 1)) out.push(f);
    else if (e.file && ISSUE_EXTENSIONS.test(e.name) && e.name !== CONFIG_FILE_NAME) out.push(path);
  }
  return out;
}

/** One segment of a pattern as a regular expression. */
function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) { re += '\\['; continue; }
      let body = segment.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      re += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '{') {
      const close = segment.indexOf('}', i);
      if (close < 0) { re += '\\{'; continue; }
      re += `(?:${segment.slice(i + 1, close).split(',').map((alt) => alt.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('|')})`;
      i = close;
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, process.platform === 'win32' ? 'i' : '');
}

/** Files matching the pattern's segments from `dir` on. */
function match(dir: string, segments: readonly string[], out: string[]): void {
  if (segments.length === 0) return;
  const [head, ...rest] = segments;
  if (head === '**') {
    match(dir, rest, out); // none
    for (const e of entries(dir)) if (e.dir && !e.name.startsWith('.')) match(join(dir, e.name), segments, out);
    return;
  }
  if (!GLOB.test(head)) {
    const path = dir === '' ? head : join(dir, head);
    if (rest.length === 0) {
      try {
        if (statSync(path).isFile()) out.push(path);
      } catch {
        // not there
      }
    } else match(path, rest, out);
    return;
  }
  const re = segmentRegExp(head);
  for (const e of entries(dir)) {
    if (e.name.startsWith('.') && !head.startsWith('.')) continue;
    if (!re.test(e.name)) continue;
    const path = dir === '' ? e.name : join(dir, e.name);
    if (rest.length === 0) { if (e.file && e.name !== CONFIG_FILE_NAME) out.push(path); }
    else if (e.dir) match(path, rest, out);
  }
}

/** Expand one pattern into files, in order, each once. */
export function expandPattern(pattern: string): string[] {
  const parts = pattern.split(sep === '\\' ? /[\\/]/ : /\//);
  const absolute = parts[0] === '' && parts.length > 1;
  const root = absolute ? sep : /^[A-Za-z]:$/.test(parts[0]) ? `${parts[0]}${sep}` : '';
  const segments = (absolute || root ? parts.slice(1) : parts).filter((s, k, all) => s !== '' || k === all.length - 1).filter((s) => s !== '.');
  const out: string[] = [];
  match(root, segments, out);
  return [...new Set(out)];
}

/** The files `args` name, directories and patterns expanded. */
export function expandFileArguments(args: readonly string[]): Expanded {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const arg of args) {
    if (arg === '-') { files.push(arg); continue; }
    let st;
    try {
      st = statSync(arg);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const found = issueFilesIn(arg);
      if (found.length) for (const f of found) files.push(f);
      else unmatched.push(arg);
      continue;
    }
    if (st || !GLOB.test(arg)) { files.push(arg); continue; }
    const found = expandPattern(arg);
    if (found.length) for (const f of found) files.push(f);
    else unmatched.push(arg);
  }
  return { files, unmatched };
}
