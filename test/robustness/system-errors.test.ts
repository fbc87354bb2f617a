/**
 * Problems that are not the content's fault, for every command that meets them: a missing or
 * unreadable file, an output directory that does not exist, a missing, empty, garbage or
 * truncated font, a theme file that is missing, not YAML or fails its schema. Each is one
 * clear line (after the located diagnostics, for a theme file) and exit status 2.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_DIR } from '../../src/font/vendored.js';
import { bulletin, lines, listing, MINIMAL, removeScratch, scratch } from './support.js';
import { cannotRunAsUser, run, sandbox } from './faults-support.js';

const QUICK_MS = 30_000;

/** A real font cut short: it opens (tables are read lazily) but its glyphs cannot be read. */
const truncatedFont = (): Buffer => readFileSync(join(FONT_DIR, 'LXGWWenKai-Regular.ttf')).subarray(0, 200_000);

function files(): Record<string, string | Buffer> {
  return {
    'a.yaml': MINIMAL,
    'garbage.ttf': Buffer.alloc(4096, 0x41),
    'empty.ttf': Buffer.alloc(0),
    'truncated.ttf': truncatedFont(),
    'missing-font.yaml': 'fonts:\n  kai:\n    file: /nonexistent/kai.ttf\n',
    'garbage-font.yaml': 'fonts:\n  kai:\n    file: garbage.ttf\n',
    'empty-font.yaml': 'fonts:\n  song:\n    file: empty.ttf\n',
    'truncated-font.yaml': 'fonts:\n  kai:\n    file: truncated.ttf\n',
    'schema.yaml': 'fonts:\n  kai:\n    flie: kai.ttf\n',
    'syntax.yaml': 'fonts: [\n',
    'style-missing-font.yaml': MINIMAL.replace('sections:', 'style:\n  fonts:\n    kai:\n      file: missing.ttf\nsections:'),
  };
}

type Expect = { stderr: string | RegExp } | { last: string; first: string };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface Case {
  what: string;
  args: string[];
  expect: Expect;
}

function cases(dir: string): Case[] {
  const abs = (name: string) => join(dir, name);
  return [
    { what: 'build: a missing issue file', args: ['build', 'none.yaml'], expect: { stderr: 'bulletin build: cannot read none.yaml: no such file\n' } },
    { what: 'check: a missing issue file', args: ['check', 'none.yaml'], expect: { stderr: 'bulletin check: cannot read none.yaml: no such file\n' } },
    { what: 'fonts: a missing issue file', args: ['fonts', 'none.yaml'], expect: { stderr: 'bulletin fonts: cannot read none.yaml: no such file\n' } },
    { what: 'new: a missing source file', args: ['new', '--from', 'none.yaml'], expect: { stderr: 'bulletin new: cannot read none.yaml: no such file\n' } },
    { what: 'build: a directory as the issue file', args: ['build', 'sub'], expect: { stderr: 'bulletin build: cannot read sub: it is a directory\n' } },
    // check takes a directory for the issue files in it (cli/expand.ts): this one has none.
    { what: 'check: a directory as the issue file', args: ['check', 'sub'], expect: { stderr: 'bulletin check: no issue files (.yaml, .yml) match sub\n' } },
    { what: 'fonts: a directory as the issue file', args: ['fonts', 'sub'], expect: { stderr: 'bulletin fonts: cannot read sub: it is a directory\n' } },
    { what: 'new: a directory as the source', args: ['new', '--from', 'sub'], expect: { stderr: 'bulletin new: cannot read sub: it is a directory\n' } },
    { what: 'build: an output directory that does not exist', args: ['build', 'a.yaml', '-o', 'no/such/a.pdf'], expect: { stderr: 'bulletin build: output directory does not exist: no/such\n' } },
    { what: 'new: an output directory that does not exist', args: ['new', '--from', 'a.yaml', '--date', '2024-02-01', '-o', 'no/such/b.yaml'], expect: { stderr: 'bulletin new: output directory does not exist: no/such\n' } },
    // build says it at the key that names the font, then in one line.
    { what: 'build: a theme naming a missing font file', args: ['build', 'a.yaml', '--theme', 'missing-font.yaml'], expect: { first: 'missing-font.yaml:3:11: error: font file not found: /nonexistent/kai.ttf [theme]', last: 'bulletin build: bad font: font file not found: /nonexistent/kai.ttf' } },
    { what: 'fonts: a theme naming a missing font file', args: ['fonts', '--theme', 'missing-font.yaml'], expect: { stderr: 'bulletin fonts: bad font: font file not found: /nonexistent/kai.ttf\n' } },
    { what: "build: an issue's style: naming a missing font file", args: ['build', 'style-missing-font.yaml'], expect: { first: `style-missing-font.yaml:8:13: error: font file not found: ${abs('missing.ttf')} [theme]`, last: `bulletin build: bad font: font file not found: ${abs('missing.ttf')}` } },
    { what: 'build: a theme naming a garbage font file', args: ['build', 'a.yaml', '--theme', 'garbage-font.yaml'], expect: { first: `garbage-font.yaml:3:11: error: not a usable font file: ${abs('garbage.ttf')} (Unknown font format) [theme]`, last: `bulletin build: bad font: not a usable font file: ${abs('garbage.ttf')} (Unknown font format)` } },
    { what: 'fonts: a theme naming a garbage font file', args: ['fonts', 'a.yaml', '--theme', 'garbage-font.yaml'], expect: { stderr: `bulletin fonts: bad font: not a usable font file: ${abs('garbage.ttf')} (Unknown font format)\n` } },
    { what: 'build: a theme naming an empty font file', args: ['build', 'a.yaml', '--theme', 'empty-font.yaml'], expect: { first: `empty-font.yaml:3:11: error: not a usable font file: ${abs('empty.ttf')} (Unknown font format) [theme]`, last: `bulletin build: bad font: not a usable font file: ${abs('empty.ttf')} (Unknown font format)` } },
    // A cut-short file is found when it is opened, from its table directory.
    { what: 'fonts: a theme naming a truncated font file', args: ['fonts', '--theme', 'truncated-font.yaml'], expect: { stderr: new RegExp(`^bulletin fonts: bad font: not a usable font file: ${escape(abs('truncated.ttf'))} \\(its '\\w+' table ends at byte \\d+ but the file has \\d+ bytes: the file is cut short or damaged\\)\\n$`) } },
    { what: 'build: a missing theme file', args: ['build', 'a.yaml', '--theme', 'none.yaml'], expect: { stderr: 'bulletin build: cannot read theme file none.yaml: no such file\n' } },
    { what: 'fonts: a missing theme file', args: ['fonts', '--theme', 'none.yaml'], expect: { stderr: 'bulletin fonts: cannot read theme file none.yaml: no such file\n' } },
    {
      what: 'build: a theme file that fails its schema',
      args: ['build', 'a.yaml', '--theme', 'schema.yaml'],
      expect: { first: 'schema.yaml:3:5: error: unknown key `flie` in `fonts.kai` (did you mean `file`?) [theme-schema]', last: 'bulletin build: theme file schema.yaml has errors' },
    },
    {
      what: 'fonts: a theme file that fails its schema',
      args: ['fonts', '--theme', 'schema.yaml'],
      expect: { first: 'schema.yaml:3:5: error: unknown key `flie` in `fonts.kai` (did you mean `file`?) [theme-schema]', last: 'bulletin fonts: theme file schema.yaml has errors' },
    },
    {
      what: 'build: a theme file that is not YAML',
      args: ['build', 'a.yaml', '--theme', 'syntax.yaml'],
      expect: { first: 'syntax.yaml:2:1: error: a `[` … `]` above is not closed with `]` before this line (or this line is not indented enough) [theme-syntax]', last: 'bulletin build: theme file syntax.yaml has errors' },
    },
  ];
}

const dir = scratch(files());
mkdirSync(join(dir, 'sub'));
const before = listing(dir);

for (const c of cases(dir)) {
  test(`${c.what}: one clear line, exit 2`, () => {
    const r = bulletin(dir, c.args, QUICK_MS);
    assert.equal(r.timedOut, false);
    if ('stderr' in c.expect) {
      if (typeof c.expect.stderr === 'string') assert.equal(r.stderr, c.expect.stderr);
      else assert.match(r.stderr, c.expect.stderr);
    } else {
      const err = lines(r.stderr);
      assert.equal(err[0], c.expect.first, r.stderr);
      assert.equal(err.at(-1), c.expect.last, r.stderr);
      assert.equal(err.filter((l) => l.startsWith('bulletin ')).length, 1, 'one summary line');
    }
    assert.doesNotMatch(r.stderr, /\n\s+at |internal error/);
    assert.equal(r.status, 2, `${r.stdout}${r.stderr}`);
    if (c.args[0] !== 'fonts') assert.equal(r.stdout, '');
    assert.deepEqual(listing(dir), before, 'nothing written');
  });
}

test('unreadable files (no permission): one line, exit 2, for every command', (t) => {
  // Permissions do not stop root: the commands run as the unprivileged test user.
  const why = cannotRunAsUser();
  if (why) {
    t.skip(why);
    return;
  }
  const d = sandbox({ 'locked.yaml': MINIMAL });
  try {
    chmodSync(join(d, 'locked.yaml'), 0o000);
    for (const [cmd, args] of [['build', ['locked.yaml']], ['check', ['locked.yaml']], ['fonts', ['locked.yaml']], ['new', ['--from', 'locked.yaml']]] as const) {
      const r = run(d, [cmd, ...args], { timeoutMs: QUICK_MS, asUser: true });
      assert.equal(r.stderr, `bulletin ${cmd}: cannot read locked.yaml: permission denied\n`, cmd);
      assert.equal(r.status, 2, cmd);
    }
  } finally {
    chmodSync(join(d, 'locked.yaml'), 0o644);
    removeScratch(d);
  }
});

after(() => removeScratch(dir));
