/**
 * Suppression comments (src/check/suppress.ts) through the whole check: what they silence, what
 * --fix leaves alone under them, and what is said about the comments themselves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles } from '../../src/app/check.js';
import { loadIssueSource } from '../../src/issue/load.js';
import { suppressionsOf } from '../../src/check/suppress.js';

const HEAD = 'bulletin: 测试信息\nnumber: 1\npublisher: 测试室编\ndate: 2024-01-05\nsections:\n  - name: 要闻\n    articles:\n      - title: 标题\n        body:\n';

async function check(body: string, options: { fix?: boolean; theme?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-suppress-'));
  try {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, HEAD + body);
    const result = await checkFiles([file], { config: false, ...options });
    const shown = result.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code}`);
    return { result, shown, text: readFileSync(file, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('# bulletin-disable-next-line silences the rules named on the next line only', async () => {
  const { shown } = await check([
    '          # bulletin-disable-next-line punct-halfwidth, space-in-cjk -- 原文如此',
    '          - 会议强调,要把 问题作为重点。',
    '          - 会议强调,要把 问题作为重点。',
    '',
  ].join('\n'));
  assert.deepEqual(shown, ['12:17 error punct-halfwidth', '12:20 warning space-in-cjk']);
});

test('the next line that holds more than comments; and the rest of a text that starts on it', async () => {
  const { shown } = await check([
    '          # bulletin-disable-next-line punct-halfwidth, space-in-cjk',
    '',
    '          # 下一段是原文',
    '          - 会议强调,要把问题',
    '            作为重点,抓好落实。',
    '          - 第二段,也有。',
    '',
  ].join('\n'));
  assert.deepEqual(shown, ['15:16 error punct-halfwidth']);
});

test('# bulletin-disable silences a rule in the whole file', async () => {
  const { shown } = await check('          - 会议强调,要把问题作为重点。\n          - 第二段,也有。\n# bulletin-disable punct-halfwidth\n');
  assert.deepEqual(shown, []);
});

test('a suppression that silences nothing is a note; an unknown rule id a warning with the nearest id; a guard cannot be silenced', async () => {
  const { result, shown } = await check([
    '          # bulletin-disable-next-line quote-style',
    '          - 会议强调，要把问题作为重点。',
    '          # bulletin-disable-next-line punct-halfwdth',
    '          - 第二段,也有。',
    '          # bulletin-disable-next-line glyph-coverage',
    '          - 第三段。',
    '          # bulletin-disable-nextline dash',
    '          - 第四段。',
    '          # bulletin-disable-next-line',
    '          - 第五段。',
    '',
  ].join('\n'));
  assert.deepEqual(shown, [
    '10:40 info unused-suppression',
    '12:40 warning suppression',
    '13:16 error punct-halfwidth',
    '14:40 warning suppression',
    '16:13 warning suppression',
    '18:11 warning suppression',
  ]);
  const byLine = new Map(result.diagnostics.map((d) => [d.line, d]));
  assert.equal(byLine.get(10)!.message, 'this comment silences quote-style on line 11, but quote-style finds nothing there');
  assert.equal(byLine.get(12)!.message, '“punct-halfwdth” is not a rule id bulletin knows (did you mean punct-halfwidth?), so this comment silences nothing');
  assert.match(byLine.get(14)!.message, /^glyph-coverage cannot be silenced/);
  assert.equal(byLine.get(16)!.message, '“bulletin-disable-nextline” is not a bulletin comment; did you mean bulletin-disable-next-line?');
  assert.equal(byLine.get(18)!.message, '“# bulletin-disable-next-line” names no rule to silence');
});

test('--fix does not repair what a comment silences', async () => {
  const { text } = await check('          # bulletin-disable-next-line punct-halfwidth\n          - 原文,照录。\n          - 改正,照改。\n', { fix: true });
  assert.match(text, /- 原文,照录。/);
  assert.match(text, /- 改正，照改。/);
});

test('a # inside quoted text or a block is not a comment', () => {
  const loaded = loadIssueSource(HEAD + "          - '# bulletin-disable-next-line dash'\n          - |-\n            # bulletin-disable dash\n", 'a.yaml');
  assert.deepEqual(suppressionsOf(loaded).list, []);
  assert.deepEqual(suppressionsOf(loaded).problems, []);
});
