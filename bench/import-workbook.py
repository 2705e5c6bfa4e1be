#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a national-shape person list (docs/domain.md §9) of PEOPLE rows, four people a
household, as Excel writes one: every text in the shared strings, dates as date-formatted serial
numbers, a merged title row above the header; and the same rows as a GB18030 CSV file (dates as
text), as WPS saves one on a Chinese Windows.
Usage: import-workbook.py PEOPLE OUT.xlsx OUT.csv"""
import datetime
import sys
import zipfile
from xml.sax.saxutils import escape

HEADERS = ["县", "乡(镇)", "行政村", "村民小组", "户编号", "人编号", "姓名", "证件号码", "人数",
           "与户主关系", "民族", "文化程度", "在校生状况", "健康状况", "劳动技能", "务工时间(月)",
           "是否参加大病保险", "致贫原因", "危房户", "是否解决安全饮用水", "人均纯收入", "联系电话",
           "首次识别时间", "户类型", "监测对象类型", "风险是否消除"]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "建国秀英小明丽华军伟芳敏静强磊洋艳勇杰娟涛超"
RELATIONS = ["户主", "配偶", "子", "女"]
ATTRIBUTES = ["一般贫困户", "低保贫困户", "特困供养户"]
CAUSES = ["因病", "因残", "因学", "缺技术", "缺劳力", "缺资金"]
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def id_number(k):
    birth = datetime.date(1940, 1, 1) + datetime.timedelta(days=k // 500)
    first17 = "430102" + birth.strftime("%Y%m%d") + "%03d" % (k % 500 * 2 + 1)
    s = sum(int(d) * w for d, w in zip(first17, WEIGHTS))
    return first17 + "10X98765432"[s % 11]


class Strings:
    def __init__(self):
        self.index = {}

    def __call__(self, text):
        i = self.index.get(text)
        if i is None:
            i = self.index[text] = len(self.index)
        return i


def col(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def serial_text(serial):
    return (datetime.date(1899, 12, 30) + datetime.timedelta(days=serial)).isoformat()


def main():
    people, out, csv_out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    strings = Strings()
    cols = [col(i) for i in range(len(HEADERS))]
    csv = open(csv_out, "w", encoding="gb18030", newline="")
    csv.write(",".join(HEADERS) + "\r\n")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            def put(text):
                f.write(text.encode("utf-8"))
            put(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}><sheetData>')
            put(f'<row r="1"><c r="A1" t="s"><v>{strings("青山县石门乡脱贫人口信息表")}</v></c></row>')
            put('<row r="2">' + "".join(f'<c r="{cols[i]}2" t="s"><v>{strings(h)}</v></c>'
                                       for i, h in enumerate(HEADERS)) + "</row>")
            for k in range(people):
                h = k // 4
                r = k + 3
                number = "43010200%02d%06d" % (h % 20 + 1, h)
                size = 4
                values = ["青山县", "石门乡", "村%d" % (h % 20 + 1), "%d组" % (h % 7 + 1), number,
                          number + "%02d" % (k % 4 + 1),
                          SURNAMES[h % 20] + GIVEN[k % 20] + GIVEN[(k // 20) % 20],
                          id_number(k), size, RELATIONS[k % 4], "汉族", "初中", "非在校生", "健康",
                          "普通劳动力", 6, "是", CAUSES[h % 6], "否", "是",
                          round(2000 + (h * 37) % 8000 + (h % 100) / 100, 2), "138%08d" % h,
                          ("date", 42500 + h % 1500), ATTRIBUTES[h % 3], None, None]
                cells = []
                for i, v in enumerate(values):
                    ref = f"{cols[i]}{r}"
                    if v is None:
                        continue
                    if isinstance(v, tuple):
                        cells.append(f'<c r="{ref}" s="1"><v>{v[1]}</v></c>')
                    elif isinstance(v, str):
                        cells.append(f'<c r="{ref}" t="s"><v>{strings(v)}</v></c>')
                    else:
                        cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                put(f'<row r="{r}">' + "".join(cells) + "</row>")
                csv.write(",".join("" if v is None else serial_text(v[1]) if isinstance(v, tuple)
                                   else str(v) for v in values) + "\r\n")
            put(f'</sheetData><mergeCells count="1"><mergeCell ref="A1:{cols[-1]}1"/></mergeCells>'
                '</worksheet>')
        sst = "".join(f"<si><t>{escape(t)}</t></si>" for t in strings.index)
        z.writestr("xl/sharedStrings.xml", f'<sst {NS} count="{len(strings.index)}" '
                   f'uniqueCount="{len(strings.index)}">{sst}</sst>')
        z.writestr("xl/styles.xml", f'<styleSheet {NS}><cellXfs count="2"><xf numFmtId="0"/>'
                   '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
        z.writestr("xl/workbook.xml", f'<workbook {NS} xmlns:r="{REL}"><sheets><sheet name="人员台账" '
                   'sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                   f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
                   f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
        ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                   'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
                   f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
                   f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
                   f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
    csv.close()


if __name__ == "__main__":
    sys.exit(main())
