/**
 * pair-balance: every full-width bracket, book-title mark and curly quote opened in a
 * paragraph is closed in it, in the right order. The lines of a multi-line title are one
 * text. Never repaired: only the author knows where the missing half belongs.
 */
import { FULLWIDTH_PAIRS, UnitSet, isDigit, isLatinLetter } from '../chars.js';
import { say } from '../../messages/catalogue.js';
import type { Finding, ScalarRule, TextScalar } from '../types.js';
import { after, before } from './around.js';

const CLOSER_OF = FULLWIDTH_PAIRS;
/** The same pairs by UTF-16 unit (every mark is one unit), for the walk over each character. */
const OPENER_UNITS = UnitSet.of([...FULLWIDTH_PAIRS.keys()]);
const PAIR_MARKS = UnitSet.of([...FULLWIDTH_PAIRS.keys(), ...FULLWIDTH_PAIRS.values()]);
const OPENER_OF_CLOSER: ReadonlyMap<number, number> = new Map([...FULLWIDTH_PAIRS].map(([o, c]) => [c.charCodeAt(0), o.charCodeAt(0)]));
const APOSTROPHE_QUOTE = 0x2019; // ’

/** A list marker like 1） a） 一） at the start of a text uses only the closing half. */
const LIST_MARKER = /^\s*(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})[）)]/;
/**
 * The same markers inside a text (要求：1）加强学习；2）完善制度): after a space or a pause or
 * stop mark. Taken as markers only when no bracket is open for them to close, so that
 * （比例为5：1） stays a pair.
 */
const INLINE_MARKER = /(?<=[\s：；，。、！？])(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})）/g;

const OPENING_QUOTE = 0x201c; // “
const leadingMark = (text: string): number => text.charCodeAt(text.search(/[^\s\u3000]|$/));

/**
 * A quotation of several paragraphs opens each with “ and closes only the last (GB/T 15834,
 * 引号): a paragraph that starts with “, leaves only that “ open, and is followed in the same
 * article by a paragraph that starts with “ again is such a paragraph, not an unclosed quote.
 */
function continuedQuotation(scalar: TextScalar, scalars: readonly TextScalar[], open: number): boolean {
  const plain = scalar.view.plain;
  if (plain.charCodeAt(open) !== OPENING_QUOTE || plain.slice(0, open).trim() !== '') return false;
  if (scalar.role !== 'paragraph' && scalar.role !== 'brief') return false;
  const next = scalars[scalars.indexOf(scalar) + 1];
  return next !== undefined && next.owner === scalar.owner && next.role === scalar.role && leadingMark(next.view.plain) === OPENING_QUOTE;
}

interface Piece { scalar: TextScalar; offset: number }

export const pairBalance: ScalarRule = {
  id: 'pair-balance',
  severity: 'error',
  scope: 'scalar',
  description: 'full-width brackets, book-title marks and quotes are balanced within a paragraph',
  check({ scalar, file }) {
    const members = scalar.group ?? [scalar];
    if (members[0] !== scalar) return [];
    let text = '';
    const pieces: Piece[] = [];
    for (const m of members) { pieces.push({ scalar: m, offset: text.length }); text += m.view.plain; }
    const locate = (at: number): { scalar: TextScalar; start: number } => {
      let p = pieces[0];
      for (const q of pieces) if (q.offset <= at) p = q;
      return { scalar: p.scalar, start: at - p.offset };
    };
    const out: Finding[] = [];
    const report = (at: number, message: string): void => {
      const { scalar: s, start } = locate(at);
      out.push({ start, end: start + 1, message, scalar: s === scalar ? undefined : s });
    };

    const skip = new Set<number>();
    for (const p of pieces) {
      const m = LIST_MARKER.exec(p.scalar.view.plain);
      if (m) skip.add(p.offset + m[0].length - 1);
    }
    const markers = new Set<number>();
    for (const m of text.matchAll(INLINE_MARKER)) markers.add(m.index! + m[0].length - 1);
    // Openers not yet closed; `depth` counts them (the array is not popped, so it keeps its storage).
    const stack: number[] = [];
    let depth = 0;
    for (let i = PAIR_MARKS.next(text, 0); i >= 0; i = PAIR_MARKS.next(text, i + 1)) {
      const c = text.charCodeAt(i);
      if (OPENER_UNITS.has(c)) {
        if (!skip.has(i)) stack[depth++] = i;
        continue;
      }
      const opener = OPENER_OF_CLOSER.get(c);
      if (opener === undefined || skip.has(i)) continue;
      // ’ between letters is an apostrophe (Xi’an, don’t), not a closing quote.
      if (c === APOSTROPHE_QUOTE && (isLatinLetter(before(text, i)) || isDigit(before(text, i))) && isLatinLetter(after(text, i + 1))) continue;
      if (depth && text.charCodeAt(stack[depth - 1]) === opener) { depth--; continue; }
      let match = depth - 1;
      while (match >= 0 && text.charCodeAt(stack[match]) !== opener) match--;
      if (match < 0) {
        if (markers.has(i)) continue;
        report(i, say('pair-balance.unopened', { close: text[i], open: String.fromCharCode(opener) }));
        continue;
      }
      for (let k = match + 1; k < depth; k++) {
        const o = stack[k];
        report(o, say('pair-balance.crossed', { open: text[o], other: text[i], close: CLOSER_OF.get(text[o])! }));
      }
      depth = match;
    }
    if (depth === 1 && members.length === 1 && continuedQuotation(scalar, file.scalars, stack[0])) return out;
    for (let k = 0; k < depth; k++) {
      const o = stack[k];
      report(o, say('pair-balance.unclosed', { open: text[o], close: CLOSER_OF.get(text[o])! }));
    }
    return out;
  },
};
