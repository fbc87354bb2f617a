import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import { positionAt } from '../../src/issue/position.js';

function counted(source: string): LineCounter {
  const lineCounter = new LineCounter();
  parseDocument(source, { lineCounter });
  return lineCounter;
}

/** The column by walking the line, as an editor counts: one per character, a surrogate pair once. */
function walkedColumn(source: string, offset: number): number {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return [...source.slice(lineStart, offset)].length + 1;
}

test('columns count characters, an Extension B character once, on every line', () => {
  const source = 'a: 𠀀𠀀x\nb: 𠀀y 𪚥\nc: plain\n';
  const lines = counted(source);
  for (let offset = 0; offset <= source.length; offset++) {
    if (offset > 0 && source.charCodeAt(offset - 1) >= 0xd800 && source.charCodeAt(offset - 1) <= 0xdbff) continue;
    const line = source.slice(0, offset).split('\n').length;
    assert.deepEqual(positionAt(source, lines, offset), { line, col: walkedColumn(source, offset) }, `offset ${offset}`);
  }
});

test('a column deep in a long line costs no walk of the line', () => {
  const source = `a: ${'𠀀字'.repeat(50_000)}\n`;
  const lines = counted(source);
  positionAt(source, lines, 0);
  const t = performance.now();
  for (let i = 0; i < 20_000; i++) positionAt(source, lines, source.length - 1 - (i % 2 === 0 ? 0 : 3));
  // 20,000 lookups of a column near the end of a 150,000-unit line: a walk would be 3e9 steps.
  assert.ok(performance.now() - t < 10_000);
  assert.deepEqual(positionAt(source, lines, source.length - 1), { line: 1, col: 3 + 100_000 + 1 });
});
