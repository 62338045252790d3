//! 国办公开办函〔2021〕30号: the layout for report years 2021 and later.

use super::table3::*;
use super::{Column, Deviation, DeviationKind, Figure, RowDef, TableDef, Template, R1, R3, R4, RULES_MAY_BE_OMITTED, T3_COLUMNS, TABLE4};

const DOCUMENTS: &[Column] = &[
    Column { id: "issued", label: "本年制发件数", figure: Figure::Count },
    Column { id: "repealed", label: "本年废止件数", figure: Figure::Count },
    Column { id: "in_force", label: "现行有效件数", figure: Figure::Count },
];
const DECISIONS: &[Column] = &[Column { id: "decisions", label: "本年处理决定数量", figure: Figure::Count }];

pub static TEMPLATE: Template = Template {
    id: "2021",
    issued_by: "国办公开办函〔2021〕30号",
    first_year: 2021,
    signals: &["本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "逾期不补正", "收费通知"],
    tables: &[
        TableDef {
            id: "t2",
            name: "表二",
            section: 2,
            single_run: false,
            rows: &[
                RowDef { id: "rules", label: "规章", keys: &["规章"], columns: DOCUMENTS },
                RowDef { id: "normative", label: "行政规范性文件", keys: &["行政规范性文件", "规范性文件"], columns: DOCUMENTS },
                RowDef { id: "license", label: "行政许可", keys: &["行政许可"], columns: DECISIONS },
                RowDef { id: "penalty", label: "行政处罚", keys: &["行政处罚"], columns: DECISIONS },
                RowDef { id: "coercion", label: "行政强制", keys: &["行政强制"], columns: DECISIONS },
                RowDef {
                    id: "fees",
                    label: "行政事业性收费",
                    keys: &["行政事业性收费"],
                    columns: &[Column { id: "amount", label: "本年收费金额（单位：万元）", figure: Figure::Amount }],
                },
            ],
        },
        TableDef {
            id: "t3",
            name: "表三",
            section: 3,
            single_run: false,
            rows: &[
                NEW, CARRIED, GRANTED, PARTIAL, SECRET, LAW, SAFETY, THIRD_PARTY, INTERNAL, PROCESS, ENFORCEMENT,
                QUERY, NOT_HELD, NEEDS_MAKING, UNCLEAR, PETITION, DUPLICATE, PUBLICATION, EXCESSIVE, CONFIRM,
                RowDef {
                    id: "other.no_correction",
                    label: "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    keys: &["逾期不补正", "申请人无正当理由逾"],
                    columns: T3_COLUMNS,
                },
                RowDef {
                    id: "other.unpaid_fee",
                    label: "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    keys: &["收费通知", "缴纳费用", "逾期未按收费"],
                    columns: T3_COLUMNS,
                },
                RowDef { id: "other.other", label: "（六）其他处理 3.其他", keys: &["3其他"], columns: T3_COLUMNS },
                // The 2019 layout's single row, which some 2021-layout reports keep (see `deviations`).
                RowDef { id: "other", label: "（六）其他处理", keys: &["其他处理"], columns: T3_COLUMNS },
                RESULTS_TOTAL, CARRIED_FORWARD,
            ],
        },
        TABLE4,
    ],
    equations: &[
        R1,
        results_sum!("t3.other.no_correction.{}", "t3.other.unpaid_fee.{}", "t3.other.other.{}", "t3.other.{}"),
        R3,
        R4,
    ],
    deviations: &[
        RULES_MAY_BE_OMITTED,
        Deviation {
            row: "t3.other",
            kind: DeviationKind::StandsFor(&["t3.other.no_correction", "t3.other.unpaid_fee", "t3.other.other"]),
            note: "表三使用了 2019 版格式的单行“（六）其他处理”，2021 版格式将其分为“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三行",
        },
    ],
};
