/**
 * The fast paths through dependencies' private internals (src/fast-paths.ts) are written for
 * exact versions, pinned in package.json and the lock: one test per assumption, each naming the
 * code that relies on it, so that an upgrade fails here, loudly, and not in print. (That each
 * path gives what the public path gives is tested beside it: test/font/fontkit-private.test.ts,
 * test/render/pdfkit-private.test.ts, test/defer-modules.test.ts, and the glyph pixel test.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fontkitFont } from '../src/font/handle.js';
import { openFont } from '../src/font/load.js';
import { PACKAGE_ROOT, vendoredFontPath } from '../src/font/vendored.js';

const require = createRequire(import.meta.url);
const PINS = { fontkit: '2.0.4', pdfkit: '0.20.2' } as const;

function installed(name: string, from = PACKAGE_ROOT): { version: string; dir: string } {
  const req = createRequire(join(from, 'package.json'));
  let dir = dirname(req.resolve(name));
  const nameAt = (d: string): string | undefined => {
    try {
      return (JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { name?: string }).name;
    } catch {
      return undefined;
    }
  };
  while (nameAt(dir) !== name) dir = dirname(dir);
  return { version: (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version, dir };
}

test('fontkit and pdfkit are pinned to the versions the fast paths were written for, in package.json, the lock and node_modules', () => {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
  for (const [name, version] of Object.entries(PINS)) {
    assert.equal(pkg.dependencies[name], version, `package.json pins ${name} to ${version} exactly`);
    assert.equal(lock.packages[`node_modules/${name}`].version, version, `the lock has ${name} ${version}`);
    assert.equal(installed(name).version, version, `${name} ${installed(name).version} is installed: re-check the fast paths against it before changing the pin`);
  }
});

test('pdfkit loads the same fontkit (font/load.ts: one parsed face serves measuring and embedding)', () => {
  const pdfkitDir = installed('pdfkit').dir;
  assert.equal(createRequire(join(pdfkitDir, 'package.json')).resolve('fontkit'), require.resolve('fontkit'));
});

interface Internals {
  type?: string;
  stream?: { buffer?: Uint8Array };
  directory?: { tables?: Record<string, { offset: number; length: number }> };
  _tables?: Record<string, unknown>;
  _decodeTable?: unknown;
  _cmapProcessor?: { lookup?: unknown; encoding?: unknown; cmap?: { version?: number; _startOffset?: number } };
  _variationProcessor?: unknown;
  _getTableStream?: (tag: string) => { pos: number; readBuffer?: unknown } | null;
  hhea?: { numberOfMetrics?: number };
  hmtx?: { metrics?: { get?: unknown; length?: number }; bearings?: unknown };
  loca?: { version?: number; offsets?: ArrayLike<number> };
  head?: { indexToLocFormat?: number };
  getGlyph: unknown;
  createSubset(): Record<string, unknown>;
}

const song = () => fontkitFont(openFont(vendoredFontPath('song'))) as unknown as Internals;

test('cmap-hmtx (fontkit-private rawMetrics): the cmap processor, the subtable it chose and where its bytes are; no variation processor', () => {
  const f = song();
  assert.equal(f.type, 'TTF');
  assert.equal(typeof f._cmapProcessor?.lookup, 'function');
  assert.ok(f._cmapProcessor?.encoding == null, 'a Unicode subtable, no legacy encoding');
  assert.ok([4, 12, 13].includes(f._cmapProcessor?.cmap?.version ?? -1));
  assert.equal(typeof f._cmapProcessor?.cmap?._startOffset, 'number', 'the subtable keeps its offset in the file');
  assert.ok(f._variationProcessor == null);
  assert.ok((f.hhea?.numberOfMetrics ?? 0) > 0);
  assert.equal(typeof f.hmtx?.metrics?.get, 'function');
  assert.ok(f.stream?.buffer instanceof Uint8Array);
  assert.ok(f.directory?.tables?.hmtx && f.directory.tables.cmap);
});

test('sparse-read (fontkit-private attachGlyphSource): every glyph is reached through the instance\'s getGlyph', () => {
  const f = song();
  assert.ok(Object.hasOwn(f, 'getGlyph'), 'the sparse reader installed its own getGlyph on the instance');
  const fresh = (require('fontkit') as { create(b: Buffer): Internals }).create(readFileSync(vendoredFontPath('song')));
  // fontkit's glyphForCodePoint, layout and subsets call this.getGlyph (not a private function).
  const proto = Object.getPrototypeOf(fresh) as Record<string, unknown>;
  for (const method of ['glyphForCodePoint', 'glyphsForString', 'layout']) {
    assert.match(String(proto[method] ?? Object.getPrototypeOf(proto)[method]), /getGlyph|_layoutEngine|glyphForCodePoint/, method);
  }
  assert.equal(typeof fresh.getGlyph, 'function');
});

test('table-decoders (fontkit-private installFastTables): the table cache, its decoder, loca and post as fontkit decodes them', () => {
  const f = song();
  assert.equal(typeof f._decodeTable, 'function');
  assert.ok(f._tables && typeof f._tables === 'object');
  assert.ok(f._tables && 'loca' in f._tables, 'loca is in the cache (put there by the fast decoder)');
  assert.ok([0, 1].includes(f.head?.indexToLocFormat ?? -1));
  const fresh = (require('fontkit') as { create(b: Buffer): Internals }).create(readFileSync(vendoredFontPath('song')));
  assert.equal(fresh.loca?.version, f.loca?.version);
  assert.equal(fresh.loca?.offsets?.length, f.loca?.offsets?.length);
  assert.ok(fresh._tables && 'loca' in fresh._tables, 'fontkit caches a decoded table under its tag');
});

test('subset-writer (fontkit-private speedUpSubset): a TrueType subset\'s _addGlyph, encode, glyphs, glyf, loca, hmtx and offset; the glyf stream', () => {
  const f = song();
  const s = f.createSubset();
  for (const name of ['_addGlyph', 'encode', 'includeGlyph']) assert.equal(typeof s[name], 'function', name);
  assert.ok(Array.isArray(s.glyphs));
  assert.equal(typeof f._getTableStream, 'function');
  const stream = f._getTableStream?.('glyf');
  assert.ok(stream && typeof stream.pos === 'number' && typeof stream.readBuffer === 'function');
  // What fontkit's TrueType encode() fills, and our writer reproduces byte for byte.
  const encoded = (s.encode as () => Uint8Array)();
  assert.ok(encoded instanceof Uint8Array && encoded.length > 100);
  for (const name of ['glyf', 'loca', 'hmtx']) assert.ok(s[name] !== undefined, name);
  assert.equal(typeof s.offset, 'number');
});

test('pdfkit-private: doc._font is the EmbeddedFont of doc.font(name), with subset, widths, unicode, id, ref; embed() reads subset.encode() and subset.cff', () => {
  const PDFDocument = require('pdfkit') as new (o: Record<string, unknown>) => Record<string, unknown> & { registerFont(n: string, f: unknown): void; font(n: string): void; addPage(): void };
  const doc = new PDFDocument({ autoFirstPage: false, font: null });
  doc.addPage();
  doc.registerFont('x', fontkitFont(openFont(vendoredFontPath('song'))));
  doc.font('x');
  const f = doc._font as Record<string, unknown>;
  for (const name of ['widths', 'unicode']) assert.ok(Array.isArray(f[name]), name);
  assert.equal(typeof f.id, 'string');
  assert.equal(typeof f.ref, 'function');
  assert.equal(typeof (f.subset as { includeGlyph?: unknown }).includeGlyph, 'function');
  const embed = String((Object.getPrototypeOf(f) as { embed: () => void }).embed);
  assert.match(embed, /this\.subset\.cff != null/);
  assert.match(embed, /this\.subset\.encode\(\)/);
  const page = doc.page as { fonts?: unknown; resources?: { data?: unknown }; dictionary?: { data?: unknown } };
  assert.ok(page.fonts && page.resources?.data && page.dictionary?.data);
  const outline = (doc.outline as { addItem(t: string): { outlineData?: unknown } }).addItem('t');
  assert.ok(outline.outlineData && typeof outline.outlineData === 'object');
  // The named destinations' tree sorts its keys in toString() by _compareKeys (localeCompare).
  const dests = (doc._root as { data: { Names: { data: { Dests: Record<string, unknown> } } } }).data.Names.data.Dests;
  assert.ok(dests._items && typeof dests._items === 'object');
  assert.match(String(dests._compareKeys), /localeCompare/);
  assert.match(String(dests.toString), /\.sort\(\(a, b\) => this\._compareKeys\(a, b\)\)/);
  // A content stream takes bytes as they are and text through a loop, with a newline appended.
  const content = (doc.page as { content: { write(c: unknown): void } }).content;
  assert.match(String(content.write), /instanceof Uint8Array/);
  assert.match(String(content.write), /chunk \+ '\\n'/);
});

test('defer-modules: the modules deferred exist where fontkit and pdfkit require them, and unicode-trie is a class with get()', () => {
  const from = (pkg: string) => createRequire(join(installed(pkg).dir, 'package.json'));
  assert.ok(from('fontkit').resolve('brotli/decompress.js'));
  assert.ok(from('pdfkit').resolve('@noble/ciphers/aes'));
  assert.ok(from('pdfkit').resolve('png-js'));
  const Trie = from('fontkit')('unicode-trie') as { prototype: { get?: unknown } };
  assert.equal(typeof Trie.prototype.get, 'function');
  assert.equal(typeof (require('node:module') as { _cache?: unknown; prototype: unknown }).prototype, 'object');
});
