"""The reporter axis: one :class:`Reporter` protocol, one format enum per kind of report, one registry.

A reporter is pure: ``render(model) -> str | bytes`` from a typed model, no files, no streams (the CLI
writes the output). The registries in :mod:`auditor.report.registry` map every enum member to its
reporter; a test checks that none is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Generic, Protocol, TypeVar

M = TypeVar("M")
M_contra = TypeVar("M_contra", contravariant=True)


class Format(str, Enum):
    """``auditor scan --format``."""

    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    HTML = "html"
    MD = "md"


class DiffFormat(str, Enum):
    """``auditor diff --format``."""

    TEXT = "text"
    JSON = "json"
    MD = "md"


class DiscloseFormat(str, Enum):
    """``auditor disclose --format``."""

    HTML = "html"
    MD = "md"
    XLSX = "xlsx"
    PLAY_DATA_SAFETY = "play-data-safety"


class PolicyFormat(str, Enum):
    """``auditor policy --format``."""

    TEXT = "text"
    JSON = "json"


class PortfolioFormat(str, Enum):
    """Files of ``auditor batch``'s portfolio (``portfolio.<suffix>``)."""

    HTML = "html"
    CSV = "csv"


class Reporter(Protocol[M_contra]):
    """Lays out one kind of model in one format."""

    @property
    def binary(self) -> bool:
        """True when :meth:`render` returns bytes (a workbook), False for text."""

    def render(self, model: M_contra) -> str | bytes:
        """The whole report. Pure: no I/O."""


@dataclass(frozen=True)
class FunctionReporter(Generic[M]):
    """A reporter made of one pure function."""

    function: Callable[[M], str | bytes]
    binary: bool = False

    def render(self, model: M) -> str | bytes:
        return self.function(model)
