import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadIssueSource } from '../../src/issue/load.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import { MINIMAL } from '../support/issues.js';


function diagnose(source: string): Diagnostic[] {
  return loadIssueSource(source, 't.yaml').diagnostics;
}

/** `line:col code message` of each diagnostic, for compact assertions. */
function brief(source: string): string[] {
  return diagnose(source).map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`);
}

test('the minimal issue is valid', () => {
  assert.deepEqual(diagnose(MINIMAL), []);
});

test('a title that is a number: at the value, with a hint to quote it', () => {
  const [d] = diagnose(MINIMAL.replace('title: 第一篇文章', 'title: 2024'));
  assert.equal(`${d.line}:${d.col} ${d.code}`, '8:16 wrong-type');
  assert.equal(d.message, 'article 1 of section 要闻: `title` must be a line of text, or a list of lines, got 2024');
  assert.equal(d.hint, 'to keep it as text, put it in quotes: "2024"');
});

test('a two-line title is a list of lines; an empty list or an empty line is refused', () => {
  assert.deepEqual(diagnose(MINIMAL.replace('title: 第一篇文章', 'title:\n          - 第一行\n          - 第二行')), []);
  assert.deepEqual(brief(MINIMAL.replace('title: 第一篇文章', 'title: []')), [
    '8:16 empty-value article 1 of section 要闻: `title` is an empty list; give at least one line',
  ]);
  assert.deepEqual(brief(MINIMAL.replace('title: 第一篇文章', 'title:\n          - 第一行\n          - ""')), [
    '10:13 empty-value line 2 of the title of article 1 of section 要闻 is empty',
  ]);
});

test('an empty value points at its key', () => {
  assert.deepEqual(brief(MINIMAL.replace('title: 第一篇文章', 'title:')), [
    '8:9 wrong-type article 1 of section 要闻: `title` has no value; it must be a line of text, or a list of lines',
  ]);
  assert.deepEqual(brief(MINIMAL.replace('byline: 办公室 张三', 'byline: "  "')), [
    '11:17 empty-value article 1 of section 要闻: `byline` is empty',
  ]);
});

test('sub-headings: level must be 1 or 2, heading is required, unknown keys named', () => {
  const withItem = (item: string) => MINIMAL.replace('          - 第一段正文。', `          - 第一段正文。\n          - ${item}`);
  assert.deepEqual(diagnose(withItem('heading: 一、总体情况')), []);
  assert.deepEqual(diagnose(withItem('{heading: （一）具体做法, level: 2}')), []);
  assert.deepEqual(brief(withItem('{heading: 一、总体情况, level: 3}')), [
    '11:38 invalid-value sub-heading 2 of article 1 of section 要闻: `level` must be 1 or 2, got 3',
  ]);
  assert.deepEqual(brief(withItem('{level: 1}')), ['11:13 missing-field sub-heading 2 of article 1 of section 要闻: `heading` is missing']);
  assert.deepEqual(brief(withItem('{heding: 一、总体情况}')), [
    '11:14 unknown-key sub-heading 2 of article 1 of section 要闻: unknown key `heding` — did you mean `heading`?',
  ]);
});

test('a body item that is neither text nor a sub-heading', () => {
  assert.deepEqual(brief(MINIMAL.replace('          - 第一段正文。', '          - 第一段正文。\n          - 2024')), [
    '11:13 wrong-type paragraph 2 of article 1 of section 要闻 must be a paragraph (text) or a sub-heading (`heading: …`), got 2024',
  ]);
});

test('a section needs articles or briefs; briefs alone are fine', () => {
  assert.deepEqual(brief(MINIMAL + '  - name: 信息摘登\n'), ['12:5 missing-field section 信息摘登 needs `articles` or `briefs` (or both)']);
  assert.deepEqual(diagnose(MINIMAL + '  - name: 信息摘登\n    briefs:\n      - body: ["**某区人大常委会**开展调研。"]\n        byline: 某区 王五\n'), []);
  assert.deepEqual(brief(MINIMAL + '  - name: 信息摘登\n    briefs: []\n'), [
    '13:13 empty-value section 信息摘登: `briefs` is an empty list; give at least one brief',
  ]);
});

test('a section without a usable name is counted', () => {
  assert.deepEqual(brief(MINIMAL + '  - name: ""\n    briefs:\n      - body: [正文。]\n      - byline: 某区\n'), [
    '12:11 empty-value section 2: `name` is empty',
    '15:9 missing-field brief 2 of section 2: `body` is missing',
  ]);
});

test('sections must be a non-empty list', () => {
  const head = MINIMAL.slice(0, MINIMAL.indexOf('sections:'));
  assert.deepEqual(brief(head + 'sections: []\n'), ['5:11 empty-value `sections` is an empty list; give at least one section']);
  assert.deepEqual(brief(head + 'sections: 要闻\n'), ['5:11 wrong-type `sections` must be a list of sections, got "要闻"']);
});

test('missing top-level fields point at the start of the issue', () => {
  assert.deepEqual(brief(MINIMAL.replace('publisher: 测试单位编\n', '').replace('date: 2024-01-05\n', '')), [
    '1:1 missing-field `publisher` is missing',
    '1:1 missing-field `date` is missing',
  ]);
});

test('unknown top-level keys: a suggestion when one is close, the allowed keys always', () => {
  const [near] = diagnose(MINIMAL.replace('publisher:', 'publsher:'));
  assert.equal(`${near.line}:${near.col} ${near.message}`, '3:1 unknown key `publsher` — did you mean `publisher`?');
  assert.match(near.hint!, /bulletin, edition, number, total, publisher, date, toc, sections, footer, style/);
  const [far] = diagnose(MINIMAL + '标题: 某某\n');
  assert.equal(`${far.line}:${far.col} ${far.message}`, '12:1 unknown key `标题`');
  const [cased] = diagnose(MINIMAL.replace('byline:', 'Byline:'));
  assert.match(cased.message, /did you mean `byline`\?/);
});

test('numbers: whole, at least 1', () => {
  assert.deepEqual(brief(MINIMAL.replace('number: 1', 'number: 1.5')), ['2:9 wrong-type `number` must be a whole number ≥ 1, got 1.5']);
  assert.deepEqual(brief(MINIMAL.replace('number: 1', 'number: 0')), ['2:9 wrong-type `number` must be a whole number ≥ 1, got 0']);
  assert.deepEqual(brief(MINIMAL.replace('number: 1', 'number: "3"')), ['2:9 wrong-type `number` must be a whole number ≥ 1, got "3"']);
  assert.deepEqual(brief(MINIMAL + 'footer:\n  copies: -5\n'), ['13:11 wrong-type the footer: `copies` must be a whole number ≥ 1, got -5']);
});

test('dates: YYYY-MM-DD and real; quoted and YAML 1.1 dates accepted', () => {
  assert.deepEqual(brief(MINIMAL.replace('2024-01-05', '2024年1月5日')), [
    '4:7 invalid-value `date` must be a date written YYYY-MM-DD, e.g. 2024-03-15, got "2024年1月5日"',
  ]);
  assert.deepEqual(brief(MINIMAL.replace('2024-01-05', '2024-3-5')), [
    '4:7 invalid-value `date` must be a date written YYYY-MM-DD, e.g. 2024-03-15, got "2024-3-5"',
  ]);
  assert.deepEqual(brief(MINIMAL.replace('2024-01-05', '2023-02-29')), ['4:7 invalid-value `date` is not a real calendar date: "2023-02-29"']);
  assert.deepEqual(diagnose(MINIMAL.replace('2024-01-05', '2024-02-29')), []);
  assert.deepEqual(brief(MINIMAL.replace('2024-01-05', '20240105')), [
    '4:7 wrong-type `date` must be a date written YYYY-MM-DD, e.g. 2024-03-15, got 20240105',
  ]);
  assert.equal(loadIssueSource(MINIMAL.replace('2024-01-05', '"2024-01-05"'), 'q.yaml').issue!.date, '2024-01-05');
  const yaml11 = loadIssueSource('%YAML 1.1\n---\n' + MINIMAL, 'y11.yaml');
  assert.deepEqual(yaml11.diagnostics, []);
  assert.equal(yaml11.issue!.date, '2024-01-05');
});

test('footer: distribution lines, their recipients, notes', () => {
  const good = MINIMAL + 'footer:\n  distribution:\n    - label: 送\n      to: [省人大常委会办公厅]\n  editor: 杨青青\n  phone: (0571)85250657\n  notes: [（网址）]\n  copies: 200\n';
  assert.deepEqual(diagnose(good), []);
  assert.deepEqual(brief(MINIMAL + 'footer:\n  distribution:\n    - label: 送\n      to: []\n'), [
    '15:11 empty-value the 送 line of the footer: `to` is an empty list; give at least one recipient line',
  ]);
  assert.deepEqual(brief(MINIMAL + 'footer: 杨青青\n'), ['12:9 wrong-type `footer` must be a mapping of keys (`key: value` lines), got "杨青青"']);
  assert.deepEqual(brief(MINIMAL + 'footer:\n  notes: [网址, 2]\n'), ['13:15 wrong-type note 2 of the footer must be text, got 2']);
});

test('style accepts any keys for now', () => {
  assert.deepEqual(diagnose(MINIMAL + 'style:\n  body-size: 16pt\n  anything: [1, 2]\n'), []);
  assert.deepEqual(brief(MINIMAL + 'style: 大字\n'), ['12:8 wrong-type `style` must be a mapping of keys (`key: value` lines), got "大字"']);
});

test('every problem in a file is reported, each once', () => {
  const source = MINIMAL.replace('number: 1', 'number: 二').replace('title: 第一篇文章', 'titel: 第一篇文章').replace('byline:', 'bylin:');
  assert.deepEqual(brief(source), [
    '2:9 wrong-type `number` must be a whole number ≥ 1, got "二"',
    '8:9 unknown-key article 1 of section 要闻: unknown key `titel` — did you mean `title`?',
    '11:9 unknown-key article 1 of section 要闻: unknown key `bylin` — did you mean `byline`?',
  ]);
});

test('diagnostics carry the field path and the range of the offending node', () => {
  const [d] = diagnose(MINIMAL.replace('number: 1', 'number: 二十'));
  assert.equal(d.path, 'number');
  assert.deepEqual([d.line, d.col, d.endLine, d.endCol], [2, 9, 2, 11]);
  assert.equal(d.file, 't.yaml');
});

test('toc: false, header: false and a subtitle are accepted; of the wrong type, located', () => {
  const genres = MINIMAL.replace('date: 2024-01-05', 'date: 2024-01-05\ntoc: false')
    .replace('  - name: 要闻', '  - name: 要闻\n    header: false')
    .replace('      - title: 第一篇文章', '      - title: 第一篇文章\n        subtitle: 基于12个乡镇的调研');
  assert.deepEqual(diagnose(genres), []);
  const wrong = brief(genres.replace('toc: false', 'toc: 不要').replace('header: false', 'header: 0').replace('subtitle: 基于12个乡镇的调研', 'subtitle: []'));
  assert.equal(wrong.length, 3, wrong.join('\n'));
  assert.ok(wrong[0].startsWith('5:6 wrong-type'), wrong[0]);
  assert.ok(wrong[1].startsWith('8:13 wrong-type'), wrong[1]);
  assert.ok(wrong[2].startsWith('11:19 '), wrong[2]);
});
