/**
 * Colour for text output on a terminal: red errors, yellow warnings, cyan notes and hints, a
 * green caret — so an editor sees at a glance what is wrong and where. None when the output is
 * piped or redirected; NO_COLOR (any non-empty value) turns it off and FORCE_COLOR (anything
 * but 0 or false) on, FORCE_COLOR winning, as Node itself decides.
 */
export interface Palette {
  error(text: string): string;
  warning(text: string): string;
  note(text: string): string;
  /** The place, FILE:LINE:COL. */
  place(text: string): string;
  /** The caret line under the source. */
  caret(text: string): string;
  /** `= hint:` */
  hint(text: string): string;
  /** The `[code]` after a message. */
  code(text: string): string;
}

const same = (text: string): string => text;
export const PLAIN: Palette = { error: same, warning: same, note: same, place: same, caret: same, hint: same, code: same };

const sgr = (open: string) => (text: string): string => (text === '' ? text : `\u001b[${open}m${text}\u001b[0m`);
export const ANSI: Palette = {
  error: sgr('1;31'),
  warning: sgr('1;33'),
  note: sgr('1;36'),
  place: sgr('1'),
  caret: sgr('1;32'),
  hint: sgr('36'),
  code: sgr('2'),
};

/** Whether to colour output written to `stream`. */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function paletteFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Palette {
  return wantsColour(stream, env) ? ANSI : PLAIN;
}
