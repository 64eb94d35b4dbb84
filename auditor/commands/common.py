"""Plumbing shared by every command: map typed errors to one-line messages and exit codes, write output."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from auditor.errors import AuditorError, ExitCode
from auditor.outputs import write_atomic

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn :class:`AuditorError` into ``auditor: error: <one line>`` on stderr and its exit code.

    Anything else unexpected is still reported on one line (exit 2) unless ``AUDITOR_DEBUG`` is set.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AuditorError as exc:
            click.echo(f"auditor: error: {_one_line(str(exc))}", err=True)
            sys.exit(int(exc.exit_code))
        except MemoryError:
            click.echo("auditor: error: out of memory", err=True)
            sys.exit(int(ExitCode.BAD_BUILD))
        except (click.exceptions.Exit, click.ClickException, KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:
            if os.environ.get("AUDITOR_DEBUG"):
                raise
            click.echo(f"auditor: internal error: {type(exc).__name__}: {_one_line(str(exc))}", err=True)
            sys.exit(int(ExitCode.USAGE))

    return wrapper  # type: ignore[return-value]


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def write_output(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically (temp file + rename), or to stdout."""
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    write_atomic(Path(output), text)


def audit_inputs_options(func: F) -> F:
    """The options every audit command shares: policy, scenes, config, catalog."""
    options = [
        click.option("--policy", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="The app's privacy policy (HTML, text, Markdown, PDF, DOCX)."),
        click.option("--scenes", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="Business scenes YAML: which feature needs which permission."),
        click.option("--config", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="Audit config YAML: severity overrides, disabled rules."),
        click.option("--catalog", "catalog_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
                     help="SDK catalog directory (default: the bundled one)."),
        click.option("--no-code", "no_code", is_flag=True, default=False,
                     help="Skip personal-data call-site analysis (manifest, SDKs and permissions only)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def inputs_from(options: dict[str, Any], **extra: Any) -> Any:
    """Build :class:`auditor.pipeline.AuditInputs` from the shared options."""
    from auditor.pipeline import AuditInputs

    return AuditInputs(policy=options.get("policy"), scenes=options.get("scenes"), config=options.get("config"),
                       catalog=options.get("catalog_dir"), code=not options.get("no_code"), **extra)


def resource_options(func: F) -> F:
    """``--max-memory`` / ``--max-seconds``: every build is read in a bounded child process."""
    func = click.option("--max-seconds", "max_seconds", type=click.FloatRange(min=0), default=900,
                        show_default=True,
                        help="Wall-clock time one build may take, in seconds (0: no cap). Exceeding it exits 3.")(func)
    func = click.option("--max-memory", "max_memory", type=click.IntRange(min=0), default=1024,
                        show_default=True,
                        help="Memory one build may use, in MiB (0: no cap). Exceeding it exits 3.")(func)
    return func


def bounded(fn: Callable[..., Any], build: Path, max_memory: int, max_seconds: float) -> Any:
    """``fn(build)`` within the resource bounds given on the command line."""
    from auditor.resources import ResourceLimits, run_bounded

    limits = ResourceLimits(max_memory=max_memory * 1024 * 1024 or None, max_seconds=max_seconds or None)
    return run_bounded(fn, (build,), limits, label=str(build))
