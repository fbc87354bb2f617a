/**
 * A build session: one issue built again and again in one process — by `build --watch`, by
 * `preview` and by the benchmark — keeping what does not change between saves:
 * - the fonts (opened once per process by font/load.ts, and kept by the resolved theme);
 * - the resolved theme, resolved again only when the theme file or the `style:` block changes
 *   (theme-cache.ts);
 * - every composed paragraph, keyed by its text, style, font chain and width (compose-cache.ts),
 *   so an edit re-composes only the paragraphs it touched, and the issue is paginated afresh.
 * - the deflated streams of the PDF (deflate-memo.ts): the fonts' subsets and the pages an edit
 *   did not touch come out the same, and are not compressed again.
 * The issue file is read, validated and checked on every build, exactly as `bulletin build`
 * does (app/build.ts); a PDF written by a session is byte for byte the one `build` writes.
 */
import { BuildError, buildIssue, version, type BuildOptions, type BuildResult } from '../app/build.js';
import type { LayoutResult } from '../layout/layout.js';
import { lengthToPt } from '../style/units.js';
import { renderPdf } from '../render/pdf.js';
import { ComposeCache } from './compose-cache.js';
import { rememberDeflate } from './deflate-memo.js';
import { ThemeCache } from './theme-cache.js';
import type { ConfigChoice } from '../app/config.js';

export interface SessionOptions {
  /** Theme file (YAML or JSON). */
  theme?: string;
  /** Bleed, e.g. "3mm", and crop marks: for the PDFs the session writes. */
  bleed?: string;
  marks?: boolean;
  /** Fixed CreationDate, as for build. */
  date?: Date;
  /** `--config FILE` or `--no-config` (false); default: the nearest bulletin.config.yaml, read again each build. */
  config?: ConfigChoice;
}

export interface SessionStats {
  /** Paragraphs kept, and how many the last build took from the cache or composed. */
  paragraphs: number;
  reused: number;
  composed: number;
  /** Times the theme was resolved since the session started. */
  themeResolutions: number;
  builds: number;
}

export class BuildSession {
  readonly #composer = new ComposeCache();
  readonly #themes = new ThemeCache();
  #builds = 0;

  constructor(readonly file: string, readonly options: SessionOptions = {}) {}

  /** Build and write the PDF, as `bulletin build` would (same checks, same bytes). */
  build(output?: string): Promise<BuildResult> {
    // Streams that come out the same as in the last build are not deflated again.
    rememberDeflate();
    return this.#run({ output });
  }

  /** Check and lay out only, for a preview: no PDF is rendered or written. */
  layout(): Promise<BuildResult> {
    return this.#run({ write: false });
  }

  /**
   * The PDF of a layout this session made, with its content streams left uncompressed: a
   * preview's download, where the time deflating would take matters more than the size.
   */
  async pdf(layout: LayoutResult): Promise<Buffer> {
    const bleed = this.options.bleed === undefined ? 0 : lengthToPt(this.options.bleed);
    return renderPdf(layout.document, { creator: `bulletin ${version()}`, bleed, marks: this.options.marks, compress: false });
  }

  stats(): SessionStats {
    const c = this.#composer;
    return { paragraphs: c.size, reused: c.hits, composed: c.misses, themeResolutions: this.#themes.resolutions, builds: this.#builds };
  }

  async #run(extra: BuildOptions): Promise<BuildResult> {
    this.#builds++;
    this.#composer.begin();
    const options: BuildOptions = {
      theme: this.options.theme,
      bleed: this.options.bleed,
      marks: this.options.marks,
      date: this.options.date,
      config: this.options.config,
      ...extra,
      compose: this.#composer.compose,
      resolveTheme: this.#themes.resolve,
      // Its deflate memo answers for the streams an edit did not change.
      deflateAhead: false,
    };
    const result = await buildIssue(this.file, options);
    // What a build that got through did not use is gone from the issue: let it go.
    if (result.ok) this.#composer.sweep();
    return result;
  }
}

export { BuildError };
