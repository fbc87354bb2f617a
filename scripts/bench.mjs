#!/usr/bin/env node
/**
 * Benchmarks, run from the built dist/ (`npm run bench` builds first). Each section is an
 * entry of SECTIONS: `{ name, run }`, where run() returns rows for one table; add a section by
 * appending to the list. `node scripts/bench.mjs composer` runs only the named sections.
 *
 * composer: the paragraph composer on every paragraph of issues/690.yaml and on a generated
 * text of 100 000 characters (mixed Han, punctuation, digits, Latin), in ms per 1 000
 * characters; font loading is timed apart. Target: < 5 ms / 1 000 characters, and the long
 * text no slower per character than the short one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(ROOT, 'dist', p);

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
  const { parse } = await import('yaml');
  const rows = [];

  // Font loading, apart: the vendored body face, or the system Noto face it is made from.
  const vendored = join(FONT_DIR, VENDORED_FONTS.song);
  const t0 = performance.now();
  const song = existsSync(vendored) ? openFont(vendored) : openFont('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular');
  // fontkit parses its tables on first use: count that as loading, not composing.
  song.font.glyphForCodePoint(0x4e2d).advanceWidth;
  song.font.layout('Ag 2024');
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

const SECTIONS = [{ name: 'composer', run: composerSection }];

const only = process.argv.slice(2);
for (const s of SECTIONS) {
  if (only.length && !only.includes(s.name)) continue;
  await s.run();
}
