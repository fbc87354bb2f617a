/**
 * Layering theme overrides onto the default. Objects merge key by key, everything else (numbers,
 * strings, arrays such as CMYK colours or rule lists) replaces, and `null` removes an optional
 * part (e.g. `section: {rule: null}`). Font files are made absolute against the directory of the
 * layer that names them before merging, so a later layer never reinterprets an earlier path.
 */
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
    else if (value !== undefined) out[key] = key in out ? deepMerge(out[key], value) : value;
  }
  return out as T;
}

/** A copy of `layer` whose `fonts.*.file` paths are absolute, relative ones taken from `baseDir`. */
export function absolutizeFontFiles(layer: ThemeLayer, baseDir: string): ThemeLayer {
  const fonts = layer.fonts;
  if (!isPlainObject(fonts)) return layer;
  const out: Record<string, unknown> = {};
  for (const [role, spec] of Object.entries(fonts)) {
    out[role] = isPlainObject(spec) && typeof spec.file === 'string' && !isAbsolute(spec.file)
      ? { ...spec, file: resolve(baseDir, spec.file) }
      : spec;
  }
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
