/**
 * Where a title or heading breaks well (typography.md §1.8; GB/T 9704 §7.3.1: multi-line titles
 * keep words whole): at a typed space or after a mark costs nothing, between two words (ICU's
 * dictionary word segmentation for Chinese) a little, inside a word a lot.
 */
import { Cls } from '../text/classes.js';
import { Gap, type Segmentation } from '../text/segment.js';

export const BALANCE_COST = { SPACE_OR_MARK: 0, SCRIPT_CHANGE: 300, WORD: 1500, INSIDE_WORD: 8000 } as const;

let segmenter: Intl.Segmenter | undefined;

export function balanceQuality(text: string, seg: Segmentation): Float64Array {
  const q = new Float64Array(seg.count + 1);
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const bounds = new Set<number>();
  for (const s of segmenter.segment(text)) bounds.add(s.index);
  for (let j = 1; j < seg.count; j++) {
    const pc = seg.cls[j - 1], nc = seg.cls[j];
    if (seg.gap[j] === Gap.Word || pc === Cls.Pause || pc === Cls.Stop || pc === Cls.QE || pc === Cls.Close || nc === Cls.Open || pc === Cls.Long || pc === Cls.IdeoSpace || nc === Cls.IdeoSpace) q[j] = BALANCE_COST.SPACE_OR_MARK;
    else if (seg.gap[j] === Gap.CjkLatin) q[j] = BALANCE_COST.SCRIPT_CHANGE;
    else q[j] = bounds.has(seg.start[j]) ? BALANCE_COST.WORD : BALANCE_COST.INSIDE_WORD;
  }
  return q;
}
