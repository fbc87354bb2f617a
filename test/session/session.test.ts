/**
 * The build session: a PDF it writes is the one `buildIssue` writes, byte for byte, however many
 * edits came before; an edit re-composes only the paragraphs it touched; the theme is resolved
 * again only when the theme file or the `style:` block changes; and what it keeps does not grow
 * with the number of edits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildIssue } from '../../src/app/build.js';
import { BuildSession } from '../../src/session/session.js';
import { deflateStats } from '../../src/session/deflate-memo.js';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection before each heap reading (the flag makes V8 expose `gc` to new contexts).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const SEED = readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'issues', 'seed-mini.yaml'), 'utf8');
const DATE = new Date(Date.UTC(2024, 0, 5));

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'bulletin-session-'));
}

/** The seed issue with its first article's paragraph replaced. */
function withParagraph(text: string): string {
  const next = SEED.replace('- 某区人大常委会开展调研，形成报告3份。报告提出意见建议，并做好跟踪问效等工作。', `- ${JSON.stringify(text)}`);
  assert.notEqual(next, SEED);
  return next;
}

test('after any sequence of edits, the session writes the PDF buildIssue writes', async () => {
  const dir = scratch();
  try {
    const file = join(dir, 'a.yaml');
    const session = new BuildSession(file, { date: DATE });
    const pieces = ['人大代表', '调研', '，', '。', '2024年', 'GDP增长5%', '“三个结合”', '（试行）', '——', '工作'];
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }), async (words) => {
      writeFileSync(file, withParagraph(words.join('') + '。'));
      const viaSession = await session.build(join(dir, 'session.pdf'));
      const fresh = await buildIssue(file, { output: join(dir, 'fresh.pdf'), date: DATE });
      assert.equal(viaSession.ok, fresh.ok);
      if (!fresh.ok) return;
      assert.ok(readFileSync(join(dir, 'session.pdf')).equals(readFileSync(join(dir, 'fresh.pdf'))), 'same bytes');
    }), { numRuns: 12, seed: 15 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('690 and bulletins of other shapes: the session writes the PDF buildIssue writes (paragraphs offered in other line counts too)', async () => {
  const dir = scratch();
  try {
    const files = [join(PACKAGE_ROOT, 'issues', '690.yaml'), ...['sheqing-minyi', 'lianzheng-jianbao', 'xianweiban-gongzuo-xinxi', 'jiedao-zengkan'].map((n) => join(PACKAGE_ROOT, 'test', 'fixtures', 'issues', `${n}.yaml`))];
    for (const file of files) {
      const session = new BuildSession(file, { date: DATE });
      const viaSession = await session.build(join(dir, 'session.pdf'));
      const fresh = await buildIssue(file, { output: join(dir, 'fresh.pdf'), date: DATE });
      assert.ok(viaSession.ok && fresh.ok, file);
      assert.equal(viaSession.pages, fresh.pages, file);
      assert.ok(readFileSync(join(dir, 'session.pdf')).equals(readFileSync(join(dir, 'fresh.pdf'))), `${file}: same bytes`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a rebuild of the same text deflates nothing again (pdfkit deflates through zlib.deflateSync) and writes the same bytes', async () => {
  const dir = scratch();
  try {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, SEED);
    const session = new BuildSession(file, { date: DATE });
    assert.ok((await session.build(join(dir, 'one.pdf'))).ok);
    const { hits, misses } = deflateStats;
    assert.ok(misses > 0, 'the fonts\' subsets, at least, are deflated through the module function');
    assert.ok((await session.build(join(dir, 'two.pdf'))).ok);
    assert.equal(deflateStats.misses, misses, 'nothing deflated again');
    assert.ok(deflateStats.hits > hits);
    assert.ok(readFileSync(join(dir, 'one.pdf')).equals(readFileSync(join(dir, 'two.pdf'))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an edit re-composes only the paragraph it changed; the theme is resolved again only when the style changes', async () => {
  const dir = scratch();
  try {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, SEED);
    const session = new BuildSession(file, { date: DATE });
    assert.ok((await session.layout()).ok);
    const first = session.stats();
    assert.equal(first.themeResolutions, 1);
    assert.ok(first.paragraphs > 5, `${first.paragraphs} paragraphs kept`);

    writeFileSync(file, withParagraph('某区人大常委会开展调研，形成报告4份。'));
    assert.ok((await session.layout()).ok);
    const edited = session.stats();
    assert.equal(edited.composed, 1, 'one paragraph composed');
    assert.equal(edited.reused, first.reused + first.composed - 1, 'every other one taken as it was');
    assert.equal(edited.themeResolutions, 1, 'the theme kept');
    assert.equal(edited.paragraphs, first.paragraphs, 'the old version of the paragraph let go');

    writeFileSync(file, SEED.replace('date: 2024-01-05', 'date: 2024-01-05\nstyle:\n  grid:\n    chars: 27'));
    assert.ok((await session.layout()).ok);
    assert.equal(session.stats().themeResolutions, 2, 'a new style: resolved again');
    writeFileSync(file, SEED.replace('date: 2024-01-05', 'date: 2024-01-05\nstyle:\n  grid:\n    chars: 27').replace('正文一段。', '正文二段。'));
    assert.ok((await session.layout()).ok);
    assert.equal(session.stats().themeResolutions, 2, 'the same style: kept');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failed build keeps what the session holds, and the next good one goes on from it', async () => {
  const dir = scratch();
  try {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, SEED);
    const session = new BuildSession(file, { date: DATE });
    assert.ok((await session.layout()).ok);
    const kept = session.stats().paragraphs;
    writeFileSync(file, SEED.replace('number: 3', 'numbr: 3'));
    const broken = await session.layout();
    assert.equal(broken.ok, false);
    assert.equal(session.stats().paragraphs, kept);
    writeFileSync(file, SEED);
    assert.ok((await session.layout()).ok);
    assert.equal(session.stats().composed, 0, 'nothing composed again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('memory stays flat over many edits: what is kept is the current issue, no more', async () => {
  const dir = scratch();
  try {
    const file = join(dir, 'a.yaml');
    const session = new BuildSession(file, { date: DATE });
    const heap: number[] = [];
    const counts = new Set<number>();
    for (let i = 0; i < 120; i++) {
      // Each edit a text never seen before, so every build composes something new.
      writeFileSync(file, withParagraph(`某区人大常委会开展第${i}次调研，形成报告${i * 7}份，并做好跟踪问效等工作。`));
      assert.ok((await session.layout()).ok);
      counts.add(session.stats().paragraphs);
      if (i === 19 || i === 119) {
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
    }
    assert.equal(counts.size, 1, `paragraphs kept: ${[...counts].join(', ')}`);
    const growth = (heap[1] - heap[0]) / 1024 / 1024;
    assert.ok(growth < 4, `heap grew ${growth.toFixed(1)} MB from edit 20 to edit 120`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
