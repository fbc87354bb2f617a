/**
 * The composition key and the caching composer: every input composition depends on is in the
 * key, span boundaries cannot be confused, a hit returns the same lines, and a sweep drops what
 * the last build did not ask for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeParagraph } from '../../src/compose/compose.js';
import type { ComposeOptions, Span } from '../../src/compose/types.js';
import { ComposeCache, compositionKey } from '../../src/session/compose-cache.js';
import { hei, song } from '../compose/fonts.js';

const OPTIONS: ComposeOptions = { measure: 442, size: 16, indent: 2, align: 'justify', grid: 28 };

test('the key holds the text, the span boundaries, the tag, the font chain and every option', () => {
  const s = song();
  const h = hei();
  const base = compositionKey([{ text: '人大代表', fonts: [s] }], OPTIONS);
  const differ = [
    compositionKey([{ text: '人大代表。', fonts: [s] }], OPTIONS),
    compositionKey([{ text: '人大', fonts: [s] }, { text: '代表', fonts: [s] }], OPTIONS),
    compositionKey([{ text: '人大代表', fonts: [s], tag: 'bold' }], OPTIONS),
    compositionKey([{ text: '人大代表', fonts: [h] }], OPTIONS),
    compositionKey([{ text: '人大代表', fonts: [s, h] }], OPTIONS),
    compositionKey([{ text: '人大代表', fonts: [s] }], { ...OPTIONS, measure: 441 }),
    compositionKey([{ text: '人大代表', fonts: [s] }], { ...OPTIONS, indent: 0 }),
    compositionKey([{ text: '人大代表', fonts: [s] }], { ...OPTIONS, maxSpacing: 0.4 }),
    compositionKey([{ text: '人大代表', fonts: [s] }], { ...OPTIONS, phraseSpaces: true }),
  ];
  assert.equal(new Set([base, ...differ]).size, differ.length + 1);
  assert.equal(compositionKey([{ text: '人大代表', fonts: [s] }], { ...OPTIONS }), base, 'equal inputs, equal keys');
  // A text that spells out another span's boundary is still another key.
  const tricky = [
    compositionKey([{ text: 'a|1,-1:b', fonts: [s] }], OPTIONS),
    compositionKey([{ text: 'a', fonts: [s] }, { text: 'b', fonts: [s] }], OPTIONS),
  ];
  assert.notEqual(tricky[0], tricky[1]);
});

test('a hit gives the lines composed before; a sweep keeps only what the last build used', () => {
  const s = song();
  const cache = new ComposeCache();
  const a: Span[] = [{ text: '近期，市人大常委会部署启动了2024年全市人大代表主题活动。', fonts: [s] }];
  const b: Span[] = [{ text: '一是更加紧密结合省市中心工作。', fonts: [s] }];
  cache.begin();
  const first = cache.compose(a, OPTIONS);
  cache.compose(b, OPTIONS);
  cache.sweep();
  assert.deepEqual([cache.hits, cache.misses, cache.size], [0, 2, 2]);
  assert.deepEqual(first.lines.map((l) => l.text), composeParagraph(a, OPTIONS).lines.map((l) => l.text));

  cache.begin();
  const again = cache.compose(a, OPTIONS);
  assert.deepEqual([cache.hits, cache.misses], [1, 0]);
  assert.notEqual(again.lines, first.lines, 'a fresh array for the caller');
  assert.equal(again.lines[0], first.lines[0], 'the same line objects');
  cache.sweep();
  assert.equal(cache.size, 1, 'b was not used by this build');
});
