"""pytest fixtures for the real-file corpus.  Import them from ``tests/conftest.py``::

    from tests.corpus.fixtures import corpus_file, built_apk, corpus_spec  # noqa: F401

(or ``from corpus.fixtures import ...`` when ``tests/`` itself is on ``sys.path``).
Tests using them should carry ``@pytest.mark.corpus``.

* ``corpus_file(name, pkg=None, ver=None) -> Path``: verified file from the pinned list (inner
  path, basename, or unique path suffix such as ``"arm64-v8a/libjcore322.so"``).
* ``built_apk(name_or_spec) -> Path``: signed APK built from real SDK binaries (one of
  ``build.SPECS`` by name, or an ``ApkSpec``).
* ``corpus_spec(name) -> ApkSpec``: the predefined spec (its ``sdks``, ``expected_packages``...).

Registry unreachable: the test *fails*, unless ``AUDITOR_OFFLINE=1`` is set, in which case it is
skipped with the reason.  A missing build tool always fails (run ``scripts/setup.sh``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from . import build as _build
from . import fetch as _fetch

T = TypeVar("T")


def _guard(fn: Callable[..., T], *args: object, **kwargs: object) -> T:
    try:
        return fn(*args, **kwargs)
    except _fetch.CorpusUnavailable as exc:
        if _fetch.offline_allowed():
            pytest.skip(f"corpus package unavailable and AUDITOR_OFFLINE=1: {exc}".splitlines()[0][:300])
        raise


@pytest.fixture(scope="session")
def corpus_file() -> Callable[..., Path]:
    def get(name: str, pkg: str | None = None, ver: str | None = None) -> Path:
        return _guard(_fetch.corpus_file, name, pkg=pkg, ver=ver)

    return get


@pytest.fixture(scope="session")
def built_apk() -> Callable[[str | _build.ApkSpec], Path]:
    def get(spec: str | _build.ApkSpec) -> Path:
        s = _build.spec_named(spec) if isinstance(spec, str) else spec
        return _guard(_build.build_apk, s)

    return get


@pytest.fixture(scope="session")
def corpus_spec() -> Callable[[str], _build.ApkSpec]:
    return _build.spec_named
