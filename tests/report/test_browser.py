"""The HTML report in a real headless Chromium (Debian ``chromium``): it loads without console messages,
produces a screenshot, and a ``<script>`` payload in app-controlled strings shows as text and never runs.

Needs ``/usr/bin/chromium`` (``apt-get install -y chromium``). Without it the tests fail, unless
``AUDITOR_ALLOW_NO_BROWSER=1`` is set, which turns them into skips. ``AUDITOR_REPORT_ARTIFACTS=<dir>`` keeps
a copy of the rendered page and its screenshot (for CI artifacts).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from report_samples import PAYLOAD, sample_model

from auditor.report import html

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
TITLE = "Privacy audit: com.example.shop 2.3.1"
CONSOLE = re.compile(r":CONSOLE[:(]|Uncaught", re.IGNORECASE)


def _require_browser() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("AUDITOR_ALLOW_NO_BROWSER") == "1":
        pytest.skip("/usr/bin/chromium is not installed and AUDITOR_ALLOW_NO_BROWSER=1")
    pytest.fail("/usr/bin/chromium is not installed: apt-get install -y chromium "
                "(or set AUDITOR_ALLOW_NO_BROWSER=1 to skip the browser tests)")


def chromium(tmp: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *extra, url]
    env = dict(os.environ, HOME=str(tmp))
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, env=env, check=False)


def console_lines(stderr: str) -> list[str]:
    """Messages the page logged (console.* calls, uncaught errors, CSP violations)."""
    return [line for line in stderr.splitlines() if CONSOLE.search(line)]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _keep(*files: Path) -> None:
    target = os.environ.get("AUDITOR_REPORT_ARTIFACTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        for f in files:
            shutil.copy(f, Path(target) / f.name)


@pytest.fixture()
def report_file(tmp_path: Path, mini_catalog) -> Path:
    _require_browser()
    page = tmp_path / "report.html"
    page.write_text(html.render(sample_model(mini_catalog)), encoding="utf-8")
    return page


def test_loads_without_console_errors_and_screenshots(report_file: Path, tmp_path: Path):
    shot = tmp_path / "report.png"
    proc = chromium(tmp_path, report_file.as_uri(), f"--screenshot={shot}", "--window-size=1280,2000")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert shot.is_file(), proc.stderr[-2000:]
    assert png_size(shot) == (1280, 2000)
    assert shot.stat().st_size > 30_000, "screenshot looks blank"
    assert console_lines(proc.stderr) == []
    _keep(report_file, shot)


def test_script_payload_shows_as_text_and_does_not_run(report_file: Path, tmp_path: Path):
    proc = chromium(tmp_path, report_file.as_uri(), "--dump-dom")
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    assert re.search(r"<title>(.*?)</title>", dom).group(1) == TITLE
    assert "pwned" not in re.search(r"<title>(.*?)</title>", dom).group(1)
    assert dom.count("<script") == 1                     # the report's own print helper only
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom   # the payload, as text
    assert console_lines(proc.stderr) == []


def test_harness_detects_script_execution_and_console_errors(tmp_path: Path):
    """Control: the same checks do see a payload that runs and a page that logs an error."""
    _require_browser()
    page = tmp_path / "control.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>{TITLE}</title></head><body>{PAYLOAD}"
                    "<script>console.error('boom'); undefinedFunction();</script></body></html>")
    proc = chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert re.search(r"<title>(.*?)</title>", proc.stdout).group(1) == "pwned"
    lines = console_lines(proc.stderr)
    assert any("boom" in line for line in lines) and any("Uncaught" in line for line in lines)


def test_missing_browser_fails_unless_allowed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    import test_browser as me

    monkeypatch.setattr(me, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("AUDITOR_ALLOW_NO_BROWSER", raising=False)
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium"):
        me._require_browser()
    monkeypatch.setenv("AUDITOR_ALLOW_NO_BROWSER", "1")
    with pytest.raises(pytest.skip.Exception):
        me._require_browser()
