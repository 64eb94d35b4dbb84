"""The reporter registries: every format of every kind of report, mapped to its reporter.

Explicit (no plug-in discovery); ``tests/report/test_registry.py`` checks that each enum member has one.
Renderer modules are imported when a registry is asked for, so ``auditor scan`` does not load openpyxl.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from auditor.report.interface import (
    DiffFormat,
    DiscloseFormat,
    Format,
    FunctionReporter,
    PolicyFormat,
    PortfolioFormat,
    Reporter,
)

if TYPE_CHECKING:  # pragma: no cover
    from auditor.disclose import DisclosureTables
    from auditor.policy import Disclosure
    from auditor.report.diff_render import DiffReport
    from auditor.report.model import ReportModel
    from auditor.report.portfolio_render import PortfolioReport


def _deferred(module: str, name: str) -> Callable[[ReportModel], str]:
    """``module.name``, imported on the first report in that format (a JSON scan does not load jinja2)."""
    def render(model: ReportModel) -> str:
        function: Callable[[ReportModel], str] = getattr(importlib.import_module(module), name)
        return function(model)
    return render


def scan_reporters() -> Mapping[Format, Reporter[ReportModel]]:
    return MappingProxyType({
        Format.TEXT: FunctionReporter(_deferred("auditor.report.text", "render")),
        Format.JSON: FunctionReporter(_deferred("auditor.report.json_report", "render_model")),
        Format.SARIF: FunctionReporter(_deferred("auditor.report.sarif", "render")),
        Format.HTML: FunctionReporter(_deferred("auditor.report.html", "render")),
        Format.MD: FunctionReporter(_deferred("auditor.report.markdown", "render")),
    })


def diff_reporters() -> Mapping[DiffFormat, Reporter[DiffReport]]:
    from auditor.report import diff_render

    return MappingProxyType({
        DiffFormat.TEXT: FunctionReporter(diff_render.render_text),
        DiffFormat.JSON: FunctionReporter(diff_render.render_json),
        DiffFormat.MD: FunctionReporter(diff_render.render_markdown),
    })


def disclose_reporters() -> Mapping[DiscloseFormat, Reporter[DisclosureTables]]:
    from auditor.report import disclose_render, disclose_xlsx, play_data_safety

    return MappingProxyType({
        DiscloseFormat.HTML: FunctionReporter(disclose_render.render_html),
        DiscloseFormat.MD: FunctionReporter(disclose_render.render_markdown),
        DiscloseFormat.XLSX: FunctionReporter(disclose_xlsx.render, binary=True),
        DiscloseFormat.PLAY_DATA_SAFETY: FunctionReporter(play_data_safety.render),
    })


def policy_reporters() -> Mapping[PolicyFormat, Reporter[Disclosure]]:
    from auditor.report import policy_render

    return MappingProxyType({
        PolicyFormat.TEXT: FunctionReporter(policy_render.render_text),
        PolicyFormat.JSON: FunctionReporter(policy_render.render_json),
    })


def portfolio_reporters() -> Mapping[PortfolioFormat, Reporter[PortfolioReport]]:
    from auditor.report import portfolio_render

    return MappingProxyType({
        PortfolioFormat.HTML: FunctionReporter(portfolio_render.render_html_report),
        PortfolioFormat.CSV: FunctionReporter(portfolio_render.render_csv_report),
    })
