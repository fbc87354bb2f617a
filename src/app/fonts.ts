/**
 * `fonts` as a use case: the font chain of every role of the theme a build would use (default ←
 * `--theme` file ← the issue's `style:`), each face with its file, glyph count and licence, and,
 * given an issue, which characters each face ends up drawing: the first face of a role's chain
 * that has a glyph draws a character, so anything drawn further down the chain fell back, and a
 * character no face has would print as a blank box. Printing is the CLI's job.
 */
import { readBounded } from '../io/read-file.js';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { GLYPH_ROLE_NAMES, themeFontRole } from '../check/fonts.js';
import { textScalars } from '../check/scalars.js';
import type { GlyphRole } from '../check/types.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { FontLoadError, openFont } from '../font/load.js';
import type { FontHandle } from '../font/types.js';
import { FONT_DIR } from '../font/vendored.js';
import { IssueReadError, loadIssueFile } from '../issue/load.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { locate, nodeRange, pathToString } from '../issue/locate.js';
import { diagnosticAt } from '../issue/source-context.js';
import type { Issue } from '../issue/types.js';
import { fill } from '../layout/model.js';
import { DEFAULT_THEME, type Theme } from '../layout/theme.js';
import { mergeTheme, type ThemeLayer } from '../layout/theme-merge.js';
import { ResolvedTheme, ThemeError } from '../layout/theme-resolve.js';
import { checkMergedTheme, checkThemeData, readThemeFile, ThemeFileError, type ThemeSource } from './theme-file.js';

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
  /** A theme file, as `build --theme`. */
  theme?: string;
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
  | { ok: true; roles: RoleReport[]; issue?: string; themeFile?: string; styled: boolean; fontErrors: string[]; missing: number }
  | { ok: false; diagnostics: Diagnostic[]; loaded: LoadedIssue };

/** Marks and controls that never print a glyph of their own. */
function isInvisible(cp: number): boolean {
  return cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || cp === 0x200c || cp === 0x200d ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** A licence in a few words: the name table's licence (ID 13) and URL (ID 14), else fonts/README.md. */
export function licenceOf(handle: FontHandle): string {
  const name = (id: string): string | undefined => {
    const records = (handle.font as unknown as { name?: { records?: Record<string, Record<string, string>> } }).name?.records;
    const r = records?.[id];
    if (!r) return undefined;
    return r.en ?? Object.values(r)[0];
  };
  const text = name('license');
  const url = name('licenseURL');
  let short: string | undefined;
  if (text) {
    if (/SIL Open Font License,?\s+Version 1\.1/i.test(text)) short = 'OFL 1.1';
    else if (/Apache License,?\s+Version 2\.0/i.test(text)) short = 'Apache 2.0';
    else if (/GNU General Public License/i.test(text)) short = 'GPL';
    else if (/Bitstream Vera|DejaVu/i.test(text) && /permission is hereby granted/i.test(text)) short = 'Bitstream Vera licence';
    else short = text.split(/(?<=[.。])\s/)[0].slice(0, 80);
  }
  if (short) return url && !short.includes(url) ? `${short} (${url})` : short;
  return readmeLicence(handle.file) ?? (url ? url : 'unknown (no licence in the name table)');
}

/** The Licence column of the row for `file` in the README beside it (fonts/README.md). */
function readmeLicence(file: string): string | undefined {
  const readme = join(dirname(file), 'README.md');
  let text: string;
  try {
    text = new TextDecoder().decode(readBounded(readme, { limit: 1024 * 1024, what: 'a README' }).bytes);
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

/** What each theme role prints: the glyph roles of the check, plus text the theme itself adds. */
function usesOfRoles(theme: Theme): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (role: string, what: string) => {
    const list = out.get(role) ?? [];
    if (!list.includes(what)) list.push(what);
    out.set(role, list);
  };
  for (const g of Object.keys(GLYPH_ROLE_NAMES) as GlyphRole[]) add(themeFontRole(theme, g), GLYPH_ROLE_NAMES[g]);
  add(theme.masthead.number.font, 'the issue number line');
  add(theme.toc.headingStyle.font, 'the table of contents heading');
  add(theme.folio.font, 'page numbers');
  return out;
}

/** Text the theme prints around the issue's own: brackets, labels, the number line, the date, folios. */
function themeTexts(theme: Theme, issue: Issue): { role: string; text: string }[] {
  const [year, month, day] = issue.date.split('-').map(Number);
  const briefs = issue.sections.map((s) => s.briefs?.length ?? 0).filter((n) => n > 0);
  const out = [
    { role: theme.masthead.number.font, text: fill(issue.total !== undefined ? theme.masthead.number.format : theme.masthead.number.numberOnly, { number: issue.number, total: issue.total }) },
    { role: theme.masthead.imprint.font, text: fill(theme.masthead.imprint.dateFormat, { year, month, day }) },
    { role: theme.toc.headingStyle.font, text: theme.toc.heading },
    { role: theme.toc.label.font, text: theme.toc.label.open + theme.toc.label.close },
    { role: theme.toc.entry.font, text: briefs.map((n) => fill(theme.toc.briefs, { n })).join('') + theme.toc.titleJoiner.trim() + (theme.toc.pageNumbers ? theme.toc.leader + '0123456789' : '') },
    { role: theme.section.font, text: theme.section.open + theme.section.close },
    { role: theme.byline.font, text: theme.byline.open + theme.byline.close },
    { role: theme.folio.font, text: fill(theme.folio.format, { n: '0123456789' }).replace(/\s/g, '') },
  ];
  if (issue.edition) out.push({ role: theme.masthead.edition.font, text: theme.masthead.edition.open + theme.masthead.edition.close });
  if (issue.footer) {
    const f = issue.footer;
    const labels = (f.distribution?.length ? theme.footer.labelSeparator : '') + (f.editor ? theme.footer.editorLabel : '') + (f.phone ? theme.footer.phoneLabel : '') + (f.copies !== undefined ? fill(theme.footer.copies, { n: f.copies }) : '');
    out.push({ role: theme.footer.font, text: labels });
  }
  return out;
}

/** Every printed character of the issue, counted per theme role. */
function charsByRole(loaded: LoadedIssue, theme: Theme): Map<string, Map<string, number>> {
  const byRole = new Map<string, Map<string, number>>();
  const count = (role: string, ch: string) => {
    let m = byRole.get(role);
    if (!m) byRole.set(role, (m = new Map()));
    m.set(ch, (m.get(ch) ?? 0) + 1);
  };
  for (const scalar of textScalars(loaded.doc, loaded.source)) {
    const { plain, bold } = scalar.view;
    for (let i = 0; i < plain.length; ) {
      const cp = plain.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (!isInvisible(cp)) {
        for (const g of scalar.glyphRoles) count(themeFontRole(theme, bold[i] && g === 'body' ? 'bold' : g), ch);
      }
      i += ch.length;
    }
  }
  if (loaded.issue) {
    for (const { role, text } of themeTexts(theme, loaded.issue)) {
      for (const ch of text) if (!isInvisible(ch.codePointAt(0)!)) count(role, ch);
    }
  }
  return byRole;
}

interface Theming {
  theme: Theme;
  /** Problems of the issue's style: block (content errors). */
  styleProblems: Diagnostic[];
}

/** The theme a build of this issue would use; a bad theme file is a FontsError. */
function themeFor(loaded: LoadedIssue | undefined, themeFile: string | undefined): Theming {
  const layers: { layer: ThemeLayer; baseDir: string }[] = [];
  const sources: ThemeSource[] = [];
  if (themeFile) {
    let read;
    try {
      read = readThemeFile(themeFile);
    } catch (err) {
      if (err instanceof ThemeFileError) throw new FontsError(err.message);
      throw err;
    }
    if (read.diagnostics.length) throw new FontsError(`theme file ${themeFile} has errors`, read.diagnostics);
    layers.push({ layer: read.data, baseDir: dirname(resolve(themeFile)) });
    sources.push(read.source);
  }
  const styleProblems: Diagnostic[] = [];
  let styleSource: ThemeSource | undefined;
  if (loaded?.issue?.style) {
    styleSource = { file: loaded.file, source: loaded.source, lineCounter: loaded.lineCounter, doc: loaded.doc, base: ['style'] };
    const problems = checkThemeData(loaded.issue.style, styleSource);
    if (problems.length) for (const d of problems) styleProblems.push(d);
    else layers.push({ layer: loaded.issue.style, baseDir: dirname(resolve(loaded.file)) });
  }
  const theme = mergeTheme(DEFAULT_THEME, FONT_DIR, layers);
  const merged = checkMergedTheme(theme, [...(styleSource ? [styleSource] : []), ...sources]);
  const fromFile = merged.filter((d) => d.file !== loaded?.file);
  if (fromFile.length) throw new FontsError(`theme file ${themeFile} has errors`, fromFile);
  for (const d of merged) if (d.file === loaded?.file) styleProblems.push(d);
  return { theme, styleProblems };
}

/** Characters most faces a bulletin uses have, to try a face's outlines and metrics with. */
const PROBE = ['中', '文', '。', 'A', '1'];

/**
 * Read a few glyphs through to their outlines, and the last glyph: a file cut short or
 * overwritten opens (fontkit reads tables lazily) but fails the first time a glyph is drawn.
 */
function probeFace(h: FontHandle): void {
  const text = PROBE.filter((c) => h.hasGlyph(c.codePointAt(0)!)).join('');
  if (text) for (const g of h.font.layout(text).glyphs) void g.bbox;
  if (h.font.numGlyphs > 0) void h.font.getGlyph(h.font.numGlyphs - 1).bbox;
}

/** An opener that never throws: a face that cannot be opened stands in the chain with its error. */
function recordingOpener(errors: Map<FontHandle, string>): (file: string, face?: string) => FontHandle {
  const broken = new Map<string, FontHandle>();
  const probed = new Set<FontHandle>();
  const stand = (file: string, face: string | undefined, message: string, name = face ?? basename(file, extname(file))): FontHandle => {
    const key = `${resolve(file)}#${face ?? ''}`;
    let h = broken.get(key);
    if (!h) {
      h = { key, file: resolve(file), postscriptName: name, font: undefined as never, unitsPerEm: 1000, hasGlyph: () => false };
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
        return stand(file, face, `damaged font file: ${h.file} (${(err as Error).message})`, h.postscriptName);
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
    return resolve(spec.file) === h.file && (spec.face === undefined || spec.face === h.postscriptName);
  });
}

export function fontsReport(options: FontsOptions = {}): FontsResult {
  let loaded: LoadedIssue | undefined;
  if (options.issue !== undefined) {
    try {
      loaded = loadIssueFile(options.issue);
    } catch (err) {
      if (err instanceof IssueReadError) throw new FontsError(`cannot read ${options.issue}: ${err.reason}`);
      throw err;
    }
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) return { ok: false, diagnostics: errors, loaded };
  }
  const { theme, styleProblems } = themeFor(loaded, options.theme);
  if (styleProblems.length && loaded) return { ok: false, diagnostics: styleProblems, loaded };

  const errors = new Map<FontHandle, string>();
  let resolved: ResolvedTheme;
  try {
    resolved = new ResolvedTheme(theme, recordingOpener(errors));
  } catch (err) {
    // Page geometry no schema can judge (a type area wider than the page): where the issue's
    // style: sets that part of the theme, a content error there; otherwise the theme file's.
    if (!(err instanceof ThemeError)) throw err;
    const at = loaded?.issue?.style ? locate(loaded.doc, ['style', ...err.path.slice(0, 1)]) : undefined;
    if (loaded && at?.complete) {
      const range = nodeRange(at.key ?? at.node);
      const path = pathToString(['style', ...err.path]);
      return { ok: false, loaded, diagnostics: [diagnosticAt(loaded, 'theme', `\`${path}\`: ${err.message}`, range?.[0] ?? 0, range?.[1], { path })] };
    }
    throw new FontsError(`theme: \`${pathToString(err.path)}\`: ${err.message}`);
  }
  const uses = usesOfRoles(theme);
  const chars = loaded ? charsByRole(loaded, theme) : undefined;
  const roles: RoleReport[] = [];
  let missingTotal = 0;
  for (const role of Object.keys(theme.fonts)) {
    const report: RoleReport = { role, usedFor: uses.get(role) ?? [], chain: [] };
    let chain: FontHandle[] = [];
    try {
      chain = resolved.fonts(role);
    } catch (err) {
      if (!(err instanceof ThemeError)) throw err;
      report.error = err.message;
    }
    const order = searchOrder(theme, role);
    report.chain = chain.map((h) => {
      const error = errors.get(h);
      const face: Face = { face: h.postscriptName, file: h.file, from: roleOfFace(theme, order, h) ?? role };
      if (error) face.error = error;
      else {
        face.glyphs = h.font.numGlyphs;
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
  return { ok: true, roles, issue: options.issue, themeFile: options.theme, styled: loaded?.issue?.style !== undefined, fontErrors: [...errors.values()], missing: missingTotal };
}
