/**
 * Page geometry a schema cannot judge is checked after resolution and reported at the key to
 * change (issue 10, item 10): each case here would otherwise overprint lines, make one-line
 * pages, write a PDF other readers refuse, or end in an internal error.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { deepMerge } from '../../src/style/merge.js';
import { resolveStyles } from '../../src/style/resolve.js';
import { DEFAULT_THEME, type Theme } from '../../src/style/theme.js';
import { fakeFont } from '../layout/helpers.js';
import { MINIMAL } from '../support/issues.js';

const CASES: { theme: string; path: string; message: RegExp }[] = [
  { theme: 'grid:\n  pitch: 0\n', path: 'grid.pitch', message: /line pitch of 0 pt sets every line on or above the one before/ },
  { theme: 'grid:\n  pitch: -20\n', path: 'grid.pitch', message: /-20 pt sets every line on or above/ },
  { theme: 'grid:\n  pitch: 10\n', path: 'grid.pitch', message: /lines 10 pt apart overprint body text of 16 pt/ },
  { theme: 'grid:\n  lines: 60\n', path: 'grid.lines', message: /60 lines of 16 pt body text do not fit in a type area 225 mm high: at most 39 do/ },
  { theme: 'grid:\n  chars: 60\n', path: 'grid.chars', message: /60 characters of 16 pt in a line 156 mm wide run into each other/ },
  { theme: 'page:\n  typeHeight: 0\n', path: 'page.typeHeight', message: /type area must be more than 0 high/ },
  { theme: 'page:\n  typeHeight: 10pt\n', path: 'page.typeHeight', message: /does not hold one character of the body text/ },
  { theme: 'page:\n  typeWidth: -100\n', path: 'page.typeWidth', message: /type area must be more than 0 wide/ },
  { theme: 'page:\n  typeWidth: 300mm\n', path: 'page.typeWidth', message: /wider than the page leaves room for: .* need 328 mm, the page is 210 mm wide/ },
  { theme: 'page:\n  typeHeight: 280mm\n', path: 'page.typeHeight', message: /taller than the page leaves room for/ },
  { theme: 'page:\n  width: 1e9\n', path: 'page.width', message: /more than PDF readers and printers accept \(at most 14400 pt, 5080 mm\)/ },
  { theme: 'page:\n  height: 0\n', path: 'page.height', message: /a page must be more than 0 high/ },
  { theme: 'page:\n  top: -10mm\n', path: 'page.top', message: /top margin cannot be negative/ },
  { theme: 'page:\n  inner: -1mm\n', path: 'page.inner', message: /inner margin cannot be negative/ },
  // Blamed on the type area; the CLI shows it at the size the theme set (a cause).
  { theme: 'body:\n  size: 900\n', path: 'page.typeHeight', message: /a type area 225 mm high does not hold one character of the body text \(900 pt\)/ },
  { theme: 'title:\n  size: 700\n', path: 'title.size', message: /characters of 700 pt do not fit in the type area/ },
  { theme: 'title:\n  lineHeight: 0.5em\n', path: 'title.lineHeight', message: /lines 11 pt apart overprint text of 22 pt/ },
  { theme: 'title:\n  inset: 80mm\n', path: 'title.inset', message: /leave no room for a title/ },
  { theme: 'folio:\n  offset: 40mm\n', path: 'folio.offset', message: /fall off the page/ },
  { theme: 'section:\n  rule:\n    weight: -1\n', path: 'section.rule.weight', message: /a rule cannot be -1 pt thick/ },
];

/** The theme data of a case (the YAML above is simple enough to read by hand). */
function data(yaml: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const stack: Record<string, unknown>[] = [out];
  for (const line of yaml.trimEnd().split('\n')) {
    const depth = line.search(/\S/) / 2;
    const [key, raw] = line.trim().split(/:\s*/);
    stack.length = depth + 1;
    if (raw === undefined || raw === '') stack[depth][key] = stack[depth + 1] = {};
    else stack[depth][key] = /^-?[\d.e]+$/.test(raw) ? Number(raw) : raw;
  }
  return out;
}

test('each geometry that cannot work is one problem at the key that makes it so', () => {
  for (const c of CASES) {
    const theme = deepMerge(structuredClone(DEFAULT_THEME), data(c.theme)) as Theme;
    const { styles, problems } = resolveStyles(theme, (file) => fakeFont(file));
    assert.equal(styles, undefined, c.theme);
    assert.equal(problems.length, 1, `${c.theme}: ${problems.map((p) => p.message).join(' | ')}`);
    assert.equal(problems[0].path.join('.'), c.path, c.theme);
    assert.match(problems[0].message, c.message);
  }
  assert.deepEqual(resolveStyles(DEFAULT_THEME, (file) => fakeFont(file)).problems, []);
});

test('bulletin build: a theme file with such geometry exits 2 at the line to change, an issue\'s style: exits 1; never an internal error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-geometry-'));
  try {
    writeFileSync(join(dir, 'a.yaml'), MINIMAL);
    // The cases of issue 10 (each a fresh process: the rest are covered in-process above).
    const cli = CASES.filter((c) => /pitch: (0|-20)\n|typeHeight: 0\n|width: 1e9|typeWidth: (-100|300mm)|top: -10mm/.test(c.theme));
    assert.equal(cli.length, 7);
    cli.forEach((c, i) => {
      writeFileSync(join(dir, 't.yaml'), c.theme);
      const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'cli.js'), 'build', 'a.yaml', '--theme', 't.yaml'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 2, `${c.theme}\n${r.stderr}`);
      const lines = r.stderr.trim().split('\n');
      const line = c.theme.trimEnd().split('\n').length;
      assert.match(lines[0], new RegExp(`^t\\.yaml:${line}:\\d+: error: .* \\[theme\\]$`), c.theme);
      assert.equal(lines.at(-1), 'bulletin build: theme file t.yaml has errors');
      assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
      if (i % 3 !== 0) return;
      // The same in the issue's own style: block is the content error.
      const styled = MINIMAL.replace('sections:', `style:\n${c.theme.replace(/^/gm, '  ').trimEnd()}\nsections:`);
      writeFileSync(join(dir, 's.yaml'), styled);
      const s = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'cli.js'), 'build', 's.yaml'], { cwd: dir, encoding: 'utf8' });
      assert.equal(s.status, 1, `${c.theme}\n${s.stderr}`);
      assert.match(s.stderr, new RegExp(`^s\\.yaml:\\d+:\\d+: error: .*\\[theme\\]$`, 'm'));
    });
    assert.deepEqual(readdirSync(dir).sort(), ['a.yaml', 's.yaml', 't.yaml'], 'no PDF written');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
