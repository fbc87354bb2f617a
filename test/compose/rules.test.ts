/**
 * One test per rule of typography.md §8 (items 1–29) that the paragraph composer answers for.
 * Measures are whole ems on a 16 pt size so that the expected breaks are determined.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { openFont } from '../../src/font/load.js';
import { violations } from './check.js';
import { hei, kai, song } from './fonts.js';
import { vendoredFontPath } from '../../src/font/vendored.js';
import type { FontHandle } from '../../src/font/types.js';
import { EM, compose, glyph, glyphs, inkPieces, near, texts } from './helpers.js';

const HAN10 = '一二三四五六七八九十';
const TAIL = '甲乙丙丁戊己庚辛';

describe('line breaking', () => {
  test('1. no line starts with a closing, pause/stop, middle mark, connector, solidus or suffix sign (push-out when nothing compresses)', () => {
    for (const c of [...'，。、；：？！．）》〉」』】〕〗］｝”’·／～—%％‰℃']) {
      const p = compose(HAN10 + c + TAIL);
      // 十 goes down with the mark (a sign followed by a gap may take 九 along: the gap stops
      // at ⅓ em, so the line after it would be looser).
      assert.ok(HAN10.startsWith(texts(p)[0]) && texts(p)[0].length >= 8, `mark ${c}: ${texts(p).join(' | ')}`);
      assert.ok(texts(p)[1].startsWith(HAN10.slice(texts(p)[0].length)) && texts(p)[1].includes('十' + c), `mark ${c}`);
    }
  });

  test('2. no line ends with an opening mark or a prefix sign', () => {
    for (const c of [...'（《〈「『【〔〖［｛“‘￥¥$']) {
      const p = compose('一二三四五六七八九' + c + '甲乙丙丁戊己庚辛壬癸');
      assert.equal(texts(p)[0], '一二三四五六七八九', `mark ${c}`);
      assert.ok(texts(p)[1].startsWith(c), `mark ${c}`);
    }
  });

  test('3. a solidus neither starts nor ends a line', () => {
    for (const c of ['/', '／']) {
      const start = compose(HAN10 + c + TAIL);
      assert.equal(texts(start)[0], '一二三四五六七八九');
      const end = compose('一二三四五六七八九' + c + TAIL + TAIL);
      assert.ok(!texts(end)[0].endsWith(c), `${c} ends a line`);
      assert.ok(!texts(end)[1].startsWith(c), `${c} starts a line`);
    }
  });

  test('4. strict mode keeps 破折号 and 省略号 off line starts', () => {
    for (const long of ['——', '……']) {
      const p = compose(HAN10 + long + '甲乙', { kinsoku: 'strict' });
      assert.deepEqual(texts(p), ['一二三四五六七八九', '十' + long + '甲乙']);
    }
  });

  test('5. the halves of —— and …… stay on one line', () => {
    for (const long of ['——', '……']) {
      const p = compose('一二三四五六七八九' + long + '甲乙丙丁');
      assert.equal(texts(p)[0], '一二三四五六七八九');
      assert.ok(texts(p)[1].startsWith(long));
      assert.ok(near(glyph(p.lines[1], '甲').x, 2 * EM), 'one 2-em unit');
    }
  });

  test('6. a digit string with its sign, decimal point, grouping and suffix stays whole', () => {
    for (const num of ['1,234.5', '85250657', '-5.5%', '0571-85250657', '3.14℃']) {
      const p = compose('一二三四五六七八' + num + '甲乙丙丁戊');
      assert.equal(texts(p)[0], '一二三四五六七八', num);
      assert.ok(texts(p)[1].startsWith(num), num);
    }
  });

  test('7. a Latin word is never split and no hyphen is added', () => {
    const p = compose('一二三四五六七八九Hangzhou甲乙');
    assert.deepEqual(texts(p), ['一二三四五六七八九', 'Hangzhou甲乙']);
    assert.equal(glyphs(p.lines[1]).map((g) => g.text).join(''), 'Hangzhou甲乙');
  });

  test('8. breaks are allowed before “ and after ” between Han characters', () => {
    assert.deepEqual(texts(compose(HAN10 + '“甲乙”丙丁')), [HAN10, '“甲乙”丙丁']);
    assert.deepEqual(texts(compose('一二三四五六“七八”九十甲乙')), ['一二三四五六“七八”', '九十甲乙']);
  });

  test('9. push-in before push-out: compress a mark on the line before moving a character down', () => {
    const pin = compose('一二，三四五六七八九。甲乙');
    assert.deepEqual(texts(pin), ['一二，三四五六七八九。', '甲乙']);
    const l = pin.lines[0];
    assert.ok(near(glyph(l, '三').x - glyph(l, '，').x, EM / 2), 'the comma is set half width');
    assert.ok(near(glyph(l, '。').x + EM / 2, 10 * EM), 'the stop ends at the measure');
    const pout = compose(HAN10 + '。甲乙');
    assert.deepEqual(texts(pout), ['一二三四五六七八九', '十。甲乙']);
  });

  test('10. nothing hangs outside the measure', () => {
    const p = compose('一二三四五六七八九，' + HAN10 + '。' + HAN10 + '”');
    for (const l of p.lines) {
      assert.ok(l.right <= 10 * EM + 0.01 && l.left >= -0.01, l.text);
      const last = glyphs(l).at(-1)!;
      if (!l.last && '，。”'.includes(last.text)) assert.ok(near(last.x + EM / 2, 10 * EM), `${last.text} ink ends at the measure`);
    }
  });
});

describe('punctuation width', () => {
  test('11. mid-line full-width marks are 1 em; the interpunct and solidus ½ em', () => {
    const l = compose('甲，乙。丙（丁）戊、己：庚', { measure: 30 * EM }).lines[0];
    for (const [a, b] of [['，', '乙'], ['。', '丙'], ['（', '丁'], ['）', '戊'], ['、', '己'], ['：', '庚']]) {
      assert.ok(near(glyph(l, b).x - glyph(l, a).x, EM), `${a} is 1 em`);
    }
    for (const mark of ['·', '／']) {
      const m = compose(`甲${mark}乙`, { measure: 30 * EM }).lines[0];
      assert.ok(near(glyph(m, '乙').x - glyph(m, '甲').x, 1.5 * EM), `${mark} is ½ em`);
      const g = glyph(m, mark);
      assert.ok(near(g.x + g.advance / 2, EM + EM / 4), `${mark} is centred in its ½ em`);
    }
  });

  test('12. two adjacent marks take 1.5 em, blank removed away from the bracketed text', () => {
    const cases: [string, number][] = [['。”', 0.5], ['，“', 0.5], ['”，', 0.5], ['）（', 0.5], ['：“', 0.5], ['（《', 0.5], ['》）', 0.5]];
    for (const [pair, firstAdvance] of cases) {
      const l = compose(`甲${pair}乙`, { measure: 30 * EM }).lines[0];
      const a = glyph(l, pair[0]), b = glyph(l, pair[1]);
      assert.ok(near(b.x - a.x, firstAdvance * EM), `${pair}: second mark origin`);
      assert.ok(near(glyph(l, '乙').x - glyph(l, '甲').x, 2.5 * EM), `${pair} = 1.5 em`);
    }
    const empty = compose('甲（）乙', { measure: 30 * EM }).lines[0];
    assert.ok(near(glyph(empty, '乙').x - glyph(empty, '甲').x, 3 * EM), '（） keeps 2 em');
    for (const [run, ems] of [['？？', 1], ['？！', 1], ['！！', 1], ['？？？', 2]] as const) {
      const q = compose(`甲${run}乙`, { measure: 30 * EM }).lines[0];
      assert.ok(near(glyph(q, '乙').x - glyph(q, '甲').x, (1 + ems) * EM), `${run} takes ${ems} em`);
    }
  });

  test('13. a pause/stop or closing mark ending a line is ½ em, its advance ending at the measure', () => {
    for (const c of [...'，。、；：？！）》”']) {
      const p = compose('一二三四五六七八九' + c + HAN10);
      const l = p.lines[0];
      assert.equal(l.text, '一二三四五六七八九' + c, c);
      assert.ok(near(l.right, 10 * EM) && near(glyph(l, c).x, 9.5 * EM), c);
    }
  });

  test('14. an opening mark starting a line is ½ em, its ink flush with the left edge', () => {
    const p = compose(HAN10 + '（甲乙）丙');
    const l = p.lines[1];
    assert.equal(l.text[0], '（');
    assert.ok(near(glyph(l, '（').x, -EM / 2) && near(l.left, 0));
    assert.ok(near(glyph(l, '甲').x, EM / 2));
  });

  test('15. an opening mark right after the 2-em indent loses its blank (configurable)', () => {
    const on = compose('“甲乙”丙', { indent: 2 }).lines[0];
    assert.ok(near(glyph(on, '“').x, 2 * EM - EM / 2) && near(glyph(on, '甲').x, 2.5 * EM));
    const off = compose('“甲乙”丙', { indent: 2, trimOpeningAfterIndent: false }).lines[0];
    assert.ok(near(glyph(off, '“').x, 2 * EM) && near(glyph(off, '甲').x, 3 * EM));
  });

  test('16. 破折号 and 省略号 are 2 em, centred, one continuous dash / six evenly spaced dots, in every vendored face', () => {
    const faces: [string, FontHandle][] = [['song', song()], ['title', openFont(vendoredFontPath('title'))], ['hei', hei()], ['kai', kai()]];
    for (const [name, face] of faces) {
      for (const long of ['——', '……']) {
        const l = compose(`甲${long}乙`, { measure: 30 * EM }, [face, song()]).lines[0];
        const what = `${long} in ${name}`;
        const cellLeft = glyph(l, '甲').x + EM;
        assert.ok(near(glyph(l, '乙').x - cellLeft, 2 * EM), `${what}: a 2-em cell`);
        const marks = glyphs(l).filter((g) => g.text.includes(long[0]));
        assert.ok(marks.every((g) => g.font === face), `${what}: drawn by the face itself`);
        assert.ok(near(marks.reduce((w, g) => w + g.advance, 0), 2 * EM), `${what}: glyphs 2 em wide in all`);
        const ink = inkPieces(marks);
        const left = ink[0].from, right = Math.max(...ink.map((p) => p.to));
        assert.ok(near(left - cellLeft, cellLeft + 2 * EM - right, 0.02), `${what}: centred (${left - cellLeft} / ${cellLeft + 2 * EM - right})`);
        if (long === '——') {
          // One unbroken rule: no blank between pieces of ink, and nearly the whole cell.
          assert.equal(ink.length, 1, `${what}: ink broken at ${ink.slice(1).map((p) => (p.from - cellLeft).toFixed(3)).join(', ')} pt`);
          assert.ok(right - left >= 1.85 * EM, `${what}: ink spans ${(right - left) / EM} em`);
        } else {
          assert.equal(ink.length, 6, `${what}: six dots`);
          const centres = ink.map((p) => (p.from + p.to) / 2);
          const steps = centres.slice(1).map((c, i) => c - centres[i]);
          for (const s of steps) assert.ok(near(s, steps[0], 0.02 * EM), `${what}: uneven dots ${steps.map((x) => (x / EM).toFixed(3)).join(' ')}`);
        }
      }
    }
  });

  test('17. “ ” ‘ ’ in Chinese come from the CJK font at 1 em, even when the first font sets them narrow', () => {
    const k = kai(), s = song();
    const p = compose('他说“好”，‘是’。', { measure: 30 * EM }, [k, s]);
    const l = p.lines[0];
    for (const q of ['“', '”', '‘', '’']) {
      const g = glyph(l, q);
      assert.equal(g.font, s, `${q} from the CJK body font`);
      assert.ok(near(g.advance, EM), `${q} is 1 em`);
    }
    assert.equal(glyph(l, '他').font, k, 'Han stays in the first font');
    // With no full-width quote anywhere in the chain, the narrow glyph sits in a 1-em cell on its ink side.
    const only = compose('他“好”。', { measure: 30 * EM }, [k]).lines[0];
    assert.ok(near(glyph(only, '好').x - glyph(only, '他').x, 2 * EM), '“ occupies 1 em');
    const open = glyph(only, '“');
    assert.ok(near(open.x + open.advance, 2 * EM), '“ ink on the right of its cell');
  });
});

describe('justification', () => {
  test('18. every line but the last spans the measure within 0.01 pt', () => {
    const text = '近期，市人大常委会部署启动了2024年全市人大代表主题活动，组织发动全市各级人大代表双岗建功助力“深化改革、强基固本”、持续推动“八八战略”走深走实。';
    for (const m of [9.3, 12, 13.7, 17.25, 27.64]) {
      const p = compose(text, { measure: m * EM, indent: 2 });
      for (const l of p.lines.slice(0, -1)) assert.ok(near(l.right, m * EM), `${m} em: ${l.text} ends at ${l.right}`);
    }
  });

  test('19. the last line is set at natural width from the start edge', () => {
    const p = compose(HAN10 + '甲乙，丙丁。');
    const last = p.lines.at(-1)!;
    assert.ok(last.last && near(last.left, 0) && near(last.right, last.natural));
    assert.ok(near(glyph(last, '乙').x - glyph(last, '甲').x, EM));
  });

  test('20. no last line of a single Han character (+ mark)', () => {
    const p = compose(HAN10 + '甲乙丙丁戊己庚辛壬癸子。');
    assert.equal(p.lines.length, 3);
    const last = p.lines.at(-1)!.text;
    assert.ok([...last].filter((c) => /\p{Script=Han}/u.test(c)).length >= 2, last);
    for (const l of p.lines.slice(0, -1)) assert.ok(near(l.right, 10 * EM));
  });

  test('21. no extra space inside ——, digit strings or Latin words', () => {
    const p = compose('甲——乙12345丙word丁戊己庚辛壬癸子丑寅卯辰巳午未', { measure: 12.3 * EM });
    const l = p.lines[0];
    assert.ok(!l.last && near(l.right, 12.3 * EM));
    for (const piece of ['12345', 'word']) {
      const natural = glyphs(compose(piece, { measure: 30 * EM }).lines[0]);
      const set = glyphs(l).filter((g) => piece.includes(g.text));
      assert.equal(set.length, natural.length);
      for (let i = 1; i < set.length; i++) assert.ok(near(set[i].x - set[0].x, natural[i].x - natural[0].x), `${piece}[${i}]`);
    }
  });

  test('22. the slack is spread over all joints alike; a CJK–Latin gap stops at ⅓ em, the Han pairs take the rest', () => {
    const abc = compose('ABC', { measure: 30 * EM }).lines[0].right;
    const natural = 4 * EM + abc + 2 * (EM / 4); // 甲乙ABC丙丁 with two ¼-em gaps
    const tail = '戊己庚辛';
    // 4 pt short, four joints (甲乙, 乙ABC, ABC丙, 丙丁): 1 pt each, the gaps within their ⅓ em.
    const a = compose('甲乙ABC丙丁' + tail, { measure: natural + 4 }).lines[0];
    assert.equal(a.text, '甲乙ABC丙丁');
    assert.ok(near(glyph(a, '乙').x - glyph(a, '甲').x, EM + 1) && near(glyph(a, '丁').x - glyph(a, '丙').x, EM + 1), 'Han pairs +1 pt');
    assert.ok(near(glyph(a, 'A').x - (glyph(a, '乙').x + EM), EM / 4 + 1), 'each gap +1 pt');
    assert.equal(a.spacing, 1, 'the even spacing is reported');
    // 11 pt short: 2.75 pt each would open the gaps past ⅓ em; they stop there (+1⅓ pt) and the
    // two Han pairs share the other 8⅓ pt.
    const b = compose('甲乙ABC丙丁' + tail, { measure: natural + 11 }).lines[0];
    assert.equal(b.text, '甲乙ABC丙丁');
    const han = (11 - 2 * (EM / 12)) / 2;
    assert.ok(near(glyph(b, '乙').x - glyph(b, '甲').x, EM + han), 'Han pair takes the rest');
    assert.ok(near(glyph(b, 'A').x - (glyph(b, '乙').x + EM), EM / 3), 'gap at ⅓ em');
    assert.ok(near(glyph(b, '丙').x - (glyph(b, 'A').x + abc), EM / 3));
    assert.ok(near(glyph(b, '丁').x - glyph(b, '丙').x, EM + han));
    // A line of nothing but CJK–Latin gaps (no Han pair to take the rest) opens them past ⅓ em
    // only as a loose line, which it reports: its spacing is above the allowance (½ em here).
    const def = compose('DEF', { measure: 30 * EM }).lines[0].right;
    const c = compose('甲ABC乙DEF丙' + 'Hangzhou', { measure: 3 * EM + abc + def + 4 * (EM / 3) + 3 }).lines[0];
    assert.equal(c.text, '甲ABC乙DEF丙');
    for (const [l, r] of [['甲', 'A'], ['C', '乙'], ['乙', 'D'], ['F', '丙']] as const) {
      const gl = glyph(c, l), gr = glyph(c, r);
      assert.ok(near(gr.x - (gl.x + gl.advance), EM / 3 + 0.75), `${l}|${r}: ${(gr.x - gl.x - gl.advance).toFixed(2)} pt`);
    }
    assert.ok(c.spacing !== undefined && near(c.spacing, EM / 2 + 0.75), `reported spacing ${c.spacing}`);
  });
});

test('23. a line that needs even spacing reports how much, so that a loose line can be warned about', () => {
  const p = compose('一二三四五六七八九' + 'Hangzhou' + '甲乙');
  const l = p.lines[0];
  assert.equal(l.text, '一二三四五六七八九');
  assert.ok(l.spacing !== undefined && near(l.spacing, (10 * EM - 9 * EM) / 8), `spacing ${l.spacing}`);
  assert.ok(l.spacing! < 0.5 * EM);
  const tight = compose(HAN10 + HAN10);
  assert.equal(tight.lines[0].spacing, undefined, 'a full line needs none');
  const loose = compose('一二三' + 'Internationalization' + '甲', { measure: 12 * EM });
  assert.ok(loose.lines[0].spacing! > 0.5 * EM, 'a very loose line shows it');
});

describe('Han–Western spacing', () => {
  const wide = { measure: 40 * EM };
  const width = (s: string) => compose(s, wide).lines[0].right;

  test('24. ¼ em between Han and a Latin letter or digit', () => {
    const l = compose('中文ABC中文2024年', wide).lines[0];
    assert.ok(near(glyph(l, 'A').x - (glyph(l, '文').x + EM), EM / 4));
    assert.ok(near(glyph(l, '中', 1).x - (glyph(l, 'A').x + width('ABC')), EM / 4));
    assert.ok(near(glyph(l, '年').x - (glyph(l, '2').x + width('2024')), EM / 4));
  });

  test('25. no gap at a line start or end', () => {
    const p = compose('一二三四五六七八九ABCD甲乙丙丁戊己庚辛壬EFG癸子');
    for (const l of p.lines) {
      assert.ok(near(glyphs(l)[0].x, 0) || glyphs(l)[0].text === '（', `${l.text} starts at 0`);
      if (!l.last) {
        const g = glyphs(l).at(-1)!;
        if (/[A-Z]/.test(g.text)) assert.ok(near(l.right, 10 * EM) && near(g.x + g.advance, 10 * EM, 0.05), `${l.text} ink to the edge`);
      }
    }
    assert.ok(texts(p).some((t) => /^[A-Z]/.test(t) || /[A-Z]$/.test(t)), 'a line edge falls on Latin text');
  });

  test('26. no gap between Latin/digits and Chinese punctuation', () => {
    const l = compose('甲ABC，乙（2024）丙“AI”', wide).lines[0];
    assert.ok(near(glyph(l, '，').x, glyph(l, 'A').x + width('ABC')));
    assert.ok(near(glyph(l, '2').x, glyph(l, '（').x + EM));
    assert.ok(near(glyph(l, '）').x, glyph(l, '2').x + width('2024')));
    assert.ok(near(glyph(l, 'A', 1).x, glyph(l, '“').x + EM));
  });

  test('27. a typed space between Han and Latin gives the same gap as none', () => {
    const a = glyphs(compose('中 ABC 文 2024 年', wide).lines[0]).map((g) => g.x);
    const b = glyphs(compose('中ABC文2024年', wide).lines[0]).map((g) => g.x);
    assert.deepEqual(a.map((x) => x.toFixed(3)), b.map((x) => x.toFixed(3)));
  });

  const dejavu = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';
  test('28. Latin in the Latin font, Han and Chinese marks in the CJK font, missing glyphs reported', { skip: !existsSync(dejavu) && 'no DejaVu Serif' }, () => {
    const latin = openFont(dejavu);
    const s = song();
    const p = compose('GDP增长5.2%，“AI”赋能\u{10FFFD}。', wide, [latin, s]);
    const l = p.lines[0];
    for (const c of ['G', 'D', 'P', '5', '%', 'A', 'I']) assert.equal(glyph(l, c).font, latin, c);
    for (const c of ['增', '长', '，', '“', '”', '赋', '。']) assert.equal(glyph(l, c).font, s, c);
    assert.ok(near(glyph(l, '“').advance, EM));
    assert.deepEqual(p.missing, [{ char: '\u{10FFFD}', codePoint: 0x10fffd, index: 16 }]);
    assert.ok(glyphs(l).filter((g) => g.id === 0).length === 1, 'only the missing character is .notdef');
  });
});

describe('paragraphs', () => {
  test('29. the first line is indented exactly 2 em (2 grid cells on a grid)', () => {
    const p = compose(HAN10 + HAN10, { indent: 2 });
    assert.ok(near(p.lines[0].left, 2 * EM) && near(glyphs(p.lines[0])[0].x, 2 * EM));
    assert.ok(near(p.lines[1].left, 0));
    const g = compose(HAN10.repeat(6), { indent: 2, grid: 28, measure: 442.205 });
    assert.ok(near(g.lines[0].left, (2 * 442.205) / 28));
    assert.equal(g.lines[0].text.length, 26);
  });

  test('the composed paragraphs above break no rule', () => {
    const samples = ['一二，三四五六七八九。甲乙', HAN10 + '“甲乙”丙丁', '甲——乙12345丙word丁戊己庚辛壬癸子丑寅卯辰巳午未'];
    for (const t of samples) {
      const opt = { measure: 10 * EM, size: EM, indent: 0, align: 'justify' } as const;
      const p = compose(t, opt);
      assert.deepEqual(violations([{ text: t, fonts: [song()] }], opt, p, { orphans: true }), []);
    }
  });
});

test('29b. ideographic spaces typed to indent do not add to the 2-em indent', () => {
  const p = compose('\u3000\u3000' + HAN10 + HAN10, { indent: 2 });
  assert.ok(near(glyphs(p.lines[0])[0].x, 2 * EM));
  assert.equal(glyphs(p.lines[0])[0].text, '一');
});
