/**
 * glyph-coverage: every character must be drawable by a font of the role it is printed in
 * (a title also appears in the table of contents; bold runs use the bold face), or the
 * print shop gets tofu. Reports each missing character once per text, with its code
 * point and the fonts tried.
 */
import { isLineBreak } from '../chars.js';
import { isPasteDebris } from '../debris.js';
import { showChar } from '../../diag/visible.js';
import { isRefusedCharacter } from '../../issue/yaml-problems.js';
import { glyphRoleName } from '../fonts.js';
import { hintOf, say } from '../../messages/catalogue.js';
import type { FontHandle } from '../../font/types.js';
import type { Finding, FontResolver, GlyphRole, LintFile, ScalarRule } from '../types.js';

/**
 * Characters that are never drawn on their own, and those the loader or paste-debris already
 * report (one character, one error).
 */
export function isInvisibleModifier(cp: number): boolean {
  // Most of a bulletin: CJK Unified Ideographs, none of which is any of the below.
  if (cp >= 0x4e00 && cp <= 0x9fff) return false;
  return cp === 0x09 || isLineBreak(cp) || isRefusedCharacter(cp) || isPasteDebris(cp) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || cp === 0x200d || cp === 0x200c;
}

/** A font that could not be opened is reported once per file, not once per text. */
const reportedFontErrors = new WeakMap<LintFile, Set<string>>();

/** fontkit's cmap lookup is not free and a bulletin repeats its characters a lot. */
const glyphMemo = new WeakMap<FontHandle, Map<number, boolean>>();

type Chain = { chain: readonly FontHandle[]; memos: Array<Map<number, boolean>> } | { error: string };

function chainFor(fonts: FontResolver, role: GlyphRole): Chain {
  try {
    const chain = fonts(role);
    return { chain, memos: chain.map(memoOf) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function memoOf(font: FontHandle): Map<number, boolean> {
  let memo = glyphMemo.get(font);
  if (!memo) { memo = new Map(); glyphMemo.set(font, memo); }
  return memo;
}

/** Some font of the chain draws `cp`. */
function covers(entry: { chain: readonly FontHandle[]; memos: Array<Map<number, boolean>> }, cp: number): boolean {
  for (let k = 0; k < entry.chain.length; k++) {
    const memo = entry.memos[k];
    let hit = memo.get(cp);
    if (hit === undefined) { hit = entry.chain[k].hasGlyph(cp); memo.set(cp, hit); }
    if (hit) return true;
  }
  return false;
}

export const glyphCoverage: ScalarRule = {
  id: 'glyph-coverage',
  severity: 'error',
  scope: 'scalar',
  description: 'every character has a glyph in a font of its role',
  check({ scalar, file, fonts }) {
    const { plain, bold } = scalar.view;
    const out: Finding[] = [];
    // Chains are resolved on first use, in the order characters need them (which orders the
    // font errors reported below).
    const chains = new Map<GlyphRole, Chain>();
    let failed = false;
    // Made for the rare text with a character no font draws.
    let missing: Map<string, { start: number; end: number; cp: number; role: GlyphRole; count: number }> | undefined;
    const plainRoles = scalar.glyphRoles;
    const boldRoles = plainRoles.map((r) => (r === 'body' ? 'bold' : r));
    for (let i = 0; i < plain.length; ) {
      const cp = plain.codePointAt(i) ?? 0;
      const width = cp > 0xffff ? 2 : 1;
      if (!isInvisibleModifier(cp)) {
        const roles = bold[i] ? boldRoles : plainRoles;
        for (let r = 0; r < roles.length; r++) {
          const role = roles[r];
          let entry = chains.get(role);
          if (!entry) {
            entry = chainFor(fonts, role);
            chains.set(role, entry);
            if ('error' in entry) failed = true;
          }
          if ('error' in entry) continue;
          if (covers(entry, cp)) continue;
          const key = `${cp}:${role}`;
          missing ??= new Map();
          const seen = missing.get(key);
          if (seen) seen.count++;
          else missing.set(key, { start: i, end: i + width, cp, role, count: 1 });
        }
      }
      i += width;
    }
    if (!missing && !failed) return out;
    if (missing) for (const m of missing.values()) {
      const { chain } = chains.get(m.role) as { chain: readonly FontHandle[] };
      const tried = chain.map((f) => f.postscriptName || f.key).join(', ');
      const more = m.count > 1 ? say('glyph-coverage.times', { count: m.count }) : '';
      out.push({
        start: m.start,
        end: m.end,
        message: say('glyph-coverage', { char: showChar(m.cp), element: glyphRoleName(m.role), fonts: tried, more }),
        hint: hintOf('glyph-coverage', { fonts: tried }),
      });
    }
    let reported = reportedFontErrors.get(file);
    for (const [role, entry] of chains) {
      if (!('error' in entry)) continue;
      if (!reported) { reported = new Set(); reportedFontErrors.set(file, reported); }
      if (reported.has(entry.error)) continue;
      reported.add(entry.error);
      out.push({ start: 0, end: 0, message: say('glyph-coverage.unchecked', { element: glyphRoleName(role), reason: entry.error }) });
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
