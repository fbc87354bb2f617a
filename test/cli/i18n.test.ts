/**
 * bulletin in Chinese: the same run under LANG=zh_CN.UTF-8 and under an English locale reports
 * the same files, lines, columns, rule ids and exit status, in other words; --help and
 * commander's own errors are Chinese too; --lang overrides the locale both ways.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayWidth } from '../../src/diag/width.js';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';

const LINT = 'test/fixtures/lint/messy.yaml';
const COMMANDS = ['build', 'check', 'new', 'fonts'];

/** The built CLI under the locale `lang` (and nothing else of the caller's locale). */
function bulletin(lang: string, args: string[], extra: NodeJS.ProcessEnv = {}, cwd = PACKAGE_ROOT): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang, ...extra };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LC_CTYPE', 'LANGUAGE', 'BULLETIN_AMBIGUOUS_WIDTH', 'FORCE_COLOR']) if (!(name in extra)) delete env[name];
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const zh = (args: string[], extra?: NodeJS.ProcessEnv) => bulletin('zh_CN.UTF-8', args, extra);
const en = (args: string[], extra?: NodeJS.ProcessEnv) => bulletin('en_US.UTF-8', args, extra);

const HAN = /[\u4e00-\u9fff]/;
/** `FILE:LINE:COL: label message [rule]`: the place, the rest, the rule id. */
const HEADER = /^(\S+:\d+:\d+:) (.*) \[([a-z0-9-]+)\]$/;

function headers(out: string): Array<{ place: string; text: string; rule: string }> {
  return out.split('\n').flatMap((line) => {
    const m = HEADER.exec(line);
    return m ? [{ place: m[1], text: m[2], rule: m[3] }] : [];
  });
}

test('LANG=zh_CN.UTF-8 bulletin check on the lint fixture: the same findings and exit status, in Chinese', () => {
  const e = en(['check', LINT]);
  const z = zh(['check', LINT]);
  assert.equal(e.status, 1);
  assert.equal(z.status, e.status);
  const he = headers(e.stdout);
  const hz = headers(z.stdout);
  assert.ok(he.length >= 25, `${he.length} findings`);
  assert.equal(hz.length, he.length);
  for (let k = 0; k < he.length; k++) {
    assert.equal(hz[k].place, he[k].place, `finding ${k + 1}`);
    assert.equal(hz[k].rule, he[k].rule, `finding ${k + 1}`);
    assert.notEqual(hz[k].text, he[k].text, `finding ${k + 1}`);
    assert.match(he[k].text, /^(error|warning|note): /);
    assert.match(hz[k].text, /^(错误|警告|提示)：/, hz[k].text);
    assert.match(hz[k].text, HAN);
  }
  // The brief's example, word for word.
  assert.ok(z.stdout.includes(`${LINT}:16:15: 错误：中文之间用了半角逗号“,”，应为“，” [punct-halfwidth]`), z.stdout);
  // The same source lines are shown; every hint line is there in both.
  const sources = (out: string) => out.split('\n').filter((l) => /^ +\d+ \| /.test(l));
  assert.deepEqual(sources(z.stdout), sources(e.stdout));
  assert.equal(z.stdout.split('\n').filter((l) => l.includes(' = 建议：')).length, e.stdout.split('\n').filter((l) => l.includes(' = hint: ')).length);
  // The summary counts the same.
  const eSummary = e.stdout.trim().split('\n').pop()!;
  const zSummary = z.stdout.trim().split('\n').pop()!;
  const numbers = (s: string) => (s.match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b);
  assert.deepEqual(numbers(zSummary), numbers(eSummary));
  assert.match(zSummary, /^检查1个文件：\d+处错误，\d+处警告，\d+处提示；\d+处中有\d+处可用 --fix 自动修正$/);
});

test('--format json and github keep their keys, severities, places and rule ids; only the words change', () => {
  const e = JSON.parse(en(['check', '--format', 'json', LINT]).stdout) as Array<Record<string, unknown>>;
  const z = JSON.parse(zh(['check', '--format', 'json', LINT]).stdout) as Array<Record<string, unknown>>;
  assert.equal(z.length, e.length);
  for (let k = 0; k < e.length; k++) {
    assert.deepEqual(Object.keys(z[k]), Object.keys(e[k]));
    for (const key of ['file', 'line', 'col', 'endLine', 'endCol', 'severity', 'code', 'path', 'fixable']) assert.deepEqual(z[k][key], e[k][key], key);
    assert.notEqual(z[k].message, e[k].message);
    assert.match(String(z[k].message), HAN);
  }
  const prefix = (out: string) => out.split('\n').filter((l) => l.startsWith('::')).map((l) => l.slice(0, l.indexOf('::', 2) + 2));
  const ge = en(['check', '--format', 'github', LINT]);
  const gz = zh(['check', '--format', 'github', LINT]);
  assert.equal(gz.status, ge.status);
  assert.deepEqual(prefix(gz.stdout), prefix(ge.stdout));
  assert.ok(gz.stdout.includes('%0A建议：'), 'a hint follows on its own line');
});

test('--fix --dry-run: the same diff, the same changes at the same lines, in Chinese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-i18n-'));
  try {
    copyFileSync(join(PACKAGE_ROOT, LINT), join(dir, 'messy.yaml'));
    const e = bulletin('en_US.UTF-8', ['check', '--fix', '--dry-run', 'messy.yaml'], {}, dir);
    const z = bulletin('zh_CN.UTF-8', ['check', '--fix', '--dry-run', 'messy.yaml'], {}, dir);
    assert.equal(z.status, e.status);
    const diff = (out: string) => out.slice(0, out.search(/^\S+:\d+:\d+: /m)).split('\n');
    assert.deepEqual(diff(z.stdout), diff(e.stdout));
    const eChanges = e.stdout.split('\n').filter((l) => /^ {2}line \d+: /.test(l));
    const zChanges = z.stdout.split('\n').filter((l) => /^ {2}第\d+行：/.test(l));
    assert.ok(eChanges.length > 10, `${eChanges.length} changes`);
    assert.deepEqual(zChanges.map((l) => /\d+/.exec(l)![0]), eChanges.map((l) => /\d+/.exec(l)![0]));
    assert.deepEqual(zChanges.map((l) => /（([a-z-]+)）$/.exec(l)?.[1]), eChanges.map((l) => /\(([a-z-]+)\)$/.exec(l)?.[1]));
    assert.ok(z.stdout.includes('将修改 messy.yaml：'), z.stdout);
    assert.ok(z.stdout.includes('--dry-run：未写入任何文件'), z.stdout);
    assert.equal(readFileSync(join(dir, 'messy.yaml'), 'utf8'), readFileSync(join(PACKAGE_ROOT, LINT), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--lang zh and --lang en win over the locale; LC_ALL over LC_MESSAGES over LANG', () => {
  const chinese = (out: string) => /^\S+:\d+:\d+: 错误：/m.test(out);
  const english = (out: string) => /^\S+:\d+:\d+: error: /m.test(out);
  assert.ok(chinese(en(['check', '--lang', 'zh', LINT]).stdout));
  assert.ok(chinese(en(['check', '--lang=zh', LINT]).stdout));
  assert.ok(english(zh(['check', '--lang', 'en', LINT]).stdout));
  assert.ok(chinese(bulletin('C', ['--lang', 'zh', 'check', LINT]).stdout));
  assert.ok(english(zh(['check', LINT], { LC_ALL: 'C.UTF-8' }).stdout));
  assert.ok(chinese(en(['check', LINT], { LC_MESSAGES: 'zh_CN.UTF-8' }).stdout));
  assert.ok(english(zh(['check', LINT], { LC_MESSAGES: 'en_US.UTF-8' }).stdout));
  assert.ok(chinese(en(['check', LINT], { LC_ALL: 'zh_TW.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }).stdout));
  const bad = en(['check', '--lang', 'fr', LINT]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /argument 'fr' is invalid\. Allowed choices are en, zh\./);
});

test('--help of every command in Chinese: headings, descriptions, placeholders, examples', () => {
  const top = zh(['--help']);
  assert.equal(top.status, 0);
  assert.match(top.stdout, /^用法：bulletin \[选项\] \[命令\]$/m);
  assert.match(top.stdout, /^选项：$/m);
  assert.match(top.stdout, /^命令：$/m);
  for (const c of COMMANDS) assert.match(top.stdout, new RegExp(`^ {2}${c} .*[\\u4e00-\\u9fff]`, 'm'), c);
  assert.match(top.stdout, /^ {2}help \[命令\] +显示命令帮助$/m);
  assert.match(top.stdout, /\n示例：\n {2}\$ bulletin /);
  assert.doesNotMatch(top.stdout, /Usage:|Options:|Commands:|Examples:|display help|output the version/);
  const englishDescriptions = en(['--help']).stdout;
  for (const c of COMMANDS) {
    const help = zh([c, '--help']);
    assert.equal(help.status, 0, c);
    assert.match(help.stdout, new RegExp(`^用法：bulletin ${c} \\[选项\\]`, 'm'), c);
    assert.match(help.stdout, /^选项：$/m, c);
    assert.match(help.stdout, /\n示例：\n(?: {2}\$ bulletin .*\n)+/, c);
    for (const flag of ['-q, --quiet', '--debug', '-v, --version', '-h, --help', '--lang <语言>']) assert.ok(help.stdout.includes(flag), `${c} --help lacks ${flag}`);
    assert.doesNotMatch(help.stdout, /Usage:|Options:|Arguments:|Examples:|display help|output the version|show stack traces|print nothing/, c);
    // Each option's description is in Chinese.
    const options = help.stdout.split('\n').filter((l) => /^ {2}-/.test(l));
    for (const line of options) assert.match(line, HAN, `${c}: ${line}`);
    // A Chinese description is wrapped to the 80 columns of a terminal, Chinese characters counting two.
    for (const line of help.stdout.split('\n')) assert.ok(displayWidth(line) <= 80, `${c}: ${displayWidth(line)} columns: ${line}`);
    // `help build` is the same text, and the English help is the English one.
    assert.equal(zh(['help', c]).stdout, help.stdout, c);
    assert.match(zh([c, '--help', '--lang', 'en']).stdout, new RegExp(`^Usage: bulletin ${c} \\[options\\]`, 'm'));
  }
  assert.match(zh(['build', '--help']).stdout, /^ {2}-o, --output <输出文件> +PDF 的输出位置/m);
  assert.match(zh(['check', '--help']).stdout, /^参数：$/m);
  assert.match(zh(['check', '--help']).stdout, /^ {2}文件 +简报文件（YAML）/m);
  assert.match(zh(['check', '--help']).stdout, /--format <格式> +输出格式（可选值：“text”、“json”、“github”；默认：\n +“text”）/);
  assert.ok(englishDescriptions.includes('lay out an issue file and write its PDF'));
});

test("commander's own errors in Chinese, with the exit status of a usage error", () => {
  const cases: Array<[string[], RegExp]> = [
    [['check', '--bogus', LINT], /^错误：未知选项“--bogus”$/m],
    [['check', '--formt', 'json', LINT], /^错误：未知选项“--formt”\n（是否应为 --format？）$/m],
    [['check'], /^错误：缺少必需的参数“文件”$/m],
    [['check', '--format', 'xml', LINT], /^错误：选项“--format <格式>”的取值“xml”无效，可选值为 text, json, github。$/m],
    [['check', '--format'], /^错误：选项“--format <格式>”缺少取值$/m],
    [['build', 'a.yaml', 'b.yaml'], /^错误：“build”的参数过多：应有1个，实际给出2个。$/m],
    [['chek', LINT], /^错误：未知命令“chek”\n（是否应为 check？）$/m],
  ];
  for (const [args, expected] of cases) {
    const r = zh(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, expected, args.join(' '));
    assert.doesNotMatch(r.stderr, /^error: /m, args.join(' '));
    // The help shown after the error is the Chinese one.
    assert.match(r.stderr, /用法：bulletin/, args.join(' '));
    const english = en(args);
    assert.equal(english.status, 2);
    assert.match(english.stderr, /^error: /m);
  }
});

test('build, new and fonts report in Chinese; the PDF is the same bytes in either language', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-i18n-'));
  try {
    const epoch = { SOURCE_DATE_EPOCH: '1711670400' };
    const z = zh(['build', 'issues/690.yaml', '-o', join(dir, 'zh.pdf')], epoch);
    const e = en(['build', 'issues/690.yaml', '-o', join(dir, 'en.pdf')], epoch);
    assert.equal(z.status, 0, z.stderr);
    assert.equal(e.status, 0, e.stderr);
    assert.match(z.stdout, /zh\.pdf——共\d+页，\d+ KB，用时[\d.]+秒\n$/);
    assert.match(e.stdout, /en\.pdf — \d+ pages, \d+ KB, [\d.]+ s\n$/);
    assert.ok(readFileSync(join(dir, 'zh.pdf')).equals(readFileSync(join(dir, 'en.pdf'))), 'the same PDF');

    const missing = zh(['build', join(dir, 'none.yaml')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^bulletin build: 无法读取 \S+none\.yaml：文件不存在$/m);

    const made = bulletin('zh_CN.UTF-8', ['new', '-o', 'first.yaml', '--date', '2024-3-29'], {}, dir);
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, /^first\.yaml：第1期（总第1期），2024-03-29，新建模板$/m);
    assert.match(made.stdout, /下一步：替换所有“在此填写……”文字，然后运行 bulletin check first\.yaml/);
    const next = zh(['new', '--from', 'issues/690.yaml', '-o', join(dir, '691.yaml'), '--date', '2024-3-29']);
    assert.equal(next.status, 0, next.stderr);
    assert.match(next.stdout, /691\.yaml：第3期（总第691期），2024-03-29，接续 issues\/690\.yaml\n {2}保留：报头、版记和6个栏目（要闻速递、/);
    const again = zh(['new', '-o', join(dir, 'first.yaml')]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /first\.yaml已存在，保持原样未作改动（可用 -o 另选文件名）/);
    const placeholder = zh(['check', join(dir, 'first.yaml')]);
    assert.equal(placeholder.status, 1);
    assert.match(placeholder.stdout, /错误：标题中仍是 bulletin new 生成的示例文字“在此填写文章标题”/);

    const fonts = zh(['fonts', '-q']);
    assert.equal(fonts.status, 0, fonts.stderr);
    const listed = zh(['fonts']);
    assert.match(listed.stdout, /^默认版式主题的字体链：$/m);
    assert.match(listed.stdout, /个字体角色，\d+种字体$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('schema problems place the field the Chinese way: outer before inner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-i18n-'));
  try {
    const source = readFileSync(join(PACKAGE_ROOT, 'test/fixtures/issues/minimal.yaml'), 'utf8');
    const broken = source.replace('- 第一段正文。', '- 第一段正文。\n          - 123');
    const file = join(dir, 'broken.yaml');
    spawnSync('sh', ['-c', 'cat > "$1"', 'sh', file], { input: broken });
    const e = bulletin('en_US.UTF-8', ['check', 'broken.yaml'], {}, dir);
    const z = bulletin('zh_CN.UTF-8', ['check', 'broken.yaml'], {}, dir);
    assert.equal(z.status, e.status);
    const eLine = headers(e.stdout).find((h) => h.rule === 'wrong-type');
    const zLine = headers(z.stdout).find((h) => h.rule === 'wrong-type');
    assert.ok(eLine && zLine, `${e.stdout}\n${z.stdout}`);
    assert.equal(zLine.place, eLine.place);
    assert.match(eLine.text, /paragraph 2 of article 1 of section /);
    assert.match(zLine.text, /栏目第1篇文章第2段/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
