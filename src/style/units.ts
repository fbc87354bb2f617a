/**
 * Units a theme is written in, turned into points. Chinese font sizes are named (三号, 小四…):
 * the table is the Word / GB/T 40070 column of typography.md §4, which is what 公文 templates
 * and PDF points mean. Lengths may be relative to the element's own size (em) or to the body
 * line pitch (line), so that a theme scales when the body size or grid changes.
 */
import { say } from '../messages/catalogue.js';

export const MM = 72 / 25.4;

/** 字号 → pt (Word / GB/T 40070). Both 三号 and 3号 spellings are accepted. */
const ZIHAO: Record<string, number> = {
  初号: 42, 小初: 36,
  一号: 26, 小一: 24,
  二号: 22, 小二: 18,
  三号: 16, 小三: 15,
  四号: 14, 小四: 12,
  五号: 10.5, 小五: 9,
  六号: 7.5, 小六: 6.5,
  七号: 5.5, 八号: 5,
};
const DIGIT_NAMES: Record<string, string> = { '0': '初', '1': '一', '2': '二', '3': '三', '4': '四', '5': '五', '6': '六', '7': '七', '8': '八' };

/** A font size: a 字号 name (三号, 3号, 小四), a number of points, or "16pt". */
export type Size = number | string;
/** A length: points as a number, or a string with a unit: pt, mm, cm, in, em, line. */
export type Length = number | string;

export class UnitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnitError';
  }
}

export function zihao(name: string): number | undefined {
  const trimmed = name.trim();
  const direct = ZIHAO[trimmed];
  if (direct !== undefined) return direct;
  // 3号 → 三号, 小4 → 小四, 0号 → 初号
  const m = /^(小?)([0-8])号?$/.exec(trimmed);
  if (m) return ZIHAO[m[1] ? `小${DIGIT_NAMES[m[2]]}` : `${DIGIT_NAMES[m[2]]}号`];
  return undefined;
}

/** Font size in pt. */
export function sizeToPt(size: Size): number {
  if (typeof size === 'number') {
    if (!(size > 0) || !Number.isFinite(size)) throw new UnitError(say('unit.size-positive', { size }));
    return size;
  }
  const named = zihao(size);
  if (named !== undefined) return named;
  const m = /^\s*(\d+(?:\.\d+)?)\s*pt\s*$/.exec(size);
  if (m && Number(m[1]) > 0) return Number(m[1]);
  throw new UnitError(say('unit.not-a-size', { size }));
}

export interface LengthContext {
  /** The element's own font size, for em. */
  em?: number;
  /** Body baseline pitch, for line. */
  line?: number;
  /** What 100% is. */
  percent?: number;
}

/** Length in pt. Numbers are points. */
export function lengthToPt(length: Length, ctx: LengthContext = {}): number {
  if (typeof length === 'number') {
    if (!Number.isFinite(length)) throw new UnitError(say('unit.length-finite', { length }));
    return length;
  }
  const m = /^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*(pt|mm|cm|in|em|lines?|%)?\s*$/.exec(length);
  if (!m) throw new UnitError(say('unit.not-a-length', { length }));
  const value = Number(m[1]);
  switch (m[2] ?? 'pt') {
    case 'pt': return value;
    case 'mm': return value * MM;
    case 'cm': return value * 10 * MM;
    case 'in': return value * 72;
    case 'em':
      if (ctx.em === undefined) throw new UnitError(say('unit.unavailable', { length, unit: 'em' }));
      return value * ctx.em;
    case '%':
      if (ctx.percent === undefined) throw new UnitError(say('unit.unavailable', { length, unit: '%' }));
      return (value / 100) * ctx.percent;
    default:
      if (ctx.line === undefined) throw new UnitError(say('unit.unavailable', { length, unit: 'line' }));
      return value * ctx.line;
  }
}

/** True when `length` is in em, which the element's own size decides. */
export function isEmLength(length: Length): boolean {
  return typeof length === 'string' && /em\s*$/.test(length);
}

/** CMYK in percent (0–100 each), as print shops write it. */
export type Cmyk = readonly [number, number, number, number];

export function isCmyk(value: unknown): value is Cmyk {
  return Array.isArray(value) && value.length === 4
    && value.every((v) => typeof v === 'number' && v >= 0 && v <= 100);
}
