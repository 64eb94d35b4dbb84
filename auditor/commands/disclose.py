"""``auditor disclose BUILD``: the filings for the privacy policy (SDK list, personal information, permissions),
or a draft of Google Play's Data safety form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from auditor.commands.common import (
    BUILD_PATH,
    INPUT_PATH,
    bounded,
    echo_stderr,
    handle_errors,
    inputs_from,
    prepare_job,
    resource_options,
    write_output,
)
from auditor.disclose import build_tables
from auditor.errors import AuditorError
from auditor.report.interface import DiscloseFormat
from auditor.sanitize import one_line


@click.command()
@click.argument("build", type=BUILD_PATH)
@click.option("--scenes", type=INPUT_PATH, default=None,
              help="Business scenes YAML: which feature needs which permission (and which SDK).")
@click.option("--policy", type=INPUT_PATH, default=None,
              help="Also use the scenes read from this policy's scene table.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("--format", "fmt", type=click.Choice([f.value for f in DiscloseFormat]), default="html",
              show_default=True, help="html / md: the three lists; xlsx: a workbook, one sheet per list "
                                      "(needs -o); play-data-safety: Play Console Data safety CSV draft.")
@click.option("--all-permissions", is_flag=True, default=False,
              help="List every requested permission, also normal, signature and app-defined ones.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option("--catalog", "catalog_dir", type=INPUT_PATH, default=None)
@click.option("--no-code", "no_code", is_flag=True, default=False,
              help="Do not add data types reached by each SDK's code (catalog facts only).")
@resource_options
@handle_errors
def disclose(build: Path, lang: str, fmt: str, all_permissions: bool, output: Path | None, max_memory: int,
             max_seconds: float, **inputs: Any) -> None:
    """Generate the filings for BUILD from the build, the catalog's facts and the business scenes.

    Chinese lists follow the columns regulators check (第三方SDK清单, 个人信息收集清单, 权限清单); facts no
    source gives read "待补充" / "unknown" and are counted on stderr.
    """
    from auditor.report.registry import disclose_reporters

    form = DiscloseFormat(fmt)
    if form is DiscloseFormat.XLSX and output is None:
        raise AuditorError("--format xlsx writes a workbook: give -o FILE.xlsx")
    job = prepare_job(inputs_from(inputs))
    scan_result = bounded(job.scanner.scan, build, max_memory, max_seconds)
    scenes = job.scenes
    if job.disclosure is not None:
        from auditor.audit.policy_view import from_disclosure

        scenes = scenes + from_disclosure(job.disclosure).scenes
    tables = build_tables(scan_result, job.catalog, scenes, job.knowledge, lang,
                          include_all_permissions=all_permissions, code_analysed=not inputs.get("no_code"))
    write_output(disclose_reporters()[form].render(tables), output, fmt)
    if form is DiscloseFormat.PLAY_DATA_SAFETY:
        from auditor.report.play_data_safety import open_questions

        questions = open_questions(tables)
        echo_stderr(f"{len(questions)} answer{'s' if len(questions) != 1 else ''} left blank for a human to "
                    "give in the Play Console:")
        for q in questions:
            click.echo(f"  - {one_line(q)}", err=True)
    elif tables.unknown_cells():
        n = tables.unknown_cells()
        echo_stderr(f"{n} cell{'s' if n != 1 else ''} read {'待补充' if lang == 'zh' else 'unknown'}: "
                    "fill them in before publishing")
