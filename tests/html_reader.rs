//! The HTML reader on tables laid out like the official template (表三, 表四), written the way
//! Word's "save as web page" and portal editors write them.

use nianbao::document::{Document, RowShape};
use nianbao::read::html::read_html;
use nianbao::read::LIMITS;

/// Label cells of table 三 (template 2021) as (text, colspan, rowspan); every row ends with
/// seven values.
const TABLE_THREE: &[&[(&str, usize, usize)]] = &[
    &[("一、本年新收政府信息公开申请数量", 3, 1)],
    &[("二、上年结转政府信息公开申请数量", 3, 1)],
    &[("三、本年度办理结果", 1, 22), ("（一）予以公开", 2, 1)],
    &[("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2, 1)],
    &[("（三）不予公开", 1, 8), ("1.属于国家秘密", 1, 1)],
    &[("2.其他法律行政法规禁止公开", 1, 1)],
    &[("3.危及“三安全一稳定”", 1, 1)],
    &[("4.保护第三方合法权益", 1, 1)],
    &[("5.属于三类内部事务信息", 1, 1)],
    &[("6.属于四类过程性信息", 1, 1)],
    &[("7.属于行政执法案卷", 1, 1)],
    &[("8.属于行政查询事项", 1, 1)],
    &[("（四）无法提供", 1, 3), ("1.本机关不掌握相关政府信息", 1, 1)],
    &[("2.没有现成信息需要另行制作", 1, 1)],
    &[("3.补正后申请内容仍不明确", 1, 1)],
    &[("（五）不予处理", 1, 5), ("1.信访举报投诉类申请", 1, 1)],
    &[("2.重复申请", 1, 1)],
    &[("3.要求提供公开出版物", 1, 1)],
    &[("4.无正当理由大量反复申请", 1, 1)],
    &[("5.要求行政机关确认或重新出具已获取信息", 1, 1)],
    &[("（六）其他处理", 1, 3), ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 1, 1)],
    &[("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 1, 1)],
    &[("3.其他", 1, 1)],
    &[("（七）总计", 2, 1)],
    &[("四、结转下年度继续办理", 3, 1)],
];

/// A cell as Word writes it: a paragraph in spans, with a line break in the middle of the
/// source text where Word wraps its output.
fn word_cell(text: &str, colspan: usize, rowspan: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let (head, tail): (String, String) =
        (chars[..chars.len() / 2].iter().collect(), chars[chars.len() / 2..].iter().collect());
    format!(
        "<td width=57 colspan={colspan} rowspan={rowspan} style='width:42.5pt;border:solid windowtext 1.0pt'>\n\
         <p class=MsoNormal align=center style='text-align:center'><span style='font-size:9.0pt;\n\
         font-family:宋体'>{head}\n{tail}<span lang=EN-US><o:p></o:p></span></span></p>\n</td>\n"
    )
}

fn table_three_html(value: impl Fn(usize, usize) -> String) -> String {
    let mut html = String::from("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>\n<tr>");
    html += &word_cell("申请人情况", 3, 2);
    html += &word_cell("自然人", 1, 2);
    html += &word_cell("法人或其他组织", 5, 1);
    html += &word_cell("总计", 1, 2);
    html += "</tr>\n<tr>";
    for header in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] {
        html += &word_cell(header, 1, 1);
    }
    html += "</tr>\n";
    for (r, labels) in TABLE_THREE.iter().enumerate() {
        html += "<tr style='height:20.0pt'>";
        for &(label, colspan, rowspan) in labels.iter() {
            html += &word_cell(label, colspan, rowspan);
        }
        for c in 0..7 {
            html += &format!("<td><p class=MsoNormal align=center><span lang=EN-US>{}</span></p></td>", value(r, c));
        }
        html += "</tr>\n";
    }
    html + "</table>"
}

fn grid_rows(doc: &Document) -> Vec<Vec<(String, bool)>> {
    doc.rows
        .iter()
        .filter(|row| row.shape == RowShape::Grid)
        .map(|row| row.cells.iter().map(|c| (c.text.clone(), c.inherited)).collect())
        .collect()
}

/// The label cells each data row of table 三 must yield: inherited group labels, then its own.
fn expected_labels() -> Vec<Vec<(String, bool)>> {
    let mut carried: Vec<(String, usize)> = Vec::new(); // (label, rows still to cover)
    let mut expected = Vec::new();
    for labels in TABLE_THREE {
        let mut row: Vec<(String, bool)> = carried.iter().map(|(label, _)| (label.clone(), true)).collect();
        carried.iter_mut().for_each(|(_, left)| *left -= 1);
        carried.retain(|(_, left)| *left > 0);
        for &(label, _, rowspan) in labels.iter() {
            row.push((label.to_string(), false));
            if rowspan > 1 {
                carried.push((label.to_string(), rowspan - 1));
            }
        }
        expected.push(row);
    }
    expected
}

fn assert_table_three(doc: &Document) {
    let rows = grid_rows(doc);
    assert_eq!(rows.len(), 2 + TABLE_THREE.len());
    let own = |t: &str| (t.to_string(), false);
    let inherited = |t: &str| (t.to_string(), true);
    assert_eq!(rows[0], [own("申请人情况"), own("自然人"), own("法人或其他组织"), own("总计")]);
    assert_eq!(
        rows[1],
        [
            inherited("申请人情况"),
            inherited("自然人"),
            own("商业企业"),
            own("科研机构"),
            own("社会公益组织"),
            own("法律服务机构"),
            own("其他"),
            inherited("总计"),
        ]
    );
    for (r, (row, labels)) in rows[2..].iter().zip(expected_labels()).enumerate() {
        let (label_cells, values) = row.split_at(labels.len());
        assert_eq!(label_cells, labels.as_slice(), "row {r}");
        let expected_values: Vec<(String, bool)> = (0..7).map(|c| own(&(r * 10 + c).to_string())).collect();
        assert_eq!(values, expected_values.as_slice(), "row {r}");
    }
}

#[test]
fn table_three_as_word_writes_it() {
    let html = table_three_html(|r, c| (r * 10 + c).to_string());
    let doc = read_html(&html, &LIMITS);
    assert!(doc.problems.is_empty());
    assert_table_three(&doc);
}

#[test]
fn table_three_inside_a_layout_page_with_implied_end_tags() {
    let table = table_three_html(|r, c| (r * 10 + c).to_string())
        .replace("</td>", "")
        .replace("</tr>", "")
        .replace("<td", "<TD")
        .replace("rowspan=", "ROWSPAN=");
    let html = format!(
        r#"<HTML><HEAD><TITLE>XX市2021年政府信息公开工作年度报告</TITLE>
<SCRIPT>document.write("<table><tr><td>广告</td></tr></table>")</SCRIPT></HEAD>
<BODY><TABLE width=980 align=center><TR><TD><A href="/">首页</A> &gt; <A href="/zwgk">政务公开</A></TD></TR>
<TR><TD><P align=center><B>XX市2021年政府信息公开工作年度报告</B></P>
<P>三、收到和处理政府信息公开申请情况</P>
{table}
<P>四、政府信息公开行政复议、行政诉讼情况</P></TD></TR></TABLE></BODY></HTML>"#
    );
    let doc = read_html(&html, &LIMITS);
    assert!(doc.problems.is_empty());
    assert_eq!(
        doc.lines[..4],
        [
            "XX市2021年政府信息公开工作年度报告",
            "首页 > 政务公开",
            "XX市2021年政府信息公开工作年度报告",
            "三、收到和处理政府信息公开申请情况"
        ]
    );
    assert_eq!(doc.lines.last().unwrap(), "四、政府信息公开行政复议、行政诉讼情况");
    assert_table_three(&doc);
}

#[test]
fn table_four_three_row_header_and_one_data_row() {
    let header_cell =
        |text: &str, colspan: usize, rowspan: usize| format!("<th colspan={colspan} rowspan={rowspan}>{text}</th>");
    let mut html = String::from("<table><thead><tr>");
    html += &header_cell("行政复议", 5, 1);
    html += &header_cell("行政诉讼", 10, 1);
    html += "</tr><tr>";
    for label in ["结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计"] {
        html += &header_cell(label, 1, 2);
    }
    html += &header_cell("未经复议直接起诉", 5, 1);
    html += &header_cell("复议后起诉", 5, 1);
    html += "</tr><tr>";
    for _ in 0..2 {
        for label in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
            html += &header_cell(label, 1, 1);
        }
    }
    html += "</tr></thead><tbody><tr>";
    for value in 0..15 {
        html += &format!("<td>{value}</td>");
    }
    html += "</tr></tbody></table>";

    let rows = grid_rows(&read_html(&html, &LIMITS));
    let cells = |texts: &[&str], inherited: bool| -> Vec<(String, bool)> {
        texts.iter().map(|t| (t.to_string(), inherited)).collect()
    };
    let five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0], cells(&["行政复议", "行政诉讼"], false));
    assert_eq!(rows[1], [cells(&five, false), cells(&["未经复议直接起诉", "复议后起诉"], false)].concat());
    assert_eq!(rows[2], [cells(&five, true), cells(&five, false), cells(&five, false)].concat());
    let values: Vec<String> = (0..15).map(|v| v.to_string()).collect();
    assert_eq!(rows[3], values.into_iter().map(|v| (v, false)).collect::<Vec<_>>());
}
