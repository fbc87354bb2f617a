/**
 * A space typed beside a Chinese mark: in a title (phraseSpaces) a pause between phrases of one
 * em of blank, the mark's blank half included; in running text it vanishes as before.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compose, EM, glyph, near } from './helpers.js';

const TITLE = { measure: 30 * EM, align: 'center' as const, balance: true, trimOpeningAtLineStart: false };

test('in a title, a space after a closing quote leaves one em of blank between the phrases', () => {
  const [line] = compose('打好监督“组合拳” 跑出发展“加速度”', { ...TITLE, phraseSpaces: true }).lines;
  const close = glyph(line, '”');
  // The quote keeps its full cell (ink left, ½ em blank) and the pause adds the other ½ em.
  assert.ok(near(glyph(line, '跑').x - close.x, 1.5 * EM), `跑 at ${glyph(line, '跑').x - close.x} after ”`);
  assert.equal(line.text, '打好监督“组合拳” 跑出发展“加速度”');
  // Before an opening mark the same: Han, then the pause, then “ with its ½ em blank on the left.
  const [open] = compose('强化监督 “三个结合”', { ...TITLE, phraseSpaces: true }).lines;
  assert.ok(near(glyph(open, '“').x - glyph(open, '督').x, 1.5 * EM));
});

test('without phraseSpaces (running text) the space vanishes: the same places as without it', () => {
  const spaced = compose('打好监督“组合拳” 跑出发展', TITLE).lines[0];
  const plain = compose('打好监督“组合拳”跑出发展', TITLE).lines[0];
  assert.ok(near(glyph(spaced, '跑').x - glyph(spaced, '”').x, glyph(plain, '跑').x - glyph(plain, '”').x));
  assert.equal(spaced.text, '打好监督“组合拳”跑出发展');
  // A closing and an opening mark with a space between still compress as a pair in running text.
  const pair = compose('第（一） （二）项').lines[0];
  const tight = compose('第（一）（二）项').lines[0];
  assert.ok(near(glyph(pair, '（', 1).x, glyph(tight, '（', 1).x));
});

test('between a closing and an opening mark the two blank halves already make the em: no glue is added', () => {
  const [line] = compose('“甲” “乙”', { ...TITLE, phraseSpaces: true }).lines;
  assert.ok(near(glyph(line, '“', 1).x - glyph(line, '”').x, EM), 'the pair is not compressed, and nothing more is added');
});
