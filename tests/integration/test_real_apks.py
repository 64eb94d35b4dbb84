"""The scanner on real APKs nobody here wrote (fetched from the pinned corpus by version and sha256).

- requested permissions equal ``aapt dump permissions`` on every real APK of the corpus (duplicates
  folded, ``maxSdkVersion`` kept);
- declared ``<permission>``s too;
- the known SDKs of real apps are found, with evidence, and each scan is deterministic.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from auditor.errors import BuildError
from auditor.report import json_report
from tests.corpus.fetch import corpus_entries, corpus_file

pytestmark = pytest.mark.corpus

APKS = sorted({e.inner.rsplit("/", 1)[-1] for e in corpus_entries() if e.inner.endswith(".apk")})
_AAPT_LINE = re.compile(r"^(uses-permission(?:-sdk-23)?|permission): (?:name=)?'?([^' ]+)'?(?: maxSdkVersion='(\d+)')?")


def aapt_permissions(path: Path) -> tuple[dict[str, int | None], set[str]] | None:
    """(requested name -> widest maxSdkVersion, declared names) as aapt reports them; None if aapt fails."""
    aapt = shutil.which("aapt")
    if aapt is None:
        pytest.fail("aapt is not installed: run scripts/setup.sh")
    proc = subprocess.run([aapt, "dump", "permissions", str(path)], capture_output=True, text=True)
    if proc.returncode != 0:
        return None
    requested: dict[str, list[int | None]] = defaultdict(list)
    declared: set[str] = set()
    for line in proc.stdout.splitlines():
        match = _AAPT_LINE.match(line.strip())
        if not match:
            continue
        kind, name, max_sdk = match.groups()
        if kind == "permission":
            declared.add(name)
        else:
            requested[name].append(int(max_sdk) if max_sdk else None)
    folded = {n: (None if None in v else max(v)) for n, v in requested.items()}  # type: ignore[type-var]
    return folded, declared


@pytest.mark.parametrize("apk", APKS)
def test_permissions_equal_aapt(apk, scanner_nocode):
    path = corpus_file(apk)
    expected = aapt_permissions(path)
    try:
        result = scanner_nocode.scan(path)
    except BuildError as exc:
        # only builds that aapt cannot read either may fail, and with a one-line message
        assert expected is None, f"aapt reads {apk} but the scanner failed: {exc}"
        assert "\n" not in str(exc)
        return
    if expected is None:
        pytest.skip(f"aapt cannot dump {apk}; the scanner read it")
    requested, declared = expected
    got = {p.name: p.max_sdk_version for p in result.permissions}
    assert got == requested
    assert {d.name for d in result.build.manifest.declared_permissions} == declared


@pytest.fixture(scope="module")
def yosemite(scanner):
    return scanner.scan(corpus_file("Yosemite.apk"))


def test_yosemite_known_sdks_with_evidence(yosemite):
    found = {h.sdk_id: h for h in yosemite.sdks}
    # Yosemite embeds Tencent X5/TBS, Glide, Netty and ZXing (corpus notes); each must come with evidence
    for sdk_id in ("tencent-x5", "glide", "netty", "zxing"):
        assert sdk_id in found, sorted(found)
        assert found[sdk_id].evidence and found[sdk_id].class_count > 0
    assert yosemite.build.manifest.package == "com.netease.nie.yosemite"
    assert {lib.name for lib in yosemite.build.native_libs} == {"libopencc.so", "librime.so", "librime_jni.so"}


def test_same_input_same_bytes(scanner):
    path = corpus_file("settings_apk-debug.apk")
    assert json_report.render(scanner.scan(path)) == json_report.render(scanner.scan(path))
