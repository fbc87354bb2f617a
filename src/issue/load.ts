/**
 * Reading an issue file: bytes → text → YAML document (with source ranges) → schema check →
 * Issue. Every problem becomes a located diagnostic; only a file that cannot be read at all
 * is an exception (IssueReadError), which the CLI reports as a system error.
 */
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, isMap, isSeq, isScalar, parseDocument } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { LoadedIssue } from './loaded.js';
import type { Issue } from './types.js';
import { validateIssueData } from './validate.js';
import { aliasDiagnostics, scanCharacters, yamlDiagnostics } from './yaml-problems.js';
import { diagnosticAt, type SourceContext } from './source-context.js';

/** The file could not be read (missing, a directory, no permission): not a content problem. */
export class IssueReadError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`cannot read ${file}: ${reason}`);
    this.name = 'IssueReadError';
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** yaml's alias bound is a second line of defence behind aliasDiagnostics, which locates the problem. */
const MAX_ALIAS_COUNT = 10_000;

/**
 * The largest issue file read. A bulletin is about 30 KB; a file of megabytes is the wrong file
 * (a PDF, an export, a pasted log), and parsing and linting it would take minutes and gigabytes.
 * A larger file is a content error (exit 1) located at its first character, reported before
 * any of it is decoded or parsed.
 */
export const MAX_ISSUE_BYTES = 5 * 1024 * 1024;

export function loadIssueFile(file: string): LoadedIssue {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isFile() && stat.size > MAX_ISSUE_BYTES) return tooLarge(file, stat.size);
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new IssueReadError(file, REASONS[code] ?? ((error as Error).message || 'unknown error'));
  }
  const { text, problem } = decode(bytes);
  const loaded = loadIssueSource(text, file);
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
  const loaded = loadIssueSource('', file);
  loaded.diagnostics = [
    diagnosticAt(
      contextOf(loaded),
      'file-too-large',
      `the file is ${megabytes(size)}, too large for an issue file (at most ${megabytes(MAX_ISSUE_BYTES)}; a bulletin is about 30 KB) — is it the right file?`,
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

/** UTF-8 text, without a byte-order mark; other encodings are reported, not guessed. */
function decode(bytes: Buffer): { text: string; problem?: DecodeProblem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      text: '',
      problem: { code: 'encoding', message: 'the file is UTF-16 text; save it as UTF-8', offset: 0, fatal: true },
    };
  }
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text };
  } catch {
    const offset = Math.max(0, text.indexOf('\uFFFD'));
    return {
      text,
      problem: {
        code: 'encoding',
        message: 'the file is not valid UTF-8 text here (saved in GBK or another encoding?); save it as UTF-8',
        offset,
      },
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
  const diagnostics: Diagnostic[] = [...scanCharacters(ctx), ...yamlDiagnostics(doc, ctx)];
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

  diagnostics.push(...aliasDiagnostics(doc, ctx));
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

  diagnostics.push(...validateIssueData(data, { ...ctx, doc }));
  if (!diagnostics.some((d) => d.severity === 'error')) loaded.issue = data as Issue;
  return loaded;
}
