/**
 * Where the fonts that ship with bulletin live, and which file plays which typographic role
 * in the default theme. The package root is found by walking up from this module, so the
 * same code works from dist/ and from the test build.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schema'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('bulletin: cannot find the package root (package.json beside schema/)');
    dir = up;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const FONT_DIR = join(PACKAGE_ROOT, 'fonts');
export const SCHEMA_DIR = join(PACKAGE_ROOT, 'schema');

/** Typographic roles of the default theme and the vendored file for each. */
export const VENDORED_FONTS = {
  /** 宋: body text. */
  song: 'NotoSerifCJKsc-Regular.ttf',
  /** 标题: article titles. */
  title: 'NotoSerifCJKsc-Bold.ttf',
  /** 报头: the masthead name. */
  masthead: 'NotoSerifCJKsc-Black.ttf',
  /** 黑: 栏目 headers, level-1 sub-headings, bold runs. */
  hei: 'NotoSansCJKsc-Bold.ttf',
  /** 楷: bylines, level-2 sub-headings. */
  kai: 'LXGWWenKai-Regular.ttf',
} as const;

export type FontRole = keyof typeof VENDORED_FONTS;

export function vendoredFontPath(role: FontRole): string {
  return join(FONT_DIR, VENDORED_FONTS[role]);
}
