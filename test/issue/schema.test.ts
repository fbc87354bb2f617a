import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ISSUE_SCHEMA_FILE, isCalendarDate, issueValidator } from '../../src/issue/schema.js';
import type { Article, Brief, Distribution, Footer, Issue, Section, SubHeading } from '../../src/issue/types.js';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; $defs?: Record<string, Schema> };
const schema = JSON.parse(readFileSync(ISSUE_SCHEMA_FILE, 'utf8')) as Schema;

/** Every subschema, with its JSON pointer. */
function* subschemas(node: unknown, pointer = '#'): Generator<[string, Schema]> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* subschemas(item, `${pointer}/${i}`);
    return;
  }
  yield [pointer, node as Schema];
  for (const [key, value] of Object.entries(node)) {
    // an `if` only tests the type; it describes no data of its own
    if (key === 'enum' || key === 'required' || key === 'if') continue;
    yield* subschemas(value, `${pointer}/${key}`);
  }
}

test('the schema is 2020-12 with an $id', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(typeof schema.$id === 'string' && schema.$id.length > 0);
});

test('every property has a Chinese and English title and description', () => {
  let count = 0;
  for (const [pointer, node] of subschemas(schema)) {
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      count++;
      for (const field of ['title', 'description'] as const) {
        const text = property[field];
        assert.ok(typeof text === 'string', `${pointer}/properties/${name} has no ${field}`);
        assert.match(text, /\p{Script=Han}/u, `${pointer}/properties/${name}.${field} has no Chinese term`);
        assert.match(text, /[A-Za-z]{3}/, `${pointer}/properties/${name}.${field} has no English`);
      }
    }
  }
  assert.ok(count >= 25, `only ${count} properties seen`);
});

test('every object is closed except style', () => {
  for (const [pointer, node] of subschemas(schema)) {
    if (node.type !== 'object') continue;
    if (pointer === '#/properties/style') {
      assert.equal(node.additionalProperties, undefined);
      continue;
    }
    assert.equal(node.additionalProperties, false, `${pointer} is open`);
  }
});

// The TypeScript types and the schema list the same keys: the records below fail to compile
// when a type gains or loses a key, the assertions fail when the schema does.
const issueKeys: Record<keyof Issue, true> = { bulletin: true, edition: true, number: true, total: true, publisher: true, date: true, toc: true, sections: true, footer: true, style: true };
const sectionKeys: Record<keyof Section, true> = { name: true, header: true, articles: true, briefs: true };
const articleKeys: Record<keyof Article, true> = { title: true, subtitle: true, toc: true, body: true, byline: true };
const subHeadingKeys: Record<keyof SubHeading, true> = { heading: true, level: true };
const briefKeys: Record<keyof Brief, true> = { body: true, byline: true };
const footerKeys: Record<keyof Footer, true> = { distribution: true, editor: true, phone: true, notes: true, copies: true };
const distributionKeys: Record<keyof Distribution, true> = { label: true, to: true };

test('src/issue/types.ts and the schema have the same keys', () => {
  const defs = schema.$defs!;
  const pairs: [string, Record<string, true>, Schema][] = [
    ['Issue', issueKeys, schema],
    ['Section', sectionKeys, defs.section],
    ['Article', articleKeys, defs.article],
    ['SubHeading', subHeadingKeys, defs.subHeading],
    ['Brief', briefKeys, defs.brief],
    ['Footer', footerKeys, defs.footer],
    ['Distribution', distributionKeys, defs.distribution],
  ];
  for (const [name, keys, def] of pairs) {
    assert.deepEqual(Object.keys(def.properties!).sort(), Object.keys(keys).sort(), name);
  }
});

test('an Issue using every key validates', () => {
  const issue: Issue = {
    bulletin: '杭州人大信息',
    edition: '普刊',
    number: 2,
    total: 690,
    publisher: '杭州市人大常委会研究室编',
    date: '2024-03-15',
    sections: [
      {
        name: '要闻速递',
        articles: [{ title: ['第一行', '第二行'], toc: '目录文字', body: ['段落。', { heading: '一、小标题', level: 1 }], byline: '办公室 张三' }],
        briefs: [{ body: ['**某区**短讯。'], byline: '某区 李四' }],
      },
    ],
    footer: { distribution: [{ label: '送', to: ['某单位'] }], editor: '杨青青', phone: '(0571)85250657', notes: ['备注'], copies: 200 },
    style: { anything: true },
  };
  const validate = issueValidator();
  assert.equal(validate(issue), true, JSON.stringify(validate.errors));
});

test('calendar dates', () => {
  assert.equal(isCalendarDate('2024-02-29'), true);
  assert.equal(isCalendarDate('2023-02-29'), false);
  assert.equal(isCalendarDate('2024-13-01'), false);
  assert.equal(isCalendarDate('2024-04-31'), false);
  assert.equal(isCalendarDate('2024-00-10'), false);
  assert.equal(isCalendarDate('2024-1-10'), false);
});
