# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a quarterly ledger back with openpyxl and checks it against what the register holds.

usage: check-ledger.py LEDGER.xlsx EXPECT.json

EXPECT.json (written by tests/test-report-ledger.c from the store):
  counts     {"户台账": rows, ...}: data rows of each detail table, all parts together
  max_rows   rows per sheet (title and header included)
  masked     whether ID numbers and phones are masked
  county, township, operator
  samples    [{"sheet": "户台账", "key": {"户编号": "…"}, "values": {"户主姓名": "…", …}}]
Prints one line per failed check and exits 1 when any failed.
"""

import datetime
import json
import re
import sys
import zipfile

import openpyxl

TABLES = ["户台账", "人员台账", "帮扶措施", "走访记录", "动态调整", "公示与异议"]

# docs/domain.md §9: the national system's person columns, in this order, first.
PERSON_HEADERS = [
    "县", "乡(镇)", "行政村", "村民小组", "户编号", "人编号", "姓名", "证件号码", "人数",
    "与户主关系", "民族", "文化程度", "在校生状况", "健康状况", "劳动技能", "务工时间(月)",
    "是否参加大病保险", "致贫原因", "危房户", "是否解决安全饮用水", "人均纯收入", "联系电话",
    "首次识别时间", "户类型", "监测对象类型", "风险是否消除",
]
FIRST_HEADERS = {
    "户台账": ["户编号", "行政村", "村民小组", "户主姓名", "户主证件号码", "家庭人口数"],
    "人员台账": PERSON_HEADERS,
    "帮扶措施": ["户编号", "行政村", "村民小组", "户主姓名", "年度", "措施类别"],
    "走访记录": ["户编号", "行政村", "村民小组", "户主姓名", "走访日期"],
    "动态调整": ["户编号", "行政村", "村民小组", "户主姓名", "调整类型"],
    "公示与异议": ["公示名称", "公示类型"],
}
SUMMARY_HEADERS = ["分类", "项目", "数量", "预算资金(元)", "已支出(元)"]
ID_COLUMNS = {"户主证件号码", "证件号码"}
PHONE_COLUMNS = {"联系电话"}
DATE_COLUMNS = {"首次识别时间", "出生日期", "开始日期", "计划完成日期", "完成日期", "走访日期",
                "调整日期", "公示开始日期", "公示结束日期"}
MONEY_COLUMNS = {"人均纯收入", "人均纯收入(元)", "预算资金(元)", "已支出(元)"}
FULL_ID = re.compile(r"^\d{17}[\dX]$")
MASKED_ID = re.compile(r"^\d{6}\*{8}\d{3}[\dX]$")
MASKED_PHONE = re.compile(r"^.{3}\*+.{4}$")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def part_names(table, rows, max_rows):
    per_sheet = max_rows - 2
    n = max(1, -(-rows // per_sheet))
    return [table] + ["%s(%d)" % (table, i) for i in range(2, n + 1)]


def col_index(letters):
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - 64
    return n


RANGE = re.compile(r"'([^']+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)")


def cells(wb, ref):
    m = RANGE.fullmatch(ref)
    sheet, c1, r1, c2, r2 = m.group(1), col_index(m.group(2)), int(m.group(3)), col_index(m.group(4)), int(m.group(5))
    assert c1 == c2
    return [row[0] for row in wb[sheet].iter_rows(min_row=r1, max_row=r2, min_col=c1, max_col=c1, values_only=True)]


CALL = re.compile(r"(COUNTIF|COUNTBLANK|COUNTA|SUMIF|SUM)\((.*)\)|0")


def evaluate(wb, formula, item):
    """The value of a summary formula, computed here from the detail sheets."""
    check(formula.startswith("="), "not a formula: %r" % formula)
    total = 0
    for term in formula[1:].split("+"):
        m = CALL.fullmatch(term)
        if not check(m is not None, "unexpected formula term %r" % term):
            return None
        if term == "0":
            continue
        fn, args = m.group(1), m.group(2).split(",")
        values = cells(wb, args[0])
        if fn == "COUNTIF":
            total += sum(1 for v in values if v == item)
        elif fn == "COUNTBLANK":
            total += sum(1 for v in values if v is None)
        elif fn == "COUNTA":
            total += sum(1 for v in values if v is not None)
        elif fn == "SUMIF":
            sums = cells(wb, args[2])
            total += sum(s or 0 for v, s in zip(values, sums) if v == item)
        elif fn == "SUM":
            total += sum(v or 0 for v in values)
    return total


def header_map(ws):
    return {h: i for i, h in enumerate(next(ws.iter_rows(min_row=2, max_row=2, values_only=True)))}


def main():
    sys.stdout.reconfigure(encoding="utf-8")
    path, expect_path = sys.argv[1], sys.argv[2]
    with open(expect_path, encoding="utf-8") as f:
        expect = json.load(f)
    max_rows = expect["max_rows"]
    masked = expect["masked"]

    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)

    # Sheet names: the summary, then each table with its continuations.
    names = ["汇总"]
    for table in TABLES:
        names += part_names(table, expect["counts"][table], max_rows)
    check(wb.sheetnames == names, "sheets %r, expected %r" % (wb.sheetnames, names))

    # Workbook properties.
    check(wb.properties.creator == expect["operator"], "author %r" % wb.properties.creator)
    check(expect["township"] in (wb.properties.title or ""), "title %r" % wb.properties.title)
    app = zipfile.ZipFile(path).read("docProps/app.xml").decode("utf-8")
    check("<Company>%s</Company>" % expect["township"] in app, "company missing in app.xml")

    for ws in wb.worksheets:
        name = ws.title
        check(ws.page_setup.orientation == "landscape", "%s: not landscape" % name)
        check(str(ws.page_setup.paperSize) == "9", "%s: paper %r, not A4" % (name, ws.page_setup.paperSize))
        check(ws.sheet_properties.pageSetUpPr.fitToPage, "%s: not fitted to the page" % name)
        check(ws.page_setup.fitToWidth in (1, None) and str(ws.page_setup.fitToHeight) == "0",
              "%s: fit %r×%r" % (name, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight))
        check(ws.oddFooter.center.text == "第 &P 页 共 &N 页", "%s: footer %r" % (name, ws.oddFooter.center.text))
        check(ws.print_title_rows is not None, "%s: no repeated header rows" % name)
        check(ws.freeze_panes is not None, "%s: header not frozen" % name)
        check(ws.auto_filter.ref is not None, "%s: no autofilter" % name)
        check(any(r.min_row == 1 and r.max_row == 1 for r in ws.merged_cells.ranges), "%s: no merged title" % name)
        title = ws.cell(1, 1)
        check(title.font.b and expect["county"] in title.value, "%s: title %r" % (name, title.value))

    # Detail sheets: headers, row counts, cell types.
    for table in TABLES:
        parts = part_names(table, expect["counts"][table], max_rows)
        rows = 0
        for part in parts:
            if part not in wb.sheetnames:
                continue
            ws = wb[part]
            header = [c.value for c in ws[2]]
            first = FIRST_HEADERS[table]
            check(header[: len(first)] == first, "%s: headers %r" % (part, header[: len(first)]))
            check(all(c.font.b and c.alignment.wrap_text and c.border.left.style == "thin" for c in ws[2]),
                  "%s: header not bold, wrapped and bordered" % part)
            check(ws.freeze_panes == "A3", "%s: frozen at %r" % (part, ws.freeze_panes))
            n = ws.max_row - 2 if ws.max_row > 2 else 0
            check(n <= max_rows - 2, "%s: %d rows, more than the limit" % (part, n))
            if part != parts[-1]:
                check(n == max_rows - 2, "%s: continued before it was full (%d rows)" % (part, n))
            rows += n
            for row in ws.iter_rows(min_row=3):
                for col, cell in zip(header, row):
                    if cell.value is None:
                        continue
                    if col in ID_COLUMNS:
                        check(cell.data_type == "s" and cell.number_format == "@",
                              "%s!%s: ID number stored as %s" % (part, cell.coordinate, cell.data_type))
                        pattern = MASKED_ID if masked else FULL_ID
                        check(pattern.match(str(cell.value)), "%s!%s: ID number %r" % (part, cell.coordinate, cell.value))
                    elif col in PHONE_COLUMNS:
                        check(cell.data_type == "s", "%s!%s: phone stored as %s" % (part, cell.coordinate, cell.data_type))
                        if masked:
                            check(MASKED_PHONE.match(cell.value) or set(cell.value) == {"*"},
                                  "%s!%s: phone %r not masked" % (part, cell.coordinate, cell.value))
                    elif col in DATE_COLUMNS:
                        check(isinstance(cell.value, datetime.datetime) and cell.number_format == "yyyy-mm-dd",
                              "%s!%s: date %r (%s)" % (part, cell.coordinate, cell.value, cell.number_format))
                    elif col in MONEY_COLUMNS:
                        check(isinstance(cell.value, (int, float)) and cell.number_format == "#,##0.00",
                              "%s!%s: money %r (%s)" % (part, cell.coordinate, cell.value, cell.number_format))
                    elif col in ("户编号", "人编号"):
                        check(cell.data_type == "s", "%s!%s: number stored as %s" % (part, cell.coordinate, cell.data_type))
        check(rows == expect["counts"][table], "%s: %d rows, the register has %d" % (table, rows, expect["counts"][table]))

    # Samples: cells equal to the register's values.
    for sample in expect["samples"]:
        table = sample["sheet"]
        (key_col, key), = sample["key"].items()
        found = None
        for part in part_names(table, expect["counts"][table], max_rows):
            ws = wb[part]
            cols = header_map(ws)
            for row in ws.iter_rows(min_row=3, values_only=True):
                if row[cols[key_col]] == key:
                    found = (cols, row)
                    break
            if found:
                break
        if not check(found is not None, "%s: no row with %s = %r" % (table, key_col, key)):
            continue
        cols, row = found
        for col, value in sample["values"].items():
            got = row[cols[col]]
            if isinstance(got, datetime.datetime):
                got = got.strftime("%Y-%m-%d")
            if isinstance(value, float) and isinstance(got, (int, float)):
                ok = abs(got - value) < 0.005
            else:
                ok = got == value
            check(ok, "%s %s=%s: %s is %r, the register has %r" % (table, key_col, key, col, got, value))

    # The summary: formulas whose cached values are what the formulas compute.
    ws, values = wb["汇总"], cached["汇总"]
    header_row = None
    for row in ws.iter_rows(min_row=1, max_row=20):
        if [c.value for c in row[:5]] == SUMMARY_HEADERS:
            header_row = row[0].row
    if check(header_row is not None, "汇总: no table header"):
        n_formulas = 0
        totals = {}
        for row in ws.iter_rows(min_row=header_row + 1):
            category, item = row[0].value, row[1].value
            if category is None:
                break  # the end of the table of counts
            for cell in row[2:5]:
                if cell.value is None:
                    continue
                n_formulas += 1
                value = values[cell.coordinate].value
                computed = evaluate(wb, cell.value, item)
                check(value is not None and computed is not None and abs(value - computed) < 0.005,
                      "汇总!%s (%s %s): cached %r, the sheets give %r" % (cell.coordinate, category, item, value, computed))
            if category == "合计":
                totals[item] = values[row[2].coordinate].value
        check(n_formulas > 50, "汇总: only %d formulas" % n_formulas)
        check(totals.get("户数") == expect["counts"]["户台账"], "汇总: 户数 %r" % totals.get("户数"))
        check(totals.get("人数") == expect["counts"]["人员台账"], "汇总: 人数 %r" % totals.get("人数"))
        # Lines the store counted with its own queries.
        lines = {(r[0], r[1]): r[2] for r in values.iter_rows(min_row=header_row + 1, values_only=True)
                 if r[0] is not None}
        for category, items in expect.get("summary", {}).items():
            for item, count in items.items():
                check(lines.get((category, item)) == count,
                      "汇总: %s %s is %r, the register has %d" % (category, item, lines.get((category, item)), count))
    # The four indicators (five figures), as the store computed them, under the table.
    expected = expect.get("indicators")
    rows = [r for r in values.iter_rows(values_only=True)]
    at = [i for i, r in enumerate(rows) if r[0] == "考核指标"]
    if expected is None:
        check(not at, "汇总: indicators present although none were given")
    elif check(len(at) == 1 and len(rows) >= at[0] + 1 + len(expected), "汇总: no indicators"):
        for (name, numerator, denominator), r in zip(expected, rows[at[0] + 1:]):
            check(r[0] == name and r[2] == numerator and r[3] == denominator,
                  "汇总: indicator %r, expected %r" % (r[:4], (name, numerator, denominator)))
            check(isinstance(r[1], (int, float)) or (denominator == 0 and r[1] == "—"),
                  "汇总: indicator value %r" % (r[1],))
    info = {r[0]: r[1] for r in values.iter_rows(min_row=2, max_row=9, values_only=True)}
    check(info.get("县") == expect["county"] and info.get("乡(镇)") == expect["township"]
          and info.get("制表人") == expect["operator"], "汇总: facts %r" % info)
    check(isinstance(info.get("生成时间"), datetime.datetime), "汇总: generated at %r" % info.get("生成时间"))

    # One village: every household of the ledger is in it.
    if expect.get("village"):
        for part in part_names("户台账", expect["counts"]["户台账"], max_rows):
            ws = wb[part]
            col = header_map(ws)["行政村"]
            for row in ws.iter_rows(min_row=3, values_only=True):
                check(row[col] == expect["village"], "%s: a household of %r" % (part, row[col]))
        check(info.get("范围") == expect["village"], "汇总: scope %r" % info.get("范围"))

    for f in failures[:40]:
        print(f)
    if len(failures) > 40:
        print("… and %d more" % (len(failures) - 40))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
