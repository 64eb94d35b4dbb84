"""``auditor batch BUILDS -o OUT``: scan many builds on every core, or on a Dask cluster; portfolio report.

Exit codes: 0 every build scanned (or ``--keep-going``), 2 usage (no builds, unreachable scheduler),
3 at least one build failed (the batch still scans every other build first), 4 invalid policy map,
policy, scenes, config or catalog.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from auditor.collector import kept_until_exit
from auditor.commands.common import (
    BUILD_PATH,
    INPUT_PATH,
    audit_inputs_options,
    echo_stderr,
    handle_errors,
    inputs_from,
)
from auditor.errors import ExitCode
from auditor.resources import DEFAULT_MAX_SECONDS


@click.command()
@click.argument("builds", type=BUILD_PATH)
@click.option("-o", "--output", "out", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Output directory: builds/<sha256>.json, index.jsonl, portfolio.html/.parquet/.csv.")
@click.option("--policy-map", type=INPUT_PATH, default=None,
              help="YAML mapping file-name globs and package names to policies and scenes.")
@audit_inputs_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the usable cores). Local engine only.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on an existing Dask cluster (tcp://host:8786) instead of local processes.")
@click.option("--keep-going", is_flag=True, default=False,
              help="Exit 0 even if some builds failed (they are still recorded in the index).")
@click.option("--resume", is_flag=True, default=False,
              help="Skip builds whose result is already in OUT for the same build, catalog and settings.")
@click.option("--previous", type=click.Path(path_type=Path, file_okay=False, exists=True), default=None,
              help="Compare SDKs with the batch in this directory (default: the last batch in OUT).")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=0), default=DEFAULT_MAX_SECONDS, show_default=True,
              help="Seconds one build may take (local engine; 0: no cap); past it the build fails alone.")
@click.option("--max-memory", "max_memory_mb", type=click.IntRange(min=256), default=None, metavar="MB",
              help="Address-space bound per local worker process; a build that hits it fails alone.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@handle_errors
def batch(builds: Path, out: Path, policy_map: Path | None, jobs: int | None, scheduler: str | None,
          keep_going: bool, resume: bool, previous: Path | None, timeout_s: float | None,
          max_memory_mb: int | None, progress: bool | None, **inputs: Any) -> None:
    """Scan every build in BUILDS (a directory, searched recursively, or a text file of paths and URLs).

    Results are written as each build finishes; a broken build is recorded with its error and the others
    go on. Without --keep-going the command exits 3 when any build failed, after scanning all the others.
    """
    from auditor.batch import BatchRequest, EngineSettings, create_engine, execute, plan_batch

    request = BatchRequest(source=builds, out=out, inputs=inputs_from(inputs), policy_map=policy_map,
                           resume=resume, previous=previous, timeout_s=timeout_s)
    # the plan and the jobs it prepares live until exit: frozen out of the collector's passes before local
    # workers fork (none walks them again per build, none writes to their pages, which stay shared)
    with kept_until_exit():
        plan = plan_batch(request)
    engine = create_engine(EngineSettings(jobs=jobs, max_memory_mb=max_memory_mb, scheduler=scheduler))
    err = click.get_text_stream("stderr")
    if plan.carried:
        echo_stderr(f"resuming: {len(plan.carried)} of {plan.total} builds already done")
    show = progress if progress is not None else err.isatty()
    if show and plan.todo:
        with click.progressbar(length=len(plan.todo), label="scanning", file=err, show_eta=True,
                               show_pos=True, item_show_func=_rate) as bar:
            summary = execute(plan, engine, lambda p: bar.update(1, p))
    else:
        summary = execute(plan, engine)
    for warning in summary.warnings:
        echo_stderr(f"warning: {warning}")
    echo_stderr(f"{summary.builds} builds: {summary.scanned} scanned, {summary.resumed} resumed, "
                f"{summary.failed} failed in {summary.elapsed_s:.1f}s ({summary.per_minute:.1f} builds/min); "
                f"{out / 'portfolio.html'}")
    if summary.failed and not keep_going:
        sys.exit(int(ExitCode.BAD_BUILD))


def _rate(progress: Any) -> str | None:
    if progress is None:
        return None
    return f"{progress.per_minute:.1f} builds/min, {progress.failed} failed"
