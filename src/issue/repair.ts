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
  let text = '';
  let at = 0;
  for (const { repair, edit, k } of all) {
    text += source.slice(at, edit.from);
    placed.get(repair)!.starts[k] = text.length;
    text += edit.text;
    at = edit.to;
  }
  text += source.slice(at);
  return { text, placed: [...placed.values()] };
}

const overlaps = (a: SourceEdit, b: SourceEdit): boolean => a.from < b.to && b.from < a.to;

/** Repairs that share no source with one listed before them. */
function disjoint(repairs: readonly Repair[]): Repair[] {
  const kept: Repair[] = [];
  for (const r of repairs) {
    if (kept.some((k) => k.edits.some((e) => r.edits.some((f) => overlaps(e, f) || (e.from === f.from && e.to === f.to))))) continue;
    kept.push(r);
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
