"""The policy map: validation (exit 4, every problem named) and which policy each build is held against."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from auditor.batch.policymap import PolicyChoice, load_policy_map
from auditor.errors import ConfigError
from tests.batch.conftest import SAMPLES, index, run


@pytest.fixture()
def policies(tmp_path: Path) -> Path:
    shutil.copyfile(SAMPLES / "demo-policy.html", tmp_path / "shop.html")
    shutil.copyfile(SAMPLES / "demo-scenes.yaml", tmp_path / "scenes.yaml")
    return tmp_path


def write(directory: Path, text: str) -> Path:
    path = directory / "policies.yaml"
    path.write_text(text)
    return path


def test_resolution_order(policies: Path) -> None:
    pmap = load_policy_map(write(policies, """
default: {scenes: scenes.yaml}
files:
  "*-internal.apk": {policy: shop.html}
packages:
  com.example.*: {policy: shop.html, scenes: scenes.yaml}
  com.example.shopdemo: shop.html
"""))
    shop, scenes = (policies / "shop.html").resolve(), (policies / "scenes.yaml").resolve()
    assert pmap.resolve("com.example.shopdemo", "x.apk") == PolicyChoice(shop, None)  # exact beats glob
    assert pmap.resolve("com.example.other", "x.apk") == PolicyChoice(shop, scenes)
    assert pmap.resolve("org.other", "app-internal.apk") == PolicyChoice(shop, None)  # file globs first
    assert pmap.resolve("org.other", "x.apk") == PolicyChoice(None, scenes)
    merged = pmap.with_default(None, None)
    assert merged.resolve("com.example.shopdemo", "x.apk") == PolicyChoice(shop, scenes)  # inherits scenes


def test_every_problem_is_reported_at_once(policies: Path) -> None:
    path = write(policies, """
defaults: {policy: shop.html}
packages:
  com.a: missing.html
  com.b: {policy: shop.html, scene: scenes.yaml}
  com.c: 42
""")
    with pytest.raises(ConfigError) as err:
        load_policy_map(path)
    text = str(err.value)
    assert "unknown key 'defaults'" in text and "3 more" in text
    for fragment in ("missing.html not found", "unknown key(s) scene", "packages.com.c"):
        assert fragment in text


@pytest.mark.parametrize("text", ["[a, b]\n", "packages: {com.a: ''}\n", ": : :\n", "{}\n"])
def test_malformed_maps_exit_4(policies: Path, builds_dir: Path, text: str) -> None:
    result = run(builds_dir, "-o", policies / "out", "--policy-map", write(policies, text))
    assert result.exit_code == 4, result.output
    assert "policies.yaml" in result.output
    assert not (policies / "out").exists()  # nothing written before the inputs are valid


@pytest.mark.corpus
def test_builds_are_held_against_their_mapped_policy(policies: Path, builds_dir: Path) -> None:
    path = write(policies, "packages:\n  com.example.shopdemo: shop.html\nfiles:\n  'souch.*': {scenes: scenes.yaml}\n")
    out = policies / "out"
    result = run(builds_dir, "-o", out, "--policy-map", path, "--no-code", "--keep-going")
    assert result.exit_code == 0, result.output
    records = {Path(r["path"]).name: r for r in index(out)}
    assert records["demo-app.apk"]["policy"] == str((policies / "shop.html").resolve())
    assert {r["policy"] for name, r in records.items() if name != "demo-app.apk"} == {""}
    rules = {f["rule_id"] for f in records["demo-app.apk"]["rules"]}
    assert rules & {"SDK-UNDISCLOSED", "PERM-UNDISCLOSED", "SDK-STALE", "SDK-DATA-BEYOND"}
    souch = {f["rule_id"] for f in records["souch.smsbypass_9.apk"]["rules"]}
    droidmon = {f["rule_id"] for f in records["Droidmon.apk"]["rules"]}
    assert "PERM-SCENE-UNDECLARED" in souch and "PERM-SCENE-UNDECLARED" not in droidmon
