#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the fuzzers' seed corpus: tests/fuzz/corpus-xlsx and corpus-csv (committed; run again
only to change the seeds; test-import writes them elsewhere with: make-corpus.py DIR). The
workbooks' parts are stored, not deflated, so that the fuzzer's
mutations reach the XML parsers instead of breaking the compressed data."""
import os
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook(path, sheets, shared=None, styles=None, date1904=False, prefix=""):
    p = prefix + ":" if prefix else ""
    xmlns = NS.replace("xmlns=", f"xmlns:{prefix}=") if prefix else NS
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        pr = f'<{p}workbookPr date1904="1"/>' if date1904 else ""
        entries = "".join(f'<{p}sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                          for i, (name, _) in enumerate(sheets))
        z.writestr("xl/workbook.xml", f'<{p}workbook {xmlns} {RNS}>{pr}<{p}sheets>{entries}'
                   f'</{p}sheets></{p}workbook>')
        rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" '
                       f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
        rels += f'<Relationship Id="rS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        rels += f'<Relationship Id="rT" Type="{REL}/styles" Target="styles.xml"/>'
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships">{rels}</Relationships>')
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", f"<{p}sst {xmlns}>{shared}</{p}sst>")
        if styles is not None:
            z.writestr("xl/styles.xml", f"<{p}styleSheet {xmlns}>{styles}</{p}styleSheet>")
        for i, (_, data) in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml",
                       f"<{p}worksheet {xmlns}><{p}sheetData>{data}</{p}sheetData>"
                       f'<{p}mergeCells count="1"><{p}mergeCell ref="A1:D1"/></{p}mergeCells>'
                       f"</{p}worksheet>")


STYLES = ('<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d'
          '&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00_);[Red]\\(0.00\\)"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
          '<xf numFmtId="165"/><xf numFmtId="49"/></cellXfs>')
SHARED = ('<si><t>某乡人员台账</t></si><si><t>户编号</t></si><si><t>姓名</t></si>'
          '<si><t>证件号码</t></si><si><t>与户主关系</t></si><si><r><t>张</t></r><r><t>三</t></r>'
          '<rPh sb="0" eb="1"><t>ちょう</t></rPh></si><si><t xml:space="preserve"> 户主 _x000D_</t></si>')
ROWS = ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c>'
        '<c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>4301020010010001</t></is></c>'
        '<c r="B3" t="s"><v>5</v></c><c r="C3"><v>4.30102197203E+17</v></c>'
        '<c r="D3" t="s"><v>6</v></c><c r="E3" s="1"><v>45356</v></c>'
        '<c r="F3" s="2"><v>60</v></c><c r="G3" t="b"><v>1</v></c><c r="H3" t="e"><v>#N/A</v></c>'
        '<c r="I3" t="str"><f>A3</f><v>x</v></c><c r="J3" t="d"><v>2024-03-05T00:00:00</v></c>'
        '<c r="K3" s="3"><v>3456.7800000000002</v></c></row>'
        '<row r="5"><c r="B5" t="inlineStr"><is><r><t>李</t></r><r><t>四</t></r></is></c>'
        '<c s="4" t="s"><v>3</v></c><c><v>61</v></c></row>')


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else here
    xdir = os.path.join(top, "corpus-xlsx")
    cdir = os.path.join(top, "corpus-csv")
    os.makedirs(xdir, exist_ok=True)
    os.makedirs(cdir, exist_ok=True)
    workbook(os.path.join(xdir, "shapes.xlsx"), [("人员", ROWS), ("空", "")], SHARED, STYLES)
    workbook(os.path.join(xdir, "date1904.xlsx"), [("Sheet1", ROWS)], SHARED, STYLES, True)
    workbook(os.path.join(xdir, "prefixed.xlsx"), [("x", ROWS)], SHARED, STYLES, prefix="x")
    workbook(os.path.join(xdir, "bare.xlsx"),
             [("s", '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>')])
    text = ('户编号,姓名,证件号码,与户主关系,出生日期,人均纯收入\r\n'
            '4301020010010001,张三,430102197203150013,户主,2024/3/5,"3,456.78"\r\n'
            '\r\n,,,,,\r\n4301020010010001,"李""四",4.30102197203E+17,"配\n偶",45356,12元\r\n')
    with open(os.path.join(cdir, "utf8.csv"), "wb") as f:
        f.write(text.encode("utf-8"))
    with open(os.path.join(cdir, "bom.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + text.encode("utf-8"))
    with open(os.path.join(cdir, "gb18030.csv"), "wb") as f:
        f.write(text.encode("gb18030"))
    with open(os.path.join(cdir, "utf16.csv"), "wb") as f:
        f.write(text.replace(",", "\t").encode("utf-16"))
    with open(os.path.join(cdir, "semicolon.csv"), "wb") as f:
        f.write(text.replace(",", ";").encode("utf-8"))


if __name__ == "__main__":
    sys.exit(main())
