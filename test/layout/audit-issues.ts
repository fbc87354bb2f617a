/**
 * Random but plausible issues for the page-layout audit and for comparing the bytes two builds
 * write (scripts/same-bytes.mjs): any masthead, edition, publisher, 1–4 栏目 of articles and
 * briefs (sometimes briefs only), subtitles, 栏目 without a printed header, no 目录, a 版记,
 * sometimes a `style:` block an office would write.
 */
import fc from 'fast-check';
import type { Article, Brief, Footer, Issue, Section } from '../../src/issue/types.js';

const WORDS = [
  '人大', '常委会', '代表', '会议', '审议', '监督', '调研', '视察', '协商', '委员', '政协', '提案', '议案', '建议',
  '民生', '实事', '基层', '治理', '乡村', '振兴', '营商', '环境', '优化', '提升', '推进', '落实', '部署', '开展',
  '召开', '听取', '报告', '意见', '工作', '制度', '机制', '改革', '发展', '高质量', '共同富裕', '示范区', '数字化',
  '社区', '街道', '乡镇', '群众', '企业', '单位', '部门', '专题', '座谈会', '联络站', '履职', '法治', '立法',
  '预算', '审查', '执法检查', '满意度', '生态', '文明', '教育', '医疗', '养老', '托育', '交通', '水利', '粮食', '安全',
  '鳌', '龘', '喆', '堃', '犇', '淼', '珺',
];
const PUNCT = ['，', '，', '，', '。', '、', '；', '：', '“', '”', '（', '）', '《', '》', '——', '……', '！', '？'];
const NUMBERS = ['2024年', '12月', '3日', '第5次', '100%', '98.6%', '412件', '1.5亿元', '〔2023〕12号', '10—15', '3.14', '第二十三次'];
const LATIN = ['GDP', 'AI', 'PM2.5', '5G', 'App', 'CPI', 'ChatGPT', 'Wi-Fi', 'the Belt and Road', 'ISO 9001', 'No. 3'];

/** A token of running text: mostly Han words, some punctuation, numbers and Latin. */
const token = fc.oneof(
  { weight: 14, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(...LATIN) },
);

/** Text of `min`–`max` characters built from tokens (cut to length, never ending in a space). */
function text(min: number, max: number, end = ''): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min, max }), fc.array(token, { minLength: 1, maxLength: Math.ceil(max / 1.5) + 2 }), fc.constantFrom(...WORDS))
    .map(([n, tokens, pad]) => {
      let s = tokens.join('');
      while ([...s].length < n) s += pad + s;
      s = [...s].slice(0, Math.max(1, n - [...end].length)).join('').replace(/\*+/g, '');
      s = s.replace(/^[\s，。、；：！？”）》…—]+/, '').trimEnd();
      return (s.length ? s : pad) + end;
    });
}

const heading = fc.tuple(fc.constantFrom('一、', '二、', '（一）', '（二）', '1.', '（3）'), text(4, 18)).map(([m, t]) => ({ heading: m + t }));
const paragraph = fc.tuple(text(10, 400, '。'), fc.boolean(), fc.integer({ min: 2, max: 8 })).map(([p, bold, n]) => (bold && p.length > n + 2 ? `**${p.slice(0, n)}**${p.slice(n)}` : p));
const byline = fc.option(fc.tuple(fc.constantFrom('市人大常委会办公室', '代表工委', '某区政协研究室', '湖滨街道'), fc.constantFrom('王 某', '张尚辉 李兴军', '蔡 静')).map(([a, b]) => `${a} ${b}`), { nil: undefined });

const article: fc.Arbitrary<Article> = fc.record({
  title: fc.oneof({ weight: 4, arbitrary: text(4, 40) }, { weight: 1, arbitrary: fc.tuple(text(4, 20), text(4, 20)).map(([a, b]) => [a, b]) }),
  subtitle: fc.option(text(4, 24), { freq: 4, nil: undefined }),
  body: fc.tuple(fc.array(paragraph, { minLength: 1, maxLength: 6 }), fc.option(heading, { nil: undefined }), fc.nat())
    .map(([ps, h, at]) => (h && ps.length > 1 ? [...ps.slice(0, 1 + (at % (ps.length - 1))), h, ...ps.slice(1 + (at % (ps.length - 1)))] : ps)),
  byline,
}, { requiredKeys: ['title', 'body'] }).map((a) => {
  if (a.subtitle === undefined) delete a.subtitle;
  return a;
});

const brief: fc.Arbitrary<Brief> = fc.record({
  body: fc.tuple(fc.constantFrom('**某某单位**', '**湖滨街道**', ''), text(10, 200, '。')).map(([lead, p]) => [lead + p]),
  byline,
}, { requiredKeys: ['body'] });

const NAMES = ['要闻速递', '协商议政', '民主监督', '信息摘登', '代表风采', '学习贯彻党的二十届四中全会精神专栏'];

const section: fc.Arbitrary<Section> = fc.tuple(
  fc.constantFrom(...NAMES),
  fc.array(article, { maxLength: 4 }),
  fc.array(brief, { maxLength: 5 }),
  fc.integer({ min: 0, max: 7 }),
).map(([name, articles, briefs, header]) => {
  const s: Section = { name };
  if (header === 0) s.header = false;
  if (articles.length || !briefs.length) s.articles = articles.length ? articles : [{ title: '工作动态', body: ['会议听取了有关情况的汇报。'] }];
  if (briefs.length) s.briefs = briefs;
  return s;
});

/** A section of briefs only (a 廉政简报's 栏目). */
const briefSection: fc.Arbitrary<Section> = fc.tuple(fc.constantFrom(...NAMES), fc.array(brief, { minLength: 1, maxLength: 6 }))
  .map(([name, briefs]) => ({ name, briefs }));

const footer: fc.Arbitrary<Footer> = fc.record({
  distribution: fc.uniqueArray(fc.constantFrom('报', '送', '发'), { minLength: 1, maxLength: 3 })
    .chain((labels) => fc.tuple(...labels.map((label) => text(6, 120).map((to) => ({ label, to: [to] }))))),
  editor: fc.constantFrom('陈 静', '王小明', 'Li Hua'),
  phone: fc.constantFrom('0571-85251234', '12345678'),
  notes: fc.array(text(4, 30), { minLength: 1, maxLength: 2 }),
  copies: fc.integer({ min: 1, max: 2000 }),
}, { requiredKeys: ['distribution'] });

/** Theme variations an office writes in `style:` (all valid for the theme schema). */
export const STYLES: Record<string, unknown>[] = [
  { page: { mirror: true, inner: '24mm' } },
  { toc: { pageNumbers: true } },
  { title: { size: '小一' } },
  { title: { size: '三号' } },
  { footer: { size: '小四' } },
  { masthead: { name: { size: 40 } } },
  { section: { align: 'center', size: '小二' } },
  { grid: { chars: 22, lines: 18 }, body: { size: '19pt' } },
  { page: { typeWidth: '140mm', typeHeight: '200mm' }, grid: { chars: 25, lines: 19 } },
  { title: { space: 1 }, article: { spaceBetween: 1 } },
  { brief: { spaceBetween: 1 }, section: { space: 1 }, heading1: { spaceBefore: 1 }, heading2: { spaceBefore: 1 } },
  { toc: { briefEntries: 'leads', subtitles: true }, subtitle: { size: '三号', font: 'song' } },
  { masthead: { space: 1 }, footer: { space: 1 }, byline: { spaceBefore: 1 } },
];

export const issue: fc.Arbitrary<Issue> = fc.record({
  bulletin: fc.constantFrom('要情', '快报', '杭州人大信息', '鹿城政协工作动态', '杭州市上城区人大常委会工作简报', 'Zhejiang 人大 Weekly'),
  edition: fc.constantFrom('普刊', '专刊', '增刊', '第二十三次常委会会议专刊', '学习贯彻党的二十届四中全会精神专刊'),
  number: fc.integer({ min: 1, max: 60 }),
  total: fc.integer({ min: 1, max: 2000 }),
  publisher: fc.constantFrom('研究室编', '杭州市人大常委会研究室编', '中国人民政治协商会议温州市鹿城区委员会办公室（研究室）编印'),
  date: fc.constantFrom('2024-05-06', '2025-12-23', '2026-01-01'),
  toc: fc.constantFrom(true, true, true, false),
  sections: fc.oneof({ weight: 5, arbitrary: fc.array(section, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(briefSection, { minLength: 1, maxLength: 3 }) }),
  footer,
  style: fc.constantFrom(...STYLES),
}, { requiredKeys: ['bulletin', 'number', 'publisher', 'date', 'sections'] });
