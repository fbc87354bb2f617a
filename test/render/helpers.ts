/**
 * Shared by the renderer tests: a small issue laid out with the vendored fonts and the real
 * composer, external PDF tools (skipped with a reason when not installed), and a reader for the
 * page content streams of an uncompressed PDF.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeParagraph } from '../../src/compose/compose.js';
import { FONT_DIR } from '../../src/font/vendored.js';
import type { Issue } from '../../src/issue/types.js';
import { layoutIssue, type LayoutResult } from '../../src/layout/layout.js';
import { styleIssue } from '../../src/style/model.js';
import { vendoredStyles } from '../support/styles.js';

export const SMALL_ISSUE: Issue = {
  bulletin: '测试人大信息',
  edition: '普刊',
  number: 5,
  total: 700,
  publisher: '测试市人大常委会研究室编',
  date: '2024-06-01',
  sections: [
    {
      name: '要闻速递',
      articles: [{
        title: '市人大常委会召开2024年第一次会议',
        body: [
          '近期，市人大常委会召开会议，研究部署2024年工作。会议强调，要坚持“三个结合”，推动各项工作落地见效。',
          '一是加强监督。围绕中心大局，聚焦重点领域，开展专项监督3次，提出意见建议15条。',
          '二是服务代表。建立代表联络站12个，收集群众意见建议336条，办结率达到98.5%。',
        ],
        byline: '办公室 张三',
      }],
    },
    {
      name: '信息摘登',
      briefs: [{ body: ['**某区人大常委会**深入学习贯彻会议精神，组织开展专题调研，助推全区经济发展提速提效。'], byline: '某区人大常委会 李四' }],
    },
  ],
  footer: {
    distribution: [{ label: '送', to: ['省人大常委会办公厅、研究室', '市人大常委会组成人员，市人大机关各部门'] }],
    editor: '王五',
    phone: '(0571)85250657',
    notes: ['（信息报送网址：http://example.org/infosub）'],
    copies: 200,
  },
};

export function layoutSmall(issue: Issue = SMALL_ISSUE, override: Record<string, unknown> = {}): LayoutResult {
  return layoutIssue(styleIssue(issue, vendoredStyles([{ layer: override, baseDir: FONT_DIR }])), composeParagraph);
}

export function hasTool(name: string): boolean {
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).error === undefined;
}

export function tempPdf(bytes: Uint8Array, name = 'out.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-render-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The decoded content streams of each page, in page order (the PDF must be uncompressed). */
export function pageContents(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]);
  const kids = /\/Kids \[([^\]]*)\]/.exec(text)?.[1] ?? '';
  return [...kids.matchAll(/(\d+) 0 R/g)].map((k) => {
    const page = objects.get(Number(k[1])) ?? '';
    const contents = /\/Contents (\d+) 0 R/.exec(page)?.[1];
    const body = objects.get(Number(contents)) ?? '';
    return /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(body)?.[1] ?? '';
  });
}
