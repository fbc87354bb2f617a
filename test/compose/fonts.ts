/**
 * Fonts for composer tests: the vendored faces when fonts/ has them, else Debian's system
 * Noto CJK / LXGW WenKai (the same designs).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openFont } from '../../src/font/load.js';
import type { FontHandle } from '../../src/font/types.js';
import { FONT_DIR, VENDORED_FONTS } from '../../src/font/vendored.js';

const SYSTEM: Record<string, [string, string | undefined]> = {
  song: ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
  hei: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold'],
  kai: ['/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf', undefined],
};

function open(role: 'song' | 'hei' | 'kai'): FontHandle {
  const vendored = join(FONT_DIR, VENDORED_FONTS[role]);
  if (existsSync(vendored)) return openFont(vendored);
  const [file, face] = SYSTEM[role];
  return openFont(file, face);
}

/** The body face (宋). */
export const song = (): FontHandle => open('song');
/** The bold sans face (黑). */
export const hei = (): FontHandle => open('hei');
/** LXGW WenKai (楷): no `halt`, proportional “”‘’ (350 units). */
export const kai = (): FontHandle => open('kai');
