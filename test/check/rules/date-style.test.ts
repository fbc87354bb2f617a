import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, paragraphDiags, where } from '../support.js';

const RULE = 'date-style';

test('a Han-numeral year takes 〇 for zero', () => {
  const diags = paragraphDiags('二○二四年三月', RULE);
  assert.deepEqual(where(diags), ['10:15 date-style fix']);
  assert.equal(diags[0].message, "'二○二四年': the zero of a year written in Han numerals is '〇' (U+3007)");
  assert.equal(fixedParagraph('二○二四年三月', RULE), '二〇二四年三月');
  assert.equal(fixedParagraph('二O一O年', RULE), '二〇一〇年');
});

test('month and day are not zero-padded; a year has four digits', () => {
  assert.deepEqual(where(paragraphDiags('2024年03月05日印发', RULE)), ['10:19 date-style fix', '10:22 date-style fix']);
  assert.equal(fixedParagraph('2024年03月05日印发', RULE), '2024年3月5日印发');
  assert.equal(fixedParagraph('2024年3月05日', RULE), '2024年3月5日');
  const two = paragraphDiags('24年3月召开', RULE);
  assert.deepEqual(where(two), ['10:14 date-style']);
  assert.match(two[0].message, /'2024年'/);
});

test('look-alikes are left alone: correct dates, durations, ISO dates, 〇 alone', () => {
  for (const text of ['2024年3月15日', '二〇二四年', '工作24年', '2024-03-05', '10月', '第100年', '〇〇年', '2024年10月1日', '1.5年3月']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});

test('a count of years in Han numerals keeps its 零: 一百零八年 is a duration, not a year', () => {
  for (const text of ['走过了一百零八年的历程', '已有一千零二年历史', '一万零五年', '时隔十年零三个月']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
  // a year written digit by digit still takes 〇
  assert.equal(fixedParagraph('建成于一九零五年，历经一百零八年', RULE), '建成于一九〇五年，历经一百零八年');
});
