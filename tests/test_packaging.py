"""The wheel carries everything the program loads at run time: catalog, data files, templates, schemas."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_runtime_data(tmp_path):
    source = tmp_path / "src"  # build from a copy: setuptools writes build/ and egg-info next to the sources
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", "__pycache__", "build", "*.egg-info",
                                                                 ".pytest_cache", "tests"))
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "dist"),
                           str(source)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("auditor/data/permissions.json", "auditor/data/permission_groups.yaml",
                     "auditor/data/lexicon.yaml", "auditor/data/personal_data_apis.yaml",
                     "auditor/templates/report.html.j2", "auditor/templates/disclose.html.j2",
                     "auditor/templates/portfolio.html.j2", "auditor/schemas/scan-report.schema.json",
                     "sdk_catalog/_meta.yaml", "sdk_catalog/_compiled.json", "sdk_catalog/jpush.yaml"):
        assert required in names, required
    shipped = {n for n in names if n.startswith("sdk_catalog/") and n.endswith(".yaml")}
    catalog = ROOT / "sdk_catalog"
    assert shipped == {f"sdk_catalog/{p.relative_to(catalog).as_posix()}" for p in catalog.rglob("*.yaml")}
