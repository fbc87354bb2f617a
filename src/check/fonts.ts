/**
 * Which fonts draw which element, for the glyph-coverage check: the chains of the resolved
 * styles the layout sets the issue in (src/style), so check and build agree on what can be
 * printed. By default the default theme with the issue's own `style:` merged in; callers with
 * more layers (a `--theme` file) pass their own resolver.
 */
import { dirname } from 'node:path';
import { openFont } from '../font/load.js';
import type { FontHandle } from '../font/types.js';
import { FONT_DIR, type FontRole } from '../font/vendored.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { mergeTheme, type ThemeLayer } from '../style/merge.js';
import { say } from '../messages/catalogue.js';
import { elementStyle } from '../style/printed.js';
import { resolveStyles } from '../style/resolve.js';
import type { Styles } from '../style/styles.js';
import { DEFAULT_THEME } from '../style/theme.js';
import type { FontResolver, GlyphRole } from './types.js';

/** Plain words for a glyph role (an element of the printed bulletin), used in messages. */
export function glyphRoleName(role: GlyphRole): string {
  return say(`element.${role}`);
}

/** Glyph roles → the fallback chains of resolved styles. */
export function stylesFontResolver(styles: Styles): FontResolver {
  return (role) => elementStyle(styles, role).fonts;
}

/**
 * The default for an issue: the default theme (vendored fonts) with the issue's `style:`
 * merged in. Themes are shared between issues with the same style.
 */
export function defaultFontsFor(): (loaded: LoadedIssue) => FontResolver {
  const cache = new Map<string, FontResolver>();
  return (loaded) => {
    const style = loaded.issue?.style;
    const baseDir = dirname(loaded.file);
    const key = style ? `${baseDir}\u0000${JSON.stringify(style)}` : '';
    let resolver = cache.get(key);
    if (!resolver) {
      let message: string;
      try {
        const layers = style ? [{ layer: style as ThemeLayer, baseDir }] : [];
        const { styles, problems } = resolveStyles(mergeTheme(DEFAULT_THEME, FONT_DIR, layers), openFont);
        if (styles) resolver = stylesFontResolver(styles);
        message = problems.map((p) => `\`${p.path.join('.')}\`: ${p.message}`).join('; ');
      } catch (err) {
        message = (err as Error).message;
      }
      resolver ??= () => { throw new Error(say('glyph-coverage.theme-unusable', { reason: message })); };
      cache.set(key, resolver);
    }
    return resolver;
  };
}

/** The default theme's face for each glyph role, by vendored font name. */
const DEFAULT_FACES: Readonly<Record<GlyphRole, FontRole>> = {
  body: 'song', bold: 'hei', title: 'title', subtitle: 'kai', masthead: 'masthead', edition: 'song', imprint: 'song', number: 'song',
  section: 'hei', tocHeading: 'hei', tocLabel: 'hei', toc: 'song', heading1: 'hei', heading2: 'kai', heading3: 'song',
  byline: 'kai', footer: 'song', folio: 'song',
};

/**
 * A resolver from explicit chains per vendored face name (tests, or fonts opened elsewhere);
 * each glyph role takes the default theme's face for it.
 */
export function resolverFromFonts(fonts: Partial<Record<FontRole, readonly FontHandle[]>>): FontResolver {
  return (role) => {
    const chain = fonts[DEFAULT_FACES[role]];
    if (!chain || chain.length === 0) throw new Error(say('glyph-coverage.no-font', { element: glyphRoleName(role) }));
    return chain;
  };
}
