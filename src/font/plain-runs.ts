/**
 * Latin runs and punctuation set as fontkit's OpenType layout would set them, without running it.
 *
 * The composer shapes every Latin run (a year, a page number, a URL) through fontkit's layout
 * with the default features, and asks for a dash's full-width form with `fwid`. On a CJK face
 * the first such run decodes the GSUB and GPOS lookups the features reach — tens of milliseconds
 * of a cold build — and the answer is nearly always the cmap's glyphs at their hmtx advances,
 * some pairs kerned, a glyph swapped for its full-width form. This module works that out from
 * the face's bytes, run by run; where it cannot vouch for the answer, fontkit shapes the run.
 *
 * The reasoning, for a run of the characters in PLAIN (printable ASCII and general punctuation)
 * shaped with the default features, some turned off (`{ liga: false }`) or on (`['fwid']`), in
 * a face with no AAT `morx`, no `kern` table, no feature variations and no variation instance.
 * fontkit (2.0.4, pinned) then:
 * - takes the run's script as Latin when it has a letter, else as unknown; picks that script in
 *   GSUB and in GPOS, or else the first of DFLT, dflt, latn the table has; and uses the script's
 *   default language (no language is asked for);
 * - shapes with its default shaper (neither script has another) and applies, of that language's
 *   features, those in DEFAULT_FEATURES and those turned on, less those turned off (fractions
 *   only around U+2044, which PLAIN leaves out), their lookups sorted by index, GSUB's first;
 * - applies a lookup at a glyph only when the glyph is in the first coverage of a subtable
 *   (single, multiple, alternate, ligature, pair, cursive, mark attachment, context and chained
 *   context alike, extension subtables followed);
 * - zeroes the advance of a GDEF mark.
 * So when every lookup that can act at the run's glyphs (before and after a substitution) is a
 * single substitution, a ligature that does not form or a pair adjustment, and no glyph is a
 * GDEF mark, the run is its cmap glyphs with those substitutions made, at the hmtx advances of
 * the glyphs it ends with, and the pair adjustments add their x placement and advance: lookup by
 * lookup, at each glyph the first subtable that applies (to it and the next glyph, for a pair —
 * when the lookup skips no base glyph or ligature; the run has no mark to skip). Where the
 * reader cannot vouch for a table (an unknown format, an offset outside it, a class outside a
 * pair table's records, a script the table lacks) the face answers nothing and fontkit shapes as
 * before. test/font/plain-runs.test.ts compares the two on every vendored face and two system
 * faces.
 */
import type { Shaped } from './types.js';

/**
 * The features fontkit's default shaper applies to a left-to-right run without a fraction
 * slash (its VARIATION, DIRECTIONAL ltr, COMMON and HORIZONTAL lists), and `dlig`, which a
 * caller may turn on.
 */
export const DEFAULT_FEATURES: ReadonlySet<string> = new Set(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'dlig', 'rclt', 'curs', 'kern']);

/** Where a face's tables are: the file's bytes and each table's place in them. */
export interface FaceTables {
  bytes: Uint8Array;
  table(tag: string): { offset: number; length: number } | undefined;
}

/** The reader met something it cannot vouch for. */
class Unsure extends Error {}

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array, readonly start: number, readonly end: number) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(at: number): number {
    if (at < this.start || at + 2 > this.end) throw new Unsure();
    return this.view.getUint16(at);
  }
  i16(at: number): number {
    if (at < this.start || at + 2 > this.end) throw new Unsure();
    return this.view.getInt16(at);
  }
  u32(at: number): number {
    if (at < this.start || at + 4 > this.end) throw new Unsure();
    return this.view.getUint32(at);
  }
  tag(at: number): string {
    const v = this.u32(at);
    return String.fromCharCode(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  }
}

/** Each glyph of a Coverage table with its coverage index, as fontkit finds it (the first range that holds it). */
function coverageEntries(r: Reader, at: number, each: (glyph: number, index: number) => void): void {
  const format = r.u16(at);
  if (format === 1) {
    const count = r.u16(at + 2);
    for (let i = 0; i < count; i++) each(r.u16(at + 4 + 2 * i), i);
  } else if (format === 2) {
    const count = r.u16(at + 2);
    for (let i = 0; i < count; i++) {
      const rec = at + 4 + 6 * i;
      const first = r.u16(rec);
      const last = r.u16(rec + 2);
      const start = r.u16(rec + 4);
      for (let g = first; g <= last; g++) each(g, start + g - first);
    }
  } else {
    throw new Unsure();
  }
}

function markCoverage(r: Reader, at: number, touched: Uint8Array): void {
  coverageEntries(r, at, (g) => {
    touched[g] = 1;
  });
}

/** A Coverage table as glyph → coverage index, the first index for a glyph listed twice (as fontkit finds it). */
function coverageIndexes(r: Reader, at: number): Map<number, number> {
  const covered = new Map<number, number>();
  coverageEntries(r, at, (g, i) => {
    if (!covered.has(g)) covered.set(g, i);
  });
  return covered;
}

/** The class fontkit's getClassID gives `glyph` in the ClassDef table at `at`. */
function classOf(r: Reader, at: number, glyph: number): number {
  const format = r.u16(at);
  if (format === 1) {
    const i = glyph - r.u16(at + 2);
    return i >= 0 && i < r.u16(at + 4) ? r.u16(at + 6 + 2 * i) : 0;
  }
  if (format === 2) {
    const count = r.u16(at + 2);
    for (let i = 0; i < count; i++) {
      const rec = at + 4 + 6 * i;
      if (r.u16(rec) <= glyph && glyph <= r.u16(rec + 2)) return r.u16(rec + 4);
    }
    return 0;
  }
  throw new Unsure();
}

/** Size of a ValueRecord of this format, bytes; formats with reserved bits are not vouched for. */
function valueSize(format: number): number {
  if (format > 0xff) throw new Unsure();
  let n = 0;
  for (let bit = format; bit; bit >>= 1) n += bit & 1;
  return 2 * n;
}

/**
 * The x placement and x advance of the ValueRecord at `at` (the y fields have no place in a
 * horizontal run; fontkit reads the device offsets only for variable faces).
 */
function xValue(r: Reader, at: number, format: number): [number, number] {
  let field = at;
  let placement = 0;
  let advance = 0;
  for (let bit = 1; bit <= 8; bit <<= 1) {
    if (!(format & bit)) continue;
    if (bit === 1) placement = r.i16(field);
    else if (bit === 4) advance = r.i16(field);
    field += 2;
  }
  return [placement, advance];
}

/** What a pair adjustment does to the two glyphs: x placement and advance of each. */
type PairAdjustment = [number, number, number, number];

/** A pair adjustment subtable (GPOS type 2), asked pair by pair. */
class PairTable {
  readonly #covered: Map<number, number>;
  constructor(readonly r: Reader, readonly at: number) {
    const format = r.u16(at);
    if (format !== 1 && format !== 2) throw new Unsure();
    valueSize(r.u16(at + 4));
    valueSize(r.u16(at + 6));
    this.#covered = coverageIndexes(r, at + r.u16(at + 2));
  }

  /**
   * What fontkit does to `first` and `second` set next to each other: undefined when the subtable
   * does not apply (then the lookup's next subtable is tried), else the adjustment — a class pair
   * applies even when its values are all zero.
   */
  adjust(first: number, second: number): PairAdjustment | undefined {
    const { r, at } = this;
    const index = this.#covered.get(first);
    if (index === undefined) return undefined;
    const f1 = r.u16(at + 4);
    const f2 = r.u16(at + 6);
    const s1 = valueSize(f1);
    const s2 = valueSize(f2);
    let rec: number;
    if (r.u16(at) === 1) {
      if (index >= r.u16(at + 8)) throw new Unsure();
      const set = at + r.u16(at + 10 + 2 * index);
      const count = r.u16(set);
      const size = 2 + s1 + s2;
      let found = -1;
      for (let i = 0; i < count && found < 0; i++) if (r.u16(set + 2 + size * i) === second) found = set + 2 + size * i + 2;
      if (found < 0) return undefined;
      rec = found;
    } else {
      const class1 = classOf(r, at + r.u16(at + 8), first);
      const class2 = classOf(r, at + r.u16(at + 10), second);
      const count1 = r.u16(at + 12);
      const count2 = r.u16(at + 14);
      // fontkit fails on a class outside the records: not a case to answer for it.
      if (class1 >= count1 || class2 >= count2) throw new Unsure();
      rec = at + 16 + (class1 * count2 + class2) * (s1 + s2);
    }
    return [...xValue(r, rec, f1), ...xValue(r, rec + s1, f2)] as PairAdjustment;
  }
}

/** A single substitution subtable (GSUB type 1). */
class SingleTable {
  readonly #covered: Map<number, number>;
  constructor(readonly r: Reader, readonly at: number) {
    const format = r.u16(at);
    if (format !== 1 && format !== 2) throw new Unsure();
    this.#covered = coverageIndexes(r, at + r.u16(at + 2));
  }

  /** The glyph fontkit puts in place of `glyph`, or undefined when the subtable does not cover it. */
  substitute(glyph: number): number | undefined {
    const index = this.#covered.get(glyph);
    if (index === undefined) return undefined;
    const { r, at } = this;
    if (r.u16(at) === 1) return (glyph + r.i16(at + 4)) & 0xffff;
    if (index >= r.u16(at + 4)) throw new Unsure();
    return r.u16(at + 6 + 2 * index);
  }
}

/** A ligature substitution subtable (GSUB type 4), asked whether a ligature forms. */
class LigatureTable {
  readonly #covered: Map<number, number>;
  constructor(readonly r: Reader, readonly at: number) {
    if (r.u16(at) !== 1) throw new Unsure();
    this.#covered = coverageIndexes(r, at + r.u16(at + 2));
  }

  /**
   * Whether fontkit would form a ligature starting at `ids[i]` (the glyphs after it in the run
   * are its next glyphs: the run has no marks to skip). A ligature of one component would form
   * anywhere it is covered.
   */
  forms(ids: readonly number[], i: number): boolean {
    const index = this.#covered.get(ids[i]);
    if (index === undefined) return false;
    const { r, at } = this;
    if (index >= r.u16(at + 4)) throw new Unsure();
    const set = at + r.u16(at + 6 + 2 * index);
    const count = r.u16(set);
    for (let k = 0; k < count; k++) {
      const lig = set + r.u16(set + 2 + 2 * k);
      const components = r.u16(lig + 2);
      if (components === 0) throw new Unsure();
      let match = i + components - 1 < ids.length;
      for (let c = 1; match && c < components; c++) match = r.u16(lig + 2 + 2 * c) === ids[i + c];
      if (match) return true;
    }
    return false;
  }
}

/**
 * A lookup fontkit may apply to the run, its subtables in order: a single substitution
 * (applied), a ligature substitution (that must not form), a pair adjustment (applied).
 */
type Step = { kind: 'single'; tables: SingleTable[] } | { kind: 'ligature'; tables: LigatureTable[] } | { kind: 'pair'; tables: PairTable[] };

/** What the features can do to a run of one script kind in a face. */
export interface LayoutReach {
  /**
   * Glyphs (by id, 1 = touched) some other lookup can act at, or GDEF marks: no glyph the run
   * has, before or after a substitution, may be one.
   */
  touched: Uint8Array;
  /** GSUB's single and ligature substitution lookups, in the order fontkit applies them. */
  substitutions: Exclude<Step, { kind: 'pair' }>[];
  /** GPOS's pair adjustment lookups, in the order fontkit applies them (after GSUB's). */
  pairs: PairTable[][];
}

/** Context lookups (GSUB 5, GPOS 7) and chained ones (GSUB 6, GPOS 8): their first coverage. */
function contextCoverage(r: Reader, at: number, chained: boolean): number {
  const format = r.u16(at);
  if (format === 1 || format === 2) return at + r.u16(at + 2);
  if (format !== 3) throw new Unsure();
  if (!chained) {
    // glyphCount, seqLookupCount, then the coverages.
    if (r.u16(at + 2) === 0) throw new Unsure();
    return at + r.u16(at + 6);
  }
  const backtrack = r.u16(at + 2);
  const inputAt = at + 4 + 2 * backtrack;
  // A rule with no input glyph acts without a glyph of its own: not a case to vouch for.
  if (r.u16(inputAt) === 0) throw new Unsure();
  return at + r.u16(inputAt + 2);
}

/**
 * Add what one subtable can do (extension subtables followed): a single substitution, a
 * ligature substitution or a pair adjustment to its lookup's step (`steps`, by kind), anything
 * else to `reach.touched` as the glyphs of its first coverage.
 */
function addSubtable(r: Reader, gpos: boolean, type: number, flags: number, at: number, reach: LayoutReach, steps: Map<Step['kind'], Step>): void {
  const extension = gpos ? 9 : 7;
  if (type === extension) {
    if (r.u16(at) !== 1) throw new Unsure();
    const inner = r.u16(at + 2);
    if (inner === extension) throw new Unsure();
    addSubtable(r, gpos, inner, flags, at + r.u32(at + 4), reach, steps);
    return;
  }
  // Unless the lookup skips base glyphs or ligatures, it sees every glyph of the run, in order
  // (the runs here have no marks to skip): a glyph, its substitute, the glyphs after it.
  const kind = (flags & 0x6) !== 0 ? undefined : gpos ? (type === 2 ? 'pair' : undefined) : type === 1 ? 'single' : type === 4 ? 'ligature' : undefined;
  if (kind) {
    let step = steps.get(kind);
    if (!step) steps.set(kind, (step = { kind, tables: [] } as Step));
    if (step.kind === 'pair') step.tables.push(new PairTable(r, at));
    else if (step.kind === 'single') step.tables.push(new SingleTable(r, at));
    else step.tables.push(new LigatureTable(r, at));
    return;
  }
  const context = gpos ? 7 : 5;
  let coverage: number;
  if (type === context) coverage = contextCoverage(r, at, false);
  else if (type === context + 1) coverage = contextCoverage(r, at, true);
  else if (gpos ? type >= 1 && type <= 6 : (type >= 1 && type <= 4) || type === 8) coverage = at + r.u16(at + 2);
  else throw new Unsure();
  markCoverage(r, coverage, reach.touched);
}

/**
 * The feature indices of the default language of the script fontkit picks for a run whose own
 * script is `script` ('latn', or 'zzzz' for a run without letters).
 */
function languageFeatures(r: Reader, script: string): number[] {
  const found = defaultLanguageFeatures(r, script);
  // No such script: fontkit keeps what it chose before; not a case to answer for it.
  if (found === undefined) throw new Unsure();
  return found;
}

/** languageFeatures, or undefined when the table has none of those scripts. */
function defaultLanguageFeatures(r: Reader, script: string): number[] | undefined {
  const scriptList = r.start + r.u16(r.start + 4);
  const count = r.u16(scriptList);
  for (const wanted of [script, 'DFLT', 'dflt', 'latn']) {
    for (let i = 0; i < count; i++) {
      const rec = scriptList + 2 + 6 * i;
      if (r.tag(rec) !== wanted) continue;
      const table = scriptList + r.u16(rec + 4);
      const langSys = r.u16(table);
      if (langSys === 0) return [];
      const at = table + langSys;
      const n = r.u16(at + 4);
      const indices: number[] = [];
      for (let k = 0; k < n; k++) indices.push(r.u16(at + 6 + 2 * k));
      return indices;
    }
  }
  return undefined;
}

/**
 * Add what the default features (less those `off`) of a GSUB or GPOS table can do to a run of
 * `script` to `reach`. The lookups come as fontkit lists them: the features by tag (a later
 * record of a tag in the language replacing an earlier one), each feature's lookups, sorted by
 * lookup index — a lookup two features name is applied twice.
 */
function addLayoutTable(r: Reader, gpos: boolean, script: string, features: FeatureChoice, reach: LayoutReach): void {
  const at = r.start;
  if (r.u16(at) !== 1) throw new Unsure();
  if (r.u16(at + 2) >= 1 && r.u32(at + 10) !== 0) throw new Unsure(); // feature variations
  const featureList = at + r.u16(at + 6);
  const lookupList = at + r.u16(at + 8);
  const featureCount = r.u16(featureList);
  const byTag = new Map<string, number>();
  for (const i of languageFeatures(r, script)) {
    if (i >= featureCount) throw new Unsure();
    const rec = featureList + 2 + 6 * i;
    const tag = r.tag(rec);
    if ((DEFAULT_FEATURES.has(tag) || features.on.has(tag)) && !features.off.has(tag)) byTag.set(tag, featureList + r.u16(rec + 4));
  }
  const lookups: number[] = [];
  for (const feature of byTag.values()) {
    const count = r.u16(feature + 2);
    for (let k = 0; k < count; k++) lookups.push(r.u16(feature + 4 + 2 * k));
  }
  lookups.sort((a, b) => a - b);
  const lookupCount = r.u16(lookupList);
  for (const index of lookups) {
    if (index >= lookupCount) throw new Unsure();
    const lookup = lookupList + r.u16(lookupList + 2 + 2 * index);
    const type = r.u16(lookup);
    const flags = r.u16(lookup + 2);
    const subtables = r.u16(lookup + 4);
    const steps = new Map<Step['kind'], Step>();
    for (let s = 0; s < subtables; s++) addSubtable(r, gpos, type, flags, lookup + r.u16(lookup + 6 + 2 * s), reach, steps);
    // A lookup's subtables are all of its type: one step (extension subtables of mixed types
    // are not a case to answer for fontkit).
    if (steps.size > 1) throw new Unsure();
    for (const step of steps.values()) {
      if (step.kind === 'pair') reach.pairs.push(step.tables);
      else reach.substitutions.push(step);
    }
  }
}

/** Mark the glyphs GDEF classes as marks (class 3). */
function markGdefMarks(r: Reader, touched: Uint8Array): void {
  const at = r.start;
  if (r.u16(at) !== 1) throw new Unsure();
  const classDefOffset = r.u16(at + 4);
  if (classDefOffset === 0) return;
  const classDef = at + classDefOffset;
  const format = r.u16(classDef);
  if (format === 1) {
    const first = r.u16(classDef + 2);
    const count = r.u16(classDef + 4);
    for (let i = 0; i < count; i++) if (r.u16(classDef + 6 + 2 * i) === 3) touched[first + i] = 1;
  } else if (format === 2) {
    const count = r.u16(classDef + 2);
    for (let i = 0; i < count; i++) {
      const rec = classDef + 4 + 6 * i;
      if (r.u16(rec + 4) === 3) touched.fill(1, r.u16(rec), r.u16(rec + 2) + 1);
    }
  } else {
    throw new Unsure();
  }
}

/** A reader of the face's table `tag`; undefined when it has none, null when it lies outside the file. */
function tableReader(face: FaceTables, tag: string): Reader | undefined | null {
  const entry = face.table(tag);
  if (!entry) return undefined;
  const end = entry.offset + entry.length;
  return entry.offset < 0 || end > face.bytes.byteLength ? null : new Reader(face.bytes, entry.offset, end);
}

/**
 * The characters answered here: printable ASCII and the general punctuation (dashes, quotes,
 * ellipsis, ‰, ※…) but the fraction slash U+2044 (fontkit sets fractions around it) and the
 * invisible marks fontkit hides. All of them are of the Common script but the ASCII letters,
 * which are Latin (test/font/plain-runs.test.ts checks this against unicode-properties).
 */
const PLAIN = /^[\x20-\x7e\u2010-\u2027\u2030-\u2043\u2045-\u205e]$/;

/**
 * The features fontkit's `availableFeatures` lists for the face, read from its GSUB and GPOS:
 * those of the default language of the first of DFLT, dflt, latn each table has (GSUB's, then
 * GPOS's, each tag once), and `kern` when the face has a kern table — without fontkit decoding
 * both tables for it. Undefined for a face with AAT `morx` (another engine answers) or a table
 * the reader cannot vouch for.
 */
export function availableFeatures(face: FaceTables): string[] | undefined {
  if (face.table('morx')) return undefined;
  const out: string[] = [];
  try {
    for (const tag of ['GSUB', 'GPOS'] as const) {
      const r = tableReader(face, tag);
      if (r === undefined) continue;
      if (r === null || r.u16(r.start) !== 1) return undefined;
      const featureList = r.start + r.u16(r.start + 6);
      const count = r.u16(featureList);
      // No default script: fontkit's processor keeps no features.
      const indices = defaultLanguageFeatures(r, 'DFLT') ?? [];
      const tags = new Set<string>();
      for (const i of indices) {
        if (i >= count) return undefined;
        tags.add(r.tag(featureList + 2 + 6 * i));
      }
      for (const t of tags) out.push(t);
    }
  } catch (err) {
    if (err instanceof Unsure) return undefined;
    throw err;
  }
  if (face.table('kern') && !out.includes('kern')) out.push('kern');
  return out;
}

/** The run's script as fontkit takes it: Latin with a letter, else unknown ('zzzz'). */
export function runScript(text: string): 'latn' | 'zzzz' {
  return /[A-Za-z]/.test(text) ? 'latn' : 'zzzz';
}

/** The features a caller turns on and off, beside the defaults. */
export interface FeatureChoice {
  on: ReadonlySet<string>;
  off: ReadonlySet<string>;
}

/**
 * What the default features and those turned `on`, but those turned `off`, can do to a run of
 * `script` in the face, or undefined when the face is not one this module vouches for.
 */
export function layoutReach(face: FaceTables, script: 'latn' | 'zzzz', features: FeatureChoice = { on: new Set(), off: new Set() }): LayoutReach | undefined {
  if (face.table('morx') || face.table('kern')) return undefined;
  const reach: LayoutReach = { touched: new Uint8Array(65536), substitutions: [], pairs: [] };
  try {
    for (const tag of ['GSUB', 'GPOS', 'GDEF'] as const) {
      const r = tableReader(face, tag);
      if (r === undefined) continue;
      if (r === null) return undefined;
      if (tag === 'GDEF') markGdefMarks(r, reach.touched);
      else addLayoutTable(r, tag === 'GPOS', script, features, reach);
    }
  } catch (err) {
    if (err instanceof Unsure) return undefined;
    throw err;
  }
  return reach;
}

/**
 * The features `features` turns on and off: a list turns its features on (fontkit adds them to
 * every glyph), an object turns on those set true and off those set false.
 */
export function featureChoice(features: readonly string[] | Readonly<Record<string, boolean>> | undefined): FeatureChoice {
  if (features === undefined) return { on: new Set(), off: new Set() };
  if (Array.isArray(features)) return { on: new Set(features as readonly string[]), off: new Set() };
  const on = new Set<string>();
  const off = new Set<string>();
  for (const key in features) ((features as Record<string, boolean>)[key] ? on : off).add(key);
  return { on, off };
}

/** A key for a choice of features, for caching what they can do. */
export function choiceKey(c: FeatureChoice): string {
  return `${[...c.on].sort().join(',')}|${[...c.off].sort().join(',')}`;
}

/**
 * The shaping of `text` as fontkit would give it (see above): `glyphId` and `advance` are the
 * face's cmap and hmtx. Undefined when this module cannot vouch for it: a character outside
 * PLAIN, one the cmap lacks, a glyph another lookup can act at, a ligature that forms.
 */
export function plainRun(text: string, reach: LayoutReach, glyphId: (cp: number) => number, advance: (id: number) => number): Shaped | undefined {
  const ids: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!PLAIN.test(text[i])) return undefined;
    const id = glyphId(text.charCodeAt(i));
    if (!(id > 0 && id <= 0xffff) || reach.touched[id]) return undefined;
    ids.push(id);
  }
  try {
    for (const step of reach.substitutions) {
      for (let i = 0; i < ids.length; i++) {
        if (step.kind === 'ligature') {
          if (step.tables.some((table) => table.forms(ids, i))) return undefined;
          continue;
        }
        // At each glyph the first subtable that covers it.
        for (const table of step.tables) {
          const to = table.substitute(ids[i]);
          if (to === undefined) continue;
          if (!(to > 0) || reach.touched[to]) return undefined;
          ids[i] = to;
          break;
        }
      }
    }
    // The advances of the glyphs substituted, then the pairs' adjustments.
    const w = ids.map((id) => advance(id));
    const adv = w.slice();
    const dx = ids.map(() => 0);
    for (const lookup of reach.pairs) {
      for (let i = 0; i + 1 < ids.length; i++) {
        for (const table of lookup) {
          const adj = table.adjust(ids[i], ids[i + 1]);
          if (!adj) continue;
          dx[i] += adj[0];
          adv[i] += adj[1];
          dx[i + 1] += adj[2];
          adv[i + 1] += adj[3];
          break;
        }
      }
    }
    return { ids, adv, w, dx, cps: ids.map(() => 1) };
  } catch (err) {
    if (err instanceof Unsure) return undefined;
    throw err;
  }
}
