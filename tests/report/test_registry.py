"""Every format of every kind of report has a reporter, each reporter renders, and the CLI offers exactly
the registered formats (the exhaustiveness test of the reporter axis)."""

from __future__ import annotations

import pytest

from auditor.report import registry
from auditor.report.interface import DiffFormat, DiscloseFormat, Format, PolicyFormat, PortfolioFormat

REGISTRIES = [
    (Format, registry.scan_reporters),
    (DiffFormat, registry.diff_reporters),
    (DiscloseFormat, registry.disclose_reporters),
    (PolicyFormat, registry.policy_reporters),
    (PortfolioFormat, registry.portfolio_reporters),
]


@pytest.mark.parametrize("enum,reporters", REGISTRIES, ids=lambda v: getattr(v, "__name__", ""))
def test_every_format_has_a_reporter(enum, reporters):
    assert set(reporters()) == set(enum)


@pytest.mark.parametrize("fmt", list(Format))
def test_every_scan_reporter_renders_the_model(fmt, model):
    out = registry.scan_reporters()[fmt].render(model)
    assert isinstance(out, str) and "com.example.shop" in out


def test_cli_choices_are_the_enums():
    from auditor.commands.diff import diff
    from auditor.commands.disclose import disclose
    from auditor.commands.policy import policy
    from auditor.commands.scan import scan

    def choices(command, name="fmt"):
        return set(next(p for p in command.params if p.name == name).type.choices)

    assert choices(scan) == {f.value for f in Format}
    assert choices(diff) == {f.value for f in DiffFormat}
    assert choices(disclose) == {f.value for f in DiscloseFormat}
    assert choices(policy) == {f.value for f in PolicyFormat}
