/**
 * 32-bit FNV-1a over the UTF-16 code units of a text, unsigned: enough to tell one text from
 * another where no one is trying to collide them (a schema edited since the build, a code cache
 * made for another installation). Run on every start, so the hash stays a signed 32-bit integer
 * in the loop, a small integer to V8, and is read as unsigned once at the end: kept unsigned,
 * more than half its values were numbers on the heap, one per character. Bitwise operators and
 * Math.imul read both forms as the same bits.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
