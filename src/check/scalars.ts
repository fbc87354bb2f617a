/**
 * Finds every text scalar of an issue document with its path, its role in the printed
 * bulletin and its value→source mapping. Walks the YAML document (not the validated
 * Issue) so that a file the schema rejected can still be linted and pointed into; keys the
 * format does not know are skipped, as are non-text values (numbers, dates, `style`).
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import { headingLevel as printedLevel, printedIn } from '../style/printed.js';
import { mapScalar, type ValueMap } from './source-map.js';
import { buildTextView } from './text.js';
import type { TextRole, TextScalar } from './types.js';

/** Roles whose text may carry inline `**bold**` markup. */
const MARKUP_ROLES: ReadonlySet<TextRole> = new Set(['paragraph', 'brief']);

function get(map: YAMLMap, key: string): Node | undefined {
  for (const pair of map.items) {
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    if (k === key) return (pair.value ?? undefined) as Node | undefined;
  }
  return undefined;
}

/** The level the page layout sets a sub-heading at (its own `level`, else its marker). */
function headingLevel(map: YAMLMap, text: string): 1 | 2 | 3 {
  const level = get(map, 'level');
  return printedLevel(text, isScalar(level) && (level.value === 1 || level.value === 2) ? level.value : undefined);
}

class Walker {
  readonly out: TextScalar[] = [];
  constructor(private readonly source: string) {}

  text(node: Node | undefined, path: string, role: TextRole, extra: Partial<TextScalar> = {}): TextScalar | undefined {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
    const scalarNode = node as Scalar;
    const source = this.source;
    // Most texts of a clean issue never need their map (only findings and repairs do), and a
    // long issue's maps would all be alive at once for the whole lint: made on first use.
    let mapped: ValueMap | undefined;
    const scalar: TextScalar = {
      path,
      role,
      node: scalarNode,
      get map(): ValueMap { return (mapped ??= mapScalar(scalarNode, source)); },
      // The map's value is always the node's own string value.
      view: buildTextView(node.value, MARKUP_ROLES.has(role)),
      glyphRoles: printedIn(role),
      ...extra,
    };
    this.out.push(scalar);
    return scalar;
  }

  list(node: Node | undefined, path: string, role: TextRole, extra: Partial<TextScalar> = {}): void {
    if (isSeq(node)) node.items.forEach((item, k) => this.text(item as Node, `${path}[${k}]`, role, extra));
    else this.text(node, path, role, extra);
  }

  article(node: Node, path: string): void {
    if (!isMap(node)) return;
    const title = get(node, 'title');
    const titleGlyphs = printedIn('title', { ownToc: get(node, 'toc') !== undefined });
    if (isSeq(title)) {
      const group: TextScalar[] = [];
      title.items.forEach((item, k) => {
        const s = this.text(item as Node, `${path}.title[${k}]`, 'title', { group, owner: path, glyphRoles: [...titleGlyphs] });
        if (s) group.push(s);
      });
    } else {
      this.text(title, `${path}.title`, 'title', { owner: path, glyphRoles: [...titleGlyphs] });
    }
    // A subtitle is a headline too (the title's rules apply), set in its own face.
    this.text(get(node, 'subtitle'), `${path}.subtitle`, 'title', { owner: `${path}.subtitle`, glyphRoles: printedIn('subtitle') });
    this.text(get(node, 'toc'), `${path}.toc`, 'toc', { owner: path });
    const body = get(node, 'body');
    if (isSeq(body)) {
      body.items.forEach((item, k) => {
        const itemPath = `${path}.body[${k}]`;
        if (isMap(item)) {
          const heading = get(item, 'heading');
          const level = isScalar(heading) ? headingLevel(item, String(heading.value)) : 1;
          this.text(heading, `${itemPath}.heading`, 'heading', { owner: path, glyphRoles: printedIn('heading', { level }) });
        } else {
          this.text(item as Node, itemPath, 'paragraph', { owner: path });
        }
      });
    }
    this.text(get(node, 'byline'), `${path}.byline`, 'byline', { owner: path });
  }

  brief(node: Node, path: string): void {
    if (!isMap(node)) return;
    this.list(get(node, 'body'), `${path}.body`, 'brief', { owner: path });
    this.text(get(node, 'byline'), `${path}.byline`, 'byline', { owner: path });
  }

  footer(node: Node | undefined): void {
    if (!isMap(node)) return;
    const dist = get(node, 'distribution');
    if (isSeq(dist)) {
      dist.items.forEach((d, k) => {
        if (!isMap(d)) return;
        this.text(get(d, 'label'), `footer.distribution[${k}].label`, 'distribution');
        this.list(get(d, 'to'), `footer.distribution[${k}].to`, 'distribution');
      });
    }
    this.text(get(node, 'editor'), 'footer.editor', 'editor');
    this.text(get(node, 'phone'), 'footer.phone', 'phone');
    this.list(get(node, 'notes'), 'footer.notes', 'note');
  }
}

/** Every text scalar of the document, in source order. */
export function textScalars(doc: Document.Parsed, source: string): TextScalar[] {
  const w = new Walker(source);
  const root = doc.contents;
  if (!isMap(root)) return w.out;
  w.text(get(root, 'bulletin'), 'bulletin', 'masthead');
  w.text(get(root, 'edition'), 'edition', 'edition');
  w.text(get(root, 'publisher'), 'publisher', 'publisher');
  const sections = get(root, 'sections');
  if (isSeq(sections)) {
    sections.items.forEach((s, i) => {
      if (!isMap(s)) return;
      const path = `sections[${i}]`;
      w.text(get(s, 'name'), `${path}.name`, 'section');
      const articles = get(s, 'articles');
      if (isSeq(articles)) articles.items.forEach((a, j) => w.article(a as Node, `${path}.articles[${j}]`));
      const briefs = get(s, 'briefs');
      if (isSeq(briefs)) briefs.items.forEach((b, j) => w.brief(b as Node, `${path}.briefs[${j}]`));
    });
  }
  w.footer(get(root, 'footer'));
  return w.out.sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
}
