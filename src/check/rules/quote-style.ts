/**
 * quote-style: straight quotes " and ' in Chinese text become “…” and ‘…’, nested the
 * mainland way — double outside, single inside (“‘’”); a “…” directly inside another “…”
 * is reported too (typography.md §5, checklist 49). Straight quotes are paired in order
 * within the scalar; when they do not pair up, the rule reports but cannot know which way
 * each one faces, so it does not repair. Apostrophes (don't, Xi'an) are not quotes.
 */
import { UnitSet, isChinese, isDigit, isLatinLetter } from '../chars.js';
import { say } from '../../messages/catalogue.js';
import type { Finding, ScalarRule } from '../types.js';
import { SKIP_SPACES, after, before, hasChinese } from './around.js';

type Kind = 'double' | 'single';

interface Quote { at: number; kind: Kind; straight: boolean; opening?: boolean }

function isApostrophe(plain: string, i: number): boolean {
  const p = before(plain, i);
  const n = after(plain, i + 1);
  return (isLatinLetter(p) || isDigit(p)) && (isLatinLetter(n) || (plain[i] === "'" && n === 0x73 /* 's */));
}

const QUOTE_MARKS = UnitSet.of(['"', "'", '“', '”', '‘', '’']);

function collect(plain: string, prot: Uint8Array): Quote[] {
  const out: Quote[] = [];
  for (let i = QUOTE_MARKS.next(plain, 0); i >= 0; i = QUOTE_MARKS.next(plain, i + 1)) {
    if (prot[i]) continue;
    const c = plain[i];
    if (c === '"') out.push({ at: i, kind: 'double', straight: true });
    else if (c === "'" && !isApostrophe(plain, i)) out.push({ at: i, kind: 'single', straight: true });
    else if (c === '“' || c === '”') out.push({ at: i, kind: 'double', straight: false, opening: c === '“' });
    else if (c === '‘' || (c === '’' && !isApostrophe(plain, i))) out.push({ at: i, kind: 'single', straight: false, opening: c === '‘' });
  }
  return out;
}

function chineseAround(plain: string, open: number, close: number): boolean {
  return (
    hasChinese(plain, open + 1, close) ||
    isChinese(before(plain, open, SKIP_SPACES)) ||
    isChinese(after(plain, close + 1, SKIP_SPACES))
  );
}

function mark(kind: Kind, opening: boolean): string {
  return kind === 'double' ? (opening ? '“' : '”') : opening ? '‘' : '’';
}

export const quoteStyle: ScalarRule = {
  id: 'quote-style',
  severity: 'error',
  scope: 'scalar',
  description: 'straight quotes in Chinese text become “…” ‘…’, by level: “…” outside, ‘…’ inside',
  roles: ['masthead', 'edition', 'publisher', 'section', 'title', 'toc', 'paragraph', 'heading', 'brief', 'byline', 'distribution', 'note'],
  check({ scalar }) {
    const { plain, protectedMask } = scalar.view;
    const quotes = collect(plain, protectedMask);
    if (quotes.length === 0) return [];
    const out: Finding[] = [];

    // Pair straight quotes of each kind in order; an odd count means they cannot be trusted.
    const straightPairs = new Map<number, number>();
    for (const kind of ['double', 'single'] as const) {
      const straight = quotes.filter((q) => q.straight && q.kind === kind);
      const chineseLone = (q: Quote): boolean =>
        isChinese(before(plain, q.at, SKIP_SPACES)) || isChinese(after(plain, q.at + 1, SKIP_SPACES));
      if (straight.length % 2 === 1) {
        for (const q of straight) {
          if (!chineseLone(q)) continue;
          out.push({
            start: q.at,
            end: q.at + 1,
            message: say(kind === 'double' ? 'quote-style.lone-double' : 'quote-style.lone-single', { mark: plain[q.at] }),
          });
        }
        continue;
      }
      for (let k = 0; k < straight.length; k += 2) {
        if (kind === 'single' && !chineseAround(plain, straight[k].at, straight[k + 1].at)) continue;
        straightPairs.set(straight[k].at, straight[k + 1].at);
      }
    }

    // Walk the quotes in order with a stack to learn each pair's nesting depth.
    const stack: Array<{ kind: Kind; at: number; straightClose?: number }> = [];
    const straightCloses = new Set(straightPairs.values());
    for (let j = 0; j < quotes.length; j++) {
      const q = quotes[j];
      if (q.straight) {
        const close = straightPairs.get(q.at);
        if (close !== undefined) {
          const doubleStraight = q.kind === 'double';
          if (doubleStraight && !chineseAround(plain, q.at, close)) {
            stack.push({ kind: 'double', at: q.at, straightClose: close });
            continue;
          }
          // Quotes take the kind their depth calls for, whichever straight quote was typed:
          // “…” outside, ‘…’ inside ('三难' at the outer level is “三难”).
          const kind: Kind = stack.length % 2 === 0 ? 'double' : 'single';
          const pair = `${mark(kind, true)}…${mark(kind, false)}`;
          out.push({
            start: q.at,
            end: q.at + 1,
            message: say(q.kind === 'double' ? 'quote-style.straight-double' : 'quote-style.straight-single', { pair }),
            fix: [{ start: q.at, end: q.at + 1, text: mark(kind, true) }, { start: close, end: close + 1, text: mark(kind, false) }],
          });
          stack.push({ kind, at: q.at, straightClose: close });
        } else if (straightCloses.has(q.at)) {
          const top = stack.findLastIndex((s) => s.straightClose === q.at);
          if (top >= 0) stack.length = top;
        }
        continue;
      }
      if (q.opening) {
        const parent = stack[stack.length - 1];
        if (!parent && q.kind === 'single') {
          // ‘…’ at the outer level of Chinese text: the outer quotes are “…”.
          const close = findClose(quotes, q);
          if (close !== undefined && chineseAround(plain, q.at, close)) {
            out.push({
              start: q.at,
              end: q.at + 1,
              message: say('quote-style.outer-single'),
              fix: [{ start: q.at, end: q.at + 1, text: '“' }, { start: close, end: close + 1, text: '”' }],
            });
            // It counts as the “ it becomes; its ’ closes it.
            stack.push({ kind: 'double', at: q.at, straightClose: close });
            continue;
          }
        }
        if (parent && parent.kind === q.kind) {
          const close = findClose(quotes, q);
          const inner: Kind = q.kind === 'double' ? 'single' : 'double';
          out.push({
            start: q.at,
            end: q.at + 1,
            message: say(q.kind === 'double' ? 'quote-style.double-in-double' : 'quote-style.single-in-single'),
            fix: close === undefined ? undefined : [
              { start: q.at, end: q.at + 1, text: mark(inner, true) },
              { start: close, end: close + 1, text: mark(inner, false) },
            ],
          });
        }
        stack.push(q);
      } else {
        const outer = stack.findLastIndex((s) => s.straightClose === q.at);
        if (outer >= 0) { stack.length = outer; continue; }
        const top = stack.findLastIndex((s) => s.kind === q.kind && s.straightClose === undefined);
        if (top >= 0) stack.length = top;
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};

/** The curly closing quote that matches `open`, counting nested quotes of the same kind. */
function findClose(quotes: readonly Quote[], open: Quote): number | undefined {
  let depth = 0;
  for (const q of quotes) {
    if (q.at <= open.at || q.straight || q.kind !== open.kind) continue;
    if (q.opening) depth++;
    else if (depth === 0) return q.at;
    else depth--;
  }
  return undefined;
}
