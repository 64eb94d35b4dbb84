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
    prepare_job,
    resource_options,
    write_output,
)
from auditor.errors import ExitCode
from auditor.pipeline import Job
from auditor.report.interface import Format

FORMATS = tuple(f.value for f in Format)


def render(fmt: str, model: Any) -> str | bytes:
    """The report of ``model`` in ``fmt`` (every :class:`Format` has a reporter in the registry)."""
    from auditor.report.registry import scan_reporters

    return scan_reporters()[Format(fmt)].render(model)


def report_model(job: Job, scan: Any, audit: Any, fail_on: Severity | None, source_root: Path | None) -> Any:
    """The report model of one scan (reads ``--source-root`` here: reporters do no I/O)."""
    import os

    from auditor.audit.policy_view import from_disclosure
    from auditor.report.model import build_model

    sources = None
    if source_root is not None:
        from auditor.report.sourceroot import index_source_root

        sources = index_source_root(source_root)
    policy = from_disclosure(job.disclosure) if job.disclosure is not None else None
    return build_model(scan, audit, job.catalog, policy=policy, knowledge=job.knowledge, config=job.config,
                       fail_on=fail_on, sources=sources, work_dir=os.getcwd())


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
@click.option("--source-root", type=INPUT_PATH, default=None,
              help="The app's source repository: SARIF results point at its manifest, dependency and source "
                   "lines (URIs relative to it).")
@resource_options
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, hidden=True,
              help="Date for baseline expiry (tests).")
@handle_errors
def scan(build: Path, mapping: Path | None, baseline: Path | None, fail_on: Severity | None, fmt: str,
         output: Path | None, callgraph: Path | None, source_root: Path | None, max_memory: int,
         max_seconds: float, today: dt.datetime | None, **inputs: Any) -> None:
    """Scan BUILD: permissions, SDKs, personal-data call sites; with --policy, findings.

    BUILD is an APK, an AAB, a split set (.apks, .xapk, .apkm) or a directory of split APKs.

    Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage, 3 unreadable build,
    4 invalid catalog/policy/scenes/baseline/config.
    """
    job = prepare_job(inputs_from(inputs, baseline=baseline, mapping=mapping,
                                  today=today.date() if today else None))
    scan_result, audit = bounded(job.run, build, max_memory, max_seconds)
    model = report_model(job, scan_result, audit, fail_on, source_root)
    write_output(render(fmt, model), output, fmt)
    if callgraph is not None:
        from auditor.code.export import to_graphml

        write_output(to_graphml(scan_result.data_access), callgraph, "graphml")
    if fail_on is not None and audit.at_or_above(fail_on):
        sys.exit(int(ExitCode.FINDINGS))
