// Strings of the supervisor's view (www/widget-desk.js), Chinese first, English second, in the
// shape of widget-i18n.js; kept apart so the desk's texts travel with it.

const zh = {
  heading: '监管视图',
  help: '按机关和年度汇总；得分由文档所列指标计算（权重可按本省标准调整）。点击报告名称查看完整结果。',
  matrix: '机关 × 年度',
  body: '机关',
  present: '有',
  missing: '缺',
  twice: (n) => `${n} 份`,
  ranking: '评分排名',
  rank: '名次',
  report: '报告',
  year: '年度',
  score: '得分',
  distribution: '得分分布',
  trend: '历年变化',
  chooseBody: '选择机关',
  received: '本年新收申请',
  copied: '照搬上年文字',
  copiedItem: (name, section, copied, sentences, previous) => `${name}：第${section}部分 ${sentences} 句中 ${copied} 句与 ${previous} 相同或只改了年份、数字`,
  noCopied: '未发现照搬上年的部分。',
  downloads: '文书下载',
  analysis: '汇总分析',
  letter: '审查意见',
  docx: 'Word（DOCX）',
  markdown: 'Markdown',
  html: '可打印网页（HTML）',
  sections: ['', '一', '二', '三', '四', '五', '六'],
};

const en = {
  heading: 'Supervisor view',
  help: 'By body and year; scores from the documented indicators (weights can follow a province’s own table). Click a report to see its result.',
  matrix: 'Bodies × years',
  body: 'Body',
  present: 'yes',
  missing: 'missing',
  twice: (n) => `${n} reports`,
  ranking: 'Ranking',
  rank: 'Rank',
  report: 'Report',
  year: 'Year',
  score: 'Score',
  distribution: 'Score distribution',
  trend: 'Over the years',
  chooseBody: 'Body',
  received: 'Applications received',
  copied: 'Text copied from last year',
  copiedItem: (name, section, copied, sentences, previous) => `${name}: section ${section}, ${copied} of ${sentences} sentences as in ${previous}`,
  noCopied: 'No section copied from last year.',
  downloads: 'Documents',
  analysis: 'Summary analysis (汇总分析)',
  letter: 'Review letter (审查意见)',
  docx: 'Word (DOCX)',
  markdown: 'Markdown',
  html: 'Printable page (HTML)',
  sections: ['', '1', '2', '3', '4', '5', '6'],
};

export function deskStrings(lang) {
  return lang === 'en' ? en : zh;
}
