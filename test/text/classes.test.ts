/**
 * One character-class module for the composer and the lint: the lint's predicates are the
 * composer's (check/chars re-exports them), Han is Unicode's Script=Han, wide symbols follow
 * Unicode's East Asian Width plus the ambiguous symbols Chinese faces set full width, and the
 * two questions once both called isCjkPunct are told apart.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as lint from '../../src/check/chars.js';
import { codePointWidth, displayWidth } from '../../src/diag/width.js';
import { Cls, classify, isCjkPunct, isChinese, isFullWidthMark, isHan, isIdeograph } from '../../src/text/classes.js';

const cp = (ch: string) => ch.codePointAt(0)!;

test('the lint asks the same functions the composer does', () => {
  assert.equal(lint.isHan, isHan);
  assert.equal(lint.isHan, isIdeograph);
  assert.equal(lint.isCjkPunct, isCjkPunct);
  assert.equal(lint.isChinese, isChinese);
});

test('Han is Script=Han: unified ideographs, extensions, compatibility ideographs, radicals, 〇 々 〻 〡', () => {
  for (const ch of ['中', '鿿', '㐀', '𠀀', '𰀀', '豈', '⺀', '⼀', '〇', '々', '〻', '〡']) assert.ok(isHan(cp(ch)), ch);
  for (const ch of ['a', '。', '〔', 'ア', '한', '①', '　']) assert.ok(!isHan(cp(ch)), ch);
  assert.equal(classify(cp('〇')), Cls.Han);
  assert.equal(classify(cp('𪚥')), Cls.Han);
});

test('wide symbols: East Asian Width wide and full-width, and the ambiguous symbols Chinese faces set full width', () => {
  for (const ch of ['①', '■', '★', '✓', '㎡', '㉈', 'ꀀ', '﹐', '０']) assert.equal(classify(cp(ch)), Cls.Wide, ch);
  for (const ch of ['a', '1', 'é', 'Ω', '→']) assert.equal(classify(cp(ch)), Cls.Latin, ch);
});

test('full-width marks (a class: no CJK–Latin gap) and Chinese-only punctuation (a code point) are two questions', () => {
  // An em dash is set in a full cell in Chinese text, but Western text uses it too.
  assert.ok(isFullWidthMark(classify(cp('—'))));
  assert.ok(!isCjkPunct(cp('—')));
  assert.ok(isFullWidthMark(classify(cp('，'))) && isCjkPunct(cp('，')));
  assert.ok(!isFullWidthMark(Cls.Han) && !isFullWidthMark(Cls.Latin));
});

test('terminal widths: wide characters two columns, combining marks none, ambiguous ones one', () => {
  assert.equal(displayWidth('a中，'), 5);
  assert.equal(codePointWidth(0x0301), 0);
  assert.equal(codePointWidth(0x200b), 0);
  assert.equal(codePointWidth(cp('①')), 1, 'ambiguous: one column, as terminals default to');
  assert.equal(codePointWidth(cp('𠀀')), 2);
  assert.equal(codePointWidth(cp('😀')), 2);
});
