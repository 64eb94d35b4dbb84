"""The ``auditor`` command line. Thin: parse options, call the library, write output, map errors.

Every command lives in :mod:`auditor.commands` and is registered explicitly below. Exit codes (public
contract): 0 ok, 1 findings at or above ``--fail-on``, 2 usage, 3 unreadable build, 4 invalid
catalog/policy/baseline/config.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any, TextIO

import click

from auditor import __version__
from auditor.collector import kept_until_exit
from auditor.commands.common import write_stdout
from auditor.sanitize import terminal_text

COMMANDS = {name: f"auditor.commands.{name}" for name in
            ("scan", "catalog", "policy", "baseline", "diff", "disclose", "batch")}
"""Command name -> the module defining it (a function of that name), imported when the command runs: a
scan does not load the policy reader, the report writers or the batch engine it does not use."""


class _SafeStream:
    """A text stream that escapes what it is given (:func:`~auditor.sanitize.terminal_text`)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_text(text))

    def flush(self) -> None:
        self._stream.flush()


class AuditorGroup(click.Group):
    """The command group; its usage errors show the user's arguments escaped, like every other message
    (click echoes a bad path or option value as it was typed), and a closed stdout ends quietly."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            with kept_until_exit():
                command = getattr(importlib.import_module(COMMANDS[cmd_name]), cmd_name)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            exc.show(file=_SafeStream(sys.stderr))  # type: ignore[arg-type]
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        except BrokenPipeError:
            write_stdout("")  # drops it quietly and detaches stdout
            sys.exit(0)
        sys.exit(result if isinstance(result, int) else 0)


@click.group(cls=AuditorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditor")
def cli() -> None:
    """Static privacy auditor for Android builds."""



def main() -> None:
    """Console-script entry point."""
    cli(prog_name="auditor")
