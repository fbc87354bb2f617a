/**
 * Paragraph text → the units the composer places (one Han character, one mark, one 2-em long
 * mark, one unbreakable piece of Latin text) and, between every two units, a joint that says
 * whether a line may break there, how badly, and what blank (CJK–Latin gap, word space) sits
 * there. Font-independent: widths come later. Break rules: Chinese pairs follow kinsoku
 * (typography.md §1.2–1.3); inside Latin text the UAX #14 breaks of the `linebreak` package are
 * used, and a token (no spaces) only breaks — after / . - — when nothing else fits.
 */
import { createRequire } from 'node:module';
import { Cls, QUOTE_CLOSE, QUOTE_OPEN, classify, isDigit, isFullWidthMark, isLatinAlnum } from './classes.js';
import { type Alloc, fresh } from './alloc.js';
import { type KinsokuLevel, noLineEnd, noLineStart } from './kinsoku.js';

/** How acceptable a break at a joint is. Higher is better. */
export const Brk = {
  /** Never: inside a unit. */
  Never: 0,
  /** Only to avoid an overfull line: breaks a kinsoku rule or a number/word. */
  Force: 1,
  /** Inside a URL or long token, after / . - (only when nothing else fits). */
  Emergency: 2,
  /** Allowed but avoided (before 破折号/省略号 in GB mode: many readers count it a violation). */
  Discouraged: 3,
  Normal: 4,
} as const;

/** What blank sits at a joint (it disappears when the line breaks there). */
export const Gap = {
  None: 0,
  /** Han next to a Latin letter or digit: ¼ em (typography.md §1.7). */
  CjkLatin: 1,
  /** A typed space between Latin words: the font's space. */
  Word: 2,
  /**
   * A space typed between two Han characters: one full-width cell (1 em, or the grid pitch).
   * Chinese text has no word spaces, so a space there is deliberate: a pause between the
   * phrases of a title (临安区：强化司法监督 维护司法公正), between a unit and the names of a
   * byline, or the padding of a two-character name to three characters' width (蔡 静) — and
   * in all of these Chinese typesetting (and Word, where the author typed it) gives it a
   * full em; the font's narrow space (¼ em) would read as a slip. In body text such a space is
   * usually a typo that `bulletin check` reports (space-in-cjk); if it stays, it keeps the grid.
   */
  Ideo: 3,
  /**
   * A space typed between a Chinese closing mark and what follows, or before an opening mark
   * (打好监督“组合拳” 跑出发展“加速度”): in a title the same pause between phrases, made up to
   * one em of blank with the mark's own blank half; in running text it vanishes (the composer's
   * `phraseSpaces` option says which).
   */
  Phrase: 4,
} as const;

export interface Segmentation {
  /** Number of units. */
  count: number;
  /** Per unit: source range [start, end) in UTF-16 offsets, class, first and last code point. */
  start: Int32Array;
  end: Int32Array;
  cls: Uint8Array;
  first: Int32Array;
  last: Int32Array;
  /** Per joint 0..count (joint k sits before unit k): Brk level. */
  brk: Uint8Array;
  /** Per joint: Gap kind. */
  gap: Uint8Array;
  /** Per joint: 1 when even justification space may go here. */
  just: Uint8Array;
  /** Per joint: source offset of a typed space there (for the line text), else -1. */
  spaceAt: Int32Array;
}

/** The characters of a paragraph, spaces folded into the character after them. Flat arrays. */
interface Chars {
  n: number;
  cp: Int32Array;
  start: Int32Array;
  end: Int32Array;
  cls: Uint8Array;
  /** Source offset of a breaking space before the character, or -1. */
  space: Int32Array;
  /** 1: a no-break space precedes it; 2: a zero-width space does. */
  flags: Uint8Array;
}

const NBSP = 1;
const ZWSP = 2;

const uaxCache = new Map<string, number[]>();
// The CommonJS build, which pdfkit loads too (one copy of its Unicode tables, not two), and
// only when a paragraph has Latin text to break.
const require = createRequire(import.meta.url);
let LineBreaker: typeof import('linebreak').default | undefined;

/** UAX #14 break positions strictly inside `token` (UTF-16 offsets). */
function uaxBreaks(token: string): number[] {
  let hit = uaxCache.get(token);
  if (hit) return hit;
  hit = [];
  LineBreaker ??= require('linebreak') as typeof import('linebreak').default;
  const lb = new LineBreaker(token);
  for (let b = lb.nextBreak(); b; b = lb.nextBreak()) {
    if (b.position > 0 && b.position < token.length) hit.push(b.position);
  }
  if (uaxCache.size > 20000) uaxCache.clear();
  uaxCache.set(token, hit);
  return hit;
}

const URL_BREAK_AFTER = new Set([0x2f, 0x2e, 0x2d, 0x5f]); // / . - _

function isNumberish(cp: number): boolean {
  // , . : - / and the en dash of a range (10–15): inside a number, not places to break it.
  return isDigit(cp) || cp === 0x2c || cp === 0x2e || cp === 0x3a || cp === 0x2d || cp === 0x2f || cp === 0x2013;
}

/** Read the text into characters, with spaces folded into the next character. */
function readChars(text: string, trimLead: boolean, al: Alloc): Chars {
  const len0 = text.length;
  const c: Chars = {
    n: 0, cp: al.i32(len0), start: al.i32(len0), end: al.i32(len0),
    cls: al.u8(len0), space: al.i32(len0), flags: al.u8(len0),
  };
  let hasHan = false;
  let n = 0;
  let pendingSpace = -1;
  let pendingNewlineOnly = false;
  let pendingFlags = 0;
  for (let i = 0; i < len0; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    let cls = classify(cp);
    if (cp === 0x200b) { pendingFlags |= ZWSP; i += len; continue; }
    // Invisible format characters: a soft hyphen (we never hyphenate), word joiners, a BOM.
    if (cp === 0xad || cp === 0x2060 || cp === 0xfeff) { i += len; continue; }
    // Ideographic spaces typed before the text to indent it: the composer indents.
    if (trimLead && n === 0 && cls === Cls.IdeoSpace) { i += len; continue; }
    if (cls === Cls.Space) {
      if (pendingSpace < 0) { pendingSpace = i; pendingNewlineOnly = cp === 0x0a || cp === 0x0d; }
      else if (cp !== 0x0a && cp !== 0x0d) pendingNewlineOnly = false;
      i += len;
      continue;
    }
    if (cls === Cls.NoBreakSpace) { pendingFlags |= NBSP; if (pendingSpace < 0) pendingSpace = i; i += len; continue; }
    if (cls === Cls.Attach && n > 0) { c.end[n - 1] = i + len; i += len; continue; }
    if (cls === Cls.Attach) cls = Cls.Latin;
    if (cls === Cls.Han) hasHan = true;
    if (QUOTE_OPEN.has(cp) || QUOTE_CLOSE.has(cp)) cls = Cls.Latin; // decided below
    // A line break typed inside Chinese text (a folded YAML line) is no space at all.
    let space = n > 0 ? pendingSpace : -1;
    if (space >= 0 && pendingNewlineOnly && c.cls[n - 1] !== Cls.Latin && cls !== Cls.Latin) space = -1;
    c.cp[n] = cp; c.start[n] = i; c.end[n] = i + len; c.cls[n] = cls; c.space[n] = space; c.flags[n] = n > 0 ? pendingFlags : 0;
    n++;
    pendingSpace = -1; pendingFlags = 0; pendingNewlineOnly = false;
    i += len;
  }
  c.n = n;
  // “”‘’: Chinese marks in a paragraph with Han, except an apostrophe between Latin letters.
  if (hasHan) {
    for (let k = 0; k < n; k++) {
      const cp = c.cp[k];
      const open = QUOTE_OPEN.has(cp);
      if (!open && !QUOTE_CLOSE.has(cp)) continue;
      const before = k > 0 && c.space[k] < 0 ? c.cp[k - 1] : -1;
      const after = k + 1 < n && c.space[k + 1] < 0 ? c.cp[k + 1] : -1;
      if ((cp === 0x2019 || cp === 0x2018) && before >= 0 && after >= 0 && isLatinAlnum(before) && isLatinAlnum(after)) continue;
      c.cls[k] = open ? Cls.Open : Cls.Close;
    }
  }
  return c;
}

function isLongPair(a: number, b: number): boolean {
  return (a === 0x2014 && b === 0x2014) || (a === 0x2026 && b === 0x2026) || (a === 0x22ef && b === 0x22ef) || (a === 0x2015 && b === 0x2015);
}

const isFixed = (c: number): boolean => c === Cls.Dash || c === Cls.Wave || c === Cls.Solidus || c === Cls.Interpunct;

/**
 * Split `text` into units and joints. `cuts` are offsets where the style changes (span
 * boundaries): a Latin piece never crosses one, and a break there is only allowed where it
 * would be allowed anyway. `fine` is the last resort for a token wider than the measure:
 * 1 splits Latin tokens into single characters joined by Force-level joints, 2 numbers too.
 * `trimLead` drops ideographic spaces typed at the start (an indent the composer makes itself).
 * `al` provides the arrays (scratch memory inside the composer).
 */
export function segment(text: string, cuts: readonly number[], level: KinsokuLevel, fine: 0 | 1 | 2 = 0, trimLead = false, al: Alloc = fresh): Segmentation {
  const ch = readChars(text, trimLead, al);
  const n = ch.n;
  const seg: Segmentation = {
    count: 0, start: al.i32(n), end: al.i32(n), cls: al.u8(n),
    first: al.i32(n), last: al.i32(n), brk: al.u8(n + 1), gap: al.u8(n + 1),
    just: al.u8(n + 1), spaceAt: al.i32(n + 1).fill(-1),
  };
  const cutSet = cuts.length ? new Set(cuts) : undefined;
  // Per joint, decided while collecting units: inside a Latin token (and its break level there),
  // and the typed space / flags before the unit.
  const inner = al.u8(n + 1);
  const innerBrk = al.u8(n + 1);
  const spaceBefore = al.i32(n + 1).fill(-1);
  const flagsBefore = al.u8(n + 1);
  let u = 0;
  const push = (from: number, to: number, cls: number, isInner: number, ib: number) => {
    seg.start[u] = ch.start[from]; seg.end[u] = ch.end[to - 1]; seg.cls[u] = cls;
    seg.first[u] = ch.cp[from]; seg.last[u] = ch.cp[to - 1];
    inner[u] = isInner; innerBrk[u] = ib;
    if (!isInner) { spaceBefore[u] = ch.space[from]; flagsBefore[u] = ch.flags[from]; }
    u++;
  };
  for (let k = 0; k < n; ) {
    const cls = ch.cls[k];
    if (cls === Cls.Latin) {
      // A token: Latin characters with no space and no style change between them.
      let e = k + 1;
      while (e < n && ch.cls[e] === Cls.Latin && ch.space[e] < 0 && ch.flags[e] === 0 && !(cutSet && cutSet.has(ch.start[e]))) e++;
      if (e === k + 1 && ch.cp[k] === 0x2f && (k === 0 || ch.cls[k - 1] !== Cls.Latin) && (e === n || ch.cls[e] !== Cls.Latin)) {
        push(k, e, Cls.Solidus, 0, 0);
        k = e;
        continue;
      }
      if (e === k + 1 && fine === 0) {
        push(k, e, Cls.Latin, 0, 0);
        k = e;
        continue;
      }
      // Break points inside the token: UAX #14 plus after / . - _, never inside a number.
      const tStart = ch.start[k];
      const pts = new Set<number>();
      for (const p of uaxBreaks(text.slice(tStart, ch.end[e - 1]))) pts.add(p + tStart);
      for (let m = k; m < e - 1; m++) if (URL_BREAK_AFTER.has(ch.cp[m])) pts.add(ch.start[m + 1]);
      let pieceStart = k;
      let lvl: number = Brk.Emergency;
      for (let m = k + 1; m <= e; m++) {
        let here: number = Brk.Emergency;
        if (m < e) {
          const a = ch.cp[m - 1], b = ch.cp[m];
          const c = m + 1 < e ? ch.cp[m + 1] : -1;
          const sign = (a === 0x2d || a === 0x2b || a === 0x2212) && (m - 1 === k || !isLatinAlnum(ch.cp[m - 2]));
          const inNumber = (isDigit(a) && (isDigit(b) || (isNumberish(b) && isDigit(c)))) || (isNumberish(a) && isDigit(b) && m >= 2 && isDigit(ch.cp[m - 2])) || (sign && isDigit(b));
          const ok = pts.has(ch.start[m]) && isLatinAlnum(b) && !inNumber;
          if (!ok && (fine === 0 || (inNumber && fine < 2))) continue;
          here = ok ? Brk.Emergency : Brk.Force;
        }
        push(pieceStart, m, Cls.Latin, pieceStart !== k ? 1 : 0, lvl);
        lvl = here;
        pieceStart = m;
      }
      k = e;
      continue;
    }
    if (k + 1 < n && isLongPair(ch.cp[k], ch.cp[k + 1]) && ch.space[k + 1] < 0 && !(cutSet && cutSet.has(ch.start[k + 1]))) {
      push(k, k + 2, Cls.Long, 0, 0);
      k += 2;
      continue;
    }
    push(k, k + 1, cls, 0, 0);
    k++;
  }
  const count = u;
  seg.count = count;
  for (let j = 1; j < count; j++) {
    const pc = seg.cls[j - 1], nc = seg.cls[j];
    const pl = seg.last[j - 1], nf = seg.first[j];
    const sb = spaceBefore[j];
    let brk: number;
    if (inner[j]) brk = innerBrk[j];
    else if (flagsBefore[j] & NBSP) brk = Brk.Force;
    else if (pc === Cls.Latin && nc === Cls.Latin && sb < 0 && !(flagsBefore[j] & ZWSP)) brk = Brk.Force; // one word across a style change
    else brk = Brk.Normal;
    // A sign in front of digits (-5.5%) belongs to the number and may start a line.
    const signed = (nf === 0x2d || nf === 0x2b || nf === 0x2212) && nc === Cls.Latin && isDigit(text.charCodeAt(seg.start[j] + 1));
    if (brk > Brk.Force && (noLineEnd(pc, pl) || (!signed && noLineStart(nc, nf, level)))) brk = Brk.Force;
    // A number and its signs are one: not even a forced break separates them.
    if (fine < 2 && ((pc === Cls.Prefix && isDigit(nf)) || (isDigit(pl) && nc === Cls.Postfix))) brk = Brk.Never;
    if (brk === Brk.Normal && nc === Cls.Long) brk = Brk.Discouraged;
    // A range of times or numbers joined by a dash or wave (16:30—18:30, 2～3岁) is one: the
    // line does not end after its dash (nor, by kinsoku, before it) unless nothing else fits.
    if (brk > Brk.Force && (pc === Cls.Dash || pc === Cls.Wave) && j >= 2 && sb < 0 && spaceBefore[j - 1] < 0 && isDigit(seg.last[j - 2]) && isDigit(nf)) brk = Brk.Force;
    // Blank at the joint.
    const hanL = pc === Cls.Han, hanR = nc === Cls.Han;
    const latL = (pc === Cls.Latin && isLatinAlnum(pl)) || pl === 0x25;
    const latR = (nc === Cls.Latin && isLatinAlnum(nf)) || nf === 0x24;
    let gap: number = Gap.None;
    let spaceAt = -1;
    if ((hanL && latR) || (latL && hanR)) {
      gap = Gap.CjkLatin;
      spaceAt = sb;
    } else if (sb >= 0 && hanL && hanR) {
      gap = Gap.Ideo;
      spaceAt = sb;
    } else if (sb >= 0 && ((pc === Cls.Close && (hanR || nc === Cls.Open)) || (hanL && nc === Cls.Open))) {
      gap = Gap.Phrase;
      spaceAt = sb;
    } else if (sb >= 0 && !isFullWidthMark(pc) && !isFullWidthMark(nc) && pc !== Cls.IdeoSpace && nc !== Cls.IdeoSpace) {
      gap = Gap.Word;
      spaceAt = sb;
    }
    // Even justification space goes between characters, except inside units, next to
    // connectors and solidi, and between a number and its sign (clreq §1.6 expansion 3).
    const bound = pc === Cls.Prefix || nc === Cls.Postfix || inner[j] === 1 || (pc === Cls.Latin && nc === Cls.Latin && gap === Gap.None);
    seg.brk[j] = brk;
    seg.gap[j] = gap;
    seg.just[j] = isFixed(pc) || isFixed(nc) || bound ? 0 : 1;
    seg.spaceAt[j] = spaceAt;
  }
  if (count > 0) seg.brk[count] = Brk.Normal;
  return seg;
}
