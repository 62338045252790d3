// Invented reports for the batch tests: a small template function renders a 2021-layout report
// (tab-separated tables, as copied from Word) from consistent figures drawn from a seed, with an
// optional defect. Bodies and figures are made up.

const APPLICANTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'];
const ROWS = [
  ['new', '一、本年新收政府信息公开申请数量'],
  ['carried', '二、上年结转政府信息公开申请数量'],
  ['granted', '三、本年度办理结果\t（一）予以公开'],
  ['partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['denied.secret', '（三）不予公开\t1.属于国家秘密'],
  ['denied.law', '2.其他法律行政法规禁止公开'],
  ['denied.safety', '3.危及“三安全一稳定”'],
  ['denied.third_party', '4.保护第三方合法权益'],
  ['denied.internal', '5.属于三类内部事务信息'],
  ['denied.process', '6.属于四类过程性信息'],
  ['denied.enforcement', '7.属于行政执法案卷'],
  ['denied.query', '8.属于行政查询事项'],
  ['unable.not_held', '（四）无法提供\t1.本机关不掌握相关政府信息'],
  ['unable.needs_making', '2.没有现成信息需要另行制作'],
  ['unable.unclear', '3.补正后申请内容仍不明确'],
  ['rejected.petition', '（五）不予处理\t1.信访举报投诉类申请'],
  ['rejected.duplicate', '2.重复申请'],
  ['rejected.publication', '3.要求提供公开出版物'],
  ['rejected.excessive', '4.无正当理由大量反复申请'],
  ['rejected.confirm', '5.要求行政机关确认或重新出具已获取信息'],
  ['other.no_correction', '（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['other.unpaid_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['other.other', '3.其他'],
  ['results_total', '（七）总计'],
  ['carried_forward', '四、结转下年度继续办理'],
];
const OUTCOMES = ROWS.slice(2, -2).map(([id]) => id);

/** A small deterministic generator (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

/** Consistent table 三 and 四 figures; `carried` (per applicant) continues last year's report. */
export function figures(seed, carried) {
  const r = rng(seed);
  const t3 = Object.fromEntries(ROWS.map(([id]) => [id, {}]));
  for (const [i, c] of APPLICANTS.entries()) {
    const news = c === 'natural' ? 10 + r(40) : r(6);
    const from = carried ? carried[i] : r(3);
    const forward = r(Math.min(4, news + from + 1));
    const handled = news + from - forward;
    for (const id of OUTCOMES) t3[id][c] = 0;
    for (let k = 0; k < handled; k++) {
      const pick = r(10);
      t3[pick < 5 ? 'granted' : pick < 7 ? 'partial' : OUTCOMES[r(OUTCOMES.length)]][c]++;
    }
    t3.new[c] = news;
    t3.carried[c] = from;
    t3.results_total[c] = handled;
    t3.carried_forward[c] = forward;
  }
  for (const row of Object.values(t3)) row.total = APPLICANTS.reduce((s, c) => s + row[c], 0);
  const t4 = [0, 1, 2].map(() => {
    const parts = [r(3), r(2), r(2), r(2)];
    return [...parts, parts.reduce((a, b) => a + b, 0)];
  });
  return { t3, t4 };
}

/**
 * A report's text. `defect`: null, `'row'` (one cell of （一）予以公开 one too many: the row and
 * column sums fail, suspect-cell names it) or `'t4'` (a 行政复议 total one too many).
 */
export function report({ body, year, seed, carried = null, defect = null }) {
  const { t3, t4 } = figures(seed, carried);
  const row = (id) => [...APPLICANTS.map((c) => t3[id][c]), t3[id].total];
  const lines = ROWS.map(([id, label]) => {
    const values = row(id);
    if (defect === 'row' && id === 'granted') values[0] += 1;
    return `${label}\t${values.join('\t')}`;
  });
  const t4row = t4.flat();
  if (defect === 't4') t4row[4] += 1;
  const total = (id) => t3[id].total;
  const text = `${body}${year}年政府信息公开工作年度报告

发布日期：${year + 1}-01-20

本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自${year}年1月1日至${year}年12月31日。机关名称与全部数字均为虚构。

一、总体情况

${year}年，${body}坚持以公开为常态、不公开为例外。全年新收政府信息公开申请${total('new')}件，上年结转${total('carried')}件，办结${total('results_total')}件，结转下年度继续办理${total('carried_forward')}件。

二、主动公开政府信息情况

第二十条第（一）项
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t0
行政规范性文件\t${seed % 5}\t0\t${20 + (seed % 7)}
第二十条第（五）项
信息内容\t本年处理决定数量
行政许可\t${100 + (seed % 900)}
第二十条第（六）项
信息内容\t本年处理决定数量
行政处罚\t${seed % 300}
行政强制\t${seed % 40}
第二十条第（八）项
信息内容\t本年收费金额（单位：万元）
行政事业性收费\t0

三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
自然人\t法人或其他组织\t总计
商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他
${lines.join('\n')}

四、政府信息公开行政复议、行政诉讼情况

行政复议\t行政诉讼
未经复议直接起诉\t复议后起诉
结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
${t4row.join('\t')}

五、存在的主要问题及改进情况

部分栏目更新不够及时。下一步将建立栏目更新提醒机制。

六、其他需要报告的事项

本年度未收取政府信息公开信息处理费。

${body}
${year + 1}年1月20日
`;
  return { text, carriedForward: APPLICANTS.map((c) => t3.carried_forward[c]), received: total('new') };
}

const COUNTIES = ['东山', '西河', '南岭', '北原', '青石', '白沙', '红桥', '金谷', '银湖', '玉泉'];
const OFFICES = ['交通运输局', '教育局', '民政局', '财政局', '水利局', '农业农村局', '商务局', '文化旅游局', '卫生健康局', '应急管理局'];

/**
 * `count` reports (an even number): `count / 2` bodies, each with its 2022 and 2023 reports
 * (the 2023 report carries the 2022 report's 结转 forward, so the chain holds). Every 10th
 * report has a wrong cell in table 三, every 25th a wrong total in table 四.
 * Returns `[{ name, text, defect }]`.
 */
export function batch(count) {
  const out = [];
  for (let b = 0; b < count / 2; b++) {
    const body = `示例${COUNTIES[b % 10]}县${OFFICES[Math.floor(b / 10) % 10]}${b >= 100 ? `第${Math.floor(b / 100) + 1}分局` : ''}`;
    let carried = null;
    for (const year of [2022, 2023]) {
      const i = out.length;
      const defect = i % 10 === 3 ? 'row' : i % 25 === 7 ? 't4' : null;
      const made = report({ body, year, seed: 1000 + i, carried, defect });
      carried = made.carriedForward;
      out.push({ name: `${String(i + 1).padStart(3, '0')}-${body}-${year}.txt`, text: made.text, defect, received: made.received });
    }
  }
  return out;
}
