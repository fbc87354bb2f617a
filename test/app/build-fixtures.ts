/** A small issue file and a scratch directory, shared by the build use-case and CLI tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ISSUE_YAML = `bulletin: 测试人大信息
edition: 普刊
number: 5
total: 700
publisher: 测试市人大常委会研究室编
date: 2024-06-01
sections:
  - name: 要闻速递
    articles:
      - title: 市人大常委会召开2024年第一次会议
        body:
          - 近期，市人大常委会召开会议，研究部署2024年工作。会议强调，要坚持“三个结合”，推动各项工作落地见效。
          - 一是加强监督。围绕中心大局，聚焦重点领域，开展专项监督3次，提出意见建议15条。
        byline: 办公室 张三
footer:
  distribution:
    - label: 送
      to: [省人大常委会办公厅、研究室]
  editor: 王五
  phone: (0571)85250657
`;

/** 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

export function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-build-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

