/**
 * Fonts read ahead on the thread pool (prefetchFonts, readFontFileAsync) open exactly as fonts
 * read when asked for, and reading ahead never changes what openFont reports for a bad file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FontLoadError, openFont, prefetchedFonts, prefetchFonts } from '../../src/font/load.js';
import { readFontFile, readFontFileAsync } from '../../src/font/sparse.js';
import { vendoredFontPath } from '../../src/font/vendored.js';
import { fontkitFont } from '../../src/font/handle.js';

test('the asynchronous read gives the same bytes and outline readers as the synchronous one', async () => {
  for (const role of ['song', 'kai'] as const) {
    const file = vendoredFontPath(role);
    const a = readFontFile(file);
    const b = await readFontFileAsync(file);
    try {
      assert.ok(a.buffer.equals(b.buffer));
      assert.deepEqual([...a.faces.keys()], [...b.faces.keys()]);
      assert.equal(a.whole, b.whole);
      const [sa, sb] = [[...a.faces.values()][0], [...b.faces.values()][0]];
      sa.loadMany([10, 500, 30000]);
      sb.loadMany([10, 500, 30000]);
      assert.ok(a.buffer.equals(b.buffer));
    } finally {
      a.close();
      b.close();
    }
  }
});

test('a font read ahead opens as one read when asked for', async () => {
  const file = vendoredFontPath('hei');
  prefetchFonts([file, file]);
  await prefetchedFonts();
  const handle = openFont(file);
  assert.equal(handle.postscriptName, 'NotoSansCJKsc-Bold');
  const g = fontkitFont(handle).glyphForCodePoint(0x6c49);
  assert.ok(g.id > 0 && g.path.commands.length > 0, 'outlines load on demand');
  assert.equal(openFont(file), handle, 'cached as before');
});

test('opening a font whose read-ahead has not finished reads it again, once', async () => {
  const file = vendoredFontPath('title');
  prefetchFonts([file]);
  const handle = openFont(file); // before the read ahead can have finished
  assert.ok(handle.hasGlyph(0x4e2d));
  await prefetchedFonts();
  assert.equal(openFont(file), handle);
});

test('bad files read ahead are reported by openFont as without reading ahead', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-prefetch-'));
  try {
    const missing = join(dir, 'missing.ttf');
    const junk = join(dir, 'junk.ttf');
    writeFileSync(junk, 'not a font, not at all, but long enough for a header');
    prefetchFonts([missing, junk]);
    await prefetchedFonts();
    assert.throws(() => openFont(missing), (err: unknown) => err instanceof FontLoadError && /font file not found/.test(err.message));
    assert.throws(() => openFont(junk), (err: unknown) => err instanceof FontLoadError && /not a usable font file/.test(err.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
