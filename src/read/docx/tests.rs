//! Tests build their .docx archives here, by hand, so every byte is known.

use super::*;
use crate::document::{Cell, Row, RowShape};
use crate::read::LIMITS;
use miniz_oxide::deflate::core::{
    compress_to_output, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush,
};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// One file to put in a test archive; the fields after `content` let a test lie or misbehave.
struct TestEntry {
    name: String,
    content: Vec<u8>,
    deflate: bool,
    flags: u16,
    /// Replaces the real uncompressed size in both headers.
    declared_size: Option<u32>,
    /// Replaces the compressed data (the real content still gives the CRC).
    raw_data: Option<Vec<u8>>,
}

impl TestEntry {
    fn new(name: &str, content: impl Into<Vec<u8>>) -> Self {
        TestEntry {
            name: name.into(),
            content: content.into(),
            deflate: true,
            flags: 0,
            declared_size: None,
            raw_data: None,
        }
    }

    fn stored(mut self) -> Self {
        self.deflate = false;
        self
    }
}

fn write_zip(entries: &[TestEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for entry in entries {
        let data = match (&entry.raw_data, entry.deflate) {
            (Some(raw), _) => raw.clone(),
            (None, true) => miniz_oxide::deflate::compress_to_vec(&entry.content, 6),
            (None, false) => entry.content.clone(),
        };
        let method: u16 = if entry.deflate { 8 } else { 0 };
        let crc = zip::crc32(&entry.content);
        let size = entry.declared_size.unwrap_or(entry.content.len() as u32);
        let offset = out.len() as u32;
        let mut common = Vec::new();
        common.extend(20u16.to_le_bytes());
        common.extend(entry.flags.to_le_bytes());
        common.extend(method.to_le_bytes());
        common.extend([0u8; 4]); // time, date
        common.extend(crc.to_le_bytes());
        common.extend((data.len() as u32).to_le_bytes());
        common.extend(size.to_le_bytes());
        common.extend((entry.name.len() as u16).to_le_bytes());
        common.extend(0u16.to_le_bytes()); // extra length

        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(&common);
        out.extend(entry.name.as_bytes());
        out.extend(&data);

        directory.extend(0x0201_4b50u32.to_le_bytes());
        directory.extend(20u16.to_le_bytes()); // version made by
        directory.extend(&common);
        directory.extend([0u8; 10]); // comment length, disk, attributes
        directory.extend(offset.to_le_bytes());
        directory.extend(entry.name.as_bytes());
    }
    let directory_offset = out.len() as u32;
    out.extend(&directory);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((directory.len() as u32).to_le_bytes());
    out.extend(directory_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

fn content_types() -> TestEntry {
    TestEntry::new(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
    )
}

fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

fn docx(body: &str) -> Vec<u8> {
    write_zip(&[content_types(), TestEntry::new("word/document.xml", document_xml(body))])
}

fn read(bytes: &[u8]) -> Document {
    read_docx(bytes, &LIMITS)
}

fn fatal_message(doc: &Document) -> &str {
    let problem = doc.problems.iter().find(|p| p.fatal).expect("a fatal problem");
    &problem.message
}

fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn cell(content: &str) -> String {
    format!("<w:tc>{content}</w:tc>")
}

fn cell_with(properties: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{properties}</w:tcPr>{}</w:tc>", paragraph(text))
}

fn grid_texts(doc: &Document) -> Vec<Vec<(String, bool)>> {
    doc.rows
        .iter()
        .filter(|row| row.shape == RowShape::Grid)
        .map(|row| row.cells.iter().map(|c| (c.text.clone(), c.inherited)).collect())
        .collect()
}

fn owned(cells: &[(&str, bool)]) -> Vec<(String, bool)> {
    cells.iter().map(|(text, inherited)| (text.to_string(), *inherited)).collect()
}

#[test]
fn reads_paragraphs_runs_breaks_and_entities() {
    let body = [
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>",
        "<w:r><w:t>一、总体</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">情况 </w:t></w:r></w:p>",
        "<w:p><w:r><w:t>A&lt;B&amp;C&quot;&apos;&#20013;&#x6587;</w:t><w:tab/><w:t>x</w:t></w:r></w:p>",
        "<w:p/>",
        "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t><![CDATA[<三>]]></w:t></w:r></w:p>",
    ]
    .concat();
    let doc = read(&docx(&body));
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert_eq!(doc.lines, ["一、总体情况 ", "A<B&C\"'中文\tx", "", "第一行", "第二行", "<三>"]);
    let first = &doc.rows[0];
    assert_eq!(first.shape, RowShape::Line);
    assert_eq!(first.cells, [Cell { text: "一、总体情况".into(), line: 1, inherited: false }]);
    assert_eq!(doc.rows.len(), 5, "the blank paragraph adds a line but no row");
    assert_eq!(doc.rows[2].line(), 4);
}

#[test]
fn reads_inserted_linked_and_controlled_text_but_not_deleted_or_hidden_text_or_field_codes() {
    let body = [
        "<w:p><w:ins><w:r><w:t>收到</w:t></w:r></w:ins><w:del><w:r><w:delText>旧</w:delText></w:r></w:del>",
        "<w:hyperlink r:id=\"rId1\"><w:r><w:t>申请</w:t></w:r></w:hyperlink>",
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>",
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
        "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent><w:r><w:t>件</w:t></w:r></w:sdtContent></w:sdt>",
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t><w:br/></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>显示</w:t></w:r>",
        // A text box is written twice, for new and old readers; it is read once.
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>",
        &paragraph("文本框"),
        "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>",
        &paragraph("文本框"),
        "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>",
        "</w:p>",
        "<w:sdt><w:sdtContent>",
        &paragraph("控件段落"),
        "</w:sdtContent></w:sdt>",
        "<w:del><w:p><w:r><w:delText>删除的段落</w:delText></w:r></w:p></w:del>",
    ]
    .concat();
    let doc = read(&docx(&body));
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert_eq!(doc.lines, ["文本框", "收到申请12件显示", "控件段落"]);
}

#[test]
fn reads_a_table_with_spans_merges_and_split_labels() {
    let header = format!(
        "<w:tr>{}{}{}</w:tr>",
        cell_with(
            "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>",
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        ),
        cell_with("<w:gridSpan w:val=\"2\"/>", "申请人情况"),
        cell_with("<w:vMerge w:val=\"restart\"/>", "总计"),
    );
    let subheader = format!(
        "<w:tr>{}{}{}{}</w:tr>",
        cell_with("<w:gridSpan w:val=\"2\"/><w:vMerge/>", ""),
        cell(&paragraph("自然人")),
        // A label typed over two lines, with a line break and as two paragraphs.
        cell("<w:p><w:r><w:t>商业</w:t><w:br/><w:t>企业</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>Co Ltd</w:t></w:r></w:p><w:p><w:r><w:t>2</w:t></w:r></w:p>"),
        cell_with("<w:vMerge/>", ""),
    );
    let denied = |label: &str, restart: bool, values: [&str; 3]| {
        let merge = if restart { "<w:vMerge w:val=\"restart\"/>" } else { "<w:vMerge/>" };
        let group = cell_with(merge, if restart { "（三）不予公开" } else { "" });
        let values: String = values.iter().map(|v| cell(&paragraph(v))).collect();
        format!("<w:tr>{group}{}{values}</w:tr>", cell(&paragraph(label)))
    };
    let body = format!(
        "{}<w:tbl><w:tblPr/><w:tblGrid/>{header}{subheader}{}{}{}<w:tr>{}{}</w:tr></w:tbl>{}",
        paragraph("三、收到和处理政府信息公开申请情况"),
        denied("1.属于国家秘密", true, ["0", "1", "1"]),
        denied("2.其他法律行政法规禁止公开", false, ["", " 2 ", "2"]),
        denied("3.危及“三安全一稳定”", false, ["0", "0", "0"]),
        cell(""),
        cell("<w:p/>"),
        paragraph("四、结转"),
    );
    let doc = read(&docx(&body));
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    let note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    assert_eq!(
        grid_texts(&doc),
        [
            owned(&[(note, false), ("申请人情况", false), ("总计", false)]),
            owned(&[(note, true), ("自然人", false), ("商业企业Co Ltd 2", false), ("总计", true)]),
            owned(&[
                ("（三）不予公开", false),
                ("1.属于国家秘密", false),
                ("0", false),
                ("1", false),
                ("1", false)
            ]),
            owned(&[
                ("（三）不予公开", true),
                ("2.其他法律行政法规禁止公开", false),
                ("", false),
                ("2", false),
                ("2", false)
            ]),
            owned(&[
                ("（三）不予公开", true),
                ("3.危及“三安全一稳定”", false),
                ("0", false),
                ("0", false),
                ("0", false)
            ]),
            // Two empty cells of its own: a row left blank, kept.
            owned(&[("", false), ("", false)]),
        ]
    );
    // Inherited cells are not shown again on the row's line.
    assert_eq!(doc.lines[0], "三、收到和处理政府信息公开申请情况");
    assert_eq!(doc.lines[2], "自然人\t商业企业Co Ltd 2");
    assert_eq!(doc.lines[4], "2.其他法律行政法规禁止公开\t\t2\t2");
    assert_eq!(doc.lines.last().map(String::as_str), Some("四、结转"));
    assert_eq!(doc.lines.len(), 8);
    let grid_lines: Vec<usize> =
        doc.rows.iter().filter(|r| r.shape == RowShape::Grid).map(Row::line).collect();
    assert_eq!(grid_lines, [2, 3, 4, 5, 6, 7]);
}

#[test]
fn a_merge_ends_where_an_unmerged_cell_takes_its_column() {
    let row = |first: &str, second: &str| format!("<w:tr>{first}{}</w:tr>", cell(&paragraph(second)));
    let body = format!(
        "<w:tbl>{}{}{}{}</w:tbl>",
        row(&cell_with("<w:vMerge w:val=\"restart\"/>", "甲"), "1"),
        row(&cell_with("<w:vMerge/>", ""), "2"),
        row(&cell(&paragraph("乙")), "3"),
        // A continuation with nothing to continue keeps its own (empty) text.
        row(&cell_with("<w:vMerge/>", ""), "4"),
    );
    assert_eq!(
        grid_texts(&read(&docx(&body))),
        [
            owned(&[("甲", false), ("1", false)]),
            owned(&[("甲", true), ("2", false)]),
            owned(&[("乙", false), ("3", false)]),
            owned(&[("", true), ("4", false)]),
        ]
    );
}

#[test]
fn grid_before_and_legacy_horizontal_merge_keep_columns_aligned() {
    let body = format!(
        "<w:tbl><w:tr>{}{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell_with("<w:vMerge w:val=\"restart\"/>", "a"),
        cell_with("<w:vMerge w:val=\"restart\"/>", "b"),
        cell_with("<w:hMerge w:val=\"restart\"/>", "c"),
        cell_with("<w:vMerge/>", ""),
        cell_with("<w:hMerge/>", "hidden"),
        cell_with("<w:vMerge/>", ""),
        cell(&paragraph("z")),
    );
    assert_eq!(
        grid_texts(&read(&docx(&body))),
        [
            owned(&[("a", false), ("b", false), ("c", false)]),
            owned(&[("b", true)]),
            owned(&[("a", true), ("z", false)]),
        ]
    );
}

#[test]
fn rows_and_cells_inside_content_controls_are_read() {
    let body = format!(
        "<w:tbl><w:sdt><w:sdtContent><w:tr><w:customXml>{}</w:customXml>{}</w:tr></w:sdtContent></w:sdt></w:tbl>",
        cell(&paragraph("规章")),
        cell(&paragraph("3")),
    );
    assert_eq!(grid_texts(&read(&docx(&body))), [owned(&[("规章", false), ("3", false)])]);
}

#[test]
fn nested_tables_are_flattened_into_their_cell() {
    let nested =
        format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", cell(&paragraph("内表A")), cell(&paragraph("内表B")));
    let body = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell(&format!("{}{nested}", paragraph("外"))),
        cell(&paragraph("5"))
    );
    assert_eq!(grid_texts(&read(&docx(&body))), [owned(&[("外内表A 内表B", false), ("5", false)])]);
}

#[test]
fn text_boxes_inside_a_paragraph_become_their_own_lines() {
    let body = format!(
        "<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:pict><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></w:pict></w:r></w:p>",
        paragraph("文本框")
    );
    assert_eq!(read(&docx(&body)).lines, ["文本框", "正文"]);
}

#[test]
fn any_prefix_bound_to_wordprocessingml_is_read() {
    let xml = format!(
        r#"<ns0:document xmlns:ns0="{W}"><ns0:body><ns0:p><ns0:r><ns0:t>前缀</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>"#
    );
    let bytes = write_zip(&[TestEntry::new("word/document.xml", xml)]);
    assert_eq!(read(&bytes).lines, ["前缀"]);
}

#[test]
fn automatic_numbering_prefixes_labels() {
    let numbering = format!(
        r#"<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
    );
    let numbered = |text: &str| {
        format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
    };
    let body = format!("{}{}{}", numbered("总体情况"), paragraph("正文"), numbered("主动公开政府信息情况"));
    let bytes = write_zip(&[
        content_types(),
        TestEntry::new("word/document.xml", document_xml(&body)),
        TestEntry::new("word/numbering.xml", numbering).stored(),
    ]);
    assert_eq!(read(&bytes).lines, ["一、总体情况", "正文", "二、主动公开政府信息情况"]);
}

#[test]
fn finds_the_main_part_through_package_relationships() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
    let bytes = write_zip(&[
        TestEntry::new("_rels/.rels", rels),
        TestEntry::new("word/document2.xml", document_xml(&paragraph("另一名称"))),
    ]);
    assert_eq!(read(&bytes).lines, ["另一名称"]);
}

#[test]
fn reads_stored_entries_and_utf16_xml() {
    let xml: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(document_xml(&paragraph("十六位")).encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let bytes = write_zip(&[TestEntry::new("word/document.xml", xml).stored()]);
    assert_eq!(read(&bytes).lines, ["十六位"]);
}

// ---- Hostile and broken input ----

/// `copies` MB of zeros as one raw DEFLATE stream, built from a repeated, independently
/// flushed 1 MB block so the test does not spend its time compressing.
fn deflated_zeros(copies: usize) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(6, -15, 0);
    let mut block = Vec::new();
    let mut compressor = CompressorOxide::new(flags);
    compress_to_output(&mut compressor, &vec![0u8; 1 << 20], TDEFLFlush::Full, |out| {
        block.extend_from_slice(out);
        true
    });
    let mut end = Vec::new();
    compress_to_output(&mut CompressorOxide::new(flags), &[], TDEFLFlush::Finish, |out| {
        end.extend_from_slice(out);
        true
    });
    let mut stream = block.repeat(copies);
    stream.extend(end);
    stream
}

fn bomb(megabytes: usize, declared_size: u32) -> Vec<u8> {
    let mut entry = TestEntry::new("word/document.xml", Vec::new());
    entry.raw_data = Some(deflated_zeros(megabytes));
    entry.declared_size = Some(declared_size);
    write_zip(&[content_types(), entry])
}

#[test]
fn zip_bombs_are_refused_quickly() {
    let started = std::time::Instant::now();
    // Honest about its 200 MB: refused before inflating.
    assert_eq!(
        fatal_message(&read(&bomb(200, 200 << 20))),
        "DOCX 解压后超过上限 64 MB，疑似压缩炸弹，未作检查"
    );
    // Claims 60 MB, within the limit, from ~50 KB: the ratio gives it away.
    assert!(fatal_message(&read(&bomb(50, 60 << 20))).contains("压缩比异常"));
    // Claims 1 KB, or 8 MB (too little to judge by ratio): inflating stops one byte past that.
    assert!(fatal_message(&read(&bomb(200, 1024))).contains("已损坏"));
    assert!(fatal_message(&read(&bomb(200, 8 << 20))).contains("已损坏"));
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
}

#[test]
fn the_unzipped_budget_covers_all_parts_read() {
    let limits = Limits { max_unzipped_bytes: 1000, ..LIMITS };
    let big = document_xml(&paragraph(&"数".repeat(400)));
    let doc = read_docx(&write_zip(&[TestEntry::new("word/document.xml", big)]), &limits);
    assert!(fatal_message(&doc).contains("解压后超过上限"));
}

#[test]
fn truncated_and_corrupted_archives_are_reported() {
    let good = docx(&paragraph("完整"));
    for cut in [good.len() / 2, good.len() - 1, 4, 0] {
        let doc = read(&good[..cut]);
        assert!(fatal_message(&doc).contains("DOCX") || fatal_message(&doc).contains("文件"), "{cut}");
        assert!(doc.lines.is_empty());
    }
    assert!(fatal_message(&read(&good[..good.len() / 2])).contains("找不到 ZIP 目录"));
    // Flip a byte inside the compressed document: inflating or the checksum catches it.
    let data_start = good.windows(17).position(|w| w == b"word/document.xml").unwrap() + 17;
    let mut corrupted = good.clone();
    corrupted[data_start + 5] ^= 0x55;
    assert!(fatal_message(&read(&corrupted)).contains("已损坏"));
}

#[test]
fn encrypted_documents_are_named() {
    let mut entry = TestEntry::new("word/document.xml", document_xml(&paragraph("秘")));
    entry.flags = 1;
    let message = "文件已加密：请在 Word/WPS 中取消密码后另存为 .docx 再检查";
    assert_eq!(fatal_message(&read(&write_zip(&[entry]))), message);
    let mut ole = OLE_SIGNATURE.to_vec();
    ole.resize(1024, 0);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(fatal_message(&read(&ole)), message);
    ole.truncate(1024);
    assert!(fatal_message(&read(&ole)).contains("旧版 Word（.doc）"));
}

#[test]
fn archives_without_a_word_document_are_named() {
    let missing = write_zip(&[content_types()]);
    assert_eq!(
        fatal_message(&read(&missing)),
        "DOCX 文件已损坏或不完整：找不到 word/document.xml。请在 Word/WPS 中把报告另存为 .docx 后再检查"
    );
    let excel = write_zip(&[TestEntry::new("xl/workbook.xml", "<workbook/>")]);
    assert!(fatal_message(&read(&excel)).starts_with("这是 Excel 表格"));
    assert!(fatal_message(&read(b"<html><body>x</body></html>")).contains("网页"));
}

#[test]
fn too_many_entries_are_refused_before_reading_them() {
    let entries: Vec<TestEntry> = (0..5).map(|i| TestEntry::new(&format!("f{i}"), "x")).collect();
    let limits = Limits { max_zip_entries: 4, ..LIMITS };
    assert!(fatal_message(&read_docx(&write_zip(&entries), &limits)).contains("5 个文件，超过上限 4 个"));
}

#[test]
fn unsupported_compression_and_zip64_markers_are_named() {
    let mut bytes = docx(&paragraph("x"));
    // The method field of the document's central-directory header (after the signature,
    // two versions and the flags).
    let central = bytes.windows(4).rposition(|w| w == [0x50, 0x4b, 0x01, 0x02]).unwrap();
    bytes[central + 10] = 14;
    assert!(fatal_message(&read(&bytes)).contains("不支持的压缩方式（编号 14）"));
    bytes[central + 10] = 8;
    bytes[central + 24..central + 28].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(fatal_message(&read(&bytes)).contains("ZIP64"));
}

#[test]
fn deep_nesting_is_refused_without_recursion() {
    let deep =
        format!("{}{}", "<w:sdt><w:sdtContent>".repeat(50_000), "</w:sdtContent></w:sdt>".repeat(50_000));
    let doc = read(&docx(&deep));
    assert_eq!(fatal_message(&doc), "DOCX 内容嵌套超过 256 层，无法读取：请在 Word 中另存为 .docx 后再检查");
}

#[test]
fn unfinished_xml_is_reported() {
    let xml = format!(r#"<w:document xmlns:w="{W}"><w:body>{}<w:p><w:r><w:t>半"#, paragraph("前"));
    let doc = read(&write_zip(&[TestEntry::new("word/document.xml", xml)]));
    assert!(fatal_message(&doc).contains("word/document.xml 不完整"));
}

#[test]
fn line_and_cell_limits_stop_reading() {
    let body = paragraph("行").repeat(10);
    let doc = read_docx(&docx(&body), &Limits { max_lines: 4, ..LIMITS });
    assert_eq!(fatal_message(&doc), "DOCX 文字超过上限 4 行，未作检查");
    assert_eq!(doc.lines.len(), 4);

    let row = format!("<w:tr>{}{}</w:tr>", cell(&paragraph("a")), cell(&paragraph("1")));
    let body = format!("<w:tbl>{}</w:tbl>{}", row.repeat(3), paragraph("后"));
    let doc = read_docx(&docx(&body), &Limits { max_cells: 5, ..LIMITS });
    assert_eq!(fatal_message(&doc), "DOCX 表格单元格超过上限 5 个，未作检查");
    assert_eq!(doc.rows.len(), 2, "reading stops at the limit");
}

/// A small deterministic generator, so failures reproduce.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_and_mutated_archives_never_panic() {
    let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..300 {
        let len = (random.next() % 400) as usize;
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend((0..len).map(|_| random.next() as u8));
        assert!(read(&bytes).problems.iter().any(|p| p.fatal));
    }
    let body = format!(
        "{}<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        paragraph("一、总体情况&amp;"),
        cell_with("<w:vMerge w:val=\"restart\"/><w:gridSpan w:val=\"2\"/>", "标签"),
        cell(&paragraph("7"))
    );
    let good = write_zip(&[TestEntry::new("word/document.xml", document_xml(&body)).stored()]);
    for cut in 0..good.len() {
        read(&good[..cut]);
    }
    for _ in 0..3000 {
        let mut bytes = good.clone();
        for _ in 0..1 + random.next() % 4 {
            let at = (random.next() % bytes.len() as u64) as usize;
            bytes[at] = random.next() as u8;
        }
        read(&bytes);
    }
}

/// Written by python-docx (`scripts/make-docx-fixture.py`): a real writer's merges, breaks and
/// style-based numbering.
#[test]
fn reads_a_report_written_by_python_docx() {
    let doc = read(include_bytes!("../../../tests/fixtures/docx/sample-report.docx"));
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert_eq!(
        doc.lines[..7],
        [
            "示例县数据管理局2024年政府信息公开工作年度报告",
            "一、总体情况",
            "（一）主动公开",
            "本年通过门户网站主动公开信息120条。",
            "1.主动公开",
            "2.依申请公开",
            "二、主动公开政府信息情况",
        ]
    );
    assert_eq!(
        doc.lines.last().map(String::as_str),
        Some("六、其他需要报告的事项：本年度未收取信息处理费。")
    );
    let grid = grid_texts(&doc);
    assert_eq!(grid.len(), 15);
    assert_eq!(grid[0], owned(&[("第二十条第（一）项", false)]));
    assert_eq!(grid[3], owned(&[("行政规范性文件", false), ("2", false), ("1", false), ("5", false)]));
    assert_eq!(grid[6], owned(&[("行政许可", false), ("36", false)]));
    let note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    let zeros = [("0", false); 7];
    let expected_three = [
        owned(&[(note, false), ("申请人情况", false)]),
        owned(&[(note, true), ("自然人", false), ("法人或其他组织", false), ("总计", false)]),
        owned(&[
            (note, true),
            ("自然人", true),
            ("商业企业", false),
            ("科研机构", false),
            ("社会公益组织", false),
            ("法律服务机构", false),
            ("其他", false),
            ("总计", true),
        ]),
        owned(
            &[
                [("一、本年新收政府信息公开申请数量", false)].as_slice(),
                &figures(["3", "1", "0", "0", "0", "1", "5"]),
            ]
            .concat(),
        ),
        owned(
            &[
                [("三、本年度办理结果", false), ("（一）予以公开", false)].as_slice(),
                &figures(["2", "1", "0", "0", "0", "0", "3"]),
            ]
            .concat(),
        ),
        owned(
            &[
                [("三、本年度办理结果", true), ("（三）不予公开", false), ("1.属于国家秘密", false)]
                    .as_slice(),
                &zeros,
            ]
            .concat(),
        ),
        owned(
            &[
                [
                    ("三、本年度办理结果", true),
                    ("（三）不予公开", true),
                    ("2.其他法律行政法规禁止公开", false),
                ]
                .as_slice(),
                &figures(["1", "0", "0", "0", "0", "0", "1"]),
            ]
            .concat(),
        ),
        owned(
            &[[("四、结转下年度继续办理", false)].as_slice(), &figures(["0", "0", "0", "0", "0", "1", "1"])]
                .concat(),
        ),
    ];
    assert_eq!(grid[7..], expected_three);
}

fn figures(values: [&str; 7]) -> [(&str, bool); 7] {
    values.map(|value| (value, false))
}

#[test]
fn mutated_document_xml_never_panics() {
    let body = format!(
        "{}<w:tbl><w:tr>{}{}</w:tr><w:tr>{}<w:tc><w:tbl><w:tr>{}</w:tr></w:tbl></w:tc></w:tr></w:tbl>",
        "<w:p><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>一&amp;二&#x4E09;</w:t><w:br/></w:r></w:p>",
        cell_with("<w:vMerge w:val=\"restart\"/><w:gridSpan w:val=\"2\"/>", "标签"),
        cell(&paragraph("7")),
        cell_with("<w:vMerge/>", ""),
        cell(&paragraph("内")),
    );
    let xml: Vec<char> = document_xml(&body).chars().collect();
    let alphabet: Vec<char> = "<>/&;#x'\"=: wptrc!-?[]\u{4e00}".chars().collect();
    let labels = || numbering::ListLabels::default();
    for cut in 0..xml.len() {
        body::read_body(&xml[..cut].iter().collect::<String>(), &LIMITS, labels());
    }
    let mut random = XorShift(42);
    for _ in 0..3000 {
        let mut mutated = xml.clone();
        for _ in 0..1 + random.next() % 6 {
            let at = (random.next() % mutated.len() as u64) as usize;
            mutated[at] = alphabet[(random.next() % alphabet.len() as u64) as usize];
        }
        body::read_body(&mutated.iter().collect::<String>(), &LIMITS, labels());
    }
}
