/**
 * Property tests. Random issue-shaped data (right keys, wrong or right types, extra keys, any
 * nesting) serialised as YAML goes to the loader and the typography lint: they never throw and
 * every diagnostic is located inside the file. Random text (Han, punctuation, Latin, digits,
 * spaces, emoji, control characters, rare ideographs) as paragraphs, titles and briefs goes to
 * the build use case: it either writes a complete PDF or returns located errors, and never
 * throws. The build property runs few cases, each a real layout and render.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { buildIssue } from '../../src/app/build.js';
import { lintIssues } from '../../src/check/index.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import { loadIssueSource } from '../../src/issue/load.js';
import { isCompletePdf, listing, qpdfCheck, removeScratch, scratch } from './support.js';

const SEED = Number(process.env.FC_SEED ?? 20240315);

// ---- random issue-shaped data ---------------------------------------------------------------

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('测试简报', '要闻', '第一段正文。', '', ' ', '2024-01-05', '2024-13-45', '二', 'null', '~', '- x', 'a: b', '#', '*a'),
  fc.integer({ min: -5, max: 1000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3 })),
}));

/** Mostly the format's keys, with values of any type; sometimes a misspelt or foreign key. */
const keyed = (keys: string[], inner: Record<string, fc.Arbitrary<unknown>> = {}) =>
  fc.tuple(
    fc.record(Object.fromEntries(keys.map((k) => [k, inner[k] ?? value])), { requiredKeys: [] }),
    fc.dictionary(fc.constantFrom('titel', 'artcles', 'Body', 'x', '栏目', 'number '), value, { maxKeys: 1 }),
  ).map(([known, extra]) => ({ ...known, ...extra }));

const article = keyed(['title', 'toc', 'body', 'byline'], {
  title: fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), value),
  body: fc.oneof(fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.record({ heading: fc.string({ maxLength: 8 }), level: fc.constantFrom(1, 2, 3, '一') }, { requiredKeys: ['heading'] })), { maxLength: 4 }), value),
});
const brief = keyed(['body', 'byline'], { body: fc.oneof(fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }), value) });
const section = keyed(['name', 'articles', 'briefs'], {
  articles: fc.oneof(fc.array(article, { maxLength: 3 }), value),
  briefs: fc.oneof(fc.array(brief, { maxLength: 2 }), value),
});
const issueShaped = keyed(['bulletin', 'edition', 'number', 'total', 'publisher', 'date', 'sections', 'footer', 'style'], {
  number: fc.oneof(fc.integer({ min: -1, max: 60 }), value),
  date: fc.oneof(fc.constantFrom('2024-01-05', '2024-02-30', '2024/01/05', '20240105'), value),
  sections: fc.oneof(fc.array(section, { maxLength: 3 }), value),
  footer: fc.oneof(keyed(['distribution', 'editor', 'phone', 'notes', 'copies']), value),
  style: fc.oneof(fc.constant({ page: { widht: 3 } }), fc.constant({ body: { size: '三号' } }), value),
});
const document = fc.oneof({ weight: 8, arbitrary: issueShaped }, { weight: 1, arbitrary: value });

function assertLocated(diagnostics: readonly Diagnostic[], source: string, file: string): void {
  const lineCount = source.split(/\r\n|\r|\n/).length;
  for (const d of diagnostics) {
    assert.equal(d.file, file);
    assert.ok(Number.isInteger(d.line) && d.line >= 1 && d.line <= lineCount + 1, `line ${d.line} of ${lineCount}: ${d.message}`);
    assert.ok(Number.isInteger(d.col) && d.col >= 1, `col ${d.col}: ${d.message}`);
    assert.ok(d.message.length > 0 && !/undefined|\[object /.test(d.message), `message: ${d.message}`);
  }
}

test('random issue-shaped YAML: the loader and the lint never throw, and every diagnostic is located', () => {
  fc.assert(
    fc.property(document, fc.constantFrom<'block' | 'flow'>('block', 'flow'), (data, style) => {
      const source = stringify(data, { collectionStyle: style === 'flow' ? 'flow' : 'any', lineWidth: 0 });
      const loaded = loadIssueSource(source, 'random.yaml');
      assertLocated(loaded.diagnostics, source, 'random.yaml');
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      assert.equal(loaded.issue !== undefined, errors.length === 0, 'an issue exactly when there are no errors');
      const lint = lintIssues([loaded]);
      assertLocated(lint.diagnostics, source, 'random.yaml');
    }),
    { numRuns: Number(process.env.FC_LOAD_RUNS ?? 300), seed: SEED },
  );
});

// ---- random text through build --------------------------------------------------------------

const PIECES = {
  han: fc.constantFrom(...'人大常委会监督代表工作会议意见建议推动落实中国式现代化杭州'.split('')),
  punct: fc.constantFrom('，', '。', '、', '；', '：', '？', '！', '——', '……', '·'),
  /** Brackets and quotes in pairs, around a few characters. */
  pair: fc.tuple(fc.constantFrom('“”', '‘’', '（）', '《》', '【】', '()'), fc.constantFrom('人大', '监督', 'GDP', '2024')).map(([p, inside]) => p[0] + inside + p[1]),
  /** Marks that are an error when they stand alone in Chinese text. */
  stray: fc.constantFrom('（', '）', '“', '》', '(', ')', '"', "'", ',', '.'),
  latin: fc.constantFrom('a', 'Z', 'GDP', 'Hello', 'www.example.com', 'e-mail', '-', '/', '%', '&'),
  digits: fc.constantFrom('0', '1', '2024', '3.5', '100%', '１２', '①', 'Ⅲ'),
  spaces: fc.constantFrom(' ', '  ', '\u3000', '\u00a0', '\t'),
  rare: fc.constantFrom('😀', '👍🏽', '𠀀', '𠀎', '\u200b', '\ufeff', '\u0301', '\ue000'),
  control: fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028'),
  markup: fc.constantFrom('**', '**加粗**', '*'),
};
/** Text an editor types: Han, punctuation, Latin, digits, spaces and bold markup. */
const cleanPiece = fc.oneof(
  { weight: 12, arbitrary: PIECES.han },
  { weight: 4, arbitrary: PIECES.punct },
  { weight: 1, arbitrary: PIECES.pair },
  { weight: 3, arbitrary: PIECES.latin },
  { weight: 2, arbitrary: PIECES.digits },
  { weight: 2, arbitrary: PIECES.spaces },
  { weight: 1, arbitrary: PIECES.markup },
);
/** Text pasted from anywhere: the same with emoji, rare ideographs, invisibles and control characters. */
const anyPiece = fc.oneof(
  { weight: 20, arbitrary: cleanPiece },
  { weight: 1, arbitrary: PIECES.stray },
  { weight: 1, arbitrary: PIECES.rare },
  { weight: 1, arbitrary: PIECES.control },
);
const textOf = (piece: fc.Arbitrary<string>, min: number, max: number) => fc.array(piece, { minLength: min, maxLength: max }).map((p) => p.join(''));

const issueOf = (piece: fc.Arbitrary<string>) => fc.record({
  title: fc.tuple(PIECES.han, textOf(piece, 0, 30)).map(([first, rest]) => first + rest),
  paragraphs: fc.array(textOf(piece, 1, 400), { minLength: 1, maxLength: 4 }),
  brief: textOf(piece, 1, 120),
  byline: textOf(piece, 0, 12),
  /** Escaped (YAML "\a"-style) or raw characters in the file. */
  raw: fc.boolean(),
});
const randomIssue = fc.oneof({ weight: 2, arbitrary: issueOf(cleanPiece) }, { weight: 1, arbitrary: issueOf(anyPiece) });

/** The issue as YAML: through the serializer (escapes), or raw inside double quotes. */
function issueYaml(r: { title: string; paragraphs: string[]; brief: string; byline: string; raw: boolean }): string {
  const data = {
    bulletin: '测试简报', number: 1, publisher: '测试单位编', date: '2024-01-05',
    sections: [
      { name: '要闻', articles: [{ title: r.title, body: r.paragraphs, byline: r.byline }] },
      { name: '信息摘登', briefs: [{ body: [r.brief] }] },
    ],
  };
  if (!r.raw) return stringify(data, { lineWidth: 0 });
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  return [
    'bulletin: 测试简报', 'number: 1', 'publisher: 测试单位编', 'date: 2024-01-05', 'sections:',
    '  - name: 要闻', '    articles:', `      - title: ${q(r.title)}`, '        body:',
    ...r.paragraphs.map((p) => `          - ${q(p)}`),
    `        byline: ${q(r.byline)}`,
    '  - name: 信息摘登', '    briefs:', `      - body: [${q(r.brief)}]`, '',
  ].join('\n');
}

const buildDir = scratch();
after(() => removeScratch(buildDir));

test('random text through build: a complete PDF or located errors, never an exception', async (t) => {
  let run = 0;
  let built = 0;
  let refused = 0;
  let qpdfChecked = 0;
  await fc.assert(
    fc.asyncProperty(randomIssue, async (r) => {
      run++;
      const file = join(buildDir, `r${run}.yaml`);
      const output = join(buildDir, `r${run}.pdf`);
      const source = issueYaml(r);
      writeFileSync(file, source);
      const result = await buildIssue(file, { output });
      if (result.ok) {
        built++;
        const pdf = readFileSync(output);
        assert.ok(isCompletePdf(pdf), 'a complete PDF');
        assert.equal(result.bytes, pdf.length);
        assert.ok(result.pages >= 1);
        // qpdf on a sample: the first few PDFs.
        if (qpdfChecked < 3) {
          const q = qpdfCheck(output);
          if (q.available) { qpdfChecked++; assert.ok(q.ok, q.output); }
        }
      } else {
        refused++;
        if (process.env.FC_VERBOSE) console.log(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`).join('\n'));
        assert.ok(!existsSync(output), 'no PDF when refused');
        assert.ok(result.diagnostics.some((d) => d.severity === 'error'), 'refused with an error');
        assertLocated(result.diagnostics, source, file);
      }
      assert.ok(!listing(buildDir).some((n) => n.endsWith('.tmp')), 'no temporary file left');
    }),
    { numRuns: Number(process.env.FC_BUILD_RUNS ?? 30), seed: SEED, endOnFailure: true },
  );
  t.diagnostic(`${run} issues: ${built} built, ${refused} refused with located errors`);
  assert.equal(built + refused, run);
  assert.ok(built > 0 && refused > 0, `both outcomes seen (built ${built}, refused ${refused})`);
});
