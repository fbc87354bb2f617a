/**
 * Files saved in the encodings Chinese offices' tools use: recognised once, converted by
 * `check --fix` without a character changing — a GBK copy of 690 builds the very PDF 690 builds —
 * and a file whose bytes do not all decode is never written back.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { gbk, issue } from './paste-cases.js';
import { bulletin, lines, removeScratch, scratch } from './support.js';

const ISSUE_690 = readFileSync(join(PACKAGE_ROOT, 'issues', '690.yaml'));
const dir = scratch();
after(() => removeScratch(dir));

test('a GBK copy of 690: one error, then --fix makes it 690 again, byte for byte, and it builds 690’s PDF', () => {
  writeFileSync(join(dir, 'gbk.yaml'), gbk(ISSUE_690.toString('utf8')));
  writeFileSync(join(dir, '690.yaml'), ISSUE_690);
  const check = bulletin(dir, ['check', 'gbk.yaml']);
  assert.equal(check.status, 1);
  const errors = lines(check.stdout).filter((l) => /^gbk\.yaml:\d+:\d+: /.test(l));
  assert.deepEqual(errors, ['gbk.yaml:1:1: error: the file is saved in the Chinese GBK/GB18030 encoding (what Notepad and WPS call “ANSI”), not UTF-8 [encoding]']);
  assert.equal(lines(check.stdout).at(-1), '1 file, 1 error, 1 of 1 can be repaired with --fix');

  const fix = bulletin(dir, ['check', '--fix', 'gbk.yaml']);
  assert.equal(fix.status, 0, fix.stdout);
  assert.match(fix.stdout, /\nfixed gbk\.yaml:\n {2}saved as UTF-8 \(it was GBK\/GB18030\)\n/);
  assert.deepEqual(readFileSync(join(dir, 'gbk.yaml')), ISSUE_690);

  assert.equal(bulletin(dir, ['build', 'gbk.yaml', '-q']).status, 0);
  assert.equal(bulletin(dir, ['build', '690.yaml', '-q']).status, 0);
  assert.ok(readFileSync(join(dir, 'gbk.pdf')).equals(readFileSync(join(dir, '690.pdf'))), 'the same PDF, byte for byte');
});

test('UTF-16 (Notepad "Unicode"): one error, and --fix saves it as UTF-8', () => {
  const text = issue();
  writeFileSync(join(dir, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const check = bulletin(dir, ['check', 'utf16.yaml']);
  assert.equal(check.status, 1);
  assert.equal(lines(check.stdout).filter((l) => /^utf16\.yaml:\d+:\d+: /.test(l)).length, 1);
  assert.equal(bulletin(dir, ['check', '--fix', 'utf16.yaml']).status, 0);
  assert.equal(readFileSync(join(dir, 'utf16.yaml'), 'utf8'), text);
});

test('a file with bytes that are no text in any encoding recognised is reported once and never rewritten, whatever else --fix could repair', () => {
  // Repairable problems elsewhere (a half-width comma, a colon trap) do not make --fix write it.
  const bytes = Buffer.concat([Buffer.from(issue({ paragraph: '会议强调,要加强监督。', title: '临安区: 强化监督' }).replace('近期', '近')), Buffer.from([0xff, 0xfe, 0x80])]);
  writeFileSync(join(dir, 'damaged.yaml'), bytes);
  const check = bulletin(dir, ['check', 'damaged.yaml']);
  assert.equal(check.status, 1);
  const errors = lines(check.stdout).filter((l) => /^damaged\.yaml:\d+:\d+: /.test(l));
  assert.equal(errors.length, 1, check.stdout);
  assert.match(errors[0], /: error: the file is not valid UTF-8 text here \(3 damaged character\(s\)\), and not GBK or UTF-16 either \[encoding\]$/);
  const fix = bulletin(dir, ['check', '--fix', 'damaged.yaml']);
  assert.equal(fix.status, 1);
  assert.doesNotMatch(fix.stdout, /fixed/);
  assert.deepEqual(readFileSync(join(dir, 'damaged.yaml')), bytes);
});
