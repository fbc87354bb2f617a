/**
 * No text is ever lost. Random paragraphs made of what editors paste — hashtags, `: `, `**`,
 * quotes, brackets, `- `, `|`, `>`, `%`, `@`, `&`, `*`, `!`, tabs and invisible characters —
 * are typed into an issue file exactly as an editor types them (unquoted, after `- `), then
 * `check --fix` runs. Either check still finds an error (exit 1), located in the file, or the
 * issue is laid out and every visible character typed is in the printed text, in order.
 *
 * In the suite the printed text is read from the composed lines of the layout (fast), and for a
 * few runs from the PDF through pdftotext. The full run is manual:
 *   PASTE_RUNS=5000 PASTE_PDF_RUNS=5000 node --test .test-build/test/robustness/paste-property.test.js
 * (PASTE_PDF_RUNS: how many of the runs that pass check are built to a real PDF; FC_SEED a seed.)
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFiles } from '../../src/app/check.js';
import { buildIssue } from '../../src/app/build.js';
import { resolveIssueTheme } from '../../src/app/theme-file.js';
import { composeParagraph } from '../../src/compose/compose.js';
import { loadIssueFile } from '../../src/issue/load.js';
import { layoutIssue } from '../../src/layout/layout.js';
import { styleIssue } from '../../src/style/model.js';
import { isScalar, isSeq, parseDocument } from 'yaml';
import { spawnSync } from 'node:child_process';
import { removeScratch, scratch } from './support.js';

/**
 * The PDF's text in the order it is drawn (pdftotext -raw): the default reading-order analysis may
 * move a narrow glyph such as | past its neighbours. Undefined without pdftotext.
 */
function pdfText(file: string): string | undefined {
  const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', timeout: 60_000 });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
  return r.stdout;
}

const RUNS = Number(process.env.PASTE_RUNS ?? 300);
const PDF_RUNS = Number(process.env.PASTE_PDF_RUNS ?? 3);
const SEED = Number(process.env.FC_SEED ?? 20240329);

const han = fc.constantFrom(...'人大常委会监督代表工作会议意见建议推动落实杭州西湖民生实事'.split(''));
const piece = fc.oneof(
  { weight: 20, arbitrary: fc.array(han, { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 4, arbitrary: fc.constantFrom('，', '。', '、', '；', '：', '？', '！', '……', '——', '（', '）', '《', '》', '“', '”') },
  { weight: 6, arbitrary: fc.constantFrom('#', ' #', '#西湖代表通#', ' #话题# ', '# ', '  # 备注', '\t#') },
  { weight: 6, arbitrary: fc.constantFrom(': ', ':', '：', ' : ', '8:30', 'Tips: ') },
  { weight: 4, arbitrary: fc.constantFrom('**', '**上城区人大常委会**', '*', '*重要*') },
  { weight: 4, arbitrary: fc.constantFrom('"', "'", '"代表联络站+"', "'三难'", '‘', '’') },
  { weight: 4, arbitrary: fc.constantFrom('[', ']', '{', '}', '[重要]', '{a: b}', '【', '】') },
  { weight: 4, arbitrary: fc.constantFrom('- ', '-', ' - ', '|', '>', '| ', '> ', '%', '@', '&', '& ', '!', '! ', '`', '?', '? ', ',', ', ') },
  { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\t', '\u3000', '\u3000\u3000') },
  { weight: 3, arbitrary: fc.constantFrom('\u200b', '\u2028', '\u2029', '\u00a0', '\u00ad', '\ufeff', '\u200d', '\u202f', '\uf0b7', '\uf0a7') },
  { weight: 3, arbitrary: fc.constantFrom('GDP', 'www.zjrd.gov.cn', 'AI', '2024', '10%', '100', 'e-mail', 'a&b', 'x@y.cn') },
);
const paragraph = fc.array(piece, { minLength: 1, maxLength: 16 }).map((p) => p.join(''));

type Place = 'paragraph' | 'brief' | 'title';
/**
 * Where the text is typed: an article's paragraph, a brief, or a title (ending in a Han character,
 * since title-punct rightly removes a ： or ， that ends one).
 */
const place = fc.constantFrom<Place>('paragraph', 'paragraph', 'paragraph', 'brief', 'title');

function issueWith(text: string, where: Place): string {
  const article = where === 'paragraph' ? `          - ${text}\n` : '';
  const title = where === 'title' ? text : '第一篇文章';
  const brief = where === 'brief' ? `          - ${text}\n` : '          - **某区人大常委会**开展调研。\n';
  return [
    'bulletin: 测试简报  # 刊名',
    'number: 1',
    'publisher: 测试单位编',
    'date: 2024-01-05',
    'sections:',
    '  - name: 要闻',
    '    articles:',
    `      - title: ${title}`,
    '        body:',
    '          - 第一段正文。',
    article + '        byline: 办公室 张三',
    '  - name: 信息摘登',
    '    briefs:',
    '      - body:',
    brief + '        byline: 某区 王五',
    '',
  ].join('\n');
}

/**
 * The characters to find in print, in order: letters, digits, Han and the marks no rule rewrites
 * (a half-width ! : ; , ? ( ) may become its full-width form, any quote “ ” ‘ ’, so those are
 * compared by kind). Spaces, invisible and pasted characters, `*` (bold markup), dashes, dots
 * and ellipses are left out: rules rightly change or remove them. A mark typed twice in a row
 * (：： ，，) counts once: repeated-punct keeps one.
 */
function visible(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    let c = '';
    if (/["'“”‘’]/.test(ch)) c = 'Q';
    else if (/[([{【〔]/.test(ch)) c = '(';
    else if (/[)\]}】〕]/.test(ch)) c = ')';
    else if (/[\p{Script=Han}A-Za-z0-9#@%&|>!?:;,`<=+/\\^$]/u.test(ch)) c = ch;
    if (c && !(/[:;,]/.test(c) && out.endsWith(c))) out += c;
  }
  return out;
}

/**
 * What was typed, as text: the paragraph itself — unless it is wholly one quoted YAML value
 * ("代表联络站+" alone), where the quotes are YAML's quoting, as in any issue file, and the text is
 * what they enclose.
 */
function typedText(text: string): string {
  const trimmed = text.replace(/^[ \t]+|[ \t]+$/g, '');
  if (!/^["']/.test(trimmed)) return text;
  const doc = parseDocument(`- ${trimmed}\n`);
  const item = isSeq(doc.contents) ? doc.contents.items[0] : undefined;
  if (doc.errors.length === 0 && isScalar(item) && (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE') && item.range?.[1] === trimmed.length + 2) {
    return String(item.value);
  }
  return text;
}

/** `needle` is a subsequence of `hay`. */
function holds(hay: string, needle: string): boolean {
  let k = 0;
  for (let i = 0; i < hay.length && k < needle.length; i++) if (hay[i] === needle[k]) k++;
  return k === needle.length;
}

/** The text of every composed line of the issue as build lays it out. */
function laidOutText(file: string): string {
  const loaded = loadIssueFile(file);
  assert.ok(loaded.issue, 'check passed, so the file loads');
  const theme = resolveIssueTheme(loaded);
  assert.ok(theme.styles);
  const layout = layoutIssue(styleIssue(loaded.issue, theme.styles), composeParagraph);
  const lines: string[] = [];
  for (const page of layout.document.pages) for (const item of page.items) if (item.kind === 'text') lines.push(item.line.text);
  return lines.join('\n');
}

const dir = scratch();
after(() => removeScratch(dir));

test(`pasted paragraphs: after check --fix, an error located in the file or every typed character printed (${RUNS} runs)`, async (t) => {
  let run = 0;
  let printed = 0;
  let refused = 0;
  let pdfs = 0;
  let fixed = 0;

  /** One run's outcome: refused with located errors, or printed with every typed character. */
  async function verify(file: string, text: string): Promise<void> {
    const result = await checkFiles([file], { fix: true });
    if (result.fixed.length) fixed++;
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const after = readFileSync(file, 'utf8');
    if (errors.length > 0) {
      refused++;
      const lineCount = after.split('\n').length;
      for (const d of errors) {
        assert.equal(d.file, file);
        assert.ok(d.line >= 1 && d.line <= lineCount && d.col >= 1, `located: ${d.line}:${d.col} ${d.message}`);
        assert.ok(d.message.length > 0 && !/undefined|\[object /.test(d.message), d.message);
      }
      return;
    }
    printed++;
    const typed = visible(typedText(text));
    const laid = laidOutText(file);
    assert.ok(holds(visible(laid), typed), `typed ${JSON.stringify(text)}\nfile after --fix:\n${after}\nlaid out:\n${laid}`);
    if (pdfs >= PDF_RUNS) return;
    const output = file.replace(/\.yaml$/, '.pdf');
    const build = await buildIssue(file, { output });
    assert.ok(build.ok, `check passed but build refused: ${build.ok ? '' : build.diagnostics.map((d) => d.message).join('; ')}`);
    const pdf = pdfText(output);
    if (pdf === undefined) return;
    pdfs++;
    assert.ok(holds(visible(pdf), typed), `typed ${JSON.stringify(text)}\nfile after --fix:\n${after}\npdftotext:\n${pdf}`);
  }

  // fast-check reports the counterexample; the assertion that failed on it is kept here.
  let failure = '';
  await fc.assert(
    fc.asyncProperty(paragraph, place, async (typedParagraph, where) => {
      run++;
      const text = where === 'title' ? `${typedParagraph}文` : typedParagraph;
      const file = join(dir, `p${run}.yaml`);
      writeFileSync(file, issueWith(text, where));
      try {
        await verify(file, text);
      } catch (error) {
        failure = (error as Error).message;
        throw error;
      }
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${failure}`);
  });
  t.diagnostic(`${run} pasted paragraphs: ${fixed} repaired by --fix; ${printed} printed with every typed character (${pdfs} checked in the PDF by pdftotext), ${refused} refused with located errors`);
  assert.equal(printed + refused, run);
  assert.ok(printed > run / 4, `most pastes end up printed after --fix (${printed} of ${run})`);
});
