import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, lint, paragraphDiags, paragraphIssue, where } from '../support.js';

const RULE = 'punct-halfwidth';

test('ASCII marks next to Chinese text are reported at the exact character', () => {
  // single-quoted paragraph on line 10: character k is at column 14 + k
  assert.deepEqual(where(paragraphDiags('近期,市人大', RULE)), ['10:16 punct-halfwidth fix']);
  assert.deepEqual(where(paragraphDiags('会议于今日召开.', RULE)), ['10:21 punct-halfwidth fix']);
  assert.deepEqual(where(paragraphDiags('注意:下午开会', RULE)), ['10:16 punct-halfwidth fix']);
  assert.deepEqual(where(paragraphDiags('真的吗?是的!', RULE)), ['10:17 punct-halfwidth fix', '10:20 punct-halfwidth fix']);
  assert.deepEqual(where(paragraphDiags('AI,推动发展', RULE)), ['10:16 punct-halfwidth fix']);
  const [d] = paragraphDiags('近期,市人大', RULE);
  assert.equal(d.message, "half-width comma ',' between Chinese characters: use '，'");
  assert.equal(d.severity, 'error');
  assert.equal(d.path, 'sections[0].articles[0].body[0]');
  assert.deepEqual([d.endLine, d.endCol], [10, 17]);
});

test('parentheses are converted as a pair; an unmatched one is reported but not repaired', () => {
  assert.deepEqual(where(paragraphDiags('分别由8个专(工)委牵头', RULE)), ['10:20 punct-halfwidth fix']);
  assert.equal(fixedParagraph('分别由8个专(工)委牵头', RULE), '分别由8个专（工）委牵头');
  assert.equal(fixedParagraph('(1)加强监督', RULE), '（1）加强监督');
  assert.equal(fixedParagraph('杭州(Hangzhou)是省会', RULE), '杭州（Hangzhou）是省会');
  assert.deepEqual(where(paragraphDiags('详见附件(说明', RULE)), ['10:18 punct-halfwidth']);
});

test('columns count characters, not UTF-16 units; markup is not text', () => {
  // 𠀀 is one character outside the BMP
  assert.deepEqual(where(paragraphDiags('𠀀,中', RULE)), ['10:15 punct-halfwidth fix']);
  // ** markup: the comma is value index 7 → column 21
  assert.deepEqual(where(paragraphDiags('**市人大**,加强', RULE)), ['10:21 punct-halfwidth fix']);
  assert.equal(fixedParagraph('**市人大**,加强', RULE), '**市人大**，加强');
});

test('a mark produced by an escape is located at the escape and not repaired', () => {
  const source = paragraphIssue('X').replace("'X'", '"中\\x2c文"');
  const diags = lint(source, { rules: [RULE], fix: true });
  assert.deepEqual(where(diags.diagnostics), ['10:15 punct-halfwidth']);
  assert.equal(diags.fixed.size, 0);
});

test('look-alikes are left alone: URLs, numbers, times, phones, English, code, file names', () => {
  for (const text of [
    '（信息报送网址：http://172.18.13.193:8084/infosub）',
    '见www.hangzhou.gov.cn网站',
    '来信请寄rd@hangzhou.gov.cn。',
    '总投资1,234.5万元',
    '比例为1:1000',
    '上午8:30开会',
    '电话(0571)85250657',
    '1.加强监督',
    '他说：He said, "Hello." Then he left.',
    'Windows 10: new features!',
    '配置项a=b;c=d生效',
    '函数f(x)返回',
    '请下载report.pdf文件',
    '使用Vue.js框架和v2.0版本',
    '版本号为3.14',
  ]) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});

test('a phone field is not linted for punctuation', () => {
  const source = paragraphIssue('正文。') + 'footer:\n  phone: (0571)85250657\n  editor: 杨青青\n';
  assert.deepEqual(lint(source).diagnostics.filter((d) => d.path?.startsWith('footer')), []);
});

test('a half-width full stop after a number or a percentage ends a Chinese sentence', () => {
  assert.equal(fixedParagraph('全市GDP同比增长5.5%.全年财政收入增长3.2%。', RULE), '全市GDP同比增长5.5%。全年财政收入增长3.2%。');
  assert.equal(fixedParagraph('截至6月底，全市共有联络站120.', RULE), '截至6月底，全市共有联络站120。');
  assert.equal(fixedParagraph('办结率为99.8%.”', RULE), '办结率为99.8%。”');
  assert.equal(fixedParagraph('气温达到38℃.随后', RULE), '气温达到38℃。随后');
  // still look-alikes: a list number, a decimal, an English sentence, a version
  for (const text of ['1.加强监督', '要求：2.完善制度', 'Windows 10.', 'He scored 3.5%.', '版本号为3.14', '他说：“The growth was 5%.”', '他说：The growth was 5%.']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});

test('a half-width full stop after a Han heading number is the enumeration comma 、', () => {
  assert.equal(fixedParagraph('一.主要做法', RULE), '一、主要做法');
  assert.equal(fixedParagraph('二.深化代表工作。三.强化监督。', RULE), '二、深化代表工作。三、强化监督。');
  assert.equal(fixedParagraph('十二.其他事项', RULE), '十二、其他事项');
  const [d] = paragraphDiags('一.主要做法', RULE);
  assert.match(d.message, /heading number '一'.*'、'/);
  // inside a sentence 一 is a word, the dot a full stop
  assert.equal(fixedParagraph('坚持统一.各方协同', RULE), '坚持统一。各方协同');
});

test('a mark after a Latin word typed straight after Chinese ends the Chinese sentence', () => {
  assert.equal(fixedParagraph('你用过ChatGPT?', RULE), '你用过ChatGPT？');
  assert.equal(fixedParagraph('他问：“用过ChatGPT?”随后', RULE), '他问：“用过ChatGPT？”随后');
  assert.equal(fixedParagraph('全市已建成5G!', RULE), '全市已建成5G！');
  assert.equal(fixedParagraph('会议使用了ChatGPT.同时', RULE), '会议使用了ChatGPT。同时');
  // English phrases, abbreviations and addresses keep their marks
  for (const text of [
    '他说：“Are you OK?”',
    '他说：“OK!”',
    '邮箱为rdb@hangzhou.gov.cn.',
    '访问hzrd.gov.cn.',
    '美国U.S.',
    '排名No.1',
    '邀请了专家John Smith.',
    '使用AI,ML等技术',
  ]) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});

test('a lone half-width ) after a list number is the list marker’s closing half', () => {
  assert.equal(fixedParagraph('要求：1)加强学习；2)完善制度。', RULE), '要求：1）加强学习；2）完善制度。');
  assert.equal(fixedParagraph('a)加强学习', RULE), 'a）加强学习');
  assert.equal(fixedParagraph('一)加强学习', RULE), '一）加强学习');
  // a lone ) elsewhere is still reported, not repaired
  assert.deepEqual(where(paragraphDiags('详见附件1)说明', RULE)), ['10:19 punct-halfwidth']);
  assert.deepEqual(where(paragraphDiags('统一)说明', RULE)), ['10:16 punct-halfwidth']);
});
