"""Fixtures for the call-site tests: a DEX assembled from our own smali (tests/code/smali) at test time."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from auditor.build.dex import DexFile
from auditor.model import Build, Component, DexSummary, Manifest

SMALI_DIR = Path(__file__).parent / "smali"


@pytest.fixture(scope="session")
def fixture_dex(tmp_path_factory: pytest.TempPathFactory) -> DexFile:
    smali = shutil.which("smali")
    if smali is None:
        pytest.skip("smali is not installed")
    out = tmp_path_factory.mktemp("smali") / "classes.dex"
    subprocess.run([smali, "a", "-o", str(out), str(SMALI_DIR)], check=True, capture_output=True)
    return DexFile(out.read_bytes(), "classes.dex")


@pytest.fixture(scope="session")
def fixture_build(fixture_dex: DexFile) -> Build:
    manifest = Manifest(
        package="com.example.fix",
        application_class="com.example.fix.App",
        components=(Component("activity", "com.example.fix.MainActivity", exported=True),
                    Component("provider", "cn.jpush.android.InitProvider", authorities=("x.init",))),
    )
    summary = DexSummary("classes.dex", fixture_dex.version, len(fixture_dex.class_names),
                         fixture_dex.method_ref_count, fixture_dex.string_count, fixture_dex.class_names,
                         image=fixture_dex)
    return Build("fixture.apk", "0" * 64, 0, "apk", manifest, (summary,), (), (), ())


def assemble(smali_dir: Path, out: Path) -> DexFile:
    """A DEX from a directory of our own smali (skips the test when smali is not installed)."""
    smali = shutil.which("smali")
    if smali is None:
        pytest.skip("smali is not installed")
    subprocess.run([smali, "a", "-o", str(out), str(smali_dir)], check=True, capture_output=True)
    return DexFile(out.read_bytes(), "classes.dex")


def build_of(dex: DexFile, manifest: Manifest, name: str = "fixture.apk") -> Build:
    summary = DexSummary("classes.dex", dex.version, len(dex.class_names), dex.method_ref_count,
                         dex.string_count, dex.class_names, image=dex)
    return Build(name, "0" * 64, 0, "apk", manifest, (summary,), (), (), ())
