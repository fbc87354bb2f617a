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

const LIST_NOUNS: Record<string, [one: string, many: string]> = {
  sections: ['section', 'sections'],
  articles: ['article', 'articles'],
  briefs: ['brief', 'briefs'],
  body: ['paragraph', 'paragraphs'],
  title: ['line', 'lines'],
  distribution: ['distribution line', 'distribution lines'],
  to: ['recipient line', 'recipient lines'],
  notes: ['note line', 'note lines'],
};


/** The field a problem is about, and the words that place it. */
function subject(data: unknown, path: readonly PathSegment[]): { prefix: string; name: string } {
  const last = path[path.length - 1];
  if (typeof last === 'string') return { prefix: describeLocation(data, path.slice(0, -1)), name: `\`${last}\`` };
  return { prefix: '', name: describeLocation(data, path) || 'the issue' };
}

function sentence(prefix: string, text: string): string {
  return prefix ? `${prefix}: ${text}` : text;
}

/** What a value at `path` should be, in words. */
function expectation(path: readonly PathSegment[], schema: JsonSchema, keyword?: string): string {
  const last = path[path.length - 1];
  const container = path[path.length - 2];
  if (last === 'title' && container !== undefined && typeof container === 'number') return 'a line of text, or a list of lines';
  if (typeof last === 'number' && container === 'body' && path[path.length - 4] === 'articles') {
    return 'a paragraph (text) or a sub-heading (`heading: …`)';
  }
  if (schema.format === 'date') return 'a date written YYYY-MM-DD, e.g. 2024-03-15';
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'integer':
      // The upper bound is named only to a number past it (1e300): for the rest it is noise.
      if (keyword === 'maximum' && schema.maximum !== undefined) return `a whole number from ${schema.minimum ?? 0} to ${schema.maximum.toLocaleString('en-US')}`;
      return schema.minimum !== undefined ? `a whole number ≥ ${schema.minimum}` : 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'array': {
      const noun = typeof last === 'string' ? LIST_NOUNS[last] : undefined;
      return noun ? `a list of ${noun[1]}` : 'a list';
    }
    case 'object':
      return 'a mapping of keys (`key: value` lines)';
    default:
      return 'something else';
  }
}

function typeProblem(data: unknown, path: PathSegment[], schema: JsonSchema, source: string, ctx: ValidationContext, keyword?: string): Problem {
  const value = at(data, path);
  const { prefix, name } = subject(data, path);
  const expected = expectation(path, schema, keyword);
  let message: string;
  if (value === null || value === undefined) message = sentence(prefix, `${name} has no value; it must be ${expected}`);
  else message = sentence(prefix, `${name} must be ${expected}, got ${describeValue(value)}`);
  let hint: string | undefined;
  if (expected.includes('text') && (typeof value === 'number' || typeof value === 'boolean')) {
    const node = locate(ctx.doc, path).node;
    const range = nodeRange(node);
    const written = range ? source.slice(range[0], range[1]) : String(value);
    hint = `to keep it as text, put it in quotes: "${written}"`;
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
          message: sentence(describeLocation(data, path), `\`${missing}\` is missing`),
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
          message: sentence(where, `unknown key \`${key}\`${guess ? ` — did you mean \`${guess}\`?` : ''}`),
          hint: `allowed keys${where ? ` here` : ' at the top level'}: ${allowed.join(', ')}`,
          meant: guess,
        });
        break;
      }
      case 'anyOf':
      case 'oneOf': {
        const branches = (schema[error.keyword] ?? []) as JsonSchema[];
        const onlyRequired = branches.length > 0 && branches.every((b) => Object.keys(b).length === 1 && Array.isArray(b.required));
        const where = describeLocation(data, path) || 'the issue';
        const message = onlyRequired
          ? `${where} needs ${orList(branches.map((b) => b.required!.join('` and `')))} (or both)`
          : `${where} does not have any of the allowed forms`;
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
          const message = error.keyword === 'pattern'
            ? `${name} must be a date written YYYY-MM-DD, e.g. 2024-03-15, got ${describeValue(value)}`
            : `${name} is not a real calendar date: ${describeValue(value)}`;
          problems.push({ code: 'invalid-value', path, anchor: 'value', message: sentence(prefix, message) });
          break;
        }
        problems.push({ code: 'empty-value', path, anchor: 'value', message: sentence(prefix, `${name} is empty`) });
        break;
      }
      case 'minItems': {
        const last = path[path.length - 1];
        const noun = typeof last === 'string' ? LIST_NOUNS[last]?.[0] : undefined;
        problems.push({
          code: 'empty-value',
          path,
          anchor: 'value',
          message: sentence(prefix, `${name} is an empty list; give at least one ${noun ?? 'item'}`),
        });
        break;
      }
      case 'enum': {
        const allowed = (schema.enum ?? []).map((v) => JSON.stringify(v));
        problems.push({
          code: 'invalid-value',
          path,
          anchor: 'value',
          message: sentence(prefix, `${name} must be ${orList(allowed, false)}, got ${describeValue(value)}`),
        });
        break;
      }
      default:
        problems.push({ code: 'invalid-value', path, anchor: 'value', message: sentence(prefix, `${name} ${error.message ?? 'is not valid'}`) });
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
    `… and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'} like these, not listed (the first ${MAX_SCHEMA_DIAGNOSTICS} are shown); correct those and check again`,
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
