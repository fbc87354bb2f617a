/**
 * Test doubles for layout tests: a fake font (every character a 1-em glyph, except those listed
 * as missing) and a fake composer that fills lines character by character. They let the
 * placement rules be tested with line counts chosen by the test, without real fonts or the
 * real composer.
 */
import type { ComposeOptions, ComposedLine, ComposedParagraph, PlacedGlyph, Span } from '../../src/compose/types.js';
import type { FontHandle } from '../../src/font/types.js';
import { resolveStyles } from '../../src/style/resolve.js';
import type { Styles } from '../../src/style/styles.js';
import { DEFAULT_THEME, type Theme } from '../../src/style/theme.js';
import { deepMerge } from '../../src/style/merge.js';
import type { Issue } from '../../src/issue/types.js';
import { GlyphRun } from '../../src/compose/glyph-run.js';

export function fakeFont(key: string, missing: string = ''): FontHandle {
  const has = (cp: number) => !missing.includes(String.fromCodePoint(cp));
  return {
    key,
    file: `/fake/${key}.ttf`,
    postscriptName: key,
    unitsPerEm: 1000,
    numGlyphs: 2,
    hasGlyph: has,
    glyphId: (cp) => (has(cp) ? 1 : 0),
    advance: () => 1000,
    inkBox: () => ({ minX: 0, minY: 300, maxX: 1000, maxY: 400 }),
    svgPath: () => '',
    features: () => [],
    shape: (text) => {
      const cps = [...text];
      return { ids: cps.map(() => 1), adv: cps.map(() => 1000), w: cps.map(() => 1000), dx: cps.map(() => 0), cps: cps.map(() => 1) };
    },
    codePoints: () => [],
    name: () => undefined,
    subset: () => { throw new Error('a fake font is not embedded'); },
  };
}

/** Greedy fixed-pitch lines: each character 1 em (or measure/grid on a grid). */
export function fakeCompose(spans: Span[], options: ComposeOptions): ComposedParagraph {
  const size = options.size;
  const pitch = options.grid ? options.measure / options.grid : size;
  const chars: { ch: string; span: Span }[] = [];
  for (const span of spans) for (const ch of span.text) chars.push({ ch, span });
  const missing: ComposedParagraph['missing'] = [];
  chars.forEach((c, index) => {
    if (!c.span.fonts.some((f) => f.hasGlyph(c.ch.codePointAt(0)!))) missing.push({ char: c.ch, codePoint: c.ch.codePointAt(0)!, index });
  });
  const lines: ComposedLine[] = [];
  let i = 0;
  let first = true;
  while (i < chars.length) {
    const indent = first ? (options.indent ?? 0) * size : 0;
    const room = Math.max(1, Math.floor((options.measure - indent) / pitch + 1e-9));
    const take = chars.slice(i, i + room);
    i += take.length;
    const last = i >= chars.length;
    const natural = indent + take.length * pitch;
    let offset = indent;
    if (options.align === 'center') offset = (options.measure - natural) / 2 + indent;
    if (options.align === 'right') offset = options.measure - take.length * pitch;
    const glyphs: PlacedGlyph[] = take.map((c, k) => ({ id: 1, text: c.ch, x: offset + k * pitch, advance: size }));
    const font = take[0].span.fonts[0];
    lines.push({
      runs: [GlyphRun.of(font, size, glyphs, take[0].span.tag)],
      left: offset,
      right: offset + take.length * pitch,
      natural,
      last,
      text: take.map((c) => c.ch).join(''),
    });
    first = false;
  }
  return { lines, missing };
}

/** The default theme resolved with fake fonts, with overrides. */
export function fakeTheme(override: Record<string, unknown> = {}): Styles {
  const theme = deepMerge(structuredClone(DEFAULT_THEME), override) as Theme;
  const fonts = new Map<string, FontHandle>();
  const { styles, problems } = resolveStyles(theme, (file) => {
    let f = fonts.get(file);
    if (!f) fonts.set(file, (f = fakeFont(file)));
    return f;
  });
  if (!styles) throw new Error(`test theme does not resolve: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
  return styles;
}

/** A paragraph that sets in exactly `lines` body lines with the fake composer (28 per line, indent 2). */
export function paragraphOfLines(lines: number, fillChar = '文'): string {
  if (lines === 1) return fillChar.repeat(10);
  return fillChar.repeat(26 + 28 * (lines - 2) + 5);
}

export function issueWith(sections: Issue['sections'], extra: Partial<Issue> = {}): Issue {
  return {
    bulletin: '测试信息',
    edition: '普刊',
    number: 3,
    total: 100,
    publisher: '测试单位编',
    date: '2024-05-06',
    sections,
    footer: { distribution: [{ label: '送', to: ['甲单位、乙单位'] }], editor: '张三', phone: '12345678' },
    ...extra,
  };
}
