/**
 * The paste corpus: text as editors paste it (paste-cases.ts), each run as an editor runs it —
 * `bulletin check`, then `bulletin check --fix` — asserting the exact first line check prints,
 * its exit status, what --fix writes, the exit status after it, and that every visible character
 * typed is still in the file (and, where the file then loads, in the issue). The commands run
 * in this process through the CLI's own check command (runCheck), output captured; a few run
 * as the built program too, to show the two agree.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeIssueBytes } from '../../src/issue/encoding.js';
import { loadIssueFile } from '../../src/issue/load.js';
import { CASES, issue } from './paste-cases.js';
import { runCheck } from '../../src/cli/check.js';
import { bulletin, lines, removeScratch, scratch } from './support.js';

/** `bulletin check ARGS` in this process: its exit status and what it printed. */
async function check(args: string[], options: Record<string, unknown> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const write = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string) => { out.push(String(chunk)); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => { err.push(String(chunk)); return true; }) as typeof process.stderr.write;
  try {
    const status = await runCheck(args, options);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write.stdout;
    process.stderr.write = write.stderr;
  }
}

type Fixed = 'unchanged' | Array<[line: number, text: string]> | { file: string };

interface Expected {
  status: number;
  first: string;
  fixStatus: number;
  /** The file after --fix: unchanged, these lines changed, or exactly this text (as UTF-8). */
  fixed: Fixed;
}

const EXPECTED: Record<string, Expected> = {
  "WeChat/Weibo hashtag in the middle of a paragraph": {
    status: 1,
    first: "issue.yaml:13:31: error: “#西湖代表通# 阅读量超过10万次。” is left out of the paragraph: YAML reads a # after a space as the start of a comment [comment-in-text]",
    fixStatus: 0,
    fixed: [[13, "          - '此次活动在微博上引发热议，相关话题 #西湖代表通# 阅读量超过10万次。'"]],
  },
  "Weibo hashtag opening a paragraph": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with #, which YAML reads as a comment: “#两会进行时# 市人大代表走进社区倾听…” is not printed and the paragraph is empty [comment-in-text]",
    fixStatus: 0,
    fixed: [[13, "          - '#两会进行时# 市人大代表走进社区倾听民意。'"]],
  },
  "numbers written #1": {
    status: 1,
    first: "issue.yaml:13:24: error: “#1 至 #36 号。” is left out of the paragraph: YAML reads a # after a space as the start of a comment [comment-in-text]",
    fixStatus: 0,
    fixed: [[13, "          - '截至目前，已办结建议 #1 至 #36 号。'"]],
  },
  "a # typed as a separator, one space either side": {
    status: 1,
    first: "issue.yaml:13:25: error: “# 确保取得实效。” is left out of the paragraph: YAML reads a # after a space as the start of a comment [comment-in-text]",
    fixStatus: 0,
    fixed: [[13, "          - '会议要求各单位抓好落实 # 确保取得实效。'"]],
  },
  "a note to self after two spaces (reported, not repaired)": {
    status: 1,
    first: "issue.yaml:13:29: error: “# 待核实” is left out of the paragraph: YAML reads a # after a space as the start of a comment [comment-in-text]",
    fixStatus: 1,
    fixed: 'unchanged',
  },
  "a hashtag in a byline": {
    status: 1,
    first: "issue.yaml:14:26: error: “#代表在身边# 张三” is left out of the byline: YAML reads a # after a space as the start of a comment [comment-in-text]",
    fixStatus: 0,
    fixed: [[14, "        byline: '上城区人大常委会 #代表在身边# 张三'"]],
  },
  "the template’s own trailing comment stays legal": {
    status: 0,
    first: "1 file, no problems",
    fixStatus: 0,
    fixed: 'unchanged',
  },
  "half-width colon and space between Chinese (the commonest paste)": {
    status: 1,
    first: "issue.yaml:13:18: error: a half-width colon and a space (\": \") in the paragraph: YAML reads “检查组建议” as a field name here and cuts the paragraph in two [colon-in-text]",
    fixStatus: 0,
    fixed: [[13, "          - 检查组建议：一是加强统筹，二是压实责任。"]],
  },
  "half-width colon ending a paragraph": {
    status: 1,
    first: "issue.yaml:13:19: error: a half-width colon and a space (\": \") in the paragraph: YAML reads “会议议程如下” as a field name here and cuts the paragraph in two [colon-in-text]",
    fixStatus: 0,
    fixed: [[13, "          - 会议议程如下："]],
  },
  "an English label before Chinese text": {
    status: 1,
    first: "issue.yaml:13:17: error: a half-width colon and a space (\": \") in the paragraph: YAML reads “Tips” as a field name here and cuts the paragraph in two [colon-in-text]",
    fixStatus: 0,
    fixed: [[13, "          - Tips：请各位代表于3月20日前提交建议。"]],
  },
  "Latin on both sides of the colon": {
    status: 1,
    first: "issue.yaml:13:20: error: a half-width colon and a space (\": \") in the paragraph: YAML reads “Contact” as a field name here and cuts the paragraph in two [colon-in-text]",
    fixStatus: 0,
    fixed: [[13, "          - 'Contact: info@zjrd.gov.cn'"]],
  },
  "two colons and a hashtag in one paragraph": {
    status: 1,
    first: "issue.yaml:13:15: error: a half-width colon and a space (\": \") in the paragraph: YAML reads “时间” as a field name here and cuts the paragraph in two [colon-in-text]",
    fixStatus: 0,
    fixed: [[13, "          - '时间：3月15日上午 #代表接待日# 地点：市民中心'"]],
  },
  "a colon in a title": {
    status: 1,
    first: "issue.yaml:10:19: error: a half-width colon and a space (\": \") in the title: YAML reads “临安区” as a field name here and cuts the title in two [colon-in-text]",
    fixStatus: 0,
    fixed: [[10, "      - title: 临安区：强化司法监督 维护司法公正"]],
  },
  "a colon in a sub-heading": {
    status: 1,
    first: "issue.yaml:13:28: error: a half-width colon and a space (\": \") in the sub-heading: YAML reads “一、主要做法” as a field name here and cuts the sub-heading in two [colon-in-text]",
    fixStatus: 0,
    fixed: [[13, "          - heading: 一、主要做法：三个结合"]],
  },
  "a brief opening with its bold lead, unquoted (every 信息摘登 lead)": {
    status: 1,
    first: "issue.yaml:18:13: error: the brief starts with **, which YAML reads as a reference to another value (an alias), not as text [text-start]",
    fixStatus: 0,
    fixed: [[18, "          - '**上城区人大常委会**召开街道人大工作会议。'"]],
  },
  "an asterisk note": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with *, which YAML reads as a reference to another value (an alias), not as text [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '*注：以上数据为初步统计。'"]],
  },
  "a quotation opening a title, more text after it": {
    status: 1,
    first: "issue.yaml:10:16: error: the title starts with a quotation mark \", so YAML takes “代表联络站+” as the whole title and cannot read the text after the second \" [text-start]",
    fixStatus: 0,
    fixed: [[10, "      - title: '“代表联络站+”让民意直通车跑出加速度'"]],
  },
  "single quotes opening a paragraph": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with a quotation mark ', so YAML takes “三难” as the whole paragraph and cannot read the text after the second ' [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - \"“三难”问题得到有效解决。\""]],
  },
  "double quotes opening a paragraph": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with a quotation mark \", so YAML takes “最多跑一次” as the whole paragraph and cannot read the text after the second \" [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '“最多跑一次”改革持续深化'"]],
  },
  "a quotation mark never closed": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with a quotation mark \" that is never closed, so YAML reads the lines after it as part of a quotation [text-start]",
    fixStatus: 1,
    fixed: [[13, "          - '\"会议指出，要进一步加强代表联络站建设。'"]],
  },
  "a bracketed tag from a web page": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with [, which YAML reads as the start of a list, not as text [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '[重要]市人大常委会召开党组会议。'"]],
  },
  "a brace opening a paragraph": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with {, which YAML reads as the start of a set of fields, not as text [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '{附件}会议材料另行印发。'"]],
  },
  "a quoted reply pasted from WeChat": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with >, which YAML reads as the start of a block of text on the lines below [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '> 代表建议：加快推进老旧小区改造。'"]],
  },
  "a table cell pasted from a web page": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with |, which YAML reads as the start of a block of text on the lines below [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '| 数据来源：市统计局'"]],
  },
  "a percent sign opening a paragraph": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with %, which YAML keeps for its own directives [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '%90以上的建议已办结。'"]],
  },
  "a WeChat mention": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with @, a character YAML does not allow at the start of unquoted text [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '@各区县（市）人大常委会请于3月20日前报送。'"]],
  },
  "an HTML entity from a web page": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with &, which YAML reads as a name for the value (an anchor): the text after it is lost [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '会议由市人大常委会副主任主持。'"]],
  },
  "an exclamation mark opening a paragraph": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with !, which YAML reads as a type tag, not as text [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '！重要提示：请按时参会。'"]],
  },
  "a Markdown code span": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with `, a character YAML does not allow at the start of unquoted text [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '`bulletin check` 命令检查刊物文件。'"]],
  },
  "a Word list item with its dash": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with “- ”, which YAML reads as a list inside the paragraph (a bullet pasted from a Word list?) [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '- 加强代表联络站建设。'"]],
  },
  "a question mark and a space": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with “? ”, which YAML reads as a field name [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '? 如何进一步提高建议办理质量'"]],
  },
  "a comma left from the previous paragraph": {
    status: 1,
    first: "issue.yaml:13:13: error: the paragraph starts with a half-width comma, which YAML does not allow at the start of unquoted text [text-start]",
    fixStatus: 0,
    fixed: [[13, "          - '，会议指出，要压实责任。'"]],
  },
  "the body pasted as one | block of three paragraphs": {
    status: 1,
    first: "issue.yaml:11:15: error: the body is written as one | block (3 paragraph(s)); the format wants a list: one “- ” item per paragraph [block-paragraphs]",
    fixStatus: 0,
    fixed: { file: issue({ paragraph: '会议强调，要加强监督。\n          - 会议要求，抓好落实。' }) },
  },
  "one paragraph item holding two paragraphs in a | block": {
    status: 1,
    first: "issue.yaml:13:13: error: this | block holds 2 paragraphs separated by blank lines, but is one paragraph: they would print run together [block-paragraphs]",
    fixStatus: 0,
    fixed: { file: issue({ paragraph: '会议强调，要加强监督。\n          - 会议要求，抓好落实。' }) },
  },
  "a > block of two paragraphs, each wrapped over two lines": {
    status: 1,
    first: "issue.yaml:13:13: error: this > block holds 2 paragraphs separated by blank lines, but is one paragraph: they would print run together [block-paragraphs]",
    fixStatus: 0,
    fixed: { file: issue({ paragraph: '会议强调，要加强监督。\n          - 会议要求，抓好落实。' }) },
  },
  "a key indented with a tab (Notepad++)": {
    status: 1,
    first: "issue.yaml:14:1: error: a tab indents this line: YAML indents with spaces only [tab-indent]",
    fixStatus: 0,
    fixed: [[14, "        byline: 代表工委 张尚辉"]],
  },
  "a file indented with tabs throughout": {
    status: 1,
    first: "issue.yaml:8:1: error: a tab indents this line and 8 more (lines 9, 10, 11, 12, 13, …): YAML indents with spaces only [tab-indent]",
    fixStatus: 0,
    fixed: [[8, "  - name: 要闻速递"], [9, "    articles:"], [10, "      - title: 市人大常委会部署开展代表主题活动"], [11, "        body:"], [12, "          - 近期，市人大常委会召开会议。"], [13, "          - 会议强调，要加强监督。"], [14, "        byline: 代表工委 张尚辉"], [15, "  - name: 信息摘登"], [16, "    briefs:"], [17, "      - body:"], [18, "          - '**滨江区人大常委会**深入开展调研。'"], [19, "        byline: 滨江区人大常委会 应明芮"]],
  },
  "saved as GBK (Notepad “ANSI”)": {
    status: 1,
    first: "issue.yaml:1:1: error: the file is saved in the Chinese GBK/GB18030 encoding (what Notepad and WPS call “ANSI”), not UTF-8 [encoding]",
    fixStatus: 0,
    fixed: { file: issue() },
  },
  "saved as UTF-16 with a byte-order mark (Notepad “Unicode”)": {
    status: 1,
    first: "issue.yaml:1:1: error: the file is saved as UTF-16 text (what Notepad calls “Unicode”), not UTF-8 [encoding]",
    fixStatus: 0,
    fixed: { file: issue() },
  },
  "saved as UTF-16 big-endian without a byte-order mark": {
    status: 1,
    first: "issue.yaml:1:1: error: the file is saved as UTF-16 text (what Notepad calls “Unicode”), not UTF-8 [encoding]",
    fixStatus: 0,
    fixed: { file: issue() },
  },
  "a GBK line pasted into a UTF-8 file (not converted: it would garble the rest)": {
    status: 1,
    first: "issue.yaml:13:13: error: the file is not valid UTF-8 text here (13 damaged character(s)), and not GBK or UTF-16 either [encoding]",
    fixStatus: 1,
    fixed: 'unchanged',
  },
  "a Word soft line break (Shift+Enter)": {
    status: 1,
    first: "issue.yaml:13:18: error: Word soft line break (U+2028) in the text: a line break pasted from Word (Shift+Enter); it would print as a box or nothing [paste-debris]",
    fixStatus: 0,
    fixed: [[13, "          - 会议强调，要加强监督。"]],
  },
  "zero-width spaces from a WeChat article": {
    status: 1,
    first: "issue.yaml:13:17: error: invisible zero-width character (U+200B) in the text: pasted with text from a web page or WeChat; it prints as nothing or a box [paste-debris]",
    fixStatus: 0,
    fixed: [[13, "          - 会议强调，要加强监督。"]],
  },
  "a no-break space between Chinese characters (Word)": {
    status: 1,
    first: "issue.yaml:13:21: error: no-break space (U+00A0) in the text: a space pasted from Word or a web page; the typesetter spaces the text itself [paste-debris]",
    fixStatus: 0,
    fixed: [[13, "          - 会议强调，要加强监督。"]],
  },
  "a no-break space between two Latin words": {
    status: 1,
    first: "issue.yaml:13:20: error: no-break space (U+00A0) in the text: a space pasted from Word or a web page; the typesetter spaces the text itself [paste-debris]",
    fixStatus: 0,
    fixed: [[13, "          - 推进Smart City建设。"]],
  },
  "a soft hyphen inside a Latin word": {
    status: 1,
    first: "issue.yaml:13:26: error: soft hyphen (U+00AD) in the text: an invisible hyphenation point pasted from Word [paste-debris]",
    fixStatus: 0,
    fixed: [[13, "          - 推进informationization建设。"]],
  },
  "a Word Symbol-font bullet and its tab": {
    status: 1,
    first: "issue.yaml:13:13: error: Word list bullet (U+F0B7) in the text: a bullet from a Word list, in Word’s private Symbol-font code; no font prints it [paste-debris]",
    fixStatus: 0,
    fixed: [[13, "          - 加强代表联络站建设。"]],
  },
  "a first-line indent typed as two full-width spaces": {
    status: 1,
    first: "issue.yaml:13:13: error: full-width space indent (U+3000) in the text: the typesetter indents every paragraph itself [paste-debris]",
    fixStatus: 0,
    fixed: [[13, "          - 近期，市人大常委会召开会议。"]],
  },
  "a byte-order mark inside a paragraph (files joined)": {
    status: 1,
    first: "issue.yaml:13:17: error: byte-order mark (U+FEFF) in the text: an invisible mark left inside the text where two files were joined; it prints as nothing or a box [paste-debris]",
    fixStatus: 0,
    fixed: [[13, "          - 会议强调要加强监督。"]],
  },
  "the placeholder of a picture left in copied text": {
    status: 1,
    first: "issue.yaml:13:23: error: embedded-object placeholder (U+FFFC) in the text: left where a picture or object was in the copied text; it prints as a box [paste-debris]",
    fixStatus: 0,
    fixed: [[13, "          - 会议强调，要加强监督。"]],
  },
  "HTML entities inside a paragraph copied from a web page": {
    status: 1,
    first: "issue.yaml:13:25: error: web page code &nbsp; in the text: HTML code copied with the text of a web page instead of the character it stands for [paste-debris]",
    fixStatus: 0,
    fixed: [[13, "          - 会议由市人大常委会副主任主持，“代表之家”负责人参加。"]],
  },
  "an example title left from bulletin new": {
    status: 1,
    first: "issue.yaml:10:16: error: the title still holds the example text “在此填写文章标题” that bulletin new wrote [placeholder]",
    fixStatus: 1,
    fixed: 'unchanged',
  },
  "a title ending in a full stop": {
    status: 0,
    first: "issue.yaml:10:28: warning: a title takes no 。 at its end (titles and headings end without 。：；，) [title-punct]",
    fixStatus: 0,
    fixed: [[10, "      - title: 市人大常委会召开党组会议"]],
  },
  "a sub-heading ending in a colon": {
    status: 0,
    first: "issue.yaml:13:28: warning: a sub-heading takes no ： at its end (titles and headings end without 。：；，) [title-punct]",
    fixStatus: 0,
    fixed: [[13, "          - heading: 一、主要做法"]],
  },
  "a title that asks a question keeps its ？": {
    status: 0,
    first: "1 file, no problems",
    fixStatus: 0,
    fixed: 'unchanged',
  },
  "single quotes at the outer level": {
    status: 1,
    first: "issue.yaml:13:15: error: straight single quotes '…' in Chinese text: use “…” [quote-style]",
    fixStatus: 0,
    fixed: [[13, "          - 推动“三难”问题有效解决。"]],
  },
  "curly single quotes at the outer level": {
    status: 1,
    first: "issue.yaml:13:15: error: single quotes ‘…’ at the outer level: Chinese text takes “…” outside and ‘…’ only inside them [quote-style]",
    fixStatus: 0,
    fixed: [[13, "          - 深化“最多跑一次”改革。"]],
  },
  "quotes inside quotes, typed straight": {
    status: 1,
    first: "issue.yaml:13:16: error: straight double quotes \"…\" in Chinese text: use “…” [quote-style]",
    fixStatus: 0,
    fixed: [[13, "          - 他说：“要解决‘三难’问题”。"]],
  },
};

/** Letters, digits, Han and the marks no rule rewrites, quotes and brackets by kind (as in paste-property). */
function visible(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    let c = '';
    if (/["'“”‘’]/.test(ch)) c = 'Q';
    else if (/[([{【〔]/.test(ch)) c = '(';
    else if (/[)\]}】〕]/.test(ch)) c = ')';
    else if (/[\p{Script=Han}A-Za-z0-9#@%&|>!?:;,`<=+/\\^$]/u.test(ch)) c = ch;
    if (c && !(/[:;,]/.test(c) && out.endsWith(c))) out += c;
  }
  return out;
}

function holds(hay: string, needle: string): boolean {
  let k = 0;
  for (let i = 0; i < hay.length && k < needle.length; i++) if (hay[i] === needle[k]) k++;
  return k === needle.length;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** An HTML entity stands for a character: what was typed is that character. */
const decodeEntities = (text: string): string => text.replace(/&nbsp;/g, ' ').replace(/&ldquo;/g, '“').replace(/&rdquo;/g, '”');

/** The file's text, in whatever encoding it was saved (a damaged one with its damage). */
const textOf = (bytes: Buffer): string => decodeIssueBytes(bytes).text;

const dir = scratch();
after(() => removeScratch(dir));

test('the corpus has at least 40 cases, each with its expectations', () => {
  assert.ok(CASES.length >= 40, `${CASES.length} cases`);
  assert.deepEqual(CASES.map((c) => c.name).filter((n) => !(n in EXPECTED)), []);
  assert.deepEqual(Object.keys(EXPECTED).filter((n) => !CASES.some((c) => c.name === n)), []);
});

for (const [k, c] of CASES.entries()) {
  test(`pasted: ${c.name}`, async () => {
    const expected = EXPECTED[c.name];
    const file = join(dir, `case${k}.yaml`);
    writeFileSync(file, c.input);
    const original = readFileSync(file);

    const before = await check([file]);
    assert.equal(before.stderr, '');
    assert.equal(lines(before.stdout)[0], expected.first.replace(/^issue\.yaml/, file));
    assert.equal(before.status, expected.status, before.stdout);
    assert.deepEqual(readFileSync(file), original, 'check alone writes nothing');

    const fix = await check([file], { fix: true });
    assert.equal(fix.status, expected.fixStatus, fix.stdout);
    const after = readFileSync(file);
    const text = after.toString('utf8');
    if (expected.fixed === 'unchanged') {
      assert.deepEqual(after, original, 'left byte for byte as it was');
    } else if ('file' in expected.fixed) {
      assert.equal(text, expected.fixed.file);
    } else {
      const was = original.toString('utf8').split('\n');
      const changed = text.split('\n').map((l, i) => [i + 1, l] as [number, string]).filter(([n, l]) => l !== was[n - 1]);
      assert.deepEqual(changed, expected.fixed);
    }

    // Nothing typed is lost: in the file, and in the issue where the file now loads.
    const typed = visible(decodeEntities(c.typed));
    assert.ok(holds(visible(textOf(after)), typed), `typed ${JSON.stringify(c.typed)} is not all in:\n${text}`);
    const loaded = loadIssueFile(file);
    if (loaded.issue) assert.ok(holds(visible(strings(loaded.issue).join('\n')), typed), `typed ${JSON.stringify(c.typed)} is not all in the issue`);
    if (expected.fixStatus === 0) assert.ok(loaded.issue, 'the repaired file loads as an issue');
  });
}

test('the built program agrees: first line, exit status and repair of a few cases', () => {
  for (const name of ['WeChat/Weibo hashtag in the middle of a paragraph', 'saved as GBK (Notepad “ANSI”)', 'a note to self after two spaces (reported, not repaired)']) {
    const c = CASES.find((x) => x.name === name)!;
    const expected = EXPECTED[name];
    writeFileSync(join(dir, 'issue.yaml'), c.input);
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const run = bulletin(dir, ['check', 'issue.yaml'], 60_000, env);
    assert.equal(lines(run.stdout)[0], expected.first, name);
    assert.equal(run.status, expected.status, name);
    const fix = bulletin(dir, ['check', '--fix', 'issue.yaml'], 60_000, env);
    assert.equal(fix.status, expected.fixStatus, name);
  }
});
