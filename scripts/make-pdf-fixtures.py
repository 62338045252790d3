#!/usr/bin/env python3
"""Builds the PDF fixtures under tests/fixtures/pdf/ from invented reports (2021 template):

    pip install reportlab
    python3 scripts/make-pdf-fixtures.py

- report-a.pdf  a department's report: tables drawn as real tables with cell borders, merged
                label cells aligned to their first row, a running page header and `- N -`
                page numbers; table 三 breaks across pages with its header repeated.
- report-b.pdf  a county government's report with large figures: merged label cells centred
                vertically (as in the official Word template), long labels wrapping inside their
                cells, `第 N 页 共 M 页` page numbers.
- scanned.pdf   a page that is only an image (what a scanner produces): no text layer.
- corrupt.pdf   the start of a PDF, then garbage.
- expected.json the figures each text PDF was made from (every cell id of FORMAT.md), its
                title, year and publication date: the tests compare what is read with these.

Every name and figure is invented; the figures are consistent (R1–R4 hold), so a PDF read back
exactly has no finding at all. The output is deterministic (fixed seeds; reportlab's
`invariant` mode leaves out creation dates and random document ids).
Fonts: reportlab's built-in CID font STSong-Light (no font file needed; readers map it to
Unicode with the Adobe-GB1 CMaps).
"""

import json
import pathlib
import random
import sys

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests/fixtures/pdf"
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

APPLICANTS = ["natural", "commercial", "research", "nonprofit", "legal", "other_org"]
COLUMNS = APPLICANTS + ["total"]
# (row id, label path) in the order of the 2021 table 三.
RESULTS = "三、本年度办理结果"
T3_ROWS = [
    ("new", ["一、本年新收政府信息公开申请数量"]),
    ("carried", ["二、上年结转政府信息公开申请数量"]),
    ("granted", [RESULTS, "（一）予以公开"]),
    ("partial", [RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
    ("denied.secret", [RESULTS, "（三）不予公开", "1.属于国家秘密"]),
    ("denied.law", [RESULTS, "（三）不予公开", "2.其他法律行政法规禁止公开"]),
    ("denied.safety", [RESULTS, "（三）不予公开", "3.危及“三安全一稳定”"]),
    ("denied.third_party", [RESULTS, "（三）不予公开", "4.保护第三方合法权益"]),
    ("denied.internal", [RESULTS, "（三）不予公开", "5.属于三类内部事务信息"]),
    ("denied.process", [RESULTS, "（三）不予公开", "6.属于四类过程性信息"]),
    ("denied.enforcement", [RESULTS, "（三）不予公开", "7.属于行政执法案卷"]),
    ("denied.query", [RESULTS, "（三）不予公开", "8.属于行政查询事项"]),
    ("unable.not_held", [RESULTS, "（四）无法提供", "1.本机关不掌握相关政府信息"]),
    ("unable.needs_making", [RESULTS, "（四）无法提供", "2.没有现成信息需要另行制作"]),
    ("unable.unclear", [RESULTS, "（四）无法提供", "3.补正后申请内容仍不明确"]),
    ("rejected.petition", [RESULTS, "（五）不予处理", "1.信访举报投诉类申请"]),
    ("rejected.duplicate", [RESULTS, "（五）不予处理", "2.重复申请"]),
    ("rejected.publication", [RESULTS, "（五）不予处理", "3.要求提供公开出版物"]),
    ("rejected.excessive", [RESULTS, "（五）不予处理", "4.无正当理由大量反复申请"]),
    ("rejected.confirm", [RESULTS, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"]),
    ("other.no_correction", [RESULTS, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
    ("other.unpaid_fee", [RESULTS, "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
    ("other.other", [RESULTS, "（六）其他处理", "3.其他"]),
    ("results_total", [RESULTS, "（七）总计"]),
    ("carried_forward", ["四、结转下年度继续办理"]),
]
OUTCOMES = [row for row, _ in T3_ROWS[2:-2]]
T4_GROUPS = ["review", "suit_direct", "suit_after_review"]
T4_COLUMNS = ["upheld", "corrected", "other", "pending"]


def t3_cells(t3):
    """The cells of table 三 from each row's applicant figures (`t3[row][column]`); each row's
    总计 is their sum (R3)."""
    cells = {}
    for row, values in t3.items():
        values["total"] = sum(values[c] for c in APPLICANTS)
        for column in COLUMNS:
            cells[f"t3.{row}.{column}"] = values[column]
    return cells


def consistent_cells(rng, scale):
    """Every cell of the 2021 template, with R1–R4 holding."""
    cells = {}
    t3 = {row: {} for row, _ in T3_ROWS}
    for column in APPLICANTS:
        big = column == "natural" or rng.random() < 0.5
        new = rng.randint(0, scale) if big else rng.randint(0, max(1, scale // 8))
        carried = rng.randint(0, max(1, new // 6))
        forward = rng.randint(0, carried + new // 8) if new + carried else 0
        handled = new + carried - forward
        share = {row: 0 for row in OUTCOMES}
        for _ in range(handled):
            # Most applications are granted or partly granted; the rest spread thinly.
            row = rng.choice(["granted"] * 6 + ["partial"] * 2 + ["unable.not_held"] * 2 + OUTCOMES)
            share[row] += 1
        t3["new"][column] = new
        t3["carried"][column] = carried
        for row in OUTCOMES:
            t3[row][column] = share[row]
        t3["results_total"][column] = handled
        t3["carried_forward"][column] = forward
    cells.update(t3_cells(t3))
    for group in T4_GROUPS:
        parts = [rng.randint(0, max(1, scale // 20)) for _ in T4_COLUMNS]
        for column, value in zip(T4_COLUMNS, parts):
            cells[f"t4.{group}.{column}"] = value
        cells[f"t4.{group}.total"] = sum(parts)
    for kind in ("rules", "normative"):
        issued = rng.randint(0, 4 if kind == "rules" else 30)
        repealed = rng.randint(0, issued)
        cells[f"t2.{kind}.issued"] = issued
        cells[f"t2.{kind}.repealed"] = repealed
        cells[f"t2.{kind}.in_force"] = issued - repealed + rng.randint(0, 60)
    cells["t2.license.decisions"] = rng.randint(0, scale * 300)
    cells["t2.penalty.decisions"] = rng.randint(0, scale * 40)
    cells["t2.coercion.decisions"] = rng.randint(0, scale * 5)
    cells["t2.fees.amount"] = round(rng.randint(0, 900000) / 100, 2)
    return cells


def fmt(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def styles(size=10.5):
    body = ParagraphStyle("body", fontName=FONT, fontSize=size, leading=size * 1.6, wordWrap="CJK", firstLineIndent=2 * size)
    heading = ParagraphStyle("heading", fontName=FONT, fontSize=size + 1.5, leading=(size + 1.5) * 1.8, spaceBefore=6)
    title = ParagraphStyle("title", fontName=FONT, fontSize=17, leading=26, alignment=TA_CENTER, spaceAfter=8)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10.5, wordWrap="CJK")
    centre = ParagraphStyle("centre", parent=cell, alignment=TA_CENTER)
    return body, heading, title, cell, centre


GRID = [
    ("FONT", (0, 0), (-1, -1), FONT, 8),
    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


def table_two(cells, cell, centre):
    p = lambda text: Paragraph(text, centre)
    rows = [
        [p("第二十条第（一）项"), "", "", ""],
        [p("信息内容"), p("本年制发件数"), p("本年废止件数"), p("现行有效件数")],
        [p("规章")] + [fmt(cells[f"t2.rules.{c}"]) for c in ("issued", "repealed", "in_force")],
        [p("行政规范性文件")] + [fmt(cells[f"t2.normative.{c}"]) for c in ("issued", "repealed", "in_force")],
        [p("第二十条第（五）项"), "", "", ""],
        [p("信息内容"), p("本年处理决定数量"), "", ""],
        [p("行政许可"), fmt(cells["t2.license.decisions"]), "", ""],
        [p("第二十条第（六）项"), "", "", ""],
        [p("信息内容"), p("本年处理决定数量"), "", ""],
        [p("行政处罚"), fmt(cells["t2.penalty.decisions"]), "", ""],
        [p("行政强制"), fmt(cells["t2.coercion.decisions"]), "", ""],
        [p("第二十条第（八）项"), "", "", ""],
        [p("信息内容"), p("本年收费金额（单位：万元）"), "", ""],
        [p("行政事业性收费"), fmt(cells["t2.fees.amount"]), "", ""],
    ]
    spans = [("SPAN", (0, r), (3, r)) for r in (0, 4, 7, 11)]
    spans += [("SPAN", (1, r), (3, r)) for r in (5, 6, 8, 9, 10, 12, 13)]
    table = Table(rows, colWidths=[52 * mm, 38 * mm, 38 * mm, 38 * mm])
    table.setStyle(TableStyle(GRID + spans + [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def table_three(cells, cell, centre, valign):
    p = lambda text, style=cell: Paragraph(text, style)
    header = [
        [p("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), "", "", p("申请人情况", centre), "", "", "", "", "", ""],
        ["", "", "", p("自然人", centre), p("法人或其他组织", centre), "", "", "", "", p("总计", centre)],
        ["", "", "", "", p("商业企业", centre), p("科研机构", centre), p("社会公益组织", centre), p("法律服务机构", centre), p("其他", centre), ""],
    ]
    body = []
    spans = [
        ("SPAN", (0, 0), (2, 2)), ("SPAN", (3, 0), (9, 0)), ("SPAN", (3, 1), (3, 2)),
        ("SPAN", (4, 1), (8, 1)), ("SPAN", (9, 1), (9, 2)),
    ]
    first = {}
    for index, (row, path) in enumerate(T3_ROWS):
        r = len(header) + index
        labels = ["", "", ""]
        for level, text in enumerate(path):
            key = tuple(path[: level + 1])
            last = level == len(path) - 1
            if last:
                labels[level] = p(text)
                spans.append(("SPAN", (level, r), (2, r)))
            elif key not in first:
                first[key] = r
                labels[level] = p(text)
        body.append(labels + [fmt(cells[f"t3.{row}.{c}"]) for c in COLUMNS])
    # Groups: the outer label spans every row of its group.
    for key, start in first.items():
        level = len(key) - 1
        end = start
        for index, (_, path) in enumerate(T3_ROWS):
            r = len(header) + index
            if tuple(path[: level + 1]) == key and len(path) > level + 1:
                end = max(end, r)
        spans.append(("SPAN", (level, start), (level, end)))
    table = Table(header + body, colWidths=[17 * mm, 17 * mm, 52 * mm] + [13 * mm] * 7, repeatRows=3)
    table.setStyle(TableStyle(GRID + spans + [("VALIGN", (0, 0), (-1, -1), valign)]))
    return table


def table_four(cells, centre):
    p = lambda text: Paragraph(text, centre)
    names = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        [p("行政复议"), "", "", "", "", p("行政诉讼"), "", "", "", "", "", "", "", "", ""],
        [p(n) for n in names] + [p("未经复议直接起诉"), "", "", "", "", p("复议后起诉"), "", "", "", ""],
        [""] * 5 + [p(n) for n in names] * 2,
        [fmt(cells[f"t4.{g}.{c}"]) for g in T4_GROUPS for c in T4_COLUMNS + ["total"]],
    ]
    spans = [("SPAN", (0, 0), (4, 0)), ("SPAN", (5, 0), (14, 0)), ("SPAN", (5, 1), (9, 1)), ("SPAN", (10, 1), (14, 1))]
    spans += [("SPAN", (c, 1), (c, 2)) for c in range(5)]
    table = Table(rows, colWidths=[11.4 * mm] * 15)
    table.setStyle(TableStyle(GRID + spans + [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


# Further invented paragraphs of section 一, for a longer report (`--bench`).
WORK = [
    "平台建设方面，持续优化门户网站政府信息公开专栏，规范栏目设置，完善检索功能，提升信息查找的便利程度，"
    "做好网站内容保障和安全防护，确保公开渠道畅通。",
    "政策解读方面，坚持政策文件与解读材料同步组织、同步审签、同步发布，采用图表、问答等形式解读重要政策，"
    "及时回应社会关切。",
    "监督保障方面，将政府信息公开工作纳入年度考核，定期开展自查和抽查，对发现的问题限期整改，"
    "并组织业务培训，提高工作人员的公开意识和业务能力。",
]


def story(report, cells, valign):
    body, heading, title, cell, centre = styles()
    year = report["year"]
    t3 = lambda row: cells[f"t3.{row}.total"]
    review = cells["t4.review.total"]
    suits = cells["t4.suit_direct.total"] + cells["t4.suit_after_review.total"]
    parts = [
        Paragraph(report["title"], title),
        Paragraph(f"发布日期：{report['published']}", ParagraphStyle("date", parent=body, firstLineIndent=0, alignment=TA_CENTER)),
        Paragraph(
            "本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告格式的要求编制。"
            f"本报告所列数据的统计期限自{year}年1月1日至{year}年12月31日。本报告为测试用虚构文本，机关名称与全部数字均为虚构。",
            body,
        ),
        Paragraph("一、总体情况", heading),
        Paragraph(
            f"{year}年，{report['body']}坚持以公开为常态、不公开为例外，推进政府信息公开工作。"
            f"全年新收政府信息公开申请{fmt(t3('new'))}件，上年结转{fmt(t3('carried'))}件，"
            f"办结{fmt(t3('results_total'))}件，结转下年度继续办理{fmt(t3('carried_forward'))}件。",
            body,
        ),
        Paragraph("（一）主动公开。全年通过门户网站主动公开政府信息，及时发布政策文件和解读材料。", body),
        Paragraph("（二）政府信息管理。落实公开前保密审查，动态更新政府信息公开指南和目录。", body),
        *[Paragraph(WORK[n % len(WORK)], body) for n in range(report.get("extra", 0))],
        Paragraph("二、主动公开政府信息情况", heading),
        table_two(cells, cell, centre),
        Paragraph("三、收到和处理政府信息公开申请情况", heading),
        table_three(cells, cell, centre, valign),
        Paragraph("四、政府信息公开行政复议、行政诉讼情况", heading),
        table_four(cells, centre),
        Spacer(1, 6),
        Paragraph(
            f"本年度因政府信息公开工作被申请行政复议{fmt(review)}件，被提起行政诉讼{fmt(suits)}件。",
            body,
        ),
        Paragraph("五、存在的主要问题及改进情况", heading),
        Paragraph("主要问题是部分栏目更新不够及时，政策解读形式较为单一。下一步将建立栏目更新提醒机制，按季度开展自查。", body),
        Paragraph("六、其他需要报告的事项", heading),
        Paragraph("本年度未收取政府信息公开信息处理费。", body),
        Spacer(1, 12),
        Paragraph(report["body"], ParagraphStyle("sign", parent=body, alignment=2)),
        Paragraph(report["signed"], ParagraphStyle("signdate", parent=body, alignment=2)),
    ]
    return parts


def decorate(header, footer):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 8.5)
        if header:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, header)
            canvas.setLineWidth(0.4)
            canvas.line(20 * mm, A4[1] - 14 * mm, A4[0] - 20 * mm, A4[1] - 14 * mm)
        canvas.setFont(FONT, 10)
        canvas.drawCentredString(A4[0] / 2, 11 * mm, footer(doc.page))
        canvas.restoreState()

    return draw


def build(path, report, cells, valign, header, footer):
    """Two passes, so `第 N 页 共 M 页` knows M."""

    def make(total):
        doc = SimpleDocTemplate(
            str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm, bottomMargin=20 * mm,
            title=report["title"], author="nianbao fixture", creator="nianbao fixture", producer="nianbao fixture",
            invariant=1,
        )
        draw = decorate(header, lambda page: footer(page, total))
        doc.build(story(report, cells, valign), onFirstPage=draw, onLaterPages=draw)
        return doc.page

    pages = make(0)
    make(pages)
    return pages


def scanned(path):
    """One page holding only an image (a scanner's output): grey bars where text would be."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    from PIL import Image, ImageDraw

    rng = random.Random(7)
    image = Image.new("L", (600, 840), 255)
    draw = ImageDraw.Draw(image)
    y = 60
    while y < 780:
        x = 50
        while x < 550:
            w = rng.randint(8, 14)
            draw.rectangle([x, y, x + w, y + 12], fill=rng.randint(30, 90))
            x += w + rng.randint(2, 5)
        y += 26
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()


REPORT_A = {
    "file": "report-a.pdf",
    "body": "示例县交通运输局",
    "title": "示例县交通运输局2023年政府信息公开工作年度报告",
    "year": 2023,
    "published": "2024-01-18",
    "signed": "2024年1月18日",
    "seed": 11,
    "scale": 40,
    "valign": "TOP",
    "header": "示例县交通运输局2023年政府信息公开工作年度报告",
    "footer": lambda page, total: f"- {page} -",
}


def bench(path, pages=6):
    """A report of report-a's layout made `pages` long by more paragraphs in section 一 (for
    scripts/bench: `python3 scripts/make-pdf-fixtures.py --bench FILE`)."""
    report = dict(REPORT_A, extra=0)
    cells = consistent_cells(random.Random(report["seed"]), report["scale"])
    while build(pathlib.Path(path), report, cells, report["valign"], report["header"], report["footer"]) < pages:
        report["extra"] += 6


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--bench":
        bench(sys.argv[2])
        return
    OUT.mkdir(parents=True, exist_ok=True)
    reports = [
        REPORT_A,
        {
            "file": "report-b.pdf",
            "body": "示例县人民政府",
            "title": "示例县人民政府2022年政府信息公开工作年度报告",
            "year": 2022,
            "published": "2023-03-20",
            "signed": "2023年3月20日",
            "seed": 23,
            "scale": 900,
            "valign": "MIDDLE",
            "header": None,
            "footer": lambda page, total: f"第 {page} 页 共 {total} 页",
        },
    ]
    expected = {}
    for report in reports:
        cells = consistent_cells(random.Random(report["seed"]), report["scale"])
        pages = build(OUT / report["file"], report, cells, report["valign"], report["header"], report["footer"])
        expected[report["file"]] = {
            "title": report["title"],
            "year": report["year"],
            "published": report["published"],
            "pages": pages,
            "cells": dict(sorted(cells.items())),
        }
    scanned(OUT / "scanned.pdf")
    good = (OUT / "report-a.pdf").read_bytes()
    garbage = bytes(random.Random(3).randrange(256) for _ in range(3000))
    (OUT / "corrupt.pdf").write_bytes(good[:400] + garbage)
    (OUT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name in sorted(p.name for p in OUT.iterdir()):
        print(f"{name}: {(OUT / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
