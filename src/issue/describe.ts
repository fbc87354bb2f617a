/**
 * Editor words for places and values in an issue: "article 2 of section 监督纵横",
 * "paragraph 3 of …", `got "二"`. Numbers count from 1, as an editor counts.
 */
import type { PathSegment } from './locate.js';
import { say } from '../messages/catalogue.js';

/** The value at `path` inside `data`, or undefined where the path leaves it. */
export function at(data: unknown, path: readonly PathSegment[]): unknown {
  let here = data;
  for (const segment of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[segment];
  }
  return here;
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function sectionName(data: unknown, path: readonly PathSegment[]): string {
  const index = path[path.length - 1] as number;
  const name = at(data, [...path, 'name']);
  return nonEmptyString(name) ? say('where.section-named', { name: oneLine(name) }) : say('where.section', { n: index + 1 });
}

/** Shortened, single-line text for quoting a value inside a message. */
export function oneLine(text: string, max = 24): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : flat;
}

/**
 * Where in the issue a path points, in words. The empty path is the issue itself and
 * gives the empty string (top-level messages need no prefix).
 */
export function describeLocation(data: unknown, path: readonly PathSegment[]): string {
  if (path.length === 0) return '';
  const last = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const container = parentPath[parentPath.length - 1];
  const owner = () => describeLocation(data, path.slice(0, -2));

  if (typeof last === 'number') {
    const n = last + 1;
    switch (container) {
      case 'sections':
        return sectionName(data, path);
      case 'articles':
        return say('where.article', { n, owner: owner() });
      case 'briefs':
        return say('where.brief', { n, owner: owner() });
      case 'body': {
        const item = at(data, path);
        const heading = item !== null && typeof item === 'object' && !Array.isArray(item);
        return say(heading ? 'where.heading' : 'where.paragraph', { n, owner: owner() });
      }
      case 'title':
        return say('where.title-line', { n, owner: owner() });
      case 'distribution': {
        const label = at(data, [...path, 'label']);
        return nonEmptyString(label) ? say('where.distribution-named', { label: oneLine(label) }) : say('where.distribution', { n });
      }
      case 'to':
        return say('where.recipient', { n, owner: owner() });
      case 'notes':
        return say('where.note', { n, owner: owner() });
      default: {
        const parent = describeLocation(data, parentPath);
        return say('where.item', { n, owner: parent || say('where.issue') });
      }
    }
  }
  if (last === 'footer' && path.length === 1) return say('where.footer');
  if (last === 'style' && path.length === 1) return say('where.style');
  const parent = describeLocation(data, parentPath);
  return parent ? say('where.key-of', { key: last, owner: parent }) : say('where.key', { key: last });
}

/** A value as a message quotes it after "got". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return say('value.nothing');
  if (typeof value === 'string') return value.trim() === '' ? say('value.empty-text') : JSON.stringify(oneLine(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? say('value.empty-list') : say('value.list');
  if (value instanceof Uint8Array) return say('value.binary');
  if (typeof value === 'object') return Object.keys(value).length === 0 ? say('value.empty-mapping') : say('value.mapping');
  return String(value);
}

/** "`a` or `b`", "`a`, `b` or `c`". */
export function orList(items: readonly string[], quote = true): string {
  const q = items.map((item) => (quote ? `\`${item}\`` : item));
  return q.length <= 1 ? (q[0] ?? '') : say('list.or', { items: q.slice(0, -1).join(say('list.separator')), last: q[q.length - 1] });
}
