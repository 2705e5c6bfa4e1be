# SPDX-License-Identifier: GPL-3.0-or-later
"""The reference for bench-ledger.sh: the same ledger rows written with python3-xlsxwriter.

usage: /usr/bin/python3 ledger-reference.py REGISTER YEAR QUARTER OUT.xlsx

Reads the register with Python's sqlite3 module (the same queries as src/store/bf-store-ledger.c,
township scope) and writes the same sheets and rows as the C writer in constant_memory mode:
codes turned into the ledger's words, dates as dates, money in yuan, ID numbers and phones as text.
It is a yardstick, not the product: no summary formulas, no continuation sheets.
"""

import datetime
import os
import re
import sqlite3
import sys

import xlsxwriter

HOUSEHOLD_FROM = (
    " FROM households h JOIN villages vl ON vl.id = h.village_id"
    " LEFT JOIN village_groups gr ON gr.id = h.group_id")
SCOPE = " h.deleted_at IS NULL"

TABLES = [
    ("户台账",
     "SELECT h.number, vl.name, gr.name, h.head_name, hm.id_number AS id_number, h.member_count,"
     " h.attribute, h.monitoring_type, h.standard, h.primary_cause, h.other_cause_1, h.status,"
     " h.status_since AS status_since_date, h.per_capita_fen, h.phone AS phone, hp.name,"
     " hp.phone AS helper_phone, h.first_identified_on AS first_date, h.dangerous_house,"
     " h.relocated, (SELECT s.water_secured FROM surveys s WHERE s.household_id = h.id"
     " AND s.deleted_at IS NULL ORDER BY s.year DESC, s.surveyed_on DESC, s.id DESC LIMIT 1),"
     " h.farmland_mu, h.address" + HOUSEHOLD_FROM +
     " LEFT JOIN members hm ON hm.household_id = h.id AND hm.relation = 'head' AND hm.deleted_at IS NULL"
     " LEFT JOIN helpers hp ON hp.id = h.helper_id WHERE" + SCOPE + " ORDER BY h.number"),
    ("人员台账",
     "SELECT :county, :township, vl.name, gr.name, h.number, m.person_number, m.name,"
     " m.id_number AS id_number, h.member_count, m.relation, m.ethnicity, m.education,"
     " m.school_status, m.health, m.labour, m.work_months, m.serious_illness_insurance,"
     " h.primary_cause, h.dangerous_house, s.water_secured, h.per_capita_fen,"
     " coalesce(nullif(m.phone, ''), h.phone) AS phone, h.first_identified_on AS first_date,"
     " h.attribute, h.monitoring_type, h.status, m.sex, m.birth_date AS birth_date,"
     " m.disability_grade, m.work_status, m.medical_insurance, m.pension_insurance, h.status"
     + HOUSEHOLD_FROM +
     " LEFT JOIN surveys s ON s.id = (SELECT s2.id FROM surveys s2 WHERE s2.household_id = h.id"
     " AND s2.deleted_at IS NULL ORDER BY s2.year DESC, s2.surveyed_on DESC, s2.id DESC LIMIT 1)"
     " CROSS JOIN members m ON m.household_id = h.id AND m.deleted_at IS NULL WHERE" + SCOPE +
     " ORDER BY h.number, m.relation <> 'head', m.person_number, m.id"),
    ("帮扶措施",
     "SELECT h.number, vl.name, gr.name, h.head_name, p.year, m.category, m.subtype,"
     " m.description, m.department, (SELECT name FROM helpers WHERE id = m.helper_id),"
     " m.starts_on AS starts_date, m.due_on AS due_date, m.budget_fen, m.spent_fen, m.status,"
     " m.completed_on AS completed_date, m.effect, m.household_confirmed" + HOUSEHOLD_FROM +
     " JOIN measures m ON m.household_id = h.id AND m.deleted_at IS NULL"
     " JOIN plans p ON p.id = m.plan_id AND p.deleted_at IS NULL AND p.year = :year WHERE" + SCOPE +
     " ORDER BY h.number, m.id"),
    ("走访记录",
     "SELECT h.number, vl.name, gr.name, h.head_name, vi.visited_on AS visited_date, vi.visitor,"
     " vi.mode, vi.findings, vi.problems, vi.rectification, vi.deadline AS deadline_date,"
     " vi.rectified_on AS rectified_date, vi.satisfaction" + HOUSEHOLD_FROM +
     " JOIN visits vi ON vi.household_id = h.id AND vi.deleted_at IS NULL"
     " AND vi.visited_on BETWEEN :first AND :last WHERE" + SCOPE +
     " ORDER BY vi.visited_on, h.number, vi.id"),
    ("动态调整",
     "SELECT h.number, vl.name, gr.name, h.head_name, a.kind, a.subkind,"
     " a.adjusted_on AS adjusted_date, a.reason, a.approval, a.document_number" + HOUSEHOLD_FROM +
     " JOIN adjustments a ON a.household_id = h.id AND a.deleted_at IS NULL"
     " AND a.adjusted_on BETWEEN :first AND :last WHERE" + SCOPE +
     " ORDER BY a.adjusted_on, h.number, a.id"),
    ("公示与异议",
     "SELECT n.title, n.kind, n.issuing_body, n.starts_on AS starts_date, n.ends_on AS ends_date,"
     " n.state, h.number, vl.name, h.head_name, h.member_count, i.reason,"
     " i.removed_on AS removed_date, i.removed_reason, o.received_on AS received_date, o.content,"
     " o.verification, o.result, o.consequence, o.decided_on AS decided_date"
     " FROM notices n JOIN notice_items i ON i.notice_id = n.id AND i.deleted_at IS NULL"
     " JOIN households h ON h.id = i.household_id JOIN villages vl ON vl.id = h.village_id"
     " LEFT JOIN objections o ON o.notice_id = n.id AND o.household_id = i.household_id"
     " AND o.deleted_at IS NULL WHERE n.deleted_at IS NULL AND n.state <> 'draft'"
     " AND n.starts_on <= :last AND n.ends_on >= :first"
     " ORDER BY n.starts_on, n.id, i.position, o.received_on, o.id"),
]


def words():
    """code → the ledger's word, from the C writer's own table."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "report", "bf-ledger-labels.c")
    with open(path, encoding="utf-8") as f:
        return dict(re.findall(r'\{ "([a-z_]+)", "([^"]+)" \}', f.read()))


def main():
    register, year, quarter, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    first = datetime.date(year, 3 * quarter - 2, 1)
    last = (datetime.date(year + quarter // 4, (3 * quarter) % 12 + 1, 1) - datetime.timedelta(days=1))
    word = words()

    db = sqlite3.connect("file:%s?mode=ro" % register, uri=True)
    county, township = db.execute("SELECT county, township FROM register_info").fetchone()
    params = {"county": county, "township": township, "year": year,
              "first": first.isoformat(), "last": last.isoformat()}

    workbook = xlsxwriter.Workbook(out, {"constant_memory": True,
                                         "tmpdir": os.path.dirname(os.path.abspath(out))})
    header = workbook.add_format({"bold": True, "text_wrap": True, "border": 1})
    text = workbook.add_format({"num_format": "@"})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    money = workbook.add_format({"num_format": "#,##0.00"})
    rows = 0
    for name, sql in TABLES:
        sheet = workbook.add_worksheet(name)
        cursor = db.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        sheet.merge_range(0, 0, 0, len(columns) - 1, county + township + name)
        for c, column in enumerate(columns):
            sheet.write_string(1, c, column, header)
        kinds = []
        for column in columns:
            if column.endswith("_fen"):
                kinds.append("money")
            elif column.endswith("_date") or column in ("first_date", "birth_date"):
                kinds.append("date")
            elif column in ("id_number", "phone", "helper_phone", "number", "person_number"):
                kinds.append("text")
            else:
                kinds.append("value")
        r = 2
        for row in cursor:
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                kind = kinds[c]
                if kind == "money":
                    sheet.write_number(r, c, value / 100.0, money)
                elif kind == "date":
                    sheet.write_datetime(r, c, datetime.datetime.strptime(value[:10], "%Y-%m-%d"), date)
                elif kind == "text":
                    sheet.write_string(r, c, value, text)
                elif isinstance(value, str):
                    sheet.write_string(r, c, word.get(value, value))
                else:
                    sheet.write_number(r, c, value)
            r += 1
        rows += r - 2
        sheet.freeze_panes(2, 0)
        sheet.autofilter(1, 0, max(r - 1, 2), len(columns) - 1)
    workbook.close()
    print("%d rows" % rows)


if __name__ == "__main__":
    main()
