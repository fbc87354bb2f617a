/**
 * list-marker: an Arabic-numeral sequence number takes the full stop 1. — 、 follows only Han
 * numerals (一、) (GB/T 9704—2012 §7.3.3 一、（一）1.（1）; GB/T 15834). Recognised only where a
 * number stands as a list number — at the start of a text or after a stop or a space, and followed
 * by Chinese — so an enumeration of numbers (第1、2、3条, 1、2号楼) is left alone.
 */
import { hintOf, say } from '../../messages/catalogue.js';
import type { Finding, ScalarRule } from '../types.js';
import { touchesProtected } from './around.js';

const MARKER = /(?<=^|[\s。；：！？])(\d{1,2})、(?![一二三四五六七八九十])(?=[\u3400-\u9fff\uf900-\ufaff“（《])/g;

export const listMarker: ScalarRule = {
  id: 'list-marker',
  severity: 'warning',
  scope: 'scalar',
  description: 'an Arabic-numeral list number takes 1. not 1、',
  roles: ['paragraph', 'heading', 'brief', 'note'],
  check({ scalar }) {
    const { plain, protectedMask } = scalar.view;
    const out: Finding[] = [];
    for (const m of plain.matchAll(MARKER)) {
      const at = m.index! + m[1].length;
      if (touchesProtected(protectedMask, m.index!, at + 1)) continue;
      out.push({
        start: at,
        end: at + 1,
        message: say('list-marker', { number: m[1] }),
        hint: hintOf('list-marker'),
        fix: [{ start: at, end: at + 1, text: '.' }],
      });
    }
    return out;
  },
};
