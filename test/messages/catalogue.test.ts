import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fill, hintOf, say, useCatalogue } from '../../src/messages/catalogue.js';
import { EN } from '../../src/messages/en.js';
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
