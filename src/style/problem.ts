/**
 * A theme value that cannot be used, at its key path in the merged theme (e.g. ['title',
 * 'size']). Where it was written — a `--theme` file or an issue's `style:` block — is found by
 * the caller, which holds the YAML (app/theme-file.ts).
 */
export type ThemePath = (string | number)[];

export interface ThemeProblem {
  path: ThemePath;
  /** Plain words: what is wrong and what would do. */
  message: string;
  /**
   * Other keys the value follows from, in the order to blame them when the theme never wrote
   * `path` itself (a derived line pitch: grid.lines, page.typeHeight, body.size).
   */
  causes?: ThemePath[];
  /**
   * Other ways of writing the same value (a font written `song: 仿宋_GB2312` rather than
   * `song: {family: 仿宋_GB2312}`): where one of these is written, the problem is said there as is.
   */
  aliases?: ThemePath[];
  /** What to do, when the message alone does not say. */
  hint?: string;
}
