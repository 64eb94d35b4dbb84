"""Typed errors. Library code raises these; the CLI maps them to exit codes in one place.

Exit codes are a public contract: 0 ok, 1 findings at or above ``--fail-on``, 2 usage,
3 unreadable or unsupported build, 4 invalid catalog / policy / baseline / config.
"""

from __future__ import annotations

import re
from enum import IntEnum

_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    BAD_BUILD = 3
    BAD_INPUT = 4


class AuditorError(Exception):
    """Base of every error the auditor raises on purpose. ``str(err)`` is a one-line message: a line break
    that an input put into it (a YAML key or file name with a newline) is folded to a space. Other control
    characters are kept exact here and escaped where the message reaches a terminal (:mod:`auditor.sanitize`)."""

    exit_code: ExitCode = ExitCode.USAGE

    def __str__(self) -> str:
        return _LINE_BREAKS.sub(" ", super().__str__())


class BuildError(AuditorError):
    """The build cannot be read: not a zip, no manifest, corrupt DEX, bound exceeded..."""

    exit_code = ExitCode.BAD_BUILD


class CatalogError(AuditorError):
    """The SDK catalog is invalid. ``problems`` lists every problem, each naming its file."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        head = problems[0] if problems else "invalid catalog"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"invalid SDK catalog: {head}{more}")


class PolicyError(AuditorError):
    """The privacy policy cannot be read (empty, binary, too large, PDF without text...)."""

    exit_code = ExitCode.BAD_INPUT


class ConfigError(AuditorError):
    """A config, scenes or baseline file is invalid."""

    exit_code = ExitCode.BAD_INPUT


class OutputError(AuditorError):
    """The output cannot be written where the user asked (missing or read-only directory, a directory...)."""

    exit_code = ExitCode.USAGE
