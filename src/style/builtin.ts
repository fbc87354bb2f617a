/**
 * The house styles that ship with bulletin, by the name a config (`theme: gongwen`) or
 * `--theme gongwen` gives them. Each is a layer on the default theme (`default` is the default
 * itself), its font files named in the package's fonts/ directory.
 */
import { GONGWEN } from './gongwen.js';

export const BUILTIN_THEMES = {
  /** The default theme (style/theme.ts): 宋 body, as 《杭州人大信息》 is set. */
  default: {},
  /** Closer to GB/T 9704 and most 简报 templates: 仿宋 body (style/gongwen.ts). */
  gongwen: GONGWEN,
} as const;

export type BuiltinThemeName = keyof typeof BUILTIN_THEMES;

export const BUILTIN_THEME_NAMES = Object.keys(BUILTIN_THEMES) as BuiltinThemeName[];

export function isBuiltinThemeName(name: string): name is BuiltinThemeName {
  return Object.hasOwn(BUILTIN_THEMES, name);
}
