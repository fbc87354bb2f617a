/**
 * What the preview shows, kept up to date by a build session: the pages of the last build that
 * got through (display.ts; each with a hash, so a browser is sent only the pages that changed), the
 * diagnostics of the last build whatever its outcome (each with the source lines around it),
 * and, for every line on the pages, where in the issue file it was written.
 *
 * A build that fails never takes the pages away: they stay as they were, marked as from an
 * earlier save, with the errors beside them. Nothing a build throws reaches the server: it is
 * shown as a problem in the panel.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readBounded } from '../io/read-file.js';
import { MAX_ISSUE_BYTES } from '../issue/load.js';
import { basename, resolve } from 'node:path';
import { BuildError, type BuildResult } from '../app/build.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { locate, nodeRange, pathToString } from '../issue/locate.js';
import { positionAt, sourceLine } from '../issue/position.js';
import type { LayoutResult } from '../layout/layout.js';
import type { TextItem } from '../layout/types.js';
import { BuildSession, type SessionOptions } from '../session/session.js';
import { say } from '../messages/catalogue.js';
import { GlyphTable, pageDisplay, type PageDisplay } from './display.js';

/** Lines of source around a place, numbered from `first`. */
export interface Excerpt {
  first: number;
  lines: string[];
}

export interface PreviewDiagnostic {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  hint?: string;
  /** Index into PreviewState.files, or -1 for a file the preview does not serve. */
  file: number;
  name: string;
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
  path?: string;
  excerpt?: Excerpt;
}

/** Where a line on the pages was written. */
export interface SourceRef {
  file: number;
  name: string;
  line: number;
  col: number;
  path: string;
  excerpt: Excerpt;
}

export interface PreviewState {
  /** Changes when the server restarts: a page from an earlier server reloads. */
  session: string;
  /** Goes up by one with every build published. */
  version: number;
  /** The last build got through; when false the pages are those of an earlier save. */
  ok: boolean;
  /** The pages shown are older than the last save (it failed). */
  stale: boolean;
  /** The files the preview may open in an editor: the issue, then the theme file. */
  files: string[];
  /** Hashes of the pages shown, in order; page size in points. */
  pages: string[];
  width: number;
  height: number;
  diagnostics: PreviewDiagnostic[];
  /** A problem that is not located in a file (a file that cannot be read, a bad font). */
  problem?: string;
  /** Source of each line number a page refers to (data-s). */
  sources: Record<number, SourceRef>;
  /** The last build: when (ISO), how long it took (ms), how many pages. */
  built?: { at: string; ms: number; pages: number };
  /** An --editor command is set: clicks can open the source. */
  editor: boolean;
}

export interface Update {
  state: PreviewState;
  /** Each page shown; `display` only for the pages the asking browser does not have. */
  pages: { hash: string; display?: PageDisplay }[];
  /** Outlines of glyphs `glyphsFrom`… (those the browser lacks), and how many it has after adding them. */
  glyphsFrom: number;
  glyphs: string[];
  glyphCount: number;
}

const EXCERPT_AROUND = 2;

export interface PreviewOptions extends SessionOptions {
  editor?: boolean;
}

export class Preview {
  readonly session: BuildSession;
  readonly #glyphs = new GlyphTable();
  /** Source paths, numbered for the session (the numbers stay when an edit elsewhere moves lines). */
  readonly #pathNumbers = new Map<string, number>();
  #display = new Map<string, PageDisplay>();
  #layout: LayoutResult | undefined;
  #state: PreviewState;
  readonly #listeners = new Set<(state: PreviewState) => void>();

  constructor(readonly file: string, readonly options: PreviewOptions = {}) {
    this.session = new BuildSession(file, options);
    this.#state = {
      session: randomBytes(8).toString('hex'),
      version: 0,
      ok: false,
      stale: false,
      files: [resolve(file), ...(options.theme ? [resolve(options.theme)] : [])],
      pages: [],
      width: 595.28,
      height: 841.89,
      diagnostics: [],
      sources: {},
      editor: options.editor === true,
    };
  }

  get state(): PreviewState {
    return this.#state;
  }

  /** Called with the new state after every build published. */
  onChange(listener: (state: PreviewState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Build and publish. With `settled` false (right after a save) a failure is not published
   * but answered 'retry': the file may have been caught half-written.
   */
  async rebuild(settled = true): Promise<'done' | 'retry'> {
    const started = performance.now();
    let result: BuildResult | undefined;
    let problem: string | undefined;
    let diagnostics: Diagnostic[] = [];
    try {
      result = await this.session.layout();
    } catch (err) {
      if (err instanceof BuildError) {
        problem = err.message;
        diagnostics = err.diagnostics;
      } else {
        problem = `internal error: ${(err as Error).message}`;
      }
    }
    if (!settled && !result?.ok) return 'retry';
    const ms = performance.now() - started;
    const base = { ...this.#state, version: this.#state.version + 1, problem };
    if (result?.ok) {
      const loaded = result.loaded[0];
      this.#layout = result.layout;
      const { pages, sources } = this.#pages(result.layout, loaded);
      this.#state = {
        ...base, ok: true, stale: false, pages, sources,
        width: result.layout.document.width, height: result.layout.document.height,
        diagnostics: this.#diagnostics(result.warnings, result.loaded),
        built: { at: new Date().toISOString(), ms: Math.round(ms), pages: pages.length },
      };
    } else {
      this.#state = {
        ...base, ok: false, stale: this.#state.pages.length > 0,
        diagnostics: this.#diagnostics(result && !result.ok ? result.diagnostics : diagnostics, result?.loaded ?? []),
      };
    }
    for (const l of this.#listeners) l(this.#state);
    return 'done';
  }

  /** What a browser holding `glyphs` glyphs and the pages `have` needs to show the current state. */
  update(glyphs: number, have: readonly string[]): Update {
    const held = new Set(have);
    const from = Number.isInteger(glyphs) && glyphs >= 0 && glyphs <= this.#glyphs.count ? glyphs : 0;
    return {
      state: this.#state,
      pages: this.#state.pages.map((hash) => (held.has(hash) ? { hash } : { hash, display: this.#display.get(hash) })),
      glyphsFrom: from,
      glyphs: this.#glyphs.pathsFrom(from),
      glyphCount: this.#glyphs.count,
    };
  }

  /** The PDF of the pages shown (content streams uncompressed), or undefined before any page. */
  async pdf(): Promise<Buffer | undefined> {
    return this.#layout ? this.session.pdf(this.#layout) : undefined;
  }

  /** The path of file `index` of PreviewState.files (the only files an editor is asked to open). */
  fileName(index: number): string | undefined {
    return this.#state.files[index];
  }

  #pages(layout: LayoutResult, loaded: LoadedIssue): { pages: string[]; sources: Record<number, SourceRef> } {
    const { width, height } = layout.document;
    const sources: Record<number, SourceRef> = {};
    const sourceOf = (item: TextItem): number | undefined => {
      if (!item.source) return undefined;
      const key = pathToString(item.source);
      let n = this.#pathNumbers.get(key);
      if (n === undefined) {
        n = this.#pathNumbers.size;
        this.#pathNumbers.set(key, n);
      }
      if (!(n in sources)) sources[n] = this.#sourceRef(loaded, item.source, key);
      return n;
    };
    const display = new Map<string, PageDisplay>();
    const pages = layout.document.pages.map((page) => {
      const shown = pageDisplay(page, width, height, this.#glyphs, sourceOf);
      const hash = createHash('sha1').update(JSON.stringify(shown)).digest('hex').slice(0, 16);
      display.set(hash, shown);
      return hash;
    });
    // Only the pages shown are kept: memory does not grow with the number of saves.
    this.#display = display;
    return { pages, sources };
  }

  #sourceRef(loaded: LoadedIssue, path: (string | number)[], key: string): SourceRef {
    const range = nodeRange(locate(loaded.doc, path).node);
    const at = positionAt(loaded.source, loaded.lineCounter, range?.[0] ?? 0);
    return { file: 0, name: basename(loaded.file), line: at.line, col: at.col, path: key, excerpt: excerpt((n) => sourceLine(loaded.source, loaded.lineCounter, n), at.line, loaded.lineCounter.lineStarts.length) };
  }

  #diagnostics(list: readonly Diagnostic[], loaded: readonly LoadedIssue[]): PreviewDiagnostic[] {
    const texts = new Map<string, string[] | undefined>();
    const linesOf = (file: string): string[] | undefined => {
      if (!texts.has(file)) {
        const l = loaded.find((x) => x.file === file);
        let text: string | undefined = l?.source;
        if (text === undefined) {
          // Another file a diagnostic names (a theme, the config): read within the issue's bound.
          try {
            const read = readBounded(file, { limit: MAX_ISSUE_BYTES, what: say('io.what.issue') });
            text = read.truncated ? undefined : new TextDecoder().decode(read.bytes);
          } catch {
            text = undefined;
          }
        }
        texts.set(file, text?.split(/\r?\n/));
      }
      return texts.get(file);
    };
    return list.map((d) => {
      const index = this.#state.files.indexOf(resolve(d.file));
      const out: PreviewDiagnostic = { severity: d.severity, code: d.code, message: d.message, file: index, name: d.file ? basename(d.file) : '', line: d.line, col: d.col };
      if (d.hint !== undefined) out.hint = d.hint;
      if (d.path !== undefined) out.path = d.path;
      if (d.endLine !== undefined) out.endLine = d.endLine;
      if (d.endCol !== undefined) out.endCol = d.endCol;
      const lines = d.file ? linesOf(d.file) : undefined;
      if (lines && d.line >= 1) out.excerpt = excerpt((n) => lines[n - 1] ?? '', d.line, lines.length);
      return out;
    });
  }
}

function excerpt(line: (n: number) => string, at: number, count: number): Excerpt {
  const first = Math.max(1, at - EXCERPT_AROUND);
  const last = Math.min(Math.max(count, at), at + EXCERPT_AROUND);
  const lines: string[] = [];
  for (let n = first; n <= last; n++) lines.push(line(n));
  return { first, lines };
}
