import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedParagraph, paragraphDiags, where } from '../support.js';

const RULE = 'fullwidth-alnum';

test('full-width digits and letters become half-width', () => {
  const diags = paragraphDiags('２０２４年ＧＤＰ增长１．５％', RULE);
  assert.deepEqual(where(diags), ['10:14 fullwidth-alnum fix', '10:19 fullwidth-alnum fix', '10:24 fullwidth-alnum fix']);
  assert.equal(diags[0].message, "full-width digits '２０２４': use '2024'");
  assert.equal(diags[1].message, "full-width letters 'ＧＤＰ': use 'GDP'");
  assert.deepEqual([diags[0].endLine, diags[0].endCol], [10, 18]);
  assert.equal(fixedParagraph('２０２４年ＧＤＰ增长１．５％', RULE), '2024年GDP增长1.5％');
});

test('a full-width text that would become a number in a plain scalar is reported but not repaired', () => {
  const diags = paragraphDiags('２０２４', RULE, 'plain');
  assert.deepEqual(where(diags), ['10:13 fullwidth-alnum']);
  assert.equal(fixedParagraph('２０２４', RULE, 'plain'), '２０２４');
});

test('look-alikes are left alone: half-width text and full-width punctuation', () => {
  for (const text of ['2024年GDP增长1.5%', '（一）：“”％＋']) assert.deepEqual(paragraphDiags(text, RULE), [], text);
});
