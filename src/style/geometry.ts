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
    if (!(value > 0)) fail(['page', key], `a page must be more than 0 ${side}, not ${pt(value)}`);
    else if (value > MAX_PAGE) fail(['page', key], `a page ${mm(value)} ${side} is more than PDF readers and printers accept (at most ${MAX_PAGE} pt, ${mm(MAX_PAGE)})`);
  }
  if (out.length) return out;
  if (p.top < 0) fail(['page', 'top'], `the top margin cannot be negative (${mm(p.top)}): the type area would start above the page`);
  if (p.inner < 0) fail(['page', 'inner'], `the inner margin cannot be negative (${mm(p.inner)}): the type area would start off the page`);
  if (!(p.typeWidth > 0)) fail(['page', 'typeWidth'], `the type area must be more than 0 wide, not ${pt(p.typeWidth)}`);
  if (!(p.typeHeight > 0)) fail(['page', 'typeHeight'], `the type area must be more than 0 high, not ${pt(p.typeHeight)}`);
  if (out.length) return out;
  if (p.inner + p.typeWidth > p.width + 1e-6) {
    fail(['page', 'typeWidth'], `the type area is wider than the page leaves room for: the inner margin (${mm(p.inner)}) and the type area (${mm(p.typeWidth)}) need ${mm(p.inner + p.typeWidth)}, the page is ${mm(p.width)} wide`, [['page', 'width'], ['page', 'inner']]);
  }
  if (p.top + p.typeHeight > p.height + 1e-6) {
    fail(['page', 'typeHeight'], `the type area is taller than the page leaves room for: the top margin (${mm(p.top)}) and the type area (${mm(p.typeHeight)}) need ${mm(p.top + p.typeHeight)}, the page is ${mm(p.height)} high`, [['page', 'height'], ['page', 'top']]);
  }
  if (out.length) return out;

  // The body text, then every other style's characters must fit the type area, or no line of
  // it can be set (a type area smaller than a body character is one problem, not fifteen).
  const body = s.body.size;
  if (p.typeWidth < body || p.typeHeight < body) {
    const [key, side] = p.typeHeight < body ? (['typeHeight', 'high'] as const) : (['typeWidth', 'wide'] as const);
    fail(['page', key], `a type area ${mm(p[key])} ${side} does not hold one character of the body text (${pt(body)})`, [['body', 'size']]);
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
    if (style.size > room) fail([...path, 'size'], `characters of ${pt(style.size)} do not fit in the type area (${mm(p.typeWidth)} × ${mm(p.typeHeight)})`, [['page', 'typeWidth'], ['page', 'typeHeight']]);
  }
  if (out.length) return out;

  // Body lines: one pitch apart, never closer than the body size.
  const size = s.body.size;
  if (theme.grid.pitch !== undefined) {
    if (!(s.pitch > 0)) fail(['grid', 'pitch'], `a line pitch of ${pt(s.pitch)} sets every line on or above the one before: give at least the body size, ${pt(size)}`);
    else if (s.pitch < size) fail(['grid', 'pitch'], `lines ${pt(s.pitch)} apart overprint body text of ${pt(size)}: give at least ${pt(size)}`, [['body', 'size']]);
    else if (s.pitch > p.typeHeight) fail(['grid', 'pitch'], `a line pitch of ${pt(s.pitch)} is more than the type area is high (${pt(p.typeHeight)})`, [['page', 'typeHeight']]);
  } else if (s.pitch < size) {
    const fit = Math.max(1, Math.floor((p.typeHeight - size) / size) + 1);
    fail(['grid', 'lines'], `${s.lines} lines of ${pt(size)} body text do not fit in a type area ${mm(p.typeHeight)} high: at most ${fit} do`, [['page', 'typeHeight'], ['body', 'size']]);
  }
  const chars = s.body.grid;
  if (chars !== undefined && p.typeWidth / chars < MIN_CELL * size) {
    const fit = Math.floor(p.typeWidth / (MIN_CELL * size));
    fail(['grid', 'chars'], `${chars} characters of ${pt(size)} in a line ${mm(p.typeWidth)} wide run into each other: at most ${fit} fit`, [['page', 'typeWidth'], ['body', 'size']]);
  }

  // Lines of the same block one above the other, not on top of each other.
  const lineHeights: [ThemePath, number, number][] = [
    [['title', 'lineHeight'], s.title.lineHeight, s.title.size],
    [['toc', 'lineHeight'], s.toc.lineHeight, s.toc.entry.size],
    [['footer', 'lineHeight'], s.footer.lineHeight, s.footer.size],
  ];
  for (const [path, height, of] of lineHeights) {
    if (height < of) fail(path, `lines ${pt(height)} apart overprint text of ${pt(of)}: give at least ${pt(of)}`);
  }

  // Insets leave room for a character.
  if (p.typeWidth - 2 * s.title.inset < s.title.size) fail(['title', 'inset'], `insets of ${pt(s.title.inset)} on each side leave no room for a title in a type area ${mm(p.typeWidth)} wide`);
  if (p.typeWidth - 2 * s.footer.inset < s.footer.size) fail(['footer', 'inset'], `insets of ${pt(s.footer.inset)} on each side leave no room for the footer in a type area ${mm(p.typeWidth)} wide`);
  if (s.folio.inset < 0 || s.folio.inset > p.typeWidth - s.folio.size) fail(['folio', 'inset'], `an inset of ${pt(s.folio.inset)} puts the page numbers outside the type area (${mm(p.typeWidth)} wide)`);
  if (s.masthead.name.maxWidth <= 0) fail(['masthead', 'name', 'maxWidth'], `the masthead name needs more than ${pt(s.masthead.name.maxWidth)} of width`);

  // Page numbers on the page.
  const folioBottom = p.typeBottom + s.folio.offset + s.folio.size;
  if (folioBottom > p.height) fail(['folio', 'offset'], `page numbers ${mm(s.folio.offset)} under the type area fall off the page (${mm(p.height - p.typeBottom)} left under it)`, [['page', 'typeHeight'], ['page', 'top']]);

  // Rules are drawn, not erased.
  const rules: [ThemePath, number][] = [
    ...s.masthead.rules.map((r, i): [ThemePath, number] => [['masthead', 'rules', i, 'weight'], r.weight]),
    ...s.toc.rules.map((r, i): [ThemePath, number] => [['toc', 'rules', i, 'weight'], r.weight]),
    [['footer', 'thick', 'weight'], s.footer.thick.weight], [['footer', 'thin', 'weight'], s.footer.thin.weight],
  ];
  if (s.section.rule) rules.push([['section', 'rule', 'weight'], s.section.rule.weight]);
  for (const [path, weight] of rules) if (weight < 0) fail(path, `a rule cannot be ${pt(weight)} thick`);
  return out;
}
