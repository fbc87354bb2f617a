/**
 * `new` as a use case: start the next issue file from the previous one. Number, total and date
 * move on; masthead, footer, style and the 栏目 names are kept with their comments (the YAML
 * document is edited, not re-serialised from data); every section's articles or briefs become
 * one commented example, so the new file passes the schema and shows the editor what to write.
 * Without a previous issue a fully commented template is written. Never overwrites a file.
 * Printing and exit codes are the CLI's job: this returns what happened or throws NewError.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Document, isMap, isScalar, isSeq, parse, Scalar, YAMLMap, YAMLSeq, type Node, type Pair } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import { SCHEMA_DIR } from '../font/vendored.js';
import { readBounded } from '../io/read-file.js';
import { WriteError, exists, writeFileSafely } from '../io/write-file.js';
import { IssueReadError, loadIssueFile, loadIssueSource, MAX_ISSUE_BYTES } from '../issue/load.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { ConfigError, Configs, type ConfigChoice, type ProjectConfig } from './config.js';
import { shownPath } from './theme-file.js';
import { say } from '../messages/catalogue.js';

/** A problem that is not the content's fault (existing output, bad option, missing file): exit 2. */
export class NewError extends Error {
  constructor(message: string, readonly diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'NewError';
  }
}

export interface NewOptions {
  /** The previous issue; default: the newest issue file in `<cwd>/issues`. */
  from?: string;
  /** The new issue's date, YYYY-MM-DD; default today. */
  date?: string;
  /** Where to write; default beside the source, named after the next total (or number). */
  output?: string;
  /** Directory `issues/` is looked for in (default: the working directory). */
  cwd?: string;
  /** Today, for tests. */
  today?: Date;
  /** `--config FILE` or `--no-config` (false); default: the nearest bulletin.config.yaml above the working directory. */
  config?: ConfigChoice;
}

export type NewResult =
  | {
      ok: true;
      output: string;
      /** The source it continues, absent for the template. */
      from?: string;
      number: number;
      total?: number;
      date: string;
      /** The number went back to 1 because the year changed. */
      yearReset?: { from: number; to: number };
      /** 栏目 names kept, in order. */
      sections: string[];
      text: string;
    }
  | { ok: false; from: string; diagnostics: Diagnostic[]; loaded: LoadedIssue };

const SCHEMA_FILE = join(SCHEMA_DIR, 'issue.schema.json');
/** The yaml-language-server line, wherever YAML put the comment (before the document or its first key). */
const SCHEMA_COMMENT = /^(#\s*yaml-language-server:\s*\$schema=)(\S+)(.*)$/m;

/** Marks every piece of example text so an editor (and a search, and check) finds what is left to replace. */
export { PLACEHOLDER } from '../issue/placeholder.js';
import { PLACEHOLDER } from '../issue/placeholder.js';

const ARTICLE_COMMENT = ' 示例文章，请改写；再加一篇就复制这一项（从“- title:”起）。Example article: replace it; copy the item for more.';
const TITLE_COMMENT = ' 标题过长时分行写成列表：title: [第一行, 第二行]；目录文字不同时加 toc: …… A long title may be a list of lines.';
const BODY_COMMENT = ' 每段一项，段内可用 **粗体**；小标题写成 - heading: 一、…… One item per paragraph; sub-headings as {heading: …}.';
const BYLINE_COMMENT = ' 署名不带括号，排版时自动加上。The byline without parentheses.';
const BRIEF_COMMENT = ' 示例短讯，请改写；每则一项，开头的单位名可加粗。Example brief: replace it; one item per brief.';

/** Today as YYYY-MM-DD in local time: an editor's "today", not UTC's. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

interface Header {
  number: number;
  total?: number;
  date: string;
}

/** number, total and date of an issue file, when they are there and well formed. */
function headerOf(data: unknown): Header | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const d = data as Record<string, unknown>;
  const date = d.date instanceof Date ? d.date.toISOString().slice(0, 10) : d.date;
  if (!Number.isInteger(d.number) || typeof date !== 'string' || !isIsoDate(date)) return undefined;
  if (d.total !== undefined && !Number.isInteger(d.total)) return undefined;
  return { number: d.number as number, total: d.total as number | undefined, date };
}

/**
 * The newest issue file in `dir`: the highest total, then the latest date, then the highest
 * number. Files that do not parse or lack a number and date are not candidates.
 */
export function newestIssue(dir: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return undefined;
  }
  let best: { file: string; h: Header } | undefined;
  for (const name of entries.sort()) {
    if (!/\.ya?ml$/i.test(name) || name.startsWith('.')) continue;
    const file = join(dir, name);
    let h: Header | undefined;
    try {
      // Only regular files, never more than an issue file may hold; an alias bomb throws here.
      const read = readBounded(file, { limit: MAX_ISSUE_BYTES, what: say('io.what.issue') });
      if (read.truncated) continue;
      h = headerOf(parse(new TextDecoder().decode(read.bytes), { maxAliasCount: 100 }));
    } catch {
      continue;
    }
    if (!h) continue;
    if (!best || newer(h, best.h)) best = { file, h };
  }
  return best?.file;
}

function newer(a: Header, b: Header): boolean {
  const ta = a.total ?? -1;
  const tb = b.total ?? -1;
  if (ta !== tb) return ta > tb;
  if (a.date !== b.date) return a.date > b.date;
  return a.number > b.number;
}

/**
 * The next file's name: the digit run of the source name that is its total (or number, and
 * year) replaced by the next one, zero padding kept; otherwise the next total, else year-number.
 */
export function nextFileName(name: string, before: Header, after: Header): string {
  const ext = extname(name) || '.yaml';
  const stem = name.slice(0, name.length - extname(name).length);
  const runs = [...stem.matchAll(/\d+/g)].map((m) => ({ at: m.index ?? 0, text: m[0], value: Number(m[0]) }));
  const put = (s: string, run: { at: number; text: string }, value: number) =>
    s.slice(0, run.at) + String(value).padStart(run.text.length, '0') + s.slice(run.at + run.text.length);
  const totalRun = before.total !== undefined ? runs.filter((r) => r.value === before.total).pop() : undefined;
  if (totalRun && after.total !== undefined) return put(stem, totalRun, after.total) + ext;
  const year = Number(before.date.slice(0, 4));
  const yearRun = runs.find((r) => r.text.length === 4 && r.value === year);
  const numberRun = runs.filter((r) => r !== yearRun && r.value === before.number).pop();
  if (numberRun) {
    // Replace from the right so the earlier run's offset stays valid.
    const edits = [{ run: numberRun, value: after.number }];
    if (yearRun) edits.push({ run: yearRun, value: Number(after.date.slice(0, 4)) });
    let out = stem;
    for (const e of edits.sort((a, b) => b.run.at - a.run.at)) out = put(out, e.run, e.value);
    return out + ext;
  }
  if (after.total !== undefined) return `${after.total}${ext}`;
  return `${after.date.slice(0, 4)}-${String(after.number).padStart(2, '0')}${ext}`;
}

function pairOf(map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
}

/** Set a scalar value in place so the comments and style around it stay. */
function setValue(map: YAMLMap, key: string, value: unknown): void {
  const pair = pairOf(map, key);
  if (pair && isScalar(pair.value)) pair.value.value = value;
  else map.set(key, value);
}

function commentKey(map: YAMLMap, key: string, comment: string): void {
  const pair = pairOf(map, key);
  if (pair && isScalar(pair.key)) pair.key.commentBefore = comment;
}

/** One example article, commented; valid under the schema. */
export function exampleArticles(doc: Document): YAMLSeq {
  const article = doc.createNode({
    title: `${PLACEHOLDER}文章标题`,
    body: [`${PLACEHOLDER}第一段正文。`, `${PLACEHOLDER}第二段正文。`],
    byline: `${PLACEHOLDER}署名`,
  }) as YAMLMap;
  // A comment on the first key would print before the item's dash anyway: say both there.
  article.commentBefore = `${ARTICLE_COMMENT}\n${TITLE_COMMENT}`;
  commentKey(article, 'body', BODY_COMMENT);
  commentKey(article, 'byline', BYLINE_COMMENT);
  const seq = new YAMLSeq();
  seq.items.push(article);
  return seq;
}

/** One example brief, commented; valid under the schema. */
export function exampleBriefs(doc: Document): YAMLSeq {
  const brief = doc.createNode({
    body: [`**${PLACEHOLDER}单位名**${PLACEHOLDER}短讯正文。`],
    byline: `${PLACEHOLDER}署名`,
  }) as YAMLMap;
  brief.commentBefore = BRIEF_COMMENT;
  const seq = new YAMLSeq();
  seq.items.push(brief);
  return seq;
}

/**
 * Point a `# yaml-language-server: $schema=…` comment at the schema from the new file's
 * directory. A comment that names a schema file not there (copied from another repository, or
 * left from an older install) is pointed at the schema of the bulletin that runs: an editor's
 * tooltips then work in the new file whatever the previous one said.
 */
function retargetSchemaComment(text: string, fromDir: string, toDir: string): string {
  return text.replace(SCHEMA_COMMENT, (whole, head: string, target: string, tail: string) => {
    if (/^[a-z][a-z0-9+.-]+:/i.test(target)) return whole; // a URL
    const file = isAbsolute(target) ? target : resolve(fromDir, target);
    if (!existsSync(file)) return `${head}${schemaRef(toDir)}${tail}`;
    if (isAbsolute(target)) return whole;
    const moved = relative(toDir, file).split(sep).join('/');
    return `${head}${moved}${tail}`;
  });
}

/**
 * The schema from `toDir`: the one of the bulletin installed in the project (a node_modules/bulletin
 * in that directory or one above it: the path then holds on every colleague's computer), else the
 * running bulletin's — relative when nearby, else absolute (a global install).
 */
export function schemaRef(toDir: string): string {
  const local = projectSchema(toDir);
  const target = local ?? SCHEMA_FILE;
  const rel = relative(toDir, target).split(sep).join('/');
  return !local && rel.startsWith('../../../') ? target.split(sep).join('/') : rel;
}

/** node_modules/bulletin/schema/issue.schema.json in `dir` or the nearest directory above it that has one. */
function projectSchema(dir: string): string | undefined {
  for (let here = resolve(dir); ; here = dirname(here)) {
    const candidate = join(here, 'node_modules', 'bulletin', 'schema', 'issue.schema.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(here) === here) return undefined;
  }
}

const TO_STRING = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** Replace the articles and briefs of every section by examples; returns the 栏目 names. */
function replaceArticles(doc: Document, sections: Node | null | undefined): string[] {
  const names: string[] = [];
  if (!isSeq(sections)) return names;
  // Commented block examples cannot sit in a flow collection: written [{…}], the sections become blocks.
  sections.flow = false;
  for (const section of sections.items) {
    if (!isMap(section)) continue;
    section.flow = false;
    const name = pairOf(section, 'name');
    if (name && isScalar(name.value)) names.push(String(name.value.value));
    const articles = pairOf(section, 'articles');
    const briefs = pairOf(section, 'briefs');
    if (articles) articles.value = exampleArticles(doc);
    if (briefs) briefs.value = exampleBriefs(doc);
    if (!articles && !briefs) section.set('articles', exampleArticles(doc));
  }
  return names;
}

function readSource(file: string): LoadedIssue {
  try {
    return loadIssueFile(file);
  } catch (err) {
    if (err instanceof IssueReadError) throw new NewError(say('io.cannot-read', { file, reason: err.reason }));
    throw err;
  }
}

function checkOutputDir(output: string): void {
  if (output === '') throw new NewError(say('new.o-empty'));
  if (/[\\/]$/.test(output)) throw new NewError(say('new.o-directory', { output, example: join(output, '691.yaml') }));
  const dir = dirname(resolve(output));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new NewError(say('output.no-directory', { dir: dirname(output) }));
}

/**
 * Create `file` with `text`, refusing to replace anything already there. The file appears
 * complete or not at all (io/write-file.ts): a full disk leaves no empty file behind to make
 * every later `new` answer "already exists".
 */
export async function writeNewFile(file: string, text: string): Promise<void> {
  try {
    await writeFileSafely(file, text, { exclusive: true });
  } catch (err) {
    if (!(err instanceof WriteError)) throw err;
    if (err.code === 'EEXIST') throw new NewError(say('new.exists', { file }));
    if (err.code === 'EISDIR') throw new NewError(say('io.cannot-write', { file, reason: say('io.write.EISDIR') }));
    throw new NewError(err.message);
  }
}

/**
 * A date as an editor types it — 2024-3-29, 2024/3/29, 2024.3.29, 2024年3月29日 — written
 * YYYY-MM-DD; undefined when it is not a real calendar date in one of these forms.
 */
export function normalizeDate(text: string): string | undefined {
  const m = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

function resolveDate(options: NewOptions): string {
  if (options.date !== undefined) {
    const date = normalizeDate(options.date);
    if (date === undefined) throw new NewError(say('new.bad-date', { date: options.date }));
    return date;
  }
  return localDate(options.today ?? new Date());
}

export async function newIssue(options: NewOptions = {}): Promise<NewResult> {
  let cwd = options.cwd ?? '.';
  const date = resolveDate(options);
  // The project's config, read as every command reads it (a broken one is said here too); run
  // from a folder of the project without issues/, the issues/ beside the config is meant.
  let config: ProjectConfig | undefined;
  try {
    config = new Configs(options.config).forDir(options.from !== undefined ? dirname(resolve(options.from)) : resolve(cwd));
  } catch (err) {
    if (err instanceof ConfigError) throw new NewError(err.message, err.diagnostics);
    throw err;
  }
  if (options.from === undefined && options.output === undefined && config && !existsSync(join(cwd, 'issues')) && existsSync(join(config.dir, 'issues'))) {
    cwd = shownPath(config.dir) || '.';
  }
  const from = options.from ?? newestIssue(join(cwd, 'issues'));
  if (from === undefined) return newTemplate(options, cwd, date);

  const loaded = readSource(from);
  if (loaded.doc.errors.length > 0 || !isMap(loaded.doc.contents)) return { ok: false, from, diagnostics: loaded.diagnostics, loaded };
  // Aliases that would expand without bound are reported where they are, never expanded.
  if (loaded.diagnostics.some((d) => d.severity === 'error' && d.code === 'yaml-alias')) return { ok: false, from, diagnostics: loaded.diagnostics, loaded };
  const before = headerOf(loaded.doc.toJS({ maxAliasCount: 10_000 }));
  if (!before) {
    if (loaded.diagnostics.some((d) => d.severity === 'error')) return { ok: false, from, diagnostics: loaded.diagnostics, loaded };
    throw new NewError(say('new.no-header', { from }));
  }
  if (date < before.date) {
    const which = options.date !== undefined ? `--date ${date}` : say('new.today', { date });
    throw new NewError(say('new.date-before', { which, from, date: before.date }));
  }

  const newYear = date.slice(0, 4) !== before.date.slice(0, 4);
  const after: Header = {
    number: newYear ? 1 : before.number + 1,
    total: before.total !== undefined ? before.total + 1 : undefined,
    date,
  };
  const output = options.output ?? join(dirname(from), nextFileName(basename(from), before, after));
  checkOutputDir(output);
  if (exists(output)) throw new NewError(say('new.exists', { file: output }));

  const doc = loaded.doc.clone();
  const root = doc.contents as YAMLMap;
  setValue(root, 'number', after.number);
  if (after.total !== undefined) setValue(root, 'total', after.total);
  setValue(root, 'date', after.date);
  const sections = replaceArticles(doc, pairOf(root, 'sections')?.value as Node | undefined);
  const text = retargetSchemaComment(doc.toString(TO_STRING), dirname(resolve(from)), dirname(resolve(output)));

  // Masthead or footer problems carried over from the source: refuse, and show them where they are.
  const check = loadIssueSource(text, output);
  if (check.diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, from, diagnostics: loaded.diagnostics.filter((d) => !/^sections\[\d+\]\.(articles|briefs)\b/.test(d.path ?? '')), loaded };
  }
  await writeNewFile(output, text);
  return {
    ok: true,
    output,
    from,
    number: after.number,
    total: after.total,
    date,
    yearReset: newYear ? { from: Number(before.date.slice(0, 4)), to: Number(date.slice(0, 4)) } : undefined,
    sections,
    text,
  };
}

/** The first issue of a bulletin: every key present and explained. */
export function templateText(date: string, outputDir: string): string {
  const doc = new Document({
    bulletin: `${PLACEHOLDER}刊名`,
    edition: '普刊',
    number: 1,
    total: 1,
    publisher: `${PLACEHOLDER}编印单位`,
    date,
    sections: [
      { name: `${PLACEHOLDER}栏目名`, articles: [] },
      { name: '信息摘登', briefs: [] },
    ],
    footer: {
      distribution: [{ label: '送', to: [`${PLACEHOLDER}报送单位`] }],
      editor: `${PLACEHOLDER}责任编辑`,
      phone: `${PLACEHOLDER}电话`,
    },
  });
  const root = doc.contents as YAMLMap;
  doc.commentBefore = [
    ` yaml-language-server: $schema=${schemaRef(outputDir)}`,
    ' 简报期刊文件：改写“在此填写”的内容，然后运行 bulletin check 和 bulletin build。',
    ' A bulletin issue file: replace the 在此填写 placeholders, then run `bulletin check` and `bulletin build`.',
    ' 以后每期用 bulletin new 从上一期生成。Start each later issue with `bulletin new`.',
  ].join('\n');
  const notes: Record<string, string> = {
    bulletin: ' 刊名，印在报头。The bulletin name, printed in the masthead.',
    edition: ' 刊别，如“普刊”“增刊”；不需要可删去。Edition label (optional).',
    number: ' 本年度期号，每年从 1 起。The number within the year, from 1 each year.',
    total: ' 创刊以来的总期号；不用可删去。The running number since the first issue (optional).',
    publisher: ' 编印单位，印在报头线上方左侧。The compiling office.',
    date: ' 印发日期，写作 YYYY-MM-DD。The issue date, YYYY-MM-DD.',
    sections: ' 栏目，按印刷顺序；每个栏目有文章（articles）或短讯（briefs）。Sections in print order.',
    footer: ' 版记，印在末页下端；不需要的项可删去。还可写 notes: [……] 和 copies: 印数。The imprint; notes and copies are optional.',
  };
  for (const [key, note] of Object.entries(notes)) commentKey(root, key, note);
  replaceArticles(doc, pairOf(root, 'sections')?.value as Node);
  const footer = pairOf(root, 'footer')?.value as YAMLMap;
  commentKey(footer, 'distribution', ' 报送范围：label 是“报”“送”“发”等，to 是单位列表。Distribution: label 报/送/发 and the recipients.');
  // Blank lines between the masthead, the sections and the footer, as an editor would write them.
  (pairOf(root, 'sections')!.key as Scalar).spaceBefore = true;
  (pairOf(root, 'footer')!.key as Scalar).spaceBefore = true;
  return doc.toString(TO_STRING);
}

async function newTemplate(options: NewOptions, cwd: string, date: string): Promise<NewResult> {
  let output = options.output;
  if (output === undefined) {
    const dir = join(cwd, 'issues');
    // A first issue gets the usual home; a directory that is not there is an error only with -o.
    if (!existsSync(dir)) mkdirSync(dir);
    output = join(dir, '1.yaml');
  }
  checkOutputDir(output);
  if (exists(output)) throw new NewError(say('new.exists', { file: output }));
  const text = templateText(date, dirname(resolve(output)));
  await writeNewFile(output, text);
  return { ok: true, output, number: 1, total: 1, date, sections: [`${PLACEHOLDER}栏目名`, '信息摘登'], text };
}
