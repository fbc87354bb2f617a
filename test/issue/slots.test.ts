import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readShape } from '../../src/issue/slots.js';

/** Each text the shape reading found: its field and its first line as written. */
function texts(source: string): string[] {
  return readShape(source).texts.map((t) => `${t.field}: ${source.slice(t.start, t.end)}${t.more.length ? ` (+${t.more.length} lines)` : ''}`);
}

const ISSUE = `bulletin: 杭州人大信息  # 刊名
number: 2
publisher: 杭州市人大常委会研究室编
date: 2024-03-15
sections:
  - name: 要闻速递
    articles:
      - title: [市人大常委会部署, 开展代表主题活动]
        body:
        - 检查组建议: 一是加强统筹
        - heading: 一、总体要求
        - {heading: （一）工作目标}
        - 一段很长的文字
          写在两行上
        byline: 代表工委 张尚辉
  - name: 信息摘登
    briefs:
      - body: ["**滨江区人大常委会**深入学习。"]
        byline: 滨江区 应明芮
      - body:
          - **上城区人大常委会**召开会议。
footer:
  distribution:
    - label: 送
      to: [省人大常委会办公厅]
  editor: 杨青青
  notes:
    - 信息报送网址 #1
style:
  body: {size: 16}
`;

test('every text of the format is found by its field, as written, whatever YAML makes of it', () => {
  assert.deepEqual(texts(ISSUE), [
    'masthead name: 杭州人大信息  # 刊名',
    'publisher: 杭州市人大常委会研究室编',
    'section name: 要闻速递',
    'title: [市人大常委会部署, 开展代表主题活动]',
    'paragraph: 检查组建议: 一是加强统筹',
    'sub-heading: 一、总体要求',
    'paragraph: 一段很长的文字 (+1 lines)',
    'byline: 代表工委 张尚辉',
    'section name: 信息摘登',
    'byline: 滨江区 应明芮',
    'brief: **上城区人大常委会**召开会议。',
    'label: 送',
    'editor: 杨青青',
    'note line: 信息报送网址 #1',
  ]);
});

test('a | block where paragraphs belong is found with its lines; blocks elsewhere are stepped over', () => {
  const source = 'sections:\n  - name: 要闻\n    articles:\n      - title: 标题\n        body: |\n          第一段。\n\n          第二段。\n        byline: |\n          张三\n';
  const shape = readShape(source);
  assert.equal(shape.blocks.length, 1);
  const block = shape.blocks[0];
  assert.equal(block.list, true);
  assert.equal(source.slice(block.header, block.headerEnd), '|');
  assert.deepEqual(block.lines.map(([a, b]) => source.slice(a, b)), ['          第一段。', '', '          第二段。']);
  assert.deepEqual(texts(source), ['section name: 要闻', 'title: 标题']);
});

test('lines indented with a tab are listed; a quoted text over several lines is one value', () => {
  const source = 'bulletin: 测试\n\tnumber: 1\npublisher: "一个\n  很长的编印单位"\nsections: []\n';
  const shape = readShape(source);
  assert.deepEqual(shape.tabLines, [source.indexOf('\tnumber')]);
  assert.deepEqual(texts(source), ['masthead name: 测试', 'publisher: "一个']);
});
