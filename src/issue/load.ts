/**
 * Reading an issue file: bytes → text → YAML document (with source ranges) → schema check →
 * Issue. Every problem becomes a located diagnostic; only a file that cannot be read at all
 * is an exception (IssueReadError), which the CLI reports as a system error.
 */
import { LineCounter, isMap, isSeq, isScalar, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import { ReadFileError, readBounded } from '../io/read-file.js';
import type { LoadedIssue } from './loaded.js';
import type { Issue } from './types.js';
import { MAX_SCHEMA_DIAGNOSTICS, tooManyProblems, validateIssueData } from './validate.js';
import { aliasDiagnostics, scanCharacters, yamlDiagnostics } from './yaml-problems.js';
import { expandedTextDiagnostics } from './expansion.js';
import { diagnosticAt, type SourceContext } from './source-context.js';
import { decodeIssueBytes } from './encoding.js';
import { provenRepairs } from './repair.js';
import { inWords, readShape } from './slots.js';
import { tabRepair } from './tabs.js';
import { findTraps } from './traps.js';
import { hintOf, say, sayWithHint } from '../messages/catalogue.js';

/** The file could not be read (missing, a directory, a pipe, no permission): not a content problem. */
export class IssueReadError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(say('io.cannot-read', { file, reason }));
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
    read = readBounded(file, { limit: MAX_ISSUE_BYTES, what: say('io.what.issue') });
  } catch (error) {
    if (error instanceof ReadFileError) throw new IssueReadError(file, error.reason);
    throw error;
  }
  if (read.truncated) return tooLarge(file, read.size);
  const loaded = loadIssueBytes(read.bytes, file);
  loaded.identity = read.identity;
  return loaded;
}

/**
 * An issue from its bytes (a file's, or standard input's). A file in another encoding the loader
 * recognises, or with bytes that are not text, gets that one error and no other: what YAML
 * would make of it says nothing more. `loaded.encoding` tells how it was read and whether the
 * reading lost anything; a lossy one must never be written back.
 */
export function loadIssueBytes(bytes: Uint8Array, file: string): LoadedIssue {
  if (bytes.length > MAX_ISSUE_BYTES) return tooLarge(file, bytes.length);
  const decoded = decodeIssueBytes(bytes);
  const loaded = loadIssueSource(decoded.text, file);
  loaded.encoding = decoded.encoding;
  const { name, lossless } = decoded.encoding;
  if (name === 'utf-8' && lossless) return loaded;
  const ctx = contextOf(loaded);
  let diagnostic: Diagnostic;
  if (!lossless) {
    const offset = decoded.damage?.offset ?? 0;
    const { message, hint } = sayWithHint('encoding.damaged', { count: decoded.damage?.count ?? 1 });
    diagnostic = diagnosticAt(ctx, 'encoding', message, offset, offset + 1, { hint });
  } else {
    const { message, hint } = sayWithHint(name === 'gb18030' ? 'encoding.gb18030' : 'encoding.utf-16');
    diagnostic = diagnosticAt(ctx, 'encoding', message, 0, undefined, { hint });
    diagnostic.fixable = true;
  }
  loaded.diagnostics = [diagnostic];
  delete loaded.issue;
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
      say('file-too-large', { size: size > MAX_ISSUE_BYTES ? megabytes(size) : say('file-too-large.more-than', { size: megabytes(MAX_ISSUE_BYTES) }), max: megabytes(MAX_ISSUE_BYTES) }),
      0,
    ),
  ];
  delete loaded.issue;
  return loaded;
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
    // A mapping used as a key is reported as a problem; yaml must not also print a warning of its own.
    logLevel: 'error',
  });
  const ctx: SourceContext = { file, source, lineCounter };

  // Text YAML misreads: reported at the character, and what YAML or the schema then say about
  // the same lines left out — they follow from the trap.
  const shape = readShape(source);
  const traps = findTraps(source, shape);
  const trapLines = new Set<number>();
  for (const t of traps) {
    const [from, to] = t.extent;
    for (let line = lineCounter.linePos(from).line; line <= lineCounter.linePos(to).line; line++) trapLines.add(line);
  }
  const explained = (offset: number): boolean => trapLines.size > 0 && trapLines.has(lineCounter.linePos(offset).line);
  const explainedDiagnostic = (d: Diagnostic): boolean => trapLines.has(d.line);

  let structural: Diagnostic[] = scanCharacters(ctx).concat(yamlDiagnostics(doc, ctx, (line) => trapLines.has(line)));
  const tabs = structural.find((d) => d.code === 'tab-indent');
  const proven = provenRepairs(source, [
    ...new Set(traps.flatMap((t) => (t.repair ? [t.repair] : []))),
    ...(tabs ? [tabRepair(source, tabLineStarts(doc, shape.tabLines, lineCounter), (data, text) => schemaProblems(data, text, file))].filter((r) => r !== undefined) : []),
  ]);
  const repairs = proven?.repairs ?? [];
  const provenSet = new Set(repairs);
  // YAML errors beyond the traps' own lines that the traps' repairs make go away follow from them.
  if (proven?.clean && traps.length > 0 && traps.every((t) => t.repair && provenSet.has(t.repair))) {
    structural = structural.filter((d) => d.code !== 'yaml-syntax' && d.code !== 'yaml-alias');
  }
  if (tabs && repairs.some((r) => r.code === 'tab-indent')) {
    tabs.fixable = true;
    tabs.hint = hintOf('tab-indent', { fix: say('tab-indent.fix') });
  }
  // A converter gone wrong repeats one trap thousands of times: list the first ones only.
  const trapDiagnostics = traps.slice(0, MAX_SCHEMA_DIAGNOSTICS).map((t) => {
    const { message, hint } = sayWithHint(t.message, inWords(t.params));
    const d = diagnosticAt(ctx, t.code, message, t.at, t.end, { hint });
    if (t.repair && provenSet.has(t.repair)) d.fixable = true;
    return d;
  });

  if (traps.length > MAX_SCHEMA_DIAGNOSTICS) {
    const first = traps[MAX_SCHEMA_DIAGNOSTICS];
    trapDiagnostics.push(tooManyProblems(ctx, traps.length - MAX_SCHEMA_DIAGNOSTICS, first.at, first.end));
  }
  const diagnostics: Diagnostic[] = structural.concat(trapDiagnostics);
  const loaded: LoadedIssue = { file, source, doc, lineCounter, diagnostics, repairs };
  if (structural.some((d) => d.severity === 'error') || traps.some((t) => t.swallows)) return loaded;

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null && source.trim() === '')) {
    diagnostics.push(diagnosticAt(ctx, 'empty-file', say('empty-file'), 0));
    return loaded;
  }
  if (!isMap(contents)) {
    const found = say(isSeq(contents) ? 'value.list' : isScalar(contents) ? 'value.single' : 'expect.other');
    const start = contents.range?.[0] ?? 0;
    diagnostics.push(
      diagnosticAt(ctx, 'not-a-mapping', say('not-a-mapping', { found }), start, start + 1, {
        hint: hintOf('not-a-mapping'),
      }),
    );
    return loaded;
  }

  const aliases = aliasDiagnostics(doc, ctx).filter((d) => !explainedDiagnostic(d));
  append(diagnostics, aliases);
  if (!diagnostics.some((d) => d.severity === 'error')) append(diagnostics, expandedTextDiagnostics(doc, ctx, MAX_ISSUE_BYTES));
  if (diagnostics.some((d) => d.severity === 'error')) return loaded;

  let data: unknown;
  try {
    data = datesToText(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (error) {
    // Anything toJS refuses (alias bounds, unresolved aliases) is about aliases; point at the first.
    const firstAlias = /\*[^\s,\]}]+/.exec(source);
    const at = firstAlias?.index ?? contents.range?.[0] ?? 0;
    if (explained(at)) return loaded;
    const { message, hint } = sayWithHint('yaml.alias-expand');
    diagnostics.push(diagnosticAt(ctx, 'yaml-alias', message, at, at + (firstAlias?.[0].length ?? 1), { hint }));
    return loaded;
  }

  append(diagnostics, validateIssueData(data, { ...ctx, doc }).filter((d) => !explainedDiagnostic(d)));
  if (!diagnostics.some((d) => d.severity === 'error')) loaded.issue = data as Issue;
  return loaded;
}

/** Append without spreading `more` into arguments (a long list would overflow the stack). */
function append<T>(to: T[], more: readonly T[]): void {
  for (const item of more) to.push(item);
}

/** The starts of the lines a tab indents: those YAML refuses and those the shape reading met. */
function tabLineStarts(doc: Document, shapeLines: readonly number[], lineCounter: LineCounter): number[] {
  const starts = new Set(shapeLines);
  for (const e of doc.errors) if (e.code === 'TAB_AS_INDENT') starts.add(lineCounter.lineStarts[lineCounter.linePos(e.pos[0]).line - 1]);
  return [...starts].sort((a, b) => a - b);
}

/** How many schema problems an issue's data has (for choosing among readings of a tab-indented file). */
function schemaProblems(data: unknown, text: string, file: string): number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  return validateIssueData(datesToText(data), { file, source: text, lineCounter, doc }).length;
}
