/**
 * Message catalogue: every message text a rule or check prints lives in one place, under an id,
 * with named parameters — `say('colon-in-text', { field: 'paragraph 3 of …' })`. The English
 * catalogue (en.ts) is data; another language is another object with the same ids, installed with
 * useCatalogue, so a translation never touches the code that reports the problem.
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

let current: Catalogue = EN;

/** Install a catalogue (a translation); entries it lacks fall back to English. */
export function useCatalogue(catalogue: Partial<Catalogue>): void {
  current = { ...EN, ...catalogue };
}

/** `{name}` in `template` replaced by its parameter; an unknown parameter is left as written. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message `id` with its parameters filled in. */
export function say(id: MessageId, params: Params = {}): string {
  return fill(current[id].message, params);
}

/** The hint of message `id`, when it has one. */
export function hintOf(id: MessageId, params: Params = {}): string | undefined {
  const hint = current[id].hint;
  return hint === undefined ? undefined : fill(hint, params);
}

/** Message and hint together, as diagnostics take them. */
export function sayWithHint(id: MessageId, params: Params = {}): { message: string; hint?: string } {
  const hint = hintOf(id, params);
  return hint === undefined ? { message: say(id, params) } : { message: say(id, params), hint };
}
