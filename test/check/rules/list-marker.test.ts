import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, paragraphDiags, where } from '../support.js';

const RULE = 'list-marker';

test('an Arabic list number typed with 、 takes a full stop', () => {
  assert.deepEqual(where(paragraphDiags('1、加强学习', RULE)), ['10:15 list-marker fix']);
  assert.match(paragraphDiags('1、加强学习', RULE)[0].message, /'1、'.*'1\.'/);
  assert.equal(fixedParagraph('1、加强学习', RULE), '1.加强学习');
  assert.equal(fixedParagraph('要求：1、加强学习；2、完善制度。', RULE), '要求：1.加强学习；2.完善制度。');
  assert.equal(fixedParagraph('12、其他事项', RULE), '12.其他事项');
});

test('enumerations of numbers and Han list numbers are left alone', () => {
  for (const text of ['一、主要做法', '第1、2、3条', '1、2号楼已完工', '3、5、8月份', '1.加强学习', '共有1、2两类', '版本V1、V2', '3、四季度']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});
