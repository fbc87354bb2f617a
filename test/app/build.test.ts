/**
 * `build` as a use case: refuses content errors with located diagnostics, reports system
 * problems as BuildError, applies `--theme` and `style:`, writes atomically and reproducibly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildError, buildIssue, defaultOutput } from '../../src/app/build.js';
import { ISSUE_YAML, lineOf, workdir } from './build-fixtures.js';
import { cannotRunAsUser, removeSandbox, run, sandbox } from '../robustness/faults-support.js';

test('builds a PDF beside the input and reports pages, size and time', async () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML });
  const result = await buildIssue(join(dir, 'a.yaml'));
  assert.ok(result.ok);
  assert.equal(result.output, join(dir, 'a.pdf'));
  assert.equal(result.pages, 1);
  const bytes = readFileSync(result.output);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.equal(result.bytes, bytes.length);
  assert.deepEqual(readdirSync(dir).sort(), ['a.pdf', 'a.yaml'], 'no temporary file left behind');
});

test('two builds are byte-identical; SOURCE_DATE_EPOCH sets the dates', async () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML });
  await buildIssue(join(dir, 'a.yaml'), { output: join(dir, '1.pdf') });
  await buildIssue(join(dir, 'a.yaml'), { output: join(dir, '2.pdf') });
  assert.ok(readFileSync(join(dir, '1.pdf')).equals(readFileSync(join(dir, '2.pdf'))));
  process.env.SOURCE_DATE_EPOCH = '1700000000';
  try {
    await buildIssue(join(dir, 'a.yaml'), { output: join(dir, '3.pdf') });
  } finally {
    delete process.env.SOURCE_DATE_EPOCH;
  }
  assert.match(readFileSync(join(dir, '3.pdf'), 'latin1'), /\(D:20231114221320Z\)/);
});

test('content errors stop the build with located diagnostics and leave the old PDF alone', async () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML.replace('number: 5', 'numbr: 5'), 'a.pdf': '%PDF-OLD' });
  const result = await buildIssue(join(dir, 'a.yaml'));
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.diagnostics.some((d) => d.severity === 'error' && d.line === 3 && /numbr/.test(d.message)));
  assert.equal(readFileSync(join(dir, 'a.pdf'), 'utf8'), '%PDF-OLD');
});

test('a missing input, a missing output directory and a bad bleed are system errors', async () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML });
  await assert.rejects(buildIssue(join(dir, 'none.yaml')), (e: Error) => e instanceof BuildError && /cannot read .*none\.yaml: no such file/.test(e.message));
  await assert.rejects(buildIssue(join(dir, 'a.yaml'), { output: join(dir, 'no/such/dir/a.pdf') }), (e: Error) => e instanceof BuildError && /output directory does not exist/.test(e.message));
  await assert.rejects(buildIssue(join(dir, 'a.yaml'), { bleed: 'three' }), (e: Error) => e instanceof BuildError && /--bleed/.test(e.message));
});

test('an unwritable output directory is a system error and leaves nothing behind', (t) => {
  // Permissions do not stop root: the build runs in a process of the unprivileged test user.
  const why = cannotRunAsUser();
  if (why) {
    t.skip(why);
    return;
  }
  const dir = sandbox({ 'a.yaml': ISSUE_YAML });
  try {
    const out = join(dir, 'out');
    mkdirSync(out);
    chmodSync(out, 0o555);
    const r = run(dir, ['build', 'a.yaml', '-o', 'out/a.pdf'], { asUser: true });
    assert.equal(r.stderr, 'bulletin build: cannot write out/a.pdf: permission denied (nothing was written)\n');
    assert.equal(r.status, 2);
    assert.deepEqual(readdirSync(out), []);
  } finally {
    removeSandbox(dir);
  }
});

test('a missing font file is a system error naming the file', async () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML, 'theme.yaml': 'fonts:\n  kai: { file: missing-kai.ttf }\n' });
  await assert.rejects(buildIssue(join(dir, 'a.yaml'), { theme: join(dir, 'theme.yaml') }), (e: Error) => e instanceof BuildError && /missing-kai\.ttf/.test(e.message));
});

test('a theme file with a misspelt key is reported at its line, as a system error', async () => {
  const dir = workdir({ 'a.yaml': ISSUE_YAML, 'theme.yaml': 'title:\n  sise: 三号\n' });
  await assert.rejects(buildIssue(join(dir, 'a.yaml'), { theme: join(dir, 'theme.yaml') }), (e: Error) => {
    assert.ok(e instanceof BuildError);
    const d = e.diagnostics.find((x) => /sise/.test(x.message));
    assert.ok(d, JSON.stringify(e.diagnostics));
    assert.equal(d.line, 2);
    assert.equal(d.col, 3);
    assert.match(d.message, /did you mean `size`/);
    return true;
  });
});

test('a bad value in the issue\'s style: block is a located content error', async () => {
  const yaml = `${ISSUE_YAML}style:\n  title:\n    size: 大号\n  body:\n    font: fangsong\n`;
  const dir = workdir({ 'a.yaml': yaml });
  const result = await buildIssue(join(dir, 'a.yaml'));
  assert.equal(result.ok, false);
  const d = !result.ok ? result.diagnostics.find((x) => x.path === 'style.title.size') : undefined;
  assert.ok(d, JSON.stringify(!result.ok && result.diagnostics));
  assert.equal(d.line, lineOf(yaml, '大号'));
  assert.equal(d.col, 11);
});

test('display space is whole grid lines: a fraction, or the old stretchable form, is a located error', async () => {
  const yaml = `${ISSUE_YAML}style:\n  title:\n    spaceBefore: { natural: 10pt, stretch: 1line }\n  section:\n    space: 1.5\n`;
  const dir = workdir({ 'a.yaml': yaml });
  const result = await buildIssue(join(dir, 'a.yaml'));
  assert.equal(result.ok, false);
  const ds = !result.ok ? result.diagnostics : [];
  const old = ds.find((x) => /spaceBefore/.test(x.message));
  assert.ok(old, JSON.stringify(ds));
  assert.equal(old.line, lineOf(yaml, 'spaceBefore'));
  assert.match(old.hint ?? '', /\bspace\b/);
  const half = ds.find((x) => x.path === 'style.section.space');
  assert.ok(half, JSON.stringify(ds));
  assert.equal(half.line, lineOf(yaml, '1.5'));
  assert.match(half.message, /whole number of lines of the body grid/);
});

test('an unknown font role in style: is located at its value', async () => {
  const yaml = `${ISSUE_YAML}style:\n  body:\n    font: fangsong\n`;
  const dir = workdir({ 'a.yaml': yaml });
  const result = await buildIssue(join(dir, 'a.yaml'));
  assert.equal(result.ok, false);
  const d = !result.ok ? result.diagnostics.find((x) => /fangsong/.test(x.message)) : undefined;
  assert.ok(d, JSON.stringify(!result.ok && result.diagnostics));
  assert.equal(d.line, lineOf(yaml, 'fangsong'));
  assert.equal(d.path, 'style.body.font');
});

test('style: overrides the theme: a new font role with a relative file, and a size', async () => {
  const dir = workdir({
    'a.yaml': `${ISSUE_YAML}style:\n  fonts:\n    fangsong: { file: fonts/fs.ttf }\n  body:\n    font: fangsong\n  title:\n    size: 小二\n`,
  });
  mkdirSync(join(dir, 'fonts'));
  // The "office font" is a copy of a vendored face under another name, relative to the issue file.
  const { vendoredFontPath } = await import('../../src/font/vendored.js');
  writeFileSync(join(dir, 'fonts', 'fs.ttf'), readFileSync(vendoredFontPath('kai')));
  const result = await buildIssue(join(dir, 'a.yaml'));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.diagnostics));
  const body = result.layout.document.pages[0].items.find((i) => i.kind === 'text' && i.line.text.startsWith('近期'));
  assert.ok(body && body.kind === 'text');
  assert.equal(body.line.runs[0].font.file, join(dir, 'fonts', 'fs.ttf'));
  const title = result.layout.galley.find((r) => r.kind === 'title');
  const line = title?.items.find((i) => i.kind === 'text');
  assert.equal(line?.kind === 'text' ? line.line.runs[0].size : 0, 18);
});

test('a character no font covers is a located error', async () => {
  const yaml = ISSUE_YAML.replace('办公室 张三', '办公室 张\u{2A6A5}');
  const dir = workdir({ 'a.yaml': yaml });
  const result = await buildIssue(join(dir, 'a.yaml'));
  assert.equal(result.ok, false);
  const d = !result.ok ? result.diagnostics.find((x) => x.severity === 'error') : undefined;
  assert.ok(d);
  assert.equal(d.line, lineOf(yaml, 'byline'));
  assert.ok(!existsSync(join(dir, 'a.pdf')));
});

test('default output: same name, .pdf', () => {
  assert.equal(defaultOutput('issues/690.yaml'), 'issues/690.pdf');
  assert.equal(defaultOutput('x'), 'x.pdf');
});
