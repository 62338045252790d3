//! The official layout of tables 二, 三 and 四 as grids of cells with their spans, built from
//! the template data: the authoring form draws its editable grid from it, and publishes the
//! tables (HTML, DOCX) in the same structure, which the engine's readers then read back.

use serde::Serialize;

use crate::locate::OFFICIAL_HEADINGS;
use crate::template::{TableDef, Template};

/// One template's three tables.
#[derive(Debug, Serialize)]
pub struct Layout {
    pub template: &'static str,
    pub issued_by: &'static str,
    pub tables: Vec<TableLayout>,
}

#[derive(Debug, Serialize)]
pub struct TableLayout {
    /// `t2`, `t3`, `t4`.
    pub id: &'static str,
    /// `表二`, `表三`, `表四`.
    pub name: &'static str,
    /// The section heading the table stands under: `二、主动公开政府信息情况`.
    pub heading: String,
    /// Grid columns (the sum of the spans of each row).
    pub width: usize,
    /// Rows of the grid, each listing the cells that start in it (as `<tr>` lists `<td>`).
    pub rows: Vec<Vec<GridCell>>,
}

/// A cell of the grid: a label (`text`) or a figure (`cell`, with `name`, its description
/// for screen readers and messages).
#[derive(Debug, Serialize)]
pub struct GridCell {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub colspan: usize,
    pub rowspan: usize,
}

fn label(text: &str, colspan: usize, rowspan: usize) -> GridCell {
    GridCell { text: Some(text.to_string()), cell: None, name: None, colspan, rowspan }
}

fn figure(template: &Template, id: String, colspan: usize) -> GridCell {
    GridCell { text: None, name: Some(template.describe(&id)), cell: Some(id), colspan, rowspan: 1 }
}

/// The article of 条例 第二十条 each row of table 二 discloses under (the table's group rows).
const T2_ARTICLES: &[(&str, &str)] = &[
    ("rules", "第二十条第（一）项"),
    ("normative", "第二十条第（一）项"),
    ("license", "第二十条第（五）项"),
    ("other_services", "第二十条第（五）项"),
    ("penalty", "第二十条第（六）项"),
    ("coercion", "第二十条第（六）项"),
    ("fees", "第二十条第（八）项"),
    ("procurement", "第二十条第（九）项"),
];

/// Row labels the official table prints in full where the template keeps the short form.
const FULL_LABELS: &[(&str, &str)] = &[("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")];

/// Table 三's label column spans three grid columns: 三、本年度办理结果, then the outcome group
/// (（三）不予公开 …), then the item.
const T3_LABEL_COLUMNS: usize = 3;
const T3_RESULTS: &str = "三、本年度办理结果";

pub fn layout(template: &'static Template) -> Layout {
    let tables = template
        .tables
        .iter()
        .map(|table| {
            let rows = match table.id {
                "t2" => t2_grid(template, table),
                "t3" => t3_grid(template, table),
                _ => t4_grid(template, table),
            };
            let width = rows.first().map_or(0, |r| r.iter().map(|c| c.colspan).sum());
            let numeral = ["一", "二", "三", "四", "五", "六"][usize::from(table.section) - 1];
            let heading = format!("{numeral}、{}", OFFICIAL_HEADINGS[usize::from(table.section) - 1]);
            TableLayout { id: table.id, name: table.name, heading, width, rows }
        })
        .collect();
    Layout { template: template.id, issued_by: template.issued_by, tables }
}

/// Table 二: per article, a group row, a header row (信息内容 and the columns), then its rows;
/// the last figure of a row spans what its group leaves of the widest row.
fn t2_grid(template: &Template, table: &TableDef) -> Vec<Vec<GridCell>> {
    let width = 1 + table.rows.iter().map(|r| r.columns.len()).max().unwrap_or(0);
    let article = |id: &str| T2_ARTICLES.iter().find(|(row, _)| *row == id).map_or("", |(_, a)| a);
    let span = |i: usize, n: usize| if i + 1 == n { width - n } else { 1 };
    let mut grid = Vec::new();
    let mut open = "";
    for row in table.rows {
        let n = row.columns.len();
        if article(row.id) != open {
            open = article(row.id);
            grid.push(vec![label(open, width, 1)]);
            let mut header = vec![label("信息内容", 1, 1)];
            header.extend(row.columns.iter().enumerate().map(|(i, c)| label(c.label, span(i, n), 1)));
            grid.push(header);
        }
        let mut cells = vec![label(row.label, 1, 1)];
        cells.extend(
            row.columns.iter().enumerate().map(|(i, c)| figure(template, format!("t2.{}.{}", row.id, c.id), span(i, n))),
        );
        grid.push(cells);
    }
    grid
}

/// Table 三: two header rows (申请人情况, 自然人, 法人或其他组织 over five columns, 总计), then
/// one row per template row with its group labels spanning the rows they head.
fn t3_grid(template: &Template, table: &TableDef) -> Vec<Vec<GridCell>> {
    let columns = table.rows.first().map_or(&[][..], |r| r.columns);
    let (natural, rest) = columns.split_first().expect("table 三 has columns");
    let (total, organisations) = rest.split_last().expect("table 三 has columns");
    let mut grid = vec![
        vec![
            label("申请人情况", T3_LABEL_COLUMNS, 2),
            label(natural.label, 1, 2),
            label("法人或其他组织", organisations.len(), 1),
            label(total.label, 1, 2),
        ],
        organisations.iter().map(|c| label(c.label, 1, 1)).collect(),
    ];
    // Each row's groups (outermost first) and its own label.
    let lines: Vec<(Vec<&str>, &str)> = template
        .official_rows(table)
        .map(|row| {
            let text = FULL_LABELS.iter().find(|(id, _)| *id == row.id).map_or(row.label, |(_, l)| l);
            let (group, item) = text.split_once(' ').map_or((None, text), |(g, i)| (Some(g), i));
            let mut groups = Vec::new();
            if !matches!(row.id, "new" | "carried" | "carried_forward") {
                groups.push(T3_RESULTS);
            }
            groups.extend(group);
            (groups, item)
        })
        .collect();
    let mut open: Vec<&str> = Vec::new();
    for (row, (groups, item)) in template.official_rows(table).zip(&lines) {
        let mut cells: Vec<GridCell> = groups
            .iter()
            .filter(|g| !open.contains(g))
            .map(|g| label(g, 1, lines.iter().filter(|(gs, _)| gs.contains(g)).count()))
            .collect();
        cells.push(label(item, T3_LABEL_COLUMNS - groups.len(), 1));
        cells.extend(row.columns.iter().map(|c| figure(template, format!("t3.{}.{}", row.id, c.id), 1)));
        grid.push(cells);
        open.clone_from(groups);
    }
    grid
}

/// Table 四: 行政复议 and 行政诉讼 over their groups' columns (a row label `行政诉讼·复议后起诉`
/// is the group 行政诉讼 and the sub-group 复议后起诉), the result headers, one row of figures.
fn t4_grid(template: &Template, table: &TableDef) -> Vec<Vec<GridCell>> {
    let parts: Vec<(&str, Option<&str>)> =
        table.rows.iter().map(|r| r.label.split_once('·').map_or((r.label, None), |(g, s)| (g, Some(s)))).collect();
    let mut top: Vec<GridCell> = Vec::new();
    let mut middle: Vec<GridCell> = Vec::new();
    let mut bottom: Vec<GridCell> = Vec::new();
    let mut figures: Vec<GridCell> = Vec::new();
    for (row, (group, sub)) in table.rows.iter().zip(&parts) {
        let width = row.columns.len();
        match top.last_mut() {
            Some(last) if last.text.as_deref() == Some(group) => last.colspan += width,
            _ => top.push(label(group, width, 1)),
        }
        match sub {
            Some(sub) => {
                middle.push(label(sub, width, 1));
                bottom.extend(row.columns.iter().map(|c| label(c.label, 1, 1)));
            }
            None => middle.extend(row.columns.iter().map(|c| label(c.label, 1, 2))),
        }
        figures.extend(row.columns.iter().map(|c| figure(template, format!("t4.{}.{}", row.id, c.id), 1)));
    }
    vec![top, middle, bottom, figures]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::TEMPLATES;

    /// Every row of every grid covers the table's width once the spans from above are counted,
    /// and every cell of the template appears exactly once.
    #[test]
    fn grids_are_rectangular_and_hold_every_cell() {
        for template in TEMPLATES {
            let layout = layout(template);
            let mut ids: Vec<&str> = Vec::new();
            for table in &layout.tables {
                let mut covered_below = vec![0usize; table.width];
                for row in &table.rows {
                    let mut col = 0;
                    for cell in row {
                        while col < table.width && covered_below[col] > 0 {
                            covered_below[col] -= 1;
                            col += 1;
                        }
                        covered_below[col..col + cell.colspan].fill(cell.rowspan - 1);
                        col += cell.colspan;
                        ids.extend(cell.cell.as_deref());
                    }
                    while col < table.width && covered_below[col] > 0 {
                        covered_below[col] -= 1;
                        col += 1;
                    }
                    assert_eq!(col, table.width, "{} {}: a row of width {col}", template.id, table.id);
                }
            }
            let official = |table: &'static crate::template::TableDef| {
                template.official_rows(table).flat_map(move |r| r.columns.iter().map(move |c| format!("{}.{}.{}", table.id, r.id, c.id)))
            };
            let expected: Vec<String> = template.tables.iter().flat_map(official).collect();
            assert_eq!(ids, expected, "{}", template.id);
        }
    }

    /// The grids as plain HTML tables (as the form publishes them) read back as the same cells
    /// with no finding about the tables.
    #[test]
    fn the_grids_as_html_read_back_as_the_same_cells() {
        let sample = crate::validate_str(include_str!("../www/sample-report.txt"), &crate::Source::default());
        let layout = layout(crate::template::Template::by_id("2021").unwrap());
        let mut html = String::new();
        for table in &layout.tables {
            html += &format!("<p>{}</p><table>", table.heading);
            for row in &table.rows {
                html += "<tr>";
                for cell in row {
                    let text = match &cell.cell {
                        Some(id) => sample.cells[id.as_str()].as_ref().map_or(String::new(), |n| crate::rules::fmt_num(n.0)),
                        None => cell.text.clone().unwrap_or_default(),
                    };
                    html += &format!("<td colspan=\"{}\" rowspan=\"{}\">{text}</td>", cell.colspan, cell.rowspan);
                }
                html += "</tr>";
            }
            html += "</table>";
        }
        let read = crate::validate_str(&html, &crate::Source::default());
        assert_eq!(read.cells, sample.cells);
        let about_tables: Vec<&str> = read
            .diagnostics
            .iter()
            .map(|d| d.rule)
            .filter(|r| crate::cells::TABLE_RULES.contains(r) || r.contains("table") || r.contains("row") || r.contains("cell"))
            .collect();
        assert_eq!(about_tables, Vec::<&str>::new());
    }

    #[test]
    fn table_two_groups_rows_by_article() {
        for template in TEMPLATES {
            for row in template.table("t2").unwrap().rows {
                assert!(T2_ARTICLES.iter().any(|(id, _)| *id == row.id), "{}: no article for {}", template.id, row.id);
            }
        }
        let t2021 = layout(crate::template::Template::by_id("2021").unwrap());
        let t2 = &t2021.tables[0];
        assert_eq!(t2.heading, "二、主动公开政府信息情况");
        assert_eq!(t2.rows[0][0].text.as_deref(), Some("第二十条第（一）项"));
        assert_eq!(t2.rows[2][1].cell.as_deref(), Some("t2.rules.issued"));
        assert_eq!(t2.rows[2][1].name.as_deref(), Some("表二“规章”行“本年制发件数”列"));
    }
}
