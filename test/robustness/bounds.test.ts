/**
 * Bounds on sizes (issue item 9): no array of unbounded length is ever spread into a call's
 * arguments (f(...x) puts every element on the stack: 130,000 paragraphs overflowed it), and the
 * model takes 130,000 paragraphs. The schema validators gather errors in linear
 * time (item 8).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { loadIssueSource } from '../../src/issue/load.js';
import { standaloneSource } from '../../src/issue/standalone.js';
import { styleIssue } from '../../src/style/model.js';
import { vendoredStyles } from '../support/styles.js';
import { MINIMAL } from '../support/issues.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []);
}

test('no call in src spreads an array into its arguments (push(...x), Math.max(...x))', () => {
  const found: string[] = [];
  for (const file of sources(join(PACKAGE_ROOT, 'src'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.some(ts.isSpreadElement)) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${file.slice(PACKAGE_ROOT.length + 1)}:${line + 1}: ${node.getText().slice(0, 80)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  assert.deepEqual(found, [], 'loop over the array instead (or reduce)');
});

test('130,000 paragraphs become a model without overflowing the stack', () => {
  const issue = loadIssueSource(MINIMAL, 'a.yaml').issue!;
  issue.sections[0].articles![0].body = Array.from({ length: 130_000 }, (_, i) => `第${i}段。`);
  const model = styleIssue(issue, vendoredStyles());
  assert.equal(model.blocks.filter((b) => b.kind === 'paragraph').length, 130_000);
});

test("the schema validators append sub-schema errors (ajv's concat per item was quadratic)", () => {
  for (const kind of ['issue', 'theme'] as const) {
    const code = standaloneSource(kind);
    assert.doesNotMatch(code, /vErrors\.concat\(/, kind);
  }
  assert.match(standaloneSource('issue'), /for \(const e of validate\d+\.errors\) vErrors\.push\(e\);/);
});
