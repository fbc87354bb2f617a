import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadIssueSource } from '../../src/issue/load.js';
import { applyRepairs } from '../../src/issue/repair.js';
import { readShape } from '../../src/issue/slots.js';
import { findTraps } from '../../src/issue/traps.js';
import { parseDocument } from 'yaml';

/** An issue whose article's second paragraph (line 10) is `paragraph`. */
const issue = (paragraph: string, title = '标题') => `bulletin: 测试简报  # 刊名
number: 1
publisher: 测试单位编
date: 2024-01-05
sections:
  - name: 要闻
    articles:
      - title: ${title}
        body:
          - ${paragraph}
        byline: 办公室 张三
`;

/** code@line:col of each loader diagnostic, `+fix` when --fix can repair it. */
function found(source: string): string[] {
  return loadIssueSource(source, 't.yaml').diagnostics.map((d) => `${d.code}@${d.line}:${d.col}${d.fixable ? '+fix' : ''}`);
}

/** The source after the loader's repairs. */
function repaired(source: string): string {
  const loaded = loadIssueSource(source, 't.yaml');
  return applyRepairs(source, loaded.repairs ?? []).text;
}

/** The paragraph's value after the loader's repairs. */
function paragraphAfter(paragraph: string): unknown {
  return parseDocument(repaired(issue(paragraph))).getIn(['sections', 0, 'articles', 0, 'body', 0]);
}

test('a # after a space that reads as text: located at the #, one message, the value quoted', () => {
  assert.deepEqual(found(issue('相关话题 #西湖代表通# 阅读量超过10万次。')), ['comment-in-text@10:18+fix']);
  assert.equal(paragraphAfter('相关话题 #西湖代表通# 阅读量超过10万次。'), '相关话题 #西湖代表通# 阅读量超过10万次。');
  assert.equal(paragraphAfter('#两会进行时# 代表走进社区。'), '#两会进行时# 代表走进社区。');
  // One blank before a # on running text reads as the sentence going on.
  assert.equal(paragraphAfter('抓好落实 # 确保实效。'), '抓好落实 # 确保实效。');
  // A column of blanks before it reads as a note: reported, but not repaired.
  assert.deepEqual(found(issue('抓好落实。  # 待核实')), ['comment-in-text@10:20']);
});

test('the template’s own trailing comments stay legal, and so do comments on keys and lists', () => {
  assert.deepEqual(found(issue('第一段正文。')), []);
  assert.deepEqual(found(issue('第一段正文。').replace('byline: 办公室 张三', 'byline: 办公室 张三  # 署名')), []);
  assert.deepEqual(found(issue('第一段正文。').replace('        body:', '        body:   # 正文')), []);
  // A hashtag is text wherever it stands.
  assert.deepEqual(found(issue('第一段正文。').replace('byline: 办公室 张三', 'byline: 办公室 #通讯员# 张三')), ['comment-in-text@11:21+fix']);
});

test('colon and space: the full-width ： in Chinese text, quotes otherwise; at the colon, not as a mapping', () => {
  assert.deepEqual(found(issue('检查组建议: 一是加强监督。')), ['colon-in-text@10:18+fix']);
  assert.equal(paragraphAfter('检查组建议: 一是加强监督。'), '检查组建议：一是加强监督。');
  assert.equal(paragraphAfter('会议议程如下:'), '会议议程如下：');
  assert.equal(paragraphAfter('Contact: info@zjrd.gov.cn'), 'Contact: info@zjrd.gov.cn');
  // With the hashtag the whole text is quoted as typed (the lint's punct-halfwidth then sets ：).
  assert.equal(paragraphAfter('时间: 上午 #代表接待日# 地点: 市民中心'), '时间: 上午 #代表接待日# 地点: 市民中心');
  assert.deepEqual(found(issue('第一段。', '临安区: 强化司法监督')), ['colon-in-text@8:19+fix']);
  assert.equal(parseDocument(repaired(issue('第一段。', '临安区: 强化司法监督'))).getIn(['sections', 0, 'articles', 0, 'title']), '临安区：强化司法监督');
  // A sub-heading's key is a key.
  assert.deepEqual(found(issue('heading: 一、总体要求')), []);
});

test('a first character YAML reserves: located at it, the whole text quoted, nothing lost', () => {
  for (const [typed, col] of [
    ['**上城区人大常委会**召开会议。', 13], ['*注：数据为初步统计。', 13], ['"代表联络站+"让民意直通车跑出加速度', 13], ["'三难'问题得到解决。", 13],
    ['[重要]会议召开。', 13], ['{附件}另行印发。', 13], ['> 代表建议：加快推进。', 13], ['| 数据来源：市统计局', 13], ['%90以上已办结。', 13],
    ['@各区县人大常委会 请于3月20日前报送。', 13], ['&nbsp;会议召开。', 13], ['!重要提示。', 13], ['`bulletin` 命令。', 13], ['- 加强代表联络站建设。', 13],
    ['? 如何提高质量', 13], [',会议指出。', 13], ['"会议指出，要加强建设。', 13], ['}会议', 13],
  ] as const) {
    assert.deepEqual(found(issue(typed)), [`text-start@10:${col}+fix`], typed);
    assert.equal(paragraphAfter(typed), typed, typed);
  }
});

test('YAML used on purpose is left alone: aliases, anchors, tags, flow lists where lists belong, sub-headings in braces', () => {
  const base = issue('第一段正文。');
  assert.deepEqual(found(base.replace('byline: 办公室 张三', 'byline: &by 办公室 张三') + 'footer:\n  editor: *by\n'), []);
  assert.deepEqual(found(base.replace('title: 标题', 'title: [第一行, 第二行]')), []);
  assert.deepEqual(found(base.replace('- 第一段正文。', '- {heading: 一、总体要求}')), []);
  assert.deepEqual(found(base.replace('- 第一段正文。', '- !!str 第一段正文。')), []);
  assert.deepEqual(found(base.replace('- 第一段正文。', '- |\n            第一段正文，\n            写在两行。')), []);
});

test('a | block of several paragraphs becomes one list item per paragraph', () => {
  const source = issue('第一段。').replace('        body:\n          - 第一段。', '        body: |\n          第一段，\n          写在两行。\n\n          第二段。');
  assert.deepEqual(found(source), ['block-paragraphs@9:15+fix']);
  assert.deepEqual(parseDocument(repaired(source)).toJS().sections[0].articles[0].body, ['第一段，写在两行。', '第二段。']);
  const item = issue('|\n            第一段。\n\n            第二段。');
  assert.deepEqual(found(item), ['block-paragraphs@10:13+fix']);
  assert.match(repaired(item), /^ {10}- 第一段。\n {10}- 第二段。\n {8}byline/m);
});

test('traps on a text that runs over several lines are reported, not repaired', () => {
  const source = issue('第一行\n            检查组建议: 一是');
  assert.deepEqual(found(source), ['colon-in-text@11:18']);
});

test('what the schema says about a misread text is left out: the trap explains it', () => {
  // Read as a mapping, the paragraph would be a sub-heading without `heading` and with an unknown key.
  const d = loadIssueSource(issue('检查组建议: 一是加强监督。'), 't.yaml').diagnostics;
  assert.deepEqual(d.map((x) => x.code), ['colon-in-text']);
  assert.equal(d[0].message, 'a half-width colon and a space (": ") in the paragraph: YAML reads “检查组建议” as a field name here and cuts the paragraph in two');
  assert.match(d[0].hint ?? '', /full-width colon ：/);
});

test('findTraps: each trap carries the whole value as its extent, and the traps of one value share one repair', () => {
  const source = issue('时间: 上午 #代表接待日# 地点: 市民中心');
  const traps = findTraps(source, readShape(source));
  assert.deepEqual(traps.map((t) => t.code), ['colon-in-text', 'comment-in-text', 'colon-in-text']);
  assert.ok(traps.every((t) => t.repair === traps[0].repair));
  assert.equal(source.slice(...traps[0].extent), '时间: 上午 #代表接待日# 地点: 市民中心');
});
