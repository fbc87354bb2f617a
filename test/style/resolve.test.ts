/**
 * The theme resolved in one place: every value in points (em at the element's own size, line at
 * the body pitch), every value that cannot be used collected at its key path instead of thrown,
 * and a styled model whose blocks are set in the styles `printedIn` names — the mapping the lint
 * and `bulletin fonts` use too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { loadIssueSource } from '../../src/issue/load.js';
import { deepMerge } from '../../src/style/merge.js';
import { type Block, printedTexts, styleIssue } from '../../src/style/model.js';
import { elementStyle, headingElement, printedIn } from '../../src/style/printed.js';
import { resolveStyles } from '../../src/style/resolve.js';
import { scaled } from '../../src/style/styles.js';
import { DEFAULT_THEME, type Theme } from '../../src/style/theme.js';
import { MM } from '../../src/style/units.js';
import { fakeFont, fakeTheme } from '../layout/helpers.js';
import { STYLES } from '../layout/audit-issues.js';
import { vendoredStyles } from '../support/styles.js';

const open = (file: string) => fakeFont(file);
const themeWith = (override: Record<string, unknown>) => deepMerge(structuredClone(DEFAULT_THEME), override) as Theme;

test('values in points: em at the element\'s own size, line at the body pitch, % of the type width', () => {
  const s = fakeTheme({ title: { lineHeight: '1.5em' }, toc: { gapBefore: '1line' }, section: { gapBeforeRule: '10%' } });
  assert.equal(s.title.lineHeight, 1.5 * 22);
  assert.equal(s.toc.gapBefore, s.pitch);
  assert.ok(Math.abs(s.section.rule!.gapBefore - 15.6 * MM) < 1e-9);
  assert.equal(s.footer.inset, 14, '1em of 四号');
  // The masthead name may be set smaller to fit: its em lengths stay em.
  assert.deepEqual(s.masthead.name.letterSpacing, { em: 0.3 });
  assert.equal(scaled(s.masthead.name.letterSpacing, 40), 0.3 * 40);
  assert.deepEqual(s.masthead.name.gapAfter, { pt: 3 * MM });
});

test('every value that cannot be used is collected at its key path, none thrown', () => {
  const { styles, problems } = resolveStyles(themeWith({
    title: { size: '大号' },
    section: { gapBeforeRule: '3 bananas' },
    page: { top: '2em' },
    masthead: { rules: [{ weight: '1line', color: [0, 0, 0, 100] }, { weight: 1, color: 'red', gap: '1em' }] },
  }), open);
  assert.equal(styles, undefined);
  const at = problems.map((p) => `${p.path.join('.')}: ${p.message}`);
  assert.deepEqual(at.map((m) => m.split(':')[0]).sort(), ['masthead.rules.1.gap', 'page.top', 'section.gapBeforeRule', 'title.size'].sort(), at.join('\n'));
  assert.ok(at.some((m) => /^title\.size: "大号" is not a font size/.test(m)));
  assert.ok(at.some((m) => /^page\.top: "2em": em is not available here/.test(m)));
});

test('names that are not defined are found before anything is resolved, all at once', () => {
  const { styles, problems } = resolveStyles(themeWith({ title: { font: 'fangsong' }, byline: { color: 'blue' } }), () => assert.fail('no face is opened for a theme with undefined names'));
  assert.equal(styles, undefined);
  assert.deepEqual(problems.map((p) => p.path.join('.')), ['title.font', 'byline.color']);
});

test('the audit corpus\'s style blocks and the default resolve; every leaf is a number, a flag or a template, never a unit', () => {
  for (const style of [{}, ...STYLES]) {
    const s = fakeTheme(style);
    const walk = (node: unknown, path: string): void => {
      if (typeof node === 'string') {
        assert.doesNotMatch(node, /^\s*-?\d+(\.\d+)?\s*(pt|mm|cm|in|em|lines?|%)\s*$/, `${path} = ${node} is not resolved`);
        return;
      }
      if (typeof node === 'number') assert.ok(Number.isFinite(node), `${path} = ${node}`);
      if (typeof node !== 'object' || node === null) return;
      if ('unitsPerEm' in node) return; // a font handle
      for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
    };
    walk(s, JSON.stringify(style));
  }
});

test('the styled model sets each block in the style printedIn names for its field', () => {
  const source = readFileSync(join(PACKAGE_ROOT, 'issues', '690.yaml'), 'utf8');
  const loaded = loadIssueSource(source, 'issues/690.yaml');
  assert.ok(loaded.issue);
  const styles = vendoredStyles();
  const doc = styleIssue(loaded.issue, styles);
  const styleOf = (b: Block) => (b.kind === 'masthead' || b.kind === 'toc' ? undefined : b.style);
  const counted = new Map<string, number>();
  for (const b of doc.blocks) {
    counted.set(b.kind, (counted.get(b.kind) ?? 0) + 1);
    const field = b.kind === 'section' ? 'section' : b.kind === 'title' ? 'title' : b.kind === 'paragraph' ? 'paragraph'
      : b.kind === 'heading' ? 'heading' : b.kind === 'byline' ? 'byline' : b.kind === 'footer' ? 'note' : undefined;
    if (!field) continue;
    const [first] = printedIn(field, { level: b.kind === 'heading' ? b.level : undefined });
    assert.equal(styleOf(b), elementStyle(styles, first), `${b.kind} at ${b.source.join('.')}`);
    if (b.kind === 'heading') assert.equal(first, headingElement(b.level));
  }
  assert.ok((counted.get('paragraph') ?? 0) > 20 && counted.get('section')! >= 3, JSON.stringify([...counted]));
  const toc = doc.blocks.find((b) => b.kind === 'toc')!;
  assert.equal(toc.style, styles.toc);
  // A 栏目 name labels its 目录 row and a title is its 目录 entry: the second element printedIn gives.
  assert.deepEqual(printedIn('section'), ['section', 'tocLabel']);
  assert.deepEqual(printedIn('title'), ['title', 'toc']);
  assert.equal(elementStyle(styles, 'tocLabel'), styles.toc.label);
  // Every text printed, bold runs in the bold chain.
  const texts = [...printedTexts(doc)];
  assert.ok(texts.some((t) => t.style === styles.body.bold), 'bold runs');
  assert.ok(texts.some((t) => t.style === styles.folio && /0123456789/.test(t.text)), 'folio digits');
});

test('display space in a theme built in code must be whole grid lines', () => {
  const { styles, problems } = resolveStyles(themeWith({ title: { space: 1.5 }, brief: { spaceBetween: -1 } }), open);
  assert.equal(styles, undefined);
  assert.deepEqual(problems.map((p) => p.path.join('.')).sort(), ['brief.spaceBetween', 'title.space']);
  assert.match(problems[0].message, /whole grid lines/);
  const ok = fakeTheme({ title: { space: 1 }, section: { space: 2 }, article: { spaceBetween: 1 } });
  assert.deepEqual([ok.title.space, ok.section.space, ok.articleSpace, ok.briefSpace], [1, 2, 1, 0]);
});
