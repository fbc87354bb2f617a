/**
 * Paste debris: characters that come along when text is copied out of Word, WPS, a web page or
 * WeChat and that nobody typed — Word's soft line break (U+2028), zero-width and direction marks,
 * no-break spaces, soft hyphens, the private-use codes of Word's Symbol-font bullets, full-width
 * spaces typed as a paragraph indent. Each has a name an editor knows and, where it is certain,
 * the repair: remove it, or put an ordinary space in its place.
 */
import { isIdeograph } from '../text/classes.js';

export type DebrisKind =
  | 'line-separator' | 'paragraph-separator' | 'zero-width' | 'direction' | 'byte-order' | 'no-break-space'
  | 'soft-hyphen' | 'symbol-bullet' | 'symbol-char' | 'ideographic-indent' | 'object' | 'replacement' | 'html-entity';

/**
 * What `--fix` does with a spot: remove it, put a space there, write the character it stands
 * for (an HTML entity), or nothing (it cannot know what was meant).
 */
export type DebrisRepair = 'remove' | 'space' | 'character' | undefined;

export interface DebrisSpot {
  /** [start, end) in the text, UTF-16 units. */
  start: number;
  end: number;
  kind: DebrisKind;
  /** Code point of its first character. */
  cp: number;
  repair: DebrisRepair;
  /** For an HTML entity: the character it stands for. */
  character?: string;
}

/** The HTML entities web pages are copied with, and the characters they stand for. */
const ENTITIES: Readonly<Record<string, string>> = {
  nbsp: '\u00a0', ensp: '\u00a0', emsp: '\u00a0', thinsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', hellip: '…', middot: '·', times: '×', divide: '÷', deg: '°', yen: '¥',
};

const ENTITY = /&(?:#(\d{2,7})|#[xX]([0-9a-fA-F]{2,6})|([a-zA-Z]{2,8}));/y;

/** The HTML entity at `i`: its length and character, when it is one web pages use. */
function entityAt(text: string, i: number): { length: number; character: string } | undefined {
  ENTITY.lastIndex = i;
  const m = ENTITY.exec(text);
  if (!m) return undefined;
  const cp = m[1] ? Number(m[1]) : m[2] ? parseInt(m[2], 16) : undefined;
  const character = cp !== undefined ? (cp > 0x1f && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined) : ENTITIES[m[3].toLowerCase()];
  return character === undefined ? undefined : { length: m[0].length, character };
}

/** Word's Symbol and Wingdings fonts put their characters here (U+F020–U+F0FF). */
const isSymbolFont = (cp: number): boolean => cp >= 0xf000 && cp <= 0xf0ff;

/** The kind of a character that is debris wherever it stands (U+3000 is debris only as an indent). */
export function debrisKindOf(cp: number): Exclude<DebrisKind, 'ideographic-indent' | 'symbol-bullet'> | undefined {
  switch (cp) {
    case 0x2028: return 'line-separator';
    case 0x2029: return 'paragraph-separator';
    case 0x200b: case 0x200c: case 0x200d: case 0x2060: case 0x180e: return 'zero-width';
    case 0x200e: case 0x200f: case 0x061c: return 'direction';
    case 0xfeff: return 'byte-order';
    case 0x00a0: case 0x202f: case 0x2007: return 'no-break-space';
    case 0x00ad: return 'soft-hyphen';
    case 0xfffc: return 'object';
    case 0xfffd: return 'replacement';
    default:
      if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'direction';
      return isSymbolFont(cp) ? 'symbol-char' : undefined;
  }
}

/** A character the debris rule reports wherever it stands: no other check need report it. */
export function isPasteDebris(cp: number): boolean {
  return debrisKindOf(cp) !== undefined;
}

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const isBlank = (cp: number): boolean => cp === 0x20 || cp === 0x09;
const isWordChar = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f);
const isChinese = (cp: number): boolean => isIdeograph(cp) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);

function cpBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.codePointAt(i - 2) ?? c : c;
}

/**
 * The repair of a break or space pasted between `before` and `after`: between two words of
 * Latin letters or digits a space keeps them apart; next to Chinese, a blank or an edge of the
 * text it is removed (the typesetter spaces Chinese and Latin itself).
 */
function gapRepair(before: number, after: number): DebrisRepair {
  return isWordChar(before) && isWordChar(after) ? 'space' : 'remove';
}

/** Every debris spot of `text`; a run of the same kind is one spot. */
export function findDebris(text: string): DebrisSpot[] {
  const out: DebrisSpot[] = [];
  // A full-width space indent (and a Symbol-font bullet) can only be at the start.
  let i = 0;
  if (text.charCodeAt(0) === 0x3000) {
    while (i < text.length && (text.charCodeAt(i) === 0x3000 || isBlank(text.charCodeAt(i)))) i++;
    out.push({ start: 0, end: i, kind: 'ideographic-indent', cp: 0x3000, repair: 'remove' });
  }
  if (isSymbolFont(text.charCodeAt(i))) {
    let end = i + 1;
    while (end < text.length && (isBlank(text.charCodeAt(end)) || text.charCodeAt(end) === 0x3000)) end++;
    out.push({ start: i, end, kind: 'symbol-bullet', cp: text.charCodeAt(i), repair: 'remove' });
    i = end;
  }
  for (; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const entity = cp === 0x26 ? entityAt(text, i) : undefined;
    if (entity) {
      const end = i + entity.length;
      // &nbsp; is a space where one is wanted (between two Latin words), else nothing, as U+00A0 is.
      const space = debrisKindOf(entity.character.codePointAt(0)!) === 'no-break-space';
      const before = cpBefore(text, i);
      const after = text.codePointAt(end) ?? 0;
      const repair: DebrisRepair = space ? (isWordChar(before) && isWordChar(after) ? 'space' : 'remove') : 'character';
      out.push({ start: i, end, kind: 'html-entity', cp, repair, character: space ? undefined : entity.character });
      i = end;
      continue;
    }
    const kind = debrisKindOf(cp);
    if (kind === undefined) { i += cp > 0xffff ? 2 : 1; continue; }
    // A zero-width joiner between two pictographs joins an emoji sequence: not debris.
    if (cp === 0x200d && PICTOGRAPH.test(String.fromCodePoint(cpBefore(text, i))) && PICTOGRAPH.test(String.fromCodePoint(text.codePointAt(i + 1) ?? 0x20))) { i++; continue; }
    let end = i + 1;
    while (end < text.length && debrisKindOf(text.charCodeAt(end)) === kind) end++;
    let repair: DebrisRepair;
    switch (kind) {
      case 'line-separator': case 'paragraph-separator': case 'no-break-space': {
        const before = cpBefore(text, i);
        const after = text.codePointAt(end) ?? 0;
        repair = before === 0 || after === 0 || isBlank(before) || isBlank(after) || isChinese(before) || isChinese(after) ? 'remove' : gapRepair(before, after);
        break;
      }
      case 'symbol-char': case 'replacement':
        repair = undefined;
        break;
      default:
        repair = 'remove';
    }
    out.push({ start: i, end, kind, cp, repair });
    i = end;
  }
  return out;
}
