/**
 * Layering theme overrides onto the default. Objects merge key by key, everything else (numbers,
 * strings, arrays such as CMYK colours or rule lists) replaces, and `null` removes an optional
 * part (e.g. `section: {rule: null}`). Font files are made absolute against the directory of the
 * layer that names them before merging, so a later layer never reinterprets an earlier path; a
 * font written by name (`仿宋_GB2312`) is kept as a `family` to look up on the computer.
 */
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Theme } from './theme.js';

export type ThemeLayer = Record<string, unknown>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = key in out ? deepMerge(out[key], value) : withoutNulls(value);
  }
  return out as T;
}

/** A new part has nothing below it to remove: its `null`s are left out. */
function withoutNulls(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== null && v !== undefined) out[key] = withoutNulls(v);
  return out;
}

/** Extensions of font files: a value with one of these (or a path separator) is a file, never a family name. */
const FONT_FILE = /\.(ttf|otf|ttc|otc|woff2?|dfont)$/i;

/**
 * Is `value`, written in a layer whose files are relative to `baseDir`, a font file (rather than
 * the name of an installed font)? A path: it has a directory part or a font file's extension,
 * or a file of that name is there. `仿宋_GB2312`, `FangSong` and `Noto Serif CJK SC` are names.
 */
export function isFontPath(value: string, baseDir: string): boolean {
  if (/[\\/]/.test(value) || FONT_FILE.test(value)) return true;
  try {
    return statSync(resolve(baseDir, value)).isFile();
  } catch {
    return false;
  }
}

/**
 * One font role as a layer writes it, made ready to merge: a bare string is a file or a family
 * name; a relative file is made absolute against `baseDir`; a `file` that is a name becomes
 * `family`. A layer that names the face (by file or family) replaces the face a lower layer
 * named, with its `face` (a file's face is not another file's), and keeps its fallbacks unless
 * it gives its own.
 */
function fontSpecOfLayer(spec: unknown, baseDir: string): unknown {
  const given = typeof spec === 'string' ? { file: spec } : spec;
  if (!isPlainObject(given)) return spec;
  const out: Record<string, unknown> = { ...given };
  const file = given.file;
  const family = given.family;
  if (typeof file === 'string' && file !== '' && family === undefined) {
    if (isFontPath(file, baseDir)) {
      out.file = isAbsolute(file) ? file : resolve(baseDir, file);
      out.family = null;
    } else {
      out.family = file;
      out.file = null;
    }
  } else if (typeof family === 'string' && file === undefined) {
    out.file = null;
  }
  if ((typeof out.file === 'string' || typeof out.family === 'string') && given.face === undefined) out.face = null;
  return out;
}

/** A copy of `layer` whose fonts are ready to merge (fontSpecOfLayer): files absolute, names as `family`. */
export function absolutizeFontFiles(layer: ThemeLayer, baseDir: string): ThemeLayer {
  const fonts = layer.fonts;
  if (!isPlainObject(fonts)) return layer;
  const out: Record<string, unknown> = {};
  for (const [role, spec] of Object.entries(fonts)) out[role] = fontSpecOfLayer(spec, baseDir);
  return { ...layer, fonts: out };
}

/**
 * The theme a build uses: the default (font files in `fontDir`), then each layer in order
 * (e.g. `--theme` file, then the issue's `style:` block), each with the directory its relative
 * font paths are relative to.
 */
export function mergeTheme(defaults: Theme, fontDir: string, layers: { layer: ThemeLayer; baseDir: string }[]): Theme {
  let theme = deepMerge(structuredClone(defaults) as unknown as ThemeLayer, absolutizeFontFiles(defaults as unknown as ThemeLayer, fontDir));
  for (const { layer, baseDir } of layers) theme = deepMerge(theme, absolutizeFontFiles(layer, baseDir));
  return theme as unknown as Theme;
}
