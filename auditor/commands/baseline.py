"""``auditor baseline BUILD``: accept today's findings into a baseline file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from auditor.audit.baseline import load_baseline, render_baseline
from auditor.audit.model import Finding
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


@click.command()
@click.argument("build", type=BUILD_PATH)
@audit_inputs_options
@click.option("--mapping", type=BUILD_PATH, default=None,
              help="ProGuard/R8 mapping.txt: de-obfuscate class names before SDK detection and attribution.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Baseline file to write (default: stdout). Entries already in it keep their "
                   "justification and expiry.")
@click.option("--justification", default="accepted at baseline creation", show_default=True,
              help="Justification recorded for new entries.")
@click.option("--expires", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Expiry date (YYYY-MM-DD) for new entries.")
@resource_options
@handle_errors
def baseline(build: Path, mapping: Path | None, output: Path | None, justification: str,
             expires: dt.datetime | None, max_memory: int, max_seconds: float, **inputs: Any) -> None:
    """Write a baseline that accepts every current finding of BUILD."""
    job = prepare_job(inputs_from(inputs, mapping=mapping))
    _scan, audit = bounded(job.run, build, max_memory, max_seconds)
    findings: list[Finding] = list(audit.findings)
    previous = {e.fingerprint: e for e in load_baseline(output)} if output and output.exists() else {}
    text = render_baseline(findings, justification, expires.date().isoformat() if expires else "")
    if previous:
        import json

        doc = json.loads(text)
        for item in doc["entries"]:
            old = previous.get(item["fingerprint"])
            if old is not None:
                item["justification"] = old.justification or item["justification"]
                if old.expires:
                    item["expires"] = old.expires
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    write_output(text, output, "json")
    if output is not None:
        echo_stderr(f"baseline: {len(findings)} findings accepted -> {output}")
