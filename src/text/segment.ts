/**
 * Paragraph text → the units the composer places (one Han character, one mark, one 2-em long
 * mark, one unbreakable piece of Latin text) and, between every two units, a joint that says
 * whether a line may break there, how badly, and what blank (CJK–Latin gap, word space) sits
 * there. Font-independent: widths come later. Break rules: Chinese pairs follow kinsoku
 * (typography.md §1.2–1.3); inside Latin text the UAX #14 breaks of the `linebreak` package are
 * used, and a token (no spaces) only breaks — after / . - — when nothing else fits.
 */
import LineBreaker from 'linebreak';
import { Cls, QUOTE_CLOSE, QUOTE_OPEN, classify, isCjkPunct, isDigit, isLatinAlnum } from './classes.js';
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
  /** A typed space between Latin words (or between Han characters): the font's space. */
  Word: 2,
} as const;

export interface Segmentation {
  /** Number of units. */
  count: number;
  /** Per unit: source range [start, end) in UTF-16 offsets, class, first and last code point. */
  start: number[];
  end: number[];
  cls: number[];
  first: number[];
  last: number[];
  /** Per joint 0..count (joint k sits before unit k): Brk level. */
  brk: number[];
  /** Per joint: Gap kind. */
  gap: number[];
  /** Per joint: 1 when even justification space may go here. */
  just: number[];
  /** Per joint: source offset of a typed space there (for the line text), else -1. */
  spaceAt: number[];
}

interface Ch {
  cp: number;
  start: number;
  end: number;
  cls: number;
  /** A breaking space (or newline kept as space) precedes this character. */
  spaceBefore: number; // source offset of the space, or -1
  nbspBefore: boolean;
  zwspBefore: boolean;
}

const uaxCache = new Map<string, number[]>();

/** UAX #14 break positions strictly inside `token` (UTF-16 offsets). */
function uaxBreaks(token: string): number[] {
  let hit = uaxCache.get(token);
  if (hit) return hit;
  hit = [];
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
  return isDigit(cp) || cp === 0x2c || cp === 0x2e || cp === 0x3a || cp === 0x2d || cp === 0x2f;
}

/** Read the text into characters, with spaces folded into flags on the next character. */
function readChars(text: string): Ch[] {
  const out: Ch[] = [];
  let hasHan = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) { hasHan = true; break; }
  }
  let pendingSpace = -1;
  let pendingNewlineOnly = false;
  let pendingNbsp = false;
  let pendingZwsp = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    let cls = classify(cp);
    if (cp === 0x200b) { pendingZwsp = true; i += len; continue; }
    if (cls === Cls.Space) {
      if (pendingSpace < 0) { pendingSpace = i; pendingNewlineOnly = cp === 0x0a || cp === 0x0d; }
      else if (cp !== 0x0a && cp !== 0x0d) pendingNewlineOnly = false;
      i += len;
      continue;
    }
    if (cls === Cls.NoBreakSpace) { pendingNbsp = true; if (pendingSpace < 0) pendingSpace = i; i += len; continue; }
    if (cls === Cls.Attach && out.length > 0) { out[out.length - 1].end = i + len; i += len; continue; }
    if (cls === Cls.Attach) cls = Cls.Latin;
    if (QUOTE_OPEN.has(cp) || QUOTE_CLOSE.has(cp)) cls = Cls.Latin; // decided below
    const prev = out.length ? out[out.length - 1] : undefined;
    // A line break typed inside Chinese text (a folded YAML line) is no space at all.
    let space = pendingSpace;
    if (space >= 0 && pendingNewlineOnly && prev && prev.cls !== Cls.Latin && cls !== Cls.Latin) space = -1;
    out.push({ cp, start: i, end: i + len, cls, spaceBefore: prev ? space : -1, nbspBefore: pendingNbsp && !!prev, zwspBefore: pendingZwsp });
    pendingSpace = -1; pendingNbsp = false; pendingZwsp = false; pendingNewlineOnly = false;
    i += len;
  }
  // “”‘’: Chinese marks in a paragraph with Han, except an apostrophe between Latin letters.
  for (let k = 0; k < out.length; k++) {
    const ch = out[k];
    const open = QUOTE_OPEN.has(ch.cp);
    if (!open && !QUOTE_CLOSE.has(ch.cp)) continue;
    if (!hasHan) continue;
    const before = k > 0 && out[k - 1].spaceBefore < 0 && ch.spaceBefore < 0 ? out[k - 1].cp : -1;
    const after = k + 1 < out.length && out[k + 1].spaceBefore < 0 ? out[k + 1].cp : -1;
    if ((ch.cp === 0x2019 || ch.cp === 0x2018) && before >= 0 && after >= 0 && isLatinAlnum(before) && isLatinAlnum(after)) continue;
    ch.cls = open ? Cls.Open : Cls.Close;
  }
  return out;
}

function isLongPair(a: number, b: number): boolean {
  return (a === 0x2014 && b === 0x2014) || (a === 0x2026 && b === 0x2026) || (a === 0x22ef && b === 0x22ef) || (a === 0x2015 && b === 0x2015);
}

/**
 * Split `text` into units and joints. `cuts` are offsets where the style changes (span
 * boundaries): a Latin piece never crosses one, and a break there is only allowed where it
 * would be allowed anyway. `fine` is the last resort for a token wider than the measure:
 * 1 splits Latin tokens into single characters joined by Force-level joints, 2 numbers too.
 */
export function segment(text: string, cuts: readonly number[], level: KinsokuLevel, fine: 0 | 1 | 2 = 0): Segmentation {
  const chars = readChars(text);
  const seg: Segmentation = { count: 0, start: [], end: [], cls: [], first: [], last: [], brk: [Brk.Never], gap: [Gap.None], just: [0], spaceAt: [-1] };
  const cutSet = new Set(cuts);
  const n = chars.length;
  let k = 0;
  // Joint properties decided while collecting units: 'inner' joints are inside a Latin token.
  const innerBrk: number[] = [];
  const isInner: boolean[] = [false];
  const spaceBefore: number[] = [-1];
  const nbspBefore: boolean[] = [false];
  const zwspBefore: boolean[] = [false];
  const push = (start: number, end: number, cls: number, first: number, last: number, inner: boolean, ib: number, ch: Ch) => {
    seg.start.push(start); seg.end.push(end); seg.cls.push(cls); seg.first.push(first); seg.last.push(last);
    if (seg.start.length > 1) {
      isInner.push(inner); innerBrk.push(ib);
      spaceBefore.push(inner ? -1 : ch.spaceBefore); nbspBefore.push(!inner && ch.nbspBefore); zwspBefore.push(!inner && ch.zwspBefore);
    } else innerBrk.push(0);
  };
  while (k < n) {
    const ch = chars[k];
    if (ch.cls === Cls.Latin) {
      // A token: Latin characters with no space and no style change between them.
      let e = k + 1;
      while (e < n && chars[e].cls === Cls.Latin && chars[e].spaceBefore < 0 && !chars[e].nbspBefore && !chars[e].zwspBefore && !cutSet.has(chars[e].start)) e++;
      const tStart = ch.start;
      const tEnd = chars[e - 1].end;
      if (e === k + 1 && ch.cp === 0x2f && (k === 0 || chars[k - 1].cls !== Cls.Latin) && (e === n || chars[e].cls !== Cls.Latin)) {
        push(tStart, tEnd, Cls.Solidus, ch.cp, ch.cp, false, 0, ch);
        k = e;
        continue;
      }
      // Break points inside the token: UAX #14 plus after / . - _, never inside a number.
      const token = text.slice(tStart, tEnd);
      const pts = new Set<number>();
      for (const p of uaxBreaks(token)) pts.add(p + tStart);
      for (let m = k; m < e - 1; m++) if (URL_BREAK_AFTER.has(chars[m].cp)) pts.add(chars[m + 1].start);
      let pieceStart = k;
      let level: number = Brk.Emergency;
      for (let m = k + 1; m <= e; m++) {
        let here: number = Brk.Emergency;
        if (m < e) {
          const a = chars[m - 1].cp, b = chars[m].cp;
          // Digit strings with their separators stay whole; so do letters split from a trailing mark.
          const c = m + 1 < e ? chars[m + 1].cp : -1;
          const inNumber = (isDigit(a) && (isDigit(b) || (isNumberish(b) && isDigit(c)))) || (isNumberish(a) && isDigit(b) && m >= 2 && isDigit(chars[m - 2].cp));
          const ok = pts.has(chars[m].start) && isLatinAlnum(b) && !inNumber;
          if (!ok && (fine === 0 || (inNumber && fine < 2))) continue;
          here = ok ? Brk.Emergency : Brk.Force;
        }
        const first = chars[pieceStart];
        const last = chars[m - 1];
        push(first.start, last.end, Cls.Latin, first.cp, last.cp, pieceStart !== k, level, first);
        level = here;
        pieceStart = m;
      }
      k = e;
      continue;
    }
    if (k + 1 < n && isLongPair(ch.cp, chars[k + 1].cp) && chars[k + 1].spaceBefore < 0 && !cutSet.has(chars[k + 1].start)) {
      push(ch.start, chars[k + 1].end, Cls.Long, ch.cp, chars[k + 1].cp, false, 0, ch);
      k += 2;
      continue;
    }
    push(ch.start, ch.end, ch.cls, ch.cp, ch.cp, false, 0, ch);
    k++;
  }
  const count = seg.start.length;
  seg.count = count;
  for (let j = 1; j < count; j++) {
    const pc = seg.cls[j - 1], nc = seg.cls[j];
    const pl = seg.last[j - 1], nf = seg.first[j];
    let brk: number;
    if (isInner[j]) brk = innerBrk[j];
    else if (nbspBefore[j]) brk = Brk.Force;
    else if (pc === Cls.Latin && nc === Cls.Latin && spaceBefore[j] < 0 && !zwspBefore[j]) brk = Brk.Force; // one word across a style change
    else brk = Brk.Normal;
    // A sign in front of digits (-5.5%) belongs to the number and may start a line.
    const signed = (nf === 0x2d || nf === 0x2b || nf === 0x2212) && nc === Cls.Latin && isDigit(text.charCodeAt(seg.start[j] + 1));
    if (brk > Brk.Force && (noLineEnd(pc, pl) || (!signed && noLineStart(nc, nf, level)))) brk = Brk.Force;
    // A number and its signs are one: not even a forced break separates them.
    if (fine < 2 && ((pc === Cls.Prefix && isDigit(nf)) || (isDigit(pl) && nc === Cls.Postfix))) brk = Brk.Never;
    if (brk === Brk.Normal && nc === Cls.Long) brk = Brk.Discouraged;
    // Blank at the joint.
    const hanL = pc === Cls.Han, hanR = nc === Cls.Han;
    const latL = (pc === Cls.Latin && isLatinAlnum(pl)) || pl === 0x25;
    const latR = (nc === Cls.Latin && isLatinAlnum(nf)) || nf === 0x24;
    let gap: number = Gap.None;
    let spaceAt = -1;
    if ((hanL && latR) || (latL && hanR)) gap = Gap.CjkLatin;
    else if (spaceBefore[j] >= 0 && !isCjkPunct(pc) && !isCjkPunct(nc) && pc !== Cls.IdeoSpace && nc !== Cls.IdeoSpace) {
      gap = Gap.Word;
      spaceAt = spaceBefore[j];
    }
    if (spaceBefore[j] >= 0 && gap === Gap.CjkLatin) spaceAt = spaceBefore[j];
    // Even justification space goes between characters, except inside units, next to
    // connectors and solidi, and between a number and its sign (clreq §1.6 expansion 3).
    const fixed = (c: number) => c === Cls.Dash || c === Cls.Wave || c === Cls.Solidus || c === Cls.Interpunct;
    const bound = pc === Cls.Prefix || nc === Cls.Postfix || isInner[j] || (pc === Cls.Latin && nc === Cls.Latin && gap === Gap.None);
    seg.brk.push(brk);
    seg.gap.push(gap);
    seg.just.push(fixed(pc) || fixed(nc) || bound ? 0 : 1);
    seg.spaceAt.push(spaceAt);
  }
  if (count > 0) { seg.brk.push(Brk.Normal); seg.gap.push(Gap.None); seg.just.push(0); seg.spaceAt.push(-1); }
  return seg;
}
