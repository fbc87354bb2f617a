/**
 * Applying the loader's repairs (YAML traps, tab indentation) to the source text, and proving
 * them: a repair is kept only when the repaired file, parsed again, holds at each place it wrote
 * exactly the text it meant to write. Repairs that fail the proof are dropped and the rest proved
 * again, so one doubtful repair never stops the certain ones, and none is ever applied unproved.
 */
import { parseDocument, visit, type Scalar } from 'yaml';
import type { Repair, SourceEdit } from './traps.js';

interface Placed {
  repair: Repair;
  /** Offset in the repaired source where each of the repair's edits starts. */
  starts: number[];
}

/** `source` with the edits of `repairs` applied (they do not overlap), and where each edit landed. */
export function applyRepairs(source: string, repairs: readonly Repair[]): { text: string; placed: Placed[] } {
  const all = repairs.flatMap((repair) => repair.edits.map((edit, k) => ({ repair, edit, k })));
  all.sort((a, b) => a.edit.from - b.edit.from);
  const placed = new Map<Repair, Placed>(repairs.map((r) => [r, { repair: r, starts: new Array<number>(r.edits.length).fill(0) }]));
  // Pieces joined once at the end, with their length kept apart: a file of 40,000 repairs must
  // not build its text by repeated concatenation.
  const parts: string[] = [];
  let length = 0;
  let at = 0;
  const put = (piece: string) => {
    parts.push(piece);
    length += piece.length;
  };
  for (const { repair, edit, k } of all) {
    put(source.slice(at, edit.from));
    placed.get(repair)!.starts[k] = length;
    put(edit.text);
    at = edit.to;
  }
  put(source.slice(at));
  return { text: parts.join(''), placed: [...placed.values()] };
}

const overlaps = (a: SourceEdit, b: SourceEdit): boolean => a.from < b.to && b.from < a.to;

/**
 * Repairs that share no source with one listed before them. The edits kept so far are held
 * sorted by start, so each new edit is compared with its neighbours only (kept edits never
 * overlap one another).
 */
function disjoint(repairs: readonly Repair[]): Repair[] {
  const kept: Repair[] = [];
  const edits: SourceEdit[] = [];
  /** Index of the first kept edit that starts at or after `from`. */
  const firstFrom = (from: number): number => {
    let lo = 0;
    let hi = edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edits[mid].from < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const clashes = (f: SourceEdit): boolean => {
    const i = firstFrom(f.from);
    for (const j of [i - 1, i]) {
      const e = edits[j];
      if (e && (overlaps(e, f) || (e.from === f.from && e.to === f.to))) return true;
    }
    // An edit that starts later but within f (f spans it).
    for (let j = i; j < edits.length && edits[j].from < f.to; j++) if (overlaps(edits[j], f)) return true;
    return false;
  };
  for (const r of repairs) {
    if (r.edits.some(clashes)) continue;
    kept.push(r);
    for (const f of r.edits) edits.splice(firstFrom(f.from), 0, f);
  }
  return kept;
}

function scalarsByStart(text: string): { values: Map<number, unknown>; clean: boolean } {
  const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'error' });
  const values = new Map<number, unknown>();
  visit(doc, {
    Scalar(_, node: Scalar) {
      if (node.range) values.set(node.range[0], node.value);
    },
  });
  return { values, clean: doc.errors.length === 0 };
}

/**
 * The repairs that prove out, applied together: the repaired text, whether YAML reads it
 * without an error, or undefined when none proves out.
 */
export function provenRepairs(source: string, repairs: readonly Repair[]): { text: string; repairs: Repair[]; clean: boolean } | undefined {
  let candidates = disjoint(repairs);
  for (let round = 0; round < 4 && candidates.length > 0; round++) {
    const { text, placed } = applyRepairs(source, candidates);
    const { values, clean } = scalarsByStart(text);
    const good = placed.filter(({ repair, starts }) => repair.expect.every((e) => values.get(starts[e.edit] + e.at) === e.value)).map((p) => p.repair);
    if (good.length === candidates.length) return { text, repairs: candidates, clean };
    candidates = good;
  }
  return undefined;
}
