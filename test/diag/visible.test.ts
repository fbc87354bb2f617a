import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerpt, formatDiagnostics } from '../../src/diag/format.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import { escapeInvisibleJson, isInvisible, showChar, visibleText } from '../../src/diag/visible.js';

test('invisible characters are named, visible ones quoted', () => {
  assert.equal(showChar(0x200b), 'U+200B ZERO WIDTH SPACE');
  assert.equal(showChar(0x2028), 'U+2028 LINE SEPARATOR');
  assert.equal(showChar(0x85), 'U+0085 NEXT LINE');
  assert.equal(showChar(0xfe0f), 'U+FE0F VARIATION SELECTOR-16');
  assert.equal(showChar(0x4e02), "'丂' (U+4E02)");
  assert.equal(showChar(0x20000), "'𠀀' (U+20000)");
  for (const cp of [0x20, 0x41, 0x4e00, 0x3001, 0x1f600]) assert.equal(isInvisible(cp), false, cp.toString(16));
  for (const cp of [0x00, 0x09, 0x7f, 0x9b, 0xa0, 0xad, 0x200b, 0x200e, 0x2029, 0x202e, 0x2060, 0x3000, 0xfeff]) assert.equal(isInvisible(cp), true, cp.toString(16));
});

test('text keeps its line feeds and spaces, and shows everything else invisible', () => {
  assert.equal(visibleText('a b\nc\u2028d\u200be'), 'a b\nc<U+2028 LINE SEPARATOR>d<U+200B ZERO WIDTH SPACE>e');
});

test('JSON escapes invisible characters without changing the value', () => {
  const json = escapeInvisibleJson(JSON.stringify({ m: 'x\u2028y\u200b\ufeff' }, null, 2));
  assert.ok(!/[\u2028\u200b\ufeff]/.test(json));
  assert.deepEqual(JSON.parse(json), { m: 'x\u2028y\u200b\ufeff' });
});

test('no format writes an invisible character raw', () => {
  const d: Diagnostic = { code: 'x', severity: 'error', message: "character '\u2028' here", hint: 'not \u200b', file: 'f.yaml', line: 1, col: 4 };
  for (const format of ['text', 'json', 'github'] as const) {
    const out = formatDiagnostics([d], format, () => 'a: \u2028\u200bb');
    assert.ok(!/[\u2028\u200b]/.test(out), `${format}: ${JSON.stringify(out)}`);
  }
});

test('an excerpt marks an invisible character where the terminal shows its name', () => {
  const { text, marker } = excerpt('a: 字\u200b字', 5);
  assert.equal(text, 'a: 字<U+200B>字');
  assert.equal(marker, ' '.repeat(5) + '^' + '~'.repeat('<U+200B>'.length - 1));
});
