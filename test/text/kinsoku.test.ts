import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cls, classify } from '../../src/text/classes.js';
import { noLineEnd, noLineStart } from '../../src/text/kinsoku.js';

const start = (c: string, level: 'gb' | 'strict' = 'gb') => noLineStart(classify(c.codePointAt(0)!), c.codePointAt(0)!, level);
const end = (c: string) => noLineEnd(classify(c.codePointAt(0)!), c.codePointAt(0)!);

test('GB-style line-start prohibitions (typography.md §1.2)', () => {
  for (const c of [...'，。、；：？！．）》〉」』】〕〗］｝·・／～—%％‰℃,.;:!?)']) assert.ok(start(c), c);
  for (const c of [...'中（《“A1￥']) assert.ok(!start(c), c);
  assert.ok(noLineStart(Cls.Close, 0x201d, 'gb'), '” as a Chinese closing mark');
});

test('strict adds 破折号 and 省略号', () => {
  assert.ok(!noLineStart(Cls.Long, 0x2014, 'gb'));
  assert.ok(noLineStart(Cls.Long, 0x2014, 'strict'));
});

test('line-end prohibitions: opening marks, prefix signs, solidus', () => {
  for (const c of [...'（《〈「『【〔〖［｛￥＄$(／']) assert.ok(end(c), c);
  assert.ok(noLineEnd(Cls.Open, 0x201c), '“ as a Chinese opening mark');
  for (const c of [...'中。）A1%']) assert.ok(!end(c), c);
});

test('classes: marks, Han, signs, spaces', () => {
  assert.equal(classify('中'.codePointAt(0)!), Cls.Han);
  assert.equal(classify('〇'.codePointAt(0)!), Cls.Han);
  assert.equal(classify('𠀀'.codePointAt(0)!), Cls.Han);
  assert.equal(classify('①'.codePointAt(0)!), Cls.Wide);
  assert.equal(classify('。'.codePointAt(0)!), Cls.Stop);
  assert.equal(classify('？'.codePointAt(0)!), Cls.QE);
  assert.equal(classify('“'.codePointAt(0)!), Cls.Latin, 'decided by context');
  assert.equal(classify('℃'.codePointAt(0)!), Cls.Postfix);
  assert.equal(classify('\u3000'.codePointAt(0)!), Cls.IdeoSpace);
  assert.equal(classify(' '.codePointAt(0)!), Cls.Space);
});
