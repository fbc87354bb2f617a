/**
 * Reading an issue file: bytes → text → YAML document (with source ranges) → schema check →
 * Issue. Every problem becomes a located diagnostic; only a file that cannot be read at all
 * is an exception (IssueReadError), which the CLI reports as a system error.
 */
import { LineCounter, isMap, isSeq, isScalar, parseDocument } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import { ReadFileError, readBounded } from '../io/read-file.js';
import type { LoadedIssue, SourceOrigin } from './loaded.js';
import type { Issue } from './types.js';
import { validateIssueData } from './validate.js';
import { aliasDiagnostics, scanCharacters, yamlDiagnostics } from './yaml-problems.js';
import { expandedTextDiagnostics } from './expansion.js';
import { diagnosticAt, type SourceContext } from './source-context.js';

/** The file could not be read (missing, a directory, a pipe, no permission): not a content problem. */
export class IssueReadError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`cannot read ${file}: ${reason}`);
    this.name = 'IssueReadError';
  }
}

/** yaml's alias bound is a second line of defence behind aliasDiagnostics, which locates the problem. */
const MAX_ALIAS_COUNT = 10_000;

/**
 * The largest issue file read. A bulletin is about 30 KB; a file of megabytes is the wrong file
 * (a PDF, an export, a pasted log), and parsing and linting it would take minutes and gigabytes.
 * A larger file is a content error (exit 1) located at its first character, reported before
 * any of it is decoded or parsed. Aliases may not make the text larger than this either.
 */
export const MAX_ISSUE_BYTES = 5 * 1024 * 1024;

/**
 * Read and load an issue file. Only a regular file is read (a named pipe or a device such as
 * /dev/zero is refused before a byte is read), and never more than MAX_ISSUE_BYTES + 1 bytes.
 */
export function loadIssueFile(file: string): LoadedIssue {
  let read;
  try {
    read = readBounded(file, { limit: MAX_ISSUE_BYTES, what: 'an issue file' });
  } catch (error) {
    if (error instanceof ReadFileError) throw new IssueReadError(file, error.reason);
    throw error;
  }
  if (read.truncated) return tooLarge(file, read.size);
  const loaded = loadIssueBytes(read.bytes, file);
  if (loaded.origin) loaded.origin.identity = read.identity;
  return loaded;
}

/** Load an issue from the bytes of a file (or of a stream), decoded as UTF-8. */
export function loadIssueBytes(bytes: Buffer, file: string): LoadedIssue {
  const { text, problem, origin } = decode(bytes);
  const loaded = loadIssueSource(text, file);
  loaded.origin = origin;
  if (problem) {
    const diagnostic = diagnosticAt(contextOf(loaded), problem.code, problem.message, problem.offset, problem.offset + 1);
    // Text that could not be decoded at all has nothing else worth reporting.
    loaded.diagnostics = problem.fatal ? [diagnostic] : [diagnostic, ...loaded.diagnostics];
    delete loaded.issue;
  }
  return loaded;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tooLarge(file: string, size: number): LoadedIssue {
  // A stream has no size: all that is known is that it passed the limit.
  const loaded = loadIssueSource('', file);
  loaded.diagnostics = [
    diagnosticAt(
      contextOf(loaded),
      'file-too-large',
      `the file is ${size > MAX_ISSUE_BYTES ? megabytes(size) : `more than ${megabytes(MAX_ISSUE_BYTES)}`}, too large for an issue file (at most ${megabytes(MAX_ISSUE_BYTES)}; a bulletin is about 30 KB) — is it the right file?`,
      0,
    ),
  ];
  delete loaded.issue;
  return loaded;
}

interface DecodeProblem {
  code: string;
  message: string;
  /** Offset in the decoded text. */
  offset: number;
  /** Nothing of the file could be decoded. */
  fatal?: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 text, without a byte-order mark; other encodings are reported, not guessed. `origin`
 * says how the text came from the bytes: only a lossless decoding may be written back.
 */
function decode(bytes: Buffer): { text: string; problem?: DecodeProblem; origin: SourceOrigin } {
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      text: '',
      problem: { code: 'encoding', message: 'the file is UTF-16 text; save it as UTF-8', offset: 0, fatal: true },
      origin: { encoding: 'utf-16', bom: true, lossless: false },
    };
  }
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, origin: { encoding: 'utf-8', bom, lossless: true } };
  } catch {
    const offset = Math.max(0, text.indexOf('\uFFFD'));
    return {
      text,
      problem: {
        code: 'encoding',
        message: 'the file is not valid UTF-8 text here (saved in GBK or another encoding?); save it as UTF-8',
        offset,
      },
      origin: { encoding: 'utf-8', bom, lossless: false },
    };
  }
}

function contextOf(loaded: LoadedIssue): SourceContext {
  return { file: loaded.file, source: loaded.source, lineCounter: loaded.lineCounter };
}

/** Dates typed under YAML 1.1 arrive as Date objects; the format keeps dates as YYYY-MM-DD text. */
function datesToText(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(datesToText);
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = datesToText(v);
  }
  return value;
}

export function loadIssueSource(source: string, file: string): LoadedIssue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const ctx: SourceContext = { file, source, lineCounter };
  const diagnostics: Diagnostic[] = scanCharacters(ctx).concat(yamlDiagnostics(doc, ctx));
  const loaded: LoadedIssue = { file, source, doc, lineCounter, diagnostics };
  if (diagnostics.some((d) => d.severity === 'error')) return loaded;

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null && source.trim() === '')) {
    diagnostics.push(diagnosticAt(ctx, 'empty-file', 'the file is empty; an issue needs at least bulletin, number, publisher, date and sections', 0));
    return loaded;
  }
  if (!isMap(contents)) {
    const found = isSeq(contents) ? 'a list' : isScalar(contents) ? 'a single value' : 'something else';
    const start = contents.range?.[0] ?? 0;
    diagnostics.push(
      diagnosticAt(ctx, 'not-a-mapping', `the issue must be a mapping of keys (bulletin:, number:, sections: …); found ${found}`, start, start + 1, {
        hint: 'start the file with the masthead keys, e.g. `bulletin: 杭州人大信息`, not with `- `',
      }),
    );
    return loaded;
  }

  append(diagnostics, aliasDiagnostics(doc, ctx));
  if (!diagnostics.some((d) => d.severity === 'error')) append(diagnostics, expandedTextDiagnostics(doc, ctx, MAX_ISSUE_BYTES));
  if (diagnostics.some((d) => d.severity === 'error')) return loaded;

  let data: unknown;
  try {
    data = datesToText(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (error) {
    // Anything toJS refuses (alias bounds, unresolved aliases) is about aliases; point at the first.
    const firstAlias = /\*[^\s,\]}]+/.exec(source);
    const at = firstAlias?.index ?? contents.range?.[0] ?? 0;
    diagnostics.push(diagnosticAt(ctx, 'yaml-alias', `the file's aliases cannot be expanded: ${(error as Error).message}`, at, at + (firstAlias?.[0].length ?? 1)));
    return loaded;
  }

  append(diagnostics, validateIssueData(data, { ...ctx, doc }));
  if (!diagnostics.some((d) => d.severity === 'error')) loaded.issue = data as Issue;
  return loaded;
}

/** Append without spreading `more` into arguments (a long list would overflow the stack). */
function append<T>(to: T[], more: readonly T[]): void {
  for (const item of more) to.push(item);
}
