/**
 * Problems of a merged theme that its schema cannot see: font roles and colours named but not
 * defined, a role without a file, fallbacks that loop. Found over the whole theme at once, so
 * an editor gets every such mistake in one run, before anything is resolved.
 */
import type { ThemePath, ThemeProblem } from './problem.js';
import type { Theme } from './theme.js';
import { say } from '../messages/catalogue.js';

export function themeReferences(theme: Theme): ThemeProblem[] {
  const problems: ThemeProblem[] = [];
  const roles = new Set(Object.keys(theme.fonts ?? {}));
  const colors = new Set(Object.keys(theme.colors ?? {}));
  const walk = (node: unknown, path: ThemePath) => {
    if (Array.isArray(node)) {
      if (path[path.length - 1] === 'fallback') {
        node.forEach((r, i) => {
          if (typeof r === 'string' && !roles.has(r)) problems.push({ path: [...path, i], message: say('theme.no-role', { role: r }) });
        });
      } else node.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const at = [...path, key];
      if (path[0] !== 'fonts' && (key === 'font' || key === 'bold') && typeof value === 'string' && !roles.has(value)) {
        problems.push({ path: at, message: say('theme.no-role-has', { role: value, roles: [...roles].join(', ') }) });
      } else if (key === 'color' && typeof value === 'string' && !colors.has(value)) {
        problems.push({ path: at, message: say('theme.no-colour', { colour: value, colours: [...colors].join(', ') }) });
      } else walk(value, at);
    }
  };
  walk(theme, []);
  for (const role of roles) {
    // A role named by `family` has its file once the family is found (families.ts).
    if ((typeof theme.fonts[role]?.file !== 'string' || theme.fonts[role].file === '') && typeof theme.fonts[role]?.family !== 'string') {
      problems.push({ path: ['fonts', role], message: say('theme.role-no-file', { role }) });
    }
  }
  for (const role of roles) {
    const seen: string[] = [];
    let loop = false;
    const visit = (name: string) => {
      if (loop || !Object.hasOwn(theme.fonts, name)) return;
      if (seen.includes(name)) { loop = true; return; }
      seen.push(name);
      for (const next of theme.fonts[name].fallback ?? []) visit(next);
      seen.pop();
    };
    visit(role);
    if (loop) problems.push({ path: ['fonts', role, 'fallback'], message: say('theme.fallback-loop', { role }) });
  }
  return problems;
}
