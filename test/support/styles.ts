/**
 * The default theme (with optional layers) resolved with the vendored fonts, for tests that lay
 * out or check with real faces.
 */
import { openFont } from '../../src/font/load.js';
import { FONT_DIR } from '../../src/font/vendored.js';
import { mergeTheme, type ThemeLayer } from '../../src/style/merge.js';
import { resolveStyles } from '../../src/style/resolve.js';
import type { Styles } from '../../src/style/styles.js';
import { DEFAULT_THEME, type Theme } from '../../src/style/theme.js';

export function mergedTheme(layers: { layer: ThemeLayer; baseDir: string }[] = []): Theme {
  return mergeTheme(DEFAULT_THEME, FONT_DIR, layers);
}

export function vendoredStyles(layers: { layer: ThemeLayer; baseDir: string }[] = []): Styles {
  const { styles, problems } = resolveStyles(mergedTheme(layers), openFont);
  if (!styles) throw new Error(`theme does not resolve: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
  return styles;
}
