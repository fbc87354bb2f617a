/**
 * Page geometry a schema cannot judge, checked once every value is in points: a page PDF
 * readers accept, a type area on the page, body lines that do not overprint, characters that
 * fit the type area. Without these a theme could overprint every line (a pitch of 0), climb
 * over the masthead (a negative pitch), make pages of one line, or write a PDF Ghostscript and
 * MuPDF refuse (a page 10⁹ pt wide) — each found here, at the key to change, before layout.
 */
import type { ThemePath, ThemeProblem } from './problem.js';
import type { Styles, TextStyle } from './styles.js';
import type { Theme } from './theme.js';
import { MM } from './units.js';
import { say } from '../messages/catalogue.js';

/** PDF's limit on a page side (ISO 32000 Annex C: 14 400 units, 200 in, 5.08 m). */
export const MAX_PAGE = 14400;

/** Grid cells narrower than this share of the body size make characters run into each other. */
const MIN_CELL = 0.85;

const pt = (x: number): string => `${Math.round(x * 100) / 100} pt`;
const mm = (x: number): string => `${Math.round((x / MM) * 10) / 10} mm`;

export function checkGeometry(s: Styles, theme: Theme): ThemeProblem[] {
  const out: ThemeProblem[] = [];
  const fail = (path: ThemePath, message: string, causes?: ThemePath[]) => out.push(causes ? { path, message, causes } : { path, message });
  const p = s.page;

  for (const [key, value, side] of [['width', p.width, 'wide'], ['height', p.height, 'high']] as const) {
    if (!(value > 0)) fail(['page', key], say(side === 'wide' ? 'geometry.page-zero-wide' : 'geometry.page-zero-high', { value: pt(value) }));
    else if (value > MAX_PAGE) fail(['page', key], say(side === 'wide' ? 'geometry.page-huge-wide' : 'geometry.page-huge-high', { value: mm(value), max: MAX_PAGE, maxMm: mm(MAX_PAGE) }));
  }
  if (out.length) return out;
  if (p.top < 0) fail(['page', 'top'], say('geometry.top-negative', { value: mm(p.top) }));
  if (p.inner < 0) fail(['page', 'inner'], say('geometry.inner-negative', { value: mm(p.inner) }));
  if (!(p.typeWidth > 0)) fail(['page', 'typeWidth'], say('geometry.type-zero-wide', { value: pt(p.typeWidth) }));
  if (!(p.typeHeight > 0)) fail(['page', 'typeHeight'], say('geometry.type-zero-high', { value: pt(p.typeHeight) }));
  if (out.length) return out;
  if (p.inner + p.typeWidth > p.width + 1e-6) {
    fail(['page', 'typeWidth'], say('geometry.too-wide', { margin: mm(p.inner), type: mm(p.typeWidth), need: mm(p.inner + p.typeWidth), page: mm(p.width) }), [['page', 'width'], ['page', 'inner']]);
  }
  if (p.top + p.typeHeight > p.height + 1e-6) {
    fail(['page', 'typeHeight'], say('geometry.too-tall', { margin: mm(p.top), type: mm(p.typeHeight), need: mm(p.top + p.typeHeight), page: mm(p.height) }), [['page', 'height'], ['page', 'top']]);
  }
  if (out.length) return out;

  // The body text, then every other style's characters must fit the type area, or no line of
  // it can be set (a type area smaller than a body character is one problem, not fifteen).
  const body = s.body.size;
  if (p.typeWidth < body || p.typeHeight < body) {
    const [key, side] = p.typeHeight < body ? (['typeHeight', 'high'] as const) : (['typeWidth', 'wide'] as const);
    fail(['page', key], say(side === 'wide' ? 'geometry.no-char-wide' : 'geometry.no-char-high', { value: mm(p[key]), body: pt(body) }), [['body', 'size']]);
    return out;
  }
  const styled: [ThemePath, TextStyle][] = [
    [['body'], s.body], [['masthead', 'name'], s.masthead.name], [['masthead', 'edition'], s.masthead.edition],
    [['masthead', 'number'], s.masthead.number], [['masthead', 'imprint'], s.masthead.imprint],
    [['toc', 'headingStyle'], s.toc.headingStyle], [['toc', 'label'], s.toc.label], [['toc', 'entry'], s.toc.entry],
    [['section'], s.section], [['title'], s.title], [['subtitle'], s.subtitle], [['heading1'], s.headings[1]], [['heading2'], s.headings[2]],
    [['byline'], s.byline], [['footer'], s.footer], [['folio'], s.folio],
  ];
  const room = Math.min(p.typeWidth, p.typeHeight);
  for (const [path, style] of styled) {
    if (style.size > room) fail([...path, 'size'], say('geometry.size-too-big', { size: pt(style.size), width: mm(p.typeWidth), height: mm(p.typeHeight) }), [['page', 'typeWidth'], ['page', 'typeHeight']]);
  }
  if (out.length) return out;

  // Body lines: one pitch apart, never closer than the body size.
  const size = s.body.size;
  if (theme.grid.pitch !== undefined) {
    if (!(s.pitch > 0)) fail(['grid', 'pitch'], say('geometry.pitch-zero', { pitch: pt(s.pitch), size: pt(size) }));
    else if (s.pitch < size) fail(['grid', 'pitch'], say('geometry.overprint-body', { pitch: pt(s.pitch), size: pt(size) }), [['body', 'size']]);
    else if (s.pitch > p.typeHeight) fail(['grid', 'pitch'], say('geometry.pitch-huge', { pitch: pt(s.pitch), height: pt(p.typeHeight) }), [['page', 'typeHeight']]);
  } else if (s.pitch < size) {
    const fit = Math.max(1, Math.floor((p.typeHeight - size) / size) + 1);
    fail(['grid', 'lines'], say('geometry.lines-dont-fit', { lines: s.lines, size: pt(size), height: mm(p.typeHeight), fit }), [['page', 'typeHeight'], ['body', 'size']]);
  }
  const chars = s.body.grid;
  if (chars !== undefined && p.typeWidth / chars < MIN_CELL * size) {
    const fit = Math.floor(p.typeWidth / (MIN_CELL * size));
    fail(['grid', 'chars'], say('geometry.chars-dont-fit', { chars, size: pt(size), width: mm(p.typeWidth), fit }), [['page', 'typeWidth'], ['body', 'size']]);
  }

  // Lines of the same block one above the other, not on top of each other.
  const lineHeights: [ThemePath, number, number][] = [
    [['title', 'lineHeight'], s.title.lineHeight, s.title.size],
    [['toc', 'lineHeight'], s.toc.lineHeight, s.toc.entry.size],
    [['footer', 'lineHeight'], s.footer.lineHeight, s.footer.size],
  ];
  for (const [path, height, of] of lineHeights) {
    if (height < of) fail(path, say('geometry.overprint', { pitch: pt(height), size: pt(of) }));
  }

  // Insets leave room for a character.
  if (p.typeWidth - 2 * s.title.inset < s.title.size) fail(['title', 'inset'], say('geometry.title-inset', { inset: pt(s.title.inset), width: mm(p.typeWidth) }));
  if (p.typeWidth - 2 * s.footer.inset < s.footer.size) fail(['footer', 'inset'], say('geometry.footer-inset', { inset: pt(s.footer.inset), width: mm(p.typeWidth) }));
  if (s.folio.inset < 0 || s.folio.inset > p.typeWidth - s.folio.size) fail(['folio', 'inset'], say('geometry.folio-inset', { inset: pt(s.folio.inset), width: mm(p.typeWidth) }));
  if (s.masthead.name.maxWidth <= 0) fail(['masthead', 'name', 'maxWidth'], say('geometry.masthead-width', { width: pt(s.masthead.name.maxWidth) }));

  // Page numbers on the page.
  const folioBottom = p.typeBottom + s.folio.offset + s.folio.size;
  if (folioBottom > p.height) fail(['folio', 'offset'], say('geometry.folio-off-page', { offset: mm(s.folio.offset), left: mm(p.height - p.typeBottom) }), [['page', 'typeHeight'], ['page', 'top']]);

  // Rules are drawn, not erased.
  const rules: [ThemePath, number][] = [
    ...s.masthead.rules.map((r, i): [ThemePath, number] => [['masthead', 'rules', i, 'weight'], r.weight]),
    ...s.toc.rules.map((r, i): [ThemePath, number] => [['toc', 'rules', i, 'weight'], r.weight]),
    [['footer', 'thick', 'weight'], s.footer.thick.weight], [['footer', 'thin', 'weight'], s.footer.thin.weight],
  ];
  if (s.section.rule) rules.push([['section', 'rule', 'weight'], s.section.rule.weight]);
  for (const [path, weight] of rules) if (weight < 0) fail(path, say('geometry.rule-negative', { weight: pt(weight) }));
  return out;
}
