import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, paragraphDiags, where } from '../support.js';

const RULE = 'interpunct';

test('look-alikes typed for the 间隔号 become ·', () => {
  assert.deepEqual(where(paragraphDiags('专家约翰・史密斯出席', RULE)), ['10:18 interpunct fix']);
  assert.equal(paragraphDiags('专家约翰・史密斯出席', RULE)[0].message, "'・' (U+30FB) used as a 间隔号: use '·' (U+00B7)");
  assert.equal(fixedParagraph('约翰・史密斯、约翰•史密斯、约翰‧史密斯', RULE), '约翰·史密斯、约翰·史密斯、约翰·史密斯');
  assert.equal(fixedParagraph('纪念“9・11”', RULE), '纪念“9·11”');
  // a full-width full stop between Han may be either mark: reported only
  assert.deepEqual(where(paragraphDiags('约翰．史密斯', RULE)), ['10:16 interpunct']);
  assert.equal(fixedParagraph('约翰．史密斯', RULE), '约翰．史密斯');
});

test('the right mark, bullets, decimals and dot runs are left alone', () => {
  for (const text of ['约翰·史密斯', '•加强学习', '增长１．５％', '调研・・・', 'John•Smith', '・']) {
    assert.deepEqual(paragraphDiags(text, RULE), [], text);
  }
});
