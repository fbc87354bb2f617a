import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textScalars } from '../../src/check/scalars.js';
import { mapScalar } from '../../src/check/source-map.js';
import { loadedFrom } from './support.js';

const SOURCE = `bulletin: 杭州人大信息
edition: 普刊
number: 2
total: 690
publisher: 研究室编
date: 2024-03-15
sections:
  - name: 监督纵横
    articles:
      - title: [拱墅区：五年全周期监督, 助力项目提前投用]
        toc: 拱墅区
        body:
          - 正文**加粗**。
          - heading: 一、第一
          - heading: （一）第二
          - {heading: 第三, level: 2}
          - heading: 1. 第四
          - heading: （1）第五
        byline: 办公室 叶 蓁
  - name: 信息摘登
    briefs:
      - body: ["**滨江区**深入学习"]
        byline: 应明芮
footer:
  distribution:
    - label: 送
      to: [省人大常委会办公厅]
  editor: 杨青青
  phone: (0571)85250657
  notes: [网址]
  copies: 200
style:
  body: {font: song}
`;

test('every text scalar is found with its path, role and print roles; numbers, dates and style are not text', () => {
  const loaded = loadedFrom(SOURCE);
  const rows = textScalars(loaded.doc, loaded.source).map((s) => `${s.path} ${s.role} ${s.glyphRoles.join('+')}`);
  assert.deepEqual(rows, [
    'bulletin masthead masthead',
    'edition edition edition',
    'publisher publisher imprint',
    'sections[0].name section section+tocLabel',
    'sections[0].articles[0].title[0] title title',
    'sections[0].articles[0].title[1] title title',
    'sections[0].articles[0].toc toc toc',
    'sections[0].articles[0].body[0] paragraph body',
    'sections[0].articles[0].body[1].heading heading heading1',
    'sections[0].articles[0].body[2].heading heading heading2',
    'sections[0].articles[0].body[3].heading heading heading2',
    'sections[0].articles[0].body[4].heading heading heading3',
    'sections[0].articles[0].body[5].heading heading heading3',
    'sections[0].articles[0].byline byline byline',
    'sections[1].name section section+tocLabel',
    'sections[1].briefs[0].body[0] brief body',
    'sections[1].briefs[0].byline byline byline',
    'footer.distribution[0].label distribution footer',
    'footer.distribution[0].to[0] distribution footer',
    'footer.editor editor footer',
    'footer.phone phone footer',
    'footer.notes[0] note footer',
  ]);
});

test('markup is not text: the plain view drops ** and remembers what is bold', () => {
  const loaded = loadedFrom(SOURCE);
  const para = textScalars(loaded.doc, loaded.source).find((s) => s.path === 'sections[0].articles[0].body[0]')!;
  assert.equal(para.view.plain, '正文加粗。');
  assert.deepEqual([...para.view.bold], [0, 0, 1, 1, 0]);
  assert.deepEqual([...para.view.toValue], [0, 1, 4, 5, 8]);
  const title = textScalars(loaded.doc, loaded.source).find((s) => s.path === 'sections[0].articles[0].title[1]')!;
  assert.equal(title.group?.length, 2);
});

test('an article without a toc prints its title in the table of contents too', () => {
  const loaded = loadedFrom(SOURCE.replace('        toc: 拱墅区\n', ''));
  const title = textScalars(loaded.doc, loaded.source).find((s) => s.path === 'sections[0].articles[0].title[0]')!;
  assert.deepEqual(title.glyphRoles, ['title', 'toc']);
});

test('a text\'s value map is made on first use, once, and is the map of its node', () => {
  const loaded = loadedFrom(SOURCE);
  for (const s of textScalars(loaded.doc, loaded.source)) {
    const first = s.map;
    assert.equal(s.map, first, `${s.path}: the same map on every use`);
    assert.deepEqual(first, mapScalar(s.node, loaded.source));
    assert.equal(first.value, s.node.value);
  }
});
