import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainReadsAs, yamlText } from '../../src/issue/yaml-text.js';

test('a text is written plain when YAML reads it back plain, else in the quotes it needs', () => {
  assert.equal(yamlText('检查组建议：一是'), '检查组建议：一是');
  assert.equal(yamlText('a: b'), "'a: b'");
  assert.equal(yamlText('#话题#'), "'#话题#'");
  assert.equal(yamlText("'三难'问题"), `"'三难'问题"`);
  assert.equal(yamlText(`'他说"好"'`), `'''他说"好"'''`);
  assert.equal(yamlText('2024'), "'2024'");
  assert.equal(yamlText('true'), "'true'");
  assert.equal(plainReadsAs(' 前后有空格 '), false);
  assert.equal(plainReadsAs('- 列表'), false);
});
