/**
 * Fonts a theme names by family (`family: 仿宋_GB2312`, or `fangsong: FangSong` in a config),
 * turned into the file and face of a font installed on the computer before anything is opened.
 * The lookup is passed in (app code passes font/system.ts), so this stays free of the system.
 * A name no installed font has is a theme problem at the key that wrote it, with the nearest
 * installed names.
 */
import { hintOf, say } from '../messages/catalogue.js';
import type { ThemeProblem } from './problem.js';
import type { FontSpec, Theme } from './theme.js';

export interface FamilyLookup {
  /** The installed face `name` means (a family, full or PostScript name), if any. */
  find(name: string): { file: string; face?: string } | undefined;
  /** Installed names close to `name`, nearest first. */
  near(name: string): string[];
  /** Where installed fonts were looked for, in words. */
  where(): string;
}

/**
 * `theme` with every `family` found (its `file` and `face` set, `family` kept for reports), and
 * the names that could not be found. Faces given by file are left as they are.
 */
export function resolveFamilies(theme: Theme, lookup: FamilyLookup): { theme: Theme; problems: ThemeProblem[] } {
  const problems: ThemeProblem[] = [];
  let fonts: Record<string, FontSpec> | undefined;
  for (const [role, spec] of Object.entries(theme.fonts ?? {})) {
    if (typeof spec?.family !== 'string' || typeof spec.file === 'string') continue;
    fonts ??= { ...theme.fonts };
    const found = lookup.find(spec.family);
    if (found) {
      fonts[role] = { ...spec, file: found.file, ...(spec.face !== undefined ? {} : found.face !== undefined ? { face: found.face } : {}) };
      continue;
    }
    const near = lookup.near(spec.family).filter((n) => n !== spec.family);
    const params = { name: spec.family, where: lookup.where(), near: near.length ? say('font.family-near', { names: near.map((n) => `“${n}”`).join(', ') }) : '' };
    problems.push({
      path: ['fonts', role, 'family'],
      // Written as `file:` or as the role's bare value, the name is still what is wrong.
      aliases: [['fonts', role, 'file'], ['fonts', role]],
      message: say('font.family-not-found', params),
      hint: hintOf('font.family-not-found', params),
    });
  }
  return { theme: fonts ? { ...theme, fonts } : theme, problems };
}
