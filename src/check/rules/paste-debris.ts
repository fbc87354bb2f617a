/**
 * paste-debris: characters that come with text copied from Word, WPS, a web page or WeChat
 * (debris.ts), each reported once, by name, and removed (or made an ordinary space) by --fix.
 * Glyph coverage leaves them to this rule: "no glyph for U+2028" tells an editor nothing.
 */
import { codePointLabel } from '../../diag/visible.js';
import { hintOf, say, type MessageId } from '../../messages/catalogue.js';
import { findDebris } from '../debris.js';
import type { Finding, ScalarRule } from '../types.js';

export const pasteDebris: ScalarRule = {
  id: 'paste-debris',
  severity: 'error',
  scope: 'scalar',
  description: 'no invisible characters or private codes pasted from Word, web pages or WeChat',
  check({ scalar }) {
    const { plain } = scalar.view;
    // Nearly every text is clean: one scan for any candidate before the real work.
    if (!/[&\u00a0\u00ad\u061c\u180e\u2007\u200b-\u200f\u2028-\u202f\u2060\u2066-\u2069\u3000\ufeff\ufffc\ufffd\uf000-\uf0ff]/.test(plain)) return [];
    const out: Finding[] = [];
    for (const spot of findDebris(plain)) {
      const id = `debris.${spot.kind}` as MessageId;
      const entity = plain.slice(spot.start, spot.end);
      const name = say(id, { entity });
      const effect = hintOf(id) ?? '';
      const message = spot.kind === 'html-entity' ? say('paste-debris.entity', { name, effect }) : say('paste-debris', { name, code: codePointLabel(spot.cp), effect });
      const text = spot.repair === 'space' ? ' ' : spot.repair === 'character' ? spot.character ?? '' : '';
      const hint = spot.repair === 'remove' ? say('paste-debris.remove')
        : spot.repair === 'space' ? say('paste-debris.space')
        : spot.repair === 'character' ? say('paste-debris.character', { character: text })
        : say('paste-debris.retype');
      const finding: Finding = { start: spot.start, end: spot.end, message, hint };
      if (spot.repair) finding.fix = [{ start: spot.start, end: spot.end, text }];
      out.push(finding);
    }
    return out;
  },
};
