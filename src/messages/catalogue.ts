/**
 * Message catalogue: every message text a rule or check prints lives in one place, under an id,
 * with named parameters — `say('colon-in-text', { field: 'paragraph 3 of …' })`. The English
 * catalogue (en.ts) is data; another language is another object with the same ids (zh.ts),
 * installed with useCatalogue (language.ts chooses and installs one), so a translation never
 * touches the code that reports the problem.
 *
 * A template writes a parameter as `{name}`. `{name|one|other}` is a word chosen by the number
 * `name`: `one` when it is 1, `other` otherwise ("{n} {n|error|errors}"); a language without
 * plural forms simply does not use it.
 */
import { EN, type MessageId } from './en.js';

export type { MessageId } from './en.js';

/** One message: its text and, where there is something to do, a hint. `{name}` is a parameter. */
export interface CatalogueEntry {
  message: string;
  hint?: string;
}

export type Catalogue = Readonly<Record<MessageId, CatalogueEntry>>;
export type Params = Readonly<Record<string, string | number>>;

let current: Partial<Catalogue> = EN;

/**
 * Install a catalogue (a translation); entries it lacks fall back to English, entry by entry
 * when asked (not a merged copy of some seven hundred entries made at every start).
 */
export function useCatalogue(catalogue: Partial<Catalogue>): void {
  current = catalogue;
}

/** The installed catalogue's entry for `id`, or English's. */
const entry = (id: MessageId): Catalogue[MessageId] => (Object.hasOwn(current, id) ? current[id] : undefined) ?? EN[id];

/** `{name}` or `{name|one|other}`; a name is a word, so a literal `{ … }` or `{,` in a text is left alone. */
export const PARAMETER = /\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g;

/**
 * `{name}` in `template` replaced by its parameter, `{name|one|other}` by the word for its number;
 * an unknown parameter is left as written. Only the parameters' own properties count: a template
 * saying `{constructor}` must not print a function of Object.prototype.
 */
export function fill(template: string, params: Params = {}): string {
  return template.replace(PARAMETER, (whole, name: string, one: string | undefined, other: string | undefined) => {
    if (!Object.hasOwn(params, name)) return whole;
    if (one === undefined) return String(params[name]);
    return Number(params[name]) === 1 ? one : (other ?? '');
  });
}

/** The parameter names a template uses. */
export function parametersOf(template: string): Set<string> {
  const names = new Set<string>();
  for (const m of template.matchAll(PARAMETER)) names.add(m[1]);
  return names;
}

/** The message `id` with its parameters filled in. */
export function say(id: MessageId, params: Params = {}): string {
  return fill(entry(id).message, params);
}

/** The hint of message `id`, when it has one. */
export function hintOf(id: MessageId, params: Params = {}): string | undefined {
  const hint = entry(id).hint;
  return hint === undefined ? undefined : fill(hint, params);
}

/** Message and hint together, as diagnostics take them. */
export function sayWithHint(id: MessageId, params: Params = {}): { message: string; hint?: string } {
  const hint = hintOf(id, params);
  return hint === undefined ? { message: say(id, params) } : { message: say(id, params), hint };
}

/**
 * A pattern that finds the line number in a text made from `id`'s template, where `{line}` is
 * its first parameter ("line {line}: …", "第{line}行：…"): code that sorts or renumbers such
 * lines reads them in whatever language they were written.
 */
export function leadingNumberPattern(id: MessageId, parameter = 'line'): RegExp {
  const template = entry(id).message;
  const at = template.indexOf(`{${parameter}}`);
  const after = template.slice(at + parameter.length + 2);
  const next = after.search(/\{\w/);
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(${escape(template.slice(0, at))})(\\d+)(${escape(next < 0 ? after : after.slice(0, next))})`);
}
