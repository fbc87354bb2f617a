/**
 * An office's setup as its editors meet it through the CLI: bulletin.config.yaml read by every
 * command, fonts by the names the office's computers give them, rule levels, suppressions,
 * fallbacks reported at the character, the gongwen house style, check --theme, patterns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FONT_DIR, PACKAGE_ROOT } from '../../src/font/vendored.js';
import { ISSUE_YAML } from '../app/build-fixtures.js';
import { renamedFont } from '../support/rename-font.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');

function bulletin(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '', NO_COLOR: '1', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function office(files: Record<string, string | Buffer>): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-office-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An issue whose byline and a paragraph name 王堃 (堃 is not in GB 2312). */
const WANG_KUN = ISSUE_YAML.replace('办公室 张三', '办公室 张三').replace('开展专项监督3次', '由副主任王堃带队开展专项监督3次');

/** An office's 仿宋_GB2312: FandolFang under the names the Windows font has. */
const FANGSONG_GB2312 = renamedFont(join(FONT_DIR, 'FandolFang-Regular.otf'), { family: { 0x0409: 'FangSong_GB2312', 0x0804: '仿宋_GB2312' }, postscript: 'FangSong_GB2312' });

test('王堃 with the office’s 仿宋_GB2312 named in the config: 堃 comes out in 宋, and check and build say so at the character', () => {
  const { dir, done } = office({
    'bulletin.config.yaml': 'theme: gongwen\nfonts:\n  fangsong: { family: 仿宋_GB2312, fallback: [song] }\n',
    'issues/a.yaml': WANG_KUN,
    'winfonts/FS_GB2312.TTF': FANGSONG_GB2312,
  });
  try {
    const env = { BULLETIN_FONT_DIRS: join(dir, 'winfonts') };
    const check = bulletin(['check', 'issues'], dir, env);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /^issues\/a\.yaml:13:39: warning: '堃' \(U\+5803\) in body text is printed in NotoSerifCJKsc-Regular \(Noto Serif CJK SC\), a fallback: FangSong_GB2312, the face of the text around it, has no glyph for it \[font-fallback\]$/m);
    assert.match(check.stdout, /1 file, 1 warning\n$/);
    assert.equal(bulletin(['check', '--strict', 'issues/a.yaml'], dir, env).status, 1);
    const build = bulletin(['build', 'issues/a.yaml'], dir, env);
    assert.equal(build.status, 0, build.stderr);
    assert.match(build.stderr, /warning: '堃' .*\[font-fallback\]/);
    const fonts = spawnSync('pdffonts', [join(dir, 'issues', 'a.pdf')], { encoding: 'utf8' });
    if (fonts.status === 0) assert.match(fonts.stdout, /\+FangSong_GB2312 +CID Type 0C/);
    // The fonts report names the config's layers and the face the name was found as.
    const report = bulletin(['fonts', 'issues/a.yaml'], dir, env);
    assert.match(report.stdout, /^Font chains of the default theme \+ the built-in theme gongwen \+ bulletin\.config\.yaml \(fonts:\):/);
    assert.match(report.stdout, /FangSong_GB2312 +winfonts\/FS_GB2312\.TTF/);
  } finally {
    done();
  }
});

test('rule levels in the config: font-fallback an error stops the build; off silences it; a suppression comment too', () => {
  const { dir, done } = office({
    'bulletin.config.yaml': 'theme: gongwen\nrules:\n  font-fallback: error\n',
    'a.yaml': WANG_KUN,
    'off/bulletin.config.yaml': 'theme: gongwen\nrules: { font-fallback: off }\n',
    'off/a.yaml': WANG_KUN,
    'b.yaml': WANG_KUN.replace('          - 一是加强监督', '          # bulletin-disable-next-line font-fallback -- 人名，已核对\n          - 一是加强监督'),
  });
  try {
    const strict = bulletin(['build', 'a.yaml'], dir);
    assert.equal(strict.status, 1);
    assert.match(strict.stderr, /error: '堃' .*\[font-fallback\]/);
    assert.match(strict.stderr, /bulletin build: a\.yaml not built: 1 error\n$/);
    assert.equal(bulletin(['check', 'off/a.yaml'], dir).stdout, '1 file, no problems\n');
    assert.equal(bulletin(['check', 'b.yaml'], dir).stdout, '1 file, no problems\n');
    assert.equal(bulletin(['check', '--no-config', 'a.yaml'], dir).stdout, '1 file, no problems\n', 'without the config: the default theme, no fallback');
    assert.equal(bulletin(['check', '--config', 'off/bulletin.config.yaml', 'a.yaml'], dir).stdout, '1 file, no problems\n');
  } finally {
    done();
  }
});

test('check --theme: glyphs and title lengths against the fonts that will print', () => {
  const { dir, done } = office({ 'a.yaml': WANG_KUN, 't.yaml': 'title: { maxLines: 1, size: 初号 }\n' });
  try {
    assert.equal(bulletin(['check', 'a.yaml'], dir).stdout, '1 file, no problems\n');
    const gongwen = bulletin(['check', '--theme', 'gongwen', 'a.yaml'], dir);
    assert.match(gongwen.stdout, /warning: '堃' .*FandolFang-Regular .*\[font-fallback\]/);
    const titles = bulletin(['check', '--theme', 't.yaml', 'a.yaml'], dir);
    assert.equal(titles.status, 1);
    assert.match(titles.stdout, /error: .*\[title-too-long\]/);
  } finally {
    done();
  }
});

test('a font name no installed font has, and a font file that is not there: located at the config’s line, exit 2', () => {
  const { dir, done } = office({
    'bulletin.config.yaml': 'fonts:\n  song: 仿宋GB2313\n',
    'a.yaml': ISSUE_YAML,
    'file/bulletin.config.yaml': 'fonts:\n  song: fonts/fangsong_gb2312.ttf\n',
    'file/a.yaml': ISSUE_YAML,
    'file/fonts/FangSong_GB2312.TTF': FANGSONG_GB2312,
    'winfonts/FS_GB2312.TTF': FANGSONG_GB2312,
  });
  try {
    const r = bulletin(['build', 'a.yaml'], dir, { BULLETIN_FONT_DIRS: join(dir, 'winfonts') });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^bulletin\.config\.yaml:2:9: error: no font named “仿宋GB2313” is installed on this computer \(looked through .*winfonts\); installed fonts with a similar name: “仿宋_GB2312”/m);
    assert.match(r.stderr, /= hint: install the font, or give its file instead/);
    const f = bulletin(['check', 'a.yaml'], join(dir, 'file'));
    assert.equal(f.status, 2);
    assert.match(f.stdout, /^bulletin\.config\.yaml:2:9: error: font file not found: .*fonts\/fangsong_gb2312\.ttf; did you mean fonts\/FangSong_GB2312\.TTF\? \[theme\]$/m);
    assert.match(f.stdout, /= hint: bulletin fonts lists the faces each role uses/);
  } finally {
    done();
  }
});

test('build writes into the config’s output directory (made when missing); -o still decides', () => {
  const { dir, done } = office({ 'bulletin.config.yaml': 'output: out/pdf\n', 'issues/a.yaml': ISSUE_YAML });
  try {
    const r = bulletin(['build', 'a.yaml'], join(dir, 'issues'));
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(dir, 'out', 'pdf', 'a.pdf')));
    assert.match(r.stdout, /^\/.*out\/pdf\/a\.pdf — 1 page/);
    assert.equal(bulletin(['build', 'issues/a.yaml', '-o', 'x.pdf'], dir).status, 0);
    assert.ok(existsSync(join(dir, 'x.pdf')));
  } finally {
    done();
  }
});

test('a broken config stops every command with its problems located; --no-config leaves it out', () => {
  const { dir, done } = office({ 'bulletin.config.yaml': 'rules:\n  dahs: off\n', 'issues/a.yaml': ISSUE_YAML });
  try {
    for (const args of [['check', 'issues/a.yaml'], ['build', 'issues/a.yaml'], ['fonts'], ['new', '-o', 'issues/b.yaml']]) {
      const r = bulletin(args, dir);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stdout + r.stderr, /bulletin\.config\.yaml:2:3: error: “dahs” is not a rule id bulletin knows — did you mean dash\? \[config-rules\]\n 2 \|   dahs: off\n/, args.join(' '));
      assert.match(r.stderr, /the config bulletin\.config\.yaml has errors; fix them, or run with --no-config to leave it out\n$/);
    }
    assert.equal(bulletin(['check', '--no-config', 'issues/a.yaml'], dir).status, 0);
  } finally {
    done();
  }
});

test('new finds issues/ beside the config when run in another folder of the project', () => {
  const { dir, done } = office({ 'bulletin.config.yaml': 'language: zh\n', 'issues/a.yaml': ISSUE_YAML, 'notes/readme.txt': '' });
  try {
    const r = bulletin(['new', '--date', '2024-06-08'], join(dir, 'notes'));
    assert.equal(r.status, 0, r.stderr);
    // The config says language: zh, and is found from notes/ too.
    assert.match(r.stdout, /issues\/701\.yaml：第6期（总第701期），2024-06-08，接续 .*issues\/a\.yaml/);
    assert.ok(existsSync(join(dir, 'issues', '701.yaml')));
  } finally {
    done();
  }
});

test('patterns and folders are expanded by bulletin itself', () => {
  const { dir, done } = office({ 'issues/2024/a.yaml': ISSUE_YAML, 'issues/2024/b.yml': ISSUE_YAML.replace('number: 5', 'number: 6').replace('total: 700', 'total: 701').replace('2024-06-01', '2024-06-08'), 'issues/.draft/c.yaml': 'x: [', 'issues/bulletin.config.yaml': '{}\n' });
  try {
    assert.equal(bulletin(['check', 'issues'], dir).stdout, '2 files, no problems\n');
    assert.equal(bulletin(['check', 'issues/**/*.yaml'], dir).stdout, '1 file, no problems\n');
    assert.equal(bulletin(['check', 'issues/2024/*.{yaml,yml}'], dir).stdout, '2 files, no problems\n');
    const none = bulletin(['check', 'issues/*.yaml'], dir);
    assert.equal(none.status, 2);
    assert.equal(none.stderr, 'bulletin check: no issue files (.yaml, .yml) match issues/*.yaml\n');
  } finally {
    done();
  }
});

test('the office sample repository checks, with its rule levels and suppressions', () => {
  const sample = join(PACKAGE_ROOT, 'test', 'fixtures', 'office');
  const r = bulletin(['check', 'issues', '--lang', 'en'], sample);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^issues\/2024-05\.yaml:\d+:\d+: warning: '堃' \(U\+5803\) in body text .*\[font-fallback\]$/m);
  assert.match(r.stdout, /2 files, 1 warning\n$/);
  // Its config says language: zh: the same finding, rule id and exit status, in Chinese.
  const zh = bulletin(['check', 'issues'], sample);
  assert.equal(zh.status, r.status);
  assert.match(zh.stdout, /^issues\/2024-05\.yaml:\d+:\d+: 警告：正文中的“堃”（U\+5803）用后备字体 .*\[font-fallback\]$/m);
  assert.match(zh.stdout, /检查2个文件：1处警告\n$/);
  assert.ok(readFileSync(join(sample, 'issues', '2024-06.yaml'), 'utf8').includes('# bulletin-disable-next-line font-fallback'));
});
