import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, lint, paragraphDiags, paragraphIssue, where } from '../support.js';

const RULE = 'doc-number';

test('a document number with its year in other brackets is reported and set in 〔〕', () => {
  assert.deepEqual(where(paragraphDiags('根据杭政办函[2023]12号要求', RULE)), ['10:20 doc-number fix']);
  const [d] = paragraphDiags('根据杭政办函[2023]12号要求', RULE);
  assert.equal(d.message, "document number '[2023]12号': the year takes 六角括号 〔〕, '〔2023〕12号'");
  for (const [typed, want] of [
    ['杭政办函[2023]12号', '杭政办函〔2023〕12号'],
    ['杭政办函（2023）12号', '杭政办函〔2023〕12号'],
    ['浙政发【2023】5号', '浙政发〔2023〕5号'],
    ['市委办公厅［2024］3号', '市委办公厅〔2024〕3号'],
    ['杭人常(2024)8号文件', '杭人常〔2024〕8号文件'],
    ['杭政〔2023〕012号', '杭政〔2023〕12号'],
    ['杭政[2023]007号', '杭政〔2023〕7号'],
  ]) {
    assert.equal(fixedParagraph(typed, RULE), want, typed);
  }
});

test('with every rule, (2023)12号 becomes 〔2023〕12号, not （2023）12号', () => {
  const result = lint(paragraphIssue('根据杭人常(2024)8号文件要求'), { fix: true });
  assert.ok(result.fixed.get('test.yaml')?.source.includes('杭人常〔2024〕8号文件'));
  assert.deepEqual(where(lint(paragraphIssue('根据杭人常(2024)8号文件要求')).diagnostics), ['10:19 doc-number fix']);
});

test('look-alikes are left alone: correct numbers, case numbers, years in a sentence', () => {
  for (const text of [
    '杭政办函〔2023〕12号',
    '〔2023〕1号',
    '经审理，（2023）浙0102民初123号案件已审结',
    '2023年第12号公告',
    '（2023年）12项任务',
    '（1）12号楼',
    '（见附件2）',
  ]) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});
