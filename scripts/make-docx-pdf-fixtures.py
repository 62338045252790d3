#!/usr/bin/env python3
"""Builds tests/fixtures/pdf-matrix/: PDFs of invented reports as bodies really print them —
written in Word (python-docx, a real OOXML writer) and exported to PDF by LibreOffice — over a
matrix of the layouts that break PDF table reading:

- both templates (2021, 2019);
- narrow and wide columns (narrow number columns wrap a figure inside its cell: `839` prints
  as `83` over `9`; narrow label columns wrap `1.属于国家秘密` over four or five lines);
- digits half width (`839`), full width (`８３９`) and full width with spaces (`８ ３ ９`);
- small figures and 5-to-8-digit figures;
- table 三 split across pages with its header rows repeated, or not repeated;
- merged label cells (三、本年度办理结果 over 23 rows, （三）不予公开 over 8), aligned to the
  top or centred.

    apt-get install -y libreoffice-writer-nogui fonts-wqy-microhei fonts-wqy-zenhei
    pip install python-docx pypdf reportlab
    python3 scripts/make-docx-pdf-fixtures.py

Each PDF comes with its expected cells in expected.json (every cell id of FORMAT.md; R1–R4
hold, so a PDF read back exactly has no error finding). `unrecoverable` lists the cells of the
rows whose label breaks across two pages (found with pypdf: the label is whole on no page):
there the rest of the row on the next page may be told from a row of its own by no geometry,
so a reader may leave those figures unread — never read them wrong. The figures come from fixed seeds; the
PDFs themselves depend on the LibreOffice and font versions, so they are committed (CI has no
LibreOffice). Every name and figure is invented.
"""

import importlib.util
import json
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile

import docx
import pypdf
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests/fixtures/pdf-matrix"

# The reportlab fixtures' script, for what both generators share (column ids, table 三's totals).
_spec = importlib.util.spec_from_file_location("make_pdf_fixtures", pathlib.Path(__file__).with_name("make-pdf-fixtures.py"))
REPORTLAB = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(REPORTLAB)
APPLICANTS, COLUMNS, T4_GROUPS, T4_COLUMNS = REPORTLAB.APPLICANTS, REPORTLAB.COLUMNS, REPORTLAB.T4_GROUPS, REPORTLAB.T4_COLUMNS
RESULTS = "三、本年度办理结果"
DENIED = "（三）不予公开"
UNABLE = "（四）无法提供"
REJECTED = "（五）不予处理"
OTHER = "（六）其他处理"


def t3_rows(template):
    """(row id, label path) of table 三, top to bottom."""
    rows = [
        ("new", ["一、本年新收政府信息公开申请数量"]),
        ("carried", ["二、上年结转政府信息公开申请数量"]),
        ("granted", [RESULTS, "（一）予以公开"]),
        ("partial", [RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
    ]
    denied = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
              "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
    denied_ids = ["secret", "law", "safety", "third_party", "internal", "process", "enforcement", "query"]
    rows += [(f"denied.{i}", [RESULTS, DENIED, label]) for i, label in zip(denied_ids, denied)]
    unable = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
    rows += [(f"unable.{i}", [RESULTS, UNABLE, label]) for i, label in zip(["not_held", "needs_making", "unclear"], unable)]
    rejected = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息"]
    rejected_ids = ["petition", "duplicate", "publication", "excessive", "confirm"]
    rows += [(f"rejected.{i}", [RESULTS, REJECTED, label]) for i, label in zip(rejected_ids, rejected)]
    if template == "2021":
        rows += [
            ("other.no_correction", [RESULTS, OTHER, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
            ("other.unpaid_fee", [RESULTS, OTHER, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
            ("other.other", [RESULTS, OTHER, "3.其他"]),
        ]
    else:
        rows.append(("other", [RESULTS, OTHER]))
    rows += [("results_total", [RESULTS, "（七）总计"]), ("carried_forward", ["四、结转下年度继续办理"])]
    return rows


def split(rng, total, parts, weights):
    """`total` cut into `parts` whole shares, roughly in proportion to `weights`."""
    shares = [0] * parts
    rest = total
    scale = sum(weights)
    for i in range(parts - 1):
        share = min(rest, int(total * weights[i] / scale * rng.uniform(0.6, 1.4)))
        shares[i] = share
        rest -= share
    shares[-1] = rest
    rng.shuffle(shares[:-1])
    return shares


def consistent_cells(rng, template, digits):
    """Every cell of the template with R1–R4 holding; table 三 figures of up to `digits` digits."""
    rows = t3_rows(template)
    outcomes = [row for row, _ in rows[2:-2]]
    top = 10 ** digits // 2  # the 总计 column is the sum of six: it keeps within `digits`
    cells = {}
    t3 = {row: {} for row, _ in rows}
    for column in APPLICANTS:
        big = column == "natural" or rng.random() < 0.6
        new = rng.randint(top // 20, top // 6) if big else rng.randint(0, max(1, top // 200))
        carried = rng.randint(0, max(1, new // 5))
        forward = rng.randint(0, carried + new // 7)
        handled = new + carried - forward
        weights = [6 if row in ("granted", "partial", "unable.not_held") else 1 for row in outcomes]
        for row, share in zip(outcomes, split(rng, handled, len(outcomes), weights)):
            t3[row][column] = share
        t3["new"][column] = new
        t3["carried"][column] = carried
        t3["results_total"][column] = handled
        t3["carried_forward"][column] = forward
    cells.update(REPORTLAB.t3_cells(t3))
    t4_top = max(2, 10 ** min(digits, 6) // 400)
    for group in T4_GROUPS:
        parts = [rng.randint(0, t4_top) for _ in T4_COLUMNS]
        for column, value in zip(T4_COLUMNS, parts):
            cells[f"t4.{group}.{column}"] = value
        cells[f"t4.{group}.total"] = sum(parts)
    big = 10 ** digits
    if template == "2021":
        for kind in ("rules", "normative"):
            issued = rng.randint(0, 4 if kind == "rules" else 40)
            repealed = rng.randint(0, issued)
            cells[f"t2.{kind}.issued"] = issued
            cells[f"t2.{kind}.repealed"] = repealed
            cells[f"t2.{kind}.in_force"] = issued - repealed + rng.randint(0, 90)
        cells["t2.license.decisions"] = rng.randint(big // 10, big - 1)
        cells["t2.penalty.decisions"] = rng.randint(big // 30, big // 3)
        cells["t2.coercion.decisions"] = rng.randint(0, big // 50)
        cells["t2.fees.amount"] = round(rng.randint(0, 9_000_000) / 100, 2)
    else:
        for kind in ("rules", "normative"):
            made = rng.randint(0, 5 if kind == "rules" else 40)
            cells[f"t2.{kind}.made"] = made
            cells[f"t2.{kind}.published"] = made
            cells[f"t2.{kind}.total_public"] = made + rng.randint(0, 200)
        for kind in ("license", "other_services", "penalty", "coercion"):
            cells[f"t2.{kind}.prev_items"] = rng.randint(0, 400)
            cells[f"t2.{kind}.change"] = rng.randint(-20, 30)
            cells[f"t2.{kind}.decisions"] = rng.randint(0, big - 1)
        cells["t2.fees.prev_items"] = rng.randint(0, 20)
        cells["t2.fees.change"] = rng.randint(-3, 3)
        cells["t2.procurement.items"] = rng.randint(0, 300)
        cells["t2.procurement.amount"] = round(rng.randint(0, 90_000_000) / 100, 2)
    return cells


FULL = {c: chr(ord(c) + 0xFEE0) for c in "0123456789.-"}


def written(value, digits):
    """A figure as the report writes it: `839`, `８３９` or `８ ３ ９`."""
    text = str(int(value)) if isinstance(value, int) or float(value).is_integer() else f"{value:.2f}"
    if digits == "half":
        return text
    full = "".join(FULL.get(c, c) for c in text)
    return " ".join(full) if digits == "spaced" else full


# --- Word ------------------------------------------------------------------------------------


def set_font(run_or_style, name, size=None):
    run_or_style.font.name = name
    if size:
        run_or_style.font.size = Pt(size)
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), name)


def write(cell, text, size, align=WD_ALIGN_PARAGRAPH.CENTER):
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    run = paragraph.add_run(text)
    run.font.size = Pt(size)


def repeat_header(row):
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def keep_row_whole(case, row):
    """Word's 允许跨页断行 off (unless the case lets rows break): a row moves whole to the next page."""
    if not case["rows_break"]:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def new_table(document, case, widths, rows):
    table = document.add_table(rows=rows, cols=len(widths))
    # Without borders the table is Word's plain "Normal Table": the reader has only alignment.
    table.style = "Table Grid" if case["borders"] else None
    table.autofit = False
    table.alignment = 1  # centred on the page
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)
    return table


def merged(table, top, left, bottom, right):
    return table.cell(top, left).merge(table.cell(bottom, right)) if (top, left) != (bottom, right) else table.cell(top, left)


def table_two(document, case, cells):
    size, widths = case["font"], case["t2_widths"]
    fig = lambda id: written(cells[id], case["digits"])
    if case["template"] == "2021":
        blocks = [
            ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
             [("规章", "rules"), ("行政规范性文件", "normative")], ["issued", "repealed", "in_force"]),
            ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("行政许可", "license")], ["decisions"]),
            ("第二十条第（六）项", ["信息内容", "本年处理决定数量"], [("行政处罚", "penalty"), ("行政强制", "coercion")], ["decisions"]),
            ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [("行政事业性收费", "fees")], ["amount"]),
        ]
    else:
        items = ["上一年项目数量", "本年增/减", "处理决定数量"]
        blocks = [
            ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
             [("规章", "rules"), ("规范性文件", "normative")], ["made", "published", "total_public"]),
            ("第二十条第（五）项", ["信息内容"] + items, [("行政许可", "license"), ("其他对外管理服务事项", "other_services")],
             ["prev_items", "change", "decisions"]),
            ("第二十条第（六）项", ["信息内容"] + items, [("行政处罚", "penalty"), ("行政强制", "coercion")],
             ["prev_items", "change", "decisions"]),
            ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"], [("行政事业性收费", "fees")], ["prev_items", "change"]),
            ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"], [("政府集中采购", "procurement")], ["items", "amount"]),
        ]
    height = sum(2 + len(rows) for _, _, rows, _ in blocks)
    table = new_table(document, case, widths, height)
    r = 0
    for heading, header, rows, columns in blocks:
        write(merged(table, r, 0, r, 3), heading, size)
        r += 1
        # A header of fewer columns than four spans the last one to the table's edge.
        for c, text in enumerate(header):
            write(merged(table, r, c, r, 3 if c == len(header) - 1 else c), text, size)
        r += 1
        for label, row in rows:
            write(table.cell(r, 0), label, size)
            for c, column in enumerate(columns, start=1):
                write(merged(table, r, c, r, 3 if c == len(columns) else c), fig(f"t2.{row}.{column}"), size)
            r += 1
    for row in table.rows:
        keep_row_whole(case, row)


def table_three(document, case, cells):
    size, widths = case["font"], case["t3_widths"]
    rows = t3_rows(case["template"])
    table = new_table(document, case, widths, 3 + len(rows))
    write(merged(table, 0, 0, 2, 2), "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", size, WD_ALIGN_PARAGRAPH.LEFT)
    write(merged(table, 0, 3, 0, 9), "申请人情况", size)
    write(merged(table, 1, 3, 2, 3), "自然人", size)
    write(merged(table, 1, 4, 1, 8), "法人或其他组织", size)
    write(merged(table, 1, 9, 2, 9), "总计", size)
    for c, label in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], start=4):
        write(table.cell(2, c), label, size)
    valign = WD_ALIGN_VERTICAL.CENTER if case["valign"] == "centre" else WD_ALIGN_VERTICAL.TOP
    # Each label of a path spans down over the rows that share it and right to the figures
    # when it is the path's last.
    for level in range(3):
        r = 0
        while r < len(rows):
            path = rows[r][1]
            if level >= len(path):
                r += 1
                continue
            end = r
            if level < len(path) - 1:
                while end + 1 < len(rows) and rows[end + 1][1][: level + 1] == path[: level + 1] and len(rows[end + 1][1]) > level + 1:
                    end += 1
            right = 2 if level == len(path) - 1 else level
            cell = merged(table, 3 + r, level, 3 + end, right)
            write(cell, path[level], size, WD_ALIGN_PARAGRAPH.LEFT if right == 2 and level > 0 else WD_ALIGN_PARAGRAPH.CENTER)
            cell.vertical_alignment = valign
            r = end + 1
    for r, (row, _) in enumerate(rows):
        for c, column in enumerate(COLUMNS, start=3):
            write(table.cell(3 + r, c), written(cells[f"t3.{row}.{column}"], case["digits"]), size)
    for r, row in enumerate(table.rows):
        if r < 3 and case["repeat_header"]:
            repeat_header(row)
        keep_row_whole(case, row)


def table_four(document, case, cells):
    size = case["font"]
    table = new_table(document, case, [case["t4_width"]] * 15, 4)
    names = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    write(merged(table, 0, 0, 0, 4), "行政复议", size)
    write(merged(table, 0, 5, 0, 14), "行政诉讼", size)
    for c, name in enumerate(names):
        write(merged(table, 1, c, 2, c), name, size)
    write(merged(table, 1, 5, 1, 9), "未经复议直接起诉", size)
    write(merged(table, 1, 10, 1, 14), "复议后起诉", size)
    for c, name in enumerate(names * 2, start=5):
        write(table.cell(2, c), name, size)
    for c, id in enumerate(f"t4.{g}.{col}" for g in T4_GROUPS for col in T4_COLUMNS + ["total"]):
        write(table.cell(3, c), written(cells[id], case["digits"]), size)
    for row in table.rows:
        keep_row_whole(case, row)


def heading(document, text, size):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.font.size = Pt(size + 1)
    run.bold = True


def build_document(case, cells):
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    set_font(normal, case["typeface"], 12)
    set_font(document.styles["Table Grid"], case["typeface"])
    year = case["year"]
    body = case["body"]
    t3 = lambda row: cells[f"t3.{row}.total"]
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(case["title"]).font.size = Pt(16)
    date = document.add_paragraph(f"（{case['signed']}）")
    date.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(
        "本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告格式的要求编制。"
        f"本报告所列数据的统计期限自{year}年1月1日至{year}年12月31日。本报告为测试用虚构文本，机关名称与全部数字均为虚构。"
    )
    heading(document, "一、总体情况", 12)
    document.add_paragraph(
        f"{year}年，{body}坚持以公开为常态、不公开为例外，推进政府信息公开工作。"
        f"全年新收政府信息公开申请{t3('new')}件，上年结转{t3('carried')}件，"
        f"办结{t3('results_total')}件，结转下年度继续办理{t3('carried_forward')}件。"
    )
    for _ in range(case["filler"]):
        document.add_paragraph("（一）主动公开。全年通过门户网站主动公开政府信息，及时发布政策文件和解读材料，规范栏目设置，提升公开质量。")
    heading(document, "二、主动公开政府信息情况", 12)
    table_two(document, case, cells)
    heading(document, "三、收到和处理政府信息公开申请情况", 12)
    table_three(document, case, cells)
    heading(document, "四、政府信息公开行政复议、行政诉讼情况", 12)
    table_four(document, case, cells)
    review = cells["t4.review.total"]
    suits = cells["t4.suit_direct.total"] + cells["t4.suit_after_review.total"]
    document.add_paragraph(f"本年度因政府信息公开工作被申请行政复议{review}件，被提起行政诉讼{suits}件。")
    heading(document, "五、存在的主要问题及改进情况", 12)
    document.add_paragraph("主要问题是部分栏目更新不够及时，政策解读形式较为单一。下一步将建立栏目更新提醒机制，按季度开展自查。")
    heading(document, "六、其他需要报告的事项", 12)
    document.add_paragraph("本年度未收取政府信息公开信息处理费。" if case["template"] == "2021" else "本年度无其他需要报告的事项。")
    for text in (body, case["signed"]):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    properties = document.core_properties
    properties.author = "nianbao fixture"
    properties.title = case["title"]
    return document


# --- the matrix ------------------------------------------------------------------------------

# Column widths (cm). Page text width is 15.6 cm; a narrow table is what a body gets when it
# shrinks the official table to fit, or leaves Word's default of equal columns.
T3_WIDTHS = {
    "wide": [1.5, 1.9, 4.4] + [1.11] * 7,
    "narrow": [1.0, 1.3, 2.1] + [0.95] * 7,
    "tight": [0.9, 1.1, 1.6] + [0.8] * 7,
}
T2_WIDTHS = {"wide": [4.4, 3.7, 3.7, 3.7], "narrow": [2.4, 2.0, 2.0, 2.0], "tight": [1.8, 1.6, 1.6, 1.6]}
T4_WIDTH = {"wide": 1.04, "narrow": 0.95, "tight": 0.82}

BODIES = ["示例县市场监督管理局", "示例市生态环境局", "示例县人民政府", "示例区教育局", "示例市人民政府办公室",
          "示例县卫生健康委员会", "示例区住房和城乡建设局", "示例市自然资源局"]

# name, template, columns, digits, figure digits (table 三), font size, merged labels, header repeated,
# filler paragraphs, and optionally what else: "rows break" (a row may break across pages, Word's
# default), "no borders"
CASES = [
    ("w21-wide-half-3", "2021", "wide", "half", 3, 10.5, "centre", True, 1),
    ("w21-wide-full-5", "2021", "wide", "full", 5, 9, "top", True, 2),
    ("w21-wide-spaced-4", "2021", "wide", "spaced", 4, 9, "centre", False, 3),
    ("w21-narrow-half-6", "2021", "narrow", "half", 6, 10.5, "centre", True, 1),
    ("w21-narrow-full-5", "2021", "narrow", "full", 5, 10.5, "top", False, 2),
    ("w21-narrow-spaced-3", "2021", "narrow", "spaced", 3, 10.5, "centre", True, 4),
    ("w21-narrow-half-8", "2021", "narrow", "half", 8, 9, "centre", False, 0),
    ("w21-tight-full-7", "2021", "tight", "full", 7, 9, "centre", True, 2),
    ("w21-tight-half-8", "2021", "tight", "half", 8, 10.5, "top", True, 5),
    ("w21-tight-spaced-5", "2021", "tight", "spaced", 5, 9, "centre", False, 1),
    ("w19-wide-half-5", "2019", "wide", "half", 5, 10.5, "centre", True, 2),
    ("w19-wide-spaced-6", "2019", "wide", "spaced", 6, 9, "top", False, 0),
    ("w19-narrow-full-4", "2019", "narrow", "full", 4, 10.5, "centre", True, 3),
    ("w19-narrow-half-7", "2019", "narrow", "half", 7, 9, "centre", False, 1),
    ("w19-tight-full-8", "2019", "tight", "full", 8, 9, "top", True, 4),
    ("w19-tight-spaced-3", "2019", "tight", "spaced", 3, 10.5, "centre", True, 2),
    ("w21-tight-half-6-rows-break", "2021", "tight", "half", 6, 10.5, "centre", True, 3, "rows break"),
    ("w21-narrow-full-8-rows-break", "2021", "narrow", "full", 8, 9, "top", False, 5, "rows break"),
    ("w19-tight-spaced-7-rows-break", "2019", "tight", "spaced", 7, 10.5, "centre", False, 0, "rows break"),
    ("w21-wide-half-3-no-borders", "2021", "wide", "half", 3, 10.5, "centre", True, 1, "no borders"),
    ("w21-narrow-half-6-no-borders", "2021", "narrow", "half", 6, 10.5, "top", True, 2, "no borders"),
]


def case_of(index, row):
    name, template, columns, digits, figure_digits, font, valign, repeat, filler, *other = row
    year = 2023 - index % 3 if template == "2021" else 2019 + index % 2
    body = BODIES[index % len(BODIES)]
    month = 3 if body.endswith("人民政府") else 1
    return {
        "name": name, "template": template, "digits": digits, "figure_digits": figure_digits, "font": font,
        "valign": valign, "repeat_header": repeat, "filler": filler,
        "rows_break": "rows break" in other, "borders": "no borders" not in other,
        "t3_widths": T3_WIDTHS[columns], "t2_widths": T2_WIDTHS[columns], "t4_width": T4_WIDTH[columns],
        "typeface": "WenQuanYi Zen Hei" if index % 2 else "WenQuanYi Micro Hei",
        "year": year, "body": body, "title": f"{body}{year}年政府信息公开工作年度报告",
        "published": f"{year + 1}-0{month}-{10 + index}", "signed": f"{year + 1}年{month}月{10 + index}日",
    }


def convert(docx_path, outdir):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice is needed: apt-get install -y libreoffice-writer-nogui")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
                   check=True, capture_output=True)


def broken_rows(pdf, template):
    """Rows of table 三 whose label is whole on no page: the page break cuts them."""
    pages = [re.sub(r"\s+", "", page.extract_text()) for page in pypdf.PdfReader(pdf).pages]
    return [row for row, path in t3_rows(template) if not any(path[-1] in text for text in pages)]


def main():
    only = set(sys.argv[1:])
    OUT.mkdir(parents=True, exist_ok=True)
    expected_path = OUT / "expected.json"
    expected = json.loads(expected_path.read_text(encoding="utf-8")) if expected_path.exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        for index, row in enumerate(CASES):
            case = case_of(index, row)
            if only and case["name"] not in only:
                continue
            cells = consistent_cells(random.Random(1000 + index), case["template"], case["figure_digits"])
            source = pathlib.Path(tmp) / f"{case['name']}.docx"
            build_document(case, cells).save(source)
            convert(source, OUT)
            pdf = OUT / f"{case['name']}.pdf"
            expected[pdf.name] = {
                "template": case["template"],
                "title": case["title"],
                "year": case["year"],
                "layout": {k: case[k] for k in ("digits", "figure_digits", "font", "valign", "repeat_header", "rows_break", "borders")}
                | {"columns": row[2]},
                "cells": dict(sorted(cells.items())),
                "unrecoverable": [f"t3.{row}.{c}" for row in broken_rows(pdf, case["template"]) for c in COLUMNS],
            }
            print(f"{pdf.name}: {pdf.stat().st_size} bytes")
    expected = dict(sorted(expected.items()))
    expected_path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
