/** Fonts named by family found before anything is opened (src/style/families.ts), or said where written. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveFamilies, type FamilyLookup } from '../../src/style/families.js';
import { mergedTheme } from '../support/styles.js';

const lookup: FamilyLookup = {
  find: (name) => (name === '仿宋_GB2312' ? { file: '/fonts/FS_GB2312.TTF' } : name === '楷体' ? { file: '/fonts/kaiti.ttc', face: 'KaiTi' } : undefined),
  near: (name) => (name.startsWith('仿宋') ? ['仿宋_GB2312', '仿宋'] : []),
  where: () => 'C:\\Windows\\Fonts',
};

test('a family found gets its file (and a collection’s face); a file stays a file', () => {
  const theme = mergedTheme([{ layer: { fonts: { fangsong: { family: '仿宋_GB2312', fallback: ['song'] }, kai: '楷体' } }, baseDir: '/office' }]);
  const { theme: found, problems } = resolveFamilies(theme, lookup);
  assert.deepEqual(problems, []);
  assert.deepEqual(found.fonts.fangsong, { family: '仿宋_GB2312', file: '/fonts/FS_GB2312.TTF', fallback: ['song'] });
  assert.deepEqual(found.fonts.kai, { family: '楷体', file: '/fonts/kaiti.ttc', face: 'KaiTi', fallback: ['song'] });
  assert.equal(found.fonts.song, theme.fonts.song);
});

test('a family no installed font has: a problem at the key that wrote it, with where it was looked for and the nearest names', () => {
  const theme = mergedTheme([{ layer: { fonts: { song: '仿宋GB2313' } }, baseDir: '/office' }]);
  const { problems } = resolveFamilies(theme, lookup);
  assert.deepEqual(problems.map((p) => [p.path, p.aliases]), [[['fonts', 'song', 'family'], [['fonts', 'song', 'file'], ['fonts', 'song']]]]);
  assert.equal(problems[0].message, 'no font named “仿宋GB2313” is installed on this computer (looked through C:\\Windows\\Fonts); installed fonts with a similar name: “仿宋_GB2312”, “仿宋”');
  assert.match(problems[0].hint ?? '', /^install the font, or give its file instead/);
});
