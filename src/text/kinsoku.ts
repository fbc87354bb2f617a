/**
 * Line-start and line-end prohibitions (行首/行尾禁则), typography.md §1.2: the GB-style level
 * (clreq "basic" + solidus may not end a line, GB/T 15834 §5.1.9) is the default; `strict` also
 * keeps 破折号 and 省略号 off line starts. The postfix/prefix sign lists are a house choice that
 * mirrors UAX #14 PO/PR. The checks work on code points plus the class the segmenter gave the
 * character, because “”‘’ are only Chinese marks in Chinese context.
 */
import { Cls } from './classes.js';

export type KinsokuLevel = 'gb' | 'strict';

/** ASCII and other narrow characters that may not start a line (UAX #14 CL/CP/EX/IS/NS). */
const NARROW_NO_START = new Set([...',.;:!?)]}%\u2013-'].map((c) => c.codePointAt(0)!));
/** Narrow characters that may not end a line (UAX #14 OP, and the solidus per GB). */
const NARROW_NO_END = new Set([...'([{$#'].map((c) => c.codePointAt(0)!));

/** May a unit of class `cls` whose first code point is `cp` start a line? */
export function noLineStart(cls: number, cp: number, level: KinsokuLevel): boolean {
  switch (cls) {
    case Cls.Pause: case Cls.Stop: case Cls.QE: case Cls.Close:
    case Cls.Interpunct: case Cls.Dash: case Cls.Wave: case Cls.Solidus: case Cls.Postfix:
      return true;
    case Cls.Long:
      return level === 'strict';
    case Cls.Latin:
      return NARROW_NO_START.has(cp);
    default:
      return false;
  }
}

/** May a unit of class `cls` whose last code point is `cp` end a line? */
export function noLineEnd(cls: number, cp: number): boolean {
  switch (cls) {
    case Cls.Open: case Cls.Prefix: case Cls.Solidus:
      return true;
    case Cls.Latin:
      return NARROW_NO_END.has(cp);
    default:
      return false;
  }
}
