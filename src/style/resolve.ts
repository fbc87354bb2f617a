/**
 * A merged theme → Styles, in one place: lengths and 字号 in points, colours as CMYK, font
 * roles as fallback chains of opened faces, each element's em-relative lengths taken at its own
 * size and `line` at the body pitch. Every value that cannot be used is collected as a problem
 * at its key path (nothing throws but the font opener), then the page geometry is checked
 * (geometry.ts): the layout only ever sees a theme it can set.
 */
import { findInstalledFace, installedFonts, nearInstalledNames } from '../font/system.js';
import { resolveFamilies, type FamilyLookup } from './families.js';
import { checkGeometry } from './geometry.js';
import { FontChains, type FontOpener } from './fonts.js';
import type { ThemePath, ThemeProblem } from './problem.js';
import { themeReferences } from './references.js';
import type { Page, Rule, Scaled, Styles, TextStyle } from './styles.js';
import type { ColorRef, RuleStyle, TextStyle as TextSpec, Theme } from './theme.js';
import { type Cmyk, type Length, type Size, isCmyk, isEmLength, lengthToPt, sizeToPt } from './units.js';
import { say } from '../messages/catalogue.js';

export type { FontOpener } from './fonts.js';

export interface Resolution {
  /** Absent when there are problems. */
  styles?: Styles;
  /** The theme with its font families found (their files and faces set), once they are. */
  theme?: Theme;
  problems: ThemeProblem[];
}

/**
 * Resolve `theme`, opening its faces through `open` (whose errors, a font that cannot be read,
 * are the caller's to report: they are not the theme's values). Fonts named by family are
 * looked up first, through `lookup` (by default among the fonts installed on the computer).
 */
export function resolveStyles(theme: Theme, open: FontOpener, lookup: FamilyLookup = INSTALLED): Resolution {
  const families = resolveFamilies(theme, lookup);
  theme = families.theme;
  const references = themeReferences(theme);
  if (families.problems.length || references.length) return { problems: [...families.problems, ...references] };
  const r = new Resolver(theme, open);
  const styles = r.resolve();
  if (r.problems.length) return { theme, problems: r.problems };
  const geometry = checkGeometry(styles, theme);
  return geometry.length ? { theme, problems: geometry } : { styles, theme, problems: [] };
}

/** Fonts installed on this computer (font/system.ts): fontconfig, or the usual font folders. */
export const INSTALLED: FamilyLookup = {
  find: (name) => findInstalledFace(name),
  near: (name) => nearInstalledNames(name),
  where: () => installedFonts().where,
};

const BLACK: Cmyk = [0, 0, 0, 100];

class Resolver {
  readonly problems: ThemeProblem[] = [];
  private readonly chains: FontChains;
  /** Contexts of `line` and `%`, known once the page and grid are. */
  private pitch: number | undefined;
  private typeWidth: number | undefined;

  constructor(private readonly theme: Theme, open: FontOpener) {
    this.chains = new FontChains(theme, open);
  }

  private fail(path: ThemePath, message: string): void {
    this.problems.push({ path, message });
  }

  private len(value: Length, em: number | undefined, path: ThemePath): number {
    try {
      return lengthToPt(value, { em, line: this.pitch, percent: this.typeWidth });
    } catch (err) {
      this.fail(path, (err as Error).message);
      return 0;
    }
  }

  /** A length the layout takes at a size it decides: em stays em. */
  private scaledLen(value: Length, path: ThemePath): Scaled {
    return isEmLength(value) ? { em: this.len(value, 1, path) } : { pt: this.len(value, undefined, path) };
  }

  private size(value: Size, path: ThemePath): number {
    try {
      return sizeToPt(value);
    } catch (err) {
      this.fail(path, (err as Error).message);
      return 1;
    }
  }

  /** Display space in whole grid lines (the schema says so; a theme built in code is checked here). */
  private lines(value: number, path: ThemePath): number {
    if (Number.isInteger(value) && value >= 0 && value <= 100) return value;
    this.fail(path, `display space is counted in whole grid lines: give a whole number from 0 to 100, not ${JSON.stringify(value)}`);
    return 0;
  }

  private color(ref: ColorRef, path: ThemePath): Cmyk {
    if (typeof ref !== 'string') {
      if (isCmyk(ref)) return ref;
      this.fail(path, say('theme.colour-value'));
      return BLACK;
    }
    const named = Object.hasOwn(this.theme.colors, ref) ? this.theme.colors[ref] : undefined;
    if (!named) {
      this.fail(path, say('theme.no-colour', { colour: ref, colours: Object.keys(this.theme.colors).join(', ') }));
      return BLACK;
    }
    if (!isCmyk(named)) {
      this.fail(['colors', ref], say('theme.colour-cmyk'));
      return BLACK;
    }
    return named;
  }

  private fonts(role: string, path: ThemePath): TextStyle['fonts'] {
    const chain = this.chains.chain(role);
    if ('fonts' in chain) return chain.fonts;
    const p = chain.problem;
    // The role itself undefined: said where the element names it.
    this.problems.push(p.path.length === 2 && p.path[1] === role ? { ...p, path } : p);
    return [];
  }

  private text(style: TextSpec, path: ThemePath): TextStyle {
    return {
      role: style.font,
      fonts: this.fonts(style.font, [...path, 'font']),
      size: this.size(style.size, [...path, 'size']),
      color: this.color(style.color, [...path, 'color']),
    };
  }

  private rule(rule: RuleStyle, em: number | undefined, path: ThemePath): Rule {
    return {
      weight: this.len(rule.weight, em, [...path, 'weight']),
      color: this.color(rule.color, [...path, 'color']),
      gap: this.len(rule.gap ?? 0, em, [...path, 'gap']),
    };
  }

  private rules(rules: readonly RuleStyle[], path: ThemePath): Rule[] {
    return rules.map((rule, i) => this.rule(rule, undefined, [...path, i]));
  }

  resolve(): Styles {
    const th = this.theme;
    const p = th.page;
    const width = this.len(p.width, undefined, ['page', 'width']);
    const height = this.len(p.height, undefined, ['page', 'height']);
    const top = this.len(p.top, undefined, ['page', 'top']);
    const inner = this.len(p.inner, undefined, ['page', 'inner']);
    const typeWidth = this.len(p.typeWidth, undefined, ['page', 'typeWidth']);
    this.typeWidth = typeWidth;
    const typeHeight = this.len(p.typeHeight, undefined, ['page', 'typeHeight']);
    const mirror = !!p.mirror;
    const page: Page = {
      width, height, top, inner, typeWidth, typeHeight, mirror,
      typeLeft: (number) => (!mirror || number % 2 === 1 ? inner : width - inner - typeWidth),
      typeBottom: top + typeHeight,
    };

    const bodyText = this.text(th.body, ['body']);
    const lines = th.grid.lines;
    this.pitch = th.grid.pitch !== undefined
      ? this.len(th.grid.pitch, undefined, ['grid', 'pitch'])
      : lines > 1 ? (typeHeight - bodyText.size) / (lines - 1) : typeHeight;
    const grid = th.body.snapToGrid ? th.grid.chars : undefined;

    const body: Styles['body'] = {
      ...bodyText,
      bold: { role: th.body.bold, fonts: this.fonts(th.body.bold, ['body', 'bold']), size: bodyText.size, color: bodyText.color },
      indent: th.body.indent,
    };
    if (grid !== undefined) body.grid = grid;
    if (th.body.maxSpacing !== undefined) body.maxSpacing = this.scaledLen(th.body.maxSpacing, ['body', 'maxSpacing']);

    const m = th.masthead;
    const name = this.text(m.name, ['masthead', 'name']);
    const edition = this.text(m.edition, ['masthead', 'edition']);
    const number = this.text(m.number, ['masthead', 'number']);
    const imprint = this.text(m.imprint, ['masthead', 'imprint']);

    const c = th.toc;
    const tocHeading = this.text(c.headingStyle, ['toc', 'headingStyle']);
    const entry = this.text(c.entry, ['toc', 'entry']);
    const at = (key: string): ThemePath => ['toc', key];

    const s = th.section;
    const section = this.text(s, ['section']);
    const t = th.title;
    const title = this.text(t, ['title']);
    const h1 = this.text(th.heading1, ['heading1']);
    const h2 = this.text(th.heading2, ['heading2']);
    const subtitle = this.text(th.subtitle, ['subtitle']);
    const byline = this.text(th.byline, ['byline']);
    const f = th.footer;
    const footer = this.text(f, ['footer']);
    const fo = th.folio;
    const folio = this.text(fo, ['folio']);

    const sectionStyle: Styles['section'] = {
      ...section, open: s.open, close: s.close, align: s.align,
      space: this.lines(s.space, ['section', 'space']),
    };
    const gapBeforeRule = this.len(s.gapBeforeRule, section.size, ['section', 'gapBeforeRule']);
    if (s.rule) sectionStyle.rule = { ...this.rule(s.rule, section.size, ['section', 'rule']), gapBefore: gapBeforeRule };

    return {
      page,
      lines,
      pitch: this.pitch,
      baseline: th.baseline,
      body,
      briefSpace: this.lines(th.brief.spaceBetween, ['brief', 'spaceBetween']),
      articleSpace: this.lines(th.article.spaceBetween, ['article', 'spaceBetween']),
      masthead: {
        name: {
          ...name,
          letterSpacing: this.scaledLen(m.name.letterSpacing, ['masthead', 'name', 'letterSpacing']),
          maxWidth: this.len(m.name.maxWidth, name.size, ['masthead', 'name', 'maxWidth']),
          gapAfter: this.scaledLen(m.gapAfterName, ['masthead', 'gapAfterName']),
        },
        edition: {
          ...edition,
          letterSpacing: this.len(m.edition.letterSpacing, edition.size, ['masthead', 'edition', 'letterSpacing']),
          open: m.edition.open,
          close: m.edition.close,
          gapAfter: this.len(m.gapAfterEdition, edition.size, ['masthead', 'gapAfterEdition']),
        },
        number: { ...number, format: m.number.format, numberOnly: m.number.numberOnly, gapAfter: this.len(m.gapAfterNumber, number.size, ['masthead', 'gapAfterNumber']) },
        imprint: { ...imprint, dateFormat: m.imprint.dateFormat, gapAfter: this.len(m.gapAfterImprint, imprint.size, ['masthead', 'gapAfterImprint']) },
        rules: this.rules(m.rules, ['masthead', 'rules']),
        space: this.lines(m.space, ['masthead', 'space']),
      },
      toc: {
        heading: c.heading,
        headingStyle: { ...tocHeading, letterSpacing: this.len(c.headingStyle.letterSpacing, tocHeading.size, ['toc', 'headingStyle', 'letterSpacing']) },
        gapAfterHeading: this.len(c.gapAfterHeading, entry.size, at('gapAfterHeading')),
        label: { ...this.text(c.label, at('label')), open: c.label.open, close: c.label.close },
        columnGap: this.len(c.columnGap, entry.size, at('columnGap')),
        entry,
        lineHeight: this.len(c.lineHeight, entry.size, at('lineHeight')),
        rowGap: this.len(c.rowGap, entry.size, at('rowGap')),
        titleJoiner: c.titleJoiner,
        briefs: c.briefs,
        briefEntries: c.briefEntries,
        leadsHeading: c.leadsHeading,
        subtitles: c.subtitles,
        pageNumbers: c.pageNumbers,
        leader: c.leader,
        rules: this.rules(c.rules, at('rules')),
        gapBeforeRule: this.len(c.gapBeforeRule, entry.size, at('gapBeforeRule')),
        gapBefore: this.len(c.gapBefore, entry.size, at('gapBefore')),
      },
      section: sectionStyle,
      title: {
        ...title,
        lineHeight: this.len(t.lineHeight, title.size, ['title', 'lineHeight']),
        inset: this.len(t.inset, title.size, ['title', 'inset']),
        maxLines: t.maxLines,
        space: this.lines(t.space, ['title', 'space']),
      },
      subtitle: { ...subtitle, lead: th.subtitle.lead, maxLines: th.subtitle.maxLines },
      headings: {
        1: { ...h1, indent: th.heading1.indent, ...(grid !== undefined ? { grid } : {}), spaceBefore: this.lines(th.heading1.spaceBefore, ['heading1', 'spaceBefore']) },
        2: { ...h2, indent: th.heading2.indent, ...(grid !== undefined ? { grid } : {}), spaceBefore: this.lines(th.heading2.spaceBefore, ['heading2', 'spaceBefore']) },
        // 1. and （1）: the body's face, size and indent, spaced as level 2 (GB/T 9704 §7.3.3).
        3: { ...bodyText, indent: th.body.indent, ...(grid !== undefined ? { grid } : {}), spaceBefore: this.lines(th.heading2.spaceBefore, ['heading2', 'spaceBefore']) },
      },
      byline: { ...byline, open: th.byline.open, close: th.byline.close, spaceBefore: this.lines(th.byline.spaceBefore, ['byline', 'spaceBefore']) },
      footer: {
        ...footer,
        lineHeight: this.len(f.lineHeight, footer.size, ['footer', 'lineHeight']),
        inset: this.len(f.inset, footer.size, ['footer', 'inset']),
        thick: this.rule(f.thick, footer.size, ['footer', 'thick']),
        thin: this.rule(f.thin, footer.size, ['footer', 'thin']),
        padding: this.len(f.padding, footer.size, ['footer', 'padding']),
        labelSeparator: f.labelSeparator,
        editorLabel: f.editorLabel,
        phoneLabel: f.phoneLabel,
        copies: f.copies,
        space: this.lines(f.space, ['footer', 'space']),
      },
      folio: {
        ...folio,
        format: fo.format,
        space: this.len(fo.space, folio.size, ['folio', 'space']),
        offset: this.len(fo.offset, folio.size, ['folio', 'offset']),
        inset: this.len(fo.inset, folio.size, ['folio', 'inset']),
        alternate: fo.alternate,
      },
      meta: { title: th.meta.title, titleNoTotal: th.meta.titleNoTotal, subject: th.meta.subject, keywords: [...th.meta.keywords], lang: th.meta.lang },
    };
  }
}
