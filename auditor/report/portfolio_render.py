"""Pure renderers of a :class:`~auditor.batch.portfolio.Portfolio`: HTML page, CSV text, Arrow table.

The caller writes the files (``auditor.batch.store``). HTML goes through Jinja with autoescape on and
strict undefined names; the page is self-contained (inline CSS, no script).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditor.report.html import environment

if TYPE_CHECKING:  # the batch package imports this module: no import of it at load time
    from auditor.batch.model import BatchSummary
    from auditor.batch.portfolio import Portfolio

MAX_HTML_COLUMNS = 200
"""Apps shown in the HTML matrices; the table files always hold every app."""


def render_html(portfolio: Portfolio, summary: BatchSummary) -> str:
    from auditor.batch.portfolio import SEVERITIES

    env = environment()
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
    from auditor.batch.portfolio import COLUMNS, table_rows
    from auditor.sanitize import spreadsheet_cell

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in table_rows(portfolio):
        writer.writerow({k: ("" if v is None else spreadsheet_cell(_shown(v))) for k, v in row.items()})
    return out.getvalue()


def arrow_table(portfolio: Portfolio) -> Any:
    """The table as a ``pyarrow.Table`` (write it with ``pyarrow.parquet.write_table``)."""
    import pyarrow as pa

    from auditor.batch.portfolio import table_rows

    schema = pa.schema([
        ("app", pa.string()), ("package", pa.string()), ("version", pa.string()), ("version_code", pa.int64()),
        ("sha256", pa.string()), ("path", pa.string()), ("status", pa.string()), ("kind", pa.string()),
        ("item", pa.string()), ("detail", pa.string()), ("value", pa.int64()),
    ])
    rows: Sequence[dict[str, object]] = [{k: _shown(v) for k, v in row.items()} for row in table_rows(portfolio)]
    return pa.Table.from_pylist(list(rows), schema=schema)


def _shown(value: object) -> object:
    """Text as the table files hold it: control characters and the bytes of non-UTF-8 file names escaped
    (:func:`~auditor.sanitize.terminal_text`), so every cell is valid UTF-8 and safe to print."""
    from auditor.sanitize import terminal_text

    return terminal_text(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class PortfolioReport:
    """What the portfolio reporters lay out: the matrices and the batch's summary."""

    portfolio: Portfolio
    summary: BatchSummary


def render_html_report(report: PortfolioReport) -> str:
    return render_html(report.portfolio, report.summary)


def render_csv_report(report: PortfolioReport) -> str:
    return render_csv(report.portfolio)
