import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, paragraphDiags, where } from '../support.js';

const RULE = 'dash';

test('typed dashes in Chinese text become ——', () => {
  assert.deepEqual(where(paragraphDiags('他说--我们要做好', RULE)), ['10:16 dash fix']);
  assert.equal(fixedParagraph('他说--我们要做好', RULE), '他说——我们要做好');
  assert.equal(fixedParagraph('他说———我们', RULE), '他说——我们');
  assert.equal(fixedParagraph('他说— —我们', RULE), '他说——我们');
  assert.equal(fixedParagraph('他说――我们', RULE), '他说——我们', 'two U+2015');
  assert.equal(fixedParagraph('他说—“我们要做好”', RULE), '他说——“我们要做好”', 'a single — before a quote is half a dash');
  const [d] = paragraphDiags('他说—“我们”', RULE);
  assert.match(d.message, /single em dash '—'.*'——'/);
});

test('ranges: a year range with a hyphen takes —, a numeric range is reported, ~ becomes ～', () => {
  assert.deepEqual(where(paragraphDiags('2019-2023年规划', RULE)), ['10:18 dash fix']);
  assert.equal(fixedParagraph('2019-2023年规划', RULE), '2019—2023年规划');
  assert.deepEqual(where(paragraphDiags('需要3-5天', RULE)), ['10:17 dash']);
  assert.equal(fixedParagraph('需要3~5天', RULE), '需要3～5天');
  assert.equal(fixedParagraph('占5%~10%', RULE), '占5%～10%');
});

test('unclear runs are reported, not repaired', () => {
  assert.deepEqual(where(paragraphDiags('姓名：————', RULE)), ['10:17 dash']);
  assert.deepEqual(where(paragraphDiags('单位：0571－85250657', RULE)), ['10:21 dash']);
});

test('look-alikes are left alone: connectors, codes, dates, phone numbers, options, English', () => {
  for (const text of [
    '北京—上海',
    '1949—1986年',
    '2019-2023',
    'GB/T 15834—2011',
    '2011-02-15',
    '电话0571-85250657',
    '吐鲁番-哈密盆地',
    '使用--fix参数',
    '他说——我们',
    'A—B testing',
    'pages 10–20',
    '降温20-10度',
    '⸺标准破折号',
  ]) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});

test('a single — between two bracketed items is a connector, not half a dash', () => {
  for (const text of ['本条第（一）—（三）项', '参照《规划》—《方案》', '“十四五”—“十五五”时期']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
  // before or after a word it is still half a dash
  assert.equal(fixedParagraph('他说—“我们要做好”', RULE), '他说——“我们要做好”');
  assert.equal(fixedParagraph('“我们要做好”—他说', RULE), '“我们要做好”——他说');
});

test('a percentage range keeps the sign on both numbers', () => {
  assert.equal(fixedParagraph('增长5～10%，比重为5—10%', RULE), '增长5%～10%，比重为5%—10%');
  assert.equal(fixedParagraph('占3.5～4.5‰', RULE), '占3.5‰～4.5‰');
  assert.equal(fixedParagraph('占5~10%', RULE), '占5%～10%', 'the tilde and the sign are both repaired');
  const [d] = paragraphDiags('增长5～10%', RULE);
  assert.equal(d.message, "percentage range '5～10%': both numbers take the sign, '5%～10%'");
  for (const text of ['增长5%～10%', '5%—10%', '气温5～10℃', '3—5天', '1～2个百分点']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});
