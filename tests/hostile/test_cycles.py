"""Cyclic and self-referential class hierarchies (a hostile DEX; the platform's verifier refuses them, the
auditor must still end): classes extending each other, a class extending and implementing itself,
interfaces extending each other, and a chain of thousands of classes. Each scan ends well within 10 s,
under the memory cap, and still finds the personal-data call site planted in the cycle."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.hostile.builders import apk
from tests.hostile.cli_run import CATALOG, TARGET_SECONDS, run_cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from dexgen import (  # noqa: E402
    ACC_CONSTRUCTOR,
    ACC_PUBLIC,
    ACC_STATIC,
    INVOKE_DIRECT,
    INVOKE_STATIC,
    INVOKE_SUPER,
    INVOKE_VIRTUAL,
    ClassSpec,
    MethodSpec,
    build_code_dex,
)

DEVICE_ID = ("android.telephony.TelephonyManager", "getDeviceId", INVOKE_VIRTUAL)


def _caller(*calls: tuple[str, str, int]) -> ClassSpec:
    """``com.evil.Main.start()`` calls ``calls`` (method names the targets do not define: resolution walks
    up their hierarchy) and then the personal-data API."""
    return ClassSpec("com.evil.Main", methods=(MethodSpec("start", (*calls, DEVICE_ID), ACC_PUBLIC | ACC_STATIC),))


HIERARCHIES = {
    "two-classes-extend-each-other": [
        _caller(("com.evil.A", "missing", INVOKE_STATIC), ("com.evil.B", "gone", INVOKE_VIRTUAL)),
        ClassSpec("com.evil.A", "com.evil.B", methods=(MethodSpec("<init>", (("com.evil.B", "<init>", INVOKE_DIRECT),),
                                                                  ACC_PUBLIC | ACC_CONSTRUCTOR),)),
        ClassSpec("com.evil.B", "com.evil.A", methods=(MethodSpec("run", (("com.evil.A", "run", INVOKE_SUPER),)),)),
    ],
    "class-extends-and-implements-itself": [
        _caller(("com.evil.Self", "nothing", INVOKE_STATIC), ("com.evil.Self", "run", INVOKE_VIRTUAL)),
        ClassSpec("com.evil.Self", "com.evil.Self", ("com.evil.Self",), (MethodSpec("run"),)),
    ],
    "interfaces-extend-each-other": [
        _caller(("com.evil.I1", "call", INVOKE_VIRTUAL), ("com.evil.Impl", "absent", INVOKE_STATIC)),
        ClassSpec("com.evil.I1", None, ("com.evil.I2",), (MethodSpec("call"),)),
        ClassSpec("com.evil.I2", None, ("com.evil.I1",), (MethodSpec("call"),)),
        ClassSpec("com.evil.Impl", "java.lang.Thread", ("com.evil.I1",), (MethodSpec("call", (DEVICE_ID,)),)),
    ],
    "three-class-cycle-below-a-platform-class": [
        _caller(("com.evil.X", "missing", INVOKE_STATIC)),
        ClassSpec("com.evil.X", "com.evil.Y"), ClassSpec("com.evil.Y", "com.evil.Z"),
        ClassSpec("com.evil.Z", "com.evil.X", ("java.lang.Runnable",), (MethodSpec("run", (DEVICE_ID,)),)),
    ],
    "chain-of-20000-classes": [
        _caller(("com.evil.C0", "missing", INVOKE_STATIC), ("com.evil.C0", "run", INVOKE_VIRTUAL)),
        *[ClassSpec(f"com.evil.C{i}", f"com.evil.C{i + 1}") for i in range(20_000)],
        ClassSpec("com.evil.C20000", "java.lang.Thread", methods=(MethodSpec("run", (DEVICE_ID,)),)),
    ],
}


@pytest.mark.parametrize("name", sorted(HIERARCHIES))
def test_cyclic_hierarchy_scan_ends_and_finds_the_call_site(tmp_path, name):
    build = tmp_path / f"{name}.apk"
    build.write_bytes(apk(dex_bytes=build_code_dex(HIERARCHIES[name])))
    run = run_cli("scan", build, "--catalog", CATALOG, "--format", "json", "--max-seconds", str(TARGET_SECONDS))
    assert run.code == 0, run.stderr
    assert run.seconds < TARGET_SECONDS and run.peak_mib < 1024
    sites = json.loads(run.stdout)["data_access"]
    assert ("com.evil.Main", "start()V") in {(s["caller_class"], s["caller_method"]) for s in sites}, sites


def test_cyclic_hierarchy_in_a_batch(tmp_path):
    builds = tmp_path / "builds"
    builds.mkdir()
    for name in ("two-classes-extend-each-other", "class-extends-and-implements-itself"):
        (builds / f"{name}.apk").write_bytes(apk(dex_bytes=build_code_dex(HIERARCHIES[name])))
    run = run_cli("batch", builds, "-o", tmp_path / "out", "--catalog", CATALOG, "-j", "1", "--no-progress")
    assert run.code == 0, run.stderr
    assert run.seconds < 2 * TARGET_SECONDS
    records = [json.loads(line) for line in (tmp_path / "out" / "index.jsonl").read_text().splitlines()]
    assert [r["status"] for r in records] == ["ok", "ok"]
