"""Shared fixtures. Unit tests (tests/unit) are offline and fast; corpus tests fetch real builds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT / "tests" / "unit"))


@pytest.fixture(scope="session")
def mini_catalog():
    from auditor.catalog import load_catalog

    return load_catalog(DATA / "catalog-mini")


@pytest.fixture(scope="session")
def bundled_catalog():
    from auditor.catalog import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def scanner(bundled_catalog):
    from auditor.scan import Scanner

    return Scanner.create(bundled_catalog)


@pytest.fixture(scope="session")
def scanner_nocode(bundled_catalog):
    from auditor.scan import Scanner

    return Scanner.create(bundled_catalog, code=False)
