/**
 * Helpers for the lint tests: build a LoadedIssue from YAML text the way the loader does,
 * and fonts for glyph coverage — the vendored ones when present, else the Debian system
 * faces of the same families.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { lintIssues, type LintOptions, type LintResult } from '../../src/check/index.js';
import { stylesFontResolver } from '../../src/check/fonts.js';
import type { FontResolver } from '../../src/check/types.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import { FONT_DIR, VENDORED_FONTS } from '../../src/font/vendored.js';
import type { LoadedIssue } from '../../src/issue/loaded.js';
import type { Issue } from '../../src/issue/types.js';
import { vendoredStyles } from '../support/styles.js';

export function loadedFrom(source: string, file = 'test.yaml', issue?: Issue): LoadedIssue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true }) as Document.Parsed;
  return { file, source, doc, lineCounter, issue, diagnostics: [] };
}

const SYSTEM_FONTS = {
  song: { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  title: { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', face: 'NotoSerifCJKsc-Bold' },
  masthead: { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Black.ttc', face: 'NotoSerifCJKsc-Black' },
  hei: { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' },
  kai: { file: '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf' },
};

const vendoredPresent = Object.values(VENDORED_FONTS).every((f) => existsSync(join(FONT_DIR, f)));

let fonts: FontResolver | undefined;
/** The default theme's fonts: vendored when present, else the system faces. */
export function testFonts(): FontResolver {
  if (!fonts) {
    const layers = vendoredPresent ? [] : [{ layer: { fonts: SYSTEM_FONTS }, baseDir: '/' }];
    fonts = stylesFontResolver(vendoredStyles(layers));
  }
  return fonts;
}

export function lint(source: string, options: LintOptions = {}): LintResult {
  return lintIssues([loadedFrom(source)], { fonts: testFonts(), ...options });
}

/** Diagnostics of one rule for a one-paragraph issue. */
export function paragraphDiags(text: string, rule: string, style: Parameters<typeof paragraphIssue>[1] = 'single'): Diagnostic[] {
  return lint(paragraphIssue(text, style), { rules: [rule] }).diagnostics;
}

/** The paragraph's text after `--fix` with only `rule` (the text unchanged when nothing was fixed). */
export function fixedParagraph(text: string, rule: string, style: Parameters<typeof paragraphIssue>[1] = 'single'): string {
  const source = paragraphIssue(text, style);
  const result = lint(source, { rules: [rule], fix: true });
  const fixed = result.fixed.get('test.yaml')?.source ?? source;
  const doc = parseDocument(fixed);
  return String(doc.getIn(['sections', 0, 'articles', 0, 'body', 0]));
}

/**
 * A minimal issue whose one paragraph (line 10) holds `text`: single-quoted by default, so
 * character k of a text without ' is at column 14 + k; as a `|-` block the text is on
 * line 11 from column 13.
 */
export function paragraphIssue(text: string, style: 'plain' | 'double' | 'single' | 'block' = 'single'): string {
  const scalar = style === 'plain' ? text
    : style === 'single' ? `'${text.replace(/'/g, "''")}'`
    : style === 'block' ? `|-\n            ${text}`
    : JSON.stringify(text);
  return [
    'bulletin: 测试信息',
    'number: 1',
    'publisher: 测试室编',
    'date: 2024-01-05',
    'sections:',
    '  - name: 要闻',
    '    articles:',
    '      - title: 标题',
    '        body:',
    `          - ${scalar}`,
    '',
  ].join('\n');
}


/** "line:col code" of each diagnostic, for compact assertions. */
export function where(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => `${d.line}:${d.col} ${d.code}${d.fixable ? ' fix' : ''}`);
}
