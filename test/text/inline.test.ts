import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInline, plainText } from '../../src/text/inline.js';

test('bold lead is split from the plain text that follows', () => {
  assert.deepEqual(parseInline('**滨江区人大常委会**深入学习'), [
    { text: '滨江区人大常委会', bold: true, offset: 2 },
    { text: '深入学习', bold: false, offset: 12 },
  ]);
});

test('bold in the middle of a paragraph', () => {
  assert.deepEqual(parseInline('今年，**余杭区**立足').map((p) => [p.text, p.bold]), [
    ['今年，', false], ['余杭区', true], ['立足', false],
  ]);
});

test('an unpaired ** stays literal', () => {
  assert.equal(plainText('a**b'), 'a**b');
  assert.equal(plainText('**a**b**'), 'ab**');
});
