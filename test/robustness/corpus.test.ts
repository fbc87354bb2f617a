/**
 * Bad inputs to `bulletin build`, each generated in a scratch directory and run through the
 * built CLI with a bound on its time: the exact first and last lines it prints, the exit
 * status, that no PDF (and no temporary file) appears, and, for failures at each stage of the
 * pipeline, that a good PDF already there is left byte for byte as it was.
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_DIR } from '../../src/font/vendored.js';
import { bulletin, isCompletePdf, lines, listing, MINIMAL, pdfText, qpdfCheck, removeScratch, scratch } from './support.js';
import { cannotRunAsUser, run, sandbox } from './faults-support.js';

/** Bound on one build of a small bad file (font loading included, on a busy machine). */
const QUICK_MS = 30_000;

const withBody = (text: string) => MINIMAL.replace('第一段正文。', text);

/** The classic "billion laughs": nine levels of nine aliases each. */
function aliasBomb(): string {
  let out = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  const names = 'abcdefghi';
  for (let k = 1; k < names.length; k++) out += `${names[k]}: &${names[k]} [${Array(9).fill(`*${names[k - 1]}`).join(',')}]\n`;
  return out;
}

interface Case {
  name: string;
  source: () => string | Buffer;
  status: number;
  /** First line of stderr, exactly, or a pattern where a number depends on the composer. */
  first: string | RegExp;
  /** Last line of stderr (default: the "not built" summary with one error). */
  last?: string;
}

const NOT_BUILT_1 = 'bulletin build: issue.yaml not built: 1 error';

const CASES: Case[] = [
  {
    name: 'an empty file',
    source: () => '',
    status: 1,
    first: 'issue.yaml:1:1: error: the file is empty; an issue needs at least bulletin, number, publisher, date and sections [empty-file]',
  },
  {
    name: 'a YAML list instead of a mapping',
    source: () => '- bulletin: 测试简报\n- number: 1\n',
    status: 1,
    first: 'issue.yaml:1:1: error: the issue must be a mapping of keys (bulletin:, number:, sections: …); found a list [not-a-mapping]',
  },
  {
    name: 'a tab used for indentation',
    source: () => MINIMAL.replace('    articles:', '\tarticles:'),
    status: 1,
    first: 'issue.yaml:7:1: error: a tab indents this line: YAML indents with spaces only [tab-indent]',
  },
  {
    name: 'a YAML syntax error (an unclosed quote)',
    source: () => MINIMAL.replace('publisher: 测试单位编', 'publisher: "测试单位编'),
    status: 1,
    first: 'issue.yaml:3:12: error: the quoted text that starts here is never closed; add the closing " [yaml-syntax]',
  },
  {
    name: 'a duplicate key',
    source: () => MINIMAL.replace('number: 1\n', 'number: 1\nnumber: 2\n'),
    status: 1,
    first: 'issue.yaml:3:1: error: duplicate key `number`: it is already set on line 2; a key may appear only once in a mapping [duplicate-key]',
  },
  {
    name: 'a billion-laughs alias bomb',
    source: aliasBomb,
    status: 1,
    first: "issue.yaml:6:8: error: alias `*e` expands to 66,430 values, and the file's aliases pass the limit of 100,000 [yaml-alias]",
  },
  {
    name: 'a NUL character',
    source: () => MINIMAL.replace('测试单位编', '测试\u0000单位编'),
    status: 1,
    first: 'issue.yaml:3:14: error: NUL character (U+0000) in the file; it is not text — delete it [bad-character]',
  },
  {
    name: 'a BEL control character in a paragraph',
    source: () => withBody('第一段\u0007正文。'),
    status: 1,
    first: 'issue.yaml:10:16: error: control character U+0007 in the file; it is not text — delete it [bad-character]',
  },
  {
    name: 'an ESC control character',
    source: () => withBody('第一段\u001b正文。'),
    status: 1,
    first: 'issue.yaml:10:16: error: escape character (U+001B) in the file; it is not text — delete it [bad-character]',
  },
  {
    name: 'a form feed',
    source: () => withBody('第一段\u000c正文。'),
    status: 1,
    first: 'issue.yaml:10:16: error: form feed (U+000C) in the file; it is not text — delete it [bad-character]',
  },
  {
    name: 'a title too long for three lines',
    source: () => MINIMAL.replace('第一篇文章', '关于进一步加强和改进新时代地方立法工作的实施意见'.repeat(6)),
    status: 1,
    first: /^issue\.yaml:8:16: error: the title takes \d+ lines \(at most 3\): shorten it, or set it as a list of lines \[title-too-long\]$/,
  },
  {
    name: 'an empty section (articles: [])',
    source: () => MINIMAL.replace(/ {4}articles:\n[\s\S]*$/, '    articles: []\n'),
    status: 1,
    first: 'issue.yaml:7:15: error: section 要闻: `articles` is an empty list; give at least one article [empty-value]',
  },
  {
    name: 'a section with a name only',
    source: () => MINIMAL.replace(/ {4}articles:\n[\s\S]*$/, ''),
    status: 1,
    first: 'issue.yaml:6:5: error: section 要闻 needs `articles` or `briefs` (or both) [missing-field]',
  },
  {
    name: 'a section whose articles: has no value',
    source: () => MINIMAL.replace(/ {4}articles:\n[\s\S]*$/, '    articles:\n'),
    status: 1,
    first: 'issue.yaml:7:5: error: section 要闻: `articles` has no value; it must be a list of articles [wrong-type]',
  },
  {
    name: 'an issue with no sections (sections: [])',
    source: () => MINIMAL.replace(/sections:\n[\s\S]*$/, 'sections: []\n'),
    status: 1,
    first: 'issue.yaml:5:11: error: `sections` is an empty list; give at least one section [empty-value]',
  },
  {
    name: 'an issue without a sections key',
    source: () => MINIMAL.replace(/sections:\n[\s\S]*$/, ''),
    status: 1,
    first: 'issue.yaml:1:1: error: `sections` is missing [missing-field]',
  },
  {
    name: 'an emoji no font of the default theme has',
    source: () => withBody('第一段正文😀。'),
    status: 1,
    first: "issue.yaml:10:18: error: character '😀' (U+1F600) cannot be printed in body text: no glyph in NotoSerifCJKsc-Regular [glyph-coverage]",
  },
  {
    name: 'an Extension B character (𠀀 U+20000) no installed font has',
    source: () => withBody('第一段正文𠀀。'),
    status: 1,
    first: "issue.yaml:10:18: error: character '𠀀' (U+20000) cannot be printed in body text: no glyph in NotoSerifCJKsc-Regular [glyph-coverage]",
  },
  {
    name: 'an Extension B character (𠀎 U+2000E) the body face lacks, in a title',
    source: () => MINIMAL.replace('第一篇文章', '第一篇𠀎文章'),
    status: 1,
    first: "issue.yaml:8:19: error: character '𠀎' (U+2000E) cannot be printed in article titles: no glyph in NotoSerifCJKsc-Bold, NotoSerifCJKsc-Regular [glyph-coverage]",
    last: 'bulletin build: issue.yaml not built: 2 errors',
  },
];

for (const c of CASES) {
  test(`build rejects ${c.name}: exact message, exit ${c.status}, no PDF`, () => {
    const dir = scratch({ 'issue.yaml': c.source() });
    try {
      const r = bulletin(dir, ['build', 'issue.yaml'], QUICK_MS);
      assert.equal(r.timedOut, false, `still running after ${QUICK_MS} ms`);
      assert.equal(r.stdout, '');
      const err = lines(r.stderr);
      if (typeof c.first === 'string') assert.equal(err[0], c.first, r.stderr);
      else assert.match(err[0] ?? '', c.first, r.stderr);
      assert.equal(err.at(-1), c.last ?? NOT_BUILT_1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at |internal error/);
      assert.equal(r.status, c.status);
      assert.deepEqual(listing(dir), ['issue.yaml'], 'no PDF and no temporary file');
    } finally {
      removeScratch(dir);
    }
  });
}

// A good PDF from an earlier build, to show that failed builds leave it alone.
let goodPdf = '';
let goodDir = '';
before(() => {
  goodDir = scratch({ 'good.yaml': MINIMAL });
  const r = bulletin(goodDir, ['build', 'good.yaml'], QUICK_MS);
  assert.equal(r.status, 0, r.stderr);
  goodPdf = join(goodDir, 'good.pdf');
});
after(() => removeScratch(goodDir));

/** One failure per stage: reading YAML, glyph coverage (fonts open), layout (title too long). */
const STAGES: [string, string, string][] = [
  ['a YAML syntax error', MINIMAL.replace('publisher: 测试单位编', 'publisher: "测试单位编'), 'issue.yaml:3:12: error:'],
  ['a character without a glyph', withBody('第一段正文😀。'), 'issue.yaml:10:18: error:'],
  ['a title too long for three lines', MINIMAL.replace('第一篇文章', '关于进一步加强和改进新时代地方立法工作的实施意见'.repeat(6)), 'issue.yaml:8:16: error:'],
];

for (const [what, source, first] of STAGES) {
  test(`a failed build (${what}) leaves the existing PDF byte for byte as it was`, () => {
    const dir = scratch({ 'issue.yaml': source });
    try {
      copyFileSync(goodPdf, join(dir, 'issue.pdf'));
      const r = bulletin(dir, ['build', 'issue.yaml'], QUICK_MS);
      assert.equal(r.status, 1, r.stderr);
      assert.ok(r.stderr.startsWith(first), r.stderr);
      assert.ok(readFileSync(join(dir, 'issue.pdf')).equals(readFileSync(goodPdf)));
      assert.deepEqual(listing(dir), ['issue.pdf', 'issue.yaml']);
    } finally {
      removeScratch(dir);
    }
  });
}

test('a 100,000-character paragraph builds: a complete PDF that qpdf accepts', () => {
  const paragraph = '这是很长的段落，用来测试排版是否都正确。'.repeat(5000);
  assert.equal(paragraph.length, 100_000);
  const dir = scratch({ 'issue.yaml': withBody(paragraph) });
  try {
    const r = bulletin(dir, ['build', 'issue.yaml'], 90_000);
    assert.equal(r.timedOut, false);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^issue\.pdf — \d{3} pages, \d+ KB, \d+\.\d\d s\n$/);
    const pdf = readFileSync(join(dir, 'issue.pdf'));
    assert.ok(isCompletePdf(pdf));
    const q = qpdfCheck(join(dir, 'issue.pdf'));
    if (q.available) assert.ok(q.ok, q.output);
    const text = pdfText(join(dir, 'issue.pdf'));
    if (text !== undefined) {
      // Folios (— 12 —) sit between the pages' text; without them the paragraph reads through.
      const body = text.split('\n').filter((l) => !/^\f?—\s*\d+\s*—$/.test(l.trim())).join('').replace(/\s+/g, '');
      assert.equal((body.match(/用来测试排版是否都正确/g) ?? []).length, 5000, 'every sentence is printed once');
    }
  } finally {
    removeScratch(dir);
  }
});

test('an Extension B character with a theme whose body chain adds a face that has it: builds, and the character is in the PDF text', () => {
  // LXGW WenKai (vendored for the kai role) has 𠀎 U+2000E; the Noto SC faces do not.
  const dir = scratch({
    'issue.yaml': MINIMAL.replace('第一篇文章', '第一篇𠀎文章').replace('第一段正文。', '第一段𠀎正文。'),
    'theme.yaml': `fonts:\n  extb:\n    file: ${join(FONT_DIR, 'LXGWWenKai-Regular.ttf')}\n  song:\n    fallback: [extb]\n`,
  });
  try {
    const r = bulletin(dir, ['build', 'issue.yaml', '--theme', 'theme.yaml'], QUICK_MS);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^issue\.pdf — 1 page, /);
    assert.ok(isCompletePdf(readFileSync(join(dir, 'issue.pdf'))));
    const text = pdfText(join(dir, 'issue.pdf'));
    if (text !== undefined) assert.equal((text.match(/𠀎/g) ?? []).length >= 2, true, text);
  } finally {
    removeScratch(dir);
  }
});

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const LXGW_DEBIAN = '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf';

test('an emoji and an Extension B character with system fonts added to the body chain: builds', (t) => {
  const missing = [DEJAVU, LXGW_DEBIAN].filter((f) => !existsSync(f));
  if (missing.length) {
    t.skip(`system font not installed: ${missing.join(', ')} (Debian packages fonts-dejavu-core, fonts-lxgw-wenkai)`);
    return;
  }
  const dir = scratch({
    'issue.yaml': withBody('第一段正文😀，还有𠀎。'),
    'theme.yaml': `fonts:\n  song:\n    fallback: [extb, symbols]\n  extb:\n    file: ${LXGW_DEBIAN}\n  symbols:\n    file: ${DEJAVU}\n`,
  });
  try {
    const r = bulletin(dir, ['build', 'issue.yaml', '--theme', 'theme.yaml'], QUICK_MS);
    assert.equal(r.status, 0, r.stderr);
    const text = pdfText(join(dir, 'issue.pdf'));
    if (text !== undefined) assert.match(text, /第一段正文😀，还有𠀎。/);
  } finally {
    removeScratch(dir);
  }
});

test('an unwritable output path: one line, exit 2, nothing written', (t) => {
  // Permissions do not stop root: the build runs as the unprivileged test user.
  const why = cannotRunAsUser();
  if (why) {
    t.skip(why);
    return;
  }
  const dir = sandbox({ 'issue.yaml': MINIMAL });
  try {
    mkdirSync(join(dir, 'ro'));
    copyFileSync(goodPdf, join(dir, 'ro', 'issue.pdf'));
    chmodSync(join(dir, 'ro'), 0o555);
    const r = run(dir, ['build', 'issue.yaml', '-o', 'ro/issue.pdf'], { timeoutMs: QUICK_MS, asUser: true });
    chmodSync(join(dir, 'ro'), 0o755);
    assert.equal(r.stderr, 'bulletin build: cannot write ro/issue.pdf: permission denied (it is left as it was)\n');
    assert.equal(r.status, 2);
    assert.ok(readFileSync(join(dir, 'ro', 'issue.pdf')).equals(readFileSync(goodPdf)), 'the old PDF is intact');
    assert.deepEqual(listing(join(dir, 'ro')), ['issue.pdf']);
  } finally {
    removeScratch(dir);
  }
});

test('the output path is a directory: one line, exit 2', () => {
  const dir = scratch({ 'issue.yaml': MINIMAL });
  try {
    mkdirSync(join(dir, 'issue.pdf'));
    const r = bulletin(dir, ['build', 'issue.yaml'], QUICK_MS);
    assert.equal(r.stderr, 'bulletin build: cannot write issue.pdf: it is a directory\n');
    assert.equal(r.status, 2);
    assert.deepEqual(listing(dir), ['issue.pdf', 'issue.yaml']);
  } finally {
    removeScratch(dir);
  }
});
