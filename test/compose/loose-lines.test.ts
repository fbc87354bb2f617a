import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComposedParagraph, ComposeOptions } from '../../src/compose/types.js';
import { compose, EM, texts } from './helpers.js';

/** A body paragraph of the bulletin: 三号 on a 28-character grid, 2-em indent. */
const BODY: Partial<ComposeOptions> = { measure: 442.205, size: EM, indent: 2, align: 'justify', grid: 28 };
/** A narrow column, 10 em, no indent, no grid. */
const NARROW: Partial<ComposeOptions> = { measure: 10 * EM, size: EM, indent: 0, align: 'justify' };

/** Even spacing of each line, em. */
const spacings = (p: ComposedParagraph): number[] => p.lines.map((l) => (l.spacing ?? 0) / EM);
const joined = (p: ComposedParagraph): string => texts(p).join('').replace(/ /g, '');
const URL = 'http://www.hzrd.gov.cn/art/2024/3/15/art_1229.html';

test('a URL that would leave the line before it loose is broken after / or . instead', () => {
  const text = `详细内容请登录杭州市人大网站${URL}查阅原文，欢迎各位代表提出意见建议。`;
  const p = compose(text, BODY);
  assert.equal(joined(p), text);
  for (const [k, s] of spacings(p).entries()) assert.ok(s <= 0.5 + 1e-6, `line ${k + 1} is loose (${s.toFixed(2)} em): ${texts(p).join(' | ')}`);
  const first = texts(p)[0];
  assert.ok(first.includes('http://'), `the URL starts on line 1: ${first}`);
  assert.match(first, /[/.]$/, `line 1 ends at an emergency break after / or .: ${first}`);
});

test('maxSpacing sets the threshold: a looser allowance keeps the URL whole', () => {
  const text = `详细内容请登录杭州市人大网站${URL}查阅原文，欢迎各位代表提出意见建议。`;
  const p = compose(text, { ...BODY, maxSpacing: 1 });
  assert.ok(texts(p).some((l) => l.includes(URL)), `the URL stays on one line: ${texts(p).join(' | ')}`);
  const s = spacings(p)[0];
  assert.ok(s > 0.5 && s <= 1, `line 1 is spaced between 0.5 and 1 em (${s.toFixed(2)})`);
  // The default allowance (½ em) breaks it.
  assert.ok(!texts(compose(text, BODY)).some((l) => l.includes(URL)));
});

test('a URL that fits is not broken, even when breaking it would give a tighter line', () => {
  const short = '请登录网站http://www.hzrd.gov.cn查阅原文，欢迎提出意见。';
  assert.ok(texts(compose(short, BODY)).some((l) => l.includes('http://www.hzrd.gov.cn')));
  // Line 1 ends before the URL with some spacing, still within ½ em: the URL stays whole.
  const text = '全文见杭州市人民代表大会常务委员会网站www.hzrd.gov.cn，欢迎各位代表提出意见建议。';
  const p = compose(text, BODY);
  assert.equal(texts(p)[0], '全文见杭州市人民代表大会常务委员会网站');
  const s = spacings(p)[0];
  assert.ok(s > 0.2 && s <= 0.5, `line 1 is spaced within the allowance (${s.toFixed(2)} em)`);
  assert.ok(texts(p)[1].startsWith('www.hzrd.gov.cn，'));
});

test('kinsoku and whole words still win over a loose line, even where rules may be broken', () => {
  // The over-long word makes the composer allow rule breaks (FORCE) for the paragraph; a loose
  // first line must still be preferred to ending a line with “ or splitting “Hangzhou”.
  const text = '人大代表建议“Hangzhou Renda”系统，Pneumonoultramicroscopicsilicovolcanoconiosis。';
  const p = compose(text, NARROW);
  assert.equal(joined(p), text.replace(/ /g, ''));
  assert.equal(texts(p)[0], '人大代表建议');
  assert.ok(spacings(p)[0] > 0.5, 'line 1 is loose');
  assert.ok(texts(p)[1].startsWith('“Hangzhou'), `line 2: ${texts(p)[1]}`);
  for (const l of texts(p)) assert.ok(!l.endsWith('“'), `a line ends with an opening quote: ${l}`);
  // Without the over-long word (no rule breaking at all) the same holds.
  const plain = compose('人大代表建议“HangzhouRenda”系统上线运行。', NARROW);
  assert.deepEqual(texts(plain).slice(0, 2), ['人大代表建议', '“HangzhouRenda”']);
});

test('a line loose whatever the breaks is still set, whole and within the measure', () => {
  // hzrd.gov.cn/art/ cannot be longer in a 10-em column: some line is loose in any layout.
  const text = `原文详见${URL}，欢迎提出意见建议。`;
  const p = compose(text, NARROW);
  assert.equal(joined(p), text);
  const loose = spacings(p).filter((s) => s > 0.5).length;
  assert.ok(loose >= 1, `some line is loose: ${spacings(p).map((s) => s.toFixed(2)).join(' ')}`);
  for (const l of p.lines) assert.ok(l.right <= NARROW.measure! + 0.01, `overfull: ${l.text}`);
  for (const l of texts(p).slice(0, -1)) assert.match(l, /[/.\p{Script=Han}]$/u, `broken inside a word: ${l}`);
  const unlimited = compose(text, { ...NARROW, maxSpacing: 100 });
  assert.ok(loose <= spacings(unlimited).filter((s) => s > 0.5).length, 'no more loose lines than without the allowance');
  // Where the only loose line cannot be avoided, the paragraph is set exactly as without it.
  const plain = '人大代表建议“HangzhouRenda”系统上线运行。';
  assert.deepEqual(texts(compose(plain, NARROW)), texts(compose(plain, { ...NARROW, maxSpacing: 100 })));
});

test('a loose line is still preferred to a line that cannot be justified at all', () => {
  // Avoiding the loose 一二三 by leaving 一 alone on a short line would be worse.
  const p = compose('一二三Internationalization甲', { ...NARROW, measure: 12 * EM });
  assert.deepEqual(texts(p), ['一二三', 'Internationalization甲']);
  assert.ok(spacings(p)[0] > 0.5);
  const q = compose('的的的的571-8525的', { ...NARROW, indent: 2 });
  assert.deepEqual(texts(q), ['的的的的', '571-8525的']);
});

test('a line holding only part of a URL is priced by how far it must be spread, not as unjustifiable', () => {
  // A typical government URL: the only layout without a loose line breaks it twice, leaving a line
  // of URL alone that is a few points short. Spread over its break points that slack is invisible;
  // a loose line of Han before the URL is not.
  const url = 'https://www.hangzhou.gov.cn/art/2024/3/15/art_1229063387_1841234.html';
  for (const lead of ['详细内容可登录杭州市人民政府门户网站（', '详细内容可登录杭州市人民政府门户网站']) {
    const text = `${lead}${url}${lead.endsWith('（') ? '）' : ''}查询。`;
    const p = compose(text, BODY);
    assert.equal(joined(p), text);
    for (const [k, s] of spacings(p).entries()) assert.ok(s <= 0.5 + 1e-6, `line ${k + 1} is loose (${s.toFixed(2)} em): ${texts(p).join(' | ')}`);
    for (const l of p.lines.slice(0, -1)) assert.ok(Math.abs(l.right - BODY.measure!) < 0.05, `line not flush: ${l.text}`);
    // Within the URL-only line the spread is a hair, not a visible space.
    const only = p.lines.find((l) => !/\p{Script=Han}/u.test(l.text));
    if (only && !only.last) assert.ok((only.spacing ?? 0) < 0.1 * EM, `URL line spread ${(only.spacing ?? 0).toFixed(2)} pt: ${only.text}`);
  }
});
