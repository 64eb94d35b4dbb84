"""The filings as an Excel workbook (``auditor disclose --format xlsx``): one sheet per list.

Written with openpyxl (a maintained library); the cells are :func:`auditor.report.disclose_render.sheets`,
each neutralised against formula injection (:func:`auditor.sanitize.spreadsheet_cell`). Header row bold
and frozen, columns sized to their text, long cells wrapped. Pure: returns the workbook's bytes.
"""

from __future__ import annotations

import datetime as dt
import io

from auditor.disclose import DisclosureTables
from auditor.report.disclose_render import sheets
from auditor.report.textwidth import width
from auditor.sanitize import spreadsheet_cell

MAX_COLUMN_WIDTH = 60
FIXED_TIME = dt.datetime(2000, 1, 1)
"""Workbook creation time written into the file (the same input gives the same workbook content)."""


def render(tables: DisclosureTables) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    book.properties.creator = "auditor"
    book.properties.created = book.properties.modified = FIXED_TIME
    for sheet in sheets(tables):
        ws = book.create_sheet(title=sheet.title[:31])
        ws.append([spreadsheet_cell(h) for h in sheet.headers])
        for row in sheet.rows:
            ws.append([spreadsheet_cell(c) for c in row])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for i, header in enumerate(sheet.headers, start=1):
            texts = [header, *(row[i - 1] for row in sheet.rows)]
            letter = ws.cell(row=1, column=i).column_letter
            ws.column_dimensions[letter].width = min(MAX_COLUMN_WIDTH, max(width(t) for t in texts) + 2)
        for row_cells in ws.iter_rows(min_row=2):
            for cell in row_cells:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
