import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { lintIssues } from '../../src/check/index.js';
import { lint, loadedFrom, paragraphIssue, testFonts, where } from './support.js';

const MESSY = 'test/fixtures/lint/messy.yaml';
const messy = readFileSync(MESSY, 'utf8');

function fixOnce(source: string, file = MESSY) {
  return lintIssues([loadedFrom(source, file)], { fonts: testFonts(), fix: true });
}

/** Every key path with its scalar style, in document order. */
function shape(source: string): string[] {
  const out: string[] = [];
  const walk = (node: Node | null | undefined, path: string): void => {
    if (isMap(node)) for (const p of node.items) walk(p.value as Node, `${path}.${String((p.key as { value: unknown }).value)}`);
    else if (isSeq(node)) node.items.forEach((n, k) => walk(n as Node, `${path}[${k}]`));
    else if (isScalar(node)) out.push(`${path} ${node.type}`);
  };
  walk(parseDocument(source).contents as Node, '');
  return out;
}

test('--fix repairs the messy issue exactly as expected', () => {
  const result = fixOnce(messy);
  const fixed = result.fixed.get(MESSY);
  assert.ok(fixed);
  assert.equal(fixed.source, readFileSync('test/fixtures/lint/messy.fixed.yaml', 'utf8'));
  assert.ok(fixed.changes.includes("line 16: ',' → '，' (punct-halfwidth)"), fixed.changes.join('\n'));
  assert.ok(fixed.changes.includes("line 17: \"'\" → '“' (quote-style)"));
  assert.ok(fixed.changes.includes("line 21: '———' → '——' (dash)"));
  assert.ok(fixed.changes.includes("line 30: removed '（' (byline-parens)"));
  assert.equal(fixed.changes.length, 29);
});

test('--fix keeps comments, key order, quoting and block styles, and line structure', () => {
  const fixed = fixOnce(messy).fixed.get(MESSY)!.source;
  const before = messy.split('\n');
  const after = fixed.split('\n');
  assert.equal(after.length, before.length);
  before.forEach((line, k) => {
    const comment = /\s#\s.*$|^\s*#.*$/.exec(line)?.[0];
    if (comment) assert.ok(after[k].endsWith(comment), `comment on line ${k + 1} lost: ${after[k]}`);
  });
  assert.deepEqual(shape(fixed), shape(messy));
});

test('--fix is idempotent: a second run changes nothing', () => {
  const once = fixOnce(messy).fixed.get(MESSY)!.source;
  const twice = fixOnce(once);
  assert.equal(twice.fixed.size, 0);
});

test('what is not certain is reported after --fix, not changed', () => {
  const result = fixOnce(messy);
  assert.deepEqual(where(result.diagnostics), [
    '23:21 space-in-cjk', // the folded line break of a > block: a space only YAML sees
    '25:23 space-in-cjk', // the same in a wrapped plain scalar
    '26:18 pair-balance', // which bracket is missing is the author's call
    '27:18 punct-halfwidth', // written as the escape \x2c on purpose
    '32:17 toc-differs',
  ]);
  assert.match(result.diagnostics[0].hint ?? '', /join the two lines/);
  assert.match(result.fixed.get(MESSY)!.source, /"转义逗号\\x2c不能自动修复"/);
});

test('without --fix, nothing is rewritten and fixable diagnostics say so', () => {
  const result = lintIssues([loadedFrom(messy, MESSY)], { fonts: testFonts() });
  assert.equal(result.fixed.size, 0);
  const byLine = (line: number) => result.diagnostics.filter((d) => d.line === line);
  assert.ok(byLine(16).every((d) => d.fixable));
  assert.ok(byLine(27).every((d) => !d.fixable));
  assert.ok(byLine(26).some((d) => d.code === 'pair-balance' && !d.fixable));
});

test('a fix that would change what the YAML means is refused', () => {
  // ２０２４ as a plain scalar would become the number 2024
  const r = lint(paragraphIssue('２０２４', 'plain'), { fix: true, rules: ['fullwidth-alnum'] });
  assert.equal(r.fixed.size, 0);
  assert.equal(r.diagnostics[0].fixable, undefined);
});

test('repairs that expose another are carried through in one run', () => {
  // ',' → '，' leaves a space next to a full-width mark, which the next pass removes
  const r = lint(paragraphIssue('中文, 中文'), { fix: true });
  const value = parseDocument(r.fixed.get('test.yaml')!.source).getIn(['sections', 0, 'articles', 0, 'body', 0]);
  assert.equal(value, '中文，中文');
  assert.deepEqual(r.fixed.get('test.yaml')!.changes, ["line 10: ',' → '，' (punct-halfwidth)", "line 10: removed ' ' (space-in-cjk)"]);
  assert.deepEqual(r.diagnostics, []);
});
