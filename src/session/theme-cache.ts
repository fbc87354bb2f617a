/**
 * The resolved theme, kept between builds of a session and resolved again only when what it is
 * made of changes: the text of the config's theme layers and the `--theme` file, the issue's `style:` block, and the directories
 * relative font paths are taken from. Resolving checks the layers against the schema, merges
 * them and opens every face, so an edit to the text of an article does not pay for it again.
 *
 * This is the one place the session knows how a theme is resolved (app/theme-file.ts).
 */
import { dirname, resolve } from 'node:path';
import { resolveIssueTheme, styleSourceOf, type IssueTheme, type ThemeFile } from '../app/theme-file.js';
import type { LoadedIssue } from '../issue/loaded.js';

export class ThemeCache {
  #key: string | undefined;
  #resolved: IssueTheme | undefined;
  /** How many times the theme was resolved (for tests and the benchmark). */
  resolutions = 0;

  /** A drop-in for resolveIssueTheme. */
  readonly resolve = (loaded: LoadedIssue | undefined, themeFile?: ThemeFile | readonly ThemeFile[]): IssueTheme => {
    if (!loaded) return resolveIssueTheme(loaded, themeFile);
    const files: readonly ThemeFile[] = themeFile === undefined ? [] : Array.isArray(themeFile) ? (themeFile as readonly ThemeFile[]) : [themeFile as ThemeFile];
    // A theme file with errors is reported (thrown) by resolveIssueTheme itself, every time.
    const key = files.some((f) => f.diagnostics.length) ? undefined : JSON.stringify([
      files.map((f) => [resolve(f.source.file), f.source.source, f.baseDir ?? null, f.data]),
      dirname(resolve(loaded.file)),
      loaded.issue?.style ?? null,
    ]);
    if (key !== undefined && key === this.#key && this.#resolved) {
      return { ...this.#resolved, diagnostics: [], styleSource: styleSourceOf(loaded), sources: files.map((f) => f.source) };
    }
    this.#key = undefined;
    this.#resolved = undefined;
    this.resolutions++;
    const prepared = resolveIssueTheme(loaded, files);
    if (prepared.styles && key !== undefined) {
      this.#key = key;
      this.#resolved = prepared;
    }
    return prepared;
  };

  clear(): void {
    this.#key = undefined;
    this.#resolved = undefined;
  }
}
