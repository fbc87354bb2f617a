/**
 * Text as editors paste it into an issue file — from Word, WPS, WeChat, Weibo, web pages and
 * Notepad — each case one realistic input. The expectations live in paste-corpus.test.ts.
 */
import { Buffer } from 'node:buffer';

/** An issue of one article (a paragraph, then the pasted one) and one brief. */
export function issue(options: { paragraph?: string; title?: string; brief?: string; byline?: string; heading?: string; body?: string } = {}): string {
  // `body` is what follows `body:` on its line (a | block); by default, a list of paragraphs.
  const body = options.body !== undefined ? `        body: ${options.body}` : [
    '        body:',
    '          - 近期，市人大常委会召开会议。',
    ...(options.heading ? [`          - heading: ${options.heading}`] : []),
    `          - ${options.paragraph ?? '会议强调，要加强监督。'}`,
  ].join('\n');
  return [
    '# yaml-language-server: $schema=../schema/issue.schema.json',
    'bulletin: 杭州人大信息  # 刊名',
    'number: 2',
    'total: 690',
    'publisher: 杭州市人大常委会研究室编',
    'date: 2024-03-15',
    'sections:',
    '  - name: 要闻速递',
    '    articles:',
    `      - title: ${options.title ?? '市人大常委会部署开展代表主题活动'}`,
    body,
    `        byline: ${options.byline ?? '代表工委 张尚辉'}`,
    '  - name: 信息摘登',
    '    briefs:',
    '      - body:',
    `          - ${options.brief ?? "'**滨江区人大常委会**深入开展调研。'"}`,
    '        byline: 滨江区人大常委会 应明芮',
    '',
  ].join('\n');
}

/** Line 13 holds the pasted paragraph (12 with no heading), line 10 the title, line 17 the brief. */
export const PARAGRAPH_LINE = 13;

export interface PasteCase {
  name: string;
  /** The file as saved: text (written as UTF-8) or bytes. */
  input: string | Buffer;
  /** What the editor typed, whose visible characters must all survive --fix. */
  typed: string;
}

/** GBK bytes of `text` (every character of the texts here is in GBK), built from the decoder's own table. */
export function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

const para = (paragraph: string, name: string): PasteCase => ({ name, input: issue({ paragraph }), typed: paragraph });

export const CASES: PasteCase[] = [
  // ---- # starts a comment ----------------------------------------------------------------
  para('此次活动在微博上引发热议，相关话题 #西湖代表通# 阅读量超过10万次。', 'WeChat/Weibo hashtag in the middle of a paragraph'),
  para('#两会进行时# 市人大代表走进社区倾听民意。', 'Weibo hashtag opening a paragraph'),
  para('截至目前，已办结建议 #1 至 #36 号。', 'numbers written #1'),
  para('会议要求各单位抓好落实 # 确保取得实效。', 'a # typed as a separator, one space either side'),
  para('各代表小组按时报送活动情况。  # 待核实', 'a note to self after two spaces (reported, not repaired)'),
  { name: 'a hashtag in a byline', input: issue({ byline: '上城区人大常委会 #代表在身边# 张三' }), typed: '上城区人大常委会 #代表在身边# 张三' },
  { name: 'the template’s own trailing comment stays legal', input: issue(), typed: '杭州人大信息' },
  // ---- : and a space --------------------------------------------------------------------
  para('检查组建议: 一是加强统筹，二是压实责任。', 'half-width colon and space between Chinese (the commonest paste)'),
  para('会议议程如下:', 'half-width colon ending a paragraph'),
  para('Tips: 请各位代表于3月20日前提交建议。', 'an English label before Chinese text'),
  para('Contact: info@zjrd.gov.cn', 'Latin on both sides of the colon'),
  para('时间: 3月15日上午 #代表接待日# 地点: 市民中心', 'two colons and a hashtag in one paragraph'),
  { name: 'a colon in a title', input: issue({ title: '临安区: 强化司法监督 维护司法公正' }), typed: '临安区: 强化司法监督 维护司法公正' },
  { name: 'a colon in a sub-heading', input: issue({ heading: '一、主要做法: 三个结合' }), typed: '一、主要做法: 三个结合' },
  // ---- a first character YAML reserves --------------------------------------------------
  { name: 'a brief opening with its bold lead, unquoted (every 信息摘登 lead)', input: issue({ brief: '**上城区人大常委会**召开街道人大工作会议。' }), typed: '**上城区人大常委会**召开街道人大工作会议。' },
  para('*注：以上数据为初步统计。', 'an asterisk note'),
  { name: 'a quotation opening a title, more text after it', input: issue({ title: '"代表联络站+"让民意直通车跑出加速度' }), typed: '"代表联络站+"让民意直通车跑出加速度' },
  para("'三难'问题得到有效解决。", 'single quotes opening a paragraph'),
  para('"最多跑一次"改革持续深化', 'double quotes opening a paragraph'),
  para('"会议指出，要进一步加强代表联络站建设。', 'a quotation mark never closed'),
  para('[重要]市人大常委会召开党组会议。', 'a bracketed tag from a web page'),
  para('{附件}会议材料另行印发。', 'a brace opening a paragraph'),
  para('> 代表建议：加快推进老旧小区改造。', 'a quoted reply pasted from WeChat'),
  para('| 数据来源：市统计局', 'a table cell pasted from a web page'),
  para('%90以上的建议已办结。', 'a percent sign opening a paragraph'),
  para('@各区县（市）人大常委会 请于3月20日前报送。', 'a WeChat mention'),
  para('&nbsp;&nbsp;会议由市人大常委会副主任主持。', 'an HTML entity from a web page'),
  para('!重要提示：请按时参会。', 'an exclamation mark opening a paragraph'),
  para('`bulletin check` 命令检查刊物文件。', 'a Markdown code span'),
  para('- 加强代表联络站建设。', 'a Word list item with its dash'),
  para('? 如何进一步提高建议办理质量', 'a question mark and a space'),
  para(',会议指出，要压实责任。', 'a comma left from the previous paragraph'),
  // ---- | and > blocks -------------------------------------------------------------------
  {
    name: 'the body pasted as one | block of three paragraphs',
    input: issue({ body: '|\n          近期，市人大常委会召开会议。\n\n          会议强调，要加强监督。\n\n          会议要求，抓好落实。' }),
    typed: '近期，市人大常委会召开会议。会议强调，要加强监督。会议要求，抓好落实。',
  },
  {
    name: 'one paragraph item holding two paragraphs in a | block',
    input: issue({ paragraph: '|\n            会议强调，要加强监督。\n\n            会议要求，抓好落实。' }),
    typed: '会议强调，要加强监督。会议要求，抓好落实。',
  },
  {
    name: 'a > block of two paragraphs, each wrapped over two lines',
    input: issue({ paragraph: '>\n            会议强调，要加强\n            监督。\n\n            会议要求，抓好\n            落实。' }),
    typed: '会议强调，要加强监督。会议要求，抓好落实。',
  },
  // ---- tabs -----------------------------------------------------------------------------
  { name: 'a key indented with a tab (Notepad++)', input: issue().replace('        byline: 代表工委', '\tbyline: 代表工委'), typed: '代表工委 张尚辉' },
  {
    name: 'a file indented with tabs throughout',
    input: issue().replace(/^( +)/gm, (s) => '\t'.repeat(s.length / 2)),
    typed: '会议强调，要加强监督。',
  },
  // ---- encodings ------------------------------------------------------------------------
  { name: 'saved as GBK (Notepad “ANSI”)', input: gbk(issue()), typed: '会议强调，要加强监督。' },
  { name: 'saved as UTF-16 with a byte-order mark (Notepad “Unicode”)', input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(issue(), 'utf16le')]), typed: '会议强调，要加强监督。' },
  { name: 'saved as UTF-16 big-endian without a byte-order mark', input: Buffer.from(issue(), 'utf16le').swap16(), typed: '会议强调，要加强监督。' },
  {
    name: 'a GBK line pasted into a UTF-8 file (not converted: it would garble the rest)',
    input: Buffer.concat([Buffer.from(issue().split('会议强调，要加强监督。')[0]), gbk('会议强调，要加强监督。'), Buffer.from(issue().split('会议强调，要加强监督。')[1])]),
    typed: '近期，市人大常委会召开会议。',
  },
  // ---- paste debris ---------------------------------------------------------------------
  para('会议强调，\u2028要加强监督。', 'a Word soft line break (Shift+Enter)'),
  para('会议强调\u200b，要加强\u200b监督。', 'zero-width spaces from a WeChat article'),
  para('会议强调，要加强\u00a0监督。', 'a no-break space between Chinese characters (Word)'),
  para('推进Smart\u00a0City建设。', 'a no-break space between two Latin words'),
  para('推进information\u00adization建设。', 'a soft hyphen inside a Latin word'),
  para('\uf0b7\t加强代表联络站建设。', 'a Word Symbol-font bullet and its tab'),
  para('\u3000\u3000近期，市人大常委会召开会议。', 'a first-line indent typed as two full-width spaces'),
  para('会议强调\ufeff要加强监督。', 'a byte-order mark inside a paragraph (files joined)'),
  para('会议强调，要加强监督\ufffc。', 'the placeholder of a picture left in copied text'),
  para('会议由市人大常委会副主任&nbsp;主持，&ldquo;代表之家&rdquo;负责人参加。', 'HTML entities inside a paragraph copied from a web page'),
  // ---- what bulletin new leaves, titles and quotes --------------------------------------
  { name: 'an example title left from bulletin new', input: issue({ title: '在此填写文章标题' }), typed: '在此填写文章标题' },
  { name: 'a title ending in a full stop', input: issue({ title: '市人大常委会召开党组会议。' }), typed: '市人大常委会召开党组会议' },
  { name: 'a sub-heading ending in a colon', input: issue({ heading: '一、主要做法：' }), typed: '一、主要做法' },
  { name: 'a title that asks a question keeps its ？', input: issue({ title: '代表建议如何落地见效？' }), typed: '代表建议如何落地见效？' },
  para("推动'三难'问题有效解决。", 'single quotes at the outer level'),
  para('深化‘最多跑一次’改革。', 'curly single quotes at the outer level'),
  para('他说："要解决\'三难\'问题"。', 'quotes inside quotes, typed straight'),
];
