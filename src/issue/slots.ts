/**
 * The issue file read line by line, the way an editor wrote it: which values are texts of the
 * format (a paragraph, a title, a byline …) and where each one starts and ends on its lines —
 * independently of what YAML makes of them. When a pasted paragraph holds `: ` or starts with
 * `**`, YAML reads something else (a mapping, an alias) and its own report speaks of that; this
 * reading still knows the line was meant as a paragraph, so the trap can be named and repaired
 * (traps.ts). Only the block style editors write is followed: `key: value` lines and `- ` items
 * by indentation; flow collections and multi-line quoted values are stepped over whole.
 */
import { nearestKey } from './suggest.js';
import { say, type MessageId, type Params } from '../messages/catalogue.js';

/** What a text of the format is, in the words messages use. */
export type FieldName =
  | 'masthead name' | 'edition' | 'publisher' | 'section name' | 'title' | 'title line' | 'table-of-contents entry'
  | 'paragraph' | 'sub-heading' | 'brief' | 'byline' | 'label' | 'recipient line' | 'editor' | 'phone' | 'note line';

/** The message id of each field's words. */
const FIELD_WORDS: Readonly<Record<FieldName, MessageId>> = {
  'masthead name': 'field.masthead', 'edition': 'field.edition', 'publisher': 'field.publisher', 'section name': 'field.section',
  'title': 'field.title', 'title line': 'field.title-line', 'table-of-contents entry': 'field.toc', 'paragraph': 'field.paragraph',
  'sub-heading': 'field.heading', 'brief': 'field.brief', 'byline': 'field.byline', 'label': 'field.label',
  'recipient line': 'field.recipient', 'editor': 'field.editor', 'phone': 'field.phone', 'note line': 'field.note',
};

/** Message parameters whose `field` (a FieldName) is put in the words of the language messages are printed in. */
export function inWords(params: Params = {}): Params {
  const field = params.field;
  return typeof field === 'string' && Object.hasOwn(FIELD_WORDS, field) ? { ...params, field: say(FIELD_WORDS[field as FieldName]) } : params;
}

interface TextType {
  t: 'text';
  field: FieldName;
  /** Running text (paragraphs, titles, headings): no trailing comment is expected on its line. */
  prose: boolean;
  /** The position also takes a list of texts (a title of several lines). */
  list?: NodeType;
  /** The position also takes a sub-heading mapping (an item of an article's body). */
  heading?: NodeType;
}
type NodeType =
  | { t: 'map'; fields: Readonly<Record<string, NodeType>> }
  | { t: 'seq'; items: NodeType }
  | TextType
  | { t: 'any' };

/** Texts a block of several paragraphs is split into. */
const PARAGRAPH_FIELDS: ReadonlySet<FieldName> = new Set(['paragraph', 'brief']);

const ANY: NodeType = { t: 'any' };
const text = (field: FieldName, prose = false, extra: Partial<TextType> = {}): TextType => ({ t: 'text', field, prose, ...extra });
const seq = (items: NodeType): NodeType => ({ t: 'seq', items });
const map = (fields: Record<string, NodeType>): NodeType => ({ t: 'map', fields });

const HEADING = map({ heading: text('sub-heading', true), level: ANY });
const ARTICLE = map({
  title: text('title', true, { list: seq(text('title line', true)) }),
  toc: text('table-of-contents entry', true),
  body: seq(text('paragraph', true, { heading: HEADING })),
  byline: text('byline'),
});
const BRIEF = map({ body: seq(text('brief', true)), byline: text('byline') });
const SECTION = map({ name: text('section name'), articles: seq(ARTICLE), briefs: seq(BRIEF) });
const DISTRIBUTION = map({ label: text('label'), to: seq(text('recipient line')) });
const FOOTER = map({
  distribution: seq(DISTRIBUTION),
  editor: text('editor'),
  phone: text('phone'),
  notes: seq(text('note line')),
  copies: ANY,
});
const ROOT = map({
  bulletin: text('masthead name'),
  edition: text('edition'),
  number: ANY,
  total: ANY,
  publisher: text('publisher'),
  date: ANY,
  sections: seq(SECTION),
  footer: FOOTER,
  style: ANY,
});

/** Every key of the format: a `key:` an editor writes in a body item is a key, not text. */
const FORMAT_KEYS: ReadonlySet<string> = new Set(['bulletin', 'edition', 'number', 'total', 'publisher', 'date', 'sections', 'footer', 'style',
  'name', 'articles', 'briefs', 'title', 'toc', 'body', 'byline', 'heading', 'level', 'distribution', 'label', 'to', 'editor', 'phone', 'notes', 'copies']);

/** A one-line or multi-line text value, as written. */
export interface TextSlot {
  field: FieldName;
  prose: boolean;
  /** The position also takes a list of texts (`title: [一行, 二行]`). */
  takesList: boolean;
  /** The position also takes a sub-heading mapping (`- {heading: 一、…}`). */
  takesHeading: boolean;
  /** Offset of the value's first character (after `- ` or `key: `). */
  start: number;
  /** Offset past the last non-blank character of the value's first line (a comment on it included). */
  end: number;
  /** Column of the key or dash holding the value: a line continuing it is indented further. */
  owner: number;
  /** The lines a plain value continues on: [start, end) of the text of each. */
  more: Array<[number, number]>;
}

/** A `|` or `>` block where paragraphs belong. */
export interface BlockSlot {
  field: FieldName;
  /** The key takes a list of paragraphs (`body: |`); otherwise the block is one item of it (`- |`). */
  list: boolean;
  /** Offset of the `|` or `>`. */
  header: number;
  /** Offset past the header line's last non-blank character. */
  headerEnd: number;
  folded: boolean;
  /** Where the entry holding the block starts: the key (`body: |`) or the dash (`- |`). */
  owner: number;
  /** Its column. */
  ownerColumn: number;
  /** The content lines, blank ones included: [start, end) of each, indentation included. */
  lines: Array<[number, number]>;
  /** Offset past the last non-blank content line's text. */
  end: number;
}

export interface IssueShape {
  texts: TextSlot[];
  blocks: BlockSlot[];
  /** Offsets of the lines whose indentation holds a tab. */
  tabLines: number[];
}

interface Line {
  start: number;
  /** Past the line's text (before its line break). */
  end: number;
}

interface Frame {
  indent: number;
  kind: 'map' | 'seq';
  type: NodeType;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= source.length) {
    const nl = source.indexOf('\n', start);
    const stop = nl < 0 ? source.length : nl;
    const end = stop > start && source[stop - 1] === '\r' ? stop - 1 : stop;
    lines.push({ start, end });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

/** Past the last non-blank character of [from, to). */
function trimEnd(source: string, from: number, to: number): number {
  while (to > from && isBlank(source[to - 1])) to--;
  return to;
}

/** The closing quote of the quoted scalar opening at `at`, or -1 (a `'` escapes as `''`, a `"` as `\"`). */
export function closingQuote(source: string, at: number, limit = source.length): number {
  const q = source[at];
  for (let i = at + 1; i < limit; i++) {
    const c = source[i];
    if (q === '"' && c === '\\') { i++; continue; }
    if (c !== q) continue;
    if (q === "'" && source[i + 1] === "'") { i++; continue; }
    return i;
  }
  return -1;
}

/** The bracket closing the flow collection opening at `at`, or -1. */
export function closingBracket(source: string, at: number, limit = source.length): number {
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const c = source[i];
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') { depth--; if (depth === 0) return i; }
    else if ((c === '"' || c === "'") && (i === at + 1 || /[\s,[{]/.test(source[i - 1]))) {
      const close = closingQuote(source, i, limit);
      if (close < 0) return -1;
      i = close;
    } else if (c === '#' && isBlank(source[i - 1])) {
      // A comment runs to the end of its line.
      const nl = source.indexOf('\n', i);
      if (nl < 0 || nl >= limit) return -1;
      i = nl;
    }
  }
  return -1;
}

/** A block scalar header: `|` or `>`, optional indentation and chomping indicators, optional comment. */
export const BLOCK_HEADER = /^[|>](?:[1-9][+-]?|[+-][1-9]?)?(?:[ \t]+#.*)?[ \t]*$/;

/** `key:` at `at` (the colon followed by a blank or the end of the line): the key and where its value starts. */
function keyAt(source: string, at: number, end: number): { name: string; value: number } | undefined {
  const c = source[at];
  if (c === '"' || c === "'") {
    const close = closingQuote(source, at, end);
    if (close < 0) return undefined;
    let k = close + 1;
    while (k < end && isBlank(source[k])) k++;
    if (source[k] !== ':' || !(k + 1 >= end || isBlank(source[k + 1]))) return undefined;
    return { name: source.slice(at + 1, close), value: skipBlanks(source, k + 1, end) };
  }
  if (c === '[' || c === '{' || c === '#' || c === undefined) return undefined;
  for (let k = at; k < end; k++) {
    if (source[k] === '#' && k > at && isBlank(source[k - 1])) return undefined;
    if (source[k] === ':' && (k + 1 >= end || isBlank(source[k + 1]))) {
      const name = source.slice(at, trimEnd(source, at, k));
      return name ? { name, value: skipBlanks(source, k + 1, end) } : undefined;
    }
  }
  return undefined;
}

function skipBlanks(source: string, at: number, end: number): number {
  while (at < end && isBlank(source[at])) at++;
  return at;
}

/** `{heading: …}` (or a misspelling of one of the format's keys) written in braces. */
export function flowHeading(text: string): boolean {
  const m = /^\{\s*([^\s:,{}]+)\s*:/.exec(text);
  return m !== null && isHeadingKey(m[1]);
}

/** A `key:` written where a sub-heading may stand is the sub-heading's, or a misspelling of one of the format's keys. */
export function isHeadingKey(name: string): boolean {
  if (FORMAT_KEYS.has(name)) return true;
  if (!/^[A-Za-z_][\w-]*$/.test(name)) return false;
  return nearestKey(name, [...FORMAT_KEYS]) !== undefined;
}

class Reader {
  readonly texts: TextSlot[] = [];
  readonly blocks: BlockSlot[] = [];
  readonly tabLines: number[] = [];
  /** Blocks followed only to step over their lines. */
  readonly unlisted = new Set<BlockSlot>();
  private frames: Frame[] = [];
  /** The value a `key:` or `- ` left open, to be given by the more indented lines below. */
  private pending: { indent: number; type: NodeType; fromKey: boolean } | undefined = { indent: -1, type: ROOT, fromKey: true };
  /** A plain text that may go on over the next, more indented lines. */
  private plain: { slot: TextSlot; owner: number } | undefined;
  /** Lines that belong to a value already read (a block, a multi-line quote or flow collection). */
  private skipUntil = -1;
  private block: { slot: BlockSlot; ownerColumn: number } | undefined;

  constructor(private readonly source: string) {}

  read(): void {
    for (const line of splitLines(this.source)) this.line(line);
    this.closeBlock();
  }

  private line(line: Line): void {
    const { source } = this;
    let ind = line.start;
    while (ind < line.end && source[ind] === ' ') ind++;
    const blank = ind >= line.end || trimEnd(source, ind, line.end) === ind;
    if (this.block) {
      if (blank || ind - line.start > this.block.ownerColumn) {
        this.block.slot.lines.push([line.start, line.end]);
        if (!blank) this.block.slot.end = trimEnd(source, line.start, line.end);
        return;
      }
      this.closeBlock();
    }
    if (line.start < this.skipUntil) return;
    if (blank) return;
    if (source[ind] === '\t') {
      // A tab in the indentation: YAML refuses the line; its place in the structure is a guess.
      this.tabLines.push(line.start);
      this.plain = undefined;
      return;
    }
    const column = ind - line.start;
    if (source[ind] === '#') { this.plain = undefined; return; }
    if (this.plain && column > this.plain.owner) {
      this.plain.slot.more.push([ind, trimEnd(source, ind, line.end)]);
      return;
    }
    this.plain = undefined;
    if (source.startsWith('---', ind) || source.startsWith('...', ind)) { this.pending = undefined; return; }

    const dash = source[ind] === '-' && (ind + 1 >= line.end || isBlank(source[ind + 1]));
    while (this.frames.length && this.frames[this.frames.length - 1].indent > column) this.frames.pop();
    // A list written level with its key (`- …` right under the b of `body:`) ends at the next key.
    const top = this.frames[this.frames.length - 1];
    if (top && top.indent === column && top.kind === 'seq' && !dash) this.frames.pop();
    let container = this.frames[this.frames.length - 1];
    const pending = this.pending;
    this.pending = undefined;
    if (pending && (column > pending.indent || (column === pending.indent && dash && pending.fromKey && pending.type.t === 'seq'))) {
      container = { indent: column, kind: dash ? 'seq' : 'map', type: pending.type };
      this.frames.push(container);
    } else if (!container || container.indent !== column) {
      container = { indent: column, kind: dash ? 'seq' : 'map', type: ANY };
      this.frames.push(container);
    }
    this.entry(line, ind, container);
  }

  private closeBlock(): void {
    if (!this.block) return;
    const slot = this.block.slot;
    // Trailing blank lines are not part of the text.
    const blankLine = ([from, to]: [number, number]): boolean => trimEnd(this.source, from, to) === from;
    while (slot.lines.length && blankLine(slot.lines[slot.lines.length - 1])) slot.lines.pop();
    if (slot.lines.length) this.blocks.push(slot);
    this.block = undefined;
  }

  /** The entry of `container` starting at offset `at` of `line`. */
  private entry(line: Line, at: number, container: Frame): void {
    const { source } = this;
    const column = at - line.start;
    if (source[at] === '-' && (at + 1 >= line.end || isBlank(source[at + 1]))) {
      const item = container.type.t === 'seq' ? container.type.items : ANY;
      const value = skipBlanks(source, at + 1, line.end);
      if (value >= trimEnd(source, at, line.end) || (source[value] === '#' && item.t !== 'text')) {
        this.pending = { indent: column, type: item, fromKey: false };
        return;
      }
      if (item.t === 'text') {
        const key = keyAt(source, value, line.end);
        if (item.heading && ((key && isHeadingKey(key.name)) || (source[value] === '{' && flowHeading(source.slice(value, line.end))))) {
          if (source[value] === '{') { this.flow(value, line); return; }
          const frame: Frame = { indent: value - line.start, kind: 'map', type: item.heading };
          this.frames.push(frame);
          this.entry(line, value, frame);
          return;
        }
        this.value(item, value, line, column, at);
        return;
      }
      const nested = source[value] === '-' && (value + 1 >= line.end || isBlank(source[value + 1]));
      const frame: Frame = { indent: value - line.start, kind: nested ? 'seq' : 'map', type: item };
      if (source[value] === '[' || source[value] === '{') { this.flow(value, line); return; }
      if (source[value] === '"' || source[value] === "'") { this.quoted(value, line); return; }
      this.frames.push(frame);
      this.entry(line, value, frame);
      return;
    }
    const key = keyAt(source, at, line.end);
    if (!key) {
      if (source[at] === '[' || source[at] === '{') this.flow(at, line);
      else if (source[at] === '"' || source[at] === "'") this.quoted(at, line);
      return;
    }
    const type = container.type.t === 'map' ? container.type.fields[key.name] ?? ANY : ANY;
    const end = trimEnd(source, key.value, line.end);
    if (key.value >= end || (source[key.value] === '#' && !(type.t === 'text' && type.prose))) {
      this.pending = { indent: column, type, fromKey: true };
      return;
    }
    if (type.t === 'text') { this.value(type, key.value, line, column, at); return; }
    if (type.t === 'seq' && type.items.t === 'text' && PARAGRAPH_FIELDS.has(type.items.field) && (source[key.value] === '|' || source[key.value] === '>')) {
      if (BLOCK_HEADER.test(source.slice(key.value, line.end))) { this.openBlock(type.items.field, true, key.value, line, at, column); return; }
    }
    const c = source[key.value];
    if (c === '[' || c === '{') this.flow(key.value, line);
    else if (c === '"' || c === "'") this.quoted(key.value, line);
    else if (c === '|' || c === '>') this.openBlock(undefined, true, key.value, line, at, column);
  }

  /** A text value starting at `at`; `owner` is the column of the key or dash holding it. */
  private value(type: TextType, at: number, line: Line, owner: number, ownerAt: number): void {
    const { source } = this;
    const c = source[at];
    const slot: TextSlot = {
      field: type.field,
      prose: type.prose,
      takesList: type.list !== undefined,
      takesHeading: type.heading !== undefined,
      start: at,
      end: trimEnd(source, at, line.end),
      owner,
      more: [],
    };
    this.texts.push(slot);
    if (c === '"' || c === "'") { this.quoted(at, line); return; }
    if (c === '[' || c === '{') { this.flow(at, line); return; }
    if ((c === '|' || c === '>') && BLOCK_HEADER.test(source.slice(at, line.end))) {
      this.texts.pop();
      this.openBlock(PARAGRAPH_FIELDS.has(type.field) ? type.field : undefined, false, at, line, ownerAt, owner);
      return;
    }
    this.plain = { slot, owner };
  }

  private openBlock(field: FieldName | undefined, list: boolean, header: number, line: Line, ownerAt: number, ownerColumn: number): void {
    const slot: BlockSlot = {
      field: field ?? 'paragraph',
      list,
      header,
      headerEnd: trimEnd(this.source, header, line.end),
      folded: this.source[header] === '>',
      owner: ownerAt,
      ownerColumn,
      lines: [],
      end: line.end,
    };
    // Blocks that are not where paragraphs belong are followed only to step over their lines.
    if (!field) this.unlisted.add(slot);
    this.block = { slot, ownerColumn };
  }

  /** A quoted value: a closing quote on a later line makes the lines up to it part of it. */
  private quoted(at: number, line: Line): void {
    const close = closingQuote(this.source, at);
    if (close > line.end) this.skipUntil = close;
  }

  /** A flow collection: lines up to its closing bracket are part of it. */
  private flow(at: number, line: Line): void {
    const close = closingBracket(this.source, at);
    if (close > line.end) this.skipUntil = close;
  }
}

export function readShape(source: string): IssueShape {
  const reader = new Reader(source);
  reader.read();
  return { texts: reader.texts, blocks: reader.blocks.filter((b) => !reader.unlisted.has(b)), tabLines: reader.tabLines };
}
