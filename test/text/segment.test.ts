import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Cls } from '../../src/text/classes.js';
import { Brk, Gap, segment, type Segmentation } from '../../src/text/segment.js';

const units = (text: string, seg: Segmentation) => Array.from({ length: seg.count }, (_, k) => text.slice(seg.start[k], seg.end[k]));
const seg = (text: string, cuts: number[] = [], level: 'gb' | 'strict' = 'gb') => segment(text, cuts, level);
/** The joint between the unit ending with `left` and the next one. */
function jointAfter(text: string, s: Segmentation, left: string): number {
  const us = units(text, s);
  const k = us.indexOf(left);
  assert.ok(k >= 0, `no unit ${left} in ${us.join('|')}`);
  return k + 1;
}

describe('segment', () => {
  test('Han characters are single units; numbers and words stay whole', () => {
    const t = '中文2024年1,234.5元GDP增长-5.5%';
    const s = seg(t);
    assert.deepEqual(units(t, s), ['中', '文', '2024', '年', '1,234.5', '元', 'GDP', '增', '长', '-5.5', '%']);
    assert.equal(s.gap[jointAfter(t, s, '文')], Gap.CjkLatin);
    assert.equal(s.gap[jointAfter(t, s, '2024')], Gap.CjkLatin);
    assert.equal(s.brk[jointAfter(t, s, '文')], Brk.Normal);
    assert.equal(s.brk[jointAfter(t, s, '长')], Brk.Normal, 'a sign before digits may start a line');
    assert.equal(s.brk[jointAfter(t, s, '-5.5')], Brk.Never, 'number and suffix sign are one');
    assert.equal(s.just[jointAfter(t, s, '-5.5')], 0);
    assert.equal(s.gap[jointAfter(t, s, '-5.5')], Gap.None);
  });

  test('破折号 and 省略号 are one 2-em unit; a third dash is a connector', () => {
    const t = '甲——乙……丙———丁';
    const s = seg(t);
    assert.deepEqual(units(t, s), ['甲', '——', '乙', '……', '丙', '——', '—', '丁']);
    assert.equal(s.cls[1], Cls.Long);
    assert.equal(s.cls[6], Cls.Dash);
    assert.equal(s.brk[1], Brk.Discouraged, 'GB style avoids a 2-em mark at a line start');
    assert.equal(seg(t, [], 'strict').brk[1], Brk.Force, 'strict forbids it');
  });

  test('kinsoku: no break before closing/pause marks or after opening marks', () => {
    const t = '甲，“乙”（丙）·丁／戊';
    const s = seg(t);
    const us = units(t, s);
    const brkBefore = (u: string) => s.brk[us.indexOf(u)];
    for (const c of ['，', '”', '）', '·', '／']) assert.equal(brkBefore(c), Brk.Force, `before ${c}`);
    for (const c of ['乙', '丙', '戊']) assert.equal(brkBefore(c), Brk.Force, `after the opening mark or solidus before ${c}`);
    assert.equal(brkBefore('“'), Brk.Normal, 'between ， and “');
    assert.equal(brkBefore('（'), Brk.Normal, 'before （ after ”');
  });

  test('“ ” are opening/closing marks in Chinese, Latin quotes elsewhere; an apostrophe stays Latin', () => {
    const zh = seg('他说“好”，don’t');
    assert.deepEqual([...zh.cls.slice(0, zh.count)], [Cls.Han, Cls.Han, Cls.Open, Cls.Han, Cls.Close, Cls.Pause, Cls.Latin]);
    const en = seg('He said “yes”.');
    assert.ok([...en.cls.slice(0, en.count)].every((c) => c === Cls.Latin));
  });

  test('typed spaces: the CJK–Latin gap replaces them, beside Chinese marks they vanish, between words they stay', () => {
    const t = '使用 AI 技术， hello world 中 文';
    const s = seg(t);
    assert.deepEqual(units(t, s), ['使', '用', 'AI', '技', '术', '，', 'hello', 'world', '中', '文']);
    assert.equal(s.gap[jointAfter(t, s, '用')], Gap.CjkLatin);
    assert.ok(s.spaceAt[jointAfter(t, s, '用')] >= 0);
    assert.equal(s.gap[jointAfter(t, s, '，')], Gap.None);
    assert.equal(s.gap[jointAfter(t, s, 'hello')], Gap.Word);
    assert.equal(s.brk[jointAfter(t, s, 'hello')], Brk.Normal);
    assert.equal(s.gap[jointAfter(t, s, 'world')], Gap.CjkLatin);
    assert.equal(s.gap[jointAfter(t, s, '中')], Gap.Ideo, 'a space typed between Han characters is kept, as a full cell');
  });

  test('a space between two Han characters is a full-width gap; beside marks or Latin it is not', () => {
    const t = '临安区：强化司法监督 维护司法公正 蔡\u00a0静 （一） 标题 A 甲';
    const s = seg(t);
    assert.equal(s.gap[jointAfter(t, s, '督')], Gap.Ideo);
    assert.equal(s.brk[jointAfter(t, s, '督')], Brk.Normal, 'a title may break there');
    assert.equal(s.gap[jointAfter(t, s, '正')], Gap.Ideo);
    assert.equal(s.gap[jointAfter(t, s, '蔡')], Gap.Ideo, 'a no-break space pads a name the same way');
    assert.equal(s.brk[jointAfter(t, s, '蔡')], Brk.Force, '…and does not break');
    assert.equal(s.gap[jointAfter(t, s, '）')], Gap.Phrase, 'next to a full-width mark a space is a pause between phrases (set in titles only)');
    assert.equal(s.gap[jointAfter(t, s, '题')], Gap.CjkLatin, 'between Han and Latin it is the ¼-em gap');
    const folded = seg('监督\n维护');
    assert.equal(folded.gap[2], Gap.None, 'a folded line break is still no space');
  });

  test('a newline inside Chinese text is no space; a no-break space does not break', () => {
    const t = '中\n文 and\u00a0more';
    const s = seg(t);
    assert.equal(s.gap[1], Gap.None);
    assert.equal(s.brk[jointAfter(t, s, 'and')], Brk.Force);
    assert.equal(s.gap[jointAfter(t, s, 'and')], Gap.Word);
  });

  test('URLs break after / . - only as an emergency, never inside numbers', () => {
    const t = '见http://www.hangzhou.gov.cn/art-2024/1,234.html';
    const s = seg(t);
    const us = units(t, s);
    assert.ok(us.includes('hangzhou.'), us.join('|'));
    assert.ok(us.includes('art-'), us.join('|'));
    assert.ok(!us.some((u) => u === '1,' || u === '234.'), 'no piece boundary inside 1,234');
    for (let j = 2; j < s.count; j++) assert.equal(s.brk[j], Brk.Emergency, `joint ${j} ${us[j - 1]}|${us[j]}`);
    assert.equal(s.just[3], 0, 'no justification space inside a URL');
  });

  test('a word split across styles is still one word; fine mode splits over-long tokens', () => {
    const t = 'Hangzhou';
    const s = segment(t, [4], 'gb');
    assert.deepEqual(units(t, s), ['Hang', 'zhou']);
    assert.equal(s.brk[1], Brk.Force);
    const fine = segment('AAAA1,234.5', [], 'gb', 1);
    assert.deepEqual(units('AAAA1,234.5', fine), ['A', 'A', 'A', 'A', '1,234.5']);
    assert.ok([...fine.brk.slice(1, fine.count)].every((b) => b === Brk.Force));
  });

  test('combining marks and variation selectors stay with their base character', () => {
    const t = '葛\u{E0100}优e\u0301';
    const s = seg(t);
    assert.deepEqual(units(t, s), ['葛\u{E0100}', '优', 'e\u0301']);
  });
});

test('invisible format characters vanish; typed ideographic indent spaces go when the composer indents', () => {
  const t = '\u3000\u3000中\u00ad文\u2060字\ufeff';
  assert.deepEqual(units(t, segment(t, [], 'gb', 0, true)), ['中', '文', '字']);
  assert.deepEqual(units(t, segment(t, [], 'gb')), ['\u3000', '\u3000', '中', '文', '字']);
});
