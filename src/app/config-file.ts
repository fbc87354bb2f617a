/**
 * Where the project config is: its name and the walk up from an issue's folder, and the one key
 * read before anything is printed (`language:`). Apart from config.ts, which checks a config
 * against its schema and reads its themes and fonts, so that choosing the language at start-up
 * (`bulletin --help` too) loads nothing more.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readBounded } from '../io/read-file.js';

export const CONFIG_FILE_NAME = 'bulletin.config.yaml';

/** A config is a few lines; anything near this is the wrong file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** The config file `dir` or a directory above it holds, nearest first; undefined when none does. */
export function findConfigFile(dir: string, cache?: Map<string, string | null>): string | undefined {
  const visited: string[] = [];
  let here = resolve(dir);
  let found: string | null = null;
  for (;;) {
    const known = cache?.get(here);
    if (known !== undefined) { found = known; break; }
    visited.push(here);
    const candidate = join(here, CONFIG_FILE_NAME);
    // Anything by that name counts (a directory or a pipe is then refused when read, in words).
    if (existsSync(candidate)) { found = candidate; break; }
    const up = dirname(here);
    if (up === here) break;
    here = up;
  }
  if (cache) for (const v of visited) cache.set(v, found);
  return found ?? undefined;
}

/**
 * Only the `language:` of a config file, read before anything is printed (the language of the
 * help and of every message depends on it). Undefined when the file cannot be read or parsed:
 * the command reports that itself, in the language chosen without it.
 */
export async function readConfigLanguage(file: string): Promise<string | undefined> {
  try {
    const read = readBounded(file, { limit: MAX_CONFIG_BYTES, what: 'a config file' });
    if (read.truncated) return undefined;
    const { parseDocument } = await import('yaml');
    const doc = parseDocument(new TextDecoder().decode(read.bytes));
    const value = doc.errors.length ? undefined : (doc.toJS() as { language?: unknown } | null)?.language;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
