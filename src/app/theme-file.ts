/**
 * Theme overrides from the two places a user writes them, a `--theme` file (YAML or JSON) and
 * an issue's `style:` block, checked against schema/theme.schema.json and reported at the key
 * or value to change, in the same diagnostic shape as the issue loader uses.
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { LineCounter, type Document, parseDocument } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import { locate, nodeRange, pathToString, pointerToPath, type PathSegment } from '../issue/locate.js';
import { diagnosticAt, type SourceContext } from '../issue/source-context.js';
import { schemaFile, schemaValidator } from '../issue/standalone.js';
import { nearestKey } from '../issue/suggest.js';
import { ResolvedTheme } from '../layout/theme-resolve.js';
import type { Theme } from '../layout/theme.js';

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
}

/** Read and check a `--theme` file. Unreadable → ThemeFileError; content problems → diagnostics. */
export function readThemeFile(file: string): ThemeFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new ThemeFileError(file, `cannot read theme file ${file}: ${reason}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const source: ThemeSource = { file, source: text, lineCounter, doc, base: [] };
  const diagnostics: Diagnostic[] = doc.errors.map((e) => diagnosticAt(source, 'theme-syntax', e.message.split('\n')[0], e.pos[0], e.pos[1]));
  if (diagnostics.length) return { source, data: {}, diagnostics };
  const data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  if (data === null || data === undefined) return { source, data: {}, diagnostics };
  diagnostics.push(...checkThemeData(data, source));
  return { source, data: diagnostics.length ? {} : (data as Record<string, unknown>), diagnostics };
}

/** Schema problems of theme data, located in its source. */
export function checkThemeData(data: unknown, source: ThemeSource): Diagnostic[] {
  const validate = themeValidator();
  if (validate(data)) return [];
  return reportSchemaErrors(validate.errors ?? [], data, source);
}

function where(source: ThemeSource, path: readonly PathSegment[]): string {
  const full = [...source.base, ...path];
  return full.length ? `\`${pathToString(full)}\`` : 'the theme';
}

function englishOf(description: unknown): string {
  if (typeof description !== 'string') return '';
  const parts = description.split('。');
  return parts[parts.length - 1].trim();
}

function reportSchemaErrors(errors: ErrorObject[], data: unknown, source: ThemeSource): Diagnostic[] {
  // ajv reports a failed oneOf branch by branch; keep one message per place, the deepest first.
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const key = e.keyword === 'additionalProperties' ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}` : e.instancePath;
    byPath.set(key, [...(byPath.get(key) ?? []), e]);
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const [key, errs] of byPath) {
    if ([...byPath.keys()].some((other) => other !== key && other.startsWith(`${key}/`) && !errs.some((e) => e.keyword === 'additionalProperties'))) continue;
    if (seen.has(key)) continue;
    seen.add(key);
    const e = errs.find((x) => x.keyword === 'additionalProperties') ?? errs.find((x) => x.keyword === 'oneOf') ?? errs[0];
    const path = pointerToPath(e.instancePath, data);
    if (e.keyword === 'additionalProperties') {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const meant = nearestKey(name, allowed);
      const at = locate(source.doc, [...source.base, ...path, name]);
      const range = nodeRange(at.key ?? at.node);
      out.push(diagnosticAt(source, 'theme-schema', `unknown key \`${name}\` in ${where(source, path)}${meant ? ` (did you mean \`${meant}\`?)` : ''}`, range?.[0] ?? 0, range?.[1], {
        path: pathToString([...source.base, ...path, name]),
        hint: meant ? `write \`${meant}\`` : allowed.length ? `allowed here: ${allowed.join(', ')}` : undefined,
      }));
      continue;
    }
    const schema = (e.parentSchema ?? {}) as { title?: string; description?: string };
    const expected = schema.title ? `${schema.title}: ${englishOf(schema.description)}` : e.message ?? 'a different value';
    const at = locate(source.doc, [...source.base, ...path]);
    const range = nodeRange(at.node);
    const message = e.keyword === 'required'
      ? `${where(source, path)} needs \`${(e.params as { missingProperty: string }).missingProperty}\``
      : `${where(source, path)} is not valid here; expected ${expected}`;
    out.push(diagnosticAt(source, 'theme-schema', message, range?.[0] ?? 0, range?.[1], { path: pathToString([...source.base, ...path]) }));
  }
  return out;
}

/**
 * Problems of the merged theme a schema cannot see (a font role or colour named but not defined),
 * each reported in the layer that wrote it: the issue's `style:` block first, then the theme file.
 */
export function checkMergedTheme(theme: Theme, layers: readonly ThemeSource[]): Diagnostic[] {
  return ResolvedTheme.check(theme).map((err) => {
    for (const layer of layers) {
      const at = locate(layer.doc, [...layer.base, ...err.path]);
      if (at.complete) {
        const range = nodeRange(at.node);
        return diagnosticAt(layer, 'theme', err.message, range?.[0] ?? 0, range?.[1], { path: pathToString([...layer.base, ...err.path]) });
      }
    }
    return { code: 'theme', severity: 'error' as const, message: `theme \`${pathToString(err.path)}\`: ${err.message}`, file: layers[0]?.file ?? '', line: 1, col: 1 };
  });
}
