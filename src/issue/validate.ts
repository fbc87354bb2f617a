/**
 * Schema validation of an issue's data, reported in an editor's words at the YAML node to
 * change: the key for an unknown or misspelt key, the value for a wrong value, the mapping
 * (or the key that holds it) for a missing field.
 */
import type { ErrorObject } from 'ajv';
import type { Document } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import { at, describeLocation, describeValue, orList } from './describe.js';
import { isEmptyValue, locate, nodeRange, pathToString, pointerToPath, type PathSegment } from './locate.js';
import { issueValidator } from './schema.js';
import { diagnosticAt, type SourceContext } from './source-context.js';
import { nearestKey } from './suggest.js';
import { say, type MessageId, type Params } from '../messages/catalogue.js';

export interface ValidationContext extends SourceContext {
  doc: Document;
}

interface JsonSchema {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  properties?: Record<string, unknown>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  [keyword: string]: unknown;
}

type Anchor = 'key' | 'value' | 'container';

interface Problem {
  code: string;
  path: PathSegment[];
  anchor: Anchor;
  message: string;
  hint?: string;
  /** Keys whose absence this problem reports. */
  missing?: string[];
  /** The key an unknown key was probably meant to be. */
  meant?: string;
}

/** The lists of an issue whose items have a name of their own ("a list of sections", "at least one section"). */
const LIST_NOUNS: ReadonlySet<string> = new Set(['sections', 'articles', 'briefs', 'body', 'title', 'distribution', 'to', 'notes']);
type ListNoun = 'sections' | 'articles' | 'briefs' | 'body' | 'title' | 'distribution' | 'to' | 'notes';
const isListNoun = (key: unknown): key is ListNoun => typeof key === 'string' && LIST_NOUNS.has(key);


/** The field a problem is about, and the words that place it. */
function subject(data: unknown, path: readonly PathSegment[]): { prefix: string; name: string } {
  const last = path[path.length - 1];
  if (typeof last === 'string') return { prefix: describeLocation(data, path.slice(0, -1)), name: say('where.key', { key: last }) };
  return { prefix: '', name: describeLocation(data, path) || say('where.issue') };
}

function sentence(prefix: string, text: string): string {
  return prefix ? say('schema.sentence', { prefix, text }) : text;
}

/** What a value at `path` should be: the message that says it, and whether it is a kind of text. */
function expectation(path: readonly PathSegment[], schema: JsonSchema, keyword?: string): { id: MessageId; params?: Params; text?: boolean } {
  const last = path[path.length - 1];
  const container = path[path.length - 2];
  if (last === 'title' && container !== undefined && typeof container === 'number') return { id: 'expect.title', text: true };
  if (typeof last === 'number' && container === 'body' && path[path.length - 4] === 'articles') {
    return { id: 'expect.body-item', text: true };
  }
  if (schema.format === 'date') return { id: 'expect.date' };
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'integer':
      // The upper bound is named only to a number past it (1e300): for the rest it is noise.
      if (keyword === 'maximum' && schema.maximum !== undefined) return { id: 'expect.integer-range', params: { min: schema.minimum ?? 0, max: schema.maximum.toLocaleString('en-US') } };
      return schema.minimum !== undefined ? { id: 'expect.integer-min', params: { min: schema.minimum } } : { id: 'expect.integer' };
    case 'number':
      return { id: 'expect.number' };
    case 'string':
      return { id: 'expect.text', text: true };
    case 'array':
      return isListNoun(last) ? { id: 'expect.list-of', params: { items: say(`nouns.${last}`) } } : { id: 'expect.list' };
    case 'object':
      return { id: 'expect.mapping' };
    default:
      return { id: 'expect.other' };
  }
}

function typeProblem(data: unknown, path: PathSegment[], schema: JsonSchema, source: string, ctx: ValidationContext, keyword?: string): Problem {
  const value = at(data, path);
  const { prefix, name } = subject(data, path);
  const expecting = expectation(path, schema, keyword);
  const expected = say(expecting.id, expecting.params);
  let message: string;
  if (value === null || value === undefined) message = sentence(prefix, say('schema.no-value', { name, expected }));
  else message = sentence(prefix, say('schema.wrong-type', { name, expected, got: describeValue(value) }));
  let hint: string | undefined;
  if (expecting.text && (typeof value === 'number' || typeof value === 'boolean')) {
    const node = locate(ctx.doc, path).node;
    const range = nodeRange(node);
    const written = range ? source.slice(range[0], range[1]) : String(value);
    hint = say('schema.quote-hint', { written });
  }
  return { code: 'wrong-type', path, anchor: 'value', message, hint };
}

/** ajv errors → problems, with anyOf/oneOf cascades collapsed into one message. */
function problemsFrom(errors: readonly ErrorObject[], data: unknown, ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  const patternFailed = new Set(errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  for (const error of errors) {
    // The branches of an anyOf/oneOf are summarised by the anyOf error itself.
    if (/\/(anyOf|oneOf)\/\d+\//.test(error.schemaPath)) continue;
    if (error.keyword === 'if') continue; // its then/else branch reports the real problem
    const path = pointerToPath(error.instancePath, data);
    const schema = (error.parentSchema ?? {}) as JsonSchema;
    const value = at(data, path);
    const { prefix, name } = subject(data, path);
    switch (error.keyword) {
      case 'required': {
        const missing = (error.params as { missingProperty: string }).missingProperty;
        problems.push({
          code: 'missing-field',
          path,
          anchor: 'container',
          message: sentence(describeLocation(data, path), say('schema.missing', { key: missing })),
          missing: [missing],
        });
        break;
      }
      case 'additionalProperties': {
        const key = (error.params as { additionalProperty: string }).additionalProperty;
        const allowed = Object.keys(schema.properties ?? {});
        const guess = nearestKey(key, allowed);
        const where = describeLocation(data, path);
        problems.push({
          code: 'unknown-key',
          path: [...path, key],
          anchor: 'key',
          message: sentence(where, say(guess ? 'schema.unknown-key-meant' : 'schema.unknown-key', { key, meant: guess ?? '' })),
          hint: say(where ? 'schema.allowed-here' : 'schema.allowed-top', { keys: allowed.join(say('list.separator')) }),
          meant: guess,
        });
        break;
      }
      case 'anyOf':
      case 'oneOf': {
        const branches = (schema[error.keyword] ?? []) as JsonSchema[];
        const onlyRequired = branches.length > 0 && branches.every((b) => Object.keys(b).length === 1 && Array.isArray(b.required));
        const where = describeLocation(data, path) || say('where.issue');
        const message = onlyRequired
          ? say('schema.needs-either', { where, keys: orList(branches.map((b) => b.required!.map((k) => `\`${k}\``).join(say('list.and'))), false) })
          : say('schema.no-form', { where });
        const missing = onlyRequired ? branches.flatMap((b) => b.required!) : undefined;
        problems.push({ code: onlyRequired ? 'missing-field' : 'wrong-type', path, anchor: 'container', message, missing });
        break;
      }
      case 'type':
      case 'minimum':
      case 'exclusiveMinimum':
      case 'maximum':
      case 'multipleOf':
        problems.push(typeProblem(data, path, schema, ctx.source, ctx, error.keyword));
        break;
      case 'minLength':
      case 'pattern':
      case 'format': {
        if (schema.format === 'date') {
          if (error.keyword === 'minLength' || (error.keyword === 'format' && patternFailed.has(error.instancePath))) break;
          const message = say(error.keyword === 'pattern' ? 'schema.date-format' : 'schema.date-invalid', { name, got: describeValue(value) });
          problems.push({ code: 'invalid-value', path, anchor: 'value', message: sentence(prefix, message) });
          break;
        }
        problems.push({ code: 'empty-value', path, anchor: 'value', message: sentence(prefix, say('schema.empty', { name })) });
        break;
      }
      case 'minItems': {
        const last = path[path.length - 1];
        const noun = isListNoun(last) ? say(`noun.${last}`) : say('noun.item');
        problems.push({
          code: 'empty-value',
          path,
          anchor: 'value',
          message: sentence(prefix, say('schema.empty-list', { name, noun })),
        });
        break;
      }
      case 'enum': {
        const allowed = (schema.enum ?? []).map((v) => JSON.stringify(v));
        problems.push({
          code: 'invalid-value',
          path,
          anchor: 'value',
          message: sentence(prefix, say('schema.wrong-type', { name, expected: orList(allowed, false), got: describeValue(value) })),
        });
        break;
      }
      default:
        problems.push({ code: 'invalid-value', path, anchor: 'value', message: sentence(prefix, error.message ? say('schema.invalid', { name, reason: error.message }) : say('schema.not-valid', { name })) });
    }
  }
  return withoutExplainedAbsences(problems);
}

/**
 * A misspelt key also leaves the real key missing; the "did you mean" message already says
 * so, and a second message about the same mistake is noise.
 */
function withoutExplainedAbsences(problems: Problem[]): Problem[] {
  const meant = new Set(
    problems.filter((p) => p.meant !== undefined).map((p) => `${JSON.stringify(p.path.slice(0, -1))}#${p.meant}`),
  );
  return problems.filter(
    (p) => !p.missing || !p.missing.some((key) => meant.has(`${JSON.stringify(p.path)}#${key}`)),
  );
}

/** Source range of the node a problem points at. */
function anchorRange(ctx: ValidationContext, problem: Problem): [number, number] {
  const located = locate(ctx.doc, problem.path);
  const contentsStart = nodeRange(ctx.doc.contents as never)?.[0] ?? 0;
  const documentStart: [number, number] = [contentsStart, contentsStart];
  if (!located.complete) return nodeRange(located.node) ?? documentStart;
  const keyRange = nodeRange(located.key);
  const valueRange = nodeRange(located.node);
  switch (problem.anchor) {
    case 'key':
      return keyRange ?? valueRange ?? documentStart;
    case 'value':
      if (isEmptyValue(located.node)) return keyRange ?? valueRange ?? documentStart;
      return valueRange ?? keyRange ?? documentStart;
    case 'container':
      // A mapping under a key is named by its key; a list item or the top level by where it starts.
      if (keyRange) return keyRange;
      return valueRange ? [valueRange[0], valueRange[0]] : documentStart;
  }
}

/**
 * Problems listed in full; past these, one more diagnostic says how many were left out. A file
 * of 40,000 wrong items is one mistake repeated (a converter gone wrong), and locating and
 * printing each of them would take longer than it helps.
 */
export const MAX_SCHEMA_DIAGNOSTICS = 100;

/** The diagnostic that stands for `more` problems left out, at the first of them. */
export function tooManyProblems(ctx: SourceContext, more: number, start: number, end?: number, path?: string): Diagnostic {
  return diagnosticAt(ctx, 'too-many-problems',
    say('schema.too-many', { count: more.toLocaleString('en-US'), shown: MAX_SCHEMA_DIAGNOSTICS }),
    start, end, path === undefined ? {} : { path });
}

/** Validate plain issue data; every problem becomes a located diagnostic (the first MAX_SCHEMA_DIAGNOSTICS). */
export function validateIssueData(data: unknown, ctx: ValidationContext): Diagnostic[] {
  const validate = issueValidator();
  if (validate(data)) return [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const problems = problemsFrom(validate.errors ?? [], data, ctx);
  for (let i = 0; i < problems.length; i++) {
    const problem = problems[i];
    const [start, end] = anchorRange(ctx, problem);
    if (diagnostics.length === MAX_SCHEMA_DIAGNOSTICS) {
      diagnostics.push(tooManyProblems(ctx, problems.length - i, start, end, pathToString(problem.path)));
      break;
    }
    const diagnostic = diagnosticAt(ctx, problem.code, problem.message, start, end, {
      path: pathToString(problem.path),
      hint: problem.hint,
    });
    const key = `${diagnostic.line}:${diagnostic.col}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}
