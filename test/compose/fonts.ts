/** The vendored fonts, as the composer tests use them. */
import { openFont } from '../../src/font/load.js';
import type { FontHandle } from '../../src/font/types.js';
import { vendoredFontPath } from '../../src/font/vendored.js';

/** The body face (宋): Noto Serif CJK SC Regular. */
export const song = (): FontHandle => openFont(vendoredFontPath('song'));
/** The bold sans face (黑): Noto Sans CJK SC Bold. */
export const hei = (): FontHandle => openFont(vendoredFontPath('hei'));
/** LXGW WenKai (楷): no `halt`, proportional “”‘’ (350 units). */
export const kai = (): FontHandle => openFont(vendoredFontPath('kai'));
