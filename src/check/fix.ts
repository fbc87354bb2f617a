/**
 * Applies rule repairs to the YAML source as splices of exact character ranges inside
 * scalars, so comments, key order, quoting and block style stay as they are. A repair is
 * applied only when every character it touches is a literal copy of the source (no escape,
 * no folded line break, no markup), it overlaps no repair accepted before it, and the
 * re-parsed document holds exactly the intended value in the same style with nothing else
 * changed. Anything else is reported but left alone.
 */
import { LineCounter, isScalar, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { codePointLabel, isInvisible } from '../diag/visible.js';
import { exactSourceRange } from './source-map.js';
import { say } from '../messages/catalogue.js';
import type { Edit, TextScalar } from './types.js';

/** One rule's repair of one finding (its edits apply together or not at all). */
export interface FixCandidate {
  scalar: TextScalar;
  edits: Edit[];
  ruleId: string;
  /** Identifies the finding, so the caller can mark its diagnostic fixable. */
  id: number;
}

interface SourceEdit { from: number; to: number; text: string; old: string; valueFrom: number; valueTo: number; ruleId: string }

export interface FixOutcome {
  source: string;
  /** Ids of the candidates that were applied. */
  applied: Set<number>;
  /** "line 12: ',' → '，' (punct-halfwidth)" */
  changes: string[];
}

/** Map a candidate's plain-text edits to source edits, or undefined when it is not exact. */
function toSourceEdits(c: FixCandidate, source: string): SourceEdit[] | undefined {
  const { view, map } = c.scalar;
  const out: SourceEdit[] = [];
  for (const e of c.edits) {
    if (e.end <= e.start || e.end > view.plain.length) return undefined;
    if (/[\r\n]/.test(e.text)) return undefined;
    const valueFrom = view.toValue[e.start];
    const valueTo = view.toValue[e.end - 1] + 1;
    // Markup inside the range would be swallowed by the replacement.
    if (valueTo - valueFrom !== e.end - e.start) return undefined;
    const range = exactSourceRange(map, valueFrom, valueTo);
    if (!range) return undefined;
    const old = map.value.slice(valueFrom, valueTo);
    if (/[\r\n]/.test(source.slice(range[0], range[1]))) return undefined;
    out.push({ from: range[0], to: range[1], text: e.text, old, valueFrom, valueTo, ruleId: c.ruleId });
  }
  return out;
}

const overlaps = (a: SourceEdit, b: SourceEdit): boolean => a.from < b.to && b.from < a.to;

/**
 * The source ranges of the repairs accepted so far, for the same overlap test as `overlaps`
 * in time proportional to the new edit's length (not to the number accepted: a paragraph can
 * have thousands of repairs). owner[i] is the accepted edit covering offset i (0: none);
 * insertions (empty ranges) are kept as points.
 */
class TakenRanges {
  private readonly owner: Uint32Array;
  private readonly points = new Set<number>();
  private next = 1;
  constructor(length: number) {
    this.owner = new Uint32Array(length + 1);
  }
  overlaps(e: { from: number; to: number }): boolean {
    if (e.from === e.to) {
      // An insertion overlaps a range that holds it strictly inside.
      return e.from > 0 && this.owner[e.from - 1] !== 0 && this.owner[e.from - 1] === this.owner[e.from];
    }
    for (let i = e.from; i < e.to; i++) {
      if (this.owner[i] !== 0) return true;
      if (i > e.from && this.points.has(i)) return true;
    }
    return false;
  }
  take(e: { from: number; to: number }): void {
    if (e.from === e.to) { this.points.add(e.from); return; }
    const id = this.next++;
    this.owner.fill(id, e.from, e.to);
  }
}

/**
 * `text` with the non-overlapping ranges [from, to) replaced, built piece by piece: a slice of
 * the whole text per edit would make thousands of repairs in one long paragraph quadratic.
 */
function replaceRanges(text: string, ranges: ReadonlyArray<{ from: number; to: number; text: string }>): string {
  const pieces: string[] = [];
  let at = 0;
  // Edits at the same place go in reverse order, as applying them one by one from the end did.
  const order = ranges.map((r, i) => ({ r, i })).sort((a, b) => a.r.from - b.r.from || b.i - a.i);
  for (const { r } of order) {
    pieces.push(text.slice(at, Math.max(at, r.from)), r.text);
    at = Math.max(at, r.to);
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

function splice(source: string, edits: readonly SourceEdit[]): string {
  return replaceRanges(source, edits);
}

function newValue(scalar: TextScalar, edits: readonly SourceEdit[]): string {
  return replaceRanges(scalar.map.value, edits.map((e) => ({ from: e.valueFrom, to: e.valueTo, text: e.text })));
}

/** `sections[2].articles[0].title[1]` → ['sections', 2, 'articles', 0, 'title', 1] */
export function pathKeys(path: string): Array<string | number> {
  const keys: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return keys;
}

function setIn(target: unknown, keys: ReadonlyArray<string | number>, value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (let k = 0; k < keys.length - 1; k++) node = node[keys[k]] as Record<string | number, unknown>;
  node[keys[keys.length - 1]] = value;
}

export function reparse(source: string, like: Document.Parsed): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const { ...options } = like.options;
  const doc = parseDocument(source, { ...options, lineCounter }) as Document.Parsed;
  return { doc, lineCounter };
}

/** True when `doc` holds `expected` (plain data) and each changed scalar kept its style. */
function verify(doc: Document.Parsed, expected: unknown, changed: ReadonlyArray<{ scalar: TextScalar; value: string }>): boolean {
  if (doc.errors.length) return false;
  for (const { scalar, value } of changed) {
    const node = doc.getIn(pathKeys(scalar.path), true);
    if (!isScalar(node) || node.type !== scalar.node.type || node.value !== value) return false;
  }
  return JSON.stringify(doc.toJS()) === JSON.stringify(expected);
}

/**
 * Apply the candidates (in priority order: earlier wins an overlap) to `source`, whose
 * parsed document is `doc`. `lineOf` turns a source offset into a 1-based line.
 */
export function applyFixes(
  source: string,
  doc: Document.Parsed,
  candidates: readonly FixCandidate[],
  lineOf: (offset: number) => number,
): FixOutcome {
  const accepted: Array<{ c: FixCandidate; edits: SourceEdit[] }> = [];
  const taken = new TakenRanges(source.length);
  for (const c of candidates) {
    const edits = toSourceEdits(c, source);
    if (!edits) continue;
    if (edits.some((e, k) => edits.some((f, j) => j !== k && overlaps(e, f)))) continue;
    if (edits.some((e) => taken.overlaps(e))) continue;
    for (const e of edits) taken.take(e);
    accepted.push({ c, edits });
  }
  const applied = new Set<number>();
  if (accepted.length === 0) return { source, applied, changes: [] };

  // Group by scalar: a scalar's repairs are verified together.
  const byScalar = new Map<TextScalar, Array<{ c: FixCandidate; edits: SourceEdit[] }>>();
  for (const a of accepted) {
    const group = byScalar.get(a.c.scalar);
    if (group) group.push(a);
    else byScalar.set(a.c.scalar, [a]);
  }
  const groups = [...byScalar.entries()].map(([scalar, items]) => ({
    scalar,
    items,
    edits: items.flatMap((i) => i.edits),
    value: newValue(scalar, items.flatMap((i) => i.edits)),
  }));

  let base: unknown;
  try { base = doc.toJS(); } catch { return { source, applied, changes: [] }; }
  const expectedWith = (gs: typeof groups): unknown => {
    const data = structuredClone(base);
    for (const g of gs) setIn(data, pathKeys(g.scalar.path), g.value);
    return data;
  };
  const attempt = (gs: typeof groups): string | undefined => {
    const trial = splice(source, gs.flatMap((g) => g.edits));
    try {
      const { doc: reparsed } = reparse(trial, doc);
      return verify(reparsed, expectedWith(gs), gs) ? trial : undefined;
    } catch {
      return undefined;
    }
  };

  // Usually everything verifies at once; otherwise keep the scalars that verify alone.
  let kept = groups;
  let result = attempt(groups);
  if (result === undefined) {
    kept = groups.filter((g) => attempt([g]) !== undefined);
    result = kept.length ? attempt(kept) : undefined;
    if (result === undefined) return { source, applied, changes: [] };
  }
  const changes: string[] = [];
  const all = kept.flatMap((g) => g.items.flatMap((i) => i.edits)).sort((a, b) => a.from - b.from);
  for (const e of all) {
    const line = lineOf(e.from);
    const change = e.text === '' ? say('change.removed', { old: show(e.old) }) : say('change.replaced', { old: show(e.old), text: show(e.text) });
    changes.push(say('change.line', { line, change, code: e.ruleId }));
  }
  for (const g of kept) for (const i of g.items) applied.add(i.c.id);
  return { source: result, applied, changes };
}

/** A piece of text in a change line: quoted, with every invisible character (and a tab) as <U+XXXX>. */
function show(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp === 0x09 || isInvisible(cp) || (cp >= 0xe000 && cp <= 0xf8ff) ? `<${codePointLabel(cp)}>` : ch;
  }
  return `${q}${out}${q}`;
}
