//! 国办公开办函〔2019〕60号 (试行): the layout for report years 2019 and 2020.

use super::table3::*;
use super::{Column, Figure, RowDef, TableDef, Template, R1, R3, R4, RULES_MAY_BE_OMITTED, T3_COLUMNS, TABLE4};

const DOCUMENTS: &[Column] = &[
    Column { id: "made", label: "本年新制作数量", figure: Figure::Count },
    Column { id: "published", label: "本年新公开数量", figure: Figure::Count },
    Column { id: "total_public", label: "对外公开总数量", figure: Figure::Count },
];
const ITEMS: &[Column] = &[
    Column { id: "prev_items", label: "上一年项目数量", figure: Figure::Count },
    Column { id: "change", label: "本年增/减", figure: Figure::Change },
    Column { id: "decisions", label: "处理决定数量", figure: Figure::Count },
];

pub static TEMPLATE: Template = Template {
    id: "2019",
    issued_by: "国办公开办函〔2019〕60号",
    first_year: 2019,
    signals: &["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增减", "政府集中采购", "采购总金额", "其他对外管理服务事项"],
    tables: &[
        TableDef {
            id: "t2",
            name: "表二",
            section: 2,
            single_run: false,
            rows: &[
                RowDef { id: "rules", label: "规章", keys: &["规章"], columns: DOCUMENTS },
                RowDef { id: "normative", label: "规范性文件", keys: &["规范性文件"], columns: DOCUMENTS },
                RowDef { id: "license", label: "行政许可", keys: &["行政许可"], columns: ITEMS },
                RowDef { id: "other_services", label: "其他对外管理服务事项", keys: &["其他对外管理服务事项", "其他对外管理"], columns: ITEMS },
                RowDef { id: "penalty", label: "行政处罚", keys: &["行政处罚"], columns: ITEMS },
                RowDef { id: "coercion", label: "行政强制", keys: &["行政强制"], columns: ITEMS },
                RowDef { id: "fees", label: "行政事业性收费", keys: &["行政事业性收费"], columns: &ITEMS_NO_DECISIONS },
                RowDef {
                    id: "procurement",
                    label: "政府集中采购",
                    keys: &["政府集中采购"],
                    columns: &[
                        Column { id: "items", label: "采购项目数量", figure: Figure::Count },
                        Column { id: "amount", label: "采购总金额", figure: Figure::Amount },
                    ],
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
                RowDef { id: "other", label: "（六）其他处理", keys: &["其他处理"], columns: T3_COLUMNS },
                RESULTS_TOTAL, CARRIED_FORWARD,
            ],
        },
        TABLE4,
    ],
    equations: &[
        R1,
        results_sum!("t3.other.{}"),
        R3,
        R4,
    ],
    deviations: &[RULES_MAY_BE_OMITTED],
};

const ITEMS_NO_DECISIONS: [Column; 2] = [
    Column { id: "prev_items", label: "上一年项目数量", figure: Figure::Count },
    Column { id: "change", label: "本年增/减", figure: Figure::Change },
];
