"""Pure renderers of a :class:`~auditor.batch.portfolio.Portfolio`: HTML page, CSV text, Arrow table.

The caller writes the files (``auditor.batch.store``). HTML goes through Jinja with autoescape on and
strict undefined names; the page is self-contained (inline CSS, no script).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from auditor.batch.model import BatchSummary
from auditor.batch.portfolio import COLUMNS, SEVERITIES, Portfolio, table_rows
from auditor.sanitize import spreadsheet_cell

MAX_HTML_COLUMNS = 200
"""Apps shown in the HTML matrices; the table files always hold every app."""


def render_html(portfolio: Portfolio, summary: BatchSummary) -> str:
    env = Environment(loader=PackageLoader("auditor", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    shown = portfolio.columns[:MAX_HTML_COLUMNS]
    width = len(shown)
    return env.get_template("portfolio.html.j2").render(
        p=portfolio, summary=summary, severities=SEVERITIES, columns=shown,
        hidden_columns=len(portfolio.columns) - width,
        sdk_rows=[(row, row.cells[:width]) for row in portfolio.sdk_rows],
        permission_rows=[(row, row.cells[:width]) for row in portfolio.permission_rows],
        totals=portfolio.severity_totals(),
    )


def render_csv(portfolio: Portfolio) -> str:
    """The table as CSV; text cells a spreadsheet would run as formulas are neutralised."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in table_rows(portfolio):
        writer.writerow({k: ("" if v is None else spreadsheet_cell(v)) for k, v in row.items()})
    return out.getvalue()


def arrow_table(portfolio: Portfolio) -> Any:
    """The table as a ``pyarrow.Table`` (write it with ``pyarrow.parquet.write_table``)."""
    import pyarrow as pa

    schema = pa.schema([
        ("app", pa.string()), ("package", pa.string()), ("version", pa.string()), ("version_code", pa.int64()),
        ("sha256", pa.string()), ("path", pa.string()), ("status", pa.string()), ("kind", pa.string()),
        ("item", pa.string()), ("detail", pa.string()), ("value", pa.int64()),
    ])
    rows: Sequence[dict[str, object]] = table_rows(portfolio)
    return pa.Table.from_pylist(list(rows), schema=schema)
