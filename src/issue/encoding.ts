/**
 * Bytes → text for issue files. UTF-8 is the format; the two other encodings a Chinese office's
 * tools save in are recognised so that the editor hears what happened once, and `check --fix`
 * can save the file as UTF-8 without losing a character: GBK/GB18030 (Notepad's and WPS's
 * "ANSI" on a Chinese Windows) and UTF-16 (Notepad's "Unicode"), with or without a byte-order
 * mark. Anything else that is not valid UTF-8 is decoded with replacement characters and marked
 * lossy: such a file must never be written back.
 */

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Encoding {
  /** How the bytes were read. */
  name: EncodingName;
  /** The file began with a byte-order mark (not part of the text). */
  bom: boolean;
  /**
   * Every byte was decoded (the text encodes back to the same bytes). False for a file that is
   * not valid UTF-8 and not a recognised encoding: its text holds U+FFFD where bytes were lost.
   */
  lossless: boolean;
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** For a lossy decoding: the offset in `text` of the first character that was lost, and how many were. */
  damage?: { offset: number; count: number };
}

const UTF8: Encoding = { name: 'utf-8', bom: false, lossless: true };

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Text that reads as an issue file: no control characters but tab and line breaks. */
function plausibleText(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text);
}

/**
 * UTF-16 without a byte-order mark: text files are mostly ASCII (keys, spaces, line breaks),
 * whose high byte is zero, so zero bytes crowd on one side of each pair and never on the other.
 */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  // Some characters such as 一 (U+4E00) have a zero low byte: the other side has only far fewer zeros.
  const pairs = bytes.length / 2;
  if (oddZeros >= pairs * 0.2 && evenZeros * 4 <= oddZeros) return 'utf-16le';
  if (evenZeros >= pairs * 0.2 && oddZeros * 4 <= evenZeros) return 'utf-16be';
  return undefined;
}

/** Characters a GB18030 reading gives that are Chinese text: ideographs, CJK and full-width punctuation. */
function isChineseText(cp: number): boolean {
  return (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x2010 && cp <= 0x2027) || cp === 0x00b7 || (cp >= 0x2460 && cp <= 0x24ff) || (cp >= 0x2160 && cp <= 0x217f);
}

/**
 * Whether invalid UTF-8 is GBK/GB18030: it decodes as GB18030 without error and reads as Chinese
 * text, and read as UTF-8 it is mostly damage, not Chinese. (Pairs of GBK bytes often happen to
 * be valid two-byte UTF-8 — Latin, Greek, Cyrillic letters — but seldom a three-byte Han
 * character.) A UTF-8 file with a bad byte or a pasted GBK line is not converted: its real UTF-8
 * text would be garbled.
 */
function looksGb18030(bytes: Uint8Array, asUtf8: string): string | undefined {
  const text = tryDecode('gb18030', bytes);
  if (text === undefined || !plausibleText(text)) return undefined;
  let nonAscii = 0;
  let chinese = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    nonAscii++;
    if (isChineseText(cp)) chinese++;
  }
  if (nonAscii === 0 || chinese < nonAscii * 0.9) return undefined;
  let han = 0;
  let damaged = 0;
  for (const ch of asUtf8) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfffd) damaged++;
    else if (cp >= 0x4e00 && cp <= 0x9fff) han++;
  }
  return han * 4 < damaged ? text : undefined;
}

export function decodeIssueBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = tryDecode('utf-16le', bytes.subarray(2));
    if (text !== undefined && plausibleText(text)) return { text, encoding: { name: 'utf-16le', bom: true, lossless: true } };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = tryDecode('utf-16be', bytes.subarray(2));
    if (text !== undefined && plausibleText(text)) return { text, encoding: { name: 'utf-16be', bom: true, lossless: true } };
  }
  // Text never holds NUL: a file with zero bytes crowded at every other byte is UTF-16.
  const order = bytes.includes(0) ? utf16Order(bytes) : undefined;
  const wide = order ? tryDecode(order, bytes) : undefined;
  if (order && wide !== undefined && plausibleText(wide)) return { text: wide, encoding: { name: order, bom: false, lossless: true } };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = tryDecode('utf-8', bom ? bytes.subarray(3) : bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: bom ? { ...UTF8, bom: true } : UTF8 };
  const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const gb = looksGb18030(bytes, lossy);
  if (gb !== undefined) return { text: gb, encoding: { name: 'gb18030', bom: false, lossless: true } };
  let count = 0;
  for (let i = lossy.indexOf('\ufffd'); i >= 0; i = lossy.indexOf('\ufffd', i + 1)) count++;
  return { text: lossy, encoding: { name: 'utf-8', bom, lossless: false }, damage: { offset: Math.max(0, lossy.indexOf('\ufffd')), count } };
}
