/**
 * Font roles → fallback chains of opened faces: a role's face, then the chains of its
 * fallbacks in order, each face once. Faces are opened through the function the caller passes
 * (the app passes font/load's openFont; `bulletin fonts` one that records failures instead).
 */
import type { FontHandle } from '../font/types.js';
import { say } from '../messages/catalogue.js';
import type { ThemeProblem } from './problem.js';
import type { Theme } from './theme.js';

export type FontOpener = (file: string, face?: string) => FontHandle;

export type Chain = { fonts: FontHandle[] } | { problem: ThemeProblem };

export class FontChains {
  private readonly chains = new Map<string, Chain>();

  constructor(private readonly theme: Theme, private readonly open: FontOpener) {}

  /** The chain of `role`, or why there is none (a role not defined, a fallback loop). */
  chain(role: string): Chain {
    let hit = this.chains.get(role);
    if (!hit) {
      hit = this.build(role);
      this.chains.set(role, hit);
    }
    return hit;
  }

  private build(role: string): Chain {
    const fonts: FontHandle[] = [];
    const done = new Set<string>();
    const fonts_ = this.theme.fonts;
    const visit = (name: string, trail: string[], at: (string | number)[]): ThemeProblem | undefined => {
      if (trail.includes(name)) return { path: at, message: say('theme.fallbacks-loop', { trail: [...trail, name].join(' → ') }) };
      if (done.has(name)) return undefined;
      done.add(name);
      const spec = Object.hasOwn(fonts_, name) ? fonts_[name] : undefined;
      if (!spec) return { path: at, message: say('theme.no-role-has', { role: name, roles: Object.keys(fonts_).join(', ') }) };
      // Files only: a theme's families are found before chains are made (families.ts).
      if (typeof spec.file !== 'string') return { path: ['fonts', name], message: say('font.role-without-font', { role: name }) };
      const handle = this.open(spec.file, spec.face);
      if (!fonts.some((h) => h === handle || (h.file === handle.file && h.postscriptName === handle.postscriptName))) fonts.push(handle);
      const fallback = spec.fallback ?? [];
      for (let i = 0; i < fallback.length; i++) {
        const problem = visit(fallback[i], [...trail, name], ['fonts', name, 'fallback', i]);
        if (problem) return problem;
      }
      return undefined;
    };
    const problem = visit(role, [], ['fonts', role]);
    return problem ? { problem } : { fonts };
  }
}
