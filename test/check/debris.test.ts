import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDebris, isPasteDebris } from '../../src/check/debris.js';

/** kind@start-end:repair of each spot. */
const spots = (text: string): string[] => findDebris(text).map((s) => `${s.kind}@${s.start}-${s.end}:${s.repair ?? 'none'}${s.character ? `=${s.character}` : ''}`);

test('each kind of paste debris is one spot, with the repair that is certain', () => {
  assert.deepEqual(spots('会议\u2028强调'), ['line-separator@2-3:remove']);
  assert.deepEqual(spots('Smart\u2028City'), ['line-separator@5-6:space']);
  assert.deepEqual(spots('会议\u200b\u200b强调'), ['zero-width@2-4:remove'], 'a run is one spot');
  assert.deepEqual(spots('会议\u00a0强调'), ['no-break-space@2-3:remove']);
  assert.deepEqual(spots('Smart\u00a0City'), ['no-break-space@5-6:space']);
  assert.deepEqual(spots('infor\u00admation'), ['soft-hyphen@5-6:remove']);
  assert.deepEqual(spots('\uf0b7\t加强建设'), ['symbol-bullet@0-2:remove']);
  assert.deepEqual(spots('加强\uf0e0建设'), ['symbol-char@2-3:none'], 'a Symbol-font character inside text: only the author knows what it was');
  assert.deepEqual(spots('\u3000\u3000近期，'), ['ideographic-indent@0-2:remove']);
  assert.deepEqual(spots('近期，\u3000会议'), [], 'a full-width space inside text is space-in-cjk’s');
  assert.deepEqual(spots('会议\ufeff强调'), ['byte-order@2-3:remove']);
  assert.deepEqual(spots('会议\u200e强调'), ['direction@2-3:remove']);
  assert.deepEqual(spots('会议\ufffc'), ['object@2-3:remove']);
  assert.deepEqual(spots('会议\ufffd'), ['replacement@2-3:none']);
});

test('HTML entities copied from web pages stand for their characters', () => {
  assert.deepEqual(spots('会议&nbsp;强调'), ['html-entity@2-8:remove']);
  assert.deepEqual(spots('Smart&nbsp;City'), ['html-entity@5-11:space']);
  assert.deepEqual(spots('&ldquo;代表之家&rdquo;'), ['html-entity@0-7:character=“', 'html-entity@11-18:character=”']);
  assert.deepEqual(spots('A&amp;B &#8212; &#x4E2D;'), ['html-entity@1-6:character=&', 'html-entity@8-15:character=—', 'html-entity@16-24:character=中']);
  assert.deepEqual(spots('a&b; R&D'), [], 'an ampersand that is no entity is text');
});

test('emoji joined by a zero-width joiner are not debris', () => {
  assert.deepEqual(spots('👨\u200d👩\u200d👧'), []);
});

test('isPasteDebris names the characters glyph coverage leaves to this rule', () => {
  for (const cp of [0x2028, 0x2029, 0x200b, 0xfeff, 0x00a0, 0x00ad, 0xf0b7]) assert.ok(isPasteDebris(cp), cp.toString(16));
  for (const cp of [0x3000, 0x4e2d, 0x20, 0xfe0f]) assert.ok(!isPasteDebris(cp), cp.toString(16));
});
