"""Shared fixtures. Unit tests (tests/unit) are offline and fast; corpus tests fetch real builds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT / "tests" / "unit"))


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory):
    """The catalog digest cache (:mod:`auditor.catalog.freshness`) of this run, CLI children included, in a
    temporary directory: tests load hundreds of temporary catalogs and must not fill the user's cache."""
    import os

    from auditor.catalog.freshness import CACHE_ENV

    previous = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("auditor-cache"))
    yield
    if previous is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = previous


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
