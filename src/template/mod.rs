//! The official layouts as data. A [`Template`] lists its tables, their rows and columns with
//! the label keys that identify them, and the equations its figures must satisfy. Adding the
//! next revision is adding a data file here and registering it in [`TEMPLATES`].

use std::sync::OnceLock;

mod t2019;
mod t2021;
mod table3;

/// What kind of figure a column holds, which decides the number checks that apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// A whole number ≥ 0.
    Count,
    /// A decimal amount ≥ 0 (收费金额, 采购总金额).
    Amount,
    /// A whole number that may be negative (本年增/减).
    Change,
}

#[derive(Debug)]
pub struct Column {
    pub id: &'static str,
    /// The official header, used in messages.
    pub label: &'static str,
    pub figure: Figure,
}

#[derive(Debug)]
pub struct RowDef {
    pub id: &'static str,
    /// The official label, used in messages.
    pub label: &'static str,
    /// Label keys (see [`crate::normalize::label_key`]) any one of which identifies the row.
    pub keys: &'static [&'static str],
    pub columns: &'static [Column],
}

#[derive(Debug)]
pub struct TableDef {
    /// `t2`, `t3`, `t4`: the prefix of its cell ids.
    pub id: &'static str,
    /// `表二` etc., used in messages.
    pub name: &'static str,
    /// The section the table belongs to (1–6).
    pub section: u8,
    pub rows: &'static [RowDef],
    /// The whole table may arrive as one run of figures with no row labels (table 四's single
    /// data row): then its rows' columns are read left to right.
    pub single_run: bool,
}

/// One family of equations: for every `each` element, Σ`left` = Σ`right`, where `{}` in a term
/// is replaced by the element (a column id or a row id).
#[derive(Debug)]
pub struct Equation {
    pub rule: &'static str,
    pub left: &'static [&'static str],
    pub right: &'static [&'static str],
    pub each: Each,
}

#[derive(Debug)]
pub enum Each {
    /// Every column of table 三.
    T3Column,
    /// Every row of the named table.
    Row(&'static str),
}

/// A common departure from a template that leaves its figures checkable: named once as a
/// warning (`template-deviation`), never as missing rows.
#[derive(Debug)]
pub struct Deviation {
    /// The row concerned, `table.row`.
    pub row: &'static str,
    pub kind: DeviationKind,
    /// What the report did instead, in Chinese, for the finding.
    pub note: &'static str,
}

#[derive(Debug)]
pub enum DeviationKind {
    /// The row may be left out (its cells then count as 0).
    MayOmit,
    /// The row, another revision's, may stand in for these rows (`table.row`); whichever the
    /// report has is read, and the other counts as 0.
    StandsFor(&'static [&'static str]),
}

#[derive(Debug)]
pub struct Template {
    pub id: &'static str,
    /// The document that issued it.
    pub issued_by: &'static str,
    /// First report year it applies to.
    pub first_year: u32,
    /// Label keys found only in this template's tables; they decide which template a report uses.
    pub signals: &'static [&'static str],
    pub tables: &'static [TableDef],
    pub equations: &'static [Equation],
    pub deviations: &'static [Deviation],
}

pub static TEMPLATES: &[&Template] = &[&t2019::TEMPLATE, &t2021::TEMPLATE];

impl Template {
    pub fn by_id(id: &str) -> Option<&'static Template> {
        TEMPLATES.iter().copied().find(|t| t.id == id)
    }

    pub fn table(&self, id: &str) -> Option<&TableDef> {
        self.tables.iter().find(|t| t.id == id)
    }

    /// Every cell id of the template, in table, row and column order.
    pub fn cell_ids(&'static self) -> &'static [String] {
        &self.layout().ids
    }

    /// The position of a cell id in [`cell_ids`](Self::cell_ids).
    pub fn cell_index(&'static self, id: &str) -> Option<usize> {
        let layout = self.layout();
        let at = layout.by_id.binary_search_by(|&i| layout.ids[usize::from(i)].as_str().cmp(id)).ok()?;
        Some(usize::from(layout.by_id[at]))
    }

    /// The positions in [`cell_ids`](Self::cell_ids), in the order of the ids themselves.
    pub fn cell_indices_by_id(&'static self) -> impl Iterator<Item = usize> {
        self.layout().by_id.iter().map(|&i| usize::from(i))
    }

    /// The position in [`cell_ids`](Self::cell_ids) of the first cell of a row, by table and row index.
    pub fn row_start(&'static self, table: usize, row: usize) -> usize {
        usize::from(self.layout().row_start[table][row])
    }

    /// The template's cell layout, built once per process (templates are static data).
    fn layout(&'static self) -> &'static CellLayout {
        static CACHE: OnceLock<Vec<CellLayout>> = OnceLock::new();
        let cache = CACHE.get_or_init(|| TEMPLATES.iter().map(|t| CellLayout::of(t)).collect());
        let at = TEMPLATES.iter().position(|t| std::ptr::eq(*t, self)).expect("a registered template");
        &cache[at]
    }

    /// The rows of a table as the official layout prints them: without the rows of other
    /// revisions that may stand in for some of its rows ([`DeviationKind::StandsFor`]).
    pub fn official_rows<'t>(&'t self, table: &'t TableDef) -> impl Iterator<Item = &'t RowDef> + 't {
        table.rows.iter().enumerate().filter(|(i, _)| !self.is_substitute(table, *i)).map(|(_, row)| row)
    }

    /// Whether the row at `row` of `table` is another revision's row that may stand in for
    /// some of this template's ([`DeviationKind::StandsFor`]).
    pub fn is_substitute(&self, table: &TableDef, row: usize) -> bool {
        let id = table.rows[row].id;
        self.deviations.iter().any(|d| {
            matches!(d.kind, DeviationKind::StandsFor(_)) && d.row.split_once('.').is_some_and(|(t, r)| t == table.id && r == id)
        })
    }

    /// The table and row index of a row named `table.row`.
    pub fn row_index(&self, name: &str) -> Option<(usize, usize)> {
        let (table_id, row_id) = name.split_once('.')?;
        let table = self.tables.iter().position(|t| t.id == table_id)?;
        let row = self.tables[table].rows.iter().position(|r| r.id == row_id)?;
        Some((table, row))
    }

    /// The row and column a cell id names.
    pub fn locate(&self, cell: &str) -> Option<(&TableDef, &RowDef, &Column)> {
        let (table_id, rest) = cell.split_once('.')?;
        let (row_id, col_id) = rest.rsplit_once('.')?;
        let table = self.table(table_id)?;
        let row = table.rows.iter().find(|r| r.id == row_id)?;
        let col = row.columns.iter().find(|c| c.id == col_id)?;
        Some((table, row, col))
    }

    /// A Chinese description of a cell for messages: `表三“（一）予以公开”行“自然人”列`.
    pub fn describe(&self, cell: &str) -> String {
        match self.locate(cell) {
            Some((t, r, c)) => format!("{}“{}”行“{}”列", t.name, r.label, c.label),
            None => cell.to_string(),
        }
    }
}

/// Where the cells of a template sit: their ids in template order, that order sorted by id
/// (for lookups by id), and the position of each row's first cell.
struct CellLayout {
    ids: Vec<String>,
    by_id: Vec<u16>,
    row_start: Vec<Vec<u16>>,
}

impl CellLayout {
    fn of(template: &Template) -> Self {
        let mut ids = Vec::new();
        let mut row_start = Vec::new();
        for table in template.tables {
            let mut starts = Vec::new();
            for row in table.rows {
                starts.push(u16::try_from(ids.len()).expect("fewer than 65536 cells"));
                ids.extend(row.columns.iter().map(|c| format!("{}.{}.{}", table.id, row.id, c.id)));
            }
            row_start.push(starts);
        }
        let mut by_id: Vec<u16> = (0..u16::try_from(ids.len()).expect("fewer than 65536 cells")).collect();
        by_id.sort_by(|&a, &b| ids[usize::from(a)].cmp(&ids[usize::from(b)]));
        CellLayout { ids, by_id, row_start }
    }
}

/// The seven applicant columns of table 三, in official order.
pub static T3_COLUMNS: &[Column] = &[
    Column { id: "natural", label: "自然人", figure: Figure::Count },
    Column { id: "commercial", label: "商业企业", figure: Figure::Count },
    Column { id: "research", label: "科研机构", figure: Figure::Count },
    Column { id: "nonprofit", label: "社会公益组织", figure: Figure::Count },
    Column { id: "legal", label: "法律服务机构", figure: Figure::Count },
    Column { id: "other_org", label: "其他", figure: Figure::Count },
    Column { id: "total", label: "总计", figure: Figure::Count },
];

static T4_COLUMNS: &[Column] = &[
    Column { id: "upheld", label: "结果维持", figure: Figure::Count },
    Column { id: "corrected", label: "结果纠正", figure: Figure::Count },
    Column { id: "other", label: "其他结果", figure: Figure::Count },
    Column { id: "pending", label: "尚未审结", figure: Figure::Count },
    Column { id: "total", label: "总计", figure: Figure::Count },
];

/// Table 四 is the same in both templates.
pub const TABLE4: TableDef = TableDef {
    id: "t4",
    name: "表四",
    section: 4,
    single_run: true,
    rows: &[
        RowDef { id: "review", label: "行政复议", keys: &["行政复议"], columns: T4_COLUMNS },
        RowDef { id: "suit_direct", label: "行政诉讼·未经复议直接起诉", keys: &["未经复议直接起诉", "直接起诉"], columns: T4_COLUMNS },
        RowDef { id: "suit_after_review", label: "行政诉讼·复议后起诉", keys: &["复议后起诉"], columns: T4_COLUMNS },
    ],
};

/// Only bodies with the power to make rules (规章) issue them: many others drop the row.
pub const RULES_MAY_BE_OMITTED: Deviation = Deviation {
    row: "t2.rules",
    kind: DeviationKind::MayOmit,
    note: "表二没有“规章”行（只有享有规章制定权的机关才制定规章，其他机关常删去此行；格式要求保留并填 0）",
};

/// R1, R3 and R4 hold in both templates; R2 differs in its （六） rows.
pub const R1: Equation = Equation {
    rule: "t3-balance",
    left: &["t3.new.{}", "t3.carried.{}"],
    right: &["t3.results_total.{}", "t3.carried_forward.{}"],
    each: Each::T3Column,
};
pub const R3: Equation = Equation {
    rule: "t3-row-total",
    left: &["t3.{}.total"],
    right: &["t3.{}.natural", "t3.{}.commercial", "t3.{}.research", "t3.{}.nonprofit", "t3.{}.legal", "t3.{}.other_org"],
    each: Each::Row("t3"),
};
pub const R4: Equation = Equation {
    rule: "t4-total",
    left: &["t4.{}.total"],
    right: &["t4.{}.upheld", "t4.{}.corrected", "t4.{}.other", "t4.{}.pending"],
    each: Each::Row("t4"),
};
