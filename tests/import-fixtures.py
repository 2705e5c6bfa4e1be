#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the import tests' workbooks and CSV files into DIR (test-import.c checks what is read):
  national.xlsx   the national person list under a merged title row, on the second sheet, with
                  dates as dates, as serial numbers and as text, an empty row, IDs stored as
                  numbers, a duplicate person, an unknown word
  renamed.xlsx    a home-made sheet: other headers, no household number, a birth date that
                  contradicts the ID number
  renamed-utf8.csv, renamed-bom.csv, renamed-gb18030.csv   the same rows as CSV
  dates.xlsx      date cells 59, 60, 61 (the 1900 leap-year bug) and a numeric cell
  dates1904.xlsx  a workbook in the 1904 date system
  many.xlsx       the national person list of 600 households of one person each: long enough
                  for the reading's progress to be told while households are written
Usage: import-fixtures.py DIR"""
import datetime
import os
import sys

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(first17):
    s = sum(int(d) * w for d, w in zip(first17, WEIGHTS))
    return first17 + "10X98765432"[s % 11]


NATIONAL = ["县", "乡(镇)", "行政村", "村民小组", "户编号", "人编号", "姓名", "证件号码", "人数",
            "与户主关系", "民族", "文化程度", "在校生状况", "健康状况", "劳动技能", "务工时间(月)",
            "是否参加大病保险", "致贫原因", "危房户", "是否解决安全饮用水", "人均纯收入", "联系电话",
            "首次识别时间", "户类型", "监测对象类型", "风险是否消除"]


def person(number, person_no, name, ident, count, relation, first_identified, attribute,
           cause="因病", health="健康", group="1组", income=3456.78, school="非在校生",
           education="小学"):
    return ["青山县", "石门乡", "清水村", group, number, person_no, name, ident, count, relation,
            "汉族", education, school, health, "普通劳动力", 0, "是", cause, "否", "是", income,
            "13800001234", first_identified, attribute, None, None]


def national(path):
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    notes["A1"] = "本表由国家防返贫监测信息系统导出"
    ws = wb.create_sheet("人员台账")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(NATIONAL))
    ws["A1"] = "青山县石门乡脱贫人口信息表"
    ws.append(NATIONAL)
    h1, h2 = "4301020010010001", "4301020010010002"
    rows = [
        # 3–5: household 1, first identified as a date cell, a serial number and a date cell
        person(h1, h1 + "01", "张大山", id_number("43010219720315001"), 3, "户主",
               datetime.date(2016, 5, 10), "五保户", health="残疾二级"),
        person(h1, h1 + "02", "李秀英", id_number("43010219740620002"), 3, "配偶",
               datetime.date(2016, 5, 10), "五保户"),
        person(h1, h1 + "03", "张小明", id_number("43010220050101003"), 3, "子", 42500,
               "五保户", school="高中/中职", education="初中"),
        # 6, (7 empty), 8: household 2, dates as text
        person(h2, h2 + "01", "王建国", id_number("43010219800808005"), 2, "户主", "2017/3/5",
               "低保户", cause="因学致贫", group="2组", income="2,800.5"),
        None,
        person(h2, h2 + "02", "王丽", id_number("43010220100202006"), 2, "女", "2017年3月5日",
               "低保户", cause="因学致贫", group="2组", income="2,800.5", school="小学"),
        # 9–10: the head's ID stored as a number: the whole household is refused
        person("4301020010010003", None, "赵四", int(id_number("43010219650505007")), 2, "户主",
               "2018-01-01", "一般户"),
        person("4301020010010003", None, "钱五", id_number("43010219660606008"), 2, "妻",
               "2018-01-01", "一般户"),
        # 11: what Excel shows of a long number, typed back as text
        person("4301020010010004", None, "孙六", "4.30102197203E+17", 1, "户主", "2018-01-01",
               "一般户"),
        # 12: the last digits zeroed
        person("4301020010010005", None, "周七", "430102197203150000", 1, "户主", "2018-01-01",
               "一般户"),
        # 13: 张大山 again
        person("4301020010010006", None, "吴八", id_number("43010219720315001"), 1, "户主",
               "2018-01-01", "一般户"),
        # 14: a health word no list has
        person("4301020010010007", None, "郑九", id_number("43010219580101009"), 1, "户主",
               "2018-01-01", "一般户", health="很好"),
        # 15: a date as digits
        person("4301020010010008", None, "冯十", id_number("43010219590101001"), 1, "户主",
               "20240305", "特困供养户", cause="缺劳力"),
    ]
    for row in rows:
        ws.append(row if row is not None else [])
    for r in range(3, ws.max_row + 1):
        ws.cell(r, 23).number_format = "yyyy-mm-dd" if r != 5 else "General"
    wb.save(path)


RENAMED = ["序号", "户主姓名", "成员姓名", "身份证号码", "与户主的关系", "村", "组", "家庭住址",
           "贫困户属性", "健康状况", "出生日期"]


def renamed_rows():
    return [
        ["1", "张大山", "张大山", id_number("43010219720315001"), "户主", "清水村", "1组",
         "清水村1组1号", "五保户", "健康", "1972-03-15"],
        ["2", "张大山", "李秀英", id_number("43010219740620002"), "妻子", "清水村", "1组",
         "清水村1组1号", "五保户", "慢性病", "1974/6/20"],
        ["3", "李四", "李四", id_number("43010219700101001"), "本人", "清水村", "3组",
         "清水村3组5号", "低保", "健康", ""],
        ["4", "李四", "李小四", id_number("43010220000101003"), "儿子", "清水村", "3组",
         "清水村3组5号", "低保", "健康", "2001-01-01"],
    ]


def renamed(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(RENAMED)
    for row in renamed_rows():
        ws.append(row)
    wb.save(path)


def csv_files(out):
    lines = [",".join(RENAMED)] + [",".join(r) for r in renamed_rows()]
    text = "\r\n".join(lines) + "\r\n"
    with open(os.path.join(out, "renamed-utf8.csv"), "wb") as f:
        f.write(text.encode("utf-8"))
    with open(os.path.join(out, "renamed-bom.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + text.encode("utf-8"))
    with open(os.path.join(out, "renamed-gb18030.csv"), "wb") as f:
        f.write(text.encode("gb18030"))


def dates(path, epoch1904):
    wb = openpyxl.Workbook()
    if epoch1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["date", "serial"])
    if epoch1904:
        ws.append([datetime.date(2024, 3, 5), 0])
        ws["B2"].number_format = "yyyy-mm-dd"
    else:
        for serial in (59, 60, 61):
            ws.append([serial, serial])
            ws.cell(ws.max_row, 1).number_format = "yyyy/m/d"
        ws.append([datetime.date(2024, 3, 5), 45356])
    wb.save(path)


def many(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(NATIONAL)
    for i in range(600):
        number = "430102001002%04d" % i
        birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=i)
        ws.append(person(number, number + "01", "王%d" % i,
                         id_number("430102" + birth.strftime("%Y%m%d") + "001"), 1,
                         "户主", "2018-01-01", "一般户"))
    wb.save(path)


def main():
    out = sys.argv[1]
    national(os.path.join(out, "national.xlsx"))
    renamed(os.path.join(out, "renamed.xlsx"))
    csv_files(out)
    dates(os.path.join(out, "dates.xlsx"), False)
    dates(os.path.join(out, "dates1904.xlsx"), True)
    many(os.path.join(out, "many.xlsx"))


if __name__ == "__main__":
    sys.exit(main())
