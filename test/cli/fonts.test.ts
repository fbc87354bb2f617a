/**
 * `bulletin fonts` through the built CLI: the listing, the per-face character counts with an
 * issue, and the exit statuses (0 all drawn, 1 a character no font has, 2 a font or file problem).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { MINIMAL } from '../support/issues.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');

function bulletin(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}


test('fonts: every role with its chain, files relative to the working directory, exit 0', () => {
  const r = bulletin(PACKAGE_ROOT, 'fonts');
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'Font chains of the default theme:');
  assert.ok(lines.includes('kai — subtitles, level-2 headings, bylines'), r.stdout);
  assert.ok(lines.some((l) => /^ {2}1\. LXGWWenKai-Regular +fonts\/LXGWWenKai-Regular\.ttf +29,145 glyphs {2}OFL 1\.1 \(https:\/\/scripts\.sil\.org\/OFL\)$/.test(l)), r.stdout);
  assert.ok(lines.some((l) => /^ {2}2\. NotoSerifCJKsc-Regular \(song\) +fonts\/NotoSerifCJKsc-Regular\.ttf +\d{2},\d{3} glyphs {2}OFL 1\.1/.test(l)), r.stdout);
  assert.equal(lines.at(-2), '5 roles, 5 faces');
});

test('fonts 690: what each face draws, and a summary; nothing falls back', () => {
  const r = bulletin(PACKAGE_ROOT, 'fonts', 'issues/690.yaml');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^ {2}1\. NotoSerifCJKsc-Regular +fonts\/NotoSerifCJKsc-Regular\.ttf .* — draws \d{3} characters$/m);
  assert.match(r.stdout, /\n5 roles, 5 faces; issues\/690\.yaml: \d{3,} distinct characters, none drawn by a fallback, every one drawn\n$/);
});

test('fonts with characters that fall back or have no glyph: listed with code points, exit 1; --quiet keeps only those', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-fonts-cli-'));
  try {
    writeFileSync(join(dir, 'a.yaml'), MINIMAL.replace('第一段正文。', '第一段正文😀𠀀。'));
    writeFileSync(join(dir, 'theme.yaml'), 'fonts:\n  song:\n    fallback: [wide]\n  wide:\n    file: ' + join(PACKAGE_ROOT, 'fonts', 'LXGWWenKai-Regular.ttf') + '\n');
    const r = bulletin(dir, 'fonts', 'a.yaml');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^ {2}no font draws 2 characters of a\.yaml: 😀 U\+1F600, 𠀀 U\+20000$/m);
    assert.match(r.stdout, /, none drawn by a fallback, /);
    assert.match(r.stdout, /, 2 drawn by no font\n$/);

    writeFileSync(join(dir, 'b.yaml'), MINIMAL.replace('第一段正文。', '第一段正文𠀎。'));
    const fellBack = bulletin(dir, 'fonts', 'b.yaml', '--theme', 'theme.yaml');
    assert.equal(fellBack.status, 0, fellBack.stderr);
    assert.match(fellBack.stdout, /^Font chains of the default theme \+ theme\.yaml:$/m);
    assert.match(fellBack.stdout, /^ {2}2\. LXGWWenKai-Regular \(wide\) .* — draws 1 character that fell back: 𠀎 U\+2000E$/m);

    const quiet = bulletin(dir, 'fonts', 'a.yaml', '--quiet');
    assert.equal(quiet.status, 1);
    assert.equal(quiet.stdout, 'song — body text, the edition label, the publisher line, the table of contents, level-3 headings (1. （1）), the footer, the issue number line, page numbers\n  no font draws 2 characters of a.yaml: 😀 U+1F600, 𠀀 U+20000\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fonts: missing or garbage font files, bad theme file, missing issue: one line each, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-fonts-cli-'));
  try {
    writeFileSync(join(dir, 'missing.yaml'), 'fonts:\n  kai:\n    file: /nonexistent/kai.ttf\n');
    writeFileSync(join(dir, 'garbage.ttf'), Buffer.alloc(2048, 0x41));
    writeFileSync(join(dir, 'garbage.yaml'), 'fonts:\n  kai:\n    file: garbage.ttf\n');
    writeFileSync(join(dir, 'schema.yaml'), 'fonts:\n  kai:\n    flie: kai.ttf\n');
    let r = bulletin(dir, 'fonts', '--theme', 'missing.yaml');
    assert.equal(r.stderr, 'bulletin fonts: bad font: font file not found: /nonexistent/kai.ttf\n');
    assert.match(r.stdout, /^ {2}1\. kai +\/nonexistent\/kai\.ttf +error: font file not found: \/nonexistent\/kai\.ttf$/m);
    assert.equal(r.status, 2);
    r = bulletin(dir, 'fonts', '--theme', 'garbage.yaml');
    assert.equal(r.stderr, `bulletin fonts: bad font: not a usable font file: ${join(dir, 'garbage.ttf')} (Unknown font format)\n`);
    assert.equal(r.status, 2);
    r = bulletin(dir, 'fonts', '--theme', 'schema.yaml');
    assert.equal(r.status, 2);
    assert.equal(r.stderr.split('\n').filter((l) => l.startsWith('bulletin fonts:')).join('\n'), 'bulletin fonts: theme file schema.yaml has errors');
    assert.match(r.stderr, /^schema\.yaml:3:5: error: .*flie/m);
    r = bulletin(dir, 'fonts', 'none.yaml');
    assert.equal(r.stderr, 'bulletin fonts: cannot read none.yaml: no such file\n');
    assert.equal(r.stdout, '');
    assert.equal(r.status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
