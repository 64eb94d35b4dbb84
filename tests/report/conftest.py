"""Fixtures for the reporter tests (the values themselves live in ``report_samples``)."""

from __future__ import annotations

import pytest
from report_samples import sample_audit, sample_scan

from auditor.audit.model import Severity
from auditor.report.json_report import to_dict


@pytest.fixture()
def report() -> dict:
    return to_dict(sample_scan(), sample_audit(), Severity.HIGH)


@pytest.fixture()
def scan():
    return sample_scan()
