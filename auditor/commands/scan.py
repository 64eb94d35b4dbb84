"""``auditor scan BUILD``: scan a build, hold it against a policy and scenes, report, gate CI."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from auditor.audit.model import Severity
from auditor.commands.common import (
    BUILD_PATH,
    INPUT_PATH,
    audit_inputs_options,
    bounded,
    handle_errors,
    inputs_from,
    resource_options,
    write_output,
)
from auditor.errors import ExitCode
from auditor.pipeline import Job
from auditor.report import json_report, sarif, text

FORMATS = ("text", "json", "sarif", "html", "md")


def render(fmt: str, scan: Any, audit: Any, fail_on: Severity | None) -> str:
    """Pick the reporter for ``fmt`` (every format in :data:`FORMATS` has one)."""
    if fmt == "text":
        return text.render(scan, audit, fail_on)
    if fmt == "json":
        return json_report.render(scan, audit, fail_on)
    if fmt == "sarif":
        return sarif.render(scan, audit)
    report = json_report.to_dict(scan, audit, fail_on)
    if fmt == "html":
        from auditor.audit.rules import all_rules
        from auditor.report import html

        return html.render(report, [r.info for r in all_rules()])
    if fmt == "md":
        from auditor.report import markdown

        return markdown.render(report)
    raise click.UsageError(f"unknown format {fmt}")


def severity_option(name: str, help_text: str) -> Callable[[Any], Any]:
    return click.option(name, "fail_on", type=click.Choice([s.label for s in Severity]), default=None,
                        callback=lambda _c, _p, v: Severity.parse(v) if v else None, help=help_text)


@click.command()
@click.argument("build", type=BUILD_PATH)
@audit_inputs_options
@click.option("--mapping", type=BUILD_PATH, default=None,
              help="ProGuard/R8 mapping.txt: de-obfuscate class names before SDK detection and attribution.")
@click.option("--baseline", type=INPUT_PATH, default=None,
              help="Accepted findings (from 'auditor baseline'); they do not fail the gate until they expire.")
@severity_option("--fail-on", "Exit 1 when a finding at or above this severity remains.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the report here instead of stdout.")
@click.option("--callgraph", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write the reachable call graph around personal-data call sites here (GraphML, "
                   "for Gephi or yEd).")
@resource_options
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, hidden=True,
              help="Date for baseline expiry (tests).")
@handle_errors
def scan(build: Path, mapping: Path | None, baseline: Path | None, fail_on: Severity | None, fmt: str,
         output: Path | None, callgraph: Path | None, max_memory: int, max_seconds: float,
         today: dt.datetime | None, **inputs: Any) -> None:
    """Scan BUILD: permissions, SDKs, personal-data call sites; with --policy, findings.

    BUILD is an APK, an AAB, a split set (.apks, .xapk, .apkm) or a directory of split APKs.

    Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage, 3 unreadable build,
    4 invalid catalog/policy/scenes/baseline/config.
    """
    job = Job.prepare(inputs_from(inputs, baseline=baseline, mapping=mapping,
                                  today=today.date() if today else None))
    scan_result, audit = bounded(job.run, build, max_memory, max_seconds)
    write_output(render(fmt, scan_result, audit, fail_on), output, fmt)
    if callgraph is not None:
        from auditor.code.export import to_graphml

        write_output(to_graphml(scan_result.data_access), callgraph, "graphml")
    if fail_on is not None and audit.at_or_above(fail_on):
        sys.exit(int(ExitCode.FINDINGS))
