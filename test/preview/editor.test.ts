/**
 * `--editor` templates: split as a shell splits words, the place put in after splitting, run
 * without a shell — a file name with spaces, quotes or `;` stays one argument.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EditorTemplateError, editorArgv, openInEditor, splitCommand } from '../../src/preview/editor.js';

test('templates are split into words as a shell would', () => {
  assert.deepEqual(splitCommand('code -g {file}:{line}'), ['code', '-g', '{file}:{line}']);
  assert.deepEqual(splitCommand(`"/opt/My Editor/bin/ed" '+{line}' {file}`), ['/opt/My Editor/bin/ed', '+{line}', '{file}']);
  assert.deepEqual(splitCommand('emacsclient -n +{line}:{col}  {file} '), ['emacsclient', '-n', '+{line}:{col}', '{file}']);
  assert.deepEqual(splitCommand('a\\ b "c\\"d" \'e\\f\''), ['a b', 'c"d', 'e\\f']);
  assert.deepEqual(splitCommand('x ""'), ['x', '']);
  assert.throws(() => splitCommand('code "-g'), EditorTemplateError);
  assert.throws(() => splitCommand('   '), EditorTemplateError);
});

test('the place goes into the words after splitting: no file name adds words', () => {
  const file = '/tmp/a b;rm -rf x $(y) "q".yaml';
  assert.deepEqual(editorArgv('code -g {file}:{line}:{col}', { file, line: 12, col: 3 }), ['code', '-g', `${file}:12:3`]);
  assert.deepEqual(editorArgv('vim +{line}', { file, line: 7, col: 1 }), ['vim', '+7', file], 'the file appended when the template has none');
});

test('the editor is started without a shell; a missing command is reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-editor-'));
  try {
    const out = join(dir, 'opened.txt');
    const script = "require('fs').writeFileSync(process.argv[1], process.argv.slice(2).join('|'))";
    const template = `"${process.execPath}" -e "${script}" "${out}" {file}:{line} {col}`;
    assert.equal(await openInEditor(template, { file: '/x/a b.yaml', line: 9, col: 4 }), undefined);
    const deadline = Date.now() + 20_000;
    let text = '';
    while (Date.now() < deadline) {
      try { text = readFileSync(out, 'utf8'); } catch { /* not yet */ }
      if (text) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(text, '/x/a b.yaml:9|4');
    assert.match((await openInEditor('no-such-editor-command-x {file}', { file: 'a', line: 1, col: 1 }))!, /editor command not found: no-such-editor-command-x/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
