/** A small valid issue that tests vary: one section, one article, one paragraph, a byline. */
export const MINIMAL = `bulletin: 测试简报
number: 1
publisher: 测试单位编
date: 2024-01-05
sections:
  - name: 要闻
    articles:
      - title: 第一篇文章
        body:
          - 第一段正文。
        byline: 办公室 张三
`;
