/**
 * `new` as a use case: the next issue keeps masthead, footer, style, 栏目 names and comments,
 * moves number, total and date on, replaces articles by valid commented examples, and never
 * overwrites a file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isIsoDate, localDate, newestIssue, newIssue, NewError, nextFileName, normalizeDate, PLACEHOLDER, templateText } from '../../src/app/new.js';
import { lintIssues } from '../../src/check/index.js';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { loadIssueFile } from '../../src/issue/load.js';

const ISSUE_690 = readFileSync(join(PACKAGE_ROOT, 'issues', '690.yaml'), 'utf8');

function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-new-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function inWorkdir(files: Record<string, string>, run: (dir: string) => void | Promise<void>): Promise<void> {
  const dir = workdir(files);
  try {
    await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The new file loads without errors, and the typography lint finds nothing in it but the example
 * texts still to be replaced — each one of them, so that check and build refuse the file until they are.
 */
function assertClean(file: string): void {
  const loaded = loadIssueFile(file);
  assert.deepEqual(loaded.diagnostics.filter((d) => d.severity !== 'info'), [], `loader: ${JSON.stringify(loaded.diagnostics)}`);
  assert.ok(loaded.issue);
  const lint = lintIssues([loaded]).diagnostics.filter((d) => d.severity !== 'info');
  assert.deepEqual(lint.filter((d) => d.code !== 'placeholder'), [], `lint: ${lint.map((d) => d.message).join('; ')}`);
  // Each example text is a line of its own (a brief's two marks are one text); comments do not count.
  const examples = loaded.source.split('\n').filter((l) => !l.trim().startsWith('#') && l.includes(PLACEHOLDER)).length;
  assert.equal(lint.length, examples, 'one placeholder error per example text');
  assert.ok(lint.every((d) => d.severity === 'error'));
}

test('690 → 691: number and total + 1, the date given, masthead, footer and sections kept', async () => {
  await inWorkdir({ 'issues/690.yaml': ISSUE_690 }, async (dir) => {
    const result = await newIssue({ from: join(dir, 'issues/690.yaml'), date: '2024-03-22' });
    assert.ok(result.ok);
    assert.equal(result.output, join(dir, 'issues/691.yaml'));
    assert.equal(result.number, 3);
    assert.equal(result.total, 691);
    assert.equal(result.yearReset, undefined);
    assert.deepEqual(result.sections, ['要闻速递', '助力攻坚', '监督纵横', '代表工作', '情况交流', '信息摘登']);
    const before = parse(ISSUE_690);
    const after = parse(readFileSync(result.output, 'utf8'));
    assert.equal(after.number, 3);
    assert.equal(after.total, 691);
    assert.equal(after.date, '2024-03-22');
    for (const key of ['bulletin', 'edition', 'publisher', 'footer']) assert.deepEqual(after[key], before[key], key);
    assert.deepEqual(after.sections.map((s: { name: string }) => s.name), before.sections.map((s: { name: string }) => s.name));
    // One example per section, of the kind the section had.
    for (const [k, s] of after.sections.entries()) {
      const had = before.sections[k];
      assert.equal(s.articles?.length, had.articles ? 1 : undefined, `section ${k} articles`);
      assert.equal(s.briefs?.length, had.briefs ? 1 : undefined, `section ${k} briefs`);
      for (const a of s.articles ?? []) assert.ok(a.title.startsWith(PLACEHOLDER) && a.body.every((p: string) => p.startsWith(PLACEHOLDER)));
    }
    assertClean(result.output);
  });
});

test('the comments of kept keys and the yaml-language-server line survive; examples are commented', async () => {
  const source = `# yaml-language-server: $schema=../schema/issue.schema.json
# 杭州人大信息 weekly
bulletin: 测试人大信息 # 刊名不改
number: 7 # 期号
total: 120
publisher: 测试市人大常委会研究室编
date: 2024-05-01

sections:
  # 第一个栏目
  - name: 要闻速递
    articles:
      - title: 旧文章
        body: [旧正文。]
  - name: 信息摘登
    briefs:
      - body: [旧短讯。]
footer:
  distribution:
    - label: 送
      to: [省人大常委会办公厅, 市人大常委会组成人员]
  # 责任编辑
  editor: 王五
`;
  // (The schema the comment names is there: a comment naming one that is not is pointed at bulletin's, below.)
  await inWorkdir({ 'issues/120.yaml': source, 'schema/issue.schema.json': '{}' }, async (dir) => {
    const result = await newIssue({ from: join(dir, 'issues/120.yaml'), date: '2024-05-08' });
    assert.ok(result.ok);
    const text = readFileSync(join(dir, 'issues/121.yaml'), 'utf8');
    assert.ok(text.startsWith('# yaml-language-server: $schema=../schema/issue.schema.json\n# 杭州人大信息 weekly\n'), text.slice(0, 200));
    assert.match(text, /^bulletin: 测试人大信息 # 刊名不改$/m);
    assert.match(text, /^number: 8 # 期号$/m);
    assert.match(text, /^total: 121$/m);
    assert.match(text, /^date: 2024-05-08$/m);
    assert.match(text, /^ {2}# 第一个栏目\n {2}- name: 要闻速递$/m);
    assert.match(text, /^ {2}# 责任编辑\n {2}editor: 王五$/m);
    assert.match(text, /^ {6}to: \[省人大常委会办公厅, 市人大常委会组成人员\]$/m, 'flow lists keep their style');
    assert.match(text, /^ {6}# 示例文章，请改写/m);
    assert.match(text, /^ {6}# 示例短讯，请改写/m);
    assert.doesNotMatch(text, /旧文章|旧正文|旧短讯/);
    assertClean(join(dir, 'issues/121.yaml'));
  });
});

test('a new year resets the number to 1 and says so; the total keeps counting', async () => {
  await inWorkdir({ 'issues/690.yaml': ISSUE_690 }, async (dir) => {
    const result = await newIssue({ from: join(dir, 'issues/690.yaml'), date: '2025-01-06' });
    assert.ok(result.ok);
    assert.equal(result.number, 1);
    assert.equal(result.total, 691);
    assert.deepEqual(result.yearReset, { from: 2024, to: 2025 });
    assert.equal(parse(readFileSync(result.output, 'utf8')).number, 1);
  });
});

test('never overwrites: an existing next file is an error and stays as it was', async () => {
  await inWorkdir({ 'issues/690.yaml': ISSUE_690, 'issues/691.yaml': 'KEEP' }, async (dir) => {
    await assert.rejects(newIssue({ from: join(dir, 'issues/690.yaml'), date: '2024-03-22' }), (e: Error) =>
      e instanceof NewError && e.message === `${join(dir, 'issues/691.yaml')} already exists; it is left as it is (choose another name with -o)`);
    assert.equal(readFileSync(join(dir, 'issues/691.yaml'), 'utf8'), 'KEEP');
    // -o to an existing file as well.
    await assert.rejects(newIssue({ from: join(dir, 'issues/690.yaml'), date: '2024-03-22', output: join(dir, 'issues/690.yaml') }), NewError);
    assert.equal(readFileSync(join(dir, 'issues/690.yaml'), 'utf8'), ISSUE_690);
  });
});

test('--date takes a date as an editor types it: 2024-3-29, 2024/3/29, 2024.3.29, 2024年3月29日', async () => {
  for (const typed of ['2024-3-29', '2024/3/29', '2024.03.29', '2024年3月29日', '2024-03-29']) assert.equal(normalizeDate(typed), '2024-03-29', typed);
  assert.equal(normalizeDate('2024-2-30'), undefined);
  await inWorkdir({ 'issues/690.yaml': ISSUE_690 }, async (dir) => {
    const result = await newIssue({ from: join(dir, 'issues/690.yaml'), date: '2024-3-29' });
    assert.ok(result.ok);
    assert.equal(result.date, '2024-03-29');
    assert.match(result.text, /^date: 2024-03-29$/m);
  });
});

test('bad dates, dates before the source, missing source and missing output directory are NewErrors', async () => {
  await inWorkdir({ 'issues/690.yaml': ISSUE_690 }, async (dir) => {
    const from = join(dir, 'issues/690.yaml');
    for (const date of ['2024-13-01', '2024-02-30', '24-03-22', '2024-3', '2024-03-22x', 'tomorrow']) {
      await assert.rejects(newIssue({ from, date }), (e: Error) => e instanceof NewError && e.message === `--date ${date} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-22`, date);
    }
    await assert.rejects(newIssue({ from, date: '2024-03-01' }), (e: Error) =>
      e instanceof NewError && e.message === `--date 2024-03-01 is before the date of ${from} (2024-03-15); give the new issue's date with --date YYYY-MM-DD`);
    await assert.rejects(newIssue({ from, today: new Date(2024, 0, 2) }), (e: Error) => e instanceof NewError && /^today \(2024-01-02\) is before the date/.test(e.message));
    await assert.rejects(newIssue({ from: join(dir, 'none.yaml'), date: '2024-03-22' }), (e: Error) => e instanceof NewError && e.message === `cannot read ${join(dir, 'none.yaml')}: no such file`);
    await assert.rejects(newIssue({ from: join(dir, 'issues'), date: '2024-03-22' }), (e: Error) => e instanceof NewError && /: it is a directory$/.test(e.message));
    await assert.rejects(newIssue({ from, date: '2024-03-22', output: join(dir, 'no/such/691.yaml') }), (e: Error) =>
      e instanceof NewError && e.message === `output directory does not exist: ${join(dir, 'no/such')}`);
    assert.ok(!existsSync(join(dir, 'issues/691.yaml')));
  });
});

test('without a date, today (local time) is used', async () => {
  await inWorkdir({ 'issues/690.yaml': ISSUE_690 }, async (dir) => {
    const result = await newIssue({ from: join(dir, 'issues/690.yaml'), today: new Date(2024, 5, 30, 23, 59) });
    assert.ok(result.ok);
    assert.equal(result.date, '2024-06-30');
  });
  assert.equal(localDate(new Date(2025, 0, 1, 0, 0, 1)), '2025-01-01');
});

test('a source whose masthead has errors is refused with its own located diagnostics; article errors do not matter', async () => {
  const badMasthead = ISSUE_690.replace('publisher: 杭州市人大常委会研究室编', 'publisher: ""');
  const badArticle = ISSUE_690.replace('        byline: 法工委 章喆蓉\n', '        byline: 法工委 章喆蓉\n        bylin: 多余\n');
  await inWorkdir({ 'a/690.yaml': badMasthead, 'b/690.yaml': badArticle }, async (dir) => {
    const refused = await newIssue({ from: join(dir, 'a/690.yaml'), date: '2024-03-22' });
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.diagnostics.some((d) => d.line === 6 && d.file === join(dir, 'a/690.yaml')), JSON.stringify(refused));
    assert.ok(!existsSync(join(dir, 'a/691.yaml')));
    const continued = await newIssue({ from: join(dir, 'b/690.yaml'), date: '2024-03-22' });
    assert.ok(continued.ok);
    assertClean(continued.output);
  });
});

test('a source that is not YAML is refused without writing anything', async () => {
  await inWorkdir({ 'x/5.yaml': 'bulletin: [unclosed\n' }, async (dir) => {
    const result = await newIssue({ from: join(dir, 'x/5.yaml'), date: '2024-03-22' });
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.diagnostics.length > 0 && result.diagnostics.every((d) => d.file === join(dir, 'x/5.yaml')));
    assert.deepEqual(readdirSync(join(dir, 'x')).sort(), ['5.yaml']);
  });
});

test('the newest issue in issues/ is the one with the highest total, then date, then number', async () => {
  const issue = (number: number, total: number | undefined, date: string) =>
    ISSUE_690.replace('number: 2', `number: ${number}`).replace('total: 690', total === undefined ? '' : `total: ${total}`).replace('date: 2024-03-15', `date: ${date}`);
  await inWorkdir({
    'issues/688.yaml': issue(1, 688, '2024-02-01'),
    'issues/690.yaml': issue(3, 690, '2024-03-01'),
    'issues/689.yaml': issue(2, 689, '2024-02-15'),
    'issues/notes.yaml': 'just: notes\n',
    'issues/broken.yaml': 'a: [\n',
    'issues/.hidden.yaml': issue(9, 999, '2024-12-01'),
  }, async (dir) => {
    assert.equal(newestIssue(join(dir, 'issues')), join(dir, 'issues/690.yaml'));
    const result = await newIssue({ cwd: dir, date: '2024-03-08' });
    assert.ok(result.ok);
    assert.equal(result.from, join(dir, 'issues/690.yaml'));
    assert.equal(result.output, join(dir, 'issues/691.yaml'));
    assert.equal(result.number, 4);
  });
  await inWorkdir({ 'issues/2024-01.yaml': issue(1, undefined, '2024-01-10'), 'issues/2024-02.yaml': issue(2, undefined, '2024-02-10') }, async (dir) => {
    assert.equal(newestIssue(join(dir, 'issues')), join(dir, 'issues/2024-02.yaml'));
  });
  assert.equal(newestIssue('/nonexistent/issues'), undefined);
});

test('next file names follow the source name: total, else number (and year), zero padding kept', () => {
  const h = (number: number, total: number | undefined, date: string) => ({ number, total, date });
  assert.equal(nextFileName('690.yaml', h(2, 690, '2024-03-15'), h(3, 691, '2024-03-22')), '691.yaml');
  assert.equal(nextFileName('hzrd-0690.yml', h(2, 690, '2024-03-15'), h(3, 691, '2024-03-22')), 'hzrd-0691.yml');
  assert.equal(nextFileName('2024-02.yaml', h(2, undefined, '2024-03-15'), h(3, undefined, '2024-03-22')), '2024-03.yaml');
  assert.equal(nextFileName('2024-12.yaml', h(12, undefined, '2024-12-15'), h(1, undefined, '2025-01-05')), '2025-01.yaml');
  assert.equal(nextFileName('issue-2.yaml', h(2, undefined, '2024-03-15'), h(3, undefined, '2024-03-22')), 'issue-3.yaml');
  assert.equal(nextFileName('latest.yaml', h(2, 690, '2024-03-15'), h(3, 691, '2024-03-22')), '691.yaml');
  assert.equal(nextFileName('latest.yaml', h(2, undefined, '2024-03-15'), h(3, undefined, '2024-03-22')), '2024-03.yaml');
  // A total that is also the year is still the total.
  assert.equal(nextFileName('2024.yaml', h(5, 2024, '2024-03-15'), h(6, 2025, '2024-03-22')), '2025.yaml');
});

test('no previous issue: a fully commented template in issues/1.yaml that passes the schema', async () => {
  await inWorkdir({}, async (dir) => {
    const result = await newIssue({ cwd: dir, date: '2025-01-06' });
    assert.ok(result.ok);
    assert.equal(result.output, join(dir, 'issues/1.yaml'));
    assert.equal(result.from, undefined);
    const text = readFileSync(result.output, 'utf8');
    assert.match(text, /^# yaml-language-server: \$schema=\S+issue\.schema\.json$/m);
    for (const key of ['bulletin', 'edition', 'number', 'total', 'publisher', 'date', 'sections', 'footer']) {
      assert.match(text, new RegExp(`^# .+\\n(?:\\n)?${key}:`, 'm'), `comment before ${key}`);
    }
    const data = parse(text);
    assert.equal(data.date, '2025-01-06');
    assert.equal(data.number, 1);
    assertClean(result.output);
    // Run again: the file is there now, so it continues from it instead.
    const next = await newIssue({ cwd: dir, date: '2025-01-13' });
    assert.ok(next.ok);
    assert.equal(next.output, join(dir, 'issues/2.yaml'));
    assert.equal(next.number, 2);
  });
});

test('the template points its schema comment at the schema that ships with bulletin', () => {
  const dir = join(PACKAGE_ROOT, 'issues');
  assert.match(templateText('2025-01-06', dir), /^# yaml-language-server: \$schema=\.\.\/schema\/issue\.schema\.json$/m);
  const far = templateText('2025-01-06', '/a/b/c/d/e');
  const ref = /\$schema=(\S+)/.exec(far)![1];
  assert.ok(existsSync(ref.startsWith('/') ? ref : join('/a/b/c/d/e', ref)), ref);
});

test('a schema comment that names no file there is pointed at a schema that is: the project’s node_modules/bulletin, else bulletin’s own', async () => {
  const source = ISSUE_690.replace(/^# yaml-language-server: .*\n/m, '').replace(/^/, '# yaml-language-server: $schema=../schema/issue.schema.json\n');
  await inWorkdir({ 'issues/690.yaml': source, 'node_modules/bulletin/schema/issue.schema.json': '{}', 'bulletin.config.yaml': 'language: zh\n' }, async (dir) => {
    const result = await newIssue({ from: join(dir, 'issues/690.yaml'), date: '2024-03-22' });
    assert.ok(result.ok);
    assert.match(result.text, /^# yaml-language-server: \$schema=\.\.\/node_modules\/bulletin\/schema\/issue\.schema\.json$/m);
  });
  await inWorkdir({ 'issues/690.yaml': source }, async (dir) => {
    const result = await newIssue({ from: join(dir, 'issues/690.yaml'), date: '2024-03-22', config: false });
    assert.ok(result.ok);
    const ref = /\$schema=(\S+)/.exec(result.text)![1];
    assert.ok(existsSync(ref.startsWith('/') ? ref : join(dir, 'issues', ref)), ref);
    assert.equal(readFileSync(ref.startsWith('/') ? ref : join(dir, 'issues', ref), 'utf8'), readFileSync(join(PACKAGE_ROOT, 'schema', 'issue.schema.json'), 'utf8'));
  });
});

test('sections written as a flow list become block lists, so the commented examples stay comments', async () => {
  const source = 'bulletin: 测试简报\nnumber: 5\npublisher: 测试单位编\ndate: 2024-01-05\nsections: [{name: 要闻, articles: [{title: 旧, body: [旧正文。]}]}, {name: 摘登, briefs: [{body: [旧。]}]}]\n';
  await inWorkdir({ '5.yaml': source }, async (dir) => {
    const result = await newIssue({ from: join(dir, '5.yaml'), date: '2024-01-12' });
    assert.ok(result.ok);
    assert.equal(result.output, join(dir, '6.yaml'));
    const text = readFileSync(result.output, 'utf8');
    assert.match(text, /^sections:\n {2}- name: 要闻\n {4}articles:\n {6}# 示例文章/m);
    assert.doesNotMatch(text, /[[{]\s*$/m);
    assertClean(result.output);
  });
});

test('isIsoDate accepts only real calendar dates', () => {
  assert.ok(isIsoDate('2024-02-29'));
  assert.ok(!isIsoDate('2023-02-29'));
  assert.ok(!isIsoDate('2024-2-9'));
  assert.ok(!isIsoDate(''));
});
