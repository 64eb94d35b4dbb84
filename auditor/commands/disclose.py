"""``auditor disclose BUILD``: the SDK table and the permission-by-scene table for the privacy policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from auditor.commands.common import (
    BUILD_PATH,
    INPUT_PATH,
    bounded,
    handle_errors,
    inputs_from,
    resource_options,
    write_output,
)
from auditor.disclose import build_tables
from auditor.pipeline import Job
from auditor.report import disclose_render


@click.command()
@click.argument("build", type=BUILD_PATH)
@click.option("--scenes", type=INPUT_PATH, default=None,
              help="Business scenes YAML: which feature needs which permission.")
@click.option("--policy", type=INPUT_PATH, default=None,
              help="Also use the scenes read from this policy's scene table.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option("--catalog", "catalog_dir", type=INPUT_PATH, default=None)
@click.option("--no-code", "no_code", is_flag=True, default=False,
              help="Do not add data types reached by each SDK's code (catalog facts only).")
@resource_options
@handle_errors
def disclose(build: Path, lang: str, fmt: str, output: Path | None, max_memory: int, max_seconds: float,
             **inputs: Any) -> None:
    """Generate disclosure tables from BUILD + catalog + scenes, ready to paste into a privacy policy.

    The Chinese SDK table uses the fields app stores check: SDK名称, 第三方主体, 使用目的,
    收集个人信息类型, 隐私政策链接.
    """
    job = Job.prepare(inputs_from(inputs))
    scan_result = bounded(job.scanner.scan, build, max_memory, max_seconds)
    scenes = job.scenes
    if job.disclosure is not None:
        from auditor.audit.policy_view import from_disclosure

        scenes = scenes + from_disclosure(job.disclosure).scenes
    tables = build_tables(scan_result, job.catalog, scenes, job.knowledge, lang)
    write_output(disclose_render.render(tables, fmt), output, fmt)
