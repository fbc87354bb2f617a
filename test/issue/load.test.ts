import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { IssueReadError, loadIssueFile, loadIssueSource } from '../../src/issue/load.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';

const fixture = (name: string) => join(PACKAGE_ROOT, 'test', 'fixtures', 'issues', name);

/** The one diagnostic a bad fixture must produce. */
function only(diagnostics: Diagnostic[]): Diagnostic {
  assert.equal(diagnostics.length, 1, `expected one diagnostic, got:\n${diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n')}`);
  return diagnostics[0];
}

function expectAt(d: Diagnostic, line: number, col: number, code: string, ...words: string[]): void {
  assert.equal(`${d.line}:${d.col} ${d.code}`, `${line}:${col} ${code}`, d.message);
  assert.equal(d.severity, 'error');
  for (const w of words) assert.ok(d.message.includes(w), `message ${JSON.stringify(d.message)} lacks ${JSON.stringify(w)}`);
}

const MINIMAL = `bulletin: 测试简报
number: 1
publisher: 测试单位编
date: 2024-01-05
sections:
  - name: 要闻
    articles:
      - title: 第一篇文章
        body:
          - 第一段正文。
`;

test('issues/690.yaml loads with no diagnostics and the whole structure', () => {
  const loaded = loadIssueFile(join(PACKAGE_ROOT, 'issues', '690.yaml'));
  assert.deepEqual(loaded.diagnostics, []);
  const issue = loaded.issue!;
  assert.ok(issue);
  assert.equal(issue.bulletin, '杭州人大信息');
  assert.equal(issue.edition, '普刊');
  assert.equal(issue.number, 2);
  assert.equal(issue.total, 690);
  assert.equal(issue.date, '2024-03-15');
  assert.deepEqual(issue.sections.map((s) => s.name), ['要闻速递', '助力攻坚', '监督纵横', '代表工作', '情况交流', '信息摘登']);
  assert.equal(issue.sections.flatMap((s) => s.articles ?? []).length, 8);
  assert.equal(issue.sections[5].briefs!.length, 3);
  assert.deepEqual(issue.sections[2].articles![0].title, ['拱墅区：五年全周期监督', '助力邵逸夫医院大运河院区项目提前投用']);
  assert.equal(issue.sections[4].articles![1].toc, '淳安县：强化“三个结合”推动办实事');
  for (const brief of issue.sections[5].briefs!) assert.match(brief.body[0], /\*\*[^*]+人大常委会\*\*/);
  assert.equal(issue.footer!.editor, '杨青青');
});

test('the minimal fixture is valid', () => {
  const loaded = loadIssueFile(fixture('minimal.yaml'));
  assert.deepEqual(loaded.diagnostics, []);
  assert.equal(loaded.issue!.sections[0].articles![0].byline, '办公室 张三');
});

test('misspelt key: at the key, with the nearest allowed key, and no second message about the missing one', () => {
  const d = only(loadIssueFile(fixture('misspelt-key.yaml')).diagnostics);
  expectAt(d, 12, 5, 'unknown-key', 'section 监督纵横', 'unknown key `artcles`', 'did you mean `articles`?');
  assert.equal(d.endCol, 12);
  assert.equal(d.path, 'sections[1].artcles');
  assert.match(d.hint!, /name, header, articles, briefs/);
});

test('wrong type: at the value, in words', () => {
  const d = only(loadIssueFile(fixture('wrong-type.yaml')).diagnostics);
  expectAt(d, 2, 9, 'wrong-type', '`number` must be a whole number ≥ 1, got "二"');
});

test('missing field: at the mapping that lacks it, naming article and section', () => {
  const d = only(loadIssueFile(fixture('missing-field.yaml')).diagnostics);
  expectAt(d, 11, 9, 'missing-field', 'article 2 of section 监督纵横: `title` is missing');
});

test('duplicate key: at the second key, naming the line of the first', () => {
  const d = only(loadIssueFile(fixture('duplicate-key.yaml')).diagnostics);
  expectAt(d, 11, 9, 'duplicate-key', 'duplicate key `title`', 'already set on line 8');
});

test('YAML syntax error: an unclosed quote is reported where it opens', () => {
  const loaded = loadIssueFile(fixture('yaml-syntax.yaml'));
  const d = only(loaded.diagnostics);
  expectAt(d, 3, 12, 'yaml-syntax', 'never closed', 'closing "');
  assert.equal(loaded.issue, undefined);
});

test('tab in indentation: one message, and a repair when only one tab width reads as an issue', () => {
  const loaded = loadIssueFile(fixture('tabs.yaml'));
  const d = only(loaded.diagnostics);
  expectAt(d, 7, 1, 'tab-indent', 'a tab indents this line', 'spaces');
  assert.equal(d.fixable, true);
  assert.deepEqual(loaded.repairs?.map((r) => r.code), ['tab-indent']);
});

test('empty file', () => {
  const d = only(loadIssueFile(fixture('empty.yaml')).diagnostics);
  expectAt(d, 1, 1, 'empty-file', 'empty', 'bulletin');
});

test('a file of comments only counts as empty', () => {
  const d = only(loadIssueSource('# nothing yet\n', 'c.yaml').diagnostics);
  expectAt(d, 1, 1, 'empty-file', 'empty');
});

test('a list at the top level', () => {
  const d = only(loadIssueFile(fixture('top-level-list.yaml')).diagnostics);
  expectAt(d, 1, 1, 'not-a-mapping', 'mapping', 'found a list');
});

test('a single value at the top level', () => {
  const d = only(loadIssueSource('杭州人大信息\n', 's.yaml').diagnostics);
  expectAt(d, 1, 1, 'not-a-mapping', 'found a single value');
});

test('alias bomb: refused fast at the alias that passes the bound', () => {
  const started = process.hrtime.bigint();
  const loaded = loadIssueFile(fixture('alias-bomb.yaml'));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const d = only(loaded.diagnostics);
  expectAt(d, 10, 8, 'yaml-alias', 'alias `*e`', 'limit');
  assert.ok(ms < 1000, `took ${ms} ms`);
  assert.equal(loaded.issue, undefined);
});

test('an alias that refers to the value containing it', () => {
  const d = only(loadIssueSource(MINIMAL + 'style: &s {a: *s}\n', 'cycle.yaml').diagnostics);
  expectAt(d, 11, 15, 'yaml-alias', 'contains it');
});

test('an alias with no anchor', () => {
  const d = only(loadIssueSource(MINIMAL.replace('number: 1', 'number: *n'), 'a.yaml').diagnostics);
  expectAt(d, 2, 9, 'yaml-alias', '`*n`', 'no anchor');
});

test('ordinary aliases are expanded', () => {
  const source = MINIMAL.replace('        body:\n', '        byline: &by 办公室 张三\n        body:\n') + 'footer:\n  editor: *by\n';
  const loaded = loadIssueSource(source, 'ok.yaml');
  assert.deepEqual(loaded.diagnostics, []);
  assert.equal(loaded.issue!.footer!.editor, '办公室 张三');
});

test('NUL character: located, named, and not a crash', () => {
  const d = only(loadIssueFile(fixture('nul.yaml')).diagnostics);
  expectAt(d, 3, 16, 'bad-character', 'NUL', 'U+0000');
});

test('other control characters, one report per line', () => {
  const diagnostics = loadIssueSource(MINIMAL.replace('第一篇文章', '第一\u0007篇\u0007文章').replace('测试简报', '测\u001b试'), 'c.yaml').diagnostics;
  assert.deepEqual(diagnostics.map((d) => [d.line, d.col, d.code]), [[1, 12, 'bad-character'], [8, 18, 'bad-character']]);
  assert.match(diagnostics[1].message, /U\+0007/);
});

test('a missing file is a read error, not a diagnostic', () => {
  assert.throws(() => loadIssueFile(fixture('does-not-exist.yaml')), (e: unknown) => e instanceof IssueReadError && e.reason === 'no such file');
});

test('a directory is a read error', () => {
  assert.throws(() => loadIssueFile(join(PACKAGE_ROOT, 'issues')), (e: unknown) => e instanceof IssueReadError && /directory/.test(e.reason));
});

test('invalid UTF-8 is located; GBK and UTF-16 are named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-load-'));
  try {
    const gbk = join(dir, 'gbk.yaml');
    writeFileSync(gbk, Buffer.concat([Buffer.from('bulletin: '), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from('\n')]));
    const g = only(loadIssueFile(gbk).diagnostics);
    expectAt(g, 1, 1, 'encoding', 'GBK/GB18030');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, Buffer.concat([Buffer.from('bulletin: 测'), Buffer.from([0xff]), Buffer.from('试\n')]));
    const d = only(loadIssueFile(bad).diagnostics);
    expectAt(d, 1, 12, 'encoding', 'not valid UTF-8');
    const utf16 = join(dir, 'utf16.yaml');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('bulletin: x\n', 'utf16le')]));
    const e = only(loadIssueFile(utf16).diagnostics);
    expectAt(e, 1, 1, 'encoding', 'UTF-16');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a byte-order mark is accepted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-load-'));
  try {
    const file = join(dir, 'bom.yaml');
    writeFileSync(file, '\uFEFF' + MINIMAL);
    assert.deepEqual(loadIssueFile(file).diagnostics, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CRLF line endings load cleanly and keep positions', () => {
  const crlf = MINIMAL.replace(/\n/g, '\r\n');
  assert.deepEqual(loadIssueSource(crlf, 'crlf.yaml').diagnostics, []);
  const d = only(loadIssueSource(crlf.replace('number: 1', 'number: 0'), 'crlf.yaml').diagnostics);
  expectAt(d, 2, 9, 'wrong-type', 'whole number ≥ 1, got 0');
});

test('columns count characters, not UTF-16 units (CJK Extension B before the error)', () => {
  const d = only(loadIssueSource(MINIMAL.replace('title: 第一篇文章', 'title: 𠀀𠀁: 二'), 'b.yaml').diagnostics);
  // "        title: " is 15 characters, then two Extension B characters, then the colon.
  expectAt(d, 8, 18, 'colon-in-text', 'colon');
  assert.match(d.message + d.hint, /：/);
});

test('a second YAML document', () => {
  const d = only(loadIssueSource(MINIMAL + '---\nbulletin: 又一期\n', 'm.yaml').diagnostics);
  expectAt(d, 11, 1, 'yaml-syntax', 'second YAML document');
});

test('an unknown tag is a warning; the issue still loads', () => {
  const loaded = loadIssueSource(MINIMAL.replace('bulletin: 测试简报', 'bulletin: !mytag 测试简报'), 't.yaml');
  assert.deepEqual(loaded.diagnostics.map((d) => [d.line, d.col, d.severity, d.code]), [[1, 11, 'warning', 'yaml-tag']]);
  assert.match(loaded.diagnostics[0].message, /unknown YAML tag `!mytag`/);
  assert.equal(loaded.issue!.bulletin, '测试简报');
});
