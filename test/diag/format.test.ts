import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import {
  escapeGithubData,
  escapeGithubProperty,
  excerpt,
  formatDiagnostics,
  formatGithubDiagnostic,
  formatJson,
  formatTextDiagnostic,
  summaryLine,
} from '../../src/diag/format.js';
import { displayWidth } from '../../src/diag/width.js';

const base: Diagnostic = { code: 'wrong-type', severity: 'error', message: '`number` must be a whole number ≥ 1, got "二"', file: 'issues/a.yaml', line: 2, col: 9 };

test('display width: CJK and full-width forms take two columns', () => {
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('监督纵横'), 8);
  assert.equal(displayWidth('（普刊）'), 8);
  assert.equal(displayWidth('２０２４'), 8);
  assert.equal(displayWidth('“'), 1); // ambiguous width: one column on Western terminals
  assert.equal(displayWidth('𠀀'), 2); // Extension B, one code point
  assert.equal(displayWidth('e\u0301'), 1); // combining accent
});

test('text: gcc-style first line, source line, caret under the character', () => {
  const text = formatTextDiagnostic({ ...base, endLine: 2, endCol: 10 }, () => 'number: 二');
  assert.equal(text, [
    'issues/a.yaml:2:9: error: `number` must be a whole number ≥ 1, got "二" [wrong-type]',
    ' 2 | number: 二',
    '   |         ^~',
  ].join('\n'));
});

test('caret placed by display width after CJK text', () => {
  // col 14 is the ASCII colon after three CJK characters: 10 + 3×2 = 16 columns before it.
  const { text, marker } = excerpt('bulletin: 临安区: 强化', 14);
  assert.equal(text, 'bulletin: 临安区: 强化');
  assert.equal(marker, ' '.repeat(16) + '^');
  assert.equal(displayWidth(text.slice(0, [...text].slice(0, 13).join('').length)), marker.indexOf('^'));
});

test('a range underlines its full display width', () => {
  assert.equal(excerpt('  artcles:', 3, 10).marker, '  ^~~~~~~');
  assert.equal(excerpt('title: 监督纵横', 8, 12).marker, ' '.repeat(7) + '^' + '~'.repeat(7));
});

test('tabs and control characters keep the caret aligned', () => {
  const tab = excerpt('\tarticles:', 2);
  assert.equal(tab.text, '        articles:');
  assert.equal(tab.marker, '        ^');
  const nul = excerpt('a: 测\u0000试', 5);
  assert.equal(nul.text, 'a: 测\u2400试');
  assert.equal(nul.marker, '     ^');
});

test('a caret at the end of the line', () => {
  assert.deepEqual(excerpt('key:', 5), { text: 'key:', marker: '    ^' });
  assert.deepEqual(excerpt('', 1), { text: '', marker: '^' });
});

test('long lines are cut around the caret, keeping the caret on its character', () => {
  const line = '一'.repeat(100) + 'X' + '二'.repeat(100);
  const { text, marker } = excerpt(line, 101);
  assert.ok(displayWidth(text) <= 102, `excerpt is ${displayWidth(text)} columns`);
  assert.ok(text.startsWith('…') && text.endsWith('…'));
  const caretColumn = marker.indexOf('^');
  // The character printed at the caret's column is the X.
  let width = 0;
  let under = '';
  for (const ch of text) {
    if (width === caretColumn) under = ch;
    width += displayWidth(ch);
  }
  assert.equal(under, 'X');
});

test('hint and gutter width follow the line number', () => {
  const text = formatTextDiagnostic({ ...base, line: 120, col: 3, hint: 'allowed keys here: a, b' }, () => '- x');
  assert.equal(text.split('\n').slice(1).join('\n'), [' 120 | - x', '     |   ^', '     = hint: allowed keys here: a, b'].join('\n'));
});

test('warnings and infos, and no source line when none is known', () => {
  assert.equal(
    formatTextDiagnostic({ ...base, severity: 'warning', code: 'issue-sequence', message: 'm' }),
    'issues/a.yaml:2:9: warning: m [issue-sequence]',
  );
  assert.equal(formatTextDiagnostic({ ...base, severity: 'info', code: 'toc-differs', message: 'm' }), 'issues/a.yaml:2:9: note: m [toc-differs]');
});

test('github: workflow commands with escaping', () => {
  assert.equal(
    formatGithubDiagnostic(base),
    '::error file=issues/a.yaml,line=2,col=9,title=wrong-type::`number` must be a whole number ≥ 1, got "二"',
  );
  assert.equal(escapeGithubData('100% done\r\nnext'), '100%25 done%0D%0Anext');
  assert.equal(escapeGithubProperty('dir,x/a:b.yaml'), 'dir%2Cx/a%3Ab.yaml');
  assert.equal(
    formatGithubDiagnostic({ ...base, severity: 'warning', file: 'a,b.yaml', message: '50%\nline', hint: 'h' }),
    '::warning file=a%2Cb.yaml,line=2,col=9,title=wrong-type::50%25%0Aline%0Ahint: h',
  );
  assert.match(formatGithubDiagnostic({ ...base, severity: 'info' }), /^::notice /);
});

test('json: an array with a stable key order, absent fields left out', () => {
  const d: Diagnostic = { path: 'number', hint: 'h', message: 'm', code: 'c', col: 9, line: 2, file: 'f.yaml', severity: 'error', endCol: 10, endLine: 2 };
  const json = formatJson([d]);
  assert.deepEqual(Object.keys(JSON.parse(json)[0]), ['file', 'line', 'col', 'endLine', 'endCol', 'severity', 'code', 'message', 'path', 'hint']);
  assert.deepEqual(JSON.parse(formatJson([])), []);
  assert.deepEqual(JSON.parse(formatDiagnostics([base], 'json'))[0].message, base.message);
});

test('summary line: counts with singular and plural', () => {
  const e = (severity: Diagnostic['severity']): Diagnostic => ({ ...base, severity });
  assert.equal(summaryLine(1, []), '1 file, no problems');
  assert.equal(summaryLine(3, []), '3 files, no problems');
  assert.equal(summaryLine(2, [e('error'), e('error'), e('error'), e('warning')]), '2 files, 3 errors, 1 warning');
  assert.equal(summaryLine(1, [e('error'), e('warning'), e('warning'), e('info')]), '1 file, 1 error, 2 warnings, 1 note');
  assert.equal(summaryLine(1, [e('info'), e('info')]), '1 file, 2 notes');
});
