#!/usr/bin/env node
/**
 * Benchmarks, run from the built dist/ (`npm run bench` builds first). Everything is written to
 * temporary directories; nothing in the repository changes. `node scripts/bench.mjs build check`
 * runs only the named sections; BENCH_RUNS=n sets the number of fresh processes per case (9).
 * The machine is shared and its load varies: cases that are compared run alternated in one go.
 *
 * Output: one table per section, columns right-aligned, each titled with what it measures.
 *
 *   build — cold `bulletin build issues/690.yaml -o TMP` as a user runs it: a fresh `node
 *     dist/bulletin.cjs` per run (the installed command: one bundled file and V8's code cache,
 *     src/launch.ts), and `node dist/cli.js` (the ES modules as tsc wrote them) beside it. Rows:
 *     those two, with BENCH_AGAINST=DIR the same build by another checkout's installed command (to
 *     compare a change with main), the Typst peer on the same bulletin (or the line "typst peer:
 *     not available") and bare `node -e 0` (Node's own start-up); where NODE_EXTRA_CA_CERTS is
 *     set, the bulletin build and `node -e 0` again with it unset (Node builds its certificate
 *     store at start-up when it is set, some 50 ms here). The fonts installed on the
 *     machine are named under the table: the peer scans every system font, so its time depends
 *     on them. Columns: runs;
 *     wall s (median), min s, max s; cpu s (user+sys, median); RSS MB (peak resident set,
 *     largest over the runs, from GNU time); PDF KB.
 *   phases — where the time of one cold build of 690 goes, from a fresh process that imports
 *     dist/tiering.js (as the CLI does) and dist/app/build.js and calls buildIssue once (median
 *     of the runs, ms): node (start-up until the script runs), import (our modules and the
 *     dependencies they load at start-up), then
 *     buildIssue's own steps — load (read, parse, validate), theme (merge and check it, open
 *     every face it uses), check (the lint), layout (compose and paginate), render (PDF, subset
 *     fonts, compression), write — and total.
 *   large — generated issues of about 50 and 200 pages (690's sections, generated articles),
 *     each built by fresh processes: pages, chars (text characters), wall s (median), cpu s,
 *     RSS MB, PDF MB, and ms/page. Memory should not grow with the page count beyond the fonts.
 *   check — one `bulletin check` process over 100 copies of 690 (number, total and date moved
 *     on): files, wall s (median), cpu s, RSS MB, and the summary line it printed.
 *   composer — the paragraph composer in-process on every paragraph of issues/690.yaml and on a
 *     generated text of 100 000 characters (mixed Han, punctuation, digits, Latin), in ms per
 *     1 000 characters, first pass (cold glyph caches) and steady state; font loading is timed
 *     apart in the title. Target: < 5 ms / 1 000 characters, the long text no slower per
 *     character than the short one.
 *   shortcuts — what each fast path through a dependency's private internals (src/fast-paths.ts)
 *     gains: cold builds of 690 and of the generated ~200-page issue with every path on, with
 *     each one off alone (BULLETIN_SLOW=name), and with all off, cases alternated. Columns: wall
 *     and cpu s (median), peak RSS MB, and each path's gain in % of the all-on build's wall and
 *     cpu time (what turning it off costs); "same PDF" says the bytes match the all-on build's.
 *   session — a build session in one fresh process (src/session): 20 one-paragraph edits of
 *     690 made one after another (each changes a character of another paragraph), median ms of
 *     the rebuild to pages (what the preview shows: load, check, layout) and to PDF bytes (as
 *     `--watch` writes them), beside the Typst peer recompiling the same kind of edits in one
 *     process (compile, and compile + PDF export), when it is available.
 *   preview — `bulletin preview` (the installed command, a child process) and a browser
 *     (Debian's chromium through playwright-core when /usr/bin/chromium is there, else an SSE
 *     client): the same 20 edits, ms from the file's mtime to the browser's update event (the
 *     new pages in the page), median, min, max; with a browser, the same again through an SSE
 *     client alone (the server's share).
 *   watch — `bulletin build --watch` (a child process): the same 20 edits, ms from the issue
 *     file's mtime to the PDF's on disk, median, min, max.
 *   memory — a `bulletin preview` process with an SSE client connected, through 500 such
 *     edits, each text never seen before: its RSS (from /proc) after 10, 100 and 500 edits.
 *   targets — each target of the benchmark issue with the figure measured above and ok / MISSED
 *     (memory beyond the fonts: the growth of peak RSS per 100 pages from the 50- to the 200-page
 *     issue, which share the fonts and most characters), then how much memory the 200-page issue
 *     takes beyond 690, and how loaded the machine was (Node's own start-up: about 0.1 s on an
 *     idle 2-core machine of the CI's kind).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(ROOT, 'dist', p);
const CLI = dist('cli.js');
/** The installed command (package.json "bin"): the bundle through V8's code cache. */
const LAUNCHER = dist('bulletin.cjs');
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 9);
const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME) && spawnSync(TIME, ['-f', '%M', 'true']).status === 0;
const SCRATCH = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
process.on('exit', () => rmSync(SCRATCH, { recursive: true, force: true }));
/** Figures the targets table reads. */
const figures = {};

function table(title, rows) {
  const cols = Object.keys(rows[0] ?? {});
  const cells = rows.map((r) => cols.map((c) => String(r[c])));
  const width = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (xs) => xs.map((x, i) => (i === 0 ? x.padEnd(width[i]) : x.padStart(width[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(cols));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells) console.log(line(r));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Deterministic text generator: Han with punctuation, numbers, Latin words and quotes. */
function generateText(chars, seed = 690) {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const han = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'];
  const words = ['GDP', 'AI', 'Hangzhou', 'PDF', 'app', 'CPU', 'online', 'COVID-19', 'http://www.hangzhou.gov.cn/art'];
  const nums = ['2024', '1,234.5', '85250657', '26', '3.5%', '0571-85250657', '100', '12.8'];
  const paragraphs = [];
  let total = 0;
  while (total < chars) {
    let p = '';
    const len = 120 + Math.floor(rnd() * 300);
    while (p.length < len) {
      const r = rnd();
      if (r < 0.8) p += pick(han);
      else if (r < 0.87) p += pick(['，', '，', '。', '、', '；', '：']);
      else if (r < 0.9) p += `“${pick(han)}${pick(han)}${pick(han)}${pick(han)}”`;
      else if (r < 0.92) p += `（${pick(han)}${pick(han)}）`;
      else if (r < 0.95) p += pick(nums);
      else if (r < 0.97) p += pick(words);
      else if (r < 0.98) p += pick(['——', '……', '《', '》', '！', '？']);
      else p += ' ';
    }
    p += '。';
    paragraphs.push(p);
    total += p.length;
  }
  return paragraphs;
}

async function composerSection() {
  const { openFont } = await import(dist('font/load.js'));
  const { FONT_DIR, VENDORED_FONTS } = await import(dist('font/vendored.js'));
  const { composeParagraph } = await import(dist('compose/compose.js'));
  const { fontkitFont } = await import(dist('font/handle.js'));
  const { parse } = await import('yaml');
  const rows = [];

  // Font loading, apart: the vendored body face, or the system Noto face it is made from.
  const vendored = join(FONT_DIR, VENDORED_FONTS.song);
  const t0 = performance.now();
  const song = existsSync(vendored) ? openFont(vendored) : openFont('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular');
  // fontkit parses its tables on first use: count that as loading, not composing.
  fontkitFont(song).glyphForCodePoint(0x4e2d).advanceWidth;
  fontkitFont(song).layout('Ag 2024');
  const loadMs = performance.now() - t0;

  const opt = { measure: 442.205, size: 16, indent: 2, align: 'justify', grid: 28 };
  const fonts = [song];
  const run = (paras) => {
    let lines = 0;
    for (const text of paras) lines += composeParagraph([{ text, fonts }], opt).lines.length;
    return lines;
  };
  const measure = (name, paras, repeats) => {
    const chars = paras.reduce((n, p) => n + p.length, 0);
    const t1 = performance.now();
    const lines = run(paras);
    const first = performance.now() - t1;
    const times = [];
    for (let i = 0; i < repeats; i++) {
      const t = performance.now();
      run(paras);
      times.push(performance.now() - t);
    }
    const steady = median(times);
    rows.push({
      case: name, chars, lines,
      'first ms': first.toFixed(1),
      'steady ms': steady.toFixed(1),
      'first ms/1k': ((first / chars) * 1000).toFixed(3),
      'steady ms/1k': ((steady / chars) * 1000).toFixed(3),
    });
  };

  const issue = parse(readFileSync(join(ROOT, 'issues', '690.yaml'), 'utf8'));
  const paras690 = [];
  for (const s of issue.sections) {
    for (const a of s.articles ?? []) for (const b of a.body) paras690.push((typeof b === 'string' ? b : b.heading).replace(/\*\*/g, ''));
    for (const b of s.briefs ?? []) paras690.push(...b.body.map((x) => x.replace(/\*\*/g, '')));
  }
  measure('issues/690.yaml (all paragraphs)', paras690, 20);
  const gen = generateText(100_000);
  measure('generated 100k, in paragraphs', gen, 5);
  measure('generated 100k, one paragraph', [gen.join('')], 3);
  table(`composer — font loading ${loadMs.toFixed(1)} ms (${existsSync(vendored) ? 'vendored' : 'system'} ${song.postscriptName}), not included below`, rows);
  return rows;
}


/**
 * Run `argv` as a fresh process: wall time measured here, user+sys CPU and peak RSS from GNU
 * time (when it is installed; otherwise those are NaN).
 */
function runProcess(argv, options = {}) {
  const stats = join(SCRATCH, 'time.txt');
  const cmd = HAS_TIME ? [TIME, '-f', '%U %S %M', '-o', stats, ...argv] : argv;
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', cwd: options.cwd ?? ROOT, maxBuffer: 64 << 20, ...(options.env ? { env: options.env } : {}) });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && !options.allowFail) {
    throw new Error(`${argv.join(' ')} exited ${r.status}:\n${r.stderr}${r.stdout}`);
  }
  let cpu = NaN, rss = NaN;
  if (HAS_TIME) {
    const last = readFileSync(stats, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpu = last[0] + last[1];
    rss = last[2] / 1024;
  }
  return { wall, cpu, rss, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Runs the cases alternated, `runs` rounds, after one untimed warm-up round (page cache). */
function alternate(cases, runs) {
  const results = cases.map(() => []);
  for (let round = -1; round < runs; round++) {
    cases.forEach((c, i) => {
      const r = runProcess(c.argv, c);
      if (round >= 0) results[i].push(r);
    });
  }
  return results.map((rs, i) => summarize(cases[i].name, rs));
}

function summarize(name, rs) {
  const walls = rs.map((r) => r.wall);
  return {
    name, runs: rs.length,
    wall: median(walls), min: Math.min(...walls), max: Math.max(...walls),
    cpu: median(rs.map((r) => r.cpu)), cpuMin: Math.min(...rs.map((r) => r.cpu)), rss: Math.max(...rs.map((r) => r.rss)),
    last: rs[rs.length - 1],
  };
}

const s2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const mb = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');

/** The Typst peer (TYPST_PEER_DIR, default ../shared/tools/typst-peer beside the checkout), installed once into a temporary directory. */
function typstPeer() {
  const source = process.env.TYPST_PEER_DIR ?? join(ROOT, '..', 'shared', 'tools', 'typst-peer');
  if (!existsSync(join(source, 'package.json'))) return { reason: `${source} not found` };
  const dir = join(tmpdir(), 'bulletin-bench-typst-peer');
  try {
    if (!existsSync(join(dir, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))) {
      rmSync(dir, { recursive: true, force: true });
      cpSync(source, dir, { recursive: true });
      spawnSync('chmod', ['-R', 'u+w', dir]);
      const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
      if (npm.status !== 0) return { reason: `npm install failed: ${(npm.stderr || npm.error?.message || '').trim().split('\n').pop()}` };
    }
    const typ = join(dir, 'build', '690.typ');
    const gen = spawnSync(process.execPath, [join(dir, 'gen', 'typst.mjs'), join(dir, 'content', '690.json'), 'build/690.typ'], { cwd: dir, encoding: 'utf8' });
    if (gen.status !== 0 || !existsSync(typ)) return { reason: `cannot generate the Typst source: ${gen.stderr.trim().split('\n').pop()}` };
    const pdf = join(SCRATCH, 'typst.pdf');
    const probe = runProcess([process.execPath, join(dir, 'gen', 'typst-compile.mjs'), typ, pdf], { allowFail: true, cwd: dir });
    if (probe.status !== 0) return { reason: `typst compile failed: ${probe.stderr.trim().split('\n').pop()}` };
    return { argv: [process.execPath, join(dir, 'gen', 'typst-compile.mjs'), typ, pdf], cwd: dir, pdf };
  } catch (err) {
    return { reason: err.message };
  }
}

async function buildSection() {
  const pdf = join(SCRATCH, '690.pdf');
  const modulesPdf = join(SCRATCH, '690-modules.pdf');
  const cases = [
    { name: 'bulletin build issues/690.yaml', argv: [process.execPath, LAUNCHER, 'build', 'issues/690.yaml', '-q', '-o', pdf], pdf },
    { name: '  the same from dist/cli.js', argv: [process.execPath, CLI, 'build', 'issues/690.yaml', '-q', '-o', modulesPdf], pdf: modulesPdf },
  ];
  // BENCH_AGAINST=DIR: the same build by another checkout's installed command (its launcher, or
  // its dist/cli.js when it has none), alternated: a change against main.
  const against = process.env.BENCH_AGAINST;
  if (against) {
    const launcher = join(against, 'dist', 'bulletin.cjs');
    const entry = existsSync(launcher) ? launcher : join(against, 'dist', 'cli.js');
    cases.push({ name: `the same by ${entry}`, argv: [process.execPath, entry, 'build', 'issues/690.yaml', '-q', '-o', join(SCRATCH, 'against.pdf')], pdf: join(SCRATCH, 'against.pdf') });
  }
  const peer = typstPeer();
  if (peer.argv) cases.push({ name: 'typst peer (same bulletin)', ...peer });
  cases.push({ name: 'node -e 0 (start-up)', argv: [process.execPath, '-e', '0'] });
  // NODE_EXTRA_CA_CERTS (set on some machines for a proxy) makes every Node process build its
  // root certificate store at start-up, whether it opens a connection or not (bulletin opens
  // none): both runs with it unset show what that costs here.
  const caFree = process.env.NODE_EXTRA_CA_CERTS ? Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS')) : undefined;
  if (caFree) {
    cases.push({ name: 'bulletin build, NODE_EXTRA_CA_CERTS unset', argv: [process.execPath, LAUNCHER, 'build', 'issues/690.yaml', '-q', '-o', join(SCRATCH, 'ca-free.pdf')], pdf: join(SCRATCH, 'ca-free.pdf'), env: caFree });
    cases.push({ name: 'node -e 0, NODE_EXTRA_CA_CERTS unset', argv: [process.execPath, '-e', '0'], env: caFree });
  }
  const results = alternate(cases, RUNS);
  const rows = results.map((r, i) => ({
    command: r.name, runs: r.runs, 'wall s': s2(r.wall), 'min s': s2(r.min), 'max s': s2(r.max), 'cpu s': s2(r.cpu), 'RSS MB': mb(r.rss),
    'PDF KB': cases[i].pdf ? (statSync(cases[i].pdf).size / 1024).toFixed(0) : '',
  }));
  figures.build = results[0];
  figures.modules = results[1];
  const nodeAt = cases.findIndex((c) => c.name === 'node -e 0 (start-up)');
  figures.node = results[nodeAt];
  if (caFree) figures.caFree = results[nodeAt + 1];
  figures.pdfKB = statSync(pdf).size / 1024;
  figures.sameBytes = readFileSync(pdf).equals(readFileSync(modulesPdf));
  if (peer.argv) figures.typst = results[against ? 3 : 2];
  table(`build — cold, a fresh process per run, cases alternated (${HAS_TIME ? 'cpu and RSS from GNU time' : 'GNU time missing: no cpu or RSS'})`, rows);
  if (!peer.argv) console.log(`typst peer: not available (${peer.reason})`);
  console.log(`the two bulletin PDFs are ${figures.sameBytes ? 'byte-identical' : 'DIFFERENT'}`);
  console.log(`system fonts: ${systemFonts()}`);
  if (caFree) console.log(`NODE_EXTRA_CA_CERTS is set (${process.env.NODE_EXTRA_CA_CERTS}): every Node process above loads it at start-up, but the rows that say unset`);
}

async function phasesSection() {
  const out = join(SCRATCH, 'phases.pdf');
  const script = `
    const t0 = performance.now();
    await import(${JSON.stringify(dist('tiering.js'))});
    const { buildIssue } = await import(${JSON.stringify(dist('app/build.js'))});
    const t1 = performance.now();
    const r = await buildIssue('issues/690.yaml', { output: ${JSON.stringify(out)} });
    const t2 = performance.now();
    console.log(JSON.stringify({ node: t0, import: t1 - t0, ...r.phases, total: t2 }));`;
  const runs = [];
  for (let i = -1; i < RUNS; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`phases: ${r.stderr}`);
    if (i >= 0) runs.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  const keys = Object.keys(runs[0]);
  const row = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k])).toFixed(0)]));
  table(`phases — one cold build of 690 in a fresh process, ms, median of ${runs.length}`, [row]);
}

/** 690's front matter and sections, each followed by generated articles, for about `pages` pages. */
async function largeIssue(articlesPerSection, seed) {
  const { parse, stringify } = await import('yaml');
  const issue = parse(readFileSync(join(ROOT, 'issues', '690.yaml'), 'utf8'));
  const text = generateText(articlesPerSection * issue.sections.length * 1800, seed);
  const han = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'];
  let p = 0, k = 0;
  const word = (n) => Array.from({ length: n }, () => han[(k = (k * 7 + 13) % han.length)]).join('');
  let chars = 0;
  for (const section of issue.sections) {
    if (!section.articles) continue;
    for (let a = 0; a < articlesPerSection; a++) {
      const body = [];
      // What an editor would hand in (so that the run is not spent printing warnings): no stray
      // spaces, no paragraph opening with a pause, stop, dash or ellipsis, book-title marks in
      // pairs, one mark where the generator put several, no phone number run into another
      // number as if it were a range.
      for (let i = 0; i < 5 && p < text.length; i++) {
        body.push(text[p++].replace(/ /g, '').replace(/^(?:[，。、；：！？]|——|……)+/, '').replace(/》/g, '').replace(/《/g, () => `《${word(4)}》`)
          .replace(/([，。、；：！？])[，。、；：！？]+/g, '$1').replace(/0571-85250657/g, '（0571）85250657'));
      }
      const title = `${word(6)}：${word(8)}`;
      chars += title.length + body.reduce((n, b) => n + b.length, 0);
      section.articles.push({ title, body, byline: `${word(4)}办公室 ${word(3)}` });
    }
  }
  return { yaml: stringify(issue, { lineWidth: 0 }), chars };
}

async function largeSection() {
  const rows = [];
  for (const [label, perSection] of [['about 50 pages', 3], ['about 200 pages', 16]]) {
    const { yaml, chars } = await largeIssue(perSection, 200 + perSection);
    const file = join(SCRATCH, `large-${perSection}.yaml`);
    writeFileSync(file, yaml);
    const pdf = join(SCRATCH, `large-${perSection}.pdf`);
    const [r] = alternate([{ name: label, argv: [process.execPath, CLI, 'build', file, '-o', pdf] }], Math.min(RUNS, 3));
    const pages = Number(/— (\d+) pages?/.exec(r.last.stdout)?.[1] ?? NaN);
    const bytes = statSync(pdf).size;
    rows.push({ issue: label, pages, chars, 'wall s': s2(r.wall), 'cpu s': s2(r.cpu), 'RSS MB': mb(r.rss), 'PDF MB': (bytes / 1024 / 1024).toFixed(2), 'ms/page': (r.wall * 1000 / pages).toFixed(1) });
    figures.large = { ...r, pages };
    (figures.sizes ??= []).push({ pages, rss: r.rss });
  }
  table(`large — generated issues, fresh processes, median of ${Math.min(RUNS, 3)}`, rows);
}

async function checkSection() {
  const dir = join(SCRATCH, 'check');
  mkdirSync(dir);
  const source = readFileSync(join(ROOT, 'issues', '690.yaml'), 'utf8');
  const files = [];
  for (let i = 0; i < 100; i++) {
    const date = new Date(Date.UTC(2024, 2, 15 + 3 * i)).toISOString().slice(0, 10);
    const text = source
      .replace(/^number: \d+$/m, `number: ${2 + i}`)
      .replace(/^total: \d+$/m, `total: ${690 + i}`)
      .replace(/^date: .*$/m, `date: ${date}`)
      .replace('../schema/issue.schema.json', join(ROOT, 'schema', 'issue.schema.json'));
    const file = join(dir, `${690 + i}.yaml`);
    writeFileSync(file, text);
    files.push(file);
  }
  const [r] = alternate([{ name: 'check', argv: [process.execPath, CLI, 'check', ...files], allowFail: true }], Math.min(RUNS, 5));
  const summary = r.last.stdout.trim().split('\n').pop();
  table(`check — one process over ${files.length} generated copies of 690, median of ${r.runs}`, [
    { files: files.length, 'wall s': s2(r.wall), 'cpu s': s2(r.cpu), 'RSS MB': mb(r.rss), 'ms/file': (r.wall * 1000 / files.length).toFixed(1), printed: summary },
  ]);
  figures.check = r;
}

/** Which fonts the machine has: the number of faces fontconfig lists, and the CJK packages. */
function systemFonts() {
  const list = spawnSync('fc-list', [], { encoding: 'utf8' });
  const faces = list.status === 0 ? list.stdout.split('\n').filter(Boolean).length : NaN;
  const packages = ['fonts-noto-cjk', 'fonts-lxgw-wenkai'].map((p) => {
    const q = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return `${p} ${q.status === 0 && /install ok installed/.test(q.stdout) ? 'installed' : 'not installed'}`;
  });
  return `${Number.isFinite(faces) ? `${faces} faces listed by fc-list` : 'fc-list not available'}; ${packages.join(', ')}`;
}

const EDITS = 20;

/**
 * 690 as a copy in the scratch directory, and `edit(k)`: its text after k + 1 one-paragraph
 * edits made one after another (edit k replaces a character of paragraph k mod n with 改/编,
 * keeping earlier edits), as an editor typing through the issue would leave it.
 */
async function editable690(name) {
  const { parse } = await import('yaml');
  const source = readFileSync(join(ROOT, 'issues', '690.yaml'), 'utf8');
  const issue = parse(source);
  const paragraphs = [];
  for (const s of issue.sections) {
    for (const a of s.articles ?? []) for (const b of a.body) if (typeof b === 'string' && b.length > 40) paragraphs.push(b);
    for (const b of s.briefs ?? []) for (const p of b.body) if (p.length > 40) paragraphs.push(p);
  }
  // Paragraphs spread over the issue, each found in the source by a unique run of its text.
  const chosen = [];
  for (let k = 0; k < paragraphs.length && chosen.length < 40; k++) {
    const p = paragraphs[(k * 7) % paragraphs.length];
    const probe = p.slice(12, 24);
    if (!chosen.some((c) => c.probe === probe) && source.split(probe).length === 2 && /^[\u4e00-\u9fff]/.test(probe)) chosen.push({ probe });
  }
  if (chosen.length < EDITS) throw new Error(`only ${chosen.length} paragraphs of 690 to edit`);
  const file = join(SCRATCH, name);
  writeFileSync(file, source);
  let text = source;
  const edit = (k) => {
    // The character after the probe, so the probe stays as it was for the next edit.
    const { probe } = chosen[k % chosen.length];
    let at = text.indexOf(probe) + probe.length;
    // A Han character (not a mark: an unbalanced quote would be an error, not an edit).
    while (!/[\u4e00-\u9fff]/.test(text[at])) at++;
    text = text.slice(0, at) + (k % 2 === 0 ? '改' : '编') + text.slice(at + 1);
    return text;
  };
  return { file, edit, source };
}

const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

async function sessionSection() {
  const { file, edit } = await editable690('session.yaml');
  // A fresh process, as `preview` and `--watch` are: the numbers do not depend on this one.
  const script = `
    await import(${JSON.stringify(dist('tiering.js'))});
    const { BuildSession } = await import(${JSON.stringify(dist('session/session.js'))});
    const { readFileSync, writeFileSync } = await import('node:fs');
    const edits = JSON.parse(readFileSync(${JSON.stringify(join(SCRATCH, 'session-edits.json'))}, 'utf8'));
    const session = new BuildSession(${JSON.stringify(file)});
    const first = await session.build(${JSON.stringify(join(SCRATCH, 'session.pdf'))});
    if (!first.ok) throw new Error('690 does not build');
    const pages = [], pdf = [];
    for (let k = 0; k < edits.length; k++) {
      writeFileSync(${JSON.stringify(file)}, edits[k]);
      let t = performance.now();
      const a = await session.layout();
      pages.push(performance.now() - t);
      // The same text again, to PDF: the paragraphs are composed, as they are after a save seen by --watch.
      t = performance.now();
      const b = await session.build(${JSON.stringify(join(SCRATCH, 'session.pdf'))});
      pdf.push(performance.now() - t);
      if (!a.ok || !b.ok) throw new Error('an edit broke 690');
    }
    console.log(JSON.stringify({ pages, pdf, stats: session.stats() }));`;
  writeFileSync(join(SCRATCH, 'session-edits.json'), JSON.stringify(Array.from({ length: EDITS }, (_, k) => edit(k))));
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`session: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  const rows = [
    { rebuild: 'bulletin: edit → pages (load, check, layout)', ...fmtStats(stats(out.pages)) },
    { rebuild: 'bulletin: edit → PDF bytes (as --watch)', ...fmtStats(stats(out.pdf)) },
  ];
  figures.session = { pages: median(out.pages), pdf: median(out.pdf) };
  const typst = typstIncremental();
  if (typst.compile) {
    rows.push({ rebuild: 'typst peer: edit → compiled document', ...fmtStats(stats(typst.compile)) });
    rows.push({ rebuild: 'typst peer: edit → PDF bytes', ...fmtStats(stats(typst.pdf)) });
    figures.session.typst = { compile: median(typst.compile), pdf: median(typst.pdf) };
  }
  table(`session — ${EDITS} one-paragraph edits of 690 in one process, ms (after the first build)`, rows);
  if (!typst.compile) console.log(`typst peer: not available (${typst.reason})`);
}

const fmtStats = (s) => ({ 'median ms': ms(s.median), 'min ms': ms(s.min), 'max ms': ms(s.max) });

/** The Typst peer recompiling 690's source after the same kind of edits, in one process. */
function typstIncremental() {
  const peer = typstPeer();
  if (!peer.argv) return { reason: peer.reason };
  const typ = join(peer.cwd, 'build', '690.typ');
  const compilerModule = join(peer.cwd, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler', 'index.js');
  const script = `
    const { readFileSync } = require('node:fs');
    const { NodeCompiler } = require(${JSON.stringify(compilerModule)});
    const file = ${JSON.stringify(typ)};
    const source = readFileSync(file, 'utf8');
    const compiler = NodeCompiler.create({ workspace: ${JSON.stringify(dirname(typ))} });
    compiler.pdf(compiler.compile({ mainFilePath: file }).result);
    // Paragraphs of the source: long lines of Han text; edit k changes a character of one of them.
    const lines = source.split('\\n');
    const long = lines.map((l, i) => [l, i]).filter(([l]) => /[\\u4e00-\\u9fff]{30}/.test(l)).map(([, i]) => i);
    const compile = [], pdf = [];
    for (let k = 0; k < ${EDITS}; k++) {
      const i = long[(k * 7) % long.length];
      const at = lines[i].search(/[\\u4e00-\\u9fff]{12}/) + 6;
      lines[i] = lines[i].slice(0, at) + (k % 2 === 0 ? '改' : '编') + lines[i].slice(at + 1);
      compiler.mapShadow(file, Buffer.from(lines.join('\\n')));
      const t = performance.now();
      const r = compiler.compile({ mainFilePath: file });
      const t1 = performance.now();
      compiler.pdf(r.result);
      compile.push(t1 - t);
      pdf.push(performance.now() - t);
    }
    console.log(JSON.stringify({ compile, pdf }));`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: peer.cwd, encoding: 'utf8' });
  if (r.status !== 0) return { reason: `typst in-process compile failed: ${r.stderr.trim().split('\n').pop()}` };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Start `argv` and wait until `ready(stdout)`; the child and what it printed. */
function startChild(argv, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: SCRATCH, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${argv.join(' ')}: not ready:\n${out}\n${err}`)); }, 60_000);
    child.stdout.setEncoding('utf8').on('data', (s) => {
      out += s;
      const r = ready(out);
      if (r) { clearTimeout(timer); resolve({ child, ready: r }); }
    });
    child.stderr.setEncoding('utf8').on('data', (s) => { err += s; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${argv.join(' ')} exited ${code}:\n${out}\n${err}`)); });
  });
}

async function stopChild(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.removeAllListeners('exit');
  child.kill('SIGINT');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function previewSection() {
  const { file, edit } = await editable690('preview.yaml');
  const { child, ready: url } = await startChild([process.execPath, LAUNCHER, 'preview', file, '--port', '0', '-q'], (out) => /at (http:\/\/\S+\/)/.exec(out)?.[1]);
  const rows = [];
  try {
    let browser;
    if (existsSync(CHROMIUM)) {
      try {
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
      } catch (err) {
        console.log(`preview: no browser (${err.message.split('\n')[0]}); an SSE client measures instead`);
      }
    }
    const latencies = [];
    let client;
    if (browser) {
      client = 'chromium';
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(url);
      await page.waitForFunction(() => window.__bulletin?.ok === true && document.querySelectorAll('#pages .page').length > 0, null, { timeout: 60_000 });
      // The page shows page 2, where an editor would be looking.
      await page.locator('#pages .page').nth(1).scrollIntoViewIfNeeded();
      for (let k = 0; k < EDITS; k++) {
        const version = await page.evaluate(() => window.__bulletin.version);
        writeFileSync(file, edit(k));
        const mtime = statSync(file).mtimeMs;
        await page.waitForFunction((v) => window.__bulletin.version > v, version, { timeout: 30_000 });
        const last = await page.evaluate(() => window.__bulletin.last);
        if (!last.ok) throw new Error('an edit broke 690');
        latencies.push(last.at - mtime);
      }
      await browser.close();
    } else {
      client = 'SSE client';
      const { latencies: l } = await sseEdits(url, file, edit);
      latencies.push(...l);
    }
    rows.push({ client, edits: EDITS, ...fmtStats(stats(latencies)) });
    figures.preview = { ...stats(latencies), client };
    if (client === 'chromium') {
      // The server's side alone: the same edits seen by an SSE client.
      const { latencies: l } = await sseEdits(url, file, (k) => edit(EDITS + k));
      rows.push({ client: 'SSE client (no browser)', edits: EDITS, ...fmtStats(stats(l)) });
    }
  } finally {
    await stopChild(child);
  }
  table('preview — edit of 690 → new pages in the preview: ms from the file\'s mtime to the update event', rows);
}

/** Edits seen by a bare SSE client: ms from mtime to the `update` event with a newer version. */
function sseEdits(url, file, edit, count = EDITS, after = () => {}) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let version = -1, waiting, k = -1;
    const req = httpGet(`${url}events`, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        buffer += d;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const message = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = /^data: (.*)$/m.exec(message);
          if (!/^event: update$/m.test(message) || !data) continue;
          const at = performance.timeOrigin + performance.now();
          const state = JSON.parse(data[1]).state;
          if (state.version <= version) continue;
          version = state.version;
          if (waiting !== undefined) {
            if (!state.ok) { req.destroy(); reject(new Error('an edit broke 690')); return; }
            latencies.push(at - waiting);
            after(k + 1);
          }
          next();
        }
      });
    });
    req.on('error', reject);
    const next = () => {
      if (++k >= count) { req.destroy(); resolve({ latencies }); return; }
      writeFileSync(file, edit(k));
      waiting = statSync(file).mtimeMs;
    };
  });
}

async function watchSection() {
  const { file, edit } = await editable690('watch.yaml');
  const pdf = join(SCRATCH, 'watch.pdf');
  const { child } = await startChild([process.execPath, LAUNCHER, 'build', file, '-o', pdf, '--watch'], (out) => /watching .* for changes/.test(out));
  const latencies = [];
  try {
    for (let k = 0; k < EDITS; k++) {
      const before = statSync(pdf).mtimeMs;
      const seen = new Promise((resolve, reject) => {
        const timer = setTimeout(() => { watcher.close(); reject(new Error('--watch wrote no PDF')); }, 30_000);
        const watcher = watch(SCRATCH, () => {
          let now;
          try { now = statSync(pdf).mtimeMs; } catch { return; }
          if (now !== before) { clearTimeout(timer); watcher.close(); resolve(now); }
        });
      });
      writeFileSync(file, edit(k));
      const mtime = statSync(file).mtimeMs;
      latencies.push((await seen) - mtime);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await stopChild(child);
  }
  figures.watch = stats(latencies);
  table(`watch — bulletin build --watch, ${EDITS} one-paragraph edits of 690: ms from the issue's mtime to the PDF's`, [{ edits: EDITS, ...fmtStats(figures.watch) }]);
}

async function memorySection() {
  const { file, edit } = await editable690('memory.yaml');
  const base = edit(0);
  // 500 texts, none seen before: each edit adds its number to a paragraph.
  const anchors = [...base.matchAll(/^ {10}- (.{12})/gm)].map((m) => m[1]).filter((a) => base.split(a).length === 2);
  const text = (k) => { const a = anchors[k % anchors.length]; return base.replace(a, `${a}${k}`); };
  writeFileSync(file, text(0));
  const { child, ready: url } = await startChild([process.execPath, LAUNCHER, 'preview', file, '--port', '0', '-q'], (out) => /at (http:\/\/\S+\/)/.exec(out)?.[1]);
  const rss = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)[1]) / 1024;
  };
  const at = {};
  try {
    if (!existsSync(`/proc/${child.pid}/status`)) {
      console.log('memory: no /proc on this system; not measured');
      return;
    }
    await sseEdits(url, file, (k) => text(k + 1), 500, (k) => {
      if (k === 10 || k === 100 || k === 500) at[k] = rss();
    });
  } finally {
    await stopChild(child);
  }
  figures.memory = { rss10: at[10], rss500: at[500] };
  table('memory — RSS of a `bulletin preview` process (an SSE client connected) after successive edits of 690, each text never seen before, MB', [
    { after: '10 edits', 'RSS MB': at[10].toFixed(1) },
    { after: '100 edits', 'RSS MB': at[100].toFixed(1) },
    { after: '500 edits', 'RSS MB': at[500].toFixed(1) },
  ]);
}

function targetsSection() {
  const rows = [];
  const add = (target, measured, ok) => rows.push({ target, measured, result: ok ? 'ok' : 'MISSED' });
  const b = figures.build, t = figures.typst, l = figures.large;
  if (b) {
    add('690 cold build < 0.24 s wall', `${s2(b.wall)} s`, b.wall < 0.24);
    if (t) add('690 cold build faster than the Typst peer (same run)', `${s2(b.wall)} s vs ${s2(t.wall)} s`, b.wall < t.wall);
    if (t) add('690 cold build ≤ 0.5 × the Typst peer (same run)', `${(b.wall / t.wall).toFixed(2)} × (${s2(b.wall)} s vs ${s2(t.wall)} s)`, b.wall <= 0.5 * t.wall);
    const c = figures.caFree;
    if (t && c) add('  the same, NODE_EXTRA_CA_CERTS unset (for bulletin; the peer does not read it)', `${(c.wall / t.wall).toFixed(2)} × (${s2(c.wall)} s vs ${s2(t.wall)} s)`, c.wall <= 0.5 * t.wall);
    if (figures.modules) add('690 cold build: bundle + code cache faster than the modules', `${s2(b.wall)} s vs ${s2(figures.modules.wall)} s`, b.wall < figures.modules.wall);
    if (figures.sameBytes !== undefined) add('690 cold build: the same PDF bytes either way', figures.sameBytes ? 'same' : 'different', figures.sameBytes);
    add('690 peak RSS < 200 MB', `${mb(b.rss)} MB`, b.rss < 200);
    add('690 PDF < 600 KB', `${figures.pdfKB.toFixed(0)} KB`, figures.pdfKB < 600);
  }
  if (l) add('200 pages < 3 s wall', `${l.pages} pages, ${s2(l.wall)} s`, l.wall < 3);
  const sizes = figures.sizes ?? [];
  if (sizes.length >= 2) {
    // What pages cost beyond the fonts: peak memory per 100 pages between the two generated
    // issues (both use 690's fonts and much the same characters).
    const [a, z] = [sizes[0], sizes[sizes.length - 1]];
    const per100 = ((z.rss - a.rss) / (z.pages - a.pages)) * 100;
    add('memory per 100 pages beyond the fonts < 10 MB', `${per100.toFixed(1)} MB (${a.pages} → ${z.pages} pages: ${mb(a.rss)} → ${mb(z.rss)} MB)`, per100 < 10);
  }
  const e = figures.session, pv = figures.preview, w = figures.watch, m = figures.memory;
  if (e) add('690 in-process rebuild (edit → pages) ≤ 50 ms', `${e.pages.toFixed(1)} ms median${e.typst ? ` (Typst peer: ${e.typst.compile.toFixed(1)} ms compile, ${e.typst.pdf.toFixed(1)} ms with PDF)` : ''}`, e.pages <= 50);
  if (pv) add('690 preview: edit → new pages in the browser ≤ 100 ms', `${pv.median.toFixed(0)} ms median (${pv.client})`, pv.median <= 100);
  if (w) add('690 --watch: save → PDF on disk ≤ 120 ms', `${w.median.toFixed(0)} ms median`, w.median <= 120);
  if (m) add('RSS after 500 edits within 10 MB of RSS after 10', `${(m.rss500 - m.rss10).toFixed(1)} MB (${m.rss10.toFixed(0)} → ${m.rss500.toFixed(0)} MB)`, m.rss500 - m.rss10 <= 10);
  if (rows.length) table('targets', rows);
  if (l && b) console.log(`\npeak RSS of the ${l.pages}-page issue: ${mb(l.rss)} MB, ${mb(l.rss - b.rss)} MB more than 690's ${mb(b.rss)} MB`);
  if (figures.node) console.log(`machine load: \`node -e 0\` took ${s2(figures.node.wall)} s (median) in this run`);
}

async function shortcutsSection() {
  const { createHash } = await import('node:crypto');
  const { FAST_PATHS: paths } = await import(dist('fast-paths.js'));
  const { yaml } = await largeIssue(16, 216);
  const large = join(SCRATCH, 'shortcuts-large.yaml');
  writeFileSync(large, yaml);
  const rows = [];
  for (const [label, file, runs] of [['690', 'issues/690.yaml', RUNS], ['~200 pages', large, Math.min(RUNS, 5)]]) {
    const variants = [['all on', ''], ...paths.map((p) => [`${p} off`, p]), ['all off', 'all']];
    const cases = variants.map(([name, slow], i) => {
      const pdf = join(SCRATCH, `shortcuts-${i}.pdf`);
      return { name, pdf, argv: ['/usr/bin/env', `BULLETIN_SLOW=${slow}`, process.execPath, CLI, 'build', file, '-q', '-o', pdf] };
    });
    const results = alternate(cases, runs);
    const hash = (f) => createHash('sha256').update(readFileSync(f)).digest('hex');
    const base = results[0];
    const baseHash = hash(cases[0].pdf);
    results.forEach((r, i) => rows.push({
      issue: label, case: r.name, runs: r.runs, 'wall s': r.wall.toFixed(3), 'cpu s': s2(r.cpu), 'min cpu s': s2(r.cpuMin), 'RSS MB': mb(r.rss),
      'gain wall %': i === 0 ? '' : ((r.wall / base.wall - 1) * 100).toFixed(1),
      'gain cpu %': i === 0 || !Number.isFinite(r.cpu) ? '' : ((r.cpu / base.cpu - 1) * 100).toFixed(1),
      'gain min cpu %': i === 0 || !Number.isFinite(r.cpu) ? '' : ((r.cpuMin / base.cpuMin - 1) * 100).toFixed(1),
      'same PDF': hash(cases[i].pdf) === baseHash ? 'yes' : 'NO',
    }));
  }
  table('shortcuts — each fast path off alone, cases alternated; gain = how much slower the build is without it', rows);
}

const SECTIONS = [
  { name: 'build', run: buildSection },
  { name: 'phases', run: phasesSection },
  { name: 'large', run: largeSection },
  { name: 'check', run: checkSection },
  { name: 'composer', run: composerSection },
  { name: 'shortcuts', run: shortcutsSection, optIn: true },
  { name: 'session', run: sessionSection },
  { name: 'preview', run: previewSection },
  { name: 'watch', run: watchSection },
  { name: 'memory', run: memorySection },
  { name: 'targets', run: targetsSection },
];

const only = process.argv.slice(2);
for (const s of SECTIONS) {
  if (only.length ? !only.includes(s.name) : s.optIn) continue;
  await s.run();
}
