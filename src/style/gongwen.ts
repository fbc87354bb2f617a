/**
 * `gongwen`, the second built-in house style: the default theme brought closer to GB/T 9704-2012
 * and the 简报 templates most offices set in Word (typography.md §2, §3.3): body, 期号 and
 * imprint lines, 目录 entries and the 版记 in 仿宋 — 三号 body, 四号 版记 — with 一、 headings in
 * 黑体, （一） headings and bylines in 楷体, 1. and （1） in the body's 仿宋, titles 二号 in the
 * heavy Song the package has (标宋-like, Noto Serif CJK SC Bold) and page numbers in 宋体 (§7.5).
 *
 * The 仿宋 is FandolFang (GPL with the font exception, shipped unmodified: fonts/README.md). It
 * covers about the GB 2312 repertoire, as an office's 仿宋_GB2312 does: anything rarer falls back
 * to the vendored 宋, and `font-fallback` says so at the character. An office with its own faces
 * names them in bulletin.config.yaml (`fonts: {fangsong: 仿宋_GB2312, title: 方正小标宋简体}`).
 *
 * Only what differs from the default theme is written here (a layer merged onto it, as a theme
 * file is); spacing is the default's.
 */
export const GONGWEN = {
  fonts: {
    fangsong: { file: 'FandolFang-Regular.otf', fallback: ['song'] },
  },
  body: { font: 'fangsong' },
  masthead: {
    edition: { font: 'fangsong' },
    number: { font: 'fangsong' },
    imprint: { font: 'fangsong' },
  },
  toc: { entry: { font: 'fangsong' } },
  footer: { font: 'fangsong' },
} as const;
