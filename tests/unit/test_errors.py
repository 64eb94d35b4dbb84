"""Every typed error is a one-line message, whatever text an input put into it."""

from __future__ import annotations

import pytest

from auditor.errors import AuditorError, BuildError, CatalogError, ConfigError, PolicyError


@pytest.mark.parametrize("cls", [AuditorError, BuildError, ConfigError, PolicyError])
@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_line_breaks_from_inputs_are_folded(cls, brk):
    err = cls(f"c.yaml: unknown key 'a{brk}b' (expected severity)")
    assert str(err) == "c.yaml: unknown key 'a b' (expected severity)"


def test_catalog_problems_keep_their_text_but_the_message_is_one_line():
    err = CatalogError(["x.yaml: bad\nname", "y.yaml: other"])
    assert err.problems[0] == "x.yaml: bad\nname"
    assert str(err) == "invalid SDK catalog: x.yaml: bad name (and 1 more problems)"


def test_other_control_characters_stay_exact_for_the_sanitiser():
    # escaping is the terminal's business (auditor.sanitize); JSON outputs keep the exact text
    assert str(ConfigError("name \x1b[31m")) == "name \x1b[31m"
