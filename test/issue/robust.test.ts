import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { loadIssueSource } from '../../src/issue/load.js';
import { sourceLine } from '../../src/issue/position.js';
import { formatTextDiagnostic } from '../../src/diag/format.js';

const MINIMAL = readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'issues', 'minimal.yaml'), 'utf8');

/** Characters that matter to YAML, plus CJK, full-width, astral and control characters. */
const piece = fc.constantFrom(
  ':', ': ', '-', '- ', '[', ']', '{', '}', ',', '#', '&a ', '*a', '!', '|', '>', '"', "'", '?', '%', '@', '`',
  '\n', '\n  ', '\t', ' ', '\u0000', '\u3000', '中', '：', '𠀀', '\uFEFF', '\r\n', '---\n', '...\n', '<<: ', '1', '0x1', 'null',
);
const mutation = fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), insert: fc.array(piece, { maxLength: 4 }) });

function mutate(source: string, edits: { at: number; cut: number; insert: string[] }[]): string {
  let out = source;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert.join('') + out.slice(at + e.cut);
  }
  return out;
}

function checkInvariants(source: string): void {
  const loaded = loadIssueSource(source, 'fuzz.yaml');
  const lineCount = source.split(/\r?\n/).length;
  for (const d of loaded.diagnostics) {
    assert.ok(d.line >= 1 && d.line <= lineCount + 1, `line ${d.line} of ${lineCount}: ${d.message}`);
    assert.ok(d.col >= 1, `col ${d.col}`);
    assert.ok(d.message.length > 0 && !/undefined|\[object /.test(d.message), d.message);
    formatTextDiagnostic(d, (_f, line) => sourceLine(loaded.source, loaded.lineCounter, line));
  }
  if (loaded.issue) assert.equal(loaded.diagnostics.filter((d) => d.severity === 'error').length, 0);
  else assert.ok(loaded.diagnostics.some((d) => d.severity === 'error'), 'no issue and no error');
}

test('mutated issue files never crash the loader and always give located messages', () => {
  fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (edits) => checkInvariants(mutate(MINIMAL, edits))), {
    numRuns: 300,
  });
});

test('arbitrary text never crashes the loader', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => checkInvariants(s)), { numRuns: 200 });
  fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => checkInvariants(pieces.join(''))), { numRuns: 300 });
});
