/**
 * Character classes, the one module the composer and the lint share. For composition each class
 * says where a mark's ink sits in its em square (GB/mainland horizontal placement, typography.md
 * §1.1 / clreq #glyphs_sizes_and_positions_in_character_faces_of_punctuation_marks) and therefore
 * which side of it is blank and may be trimmed; numbers, not objects: this runs once per
 * character. For the typography rules, predicates on code points (what counts as Chinese text,
 * Chinese-only punctuation, Latin letters, spaces). What the platform or a maintained library
 * knows is taken from it: Han is Unicode's Script=Han, wide characters Unicode's East Asian Width
 * (get-east-asian-width); the tables left here are typographic choices, not Unicode data.
 */
import { eastAsianWidthType } from 'get-east-asian-width';

/** Character classes. `Cls.Latin` covers every narrow (proportional) character. */
export const Cls = {
  /** Ideographs, kana, hangul, 〇 々: one em box, breakable on both sides. */
  Han: 1,
  /** Other wide symbols (①, ★, ■, full-width letters): a box like Han but no CJK–Latin gap. */
  Wide: 2,
  /** ，、；：． — ink bottom-left, right half blank (clreq 点号). */
  Pause: 3,
  /** 。 — like Pause but sentence-final: compressed last when a line must shrink. */
  Stop: 4,
  /** ？！ — left-aligned in GB style; two or three in a row stack (GB/T 15834 §5.1.2). */
  QE: 5,
  /** Closing brackets and quotes: ink left, right half blank. */
  Close: 6,
  /** Opening brackets and quotes: ink right, left half blank. */
  Open: 7,
  /** ·・‧ — GB fixes the interpunct at ½ em, centred (GB/T 15834 §5.1.7). */
  Interpunct: 8,
  /** A single — used as a connector, or a lone …: 1 em, centred, fixed. */
  Dash: 9,
  /** 破折号 —— / 省略号 …… / ⸺: one 2-em unit, never split (clreq §1.3). */
  Long: 10,
  /** ～ 浪纹线: 1 em, centred, fixed. */
  Wave: 11,
  /** ／, or / standing between CJK characters: GB fixed ½ em, centred. */
  Solidus: 12,
  /** Suffix signs bound to a number: ％‰℃℉° ′ ″ (house choice, §1.2). */
  Postfix: 13,
  /** Prefix signs bound to what follows: ￥¥＄№＃. */
  Prefix: 14,
  /** Latin letters, digits, ASCII punctuation and other narrow characters. */
  Latin: 15,
  /** Breaking white space (U+0020, tab, newline…). */
  Space: 16,
  /** U+00A0 and friends: a space that does not break. */
  NoBreakSpace: 17,
  /** U+3000 ideographic space: a blank em box. */
  IdeoSpace: 18,
  /** Combining marks, variation selectors, ZWJ: belong to the previous character. */
  Attach: 19,
} as const;
export type ClsValue = (typeof Cls)[keyof typeof Cls];

/** Where a mark's ink sits in its em box. */
export const Ink = { Full: 0, Left: 1, Right: 2, Centre: 3 } as const;

const table = new Map<number, number>();
function put(chars: string, cls: number): void {
  for (const ch of chars) table.set(ch.codePointAt(0)!, cls);
}
put('，、；：．', Cls.Pause);
put('。｡', Cls.Stop);
put('？！', Cls.QE);
put('）》〉」』】〕〗〙〛］｝｠', Cls.Close);
put('（《〈「『【〔〖〘〚［｛｟', Cls.Open);
put('·・‧･', Cls.Interpunct);
put('—―…⋯‥', Cls.Dash);
put('⸺⸻', Cls.Long);
put('～〜', Cls.Wave);
put('／', Cls.Solidus);
put('％‰‱℃℉°′″', Cls.Postfix);
put('￥＄№＃', Cls.Prefix);
put('\u3000', Cls.IdeoSpace);
put('\u00a0\u2007\u202f', Cls.NoBreakSpace);
put(' \t\n\r\f\v\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u200b\u205f', Cls.Space);
put('\u200c\u200d', Cls.Attach);

/** The ambiguous quotes: Chinese marks in Chinese text, Western punctuation elsewhere. */
export const QUOTE_OPEN = new Set([0x201c, 0x2018]);
export const QUOTE_CLOSE = new Set([0x201d, 0x2019]);

const HAN = /\p{Script=Han}/u;
/** Script=Han of each BMP code point once asked: 1 yes, 2 no (the lint asks per character). */
const hanBmp = new Uint8Array(0x10000);

/**
 * Han ideographs: Unicode's Script=Han — the unified blocks and extensions, compatibility
 * ideographs, radicals, 〇 々 〻 and the Hangzhou numerals 〡–〩.
 */
export function isIdeograph(cp: number): boolean {
  if (cp < 0x2e80) return false;
  if (cp < 0x10000) {
    let v = hanBmp[cp];
    if (v === 0) v = hanBmp[cp] = HAN.test(String.fromCharCode(cp)) ? 1 : 2;
    return v === 1;
  }
  return HAN.test(String.fromCodePoint(cp));
}

/**
 * What the composer sets in a full cell like a Han character: ideographs, the rest of the
 * supplementary ideographic planes (characters newer than our tables), kana, Hangul and 〆.
 */
export function isHanLike(cp: number): boolean {
  return (
    isIdeograph(cp) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0x3040 && cp <= 0x30ff && cp !== 0x30fb) || // kana (・ is an interpunct)
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0x1100 && cp <= 0x11ff) ||
    cp === 0x3006
  );
}

function isAttach(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    cp === 0x3099 || cp === 0x309a
  );
}

/**
 * Characters set in a full cell without being Han or listed marks: Unicode's East Asian Width
 * wide and full-width ones, and the symbols of ambiguous or neutral width that Chinese faces
 * draw full width and Chinese text uses as such (a typographic choice: ① ■ ★ ✓, emoji).
 */
function isWideSymbol(cp: number): boolean {
  const eaw = eastAsianWidthType(cp);
  return (
    eaw === 'wide' || eaw === 'fullwidth' ||
    (cp >= 0x2460 && cp <= 0x24ff) || // enclosed alphanumerics ①
    (cp >= 0x25a0 && cp <= 0x27bf) || // geometric shapes ■□▲△◆◇○●, symbols ★, dingbats ✓
    (cp >= 0x3000 && cp <= 0x303f) || // CJK symbols and punctuation
    (cp >= 0x3190 && cp <= 0x33ff) || // kanbun, strokes, enclosed CJK ㉈, CJK compatibility ㎡
    (cp >= 0x1f000 && cp <= 0x1faff)
  );
}

/**
 * Class of a code point out of context. The ambiguous quotes “”‘’ come back as `Latin`; the
 * segmenter retags them as Open/Close in Chinese text (as Typst's CJ segmenter does).
 */
export function classify(cp: number): number {
  if (cp < 0x10000) {
    // Memoised for the BMP: this runs once per character of every paragraph.
    let c = bmp[cp];
    if (c === 0) c = bmp[cp] = classifyUncached(cp);
    return c;
  }
  return classifyUncached(cp);
}

const bmp = new Uint8Array(0x10000);

function classifyUncached(cp: number): number {
  const hit = table.get(cp);
  if (hit !== undefined) return hit;
  if (cp < 0x2000) {
    if (cp === 0x24) return Cls.Prefix; // $ binds to the number after it
    if (cp === 0xa5) return Cls.Prefix; // ¥
    if (cp === 0x25) return Cls.Postfix; // %
    if (cp >= 0x0300 && cp <= 0x036f) return Cls.Attach;
    return Cls.Latin;
  }
  if (isHanLike(cp)) return Cls.Han;
  if (isAttach(cp)) return Cls.Attach;
  if (isWideSymbol(cp)) return Cls.Wide;
  return Cls.Latin;
}

/** Where the ink of a class sits (for a full-width glyph). */
export function inkOf(cls: number): number {
  switch (cls) {
    case Cls.Pause: case Cls.Stop: case Cls.QE: case Cls.Close: return Ink.Left;
    case Cls.Open: return Ink.Right;
    case Cls.Interpunct: case Cls.Dash: case Cls.Long: case Cls.Wave: case Cls.Solidus: return Ink.Centre;
    default: return Ink.Full;
  }
}

/** Classes set on a fixed cell of CJK ems regardless of the glyph's own advance. */
export function cellEmOf(cls: number): number {
  switch (cls) {
    case Cls.Pause: case Cls.Stop: case Cls.QE: case Cls.Close: case Cls.Open:
    case Cls.Dash: case Cls.Wave: case Cls.IdeoSpace:
      return 1;
    case Cls.Interpunct: case Cls.Solidus:
      return 0.5;
    case Cls.Long:
      return 2;
    default:
      return 0;
  }
}

/** True for the marks whose blank half may be trimmed (clreq #punctuation_width_adjustment). */
export function isCompressible(cls: number): boolean {
  return cls === Cls.Pause || cls === Cls.Stop || cls === Cls.QE || cls === Cls.Close || cls === Cls.Open;
}

/**
 * Classes of full-width CJK punctuation (marks, brackets, dashes, ellipses): no CJK–Latin gap
 * next to them, typed spaces beside them vanish. (isCjkPunct asks of a code point whether only
 * Chinese text uses it, a narrower question.)
 */
export function isFullWidthMark(cls: number): boolean {
  return cls >= Cls.Pause && cls <= Cls.Solidus;
}

/** Latin letters and European digits: the characters that get a gap next to Han. */
export function isLatinAlnum(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
  return (
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0x370 && cp <= 0x3ff) || // Greek
    (cp >= 0x400 && cp <= 0x4ff) || // Cyrillic
    (cp >= 0x1e00 && cp <= 0x1eff)
  );
}

/** European digits 0–9. */
export function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

// ---- code points as the typography rules reason with them ----

/** Han ideographs (Script=Han), the same definition for the lint as for the composer. */
export const isHan = isIdeograph;

/**
 * Full-width punctuation that only Chinese (CJK) text uses: 、。，；：？！（）《》【】 and friends.
 * Curly quotes, — and … are shared with Western typography and are deliberately not here.
 */
export function isCjkPunct(cp: number): boolean {
  return (
    (cp >= 0x3001 && cp <= 0x3003) ||
    (cp >= 0x3008 && cp <= 0x3011) ||
    (cp >= 0x3014 && cp <= 0x301f) ||
    (cp >= 0xff01 && cp <= 0xff0f) ||
    (cp >= 0xff1a && cp <= 0xff20) ||
    (cp >= 0xff3b && cp <= 0xff40) ||
    (cp >= 0xff5b && cp <= 0xff65) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe4f)
  );
}

/** A character that makes its neighbourhood Chinese text. */
export function isChinese(cp: number): boolean {
  return isHan(cp) || isCjkPunct(cp);
}

/** Marks shared by Chinese and Western text: “ ” ‘ ’ — … ·. */
export function isSharedMark(cp: number): boolean {
  return cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019 || cp === 0x2014 || cp === 0x2026 || cp === 0x00b7 || cp === 0x2e3a;
}

export function isAsciiLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

export function isAsciiAlnum(cp: number): boolean {
  return isAsciiLetter(cp) || isDigit(cp);
}

/** Latin letters in any script variant we meet in bulletins (ASCII and Latin-1/Extended). */
export function isLatinLetter(cp: number): boolean {
  return isAsciiLetter(cp) || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7);
}

/** Full-width digits and Latin letters (０–９, Ａ–Ｚ, ａ–ｚ). */
export function isFullwidthAlnum(cp: number): boolean {
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** Spacing characters authors type (or paste) inside text; line breaks are not among them. */
export function isSpace(cp: number): boolean {
  return (
    cp === 0x20 || cp === 0x09 || cp === 0xa0 || cp === 0x3000 ||
    (cp >= 0x2000 && cp <= 0x200b) || cp === 0x202f || cp === 0x205f || cp === 0xfeff
  );
}

export function isLineBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d;
}
