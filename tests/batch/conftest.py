"""Batch fixtures: a small directory of real corpus builds plus one broken file, and a CLI runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from auditor.commands.batch import batch
from tests.corpus.fetch import corpus_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
CORPUS_APKS = ("souch.smsbypass_9.apk", "com.politedroid_6.apk", "Droidmon.apk", "org.dyndns.fules.ck_20.apk")
BROKEN = "broken/truncated.apk"


@pytest.fixture(scope="session")
def builds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``builds/``: four real corpus APKs, the demo app in a sub-directory, a truncated APK, a non-APK file."""
    root = tmp_path_factory.mktemp("batch") / "builds"
    (root / "apps").mkdir(parents=True)
    (root / "broken").mkdir()
    for name in CORPUS_APKS:
        shutil.copyfile(corpus_file(name), root / name)
    shutil.copyfile(SAMPLES / "demo-app.apk", root / "apps" / "demo-app.apk")
    (root / BROKEN).write_bytes((SAMPLES / "demo-app.apk").read_bytes()[:4000])
    (root / "notes.txt").write_text("not a build\n")
    return root


def cli() -> click.Group:
    group = click.Group("auditor")
    group.add_command(batch)
    return group


def run(*args: object) -> Result:
    return CliRunner().invoke(cli(), ["batch", *map(str, args)], catch_exceptions=False)


def index(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]


def comparable(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "duration_s"} for r in records]
