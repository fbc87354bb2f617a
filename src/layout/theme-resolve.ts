/**
 * A merged theme turned into numbers: lengths in points, 字号 in points, colours as CMYK and
 * font roles as fallback chains of opened faces. Fonts are opened through the function the
 * caller passes in (the app passes font/load's openFont), and only when a role is first used,
 * so an issue that never needs a face never pays for parsing it.
 */
import type { FontHandle } from '../font/types.js';
import type { ColorRef, Space, TextStyle, Theme } from '../style/theme.js';
import { type Cmyk, type Length, isCmyk, lengthToPt, sizeToPt } from '../style/units.js';

export type FontOpener = (file: string, face?: string) => FontHandle;

export class ThemeError extends Error {
  /** Path of the offending field in the theme, e.g. ['title', 'font']. */
  constructor(readonly path: (string | number)[], message: string) {
    super(message);
    this.name = 'ThemeError';
  }
}

export interface ResolvedText {
  fonts: FontHandle[];
  size: number;
  color: Cmyk;
}

export interface ResolvedSpace {
  natural: number;
  stretch: number;
  shrink: number;
}

export class ResolvedTheme {
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly top: number;
  readonly inner: number;
  readonly typeWidth: number;
  readonly typeHeight: number;
  readonly bodySize: number;
  /** Body baseline pitch. */
  readonly pitch: number;
  private readonly chains = new Map<string, FontHandle[]>();

  constructor(readonly theme: Theme, private readonly open: FontOpener) {
    const p = theme.page;
    this.pageWidth = this.len(p.width, undefined, ['page', 'width']);
    this.pageHeight = this.len(p.height, undefined, ['page', 'height']);
    this.top = this.len(p.top, undefined, ['page', 'top']);
    this.inner = this.len(p.inner, undefined, ['page', 'inner']);
    this.typeWidth = this.len(p.typeWidth, undefined, ['page', 'typeWidth']);
    this.typeHeight = this.len(p.typeHeight, undefined, ['page', 'typeHeight']);
    this.bodySize = this.size(theme.body.size, ['body', 'size']);
    if (this.inner + this.typeWidth > this.pageWidth + 1e-6) throw new ThemeError(['page', 'typeWidth'], 'the type area is wider than the page leaves room for');
    if (this.top + this.typeHeight > this.pageHeight + 1e-6) throw new ThemeError(['page', 'typeHeight'], 'the type area is taller than the page leaves room for');
    const lines = theme.grid.lines;
    this.pitch = theme.grid.pitch !== undefined
      ? this.len(theme.grid.pitch, undefined, ['grid', 'pitch'])
      : lines > 1 ? (this.typeHeight - this.bodySize) / (lines - 1) : this.typeHeight;
  }

  /** Left edge of the 版心 on a page (1-based number): the binding side is left on odd pages. */
  typeLeft(page: number): number {
    if (!this.theme.page.mirror || page % 2 === 1) return this.inner;
    return this.pageWidth - this.inner - this.typeWidth;
  }

  get typeBottom(): number {
    return this.top + this.typeHeight;
  }

  len(value: Length, em: number | undefined, path: (string | number)[]): number {
    try {
      return lengthToPt(value, { em, line: this.pitch ?? undefined, percent: this.typeWidth });
    } catch (err) {
      throw new ThemeError(path, (err as Error).message);
    }
  }

  size(value: string | number, path: (string | number)[]): number {
    try {
      return sizeToPt(value);
    } catch (err) {
      throw new ThemeError(path, (err as Error).message);
    }
  }

  space(s: Space, em: number | undefined, path: (string | number)[]): ResolvedSpace {
    return {
      natural: this.len(s.natural, em, [...path, 'natural']),
      stretch: Math.max(0, this.len(s.stretch ?? 0, em, [...path, 'stretch'])),
      shrink: Math.max(0, this.len(s.shrink ?? 0, em, [...path, 'shrink'])),
    };
  }

  color(ref: ColorRef, path: (string | number)[]): Cmyk {
    if (typeof ref !== 'string') {
      if (isCmyk(ref)) return ref;
      throw new ThemeError(path, 'a colour is four CMYK percentages [C, M, Y, K], each 0–100, or a name from `colors`');
    }
    const named = this.theme.colors[ref];
    if (!named) throw new ThemeError(path, `no colour named "${ref}" in \`colors\` (it has: ${Object.keys(this.theme.colors).join(', ')})`);
    if (!isCmyk(named)) throw new ThemeError(['colors', ref], 'a colour is four CMYK percentages [C, M, Y, K], each 0–100');
    return named;
  }

  /** The fallback chain of a font role: the role's face, then its fallbacks' chains, without repeats. */
  fonts(role: string, path: (string | number)[] = ['fonts', role]): FontHandle[] {
    const hit = this.chains.get(role);
    if (hit) return hit;
    const chain: FontHandle[] = [];
    const done = new Set<string>();
    const visit = (name: string, trail: string[], at: (string | number)[]) => {
      if (trail.includes(name)) throw new ThemeError(at, `font fallbacks loop: ${[...trail, name].join(' → ')}`);
      if (done.has(name)) return;
      done.add(name);
      const spec = this.theme.fonts[name];
      if (!spec) throw new ThemeError(at, `no font role named "${name}" in \`fonts\` (it has: ${Object.keys(this.theme.fonts).join(', ')})`);
      const handle = this.open(spec.file, spec.face);
      if (!chain.some((h) => h === handle || (h.file === handle.file && h.postscriptName === handle.postscriptName))) chain.push(handle);
      (spec.fallback ?? []).forEach((next, i) => visit(next, [...trail, name], ['fonts', name, 'fallback', i]));
    };
    visit(role, [], path);
    this.chains.set(role, chain);
    return chain;
  }

  /** Font roles the elements of the theme name (not every role `fonts` defines). */
  usedRoles(): string[] {
    const roles = new Set<string>();
    const walk = (node: unknown, top: boolean) => {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
      for (const [key, value] of Object.entries(node)) {
        if (top && key === 'fonts') continue;
        if ((key === 'font' || key === 'bold') && typeof value === 'string') roles.add(value);
        else walk(value, false);
      }
    };
    walk(this.theme, true);
    return [...roles];
  }

  text(style: TextStyle, path: (string | number)[]): ResolvedText {
    return {
      fonts: this.fonts(style.font, [...path, 'font']),
      size: this.size(style.size, [...path, 'size']),
      color: this.color(style.color, [...path, 'color']),
    };
  }

  /**
   * Problems a schema cannot see: font roles and colours named but not defined, fallback loops.
   * Run before layout so an editor gets every such mistake at once.
   */
  static check(theme: Theme): ThemeError[] {
    const errors: ThemeError[] = [];
    const roles = new Set(Object.keys(theme.fonts ?? {}));
    const colors = new Set(Object.keys(theme.colors ?? {}));
    const walk = (node: unknown, path: (string | number)[]) => {
      if (Array.isArray(node)) {
        if (path[path.length - 1] === 'fallback') {
          node.forEach((r, i) => {
            if (typeof r === 'string' && !roles.has(r)) errors.push(new ThemeError([...path, i], `no font role named "${r}" in \`fonts\``));
          });
        } else node.forEach((v, i) => walk(v, [...path, i]));
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        const at = [...path, key];
        if (path[0] !== 'fonts' && (key === 'font' || key === 'bold') && typeof value === 'string' && !roles.has(value)) {
          errors.push(new ThemeError(at, `no font role named "${value}" in \`fonts\` (it has: ${[...roles].join(', ')})`));
        } else if (key === 'color' && typeof value === 'string' && !colors.has(value)) {
          errors.push(new ThemeError(at, `no colour named "${value}" in \`colors\` (it has: ${[...colors].join(', ')})`));
        } else walk(value, at);
      }
    };
    walk(theme, []);
    for (const role of roles) {
      if (typeof theme.fonts[role]?.file !== 'string' || theme.fonts[role].file === '') {
        errors.push(new ThemeError(['fonts', role], `font role "${role}" has no \`file\``));
      }
    }
    for (const role of roles) {
      const seen: string[] = [];
      let loop = false;
      const visit = (name: string) => {
        if (loop || !theme.fonts[name]) return;
        if (seen.includes(name)) { loop = true; return; }
        seen.push(name);
        for (const next of theme.fonts[name].fallback ?? []) visit(next);
        seen.pop();
      };
      visit(role);
      if (loop) errors.push(new ThemeError(['fonts', role, 'fallback'], `font fallbacks of "${role}" loop back on themselves`));
    }
    return errors;
  }
}
