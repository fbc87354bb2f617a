import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANSI, PLAIN, wantsColour } from '../../src/diag/colour.js';
import { formatDiagnostics } from '../../src/diag/format.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';

test('colour on a terminal, none when piped; NO_COLOR turns it off, FORCE_COLOR on', () => {
  assert.equal(wantsColour({ isTTY: true }, {}), true);
  assert.equal(wantsColour({ isTTY: false }, {}), false);
  assert.equal(wantsColour({}, {}), false);
  assert.equal(wantsColour({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(wantsColour({ isTTY: true }, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count');
  assert.equal(wantsColour({ isTTY: false }, { FORCE_COLOR: '1' }), true);
  assert.equal(wantsColour({ isTTY: false }, { FORCE_COLOR: '' }), true);
  assert.equal(wantsColour({ isTTY: true }, { FORCE_COLOR: '0' }), false);
  assert.equal(wantsColour({ isTTY: true }, { TERM: 'dumb' }), false);
});

test('coloured text is the plain text with escape sequences around its parts', () => {
  const d: Diagnostic = { code: 'demo', severity: 'error', message: '错误', file: 'a.yaml', line: 1, col: 3, hint: '提示' };
  const plain = formatDiagnostics([d], 'text', () => 'a: 错误', PLAIN);
  const coloured = formatDiagnostics([d], 'text', () => 'a: 错误', ANSI);
  assert.notEqual(coloured, plain);
  // eslint-disable-next-line no-control-regex
  assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), plain);
  assert.match(coloured, /\u001b\[1;31merror:\u001b\[0m/);
});
