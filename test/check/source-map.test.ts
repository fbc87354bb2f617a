import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Document, LineCounter, isScalar, parseDocument, visit } from 'yaml';
import type { Scalar } from 'yaml';
import { exactSourceRange, mapScalar, type ValueMap } from '../../src/check/source-map.js';

function scalarsOf(source: string): Scalar[] {
  const doc = parseDocument(source, { lineCounter: new LineCounter() });
  assert.equal(doc.errors.length, 0, String(doc.errors[0]));
  const out: Scalar[] = [];
  visit(doc, { Scalar(key, node) { if (key !== 'key' && typeof node.value === 'string') out.push(node); } });
  return out;
}

/** Every exact unit is a copy of the source unit it maps to. */
function assertExactUnitsMatch(map: ValueMap, source: string): void {
  for (const units of [map.src, map.srcEnd, map.kind, map.exact]) assert.equal(units.length, map.value.length, 'one entry per value unit');
  for (let k = 0; k < map.value.length; k++) {
    if (map.exact[k]) assert.equal(source[map.src[k]], map.value[k], `unit ${k} of ${JSON.stringify(map.value)}`);
  }
}

test('each scalar style maps back to the source, with folded and escaped units not exact', () => {
  const source = [
    'a: plain 中文，text',
    '  continued line',
    "b: 'it''s “引号” ok'",
    'c: "tab\\there \\u4e2d文 end"',
    'd: |',
    '  第一行',
    '    缩进',
    '  末行',
    'e: >-',
    '  折叠一',
    '  折叠二',
    '',
    '  段落',
    '',
  ].join('\n');
  const [a, b, c, d, e] = scalarsOf(source).map((s) => mapScalar(s, source));
  for (const m of [a, b, c, d, e]) { assert.ok(m.verified); assertExactUnitsMatch(m, source); }

  assert.equal(a.value, 'plain 中文，text continued line');
  const fold = a.value.indexOf(' continued');
  assert.equal(a.exact[fold], 0, 'the folded line break is not a source space');
  assert.deepEqual(exactSourceRange(a, 6, 9), [9, 12]);
  assert.equal(exactSourceRange(a, fold - 1, fold + 1), undefined);

  assert.equal(b.value, "it's “引号” ok");
  assert.equal(b.exact[2], 0, "'' is two source characters for one value character");
  assert.equal(source.slice(...exactSourceRange(b, 5, 7)!), '“引');

  assert.equal(c.value, 'tab\there 中文 end');
  assert.equal(c.exact[3], 0);
  assert.equal(c.exact[9], 0, 'the \\u escape');
  assert.equal(c.exact[10], 1);
  assert.equal(exactSourceRange(c, 8, 11), undefined, 'a range across an escape is not exact');

  assert.equal(d.value, '第一行\n  缩进\n末行\n');
  assert.equal(source.slice(...exactSourceRange(d, 0, 4)!), '第一行\n');
  assert.equal(e.value, '折叠一 折叠二\n段落');
  assert.equal(e.exact[3], 0);
});

test('an explicit indentation indicator and keep chomping are reproduced', () => {
  const source = 'list:\n  - |2+\n     起始空格\n    末\n\n  - x\n';
  const [m] = scalarsOf(source).map((s) => mapScalar(s, source));
  assert.ok(m.verified);
  assert.equal(m.value, ' 起始空格\n末\n\n');
  assertExactUnitsMatch(m, source);
});

test('CRLF line ends: content stays exact, the line break does not', () => {
  const source = 'a: |\r\n  一行\r\n  二行\r\nb: "x\r\n  y"\r\n';
  const [a, b] = scalarsOf(source).map((s) => mapScalar(s, source));
  assert.ok(a.verified && b.verified);
  assert.equal(a.value, '一行\n二行\n');
  assert.equal(a.exact[2], 0);
  assert.equal(b.value, 'x y');
  assertExactUnitsMatch(a, source);
});

test('characters outside the BMP map to both source units', () => {
  const source = 'a: 𠀀中\n';
  const [m] = scalarsOf(source).map((s) => mapScalar(s, source));
  assert.deepEqual(exactSourceRange(m, 0, 2), [3, 5]);
});

// Property: whatever yaml writes for a string, in whatever style, our mapping reproduces
// yaml's parsed value and every exact unit points at an identical source unit.
const alphabet = fc.constantFrom('中', '文', '，', '“', '”', ' ', ' ', '\n', '\n', 'a', 'b', '1', '"', "'", '\\', '#', ':', '-', '\t', '𠀀', '…', '\u3000');
const text = fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(''));
const styles = ['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;

test('property: mapping agrees with yaml for every style it writes', () => {
  fc.assert(
    fc.property(text, fc.constantFrom(...styles), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 8, max: 30 }), (value, style, depth, width) => {
      let data: unknown = value;
      for (let k = 0; k < depth; k++) data = k % 2 ? [data] : { key: data };
      const doc = new Document(data);
      visit(doc, { Scalar(_, node) { if (typeof node.value === 'string') node.type = style; } });
      const source = doc.toString({ lineWidth: width, minContentWidth: 4 });
      const parsed = parseDocument(source);
      if (parsed.errors.length) return;
      visit(parsed, {
        Scalar(key, node) {
          if (typeof node.value !== 'string' || !isScalar(node)) return;
          const m = mapScalar(node, source);
          assert.ok(m.verified, `not reproduced: ${node.type} ${JSON.stringify(source)}`);
          assert.equal(m.value, node.value);
          assertExactUnitsMatch(m, source);
          void key;
        },
      });
    }),
    { numRuns: 400 },
  );
});
