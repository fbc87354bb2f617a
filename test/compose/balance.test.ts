/**
 * Title balancing: where a two-line title breaks (typography.md §1.8, GB/T 9704 §7.3.1 — words
 * whole, a number with its unit) and that a title that fits stays on one line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BALANCE_COST, balanceQuality } from '../../src/compose/balance.js';
import { composeParagraph } from '../../src/compose/compose.js';
import type { ComposeOptions } from '../../src/compose/types.js';
import { openFont } from '../../src/font/load.js';
import { vendoredFontPath } from '../../src/font/vendored.js';
import { segment } from '../../src/text/segment.js';
import { song } from './fonts.js';

const SIZE = 22;
/** The 版心 width (156 mm): GB/T 9704 titles use the whole type width. */
const TYPE_WIDTH = 442.205;
const title = () => openFont(vendoredFontPath('title'));

function lines(text: string, measure: number): string[] {
  const opt: ComposeOptions = { measure, size: SIZE, align: 'center', balance: true };
  return composeParagraph([{ text, fonts: [title(), song()] }], opt).lines.map((l) => l.text);
}

/** The balance cost of breaking right before the first occurrence of `after` + `before`. */
function costAt(text: string, left: string, right: string): number {
  const seg = segment(text, [], 'gb');
  const q = balanceQuality(text, seg);
  const at = text.indexOf(left + right) + left.length;
  for (let j = 1; j < seg.count; j++) if (seg.start[j] === at || (seg.start[j] > at && text[at] === ' ')) return q[j];
  throw new Error(`no joint at ${left}|${right}`);
}

test('a number stays with its unit or measure word, 第 with its number', () => {
  const t = '关于开展2024年度专项监督工作的情况报告';
  assert.equal(costAt(t, '2024', '年'), BALANCE_COST.NUMBER_UNIT);
  assert.equal(costAt(t, '开展', '2024'), BALANCE_COST.WORD);
  const u = '召开第12次主任会议完成12.5万人3项任务';
  assert.equal(costAt(u, '第', '12'), BALANCE_COST.NUMBER_UNIT);
  assert.equal(costAt(u, '12', '次'), BALANCE_COST.NUMBER_UNIT);
  assert.equal(costAt(u, '12.5', '万'), BALANCE_COST.NUMBER_UNIT);
  assert.equal(costAt(u, '3', '项'), BALANCE_COST.NUMBER_UNIT);
  assert.ok(BALANCE_COST.NUMBER_UNIT > 2 * 1e6, 'costs more than an extra line');
});

test('breaks at a typed space, after ： and between words cost least; doubtful single-character words more', () => {
  const t = '临安区：强化司法监督 维护司法公正';
  assert.equal(costAt(t, '：', '强'), BALANCE_COST.MARK);
  assert.equal(costAt(t, '监督', ' '), BALANCE_COST.SPACE);
  const u = '关于开展2024年度专项监督工作的情况报告';
  assert.equal(costAt(u, '监督', '工作'), BALANCE_COST.WORD);
  assert.equal(costAt(u, '专', '项'), BALANCE_COST.TERM, 'ICU splits 专项 into two characters, but 专项监督 is a known term');
  assert.equal(costAt('拱墅区开展专项督查', '专', '项'), BALANCE_COST.INSIDE_NAME, 'two characters the dictionary left alone read as one word');
  assert.equal(costAt(u, '的', '情况'), BALANCE_COST.WORD, 'after 的 a phrase ends');
  assert.equal(costAt(u, '工作', '的'), BALANCE_COST.SINGLES, '的 does not start a line');
  assert.ok(costAt(u, '监', '督') >= BALANCE_COST.INSIDE_WORD);
});

test('a title never breaks between a number and its unit, at any measure', () => {
  const titles = [
    '关于开展2024年度专项监督工作的情况报告',
    '市人大常委会部署开展2024年代表主题活动',
    '召开第12次主任会议研究部署全年立法工作',
    '全市新增就业12.5万人超额完成3项目标任务',
  ];
  for (const t of titles) {
    for (let em = 9; em <= 20; em += 0.5) {
      const ls = lines(t, em * SIZE);
      assert.equal(ls.join(''), t);
      for (let i = 1; i < ls.length; i++) {
        const pair = ls[i - 1].slice(-1) + ls[i][0];
        assert.ok(!/[0-9０-９][年月日个项条家次名万亿元人]|第[0-9]/.test(pair), `${t} at ${em} em: ${ls.join(' / ')}`);
      }
    }
  }
  assert.deepEqual(lines('关于开展2024年度专项监督工作的情况报告', 18 * SIZE), ['关于开展2024年度', '专项监督工作的情况报告']);
  assert.deepEqual(lines('召开第12次主任会议研究部署全年立法工作', 18 * SIZE), ['召开第12次主任会议', '研究部署全年立法工作']);
});

test('a title that fits the measure stays on one line; one that does not breaks at its space', () => {
  assert.deepEqual(lines('市人大常委会部署开展2024年代表主题活动', TYPE_WIDTH), ['市人大常委会部署开展2024年代表主题活动']);
  assert.deepEqual(lines('关于开展2024年度专项监督工作的情况报告', TYPE_WIDTH), ['关于开展2024年度专项监督工作的情况报告']);
  assert.deepEqual(lines('临安区：强化司法监督 维护司法公正', TYPE_WIDTH), ['临安区：强化司法监督 维护司法公正']);
  assert.deepEqual(lines('临安区：强化司法监督 维护司法公正', 14 * SIZE), ['临安区：强化司法监督', '维护司法公正']);
});

test('inside a name or term the dictionary does not know costs like inside a word', () => {
  const cases: [string, string, string][] = [
    ['舟山市普陀区东极海岛县人大代表联络站', '海岛', '县'],
    ['省人大常委会调研组赴温州市鹿城区开展基层立法联系点建设', '鹿', '城区'],
    ['省人大常委会调研组赴温州市鹿城区开展基层立法联系点建设', '温州', '市'],
    ['拱墅区人大常委会开展城市更新专项监督调研', '拱墅', '区'],
    ['拱墅区人大常委会开展城市更新专项监督调研', '专', '项'],
    ['拱墅区人大常委会开展城市更新专项监督调研', '常委', '会'],
    ['市政协委员视察邵逸夫医院大运河院区', '邵', '逸夫'],
    ['余杭区良渚街道人大工委组织代表视察', '良渚', '街道'],
    ['市发改委市住建局联合开展重大项目建设进度专项督查', '市', '发改委'],
    ['拱墅区：五年全周期监督', '全', '周期'],
  ];
  for (const [t, l, r] of cases) assert.ok(costAt(t, l, r) >= BALANCE_COST.INSIDE_NAME, `${l}|${r} in ${t}: ${costAt(t, l, r)}`);
  // … while the phrase boundaries around them stay cheap.
  const cheap: [string, string, string][] = [
    ['舟山市普陀区东极海岛县人大代表联络站开展集中接待选民活动', '联络站', '开展'],
    ['省人大常委会调研组赴温州市鹿城区开展基层立法联系点建设', '鹿城区', '开展'],
    ['省人大常委会调研组赴温州市鹿城区开展基层立法联系点建设', '温州市', '鹿城区'],
    ['拱墅区人大常委会开展城市更新专项监督调研', '常委会', '开展'],
    ['市政协委员视察邵逸夫医院大运河院区', '视察', '邵逸夫'],
    ['余杭区良渚街道人大工委组织代表视察', '良渚街道', '人大'],
    ['市发改委市住建局联合开展重大项目建设进度专项督查', '市发改委', '市住建局'],
    ['关于开展2024年度专项监督工作的情况报告', '工作的', '情况'],
    ['建德市梅城镇：探索古城保护与有机更新的人大监督新路径', '古城保护', '与'],
  ];
  for (const [t, l, r] of cheap) assert.ok(costAt(t, l, r) <= BALANCE_COST.TERM, `${l}|${r} in ${t}: ${costAt(t, l, r)}`);
});

/**
 * Titles from various offices, `|` marking every place where a line may break: between whole
 * words or phrases, never inside a place, an organ, a name or a term. Measures in em of 二号
 * (the default title style); 20.1 em is the full type width.
 */
const TITLES: [string, number][] = [
  ['舟山市|普陀区|东极海岛县|人大代表联络站|开展|集中接待|选民活动', 20.1],
  ['温州市|鹿城区|人大常委会|开展|优化|营商环境|专项监督|工作', 20.1],
  ['省人大常委会|调研组|赴|温州市|鹿城区|开展|基层立法联系点|建设|调研', 20.1],
  ['拱墅区|人大常委会|听取|审议|区政府|关于|专项资金|使用情况的|报告', 20.1],
  ['拱墅区：|五年|全周期监督|助力|邵逸夫医院|大运河院区|项目|提前投用', 20.1],
  ['市政协委员|视察|邵逸夫医院|大运河院区', 12],
  ['余杭区|良渚街道|人大工委|组织|代表|视察|美丽乡村|建设情况', 20.1],
  ['淳安县|千岛湖镇|人大主席团|召开|代表联络站|建设|推进会', 20.1],
  ['建德市|梅城镇：|探索|古城保护|与有机更新的|人大监督|新路径', 20.1],
  ['桐庐县|分水镇人大|开展|民生实事项目|票决制|工作综述', 20.1],
  ['景宁畲族自治县|人大常委会|召开|民族区域自治条例|实施情况|座谈会', 20.1],
  ['省人大常委会|执法检查组|来杭|检查|大气污染防治法|贯彻实施情况', 20.1],
  ['市发改委|市住建局|联合|开展|重大项目|建设进度|专项督查|工作', 20.1],
  ['市政协|召开|“加快推进|城乡|一体化发展”|专题协商会议', 20.1],
  ['市纪委监委|深入|开展|群众身边|不正之风|和腐败问题|集中整治', 20.1],
  ['鄂尔多斯市|乌审旗|人大常委会|赴|锡林郭勒盟|考察|学习|基层立法联系点|建设', 20.1],
  ['西湖区|人民法院|召开|涉企|行政|争议|实质性化解|工作|推进会', 20.1],
  ['萧山区|人民检察院|开展|未成年人|检察|工作|社会支持体系|建设试点', 20.1],
  ['滨江区|长河街道|社区卫生服务中心|获评|全省|优质服务基层行|示范单位', 20.1],
  ['上城区|湖滨街道|人大工委|打造|“民生议事堂”|助力|基层治理现代化', 20.1],
  ['临平区|人大常委会|关于|加强和改进|人大代表联络站|建设的|实施意见', 20.1],
  ['富阳区|银湖街道|召开|人大代表|述职评议大会|暨代表联络站|建设|现场推进会', 20.1],
  ['钱塘区|人大常委会|开展|《杭州市物业管理条例》|贯彻实施情况|执法检查', 20.1],
  ['市卫生健康委员会|关于|进一步|做好|全市|公立医院|高质量发展|工作的|情况报告', 20.1],
  ['市教育局|开展|中小学生|课后服务|质量提升|专项行动|工作部署会', 20.1],
  ['关于|拱墅区|人大常委会|组织|开展|2024年度|民生实事项目|人大代表票决制|工作情况|和下一步|工作打算的|报告', 20.1],
  ['杭州市|上城区|人民政府|关于|提请|审议|国民经济|和社会发展|第十四个五年|规划纲要|实施情况|中期评估|报告的|议案', 20.1],
  // Titles of the test bulletins (test/fixtures/issues): never inside “…”, between a number
  // and its unit (220千伏, 38.6亿元, 11个), or between 和 and what it joins.
  ['县委常委会|专题研究|部署|“千万工程”|深化提升|和220千伏|青溪|输变电工程|建设工作', 20.1],
  ['县委常委会|专题研究|部署|“千万工程”|深化提升|和220千伏|青溪|输变电工程|建设工作', 16],
  ['县发改局：|“项目管家”|服务|推动|总投资|38.6亿元的|11个|省市县长项目|提速', 20.1],
  ['县发改局：|“项目管家”|服务|推动|总投资|38.6亿元的|11个|省市县长项目|提速', 16],
  ['关于|加快推进|农村|“一老一小”|服务设施|适老化改造|和5G|智慧养老服务|全覆盖的|建议', 20.1],
  ['关于|加快推进|农村|“一老一小”|服务设施|适老化改造|和5G|智慧养老服务|全覆盖的|建议', 16],
  ['南湖街道|全面建成|“15分钟便民服务圈”', 16],
  ['双溪乡：|小茶叶|做成|“大产业”|带动|2600余户|茶农|增收', 13],
];

test('multi-line titles break only between words, never inside a place, organ, name or term', () => {
  const failures: string[] = [];
  for (const [marked, em] of TITLES) {
    const text = marked.replaceAll('|', '');
    const ok = new Set<number>();
    for (let i = 0, at = 0; i < marked.length; i++) if (marked[i] === '|') ok.add(at); else at++;
    const ls = lines(text, em * SIZE);
    assert.equal(ls.join(''), text.replace(/\s/g, ''));
    assert.ok(ls.length >= 2 && ls.length <= 3, `${text} at ${em} em takes ${ls.length} lines`);
    const breaks: number[] = [];
    for (let i = 0, at = 0; i < ls.length - 1; i++) breaks.push((at += ls[i].length));
    if (breaks.some((b) => !ok.has(b))) failures.push(`${ls.join(' / ')}   (acceptable after ${[...ok].join(', ')})`);
  }
  assert.deepEqual(failures, []);
});
