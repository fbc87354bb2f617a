/**
 * YAML traps in text an editor pasted: places where YAML reads something other than the text as
 * typed — a ` #` that starts a comment (the rest of the paragraph is silently dropped), `: ` that
 * makes a mapping, a first character YAML reserves (`**`, `"…"…`, `[`, `>`, `%`, `@`, `&`, `!`,
 * `- ` …), a `|` block holding several paragraphs. Each is reported at the character, in an
 * editor's words, with the repair `--fix` makes when it is certain: the full-width colon ： in
 * Chinese text, the whole value in quotes, one list item per paragraph. A repair is kept only if
 * the repaired file reads back as exactly the intended text (repair.ts).
 */
import { isIdeograph as isHan } from '../text/classes.js';
import type { MessageId, Params } from '../messages/catalogue.js';
import { oneLine } from './describe.js';
import { BLOCK_HEADER, closingBracket, closingQuote, flowHeading, type BlockSlot, type FieldName, type IssueShape, type TextSlot } from './slots.js';
import { yamlText } from './yaml-text.js';

/** One replacement of the source range [from, to). */
export interface SourceEdit {
  from: number;
  to: number;
  text: string;
}

/** A certain repair: edits that apply together, and the texts the repaired file must then hold. */
export interface Repair {
  edits: SourceEdit[];
  /** Each value the repair writes: in edit `edit`, at offset `at` of its text, YAML must read `value`. */
  expect: Array<{ edit: number; at: number; value: string }>;
  /** What it does, for the list of changes `--fix` prints: "': ' → '：'", "quoted the paragraph". */
  change: MessageId;
  changeParams: Params;
  /** The rule id the change is listed under. */
  code: string;
}

export interface Trap {
  code: string;
  message: MessageId;
  params: Params;
  /** The offending characters. */
  at: number;
  end: number;
  /** The whole value: what YAML or the schema report inside it follows from the trap. */
  extent: [number, number];
  /** Shared by the traps of one value. */
  repair?: Repair;
  /** YAML reads the rest of the file into this value (a quotation never closed): nothing after it can be judged. */
  swallows?: boolean;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Chinese text around a colon: Han, CJK punctuation and full-width forms, the closing marks of Chinese text. */
function isChineseChar(cp: number): boolean {
  return isHan(cp) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef) || cp === 0x201d || cp === 0x2019 || cp === 0x201c || cp === 0x2018;
}

function cpBefore(s: string, i: number): number {
  if (i <= 0) return 0;
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? s.codePointAt(i - 2) ?? c : c;
}

/** What the trap words call the characters: `: `, `#` … */
function shown(text: string): string {
  return oneLine(text, 20);
}

/** A repair writing `value` in place of the source range [from, to): plain when it reads back so, else quoted. */
function valueRepair(from: number, to: number, value: string, field: FieldName, code: string): Repair {
  const written = yamlText(value);
  const change: MessageId = written === value ? 'change.colon' : 'change.quoted';
  return { edits: [{ from, to, text: written }], expect: [{ edit: 0, at: 0, value }], change, changeParams: { field }, code };
}

interface Leading {
  message: MessageId;
  /** How many characters are the trap. */
  length: number;
}

/** What a first character (or two) makes YAML do, when it is a trap; undefined when it is text. */
function leadingTrap(raw: string): Leading | undefined {
  const c = raw[0];
  const next = raw[1];
  switch (c) {
    case '*': {
      // `*name` alone is a YAML alias; `**上城区**…` and `*重要*` were typed as text.
      if (/^\*[A-Za-z0-9_.-]+(?:\s+#.*)?$/.test(raw)) return undefined;
      return { message: 'text-start.alias', length: next === '*' ? 2 : 1 };
    }
    case '&': case '!': {
      // A YAML anchor or tag has an ASCII name and a blank after it; anything else was typed as text.
      const name = /^[^\s]*/.exec(raw.slice(1))![0];
      const yamlLike = c === '&' ? /^[A-Za-z0-9_.-]+$/.test(name) : /^!?[A-Za-z0-9_.:/-]+$|^<[^>]+>$/.test(name);
      if (yamlLike && raw.length > name.length + 1) return undefined;
      return { message: c === '&' ? 'text-start.anchor' : 'text-start.tag', length: 1 };
    }
    case '%':
      return { message: 'text-start.directive', length: 1 };
    case '@': case '`': case ']': case '}':
      return { message: 'text-start.reserved', length: 1 };
    case ',':
      return { message: 'text-start.comma', length: 1 };
    case '|': case '>':
      return BLOCK_HEADER.test(raw) ? undefined : { message: 'text-start.block', length: 1 };
    case '-':
      return next === undefined || isBlank(next) ? { message: 'text-start.dash', length: 1 } : undefined;
    case '?': case ':':
      return next === undefined || isBlank(next) ? { message: 'text-start.key', length: 1 } : undefined;
    default:
      return undefined;
  }
}

/** Where YAML ends a plain value's line: the `#` of its first ` #` (a tab counts as a blank), or -1. */
function commentStart(raw: string, from = 1): number {
  for (let k = Math.max(1, from); k < raw.length; k++) if (raw[k] === '#' && isBlank(raw[k - 1])) return k;
  return -1;
}

/** A comment reads as content: a hashtag (`#西湖代表通#`, `#1`), or any comment on running text. */
function commentIsText(raw: string, at: number, prose: boolean): { text: boolean; certain: boolean } {
  const hashtag = at + 1 < raw.length && !isBlank(raw[at + 1]);
  if (hashtag) return { text: true, certain: true };
  if (!prose) return { text: false, certain: false };
  // One blank before it reads as a sentence going on; a column of blanks as a note aligned on purpose.
  return { text: true, certain: at < 2 || !isBlank(raw[at - 2]) };
}

/** `: ` (or a colon ending the line) in plain text, before `limit`. */
function colonsIn(raw: string, limit: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < limit; k++) if (raw[k] === ':' && (k + 1 >= raw.length || isBlank(raw[k + 1]))) out.push(k);
  return out;
}

class TrapFinder {
  readonly traps: Trap[] = [];
  constructor(private readonly source: string) {}

  private add(trap: Omit<Trap, 'params'> & { params?: Params }): void {
    this.traps.push({ params: {}, ...trap });
  }

  text(slot: TextSlot): void {
    const { source } = this;
    const raw = source.slice(slot.start, slot.end);
    const lastEnd = slot.more.length ? slot.more[slot.more.length - 1][1] : slot.end;
    const extent: [number, number] = [slot.start, lastEnd];
    const single = slot.more.length === 0;
    const field = slot.field;
    const c = raw[0];

    if (c === '"' || c === "'") {
      const close = closingQuote(raw, 0);
      if (close < 0) {
        // A quoted value may go on over further lines, each indented more than its key or dash;
        // one in running text never closed, or closed only by a quote on a later item, opened a
        // quotation. (In a short field it is a YAML quote left open: YAML's own report says so.)
        if (slot.prose && !this.quoteRunsOn(slot)) {
          const repair = valueRepair(slot.start, slot.end, raw, field, 'text-start');
          this.add({ code: 'text-start', message: 'text-start.unclosed', params: { field, mark: c }, at: slot.start, end: slot.start + 1, extent: [slot.start, slot.end], repair, swallows: true });
        }
        return;
      }
      const after = raw.slice(close + 1);
      const rest = after.trimStart();
      if (rest === '') return;
      if (rest[0] === '#') {
        const at = close + 1 + (after.length - rest.length);
        if (!commentIsText(raw, at, slot.prose).text) return;
        this.add({ code: 'comment-in-text', message: 'comment-in-text', params: { field, lost: shown(raw.slice(at)) }, at: slot.start + at, end: slot.start + raw.length, extent });
        return;
      }
      const repair = single ? valueRepair(slot.start, slot.end, raw, field, 'text-start') : undefined;
      this.add({
        code: 'text-start',
        message: c === '"' ? 'text-start.double-quote' : 'text-start.single-quote',
        params: { field, kept: shown(raw.slice(1, close)) },
        at: slot.start,
        end: slot.start + 1,
        extent,
        repair,
      });
      return;
    }

    if (c === '[' || c === '{') {
      const close = closingBracket(raw, 0);
      if (close < 0) {
        if (!single || slot.takesList) return;
      } else {
        const rest = raw.slice(close + 1).trim();
        const whole = rest === '' || rest[0] === '#';
        const heading = c === '{' && slot.takesHeading && flowHeading(raw);
        if (whole && ((c === '[' && slot.takesList) || heading)) return;
      }
      const repair = single ? valueRepair(slot.start, slot.end, raw, field, 'text-start') : undefined;
      this.add({ code: 'text-start', message: c === '[' ? 'text-start.list' : 'text-start.mapping', params: { field }, at: slot.start, end: slot.start + 1, extent, repair });
      return;
    }

    if (c === '#') {
      const hashtag = raw.length > 1 && !isBlank(raw[1]);
      if (!hashtag && !slot.prose) return;
      const repair = single && hashtag ? valueRepair(slot.start, slot.end, raw, field, 'comment-in-text') : undefined;
      this.add({ code: 'comment-in-text', message: 'comment-in-text.start', params: { field, lost: shown(raw) }, at: slot.start, end: slot.end, extent, repair });
      return;
    }

    const leading = leadingTrap(raw);
    const comment = commentStart(raw);
    const verdict = comment >= 0 ? commentIsText(raw, comment, slot.prose) : { text: false, certain: false };
    // The typed text: the whole line when its comment is text, else up to the comment.
    const typedEnd = comment >= 0 && !verdict.text ? raw.slice(0, comment).trimEnd().length : raw.length;
    const colons = colonsIn(raw, typedEnd);
    const moreTraps = slot.more.flatMap(([from, to]) => this.continuation(from, to, slot));
    if (!leading && colons.length === 0 && !verdict.text && moreTraps.length === 0) return;

    let repair: Repair | undefined;
    if (single && (verdict.certain || !verdict.text)) {
      const typed = raw.slice(0, typedEnd);
      // Chinese text takes the full-width colon; elsewhere, or when anything else is wrong, quotes.
      let value = '';
      let at = 0;
      let allChinese = true;
      for (const k of colons) {
        let after = k + 1;
        while (after < typed.length && isBlank(typed[after])) after++;
        const chinese = isChineseChar(cpBefore(typed, k)) || (after < typed.length && isChineseChar(typed.codePointAt(after)!));
        if (!chinese) { allChinese = false; break; }
        value += typed.slice(at, k) + '：';
        at = after;
      }
      if (allChinese && !leading && !verdict.text) {
        value += typed.slice(at);
        repair = valueRepair(slot.start, slot.start + typedEnd, value, field, 'colon-in-text');
      } else {
        const code = leading ? 'text-start' : verdict.text ? 'comment-in-text' : 'colon-in-text';
        repair = valueRepair(slot.start, slot.start + typedEnd, typed, field, code);
      }
    }

    if (leading) {
      this.add({ code: 'text-start', message: leading.message, params: { field, mark: raw.slice(0, leading.length) }, at: slot.start, end: slot.start + leading.length, extent, repair });
    }
    for (const k of colons) {
      // A leading `: ` or `? ` is already the leading trap.
      if (leading && k === 0) continue;
      this.add({ code: 'colon-in-text', message: 'colon-in-text', params: { field, before: shown(raw.slice(0, k)) }, at: slot.start + k, end: slot.start + k + 1, extent, repair });
    }
    if (verdict.text) {
      this.add({
        code: 'comment-in-text',
        message: 'comment-in-text',
        params: { field, lost: shown(raw.slice(comment)) },
        at: slot.start + comment,
        end: slot.start + raw.length,
        extent,
        repair: verdict.certain ? repair : undefined,
      });
    }
    for (const t of moreTraps) this.traps.push({ ...t, extent });
  }

  /** The quote opening `slot` is closed on a later line, every line up to it continuing the value. */
  private quoteRunsOn(slot: TextSlot): boolean {
    const { source } = this;
    const close = closingQuote(source, slot.start);
    if (close < 0) return false;
    for (let at = source.indexOf('\n', slot.start); at >= 0 && at < close; at = source.indexOf('\n', at + 1)) {
      let k = at + 1;
      while (source[k] === ' ') k++;
      if (source[k] === '\n' || source[k] === '\r') continue;
      if (k - (at + 1) <= slot.owner) return false;
    }
    return true;
  }

  /** Traps on a further line of a plain text (reported; a text over several lines is not repaired). */
  private continuation(from: number, to: number, slot: TextSlot): Trap[] {
    const raw = this.source.slice(from, to);
    const out: Trap[] = [];
    const comment = raw[0] === '#' ? 0 : commentStart(raw);
    const limit = comment >= 0 ? comment : raw.length;
    for (const k of colonsIn(raw, limit)) {
      out.push({ code: 'colon-in-text', message: 'colon-in-text', params: { field: slot.field, before: shown(raw.slice(0, k)) }, at: from + k, end: from + k + 1, extent: [from, to] });
    }
    if (comment >= 0) {
      out.push({ code: 'comment-in-text', message: 'comment-in-text', params: { field: slot.field, lost: shown(raw.slice(comment)) }, at: from + comment, end: to, extent: [from, to] });
    }
    return out;
  }

  block(slot: BlockSlot): void {
    const paragraphs = blockParagraphs(this.source, slot);
    if (paragraphs.length === 0 || (!slot.list && paragraphs.length < 2)) return;
    const headerText = this.source.slice(slot.header, slot.headerEnd);
    const extent: [number, number] = [slot.owner, slot.end];
    const mark = headerText[0];
    // A comment on the header line would be lost by the rewrite: then say what to do, without doing it.
    const repair = /#/.test(headerText) ? undefined : splitRepair(this.source, slot, paragraphs);
    this.add({
      code: 'block-paragraphs',
      message: slot.list ? 'block-paragraphs.list' : 'block-paragraphs.item',
      params: { field: slot.field, count: paragraphs.length, mark },
      at: slot.header,
      end: slot.header + 1,
      extent,
      repair,
    });
  }
}

/** The paragraphs of a block: groups of lines between blank lines, each group joined into one line. */
export function blockParagraphs(source: string, slot: BlockSlot): string[] {
  const lines = slot.lines.map(([from, to]) => source.slice(from, to));
  const indent = lines.filter((l) => l.trim() !== '').reduce((least, l) => Math.min(least, /^ */.exec(l)![0].length), Infinity);
  const paragraphs: string[] = [];
  let group: string[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    // Lines of one paragraph join without a gap between Chinese characters, with a space elsewhere.
    let joined = group[0];
    for (const next of group.slice(1)) {
      const chinese = isChineseChar(cpBefore(joined, joined.length)) && isChineseChar(next.codePointAt(0) ?? 0);
      joined += (chinese ? '' : ' ') + next;
    }
    paragraphs.push(joined);
    group = [];
  };
  for (const l of lines) {
    const text = l.slice(indent).trim();
    if (text === '') flush();
    else group.push(text);
  }
  flush();
  return paragraphs;
}

/** `body: |` → `body:` and one `- ` item per paragraph; `- |` → one `- ` item per paragraph in its place. */
function splitRepair(source: string, slot: BlockSlot, paragraphs: readonly string[]): Repair {
  const pad = ' '.repeat(slot.list ? slot.ownerColumn + 2 : slot.ownerColumn);
  const items = paragraphs.map((p) => `- ${yamlText(p)}`);
  const expect: Repair['expect'] = [];
  let text: string;
  let from: number;
  if (slot.list) {
    // From the blank after the key's colon to the end of the block.
    from = slot.header;
    while (from > 0 && isBlank(source[from - 1])) from--;
    text = '';
    for (const item of items) {
      text += `\n${pad}`;
      expect.push({ edit: 0, at: text.length + 2, value: paragraphs[expect.length] });
      text += item;
    }
  } else {
    from = slot.owner;
    text = '';
    items.forEach((item, k) => {
      if (k > 0) text += `\n${pad}`;
      expect.push({ edit: 0, at: text.length + 2, value: paragraphs[k] });
      text += item;
    });
  }
  return {
    edits: [{ from, to: slot.end, text }],
    expect,
    change: 'change.split',
    changeParams: { field: slot.field, count: paragraphs.length, mark: source[slot.header] },
    code: 'block-paragraphs',
  };
}

export function findTraps(source: string, shape: IssueShape): Trap[] {
  const finder = new TrapFinder(source);
  for (const slot of shape.texts) finder.text(slot);
  for (const block of shape.blocks) finder.block(block);
  return finder.traps.sort((a, b) => a.at - b.at);
}

export type { FieldName };
