/**
 * A composer that remembers: a build session lays the same issue out again after every save,
 * and an edit changes one paragraph or two. Each paragraph is composed once and kept, keyed by
 * everything composition depends on — the spans' text, style tag and font chain, and the
 * options (measure, size, indent, alignment, grid, …) — so the next layout re-composes only the
 * paragraphs whose key is new. The composer is pure (spans and options in, lines out), which
 * is what makes the key complete; layout never changes the lines it is given (it copies a line
 * to move or letter-space it), so one composed paragraph can serve every build that asks for it.
 *
 * Memory stays flat over any number of edits: after each build that got through, the entries
 * that build did not ask for are dropped (the paragraph as it was before its last edit).
 */
import { composeParagraph } from '../compose/compose.js';
import type { ComposedParagraph, ComposeOptions, Span } from '../compose/types.js';
import type { FontHandle } from '../font/types.js';
import type { Composer } from '../layout/setting.js';

/** A number per font face object: two chains are the same when they hold the same faces. */
const faceIds = new WeakMap<FontHandle, number>();
let nextFaceId = 1;

function faceId(font: FontHandle): number {
  let id = faceIds.get(font);
  if (id === undefined) {
    id = nextFaceId++;
    faceIds.set(font, id);
  }
  return id;
}

/**
 * The key of one composition. Options are written out whole (JSON keeps every field, so an
 * option added to the composer later is part of the key without a change here); each tag and
 * text is preceded by its length, so no text can pass for the end of one span and the start of
 * the next.
 */
export function compositionKey(spans: readonly Span[], options: ComposeOptions): string {
  let key = JSON.stringify(options);
  for (const s of spans) {
    const tag = s.tag ?? '';
    key += '|';
    for (const f of s.fonts) key += `${faceId(f)},`;
    key += `${s.tag === undefined ? '-' : tag.length}:${tag}${s.text.length}:${s.text}`;
  }
  return key;
}

export class ComposeCache {
  readonly #entries = new Map<string, ComposedParagraph>();
  #used = new Set<string>();
  /** Paragraphs taken from the cache and composed afresh since the last `begin`. */
  hits = 0;
  misses = 0;

  constructor(private readonly inner: Composer = composeParagraph) {}

  /** The composer to hand to layoutIssue. */
  readonly compose: Composer = (spans, options) => {
    const key = compositionKey(spans, options);
    this.#used.add(key);
    let result = this.#entries.get(key);
    if (result) {
      this.hits++;
    } else {
      this.misses++;
      result = this.inner(spans, options);
      this.#entries.set(key, result);
    }
    // The arrays are the caller's to keep; the lines in them are shared and never changed. Every
    // field of the composition is handed back (the settings in other line counts too), so a
    // session lays out exactly what a build does.
    const copy: ComposedParagraph = { ...result, lines: result.lines.slice(), missing: result.missing.slice() };
    if (result.alternatives) copy.alternatives = result.alternatives.map((a) => a?.slice());
    return copy;
  };

  /** A build starts: count and remember afresh. */
  begin(): void {
    this.#used = new Set();
    this.hits = 0;
    this.misses = 0;
  }

  /** A build got through: forget what it did not use. (After a failed build, keep everything.) */
  sweep(): void {
    for (const key of this.#entries.keys()) if (!this.#used.has(key)) this.#entries.delete(key);
    this.#used = new Set();
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
    this.#used = new Set();
  }
}
