import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fill, hintOf, leadingNumberPattern, parametersOf, say, useCatalogue, type MessageId } from '../../src/messages/catalogue.js';
import { EN } from '../../src/messages/en.js';
import { currentLanguage, setLanguage } from '../../src/messages/language.js';
import { ZH } from '../../src/messages/zh.js';
import { loadIssueSource } from '../../src/issue/load.js';

test('messages are filled from the catalogue by id and parameters', () => {
  assert.equal(fill('{a} and {b}', { a: 1, b: '二' }), '1 and 二');
  assert.equal(fill('{missing} stays', {}), '{missing} stays');
  assert.equal(say('summary.fixable', { fixable: 60, total: 72 }), '60 of 72 can be repaired with --fix');
  assert.equal(hintOf('summary.fixable'), undefined);
});

test('a translation replaces texts by id; ids it lacks stay English', () => {
  try {
    useCatalogue({ 'summary.fixable': { message: '{total} 处中 {fixable} 处可用 --fix 修复' } });
    assert.equal(say('summary.fixable', { fixable: 1, total: 2 }), '2 处中 1 处可用 --fix 修复');
    assert.equal(say('summary.not-checked', { rule: 'title-too-long' }), 'title-too-long not checked: fix the errors above first');
  } finally {
    useCatalogue({});
  }
  assert.equal(say('summary.fixable', { fixable: 1, total: 2 }), '1 of 2 can be repaired with --fix');
});

test('every entry has a message', () => {
  for (const [id, entry] of Object.entries(EN)) assert.ok(entry.message.trim().length > 0, id);
});

/** Words of the YAML library's own messages: none may reach the first line of a message. */
const PARSER_WORDS = /at line \d|Unexpected|Implicit (map )?keys|Nested mappings|Plain value|must be separated|indicator|token|scalar|YAMLParseError|flow collection|node end|compact mapping/i;

test('no message on a broken file speaks the YAML parser’s words', () => {
  const base = 'bulletin: 测试简报\nnumber: 1\npublisher: 测试单位编\ndate: 2024-01-05\nsections:\n  - name: 要闻\n    articles:\n      - title: 第一篇文章\n        body:\n          - 第一段正文。\n        byline: 办公室 张三\n';
  const marks = ['"', "'", '[', ']', '{', '}', ':', ': ', '#', ' #', '&', '*', '!', '|', '>', '%', '@', '`', ',', '?', '- ', '\t', '\\', '---\n', '...\n', '&a ', '*a', '!!x ', '{a: [', '"\\q"'];
  let seen = 0;
  for (let at = 0; at < base.length; at += 3) {
    for (const mark of marks) {
      const source = base.slice(0, at) + mark + base.slice(at);
      for (const d of loadIssueSource(source, 'b.yaml').diagnostics) {
        seen++;
        assert.doesNotMatch(d.message, PARSER_WORDS, `${JSON.stringify(source.slice(Math.max(0, at - 10), at + 10))}: ${d.code}: ${d.message}`);
      }
    }
  }
  assert.ok(seen > 1000, `${seen} messages looked at`);
});

test('a template never reads Object.prototype: {constructor} is left as written', () => {
  assert.equal(fill('{constructor} {toString} {__proto__}', {}), '{constructor} {toString} {__proto__}');
  assert.equal(fill('{constructor}', { constructor: 'a parameter' } as never), 'a parameter');
  const inherited = Object.create({ name: 'inherited' }) as Record<string, string>;
  assert.equal(fill('{name}', inherited), '{name}');
});

test('{n|one|other} chooses a word by the number; the number itself is {n}', () => {
  assert.equal(fill('{n} {n|error|errors}', { n: 1 }), '1 error');
  assert.equal(fill('{n} {n|error|errors}', { n: 0 }), '0 errors');
  assert.equal(fill('{n} {n|error|errors}', { n: '12' }), '12 errors');
  assert.equal(fill('remove {n|it|them}', {}), 'remove {n|it|them}');
  assert.deepEqual([...parametersOf('{a} {n|x|y} {a} { b } {,')].sort(), ['a', 'n']);
});

test('the line number of a change line is found in either language', async () => {
  try {
    assert.equal(leadingNumberPattern('change.line').exec(say('change.line', { line: 12, change: 'x', code: 'y' }))?.[2], '12');
    await setLanguage('zh');
    const zh = say('change.line', { line: 34, change: 'x', code: 'y' });
    assert.match(zh, /^第34行/);
    assert.equal(leadingNumberPattern('change.line').exec(zh)?.[2], '34');
  } finally {
    await setLanguage('en');
  }
});

const own = (o: object, id: string) => Object.hasOwn(o, id);

test('the Chinese catalogue has every id of the English one and nothing else', () => {
  const en = Object.keys(EN).sort();
  const zh = Object.keys(ZH).sort();
  assert.deepEqual(en.filter((id) => !own(ZH, id)), [], 'ids missing in zh.ts');
  assert.deepEqual(zh.filter((id) => !own(EN, id)), [], 'ids in zh.ts that en.ts lacks');
  assert.ok(en.length > 600, `${en.length} ids`);
});

test('each Chinese text uses the parameters of its English text, no more, no fewer', () => {
  const wrong: string[] = [];
  for (const id of Object.keys(EN) as MessageId[]) {
    for (const part of ['message', 'hint'] as const) {
      const en = EN[id][part];
      const zh = ZH[id][part];
      if ((en === undefined) !== (zh === undefined)) { wrong.push(`${id}.${part}: present in one language only`); continue; }
      if (en === undefined || zh === undefined) continue;
      const a = [...parametersOf(en)].sort().join(',');
      const b = [...parametersOf(zh)].sort().join(',');
      if (a !== b) wrong.push(`${id}.${part}: en {${a}} zh {${b}}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('no Chinese text is the English one left untranslated', () => {
  const same: string[] = [];
  for (const id of Object.keys(EN) as MessageId[]) {
    if (ZH[id].message === EN[id].message) same.push(`${id}: ${EN[id].message}`);
    if (EN[id].hint !== undefined && ZH[id].hint === EN[id].hint) same.push(`${id} (hint): ${EN[id].hint}`);
  }
  assert.deepEqual(same, []);
});

test('Chinese texts use full-width punctuation in their Chinese words', () => {
  const halfWidth: string[] = [];
  for (const id of Object.keys(ZH) as MessageId[]) {
    for (const text of [ZH[id].message, ZH[id].hint ?? '']) {
      // A half-width , ; ! ? or ( between two Chinese characters, or after one, reads as a typo.
      if (/[\u4e00-\u9fff][,;!?(]|[,;!?)][\u4e00-\u9fff]/.test(text)) halfWidth.push(`${id}: ${text}`);
    }
  }
  assert.deepEqual(halfWidth, []);
});

test('setLanguage switches every say(); English comes back whole', async () => {
  try {
    await setLanguage('zh');
    assert.equal(currentLanguage(), 'zh');
    assert.equal(say('summary.errors', { count: 3 }), '3处错误');
    assert.equal(say('where.paragraph', { n: 3, owner: say('where.article', { n: 2, owner: say('where.section-named', { name: '要闻速递' }) }) }), '“要闻速递”栏目第2篇文章第3段');
  } finally {
    await setLanguage('en');
  }
  assert.equal(currentLanguage(), 'en');
  assert.equal(say('where.paragraph', { n: 3, owner: say('where.article', { n: 2, owner: say('where.section-named', { name: '要闻速递' }) }) }), 'paragraph 3 of article 2 of section 要闻速递');
});
