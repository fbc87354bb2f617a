/**
 * East Asian ambiguous characters (“ ” ‘ ’ … — · ① ○ ※, Greek, Cyrillic) take the columns the
 * terminal gives them: two in a Chinese, Japanese or Korean locale, one elsewhere, or what
 * BULLETIN_AMBIGUOUS_WIDTH says. The caret under a character must count them the same way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import { formatTextDiagnostic } from '../../src/diag/format.js';
import { ambiguousWidth, ambiguousWidthFor, displayWidth, setAmbiguousWidth } from '../../src/diag/width.js';

/** With `width` for ambiguous characters during `run`. */
function withAmbiguous<T>(width: 1 | 2, run: () => T): T {
  const before = ambiguousWidth();
  setAmbiguousWidth(width);
  try {
    return run();
  } finally {
    setAmbiguousWidth(before);
  }
}

test('ambiguous characters: one column by default, two when set so', () => {
  const ambiguous = '“”‘’…—·①○※αЖ§°×';
  assert.equal(displayWidth(ambiguous), [...ambiguous].length);
  withAmbiguous(2, () => assert.equal(displayWidth(ambiguous), 2 * [...ambiguous].length));
  // Neither setting touches ASCII, CJK ideographs or full-width forms.
  withAmbiguous(2, () => assert.equal(displayWidth('ab 监督（）２'), 3 + 2 * 5));
  withAmbiguous(1, () => assert.equal(displayWidth('ab 监督（）２'), 3 + 2 * 5));
});

test('the caret stands under the character after “ ” … and ①, as the terminal draws them', () => {
  // 9 ASCII columns, 他 说 好 (2 each), then “ ” … ① (ambiguous), then 第.
  const line = '- title: 他说“好”…①第三';
  const col = [...line].indexOf('第') + 1;
  const d: Diagnostic = { code: 'x', severity: 'error', message: 'm', file: 'a.yaml', line: 3, col };
  const caretColumn = (): number => {
    const caretLine = formatTextDiagnostic(d, () => line).split('\n')[2];
    return caretLine.indexOf('^') - ' 3 | '.length;
  };
  assert.equal(withAmbiguous(1, caretColumn), 9 + 6 + 4);
  assert.equal(withAmbiguous(2, caretColumn), 9 + 6 + 8);
  // Measured the same way, the text before the caret is exactly that wide.
  assert.equal(withAmbiguous(2, () => displayWidth(line.slice(0, line.indexOf('第')))), 9 + 6 + 8);
});

test('the width follows the locale; BULLETIN_AMBIGUOUS_WIDTH overrides it', () => {
  assert.equal(ambiguousWidthFor({ env: { LANG: 'zh_CN.UTF-8' } }), 2);
  assert.equal(ambiguousWidthFor({ env: { LANG: 'ja_JP.UTF-8' } }), 2);
  assert.equal(ambiguousWidthFor({ env: { LANG: 'ko_KR.UTF-8' } }), 2);
  assert.equal(ambiguousWidthFor({ env: { LANG: 'en_US.UTF-8' } }), 1);
  assert.equal(ambiguousWidthFor({ env: { LANG: 'C.UTF-8' } }), 1);
  // The character locale decides, in POSIX order: LC_ALL, LC_CTYPE, LANG.
  assert.equal(ambiguousWidthFor({ env: { LANG: 'zh_CN.UTF-8', LC_CTYPE: 'en_US.UTF-8' } }), 1);
  assert.equal(ambiguousWidthFor({ env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' } }), 2);
  // Messages asked for in Chinese on a Western terminal do not change how it draws.
  assert.equal(ambiguousWidthFor({ env: { LANG: 'en_US.UTF-8' }, language: 'zh' }), 1);
  // No locale at all (Windows): the language of the messages is the best guess.
  assert.equal(ambiguousWidthFor({ env: {}, language: 'zh' }), 2);
  assert.equal(ambiguousWidthFor({ env: {}, language: 'en' }), 1);
  assert.equal(ambiguousWidthFor({ env: { LANG: 'zh_CN.UTF-8', BULLETIN_AMBIGUOUS_WIDTH: '1' } }), 1);
  assert.equal(ambiguousWidthFor({ env: { LANG: 'en_US.UTF-8', BULLETIN_AMBIGUOUS_WIDTH: '2' } }), 2);
  // Anything else in the variable is ignored.
  assert.equal(ambiguousWidthFor({ env: { LANG: 'en_US.UTF-8', BULLETIN_AMBIGUOUS_WIDTH: 'wide' } }), 1);
});
