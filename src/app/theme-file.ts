/**
 * Theme overrides from the two places a user writes them, a `--theme` file (YAML or JSON) and
 * an issue's `style:` block, checked against schema/theme.schema.json, merged onto the default
 * and resolved (src/style); every problem is reported at the key or value to change, in the
 * same diagnostic shape as the issue loader uses.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Document, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import { ReadFileError, readBounded } from '../io/read-file.js';
import { expandedTextDiagnostics } from '../issue/expansion.js';
import { aliasDiagnostics, yamlDiagnostics } from '../issue/yaml-problems.js';
import { locate, nodeRange, pathToString, pointerToPath, type PathSegment } from '../issue/locate.js';
import { diagnosticAt, type SourceContext } from '../issue/source-context.js';
import { FontLoadError, openFont } from '../font/load.js';
import { FONT_DIR } from '../font/vendored.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { schemaFile, schemaValidator } from '../issue/standalone.js';
import { nearestKey } from '../issue/suggest.js';
import { mergeTheme, type ThemeLayer } from '../style/merge.js';
import type { ThemePath, ThemeProblem } from '../style/problem.js';
import { type FontOpener, INSTALLED, resolveStyles } from '../style/resolve.js';
import { BUILTIN_THEMES, isBuiltinThemeName, type BuiltinThemeName } from '../style/builtin.js';
import { hintOf, say, type MessageId } from '../messages/catalogue.js';
import type { Styles } from '../style/styles.js';
import { DEFAULT_THEME, type Theme } from '../style/theme.js';
import { currentLanguage } from '../messages/language.js';

export const THEME_SCHEMA_FILE = schemaFile('theme');

let validator: ValidateFunction | undefined;

function themeValidator(): ValidateFunction {
  return (validator ??= schemaValidator('theme'));
}

/** A YAML document holding theme data, at `base` inside it (['style'] in an issue file, [] in a theme file). */
export interface ThemeSource extends SourceContext {
  doc: Document;
  base: PathSegment[];
}

export class ThemeFileError extends Error {
  constructor(readonly file: string, message: string) {
    super(message);
    this.name = 'ThemeFileError';
  }
}

export interface ThemeFile {
  source: ThemeSource;
  data: Record<string, unknown>;
  diagnostics: Diagnostic[];
  /** Where its relative font files are (default: the file's directory; fonts/ for a built-in theme). */
  baseDir?: string;
  /** A built-in theme's name (`gongwen`), for reports. */
  builtin?: string;
  /** How a problem in it is summed up (default: "theme file FILE has errors"). */
  errorsMessage?: string;
}

/** A built-in theme (style/builtin.ts) as a layer: nothing to locate in it, its fonts in fonts/. */
export function builtinThemeFile(name: BuiltinThemeName): ThemeFile {
  const doc = new Document();
  const source: ThemeSource = { file: say('theme.builtin-name', { name }), source: '', lineCounter: new LineCounter(), doc, base: [] };
  return { source, data: BUILTIN_THEMES[name] as Record<string, unknown>, diagnostics: [], baseDir: FONT_DIR, builtin: name };
}

/**
 * What `--theme VALUE` (or a config's `theme:`) names: a built-in theme (`gongwen`) unless a
 * file of that name is there, else a theme file, relative to `relativeTo` when given.
 */
export function readThemeArgument(value: string, relativeTo?: string): ThemeFile {
  const file = relativeTo && !isAbsolute(value) ? shownPath(resolve(relativeTo, value)) : value;
  if (isBuiltinThemeName(value) && !existsSync(file)) return builtinThemeFile(value);
  return readThemeFile(file);
}

/** An absolute path as a user would type it here: relative to the working directory when inside it. */
export function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/**
 * The largest theme file read. A theme is a few hundred bytes to a few KB; anything near this
 * is the wrong file, and is refused before it is parsed.
 */
export const MAX_THEME_BYTES = 1024 * 1024;

/** Read and check a `--theme` file. Unreadable → ThemeFileError; content problems → diagnostics. */
export function readThemeFile(file: string): ThemeFile {
  let text: string;
  try {
    const read = readBounded(file, { limit: MAX_THEME_BYTES, what: say('io.what.theme') });
    if (read.truncated) throw new ThemeFileError(file, say('theme.cannot-read', { file, reason: say('theme.too-large', { size: `${MAX_THEME_BYTES / 1024 / 1024} MB` }) }));
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(read.bytes);
  } catch (err) {
    if (err instanceof ReadFileError) throw new ThemeFileError(file, say('theme.cannot-read', { file, reason: err.reason }));
    throw err;
  }
  const parsed = parseYamlText(file, text, 'theme-syntax', MAX_THEME_BYTES, say('theme.the-theme'));
  const { source } = parsed;
  if (parsed.diagnostics.length) return { source, data: {}, diagnostics: parsed.diagnostics };
  const data = parsed.data;
  if (data === null || data === undefined) return { source, data: {}, diagnostics: [] };
  const diagnostics = checkThemeData(data, source);
  return { source, data: diagnostics.length ? {} : (data as Record<string, unknown>), diagnostics };
}

/**
 * YAML text (a theme file, a config) read into data, with its YAML problems in plain words at
 * their line (issue/yaml-problems.ts, under `code`) and aliases that would expand without bound
 * (a "billion laughs" file) located, not expanded.
 */
export function parseYamlText(file: string, text: string, code: string, limit: number, what: string): { source: ThemeSource; data?: unknown; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const source: ThemeSource = { file, source: text, lineCounter, doc, base: [] };
  const diagnostics: Diagnostic[] = doc.errors.length ? yamlDiagnostics(doc, source).filter((d) => d.severity === 'error').map((d) => ({ ...d, code })) : [];
  if (diagnostics.length) return { source, diagnostics };
  for (const d of aliasDiagnostics(doc, source)) diagnostics.push(d);
  if (!diagnostics.length) for (const d of expandedTextDiagnostics(doc, source, limit)) diagnostics.push(d);
  if (diagnostics.length) return { source, diagnostics };
  try {
    return { source, data: doc.toJS({ maxAliasCount: 1000 }) as unknown, diagnostics };
  } catch (err) {
    const range = doc.contents?.range ?? [0, 0];
    return { source, diagnostics: [diagnosticAt(source, code, say('yaml.aliases', { what, reason: (err as Error).message }), range[0], range[0] + 1)] };
  }
}

/** Schema problems of theme data, located in its source. */
export function checkThemeData(data: unknown, source: ThemeSource): Diagnostic[] {
  const validate = themeValidator();
  if (validate(data)) return [];
  return reportSchemaErrors(validate.errors ?? [], data, source);
}

/** How reportSchemaErrors names what it reports on: its diagnostics' code and the document as a whole. */
export interface SchemaReport {
  code: string;
  root: string;
}

/** Key names a schema restricts (propertyNames), in plain words: font roles, colour names. */
function keyNameProblem(container: PathSegment | undefined, name: string): { message: string; hint?: string } {
  const id = container === 'fonts' ? 'theme.role-name' : container === 'colors' ? 'theme.color-name' : 'theme.key-name';
  const params = { name, container: String(container ?? '') };
  return { message: say(id, params), hint: hintOf(id, params) };
}

function where(source: ThemeSource, path: readonly PathSegment[], root = say('theme.the-theme')): string {
  const full = [...source.base, ...path];
  return full.length ? say('where.key', { key: pathToString(full) }) : root;
}

/** The part of a schema text in the language of the messages: "中文。English." has the Chinese first. */
function ownLanguageOf(description: unknown): string {
  if (typeof description !== 'string') return '';
  const parts = description.split('。');
  if (currentLanguage() === 'zh' && parts.length > 1) return parts.slice(0, -1).join('。').trim();
  return parts[parts.length - 1].trim();
}

/** A schema title "纸宽 (page width)" in the language of the messages: 纸宽, or "page width". */
function ownTitleOf(title: string): string {
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(title);
  if (!m) return title;
  return currentLanguage() === 'zh' ? m[1] : title;
}

/** What an untitled part of the schema wants, in plain words (Ajv's own text is for developers). */
function plainExpectation(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': {
      const names: Record<string, MessageId> = { string: 'theme.type.string', number: 'theme.type.number', integer: 'theme.type.integer', boolean: 'theme.type.boolean', array: 'theme.type.array', object: 'theme.type.object' };
      return String(p.type).split(',').map((t) => (names[t] ? say(names[t]) : t)).join(say('theme.or'));
    }
    case 'minimum': return say('theme.minimum', { limit: String(p.limit) });
    case 'maximum': return say('theme.maximum', { limit: String(p.limit) });
    case 'exclusiveMinimum': return say('theme.above', { limit: String(p.limit) });
    case 'exclusiveMaximum': return say('theme.below', { limit: String(p.limit) });
    case 'minItems': return say('theme.min-items', { limit: String(p.limit) });
    case 'maxItems': return say('theme.max-items', { limit: String(p.limit) });
    case 'minLength': return p.limit === 1 ? say('theme.not-empty') : say('theme.min-length', { limit: String(p.limit) });
    case 'maxLength': return say('theme.max-length', { limit: String(p.limit) });
    case 'enum': return say('theme.one-of', { values: (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ') });
    case 'const': return JSON.stringify(p.allowedValue);
    default: return say('theme.different');
  }
}

/** Theme problems listed in full; past these, one line says there are more. */
const MAX_THEME_DIAGNOSTICS = 100;

export function reportSchemaErrors(errors: ErrorObject[], data: unknown, source: ThemeSource, report: SchemaReport = { code: 'theme-schema', root: say('theme.the-theme') }): Diagnostic[] {
  const { code } = report;
  // ajv reports a failed oneOf branch by branch; keep one message per place, the deepest first.
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    // A key name the schema refuses (propertyNames) is reported at that key, on its own.
    if (e.keyword === 'propertyNames') continue;
    const key = e.keyword === 'additionalProperties' ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`
      : e.propertyName !== undefined ? `${e.instancePath}/${e.propertyName}\u0000name` : e.instancePath;
    const list = byPath.get(key);
    if (list) list.push(e);
    else byPath.set(key, [e]);
  }
  // Places with a deeper place of their own reported (every proper prefix of every key).
  const hasDeeper = new Set<string>();
  for (const key of byPath.keys()) {
    for (let at = key.lastIndexOf('/'); at >= 0; at = key.lastIndexOf('/', at - 1)) {
      hasDeeper.add(key.slice(0, at));
      if (at === 0) break;
    }
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const [key, errs] of byPath) {
    if (out.length >= MAX_THEME_DIAGNOSTICS) {
      out.push({ ...out[out.length - 1], code: 'too-many-problems', message: say('theme.too-many', { file: source.file, shown: MAX_THEME_DIAGNOSTICS }), hint: undefined });
      break;
    }
    if (hasDeeper.has(key) && !errs.some((e) => e.keyword === 'additionalProperties')) continue;
    if (seen.has(key)) continue;
    seen.add(key);
    const e = errs.find((x) => x.keyword === 'additionalProperties') ?? errs.find((x) => x.keyword === 'oneOf') ?? errs[0];
    const path = pointerToPath(e.instancePath, data);
    if (e.propertyName !== undefined) {
      const at = locate(source.doc, [...source.base, ...path, e.propertyName]);
      const range = nodeRange(at.key ?? at.node);
      const { message, hint } = keyNameProblem(path[path.length - 1], e.propertyName);
      out.push(diagnosticAt(source, code, message, range?.[0] ?? 0, range?.[1], { path: pathToString([...source.base, ...path, e.propertyName]), hint }));
      continue;
    }
    if (e.keyword === 'additionalProperties') {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const meant = nearestKey(name, allowed);
      const at = locate(source.doc, [...source.base, ...path, name]);
      const range = nodeRange(at.key ?? at.node);
      out.push(diagnosticAt(source, code, say(meant ? 'theme.unknown-key-meant' : 'theme.unknown-key', { key: name, where: where(source, path, report.root), meant: meant ?? '' }), range?.[0] ?? 0, range?.[1], {
        path: pathToString([...source.base, ...path, name]),
        hint: meant ? say('theme.write', { key: meant }) : allowed.length ? say('theme.allowed', { keys: allowed.join(say('list.separator')) }) : undefined,
      }));
      continue;
    }
    const schema = (e.parentSchema ?? {}) as { title?: string; description?: string };
    const expected = schema.title ? say('theme.titled', { title: ownTitleOf(schema.title), description: ownLanguageOf(schema.description) }) : plainExpectation(e);
    const at = locate(source.doc, [...source.base, ...path]);
    const range = nodeRange(at.node);
    const message = e.keyword === 'required'
      ? say('theme.needs', { where: where(source, path, report.root), key: (e.params as { missingProperty: string }).missingProperty })
      : say('theme.not-valid', { where: where(source, path, report.root), expected });
    out.push(diagnosticAt(source, code, message, range?.[0] ?? 0, range?.[1], { path: pathToString([...source.base, ...path]) }));
  }
  return out;
}

/**
 * A problem with the theme that is not the issue's content: a font that cannot be opened, or
 * errors in a `--theme` file (listed in `diagnostics`). Commands report it as a system error.
 */
export class ThemeSystemError extends Error {
  constructor(message: string, readonly diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'ThemeSystemError';
  }
}

/** The `style:` block of an issue file as a theme source. */
export function styleSourceOf(loaded: LoadedIssue): ThemeSource {
  return { file: loaded.file, source: loaded.source, lineCounter: loaded.lineCounter, doc: loaded.doc, base: ['style'] };
}

export interface IssueTheme {
  /** The issue's theme resolved, absent when `diagnostics` has errors. */
  styles?: Styles;
  /** The merged theme the styles were resolved from (absent when a layer failed its schema). */
  theme?: Theme;
  /** Content errors in the issue's `style:` block. */
  diagnostics: Diagnostic[];
  styleSource?: ThemeSource;
  sources: ThemeSource[];
}

/**
 * The theme an issue is built with — the default, then a `--theme` file, then the issue's
 * `style:` — checked the one way `build`, `check` and `fonts` share: schema, merged values,
 * page geometry, and every face the theme uses opened (through `open`). Problems in `style:`
 * are located content errors; a bad font or a bad theme file is thrown as a ThemeSystemError.
 * Without an issue, the default and the theme file alone.
 */
export function resolveIssueTheme(loaded: LoadedIssue | undefined, themeFile?: ThemeFile | readonly ThemeFile[], open: FontOpener = openFont): IssueTheme {
  const styleSource = loaded && styleSourceOf(loaded);
  const layers: { layer: ThemeLayer; baseDir: string }[] = [];
  const sources: ThemeSource[] = [];
  // Lowest first: a config's theme and fonts, then a --theme file; the issue's style: on top.
  const files = themeFile === undefined ? [] : Array.isArray(themeFile) ? (themeFile as readonly ThemeFile[]) : [themeFile as ThemeFile];
  for (const f of files) {
    if (f.diagnostics.length) throw new ThemeSystemError(errorsMessageOf(f), f.diagnostics);
    layers.push({ layer: f.data, baseDir: f.baseDir ?? dirname(resolve(f.source.file)) });
    sources.push(f.source);
  }
  const style = loaded?.issue?.style;
  if (loaded && styleSource && style) {
    const problems = checkThemeData(style, styleSource);
    if (problems.length) return { diagnostics: problems, styleSource, sources };
    layers.push({ layer: style as ThemeLayer, baseDir: dirname(resolve(loaded.file)) });
  }
  const merged = mergeTheme(DEFAULT_THEME, FONT_DIR, layers);
  // The issue's own style: is searched first: the top layer that wrote a key is where it is said.
  const searched = styleSource ? [styleSource, ...[...sources].reverse()] : [...sources].reverse();
  let resolution;
  try {
    resolution = resolveStyles(merged, open);
  } catch (err) {
    if (err instanceof FontLoadError) throw new ThemeSystemError(say('fonts.bad-font', { message: err.message }), locateFontError(err, merged, searched));
    throw err;
  }
  const theme = resolution.theme ?? merged;
  if (resolution.styles) return { styles: resolution.styles, theme, diagnostics: [], styleSource, sources };
  const { located, unplaced } = locateThemeProblems(resolution.problems, searched);
  if (unplaced.length) throw new ThemeSystemError(say('theme.unplaced', { path: pathToString(unplaced[0].path), message: unplaced[0].message }), located);
  if (loaded && located.every((d) => d.file === loaded.file)) return { theme, diagnostics: located, styleSource, sources };
  const blamed = files.find((f) => located.some((d) => d.file === f.source.file)) ?? files[files.length - 1];
  throw new ThemeSystemError(blamed ? errorsMessageOf(blamed) : say('theme.file-errors', { file: sources[0]?.file ?? '' }), located);
}

function errorsMessageOf(f: ThemeFile): string {
  return f.errorsMessage ?? say('theme.file-errors', { file: f.source.file });
}

/**
 * A font file that cannot be opened, located where a layer names it: the role whose file (or
 * whose family's file) it is. Empty when no layer wrote it (a vendored font gone missing).
 */
function locateFontError(err: FontLoadError, theme: Theme, layers: readonly ThemeSource[]): Diagnostic[] {
  const problems: ThemeProblem[] = [];
  for (const [role, spec] of Object.entries(theme.fonts ?? {})) {
    const file = typeof spec.file === 'string' ? resolve(spec.file) : typeof spec.family === 'string' ? INSTALLED.find(spec.family)?.file : undefined;
    if (file === undefined || resolve(file) !== err.file) continue;
    problems.push({ path: ['fonts', role, typeof spec.file === 'string' ? 'file' : 'family'], aliases: [['fonts', role, 'file'], ['fonts', role]], message: err.message, hint: err.hint });
  }
  return locateThemeProblems(problems, layers).located;
}

/**
 * Where a theme key was written: the layer that sets it (the issue's `style:` first), at the
 * value itself; `complete` false when no layer sets it all and `at` is the nearest key of it a
 * layer does set.
 */
function writtenAt(layers: readonly ThemeSource[], path: ThemePath, partial: boolean): { layer: ThemeSource; range?: [number, number]; complete: boolean } | undefined {
  for (let n = path.length; n >= (partial ? 1 : path.length); n--) {
    for (const layer of layers) {
      const at = locate(layer.doc, [...layer.base, ...path.slice(0, n)]);
      if (!at.complete) continue;
      const complete = n === path.length;
      return { layer, range: nodeRange(complete ? at.node : at.key ?? at.node), complete };
    }
  }
  return undefined;
}

/**
 * Each problem located where the user wrote it: the value itself, else a value it follows from
 * (a type area too wide for a page the user narrowed: at the page width), else the nearest
 * key of it a layer sets. A problem no layer wrote any part of is `unplaced`.
 */
export function locateThemeProblems(problems: readonly ThemeProblem[], layers: readonly ThemeSource[]): { located: Diagnostic[]; unplaced: ThemeProblem[] } {
  const out: Diagnostic[] = [];
  const unplaced: ThemeProblem[] = [];
  for (const p of problems) {
    const candidates = [p.path, ...(p.aliases ?? []), ...(p.causes ?? [])];
    let found: { layer: ThemeSource; range?: [number, number]; complete: boolean; path: ThemePath } | undefined;
    for (const partial of [false, true]) {
      for (const c of candidates) {
        const at = writtenAt(layers, c, partial);
        if (at) { found = { ...at, path: c }; break; }
      }
      if (found) break;
    }
    if (!found) {
      unplaced.push(p);
      continue;
    }
    const path = pathToString([...found.layer.base, ...p.path]);
    const exact = found.complete && (found.path === p.path || (p.aliases ?? []).includes(found.path));
    out.push(diagnosticAt(found.layer, 'theme', exact ? p.message : say('theme.at-key', { path, message: p.message }), found.range?.[0] ?? 0, found.range?.[1], { path, ...(p.hint ? { hint: p.hint } : {}) }));
  }
  return { located: out, unplaced };
}
