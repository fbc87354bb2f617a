/**
 * The fontkit shortcuts and the sparse reading of font files change how fast a PDF is made, not
 * what is in it: builds with BULLETIN_FONTKIT_SHORTCUTS=off (fontkit's public API over whole
 * files) and on give the same bytes — for 690, and for an issue whose body falls back to DejaVu
 * Sans (composite glyphs, a format 12 cmap, Latin shaping) for letters the CJK faces lack.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT, vendoredFontPath } from '../../src/font/vendored.js';
import { ISSUE_YAML, workdir } from '../app/build-fixtures.js';

const BUILD_MODULE = fileURLToPath(new URL('../../src/app/build.js', import.meta.url));
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** Build `issue` into `pdf` in a fresh process (the switch is read when the module loads). */
function build(issue: string, pdf: string, shortcuts: boolean): Buffer {
  const script = `const { buildIssue } = await import(${JSON.stringify(BUILD_MODULE)});
    const r = await buildIssue(${JSON.stringify(issue)}, { output: ${JSON.stringify(pdf)}, date: new Date(Date.UTC(2024, 0, 1)) });
    if (!r.ok) { console.error(JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error'))); process.exit(1); }`;
  const env = { ...process.env, BULLETIN_FONTKIT_SHORTCUTS: shortcuts ? 'on' : 'off' };
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(pdf);
}

function sameBothWays(issue: string, dir: string): void {
  const on = build(issue, join(dir, 'on.pdf'), true);
  const off = build(issue, join(dir, 'off.pdf'), false);
  assert.ok(on.length > 1000);
  assert.ok(on.equals(off), 'the PDFs differ');
}

test('690: the same PDF with and without the shortcuts', () => {
  const dir = workdir();
  try {
    sameBothWays(join(PACKAGE_ROOT, 'issues', '690.yaml'), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Latin from a fallback TrueType face: the same PDF with and without the shortcuts', { skip: !existsSync(DEJAVU) && 'DejaVu Sans not installed' }, () => {
  const style = `style:
  fonts:
    latin: { file: ${DEJAVU} }
    song: { file: ${vendoredFontPath('song')}, fallback: [latin] }
`;
  const extra = `          - 字母 ǅungla ǈubljana Ŀlibre ŴŵǾ ẞ ⅓ ∰ Ångström naïve café ﬁne office “quoted” 2024—2025 3.5% A/B-test.\n`;
  const text = ISSUE_YAML.replace('        byline: 办公室 张三\n', `${extra}        byline: 办公室 张三\n`) + style;
  assert.notEqual(text, ISSUE_YAML + style, 'the extra paragraph went in');
  const dir = workdir({ 'latin.yaml': text });
  try {
    sameBothWays(join(dir, 'latin.yaml'), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
