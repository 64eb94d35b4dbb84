"""``auditor diff OLD NEW``: what changed between two builds, with an optional gate."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from auditor.audit.diff import diff_builds
from auditor.audit.model import Severity
from auditor.commands.common import (
    BUILD_PATH,
    audit_inputs_options,
    bounded,
    echo_stderr,
    handle_errors,
    inputs_from,
    prepare_job,
    resource_options,
    write_output,
)
from auditor.commands.scan import severity_option
from auditor.errors import ExitCode
from auditor.report.interface import DiffFormat


@click.command()
@click.argument("old", type=BUILD_PATH)
@click.argument("new", type=BUILD_PATH)
@audit_inputs_options
@severity_option("--fail-on", "Exit 1 when a NEW finding at or above this severity appears.")
@click.option("--fail-on-new-sdk", is_flag=True, help="Exit 1 when the new build adds an SDK.")
@click.option("--fail-on-new-permission", is_flag=True,
              help="Exit 1 when the new build adds a dangerous or special permission.")
@click.option("--format", "fmt", type=click.Choice([f.value for f in DiffFormat]), default="text",
              show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
@resource_options
@handle_errors
def diff(old: Path, new: Path, fail_on: Severity | None, fail_on_new_sdk: bool, fail_on_new_permission: bool,
         fmt: str, output: Path | None, max_memory: int, max_seconds: float, **inputs: Any) -> None:
    """Compare two builds: SDKs added/removed/version-changed, permissions added/removed, new findings."""
    job = prepare_job(inputs_from(inputs))
    old_scan, old_audit = bounded(job.run, old, max_memory, max_seconds)
    new_scan, new_audit = bounded(job.run, new, max_memory, max_seconds)
    from auditor.report.diff_render import diff_report
    from auditor.report.registry import diff_reporters

    report = diff_report(diff_builds(old_scan, new_scan, old_audit, new_audit), fail_on, fail_on_new_sdk,
                         fail_on_new_permission)
    for warning in report.warnings:
        echo_stderr(f"warning: {warning}")
    write_output(diff_reporters()[DiffFormat(fmt)].render(report), output, fmt)
    if report.verdict is not None and not report.verdict.passed:
        for reason in report.verdict.reasons:
            echo_stderr(f"gate tripped: {reason}")
        sys.exit(int(ExitCode.FINDINGS))
