/**
 * The schema validators, compiled ahead of time. Compiling the issue schema with ajv takes some
 * 150 ms and loading ajv's compiler another 50–100 ms, on every run; so `npm run build` (and
 * `prepare`) has ajv write each validator out as plain code (ajv's "standalone" output) beside
 * this module, and a run loads that instead — ajv's compiler is then never loaded. Each file
 * records a hash of the schema text and the options it was compiled from; a file that is
 * missing or does not match the schema as it is now is ignored and the schema compiled as
 * before, so an edited schema is never checked by a stale validator.
 */
import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { ValidateFunction } from 'ajv';
import { fnv1a } from '../fnv1a.js';
import { SCHEMA_DIR } from '../font/vendored.js';
import { writeFileSafely } from '../io/write-file.js';

const require = createRequire(import.meta.url);
const HERE = fileURLToPath(new URL('.', import.meta.url));
/** How the compiled code asks for our own formats (there is no such module: see load()). */
const FORMATS_MODULE = 'bulletin:formats';

export type SchemaKind = 'issue' | 'theme' | 'config';

/** A real calendar date written YYYY-MM-DD (2024-02-30 is refused). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const FORMATS = { date: { type: 'string', validate: isCalendarDate } } as const;

interface Spec {
  file: string;
  options: Record<string, unknown>;
  formats: boolean;
  /**
   * References to other schema files, and what stands for each in the validator: the config's
   * `theme:` and `fonts:` refer to the theme schema for editors' tooltips, and are checked with
   * the theme's own validator (located in the config: app/config.ts).
   */
  external?: Record<string, object>;
}

const SPECS: Record<SchemaKind, Spec> = {
  // strictRequired would refuse the anyOf that asks a section for `articles` or `briefs`.
  issue: { file: 'issue.schema.json', options: { allErrors: true, verbose: true, strict: true, strictRequired: false }, formats: true },
  theme: { file: 'theme.schema.json', options: { allErrors: true, verbose: true, strict: true }, formats: false },
  config: {
    file: 'config.schema.json',
    options: { allErrors: true, verbose: true, strict: true },
    formats: false,
    external: { 'theme.schema.json': { type: 'object' }, 'theme.schema.json#/properties/fonts': { type: 'object' } },
  },
};

export const schemaFile = (kind: SchemaKind): string => join(SCHEMA_DIR, SPECS[kind].file);
const compiledFile = (kind: SchemaKind, dir = HERE): string => join(dir, `${kind}.validator.cjs`);

/** Changes with linearErrors below, so code written before it is not used. */
const CODE_REVISION = 'linear-errors-1';

/** FNV-1a over the schema text and options (some 10 KB, on every start): enough to notice an edit. */
export function fingerprint(kind: SchemaKind, schemaText: string): string {
  const text = `${CODE_REVISION}\n${JSON.stringify(SPECS[kind].options)}\n${schemaText}`;
  return `${fnv1a(text).toString(16).padStart(8, '0')}:${text.length}`;
}

type AjvCtor = new (options: Record<string, unknown>) => {
  addFormat(name: string, format: unknown): void;
  compile(schema: object): ValidateFunction;
};

function newAjv(kind: SchemaKind, code?: Record<string, unknown>) {
  // ajv is CommonJS; its 2020 build's module.exports.default is the class.
  const Ajv2020 = (require('ajv/dist/2020.js') as { default: AjvCtor }).default;
  const ajv = new Ajv2020({ ...SPECS[kind].options, ...(code ? { code } : {}) });
  if (SPECS[kind].formats) for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/** The schema as the validator is compiled from it: references to other files replaced (Spec.external). */
function schemaObject(kind: SchemaKind, text: string): object {
  const external = SPECS[kind].external;
  const schema = JSON.parse(text) as object;
  if (!external) return schema;
  const replace = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(replace);
    if (typeof node !== 'object' || node === null) return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && Object.hasOwn(external, ref)) {
      const { $ref: _, ...rest } = node as Record<string, unknown>;
      return { ...rest, ...external[ref] };
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, replace(v)]));
  };
  return replace(schema) as object;
}

/** Compile the schema with ajv, now. */
export function compileValidator(kind: SchemaKind): ValidateFunction {
  return newAjv(kind).compile(schemaObject(kind, readFileSync(schemaFile(kind), 'utf8')));
}

/**
 * ajv's code gathers a sub-schema's errors with `vErrors = vErrors.concat(validateN.errors)`,
 * which copies every error found so far for each item checked: 40,000 wrong paragraphs took
 * minutes. Appending them instead gives the same errors in the same order in linear time.
 */
export function linearErrors(code: string): string {
  return code.replace(
    /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g,
    'if (vErrors === null) vErrors = []; for (const e of $1.errors) vErrors.push(e);',
  );
}

/** ajv's standalone code for the schema as it is now, headed by its fingerprint. */
export function standaloneSource(kind: SchemaKind): string {
  const text = readFileSync(schemaFile(kind), 'utf8');
  const { _ } = require('ajv') as { _: (strings: TemplateStringsArray) => unknown };
  const standalone = (require('ajv/dist/standalone/index.js') as { default: (ajv: unknown, v: ValidateFunction) => string }).default;
  const ajv = newAjv(kind, { source: true, formats: _`require("bulletin:formats")` });
  const code = linearErrors(standalone(ajv, ajv.compile(schemaObject(kind, text))));
  return `// ${fingerprint(kind, text)} — generated from schema/${SPECS[kind].file} by npm run build; do not edit\n${code}`;
}

/**
 * Write the validators' code into `dir` (the built issue/ directory), and remove the code
 * caches made for earlier code: the sample build of scripts/bundle.mjs makes the new ones.
 */
export async function writeStandaloneValidators(dir = HERE): Promise<string[]> {
  for (const name of readdirSync(dir)) if (/\.validator\.cjs\.[0-9a-f]{8}-\d+\.cache$/.test(name)) unlinkSync(join(dir, name));
  const files: string[] = [];
  for (const kind of Object.keys(SPECS) as SchemaKind[]) {
    const file = compiledFile(kind, dir);
    await writeFileSafely(file, standaloneSource(kind));
    files.push(file);
  }
  return files;
}

/**
 * The code cache of a built validator (V8's, as the launcher keeps one for the bundle): beside
 * it, named by the fingerprint and length of the code it was made from. The build makes it
 * (scripts/bundle.mjs's sample build, with BULLETIN_CODE_CACHE_OUT set) and removes it with
 * that code (writeStandaloneValidators). Without it a run compiled the issue validator's
 * functions as it first called them, some 2 ms of every build.
 */
export function validatorCacheFile(file: string, code: string): string | undefined {
  const header = /^\/\/ ([0-9a-f]{8}):\d+ /.exec(code);
  return header ? `${file}.${header[1]}-${code.length}.cache` : undefined;
}

/** Validators loaded from their built files, with their scripts: for writing their caches. */
const loadedScripts = new Map<string, Script>();

/**
 * Run standalone code (CommonJS) with our formats supplied; undefined when it is not the schema's.
 * `cacheFile`: a code cache to try (one V8 refuses, or none, costs nothing but the compile).
 */
export function loadStandalone(kind: SchemaKind, code: string, filename: string, cacheFile?: string): ValidateFunction | undefined {
  const header = /^\/\/ (\S+)/.exec(code);
  if (!header || header[1] !== fingerprint(kind, readFileSync(schemaFile(kind), 'utf8'))) return undefined;
  const module = { exports: {} as unknown };
  // The code's one run-time dependency is named literally, so the one-file build bundles it: a
  // require by a name computed here would resolve ajv's exports map on every run.
  const requireHere = (id: string): unknown => (id === FORMATS_MODULE ? FORMATS : id === 'ajv/dist/runtime/ucs2length' ? require('ajv/dist/runtime/ucs2length') : require(id));
  let cachedData: Buffer | undefined;
  if (cacheFile && process.env.BULLETIN_CODE_CACHE !== '0') {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // none made, or not readable: compiled as the functions are first called
    }
  }
  const script = new Script(`(function (exports, require, module) {${code}\n})`, { filename, cachedData });
  if (cachedData && process.env.BULLETIN_CODE_CACHE_DEBUG) process.stderr.write(`bulletin: code cache ${script.cachedDataRejected ? 'refused' : 'used'}: ${cacheFile}\n`);
  if (cacheFile) {
    if (loadedScripts.size === 0 && process.env.BULLETIN_CODE_CACHE_OUT) process.once('beforeExit', () => void writeValidatorCaches());
    loadedScripts.set(cacheFile, script);
  }
  const wrapper = script.runInThisContext() as (e: unknown, r: unknown, m: unknown) => void;
  wrapper(module.exports, requireHere, module);
  return module.exports as ValidateFunction;
}

/**
 * Write the code cache of every built validator this process loaded, with the functions it has
 * compiled by now (after a build: those a build runs).
 */
export async function writeValidatorCaches(): Promise<string[]> {
  const written: string[] = [];
  for (const [file, script] of loadedScripts) {
    await writeFileSafely(file, script.createCachedData());
    written.push(file);
  }
  return written;
}

/** The validator for `kind`: the precompiled one when it matches the schema, else compiled now (as the same code). */
export function schemaValidator(kind: SchemaKind): ValidateFunction {
  const file = compiledFile(kind);
  if (existsSync(file)) {
    const code = readFileSync(file, 'utf8');
    const validate = loadStandalone(kind, code, file, validatorCacheFile(file, code));
    if (validate) return validate;
  }
  return loadStandalone(kind, standaloneSource(kind), file) ?? compileValidator(kind);
}
