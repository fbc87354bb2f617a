/**
 * The validators compiled ahead of time (src/issue/standalone.ts) accept and refuse exactly
 * what ajv compiling the schema at run time does, with the same error objects (the messages
 * the loader and the theme reader build are made from them), and a file compiled from another
 * version of a schema is never used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { join } from 'node:path';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { compileValidator, fingerprint, loadStandalone, schemaFile, standaloneSource, validatorCacheFile, writeStandaloneValidators, writeValidatorCaches, type SchemaKind } from '../../src/issue/standalone.js';

const compiled: Record<SchemaKind, ValidateFunction> = { issue: compileValidator('issue'), theme: compileValidator('theme'), config: compileValidator('config') };
const sources: Record<SchemaKind, string> = { issue: standaloneSource('issue'), theme: standaloneSource('theme'), config: standaloneSource('config') };
const ahead: Record<SchemaKind, ValidateFunction> = {
  issue: loadStandalone('issue', sources.issue, 'issue.validator.cjs')!,
  theme: loadStandalone('theme', sources.theme, 'theme.validator.cjs')!,
  config: loadStandalone('config', sources.config, 'config.validator.cjs')!,
};

function same(kind: SchemaKind, data: unknown): void {
  const a = compiled[kind](data);
  const errorsA = structuredClone(compiled[kind].errors ?? null);
  const b = ahead[kind](data);
  const errorsB = structuredClone(ahead[kind].errors ?? null);
  assert.equal(b, a, JSON.stringify(data).slice(0, 200));
  assert.deepEqual(errorsB, errorsA);
}

const issue690 = parse(readFileSync(`${PACKAGE_ROOT}/issues/690.yaml`, 'utf8')) as Record<string, unknown>;

test('the precompiled code loads and is the schema\'s', () => {
  assert.equal(typeof ahead.issue, 'function');
  assert.equal(typeof ahead.theme, 'function');
  assert.match(sources.issue, /^\/\/ [0-9a-f]{8}:\d+ /);
});

test('issue: the same verdict and the same errors on valid and broken issues', () => {
  const variants: unknown[] = [
    issue690,
    {},
    [],
    'text',
    null,
    { ...issue690, date: '2024-02-30' },
    { ...issue690, date: '2024-2-3' },
    { ...issue690, date: 20240315 },
    { ...issue690, number: 0 },
    { ...issue690, number: '2' },
    { ...issue690, sections: [] },
    { ...issue690, sections: [{ name: '要闻' }] },
    { ...issue690, sections: [{ name: '要闻', articles: [{ title: 3, body: [] }] }] },
    { ...issue690, sections: [{ name: '要闻', articles: [{ title: ['一', '二'], body: [{ heading: '一、标题', level: 3 }], extra: 1 }] }] },
    { ...issue690, sections: [{ name: '摘登', briefs: [{ body: [] }, { body: ['x'], byline: 5 }] }] },
    { ...issue690, footer: { distribution: [{ label: '送', to: 'everyone' }], copies: -1, phone: 85250657 } },
    { ...issue690, style: 'big' },
    { ...issue690, bulletni: '拼错' },
  ];
  for (const v of variants) same('issue', v);
});

test('issue: the same on random changes anywhere in 690', () => {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, i]));
    else if (node && typeof node === 'object') for (const [k, x] of Object.entries(node)) walk(x, [...path, k]);
  };
  walk(issue690, []);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: paths.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (i, value) => {
      const data = structuredClone(issue690) as Record<string | number, unknown>;
      const path = paths[i];
      let node: Record<string | number, unknown> = data;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[path[path.length - 1]] = value;
      same('issue', data);
    }),
    { numRuns: 300 },
  );
});

test('theme: the same on valid and broken themes', () => {
  const variants: unknown[] = [
    {},
    { body: { size: '三号' } },
    { body: { size: 'huge' } },
    { page: { width: '210mm', height: 297 } },
    { fonts: { song: { file: 'x.ttf', fallback: ['kai'] } } },
    { fonts: { song: { face: 'x' } } },
    { colors: { red: [0, 100, 100, 0], bad: [1, 2] } },
    { title: { size: '二号', color: 'red', extra: true } },
    { unknown: 1 },
    [],
    'x',
  ];
  for (const v of variants) same('theme', v);
  fc.assert(fc.property(fc.dictionary(fc.constantFrom('page', 'grid', 'body', 'title', 'fonts', 'colors', 'folio', 'meta', 'toc', 'zzz'), fc.jsonValue({ maxDepth: 3 })), (v) => same('theme', v)), { numRuns: 200 });
});

test('config: the same on valid and broken configs; its theme and fonts are left to the theme validator', () => {
  const variants: unknown[] = [
    {},
    { theme: 'gongwen', fonts: { fangsong: '仿宋_GB2312' }, rules: { 'font-fallback': 'error' }, output: 'pdf', language: 'zh' },
    { theme: ['gongwen', 'office.yaml', { body: { size: '三号' } }] },
    { theme: [] },
    { theme: 3 },
    { rules: { 'quote-styel': 'off', dash: 'loud' } },
    { language: 'fr' },
    { output: '' },
    { extra: true },
    [],
  ];
  for (const v of variants) same('config', v);
  // The theme written in a config is checked by the theme's own validator, where it is.
  assert.equal(ahead.config({ theme: { body: { size: 'huge' } } }), true);
  assert.equal(ahead.config({ rules: { dash: 'loud' } }), false);
});

test('code compiled from another version of the schema is not used', () => {
  const stale = sources.issue.replace(/^\/\/ [0-9a-f]{8}/, '// 00000000');
  assert.equal(loadStandalone('issue', stale, 'stale.cjs'), undefined);
  assert.equal(loadStandalone('issue', sources.theme, 'theme-as-issue.cjs'), undefined);
  assert.equal(loadStandalone('theme', 'module.exports = () => true;', 'no-header.cjs'), undefined);
});

test('the built validators carry the fingerprint of the schemas as they are', () => {
  // So a run uses them, instead of compiling the schemas with ajv.
  for (const kind of ['issue', 'theme', 'config'] as const) {
    const code = readFileSync(join(PACKAGE_ROOT, 'dist', 'issue', `${kind}.validator.cjs`), 'utf8');
    assert.equal(/^\/\/ (\S+)/.exec(code)?.[1], fingerprint(kind, readFileSync(schemaFile(kind), 'utf8')), kind);
  }
});

test('a validator’s code cache is named by its code, refused when it does not fit, and replaced with the code', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-validator-'));
  try {
    const code = sources.issue;
    const file = join(dir, 'issue.validator.cjs');
    const cacheFile = validatorCacheFile(file, code)!;
    assert.match(cacheFile, /issue\.validator\.cjs\.[0-9a-f]{8}-\d+\.cache$/);
    assert.notEqual(validatorCacheFile(file, `${code} `), cacheFile, 'other code, another name');
    assert.equal(validatorCacheFile(file, 'module.exports = 1'), undefined, 'no fingerprint, no cache');
    const data = parse(readFileSync(join(PACKAGE_ROOT, 'issues', '690.yaml'), 'utf8'));
    // Garbage where the cache should be: V8 refuses it, and the validator is the same.
    writeFileSync(cacheFile, Buffer.alloc(4096, 7));
    const refused = loadStandalone('issue', code, file, cacheFile)!;
    assert.equal(refused(data), compiled.issue(data));
    assert.equal(refused({ bulletin: 3 }), false);
    assert.deepEqual(refused.errors, ahead.issue({ bulletin: 3 }) ? null : ahead.issue.errors);
    // What this process loaded with a cache file is written there, a real cache (not the garbage).
    const written = await writeValidatorCaches();
    assert.ok(written.includes(cacheFile));
    assert.ok(!readFileSync(cacheFile).equals(Buffer.alloc(4096, 7)));
    // Writing the validators removes the caches made for earlier code.
    writeFileSync(join(dir, 'theme.validator.cjs.0123abcd-42.cache'), 'old');
    await writeStandaloneValidators(dir);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.cache')), []);
    assert.ok(existsSync(join(dir, 'issue.validator.cjs')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
