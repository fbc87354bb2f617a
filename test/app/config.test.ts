/**
 * bulletin.config.yaml (src/app/config.ts): found by walking up from an issue, read once per
 * run, its problems located at their line in plain words, and its layers where they belong:
 * the default theme ← the config's theme ← its fonts ← --theme ← the issue's style:.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigError, Configs, findConfigFile, readConfigFile } from '../../src/app/config.js';
import { readThemeArgument, resolveIssueTheme } from '../../src/app/theme-file.js';
import { RULES } from '../../src/check/index.js';
import { GUARD_RULES, RULE_IDS } from '../../src/check/settings.js';
import { FONT_DIR, PACKAGE_ROOT } from '../../src/font/vendored.js';
import { loadIssueSource } from '../../src/issue/load.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const shown = (c: { diagnostics: { line: number; col: number; code: string; message: string }[] }) => c.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}: ${d.message}`);

test('a config is read: theme layers, fonts, rule levels, the output directory, the language', () => {
  const dir = project({
    'bulletin.config.yaml': 'theme: [gongwen, office.yaml]\nfonts:\n  fangsong: fonts/fs.otf\nrules:\n  font-fallback: error\n  toc-differs: off\noutput: pdf\nlanguage: zh\n',
    'office.yaml': 'toc: { pageNumbers: true }\n',
  });
  try {
    const c = readConfigFile(join(dir, 'bulletin.config.yaml'));
    assert.deepEqual(c.diagnostics, []);
    assert.deepEqual(c.layers.map((l) => l.builtin ?? l.source.file.replace(dir, 'DIR')), ['gongwen', 'DIR/office.yaml', 'DIR/bulletin.config.yaml']);
    assert.deepEqual(c.layers[2].data, { fonts: { fangsong: 'fonts/fs.otf' } });
    assert.equal(c.layers[2].baseDir, dir, 'font files are relative to the config');
    assert.deepEqual(c.rules, { 'font-fallback': 'error', 'toc-differs': 'off' });
    assert.equal(c.output, join(dir, 'pdf'));
    assert.equal(c.language, 'zh');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('problems are located at their line in plain words: rule ids with the nearest one, guards, levels, the theme and fonts', () => {
  const dir = project({
    'bulletin.config.yaml': [
      'theme: office.yaml',
      'fonts:',
      '  仿宋: 仿宋_GB2312',
      'rules:',
      '  quote-styel: off',
      '  glyph-coverage: warning',
      '  dash: loud',
      'language: fr',
      'outptu: pdf',
      '',
    ].join('\n'),
  });
  try {
    const c = readConfigFile(join(dir, 'bulletin.config.yaml'));
    const lines = shown(c).map((l) => l.replace(dir, 'DIR'));
    assert.deepEqual(lines, [
      '1:8 config-theme: the theme this config names cannot be read: cannot read theme file DIR/office.yaml: no such file',
      '3:3 theme-schema: “仿宋” cannot name a font role: a role’s name is Latin letters, digits, - and _, starting with a letter',
      '5:3 config-rules: “quote-styel” is not a rule id bulletin knows — did you mean quote-style?',
      '6:19 config-rules: glyph-coverage stays an error: build refuses an issue with this problem, so it cannot be set to warning',
      '7:9 config-schema: `rules.dash` is not valid here; expected 级别 (level): off: not checked; note; warning (exit 1 with --strict); error (build refuses).',
      '8:11 config-schema: `language` is not valid here; expected 语言 (language): The language of messages, diagnostics and help: zh Chinese, en English; see the README for --lang and LANG.',
      '9:1 config-schema: unknown key `outptu` in the config (did you mean `output`?)',
    ]);
    assert.match(c.errorsMessage ?? '', /the config .*bulletin\.config\.yaml has errors; fix them, or run with --no-config/);
    for (const d of c.diagnostics) assert.doesNotMatch(d.message, /must (match|be|have|NOT)|pattern "|should /, d.message);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a theme written in the config is checked where it is written; a theme file with errors is blamed by name', () => {
  const dir = project({
    'a/bulletin.config.yaml': 'theme:\n  body: { size: 大号 }\n',
    'b/bulletin.config.yaml': 'theme: t.yaml\n',
    'b/t.yaml': 'colors:\n  red: [0, 100, 100]\n',
  });
  try {
    const a = readConfigFile(join(dir, 'a', 'bulletin.config.yaml'));
    assert.deepEqual(shown(a).map((l) => l.slice(0, 40)), ['2:17 theme-schema: `theme.body.size` is ']);
    const b = readConfigFile(join(dir, 'b', 'bulletin.config.yaml'));
    assert.match(shown(b)[0], /^2:8 theme-schema: `colors\.red` is not valid here/);
    assert.equal(b.diagnostics[0].file, join(dir, 'b', 't.yaml'));
    assert.match(b.errorsMessage ?? '', /^theme file .*t\.yaml, named in .*bulletin\.config\.yaml, has errors$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('found by walking up from each issue file, to the root; remembered per directory; --config and --no-config', () => {
  const dir = project({
    'bulletin.config.yaml': 'rules: { dash: off }\n',
    'issues/2024/a.yaml': '',
    'other/bulletin.config.yaml': 'rules: { dash: error }\n',
    'broken/bulletin.config.yaml': 'rules: [\n',
  });
  try {
    const cache = new Map<string, string | null>();
    assert.equal(findConfigFile(join(dir, 'issues', '2024'), cache), join(dir, 'bulletin.config.yaml'));
    assert.equal(cache.get(join(dir, 'issues')), join(dir, 'bulletin.config.yaml'), 'each directory on the way is remembered');
    assert.equal(findConfigFile('/'), undefined);
    const configs = new Configs();
    assert.deepEqual(configs.forFile(join(dir, 'issues', '2024', 'a.yaml'))?.rules, { dash: 'off' });
    assert.deepEqual(configs.forFile(join(dir, 'other', 'x.yaml'))?.rules, { dash: 'error' });
    assert.equal(configs.forFile(join(dir, 'issues', 'b.yaml')), configs.forFile(join(dir, 'x.yaml')), 'read once');
    assert.deepEqual(new Configs(join(dir, 'other', 'bulletin.config.yaml')).forFile(join(dir, 'issues', 'a.yaml'))?.rules, { dash: 'error' });
    assert.equal(new Configs(false).forFile(join(dir, 'issues', 'a.yaml')), undefined);
    assert.throws(() => configs.forFile(join(dir, 'broken', 'x.yaml')), (err: unknown) => err instanceof ConfigError && err.diagnostics.length > 0 && err.diagnostics[0].line === 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('layers in order: default ← config theme ← config fonts ← --theme ← the issue’s style:', () => {
  const dir = project({
    'bulletin.config.yaml': [
      'theme: [gongwen, { body: { size: 四号 }, title: { size: 一号 }, folio: { size: 小四 }, footer: { size: 五号 } }]',
      `fonts: { kai: '${join(FONT_DIR, 'NotoSerifCJKsc-Regular.ttf')}' }`,
      '',
    ].join('\n'),
    'cli.yaml': 'title: { size: 小一 }\nfolio: { size: 三号 }\n',
  });
  try {
    const config = new Configs().forDir(dir)!;
    const issue = readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'issues', 'minimal.yaml'), 'utf8') + 'style:\n  folio: { size: 二号 }\n';
    const loaded = loadIssueSource(issue, join(dir, 'a.yaml'));
    const { styles } = resolveIssueTheme(loaded, [...config.layers, readThemeArgument(join(dir, 'cli.yaml'))]);
    assert.ok(styles);
    assert.equal(styles.body.fonts[0].postscriptName, 'FandolFang-Regular', 'gongwen, the lowest layer');
    assert.equal(styles.body.size, 14, 'the config’s theme (四号) over gongwen');
    assert.equal(styles.byline.fonts[0].postscriptName, 'NotoSerifCJKsc-Regular', 'the config’s fonts');
    assert.equal(styles.title.size, 24, '--theme (小一) over the config');
    assert.equal(styles.footer.size, 10.5, 'what no later layer says stays');
    assert.equal(styles.folio.size, 22, 'the issue’s style: over everything');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the rule ids a config may name are the lint’s, the layout’s and unused-suppression, and the schema lists the same', () => {
  const lint = RULES.map((r) => r.id);
  assert.deepEqual([...RULE_IDS].sort(), [...lint, 'title-too-long', 'name-too-long', 'loose-line', 'unused-suppression'].sort());
  const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'config.schema.json'), 'utf8')) as { properties: { rules: { propertyNames: { enum: string[] } } } };
  assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), [...RULE_IDS].sort());
  for (const g of GUARD_RULES) assert.ok(RULE_IDS.includes(g));
});
