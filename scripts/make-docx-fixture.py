#!/usr/bin/env python3
"""Builds tests/fixtures/docx/sample-report.docx: a small, invented annual report written by
python-docx (a real OOXML writer), with merged table cells, a label split by a line break and
automatic list numbering, for the DOCX reader's tests.

    pip install python-docx
    python3 scripts/make-docx-fixture.py

The output is deterministic. To keep it tiny, parts the reader never looks at (the thumbnail,
stylesWithEffects.xml, customXml) are dropped and styles.xml keeps only the styles used.
The report text is invented; it is not taken from any real report.
"""

import datetime
import io
import pathlib
import re
import zipfile

import docx

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests/fixtures/docx/sample-report.docx"

DROPPED_PARTS = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/")
KEPT_STYLES = {"Normal", "Title", "Heading1", "ListNumber", "TableGrid", "TableNormal", "DefaultParagraphFont", "NoList"}


def build_document():
    document = docx.Document()
    document.add_heading("示例县数据管理局2024年政府信息公开工作年度报告", level=0)
    document.add_heading("一、总体情况", level=1)
    paragraph = document.add_paragraph()
    paragraph.add_run("（一）主动公开\n本年通过门户网站主动公开信息120条。")
    document.add_paragraph("主动公开", style="List Number")
    document.add_paragraph("依申请公开", style="List Number")

    document.add_heading("二、主动公开政府信息情况", level=1)
    add_table_two(document)
    document.add_heading("三、收到和处理政府信息公开申请情况", level=1)
    add_table_three(document)
    document.add_paragraph("六、其他需要报告的事项：本年度未收取信息处理费。")

    properties = document.core_properties
    properties.author = "nianbao fixture"
    properties.created = properties.modified = datetime.datetime(2025, 1, 15)
    properties.last_printed = datetime.datetime(2025, 1, 15)
    properties.revision = 1
    return document


def fill(row, texts):
    for cell, text in zip(row.cells, texts):
        if text is not None:
            cell.text = text


def add_table_two(document):
    table = document.add_table(rows=7, cols=4)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(0, 3)).text = "第二十条第（一）项"
    fill(table.rows[1], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
    fill(table.rows[2], ["规章", "0", "0", "0"])
    fill(table.rows[3], ["行政规范性文件", "2", "1", "5"])
    table.cell(4, 0).merge(table.cell(4, 3)).text = "第二十条第（五）项"
    table.cell(5, 0).text = "信息内容"
    table.cell(5, 1).merge(table.cell(5, 3)).text = "本年处理决定数量"
    table.cell(6, 0).text = "行政许可"
    table.cell(6, 1).merge(table.cell(6, 3)).text = "36"


def add_table_three(document):
    # Three label columns, then 自然人, five 法人或其他组织 columns and 总计.
    table = document.add_table(rows=8, cols=10)
    table.style = "Table Grid"
    merge = lambda top, left, bottom, right, text: setattr(
        table.cell(top, left).merge(table.cell(bottom, right)), "text", text
    )
    merge(0, 0, 2, 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    merge(0, 3, 0, 9, "申请人情况")
    merge(1, 3, 2, 3, "自然人")
    merge(1, 4, 1, 8, "法人或其他组织")
    merge(1, 9, 2, 9, "总计")
    for column, label in enumerate(["商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他"], start=4):
        table.cell(2, column).text = label
    figures = {
        3: ("一、本年新收政府信息公开申请数量", ["3", "1", "0", "0", "0", "1", "5"]),
        4: ("（一）予以公开", ["2", "1", "0", "0", "0", "0", "3"]),
        5: ("1.属于国家秘密", ["0", "0", "0", "0", "0", "0", "0"]),
        6: ("2.其他法律行政法规禁止公开", ["1", "0", "0", "0", "0", "0", "1"]),
        7: ("四、结转下年度继续办理", ["0", "0", "0", "0", "0", "1", "1"]),
    }
    merge(3, 0, 3, 2, figures[3][0])
    merge(4, 0, 6, 0, "三、本年度办理结果")
    merge(4, 1, 4, 2, figures[4][0])
    merge(5, 1, 6, 1, "（三）不予公开")
    table.cell(5, 2).text = figures[5][0]
    table.cell(6, 2).text = figures[6][0]
    merge(7, 0, 7, 2, figures[7][0])
    for row, (_, values) in figures.items():
        for column, value in enumerate(values, start=3):
            table.cell(row, column).text = value


def prune_styles(xml):
    xml = re.sub(r"<w:latentStyles\b.*?</w:latentStyles>", "", xml, flags=re.S)

    def keep(match):
        style_id = re.search(r'w:styleId="([^"]*)"', match.group(0))
        return match.group(0) if style_id and style_id.group(1) in KEPT_STYLES else ""

    return re.sub(r"<w:style\b[^>]*?(?:/>|>.*?</w:style>)", keep, xml, flags=re.S)


def drop_references(xml):
    xml = re.sub(r'<Override PartName="/(?:customXml|word/stylesWithEffects)[^>]*/>', "", xml)
    xml = re.sub(r'<Default Extension="jpeg"[^>]*/>', "", xml)
    return re.sub(r'<Relationship [^>]*Target="[^"]*(?:thumbnail|stylesWithEffects|customXml)[^"]*"/>', "", xml)


def repack(source):
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as packed:
        for item in original.infolist():
            if item.filename.startswith(DROPPED_PARTS):
                continue
            data = original.read(item.filename)
            if item.filename == "word/styles.xml":
                data = prune_styles(data.decode()).encode()
            elif item.filename.endswith((".rels", "[Content_Types].xml")):
                data = drop_references(data.decode()).encode()
            info = zipfile.ZipInfo(item.filename, date_time=(2025, 1, 15, 0, 0, 0))
            packed.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def main():
    written = io.BytesIO()
    build_document().save(written)
    written.seek(0)
    data = repack(written)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    print(f"{OUT}: {len(data)} bytes")


if __name__ == "__main__":
    main()
