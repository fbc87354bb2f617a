/**
 * commander's own words in the language of the messages: the headings of `--help` ("Usage:",
 * "Options:"), the placeholders of usage lines (`[options] <file>`), and its error lines
 * ("error: unknown option '--x'"), through commander's public configuration — configureHelp,
 * whose methods a program may replace, and configureOutput's outputError. English output is
 * commander's own, untouched.
 *
 * Chinese help needs two more things than words: a Chinese character takes two columns on a
 * terminal (commander counts one), and Chinese text has no spaces to wrap at, so a description
 * is wrapped between any two characters, never putting a closing mark (，。）” …) at the start
 * of a line or an opening one (（“《) at its end.
 */
import { Help, type Argument, type Command, type Option } from 'commander';
import { displayWidth } from '../diag/width.js';
import { say, type MessageId } from '../messages/catalogue.js';
import { currentLanguage } from '../messages/language.js';

/** Placeholder words of usage lines and option values (`<file>`, `<pdf>` …) with a translation. */
const PLACEHOLDERS: Readonly<Record<string, MessageId>> = {
  options: 'cli.placeholder.options',
  command: 'cli.placeholder.command',
  file: 'cli.placeholder.file',
  files: 'cli.placeholder.files',
  pdf: 'cli.placeholder.pdf',
  length: 'cli.placeholder.length',
  format: 'cli.placeholder.format',
  date: 'cli.placeholder.date',
  lang: 'cli.placeholder.lang',
  port: 'cli.placeholder.port',
  host: 'cli.placeholder.host',
};

/** `name` in the language of the messages, for `<name>`, `[name]`, `<name...>`. */
export function placeholder(name: string): string {
  return Object.hasOwn(PLACEHOLDERS, name) ? say(PLACEHOLDERS[name]) : name;
}

/** `<file>`, `[options]`, `<files...>` in a usage line or option flags, each word translated. */
export function translatePlaceholders(text: string): string {
  return text.replace(/([<[])(\w+)(\.\.\.)?([>\]])/g, (_, open: string, name: string, more: string | undefined, close: string) => `${open}${placeholder(name)}${more ?? ''}${close}`);
}

/** Option flags with their value placeholder in the language of the messages: `-o, --output <输出文件>`. */
export function flags(text: string): string {
  return currentLanguage() === 'en' ? text : translatePlaceholders(text);
}

const TITLES: Readonly<Record<string, MessageId>> = {
  'Usage:': 'cli.title.usage',
  'Options:': 'cli.title.options',
  'Commands:': 'cli.title.commands',
  'Arguments:': 'cli.title.arguments',
  'Global Options:': 'cli.title.global-options',
};

/** Marks that may not start a line (GB/T 15834; the composer's kinsoku, in small). */
const NO_LINE_START = new Set([...'，。、；：？！）》〉」』】〕”’…—·%．,.;:?!)]}']);
/** Marks that may not end a line. */
const NO_LINE_END = new Set([...'（《〈「『【〔“‘([{']);

/** Pieces a line may break between: a word of Latin text with the blanks before it, or one other character. */
function pieces(line: string): string[] {
  return line.match(/\s*(?:[\x21-\x7e]+|[^\s])/g) ?? [];
}

/** A last line this narrow (a character and a closing mark) takes one more piece from the line above. */
const SHORT_LAST_LINE = 4;

/** `line` wrapped to `width` terminal columns; Latin words are kept whole. */
export function wrapColumns(line: string, width: number): string[] {
  const out: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const piece of pieces(line)) {
    const w = displayWidth(piece);
    const core = piece.trimStart();
    if (current.length > 0 && used + w > width) {
      // A closing mark takes the piece before it down with it; an opening mark at the end of the
      // line goes down with what it opens. A line of one piece keeps what follows (it overflows).
      const carried: string[] = [];
      if (NO_LINE_START.has(core[0]) && current.length > 1) carried.unshift(current.pop()!);
      while (current.length > 1 && NO_LINE_END.has(current[current.length - 1].trim().slice(-1))) carried.unshift(current.pop()!);
      if (NO_LINE_START.has(core[0]) && carried.length === 0) {
        current.push(piece);
        used += w;
        continue;
      }
      out.push(current);
      current = [...carried.map((c, k) => (k === 0 ? c.trimStart() : c)), carried.length ? piece : core];
      used = displayWidth(current.join(''));
      continue;
    }
    current.push(current.length === 0 ? core : piece);
    used += current.length === 1 ? displayWidth(core) : w;
  }
  if (current.length) out.push(current);
  // No lone character on the last line: the line above gives up its last piece (not a mark that
  // may not start a line, nor one that leaves an opening mark at its end).
  const last = out[out.length - 1];
  const above = out[out.length - 2];
  if (above && last && displayWidth(last.join('')) <= SHORT_LAST_LINE && above.length > 2) {
    const moved = above[above.length - 1];
    const core = moved.trimStart();
    if (!NO_LINE_START.has(core[0]) && !NO_LINE_END.has(above[above.length - 2].trim().slice(-1)) && displayWidth(moved + last.join('')) <= width) {
      above.pop();
      out[out.length - 1] = [core, ...last];
    }
  }
  return out.length ? out.map((pieces) => pieces.join('')) : [''];
}

/**
 * The help configuration for the language of the messages: in English nothing is changed; in
 * Chinese the titles, placeholders, widths and wrapping described above.
 */
export function helpConfiguration(): Partial<Help> {
  if (currentLanguage() === 'en') return {};
  return {
    styleTitle: (title: string) => (Object.hasOwn(TITLES, title) ? say(TITLES[title]) : title),
    styleUsage: (usage: string) => translatePlaceholders(usage),
    styleSubcommandTerm: (term: string) => translatePlaceholders(term),
    argumentTerm: (argument: Argument) => placeholder(argument.name()),
    optionDescription(option: Option) {
      // commander's own rules for what to show (choices, a default worth naming, a preset, an environment variable).
      const extra: string[] = [];
      if (option.argChoices) extra.push(say('cli.help.choices', { choices: option.argChoices.map((c) => `“${c}”`).join('、') }));
      const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (option.defaultValue !== undefined && showDefault) extra.push(say('cli.help.default', { value: option.defaultValueDescription ?? `“${String(option.defaultValue)}”` }));
      if (option.presetArg !== undefined && option.optional) extra.push(say('cli.help.preset', { value: `“${String(option.presetArg)}”` }));
      if (option.envVar !== undefined) extra.push(say('cli.help.env', { name: option.envVar }));
      return extra.length ? `${option.description}${say('cli.help.extra', { extra: extra.join('；') })}` : option.description;
    },
    argumentDescription(argument: Argument) {
      const extra: string[] = [];
      if (argument.argChoices) extra.push(say('cli.help.choices', { choices: argument.argChoices.map((c) => `“${c}”`).join('、') }));
      if (argument.defaultValue !== undefined) extra.push(say('cli.help.default', { value: argument.defaultValueDescription ?? `“${String(argument.defaultValue)}”` }));
      return extra.length ? `${argument.description}${say('cli.help.extra', { extra: extra.join('；') })}` : argument.description;
    },
    formatHelp(this: Help, cmd: Command, helper: Help) {
      // commander writes a space after the title of the usage line; a full-width colon needs none.
      return Help.prototype.formatHelp.call(this, cmd, helper).replace(/^(\S*：) /, '$1');
    },
    displayWidth: (text: string) => displayWidth(text.replace(/\x1b\[\d*(;\d*)*m/g, '')),
    boxWrap(this: Help, text: string, width: number) {
      if (width < this.minWidthToWrap) return text;
      return text.split(/\r\n|\n/).flatMap((line) => wrapColumns(line, width)).join('\n');
    },
  };
}

/** commander's error lines (14.x) and the message each one becomes. */
const COMMANDER_ERRORS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^error: unknown option '(.*?)'(?:\n\(Did you mean (one of )?(.*)\?\))?$/s, (m) =>
    say('cli.error.unknown-option', { option: m[1] }) + (m[3] ? say(m[2] ? 'cli.error.did-you-mean-one-of' : 'cli.error.did-you-mean', { suggestion: m[3] }) : '')],
  [/^error: unknown command '(.*?)'(?:\n\(Did you mean (one of )?(.*)\?\))?$/s, (m) =>
    say('cli.error.unknown-command', { command: m[1] }) + (m[3] ? say(m[2] ? 'cli.error.did-you-mean-one-of' : 'cli.error.did-you-mean', { suggestion: m[3] }) : '')],
  [/^error: missing required argument '(.*)'$/s, (m) => say('cli.error.missing-argument', { argument: placeholder(m[1]) })],
  [/^error: option '(.*)' argument missing$/s, (m) => say('cli.error.option-missing-value', { option: m[1] })],
  [/^error: required option '(.*)' not specified$/s, (m) => say('cli.error.option-required', { option: m[1] })],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, (m) =>
    say('cli.error.invalid-choice', { option: m[1], value: m[2], choices: m[3] })],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s, (m) =>
    say(m[1] ? 'cli.error.too-many-arguments-for' : 'cli.error.too-many-arguments', { command: m[1] ?? '', expected: m[2], got: m[3] })],
];

/** One of commander's error lines in the language of the messages (as it was when it is not one of them). */
export function translateCommanderError(text: string): string {
  if (currentLanguage() === 'en') return text;
  const line = text.replace(/\n$/, '');
  for (const [pattern, translate] of COMMANDER_ERRORS) {
    const m = pattern.exec(line);
    if (m) return `${translate(m)}\n`;
  }
  return text;
}
