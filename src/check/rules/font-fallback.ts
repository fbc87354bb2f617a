/**
 * font-fallback: a character its text's own face lacks is printed by a fallback face of another
 * family — 王堃 with an office 仿宋_GB2312 that stops at GB 2312: 堃 comes out in 宋, one
 * character in another typeface in the middle of a name. The PDF is complete, so this is a
 * warning (a setting in bulletin.config.yaml's `rules:` can make it anything), at the character,
 * naming both faces. A fallback within the family (a title's Bold face falling back to the
 * Regular of the same family) is not reported; nor is a character no face has (glyph-coverage
 * reports that). One finding per character per text, with how often it occurs there.
 */
import { showChar } from '../../diag/visible.js';
import type { FontHandle } from '../../font/types.js';
import { hintOf, say } from '../../messages/catalogue.js';
import { glyphRoleName } from '../fonts.js';
import type { Finding, FontResolver, GlyphRole, ScalarRule } from '../types.js';
import { isInvisibleModifier } from './glyph-coverage.js';

/** Characters never drawn on their own (and those other rules report): what glyph-coverage skips, and spaces. */
export function isInvisible(cp: number): boolean {
  return cp <= 0x20 || cp === 0x3000 || isInvisibleModifier(cp);
}

/** The family a face belongs to (typographic family first: "Noto Serif CJK SC" for its Black face too). */
export function familyOf(font: FontHandle): string {
  return font.name('preferredFamily') || font.name('fontFamily') || font.postscriptName;
}

const fold = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');

/** A face, as messages name it: `FandolFang-Regular (FandolFang)`. */
function faceName(font: FontHandle): string {
  const family = familyOf(font);
  return family && family !== font.postscriptName ? `${font.postscriptName} (${family})` : font.postscriptName;
}

const glyphMemo = new WeakMap<FontHandle, Map<number, boolean>>();

function memoOf(font: FontHandle): Map<number, boolean> {
  let memo = glyphMemo.get(font);
  if (!memo) { memo = new Map(); glyphMemo.set(font, memo); }
  return memo;
}

function has(font: FontHandle, cp: number, memo = memoOf(font)): boolean {
  let hit = memo.get(cp);
  if (hit === undefined) { hit = font.hasGlyph(cp); memo.set(cp, hit); }
  return hit;
}

function chainOf(fonts: FontResolver, role: GlyphRole): readonly FontHandle[] | undefined {
  try {
    return fonts(role);
  } catch {
    return undefined; // glyph-coverage says why the chain cannot be had
  }
}

export const fontFallback: ScalarRule = {
  id: 'font-fallback',
  severity: 'warning',
  scope: 'scalar',
  description: 'a character is printed by a fallback face of another family than the text around it',
  check({ scalar, fonts }) {
    const { plain, bold } = scalar.view;
    const plainRoles = scalar.glyphRoles;
    const boldRoles = plainRoles.map((r) => (r === 'body' ? 'bold' : r));
    const chains = new Map<GlyphRole, readonly FontHandle[] | undefined>();
    // Per role, once per text: the glyphs its first face is known to have, or null where the role
    // has no chain to fall back along. (Looked up for every character of every text.)
    const heads = new Map<GlyphRole, Map<number, boolean> | null>();
    let found: Map<string, { start: number; end: number; cp: number; role: GlyphRole; by: FontHandle; count: number }> | undefined;
    for (let i = 0; i < plain.length; ) {
      const cp = plain.codePointAt(i) ?? 0;
      const width = cp > 0xffff ? 2 : 1;
      if (!isInvisible(cp)) {
        const roles = bold[i] ? boldRoles : plainRoles;
        for (let r = 0; r < roles.length; r++) {
          const role = roles[r];
          let head = heads.get(role);
          if (head === undefined) {
            const resolved = chainOf(fonts, role);
            chains.set(role, resolved);
            head = resolved && resolved.length >= 2 ? memoOf(resolved[0]) : null;
            heads.set(role, head);
          }
          if (head === null) continue;
          const chain = chains.get(role)!;
          if (has(chain[0], cp, head)) continue;
          const by = chain.find((f) => has(f, cp));
          if (!by || fold(familyOf(by)) === fold(familyOf(chain[0]))) continue;
          const key = `${cp}`;
          found ??= new Map();
          const seen = found.get(key);
          if (seen) { if (seen.role === role) seen.count++; }
          else found.set(key, { start: i, end: i + width, cp, role, by, count: 1 });
          break; // one finding per character: the first element it is printed in
        }
      }
      i += width;
    }
    if (!found) return [];
    const out: Finding[] = [];
    for (const f of found.values()) {
      const chain = chains.get(f.role)!;
      const params = {
        char: showChar(f.cp),
        element: glyphRoleName(f.role),
        fallback: faceName(f.by),
        face: faceName(chain[0]),
        times: f.count > 1 ? say('font-fallback.times', { count: f.count }) : '',
      };
      out.push({ start: f.start, end: f.end, message: say('font-fallback', params), hint: hintOf('font-fallback', params) });
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
