"""Plumbing shared by every command: map typed errors to one-line messages and exit codes, write output.

This is the boundary where text reaches a terminal, a log or a file: every message goes through
:func:`auditor.sanitize.one_line`, every report through :func:`auditor.sanitize.terminal_text` (or
:func:`auditor.sanitize.json_text` for JSON formats), whatever the reporters produced. A closed stdout
(``auditor ... | head``) ends quietly: the rest of the output is dropped and the exit code is the
command's own.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from auditor.collector import kept_until_exit
from auditor.errors import AuditorError, ExitCode
from auditor.outputs import write_atomic
from auditor.resources import DEFAULT_MAX_SECONDS
from auditor.sanitize import json_text, one_line, terminal_text

if TYPE_CHECKING:
    from auditor.pipeline import AuditInputs, Job

F = TypeVar("F", bound=Callable[..., Any])
BUILD_PATH = click.Path(path_type=Path, exists=True, readable=False)
"""A build (or mapping) argument: a missing path is a usage error (2); an unreadable one is reported by the
reader (exit 3)."""
INPUT_PATH = click.Path(path_type=Path, readable=False)
"""A side input (policy, scenes, config, baseline, catalog, policy map): every problem, missing included,
is reported by its reader with the input's exit code (4); click checks nothing (its own check would exit 2)."""
MAX_MESSAGE = 4000
"""Characters of one stderr message (a validation error lists up to 20 problems)."""
JSON_FORMATS = frozenset({"json", "sarif"})
"""Formats whose output is a JSON document (escaped by :func:`~auditor.sanitize.json_text`)."""


def handle_errors(func: F) -> F:
    """Turn :class:`AuditorError` into ``auditor: error: <one line>`` on stderr and its exit code.

    Anything else unexpected is still reported on one line (exit 2) unless ``AUDITOR_DEBUG`` is set.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AuditorError as exc:
            echo_stderr(f"error: {exc}")
            sys.exit(int(exc.exit_code))
        except MemoryError:
            echo_stderr("error: out of memory")
            sys.exit(int(ExitCode.BAD_BUILD))
        except BrokenPipeError:
            _stdout_closed()
            sys.exit(int(ExitCode.OK))
        except (click.exceptions.Exit, click.ClickException, KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:
            if os.environ.get("AUDITOR_DEBUG"):
                raise
            echo_stderr(f"internal error: {type(exc).__name__}: {exc}")
            sys.exit(int(ExitCode.USAGE))

    return wrapper  # type: ignore[return-value]


def echo_stderr(message: str) -> None:
    """``auditor: <message>`` on stderr, as one safe line."""
    click.echo(f"auditor: {one_line(message, MAX_MESSAGE)}", err=True)


def safe_output(text: str, fmt: str = "text") -> str:
    """Report text as it may be written anywhere: JSON formats escaped exactly, the others for display."""
    return json_text(text) if fmt in JSON_FORMATS else terminal_text(text)


def write_output(text: str | bytes, output: Path | None, fmt: str = "text") -> None:
    """Write report ``text`` (of format ``fmt``) to ``output``, or to stdout when ``output`` is None or
    ``-``. Files are replaced atomically; devices and FIFOs written through (:mod:`auditor.outputs`).
    Bytes (a workbook) are written as they are: their cells were neutralised by the reporter."""
    if isinstance(text, bytes):
        if output is None or str(output) == "-":
            click.get_binary_stream("stdout").write(text)
            return
        write_atomic(Path(output), text)
        return
    text = safe_output(text, fmt)
    if output is None or str(output) == "-":
        write_stdout(text)
        return
    write_atomic(Path(output), text)


def write_stdout(text: str) -> None:
    """``text`` on stdout (a newline added when missing); a closed stdout drops it quietly."""
    try:
        click.echo(text, nl=not text.endswith("\n"))
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_closed()


def _stdout_closed() -> None:
    """The reader went away: point stdout at /dev/null so nothing else (the exit flush) fails on it."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real stdout (tests capture it)
        pass


def audit_inputs_options(func: F) -> F:
    """The options every audit command shares: policy, scenes, config, catalog."""
    options = [
        click.option("--policy", type=INPUT_PATH, default=None,
                     help="The app's privacy policy (HTML, text, Markdown, PDF, DOCX)."),
        click.option("--scenes", type=INPUT_PATH, default=None,
                     help="Business scenes YAML: which feature needs which permission."),
        click.option("--config", type=INPUT_PATH, default=None,
                     help="Audit config YAML: severity overrides, disabled rules."),
        click.option("--catalog", "catalog_dir", type=INPUT_PATH, default=None,
                     help="SDK catalog directory (default: the bundled one)."),
        click.option("--no-code", "no_code", is_flag=True, default=False,
                     help="Skip personal-data call-site analysis (manifest, SDKs and permissions only)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def prepare_job(inputs: AuditInputs) -> Job:
    """``Job.prepare(inputs)`` for this process: the catalog, config, baseline and scanner it loads live
    until the process exits, so they are loaded under :func:`~auditor.collector.kept_until_exit`; the
    policy and scenes are read after, with the garbage collector on (the same order and errors as
    ``Job.prepare``)."""
    from dataclasses import replace

    with kept_until_exit():
        from auditor.pipeline import Job

        job = Job.prepare(replace(inputs, policy=None, scenes=None))
    return job.with_policy(inputs.policy, inputs.scenes)


def inputs_from(options: dict[str, Any], **extra: Any) -> Any:
    """Build :class:`auditor.pipeline.AuditInputs` from the shared options."""
    from auditor.pipeline import AuditInputs

    return AuditInputs(policy=options.get("policy"), scenes=options.get("scenes"), config=options.get("config"),
                       catalog=options.get("catalog_dir"), code=not options.get("no_code"), **extra)


def resource_options(func: F) -> F:
    """``--max-memory`` / ``--max-seconds``: every build is read in a bounded child process."""
    func = click.option("--max-seconds", "max_seconds", type=click.FloatRange(min=0), default=DEFAULT_MAX_SECONDS,
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
