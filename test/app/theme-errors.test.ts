/**
 * Theme and config problems in plain words: whatever a theme file, an issue's style: block or a
 * bulletin.config.yaml holds, no message shows the schema validator's own English ("must match
 * pattern \"^[A-Za-z]…\"", "must be equal to one of the allowed values", "must NOT have …").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readConfigFile } from '../../src/app/config.js';
import { checkThemeData, parseYamlText } from '../../src/app/theme-file.js';

/** Words of ajv's messages. */
const AJV = /\bmust (match|be|have|NOT|pass|equal)\b|\bshould\b|pattern "|allowed values|propertyName|instancePath|schemaPath|a different value/;

const KEYS = ['page', 'grid', 'fonts', 'colors', 'body', 'title', 'masthead', 'toc', 'section', 'heading1', 'byline', 'footer', 'folio', 'meta', 'baseline'];
const NAMES = fc.constantFrom('song', '仿宋', 'Fang Song', '1st', 'kai', 'red', '红', '', 'a.b', 'x-y');
const VALUE: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('三号', '16pt', 'huge', '', '仿宋_GB2312', 'x.ttf', -1, 0, 3.5, 1e9, true, null, '#ff0000', [0, 100, 100, 0], [1, 2]),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(NAMES, fc.constantFrom('size', 'font', 'file', 'face', 'family', 'fallback', 'color', 'width', 'natural')), tie('value'), { maxKeys: 3 }),
  ),
})).value;

function themeMessages(data: unknown): string[] {
  const text = JSON.stringify(data);
  const parsed = parseYamlText('t.yaml', text, 'theme-syntax', 1 << 20, 'theme');
  return [...parsed.diagnostics, ...checkThemeData(parsed.data, parsed.source)].flatMap((d) => [d.message, d.hint ?? '']);
}

test('theme files and style: blocks: no validator words, whatever they hold', () => {
  let seen = 0;
  fc.assert(fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), NAMES), VALUE, { maxKeys: 4 }), (theme) => {
    for (const m of themeMessages(theme)) {
      seen++;
      assert.doesNotMatch(m, AJV, `${JSON.stringify(theme).slice(0, 200)}: ${m}`);
    }
  }), { numRuns: 400 });
  assert.ok(seen > 200, `${seen} messages looked at`);
});

test('the pattern a font role’s name follows, said in words at the key', () => {
  const [m] = themeMessages({ fonts: { 仿宋: { file: 'x.ttf' } } });
  assert.equal(m, '“仿宋” cannot name a font role: a role’s name is Latin letters, digits, - and _, starting with a letter');
});

test('configs: no validator words, whatever they hold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-config-words-'));
  try {
    let seen = 0;
    const config = fc.record({
      theme: fc.oneof(fc.constantFrom('gongwen', 'none.yaml', 3, [], ['gongwen', 5]), fc.dictionary(fc.constantFrom(...KEYS), VALUE, { maxKeys: 2 })),
      fonts: VALUE,
      rules: fc.dictionary(fc.constantFrom('dash', 'dahs', 'glyph-coverage', 'font-fallback', '仿宋'), fc.constantFrom('off', 'note', 'warning', 'error', 'loud', 1, null)),
      output: fc.constantFrom('pdf', '', 3),
      language: fc.constantFrom('zh', 'en', 'fr', 1),
      extra: fc.constantFrom(undefined, 1),
    }, { requiredKeys: [] });
    fc.assert(fc.property(config, (data) => {
      const file = join(dir, 'bulletin.config.yaml');
      writeFileSync(file, JSON.stringify(data));
      for (const d of readConfigFile(file).diagnostics) {
        for (const m of [d.message, d.hint ?? '']) {
          seen++;
          assert.doesNotMatch(m, AJV, `${JSON.stringify(data).slice(0, 200)}: ${m}`);
        }
      }
    }), { numRuns: 300 });
    assert.ok(seen > 200, `${seen} messages looked at`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
