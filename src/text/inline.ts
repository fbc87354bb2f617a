/**
 * Inline markup of paragraph text. The only markup authors type is `**bold**`; everything
 * else is literal text.
 */
export interface InlinePiece {
  text: string;
  bold: boolean;
  /** Offset of `text` in the source string (after the `**` that opens it). */
  offset: number;
}

/** Split on `**` pairs. An unpaired `**` is kept as literal text. */
export function parseInline(source: string): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  let pos = 0;
  let plainStart = 0;
  while (pos < source.length) {
    const open = source.indexOf('**', pos);
    if (open < 0) break;
    const close = source.indexOf('**', open + 2);
    if (close < 0) break;
    if (close === open + 2) { pos = close + 2; continue; }
    if (open > plainStart) pieces.push({ text: source.slice(plainStart, open), bold: false, offset: plainStart });
    pieces.push({ text: source.slice(open + 2, close), bold: true, offset: open + 2 });
    pos = close + 2;
    plainStart = pos;
  }
  if (plainStart < source.length) pieces.push({ text: source.slice(plainStart), bold: false, offset: plainStart });
  return pieces;
}

/** The text as printed: markup removed. */
export function plainText(source: string): string {
  return parseInline(source).map((p) => p.text).join('');
}
