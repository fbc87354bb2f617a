/**
 * `fonts` as a use case: the font chain of every role of the theme a build would use (default ←
 * `--theme` file ← the issue's `style:`), each face with its file, glyph count and licence, and,
 * given an issue, which characters each face ends up drawing: the first face of a role's chain
 * that has a glyph draws a character, so anything drawn further down the chain fell back, and a
 * character no face has would print as a blank box. Printing is the CLI's job.
 */
import { readBounded } from '../io/read-file.js';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diag/diagnostic.js';
import { FontLoadError, openFont } from '../font/load.js';
import type { FontHandle } from '../font/types.js';
import { IssueReadError, loadIssueFile } from '../issue/load.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { FontChains } from '../style/fonts.js';
import { type StyledDocument, printedTexts, styleIssue } from '../style/model.js';
import { type Element, ELEMENT_NAMES, elementStyle } from '../style/printed.js';
import type { Styles } from '../style/styles.js';
import type { Theme } from '../style/theme.js';
import { readThemeArgument, resolveIssueTheme, ThemeFileError, ThemeSystemError, type IssueTheme, type ThemeFile } from './theme-file.js';
import { ConfigError, Configs, type ConfigChoice, type ProjectConfig } from './config.js';
import { say } from '../messages/catalogue.js';

/** Not the content's fault (missing file, bad theme file): exit 2. */
export class FontsError extends Error {
  constructor(message: string, readonly diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'FontsError';
  }
}

export interface FontsOptions {
  /** An issue file whose characters to attribute to faces. */
  issue?: string;
  /** A theme file or built-in theme, as `build --theme`. */
  theme?: string;
  /** `--config FILE` or `--no-config` (false); default: the nearest bulletin.config.yaml (above the issue, or here). */
  config?: ConfigChoice;
}

export interface Face {
  /** PostScript name, or the face asked for when the file could not be opened. */
  face: string;
  file: string;
  /** The theme role whose `file` this is (the role itself or one of its fallbacks). */
  from: string;
  glyphs?: number;
  licence?: string;
  /** Why the face could not be opened. */
  error?: string;
}

export interface CharCount {
  char: string;
  /** How often it is printed. */
  count: number;
}

export interface FaceUse {
  /** Distinct characters this face draws for the role. */
  chars: CharCount[];
}

export interface RoleReport {
  role: string;
  /** What the role prints, in plain words. */
  usedFor: string[];
  chain: Face[];
  /** A problem with the chain itself (a fallback loop, an unknown role). */
  error?: string;
  /** With an issue: per face of the chain (same order), what it draws. */
  uses?: FaceUse[];
  /** With an issue: characters no face of the chain draws. */
  missing?: CharCount[];
}

export type FontsResult =
  | { ok: true; roles: RoleReport[]; issue?: string; themeFile?: string; styled: boolean; fontErrors: string[]; missing: number; layers: string[] }
  | { ok: false; diagnostics: Diagnostic[]; loaded: LoadedIssue };

/** Marks and controls that never print a glyph of their own. */
function isInvisible(cp: number): boolean {
  return cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || cp === 0x200c || cp === 0x200d ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** A licence in a few words: the name table's licence (ID 13) and URL (ID 14), else fonts/README.md. */
export function licenceOf(handle: FontHandle): string {
  const name = (id: string): string | undefined => handle.name(id) || undefined;
  const text = name('license');
  const url = name('licenseURL');
  let short: string | undefined;
  if (text) {
    if (/SIL Open Font License,?\s+Version 1\.1/i.test(text)) short = 'OFL 1.1';
    else if (/Apache License,?\s+Version 2\.0/i.test(text)) short = 'Apache 2.0';
    else if (/GNU General Public License/i.test(text)) short = 'GPL';
    else if (/Bitstream Vera|DejaVu/i.test(text) && /permission is hereby granted/i.test(text)) short = say('fonts.licence-vera');
    else short = text.split(/(?<=[.。])\s/)[0].slice(0, 80);
  }
  if (short) return url && !short.includes(url) ? `${short} (${url})` : short;
  return readmeLicence(handle.file) ?? (url ? url : say('fonts.licence-unknown'));
}

/** The Licence column of the row for `file` in the README beside it (fonts/README.md). */
function readmeLicence(file: string): string | undefined {
  const readme = join(dirname(file), 'README.md');
  let text: string;
  try {
    text = new TextDecoder().decode(readBounded(readme, { limit: 1024 * 1024, what: say('io.what.readme') }).bytes);
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const header = lines.find((l) => /^\|.*licen[cs]e/i.test(l));
  const row = lines.find((l) => l.startsWith(`| ${basename(file)} |`));
  if (!header || !row) return undefined;
  const cells = (l: string) => l.split('|').slice(1, -1).map((c) => c.trim());
  const at = cells(header).findIndex((c) => /licen[cs]e/i.test(c));
  return at >= 0 ? cells(row)[at] : undefined;
}

/** What each theme role prints: the elements set in it, in plain words. */
function usesOfRoles(styles: Styles): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const element of Object.keys(ELEMENT_NAMES) as Element[]) {
    const name = say(`element.${element}`);
    const role = elementStyle(styles, element).role;
    const list = out.get(role) ?? [];
    if (!list.includes(name)) list.push(name);
    out.set(role, list);
  }
  return out;
}

/** Every printed character of the issue, counted per theme role. */
function charsByRole(doc: StyledDocument): Map<string, Map<string, number>> {
  const byRole = new Map<string, Map<string, number>>();
  for (const { style, text } of printedTexts(doc)) {
    let m = byRole.get(style.role);
    if (!m) byRole.set(style.role, (m = new Map()));
    for (const ch of text) if (!isInvisible(ch.codePointAt(0)!)) m.set(ch, (m.get(ch) ?? 0) + 1);
  }
  return byRole;
}

/** Characters most faces a bulletin uses have, to try a face's outlines and metrics with. */
const PROBE = ['中', '文', '。', 'A', '1'];

/**
 * Read a few glyphs through to their outlines, and the last glyph: a file cut short or
 * overwritten opens (fontkit reads tables lazily) but fails the first time a glyph is drawn.
 */
function probeFace(h: FontHandle): void {
  const text = PROBE.filter((c) => h.hasGlyph(c.codePointAt(0)!)).join('');
  if (text) for (const id of h.shape(text, []).ids) h.inkBox(id);
  if (h.numGlyphs > 0) h.inkBox(h.numGlyphs - 1);
}

/** A face that could not be opened, standing in its chain: it has no glyphs. */
function brokenFace(key: string, file: string, postscriptName: string): FontHandle {
  return {
    key, file, postscriptName, unitsPerEm: 1000, numGlyphs: 0,
    hasGlyph: () => false,
    glyphId: () => 0,
    advance: () => 0,
    inkBox: () => undefined,
    svgPath: () => '',
    features: () => [],
    shape: () => ({ ids: [], adv: [], w: [], dx: [], cps: [] }),
    codePoints: () => [],
    name: () => undefined,
    subset: () => { throw new Error(say('fonts.cannot-embed', { file })); },
  };
}

/** An opener that never throws: a face that cannot be opened stands in the chain with its error. */
function recordingOpener(errors: Map<FontHandle, string>): (file: string, face?: string) => FontHandle {
  const broken = new Map<string, FontHandle>();
  const probed = new Set<FontHandle>();
  const stand = (file: string, face: string | undefined, message: string, name = face ?? basename(file, extname(file))): FontHandle => {
    const key = `${resolve(file)}#${face ?? ''}`;
    let h = broken.get(key);
    if (!h) {
      h = brokenFace(key, resolve(file), name);
      broken.set(key, h);
      errors.set(h, message);
    }
    return h;
  };
  return (file, face) => {
    let h: FontHandle;
    try {
      h = openFont(file, face);
    } catch (err) {
      if (!(err instanceof FontLoadError)) throw err;
      return stand(file, face, err.message);
    }
    if (!probed.has(h)) {
      try {
        probeFace(h);
        probed.add(h);
      } catch (err) {
        return stand(file, face, say('font.damaged', { file: h.file, reason: (err as Error).message }), h.postscriptName);
      }
    }
    return h;
  };
}

/** The roles a chain searches, in order (the role, then its fallbacks depth first). */
function searchOrder(theme: Theme, role: string): string[] {
  const out: string[] = [];
  const visit = (name: string) => {
    if (out.includes(name) || !theme.fonts[name]) return;
    out.push(name);
    for (const next of theme.fonts[name].fallback ?? []) visit(next);
  };
  visit(role);
  return out;
}

/** The first role of the search order whose `file` (and `face`) is this face. */
function roleOfFace(theme: Theme, order: string[], h: FontHandle): string | undefined {
  return order.find((r) => {
    const spec = theme.fonts[r];
    return spec.file !== undefined && resolve(spec.file) === h.file && (spec.face === undefined || spec.face === h.postscriptName);
  });
}

export function fontsReport(options: FontsOptions = {}): FontsResult {
  let loaded: LoadedIssue | undefined;
  if (options.issue !== undefined) {
    try {
      loaded = loadIssueFile(options.issue);
    } catch (err) {
      if (err instanceof IssueReadError) throw new FontsError(say('io.cannot-read', { file: options.issue, reason: err.reason }));
      throw err;
    }
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) return { ok: false, diagnostics: errors, loaded };
  }
  let config: ProjectConfig | undefined;
  try {
    config = new Configs(options.config).forFile(options.issue);
  } catch (err) {
    if (err instanceof ConfigError) throw new FontsError(err.message, err.diagnostics);
    throw err;
  }
  const themeFiles: ThemeFile[] = [...(config?.layers ?? [])];
  if (options.theme !== undefined) {
    try {
      themeFiles.push(readThemeArgument(options.theme));
    } catch (err) {
      if (err instanceof ThemeFileError) throw new FontsError(err.message);
      throw err;
    }
  }
  // What the chains are made of, for the report's first line.
  const layers = themeFiles.map((f) => (f.builtin ? say('theme.builtin-name', { name: f.builtin }) : f.source.base.length ? `${f.source.file} (theme:)` : f.source.file === config?.file ? `${f.source.file} (fonts:)` : f.source.file));
  // The theme a build of this issue would use, its faces opened by an opener that records a
  // face that cannot be opened instead of stopping: the report lists it in its chain.
  const errors = new Map<FontHandle, string>();
  const open = recordingOpener(errors);
  let prepared: IssueTheme;
  try {
    prepared = resolveIssueTheme(loaded, themeFiles, open);
  } catch (err) {
    if (err instanceof ThemeSystemError) throw new FontsError(err.message, err.diagnostics);
    throw err;
  }
  if (!prepared.styles || !prepared.theme) {
    if (loaded) return { ok: false, diagnostics: prepared.diagnostics, loaded };
    throw new FontsError(say('fonts.theme-errors'), prepared.diagnostics);
  }
  const theme = prepared.theme;
  const chains = new FontChains(theme, open);
  const uses = usesOfRoles(prepared.styles);
  const chars = loaded?.issue ? charsByRole(styleIssue(loaded.issue, prepared.styles)) : undefined;
  const roles: RoleReport[] = [];
  let missingTotal = 0;
  for (const role of Object.keys(theme.fonts)) {
    const report: RoleReport = { role, usedFor: uses.get(role) ?? [], chain: [] };
    const found = chains.chain(role);
    const chain = 'fonts' in found ? found.fonts : [];
    if ('problem' in found) report.error = found.problem.message;
    const order = searchOrder(theme, role);
    report.chain = chain.map((h) => {
      const error = errors.get(h);
      const face: Face = { face: h.postscriptName, file: h.file, from: roleOfFace(theme, order, h) ?? role };
      if (error) face.error = error;
      else {
        face.glyphs = h.numGlyphs;
        face.licence = licenceOf(h);
      }
      return face;
    });
    const used = chars?.get(role);
    if (chars) {
      const perFace: FaceUse[] = chain.map(() => ({ chars: [] }));
      const missing: CharCount[] = [];
      for (const [char, count] of [...(used ?? new Map<string, number>())].sort((a, b) => a[0].codePointAt(0)! - b[0].codePointAt(0)!)) {
        const cp = char.codePointAt(0)!;
        const k = chain.findIndex((h) => !errors.has(h) && h.hasGlyph(cp));
        if (k >= 0) perFace[k].chars.push({ char, count });
        else missing.push({ char, count });
      }
      report.uses = perFace;
      report.missing = missing;
      missingTotal += missing.length;
    }
    roles.push(report);
  }
  return { ok: true, roles, issue: options.issue, themeFile: options.theme, styled: loaded?.issue?.style !== undefined, fontErrors: [...errors.values()], missing: missingTotal, layers };
}
