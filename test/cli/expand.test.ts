/** File arguments expanded by bulletin itself (src/cli/expand.ts), for shells that pass `*` through. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expandFileArguments, expandPattern } from '../../src/cli/expand.js';

function tree(files: string[]): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-expand-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), '');
  }
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('folders, patterns, files and standard input', () => {
  const { dir, done } = tree(['issues/690.yaml', 'issues/691.yml', 'issues/2024/01.yaml', 'issues/2024/notes.txt', 'issues/.git/x.yaml', 'issues/node_modules/p/a.yaml', 'issues/bulletin.config.yaml', 'issues/[1].yaml']);
  const cwd = process.cwd();
  try {
    process.chdir(dir);
    assert.deepEqual(expandFileArguments(['issues']).files, ['issues/2024/01.yaml', 'issues/690.yaml', 'issues/691.yml', 'issues/[1].yaml']);
    assert.deepEqual(expandPattern('issues/*.yaml'), ['issues/690.yaml', 'issues/[1].yaml']);
    assert.deepEqual(expandPattern('issues/*.{yaml,yml}'), ['issues/690.yaml', 'issues/691.yml', 'issues/[1].yaml']);
    assert.deepEqual(expandPattern('issues/**/*.yaml'), ['issues/690.yaml', 'issues/[1].yaml', 'issues/2024/01.yaml', 'issues/node_modules/p/a.yaml']);
    assert.deepEqual(expandPattern('issues/69?.y*ml'), ['issues/690.yaml', 'issues/691.yml']);
    assert.deepEqual(expandPattern('issues/6[!9]*.yaml'), []);
    assert.deepEqual(expandPattern(join(dir, 'issues', '*.yml')), [join(dir, 'issues', '691.yml')], 'an absolute pattern');
    // A file whose name looks like a pattern is that file; - is standard input; a missing plain name is passed on.
    assert.deepEqual(expandFileArguments(['issues/[1].yaml', '-', 'missing.yaml']).files, ['issues/[1].yaml', '-', 'missing.yaml']);
    assert.deepEqual(expandFileArguments(['issues/*.txt', 'issues/2024/*.txt']), { files: ['issues/2024/notes.txt'], unmatched: ['issues/*.txt'] }, 'a pattern gives what it matches');
  } finally {
    process.chdir(cwd);
    done();
  }
});

test('a folder reached through a link is followed; a folder with no issue files is unmatched', () => {
  const { dir, done } = tree(['real/a.yaml', 'empty/readme.txt']);
  try {
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    assert.deepEqual(expandFileArguments([join(dir, 'link')]).files, [join(dir, 'link', 'a.yaml')]);
    assert.deepEqual(expandFileArguments([join(dir, 'empty')]), { files: [], unmatched: [join(dir, 'empty')] });
  } finally {
    done();
  }
});
