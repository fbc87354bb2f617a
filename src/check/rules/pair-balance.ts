/**
 * pair-balance: every full-width bracket, book-title mark and curly quote opened in a
 * paragraph is closed in it, in the right order. The lines of a multi-line title are one
 * text. Never repaired: only the author knows where the missing half belongs.
 */
import { FULLWIDTH_PAIRS, isDigit, isLatinLetter } from '../chars.js';
import type { Finding, ScalarRule, TextScalar } from '../types.js';
import { after, before } from './around.js';

const CLOSER_OF = FULLWIDTH_PAIRS;
const OPENER_OF = new Map([...FULLWIDTH_PAIRS].map(([o, c]) => [c, o]));

/** A list marker like 1） a） 一） at the start of a text uses only the closing half. */
const LIST_MARKER = /^\s*(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})[）)]/;

interface Piece { scalar: TextScalar; offset: number }

export const pairBalance: ScalarRule = {
  id: 'pair-balance',
  severity: 'error',
  scope: 'scalar',
  description: 'full-width brackets, book-title marks and quotes are balanced within a paragraph',
  check({ scalar }) {
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
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (skip.has(i)) continue;
      // ’ between letters is an apostrophe (Xi’an, don’t), not a closing quote.
      if (c === '’' && (isLatinLetter(before(text, i)) || isDigit(before(text, i))) && isLatinLetter(after(text, i + 1))) continue;
      if (CLOSER_OF.has(c)) { stack.push(i); continue; }
      const opener = OPENER_OF.get(c);
      if (opener === undefined) continue;
      if (stack.length && text[stack[stack.length - 1]] === opener) { stack.pop(); continue; }
      const match = stack.findLastIndex((o) => text[o] === opener);
      if (match < 0) {
        report(i, `closing '${c}' has no matching opening '${opener}'`);
        continue;
      }
      for (const o of stack.slice(match + 1)) report(o, `opening '${text[o]}' is not closed before '${c}'; expected '${CLOSER_OF.get(text[o])}'`);
      stack.length = match;
    }
    for (const o of stack) report(o, `opening '${text[o]}' has no matching closing '${CLOSER_OF.get(text[o])}'`);
    return out;
  },
};
