/**
 * Which fonts draw which role, for the glyph-coverage check. The fonts come from the theme
 * the layout uses (with its fallback chains), so check and build agree on what can be
 * printed: by default the default theme with the issue's own `style:` merged in; callers
 * with more layers (a `--theme` file) pass their own resolver.
 */
import { dirname } from 'node:path';
import { openFont } from '../font/load.js';
import type { FontHandle } from '../font/types.js';
import { FONT_DIR, type FontRole } from '../font/vendored.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { DEFAULT_THEME, type Theme } from '../style/theme.js';
import { mergeTheme, type ThemeLayer } from '../style/merge.js';
import { ResolvedTheme } from '../layout/theme-resolve.js';
import type { FontResolver, GlyphRole } from './types.js';

/** Plain words for a glyph role, used in messages. */
export const GLYPH_ROLE_NAMES: Readonly<Record<GlyphRole, string>> = {
  body: 'body text',
  bold: 'bold text',
  title: 'article titles',
  masthead: 'the masthead name',
  edition: 'the edition label',
  imprint: 'the publisher line',
  section: 'section names',
  tocLabel: 'section names in the table of contents',
  toc: 'the table of contents',
  heading1: 'level-1 headings',
  heading2: 'level-2 headings',
  heading3: 'level-3 headings (1. （1）)',
  byline: 'bylines',
  footer: 'the footer',
};

/** The theme's font role (a key of `theme.fonts`) for each glyph role. */
export function themeFontRole(theme: Theme, role: GlyphRole): string {
  switch (role) {
    case 'body': return theme.body.font;
    case 'bold': return theme.body.bold;
    case 'title': return theme.title.font;
    case 'masthead': return theme.masthead.name.font;
    case 'edition': return theme.masthead.edition.font;
    case 'imprint': return theme.masthead.imprint.font;
    case 'section': return theme.section.font;
    case 'tocLabel': return theme.toc.label.font;
    case 'toc': return theme.toc.entry.font;
    case 'heading1': return theme.heading1.font;
    case 'heading2': return theme.heading2.font;
    // 1. and （1） are set in the body face (GB/T 9704 §7.3.3).
    case 'heading3': return theme.body.font;
    case 'byline': return theme.byline.font;
    case 'footer': return theme.footer.font;
  }
}

/** Glyph roles → the fallback chains of a resolved theme. */
export function themeFontResolver(theme: ResolvedTheme): FontResolver {
  return (role) => theme.fonts(themeFontRole(theme.theme, role));
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
      try {
        const layers = style ? [{ layer: style as ThemeLayer, baseDir }] : [];
        resolver = themeFontResolver(new ResolvedTheme(mergeTheme(DEFAULT_THEME, FONT_DIR, layers), openFont));
      } catch (err) {
        const message = (err as Error).message;
        resolver = () => { throw new Error(`the theme is not usable: ${message}`); };
      }
      cache.set(key, resolver);
    }
    return resolver;
  };
}

/** The default theme's face for each glyph role, by vendored font name. */
const DEFAULT_FACES: Readonly<Record<GlyphRole, FontRole>> = {
  body: 'song', bold: 'hei', title: 'title', masthead: 'masthead', edition: 'song', imprint: 'song',
  section: 'hei', tocLabel: 'hei', toc: 'song', heading1: 'hei', heading2: 'kai', heading3: 'song', byline: 'kai', footer: 'song',
};

/**
 * A resolver from explicit chains per vendored face name (tests, or fonts opened elsewhere);
 * each glyph role takes the default theme's face for it.
 */
export function resolverFromFonts(fonts: Partial<Record<FontRole, readonly FontHandle[]>>): FontResolver {
  return (role) => {
    const chain = fonts[DEFAULT_FACES[role]];
    if (!chain || chain.length === 0) throw new Error(`no font configured for ${GLYPH_ROLE_NAMES[role]}`);
    return chain;
  };
}
