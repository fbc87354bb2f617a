/**
 * Property tests: random mixtures of Han, every punctuation class, digits, Latin words and
 * spaces, at random measures, grids and options. Whatever the input, no character is lost,
 * duplicated or reordered; no line starts or ends with a forbidden mark unless it holds
 * nothing else; nothing passes the measure; every non-final justified line is flush; no
 * CJK–Latin gap is wider than ⅓ em on a line within its spacing allowance, and no line is
 * spaced looser than the spacing it reports (what a loose-line warning is raised from).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { composeParagraph } from '../../src/compose/compose.js';
import type { ComposeOptions } from '../../src/compose/types.js';
import { violations } from './check.js';
import { hei, kai, song } from './fonts.js';

const han = fc.constantFrom(...[...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严']);
const marks = fc.constantFrom(...'，。、；：？！．”’）》〉」』】〕〗］｝“‘（《〈「『【〔〖［｛·／～%℃￥'.split(''), '——', '……', '—');
const digits = fc.constantFrom('2024', '1,234.5', '85250657', '-5.5%', '571-8525', '3', '26', '100%', '12.5');
const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
const item = fc.oneof(
  { arbitrary: han, weight: 12 },
  { arbitrary: marks, weight: 4 },
  { arbitrary: digits, weight: 1 },
  { arbitrary: word, weight: 1 },
  { arbitrary: fc.constant(' '), weight: 1 },
);
/**
 * At most three marks in a row, no adjacent long marks and no Latin/digit token longer than eight
 * characters: anything longer cannot obey kinsoku, or keep words whole, on the narrowest lines.
 */
/**
 * Left out: texts no measure of 10 em can set without breaking a rule — runs of marks, a long
 * token, or two long numbers tied by marks that may neither end nor start a line
 * (85250657，／85250657，: 10.5 em without a legal break).
 */
const settable = (s: string): boolean => !/[^\p{L}\p{N}\s]{4,}/u.test(s) && !/[—…]{3,}/.test(s) && !/^\s*$/.test(s) && !/[A-Za-z0-9.,%\-]{9,}/.test(s)
  && !/[A-Za-z0-9.,%\-]{5,}[^\p{L}\p{N}\s]{1,3}[A-Za-z0-9.,%\-]{5,}/u.test(s);
const paragraph = fc
  .array(item, { minLength: 1, maxLength: 90 })
  .map((xs) => xs.join(''))
  .filter(settable);

const options = fc.record({
  measure: fc.double({ min: 10 * 16, max: 32 * 16, noNaN: true }),
  size: fc.constantFrom(16, 14, 12),
  indent: fc.constantFrom(0, 2),
  align: fc.constantFrom('justify', 'justify', 'justify', 'left', 'center', 'right') as fc.Arbitrary<ComposeOptions['align']>,
  grid: fc.option(fc.integer({ min: 8, max: 32 }), { nil: undefined }),
  kinsoku: fc.constantFrom('gb', 'strict') as fc.Arbitrary<'gb' | 'strict'>,
  trimOpeningAtLineStart: fc.boolean(),
  // Titles set a space beside a mark as a pause between phrases; running text lets it vanish.
  phraseSpaces: fc.boolean(),
  balance: fc.boolean(),
  // The spacing a justified line may take before it counts as loose (a theme's body.maxSpacing).
  maxSpacing: fc.option(fc.constantFrom(0.12, 0.25, 0.5), { nil: undefined }),
});

test('random paragraphs keep every character and break no rule', () => {
  const chains = [[song()], [kai(), song()], [hei(), song()]];
  fc.assert(
    fc.property(paragraph, options, fc.nat(2), (text, o, c) => {
      const fonts = chains[c];
      // A grid narrower than the type would squeeze Han glyphs together; keep pitch ≥ 0.9 em.
      const opt: ComposeOptions = { ...o, grid: o.grid && o.measure / o.grid >= 0.9 * o.size ? o.grid : undefined };
      const spans = [{ text, fonts }];
      const p = composeParagraph(spans, opt);
      const v = violations(spans, opt, p);
      assert.deepEqual(v, [], `${JSON.stringify(text)} ${JSON.stringify(opt)}\n${p.lines.map((l) => l.text).join('\n')}`);
    }),
    { numRuns: 300 },
  );
});

test('random styled spans keep every character in order with their tags', () => {
  const fonts = [song()];
  fc.assert(
    // Spans are joined where they meet: their text as a whole must be settable too (AaA + aaaaaaAA is
    // one 11-letter word).
    fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }).filter((parts) => settable(parts.join(''))), fc.double({ min: 10 * 16, max: 30 * 16, noNaN: true }), (parts, measure) => {
      const spans = parts.map((text, i) => ({ text, fonts, tag: `s${i}` }));
      const opt: ComposeOptions = { measure, size: 16, indent: 2, align: 'justify' };
      const p = composeParagraph(spans, opt);
      assert.deepEqual(violations(spans, opt, p), []);
      // Each glyph keeps the tag of the span its characters came from.
      const starts: number[] = [];
      let at = 0;
      for (const s of spans) { starts.push(at); at += s.text.replace(/\s/g, '').length; }
      let k = 0;
      for (const l of p.lines) for (const r of l.runs) for (const g of r.glyphs) {
        const n = g.text.replace(/\s/g, '').length;
        let span = 0;
        while (span + 1 < starts.length && starts[span + 1] <= k) span++;
        assert.equal(r.tag, `s${span}`);
        k += n;
      }
    }),
    { numRuns: 100 },
  );
});

/**
 * Titles and 目录 entries break by sense: never inside “…” or 《…》, nor between a number and its
 * unit or measure word, while a layout without such a break exists — here always, since every
 * protected piece is at most half a line and an extra line costs less than such a break.
 */
const titleWord = fc.constantFrom('人大', '常委会', '代表', '监督', '调研', '开展', '推进', '民生实事', '营商环境', '工作', '会议', '关于', '建设', '基层', '治理', '的', '和', '县', '街道', '乡村振兴', '数字化');
const protectedPiece = fc.oneof(
  fc.tuple(fc.constantFrom('“', '《'), fc.array(titleWord, { minLength: 1, maxLength: 2 })).map(([o, ws]) => `${o}${ws.join('')}${o === '“' ? '”' : '》'}`),
  fc.tuple(fc.constantFrom('3', '12', '220', '10', '38.6', '2024'), fc.constantFrom('个', '项', '千伏', '万次', '亿元', '年', '家', '条')).map(([n, u]) => n + u),
  fc.tuple(fc.constant('第'), fc.constantFrom('3', '12', '5')).map(([a, b]) => a + b),
);
const titleText = fc.array(fc.oneof({ weight: 3, arbitrary: titleWord }, { weight: 1, arbitrary: protectedPiece }, { weight: 1, arbitrary: fc.constantFrom('：', '，', ' ') }), { minLength: 3, maxLength: 16 })
  .map((xs) => xs.join('').replace(/^[：，\s]+|[：，\s]+$/g, '').replace(/([：，\s])[：，\s]+/g, '$1'))
  .filter((s) => [...s].length >= 4 && /^[^：，]/.test(s));

/** Offsets (in the text without spaces) strictly inside a protected piece, where no line may end. */
function forbiddenEnds(text: string): Set<number> {
  const flat = text.replace(/\s/g, '');
  const out = new Set<number>();
  for (const m of flat.matchAll(/“[^”]*”|《[^》]*》/g)) for (let k = m.index + 1; k < m.index + m[0].length; k++) out.add(k);
  for (const m of flat.matchAll(/\d+(?:\.\d+)?(?=[个项千万亿年家条])|第(?=\d)/g)) out.add(m.index + m[0].length);
  return out;
}

test('random titles and 目录 entries never break inside quotes or book titles, or between a number and its unit', () => {
  const fonts = [song()];
  fc.assert(
    fc.property(titleText, fc.integer({ min: 12, max: 24 }), fc.constantFrom('title', 'toc') as fc.Arbitrary<'title' | 'toc'>, (text, ems, kind) => {
      const size = kind === 'title' ? 22 : 14;
      const opt: ComposeOptions = kind === 'title'
        ? { measure: ems * size, size, align: 'center', balance: true, phraseSpaces: true }
        : { measure: ems * size, size, align: 'left', wordBreaks: true, phraseSpaces: true };
      const p = composeParagraph([{ text, fonts }], opt);
      assert.deepEqual(violations([{ text, fonts }], opt, p), []);
      const bad = forbiddenEnds(text);
      let at = 0;
      for (const l of p.lines.slice(0, -1)) {
        at += [...l.text.replace(/\s/g, '')].length;
        assert.ok(!bad.has(at), `${kind} at ${ems} em breaks inside a protected piece: ${p.lines.map((x) => x.text).join(' / ')}`);
      }
    }),
    { numRuns: 300 },
  );
});
