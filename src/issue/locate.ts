/**
 * From a path in the data (as ajv reports it) back to the YAML node it came from,
 * so that a problem is reported at the key or value the editor must change.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

export type PathSegment = string | number;

export interface Located {
  /** The node at the path, or the deepest node on the way when the path could not be followed. */
  node: Node | null;
  /** The key of the pair that holds the node, when the last segment was a mapping key. */
  key: Node | null;
  /** Whether the whole path was followed. */
  complete: boolean;
}

/** Resolve an alias to the node it names (stays within the document). */
function resolve(doc: Document, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null;
  return (node as Node | null) ?? null;
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

export function locate(doc: Document, path: readonly PathSegment[]): Located {
  let node = resolve(doc, doc.contents);
  let key: Node | null = null;
  for (const segment of path) {
    const here = resolve(doc, node);
    if (isMap(here)) {
      const pair = here.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) return { node: here, key, complete: false };
      key = (pair.key as Node | null) ?? null;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(here)) {
      const item = here.items[Number(segment)];
      if (item === undefined) return { node: here, key, complete: false };
      key = null;
      node = (item as Node | null) ?? null;
    } else {
      return { node: here, key, complete: false };
    }
  }
  return { node, key, complete: true };
}

/** ajv's JSON Pointer instancePath → segments (array indices as numbers). */
export function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const segments: PathSegment[] = [];
  let here: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(here)) {
      segments.push(Number(segment));
      here = here[Number(segment)];
    } else {
      segments.push(segment);
      here = here !== null && typeof here === 'object' ? (here as Record<string, unknown>)[segment] : undefined;
    }
  }
  return segments;
}

/** `sections[2].articles[0].title`, the form Diagnostic.path uses. */
export function pathToString(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += /^[A-Za-z_$][\w$]*$/.test(segment) ? (out ? '.' : '') + segment : `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Start and end offsets of a node, or undefined when it has no range (e.g. synthetic). */
export function nodeRange(node: Node | null | undefined): [number, number] | undefined {
  if (!node || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}

/** True for an empty value such as `title:` with nothing after it. */
export function isEmptyValue(node: Node | null | undefined): boolean {
  if (!node) return true;
  if (!isScalar(node) || node.value !== null) return false;
  const range = node.range;
  return !range || range[1] <= range[0];
}
