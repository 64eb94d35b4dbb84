"""``auditor policy FILE``: what a privacy policy discloses (SDK rows, permissions by scene, data types)."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.catalog import load_catalog
from auditor.collector import collector_paused
from auditor.commands.common import INPUT_PATH, handle_errors, write_output
from auditor.policy import read_policy
from auditor.report.interface import PolicyFormat


@click.command("policy")
@click.argument("file", type=INPUT_PATH)
@click.option("--format", "fmt", type=click.Choice([f.value for f in PolicyFormat]), default="text",
              show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write to this file instead of stdout.")
@click.option("--catalog", "catalog_dir", type=INPUT_PATH, default=None,
              help="Catalog directory (default: the bundled one).")
@handle_errors
def policy(file: Path, fmt: str, output: Path | None, catalog_dir: Path | None) -> None:
    """Read a privacy policy (text, HTML, Markdown, PDF, DOCX) and show what it discloses."""
    from auditor.report.registry import policy_reporters

    with collector_paused():  # a long policy allocates ~10^6 objects and no cycles worth collecting early
        disclosure = read_policy(file, load_catalog(catalog_dir))
        report = policy_reporters()[PolicyFormat(fmt)].render(disclosure)
    write_output(report, output, fmt)
