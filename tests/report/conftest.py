"""Fixtures for the reporter tests (the values themselves live in ``report_samples``)."""

from __future__ import annotations

import pytest
from report_samples import sample_model, sample_scan


@pytest.fixture()
def model(mini_catalog):
    """The sample scan and audit, held against the sample policy, gated with --fail-on high."""
    return sample_model(mini_catalog)


@pytest.fixture()
def scan():
    return sample_scan()
