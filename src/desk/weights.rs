//! The score's indicators and their weights, as data: a province that weighs things otherwise
//! publishes its own table (as JSON `{"indicator id": weight, …}`, read by
//! [`super::score::Weights::from_json`]). The weights of the default table add up to 100.

/// How an indicator is measured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measure {
    /// Full marks less `deduction` of the weight for each problem (findings of one mistake
    /// counted once) of these rules, down to 0. `needs_tables`: not applicable to a report
    /// whose tables were not read.
    Findings { rules: &'static [&'static str], deduction: f64, needs_tables: bool },
    /// Published on time: no `late-publication` finding, and a date given.
    OnTime,
    /// Year-on-year figures chain: no `carry-chain` warning; applicable when last year's
    /// report is in the batch.
    Chain,
    /// Share of sentences carried over from last year's report, in section 一 or 五 whichever
    /// is larger: full marks up to 50%, then down to 0 at 100%; applicable when last year's
    /// report is in the batch.
    Copied,
    /// A government's report states the results of 考核, 社会评议 and 责任追究 (条例第五十条):
    /// a third for each; applicable to governments (a body named after a place: 某某县, 某某市人民政府).
    Oversight,
}

pub struct Indicator {
    pub id: &'static str,
    pub label: &'static str,
    /// What evaluators look at, and where it is required.
    pub basis: &'static str,
    pub weight: f64,
    pub measure: Measure,
}

const ARITHMETIC: &[&str] =
    &["t3-balance", "t3-results-sum", "t3-row-total", "t4-total", "suspect-cell", "cell-negative", "cell-fraction", "t2-in-force"];

/// The default indicators.
pub static INDICATORS: &[Indicator] = &[
    Indicator {
        id: "on_time",
        label: "按时发布",
        basis: "条例第四十九条：部门 1 月 31 日前、政府 3 月 31 日前公布",
        weight: 5.0,
        measure: Measure::OnTime,
    },
    Indicator {
        id: "template",
        label: "使用现行格式，要素齐全",
        basis: "国办公开办函〔2021〕30 号格式：三张统计表及全部行",
        weight: 10.0,
        measure: Measure::Findings { rules: &["outdated-template", "missing-table", "missing-row"], deduction: 0.5, needs_tables: false },
    },
    Indicator {
        id: "sections",
        label: "六个部分齐全、顺序和编号正确",
        basis: "格式规定的六个部分及其编号",
        weight: 10.0,
        measure: Measure::Findings { rules: &["missing-section", "section-order"], deduction: 0.25, needs_tables: false },
    },
    Indicator {
        id: "tables_complete",
        label: "表格填写完整",
        basis: "无空白、“/”或无法辨认的单元格",
        weight: 10.0,
        measure: Measure::Findings { rules: &["cell-blank", "cell-unreadable", "cell-not-number"], deduction: 0.5, needs_tables: true },
    },
    Indicator {
        id: "arithmetic",
        label: "数据勾稽关系正确",
        basis: "表三、表四的合计关系（R1–R4）",
        weight: 15.0,
        measure: Measure::Findings { rules: ARITHMETIC, deduction: 0.25, needs_tables: true },
    },
    Indicator {
        id: "text_tables",
        label: "文字与表格一致、前后不矛盾",
        basis: "正文所述数字和“均已办结”等表述与统计表一致",
        weight: 10.0,
        measure: Measure::Findings { rules: &["text-table-mismatch"], deduction: 0.5, needs_tables: true },
    },
    Indicator {
        id: "fee_statement",
        label: "说明信息处理费收取情况",
        basis: "2021 版格式第六部分",
        weight: 5.0,
        measure: Measure::Findings { rules: &["fee-statement"], deduction: 1.0, needs_tables: true },
    },
    Indicator {
        id: "overview_topics",
        label: "总体情况涵盖五个方面",
        basis: "2021 版格式第一部分：主动公开、依申请公开、政府信息管理、平台建设、监督保障",
        weight: 10.0,
        measure: Measure::Findings { rules: &["overview-topics"], deduction: 0.2, needs_tables: false },
    },
    Indicator {
        id: "oversight",
        label: "政府报告说明考核、社会评议和责任追究结果",
        basis: "条例第五十条第四项",
        weight: 5.0,
        measure: Measure::Oversight,
    },
    Indicator {
        id: "problems_substance",
        label: "存在问题及改进情况具体",
        basis: "条例第五十条；第五部分不写“无”或套话",
        weight: 10.0,
        measure: Measure::Findings { rules: &["problems-substance"], deduction: 1.0, needs_tables: false },
    },
    Indicator {
        id: "chain",
        label: "与上年数据衔接",
        basis: "本年“上年结转”等于上年“结转下年度继续办理”",
        weight: 5.0,
        measure: Measure::Chain,
    },
    Indicator {
        id: "copied",
        label: "未照搬上年报告",
        basis: "评估中照搬上年文字超过一半即扣分",
        weight: 5.0,
        measure: Measure::Copied,
    },
];
