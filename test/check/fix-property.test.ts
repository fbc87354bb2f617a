import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { RULES } from '../../src/check/index.js';
import { lint, paragraphIssue } from './support.js';

// Everything but glyph coverage, which has no repairs and needs fonts.
const RULE_IDS = RULES.map((r) => r.id).filter((id) => id !== 'glyph-coverage');

const pieces = fc.constantFrom(
  '中', '文', '监督', '2024', '年', 'AI', 'GDP', 'a', ' ', '  ', '\u3000', ',', '.', ':', ';', '?', '!', '(', ')', '"', "'",
  '，', '。', '、', '“', '”', '‘', '’', '（', '）', '《', '》', '...', '…', '——', '—', '--', '-', '~', '３', 'Ｇ', '**',
  'http://a.cn/x,y', '1,234.5', '8:30', '\u200b',
  // Document numbers, list markers, interpuncts, signs and ranges (doc-number, list-marker,
  // interpunct, dash, space-in-cjk), and a heading number.
  '[2023]', '〔2023〕', '012号', '12号', '1、', '2)', '1）', '・', '·', '•', '％', '%', '℃', '～', '5', '10',
  '一.', '第', '（一）', '【', '】', '约翰', 'ChatGPT', '?', '.', '℃',
);
const messy = fc.array(pieces, { minLength: 1, maxLength: 14 }).map((p) => p.join(''));
const style = fc.constantFrom('single', 'double', 'block') as fc.Arbitrary<'single' | 'double' | 'block'>;

test('property: --fix keeps the YAML valid, changes only the paragraph, and a second --fix changes nothing', () => {
  fc.assert(
    fc.property(messy, style, (text, how) => {
      const source = paragraphIssue(text, how);
      const original = parseDocument(source);
      if (original.errors.length) return;
      const first = lint(source, { fix: true, rules: RULE_IDS });
      const fixed = first.fixed.get('test.yaml')?.source ?? source;
      const doc = parseDocument(fixed);
      assert.equal(doc.errors.length, 0, fixed);
      const value = doc.getIn(['sections', 0, 'articles', 0, 'body', 0]);
      assert.equal(typeof value, 'string');
      // Repairs touch punctuation and spacing only: the words stay, in order (but for the zeros
      // padding a document's sequence number, 〔2023〕012号 → 12号, which GB/T 9704 forbids).
      const words = (v: unknown) => String(v).normalize('NFKC').replace(/\s/g, '').replace(/([[【（(〔〖]\d{4}[\]】）)〕〗])0+(\d+号)/g, '$1$2').replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
      assert.equal(words(value), words(original.getIn(['sections', 0, 'articles', 0, 'body', 0])));
      doc.setIn(['sections', 0, 'articles', 0, 'body', 0], original.getIn(['sections', 0, 'articles', 0, 'body', 0]));
      assert.deepEqual(doc.toJS(), original.toJS(), 'nothing but the paragraph changed');
      assert.equal(fixed.split('\n').length, source.split('\n').length, 'line structure kept');
      const second = lint(fixed, { fix: true, rules: RULE_IDS });
      assert.equal(second.fixed.size, 0, `second --fix changed ${JSON.stringify(value)}: ${second.fixed.get('test.yaml')?.changes.join('; ')}`);
    }),
    { numRuns: 300 },
  );
});
