"""``-o`` and the atomic writer: devices and FIFOs survive, symlinks are replaced not followed, failures name
the output path (never the temporary file) and leave nothing behind."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.errors import OutputError
from auditor.outputs import write_atomic
from tests.hostile.cli_run import assert_refused, run_cli

ROOT = Path(__file__).resolve().parents[2]
DEMO = str(ROOT / "samples" / "demo-app.apk")
CATALOG = str(ROOT / "tests" / "data" / "catalog-mini")


def _scan(*args: str):
    return CliRunner().invoke(cli, ["scan", DEMO, "--no-code", "--catalog", CATALOG, *args])


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root (as CI often runs)")
def test_character_device_output_is_written_through_not_replaced(tmp_path):
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the device /dev/null is
    result = _scan("-o", str(null))
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert os.listdir(tmp_path) == ["null"]


def test_fifo_output_is_written_through(tmp_path):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = _scan("--format", "json", "-o", str(fifo))
    reader.join(20)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert b'"package": "com.example.shopdemo"' in received[0]
    assert sorted(os.listdir(tmp_path)) == ["report.fifo"]


def test_symlink_is_replaced_and_its_target_left_alone(tmp_path):
    target = tmp_path / "target.txt"
    target.write_text("keep me\n")
    link = tmp_path / "report.txt"
    link.symlink_to(target)
    write_atomic(link, "report\n")
    assert not link.is_symlink() and link.read_text() == "report\n"
    assert target.read_text() == "keep me\n"


def test_dash_means_stdout():
    result = _scan("-o", "-")
    assert result.exit_code == 0 and "com.example.shopdemo" in result.stdout


def test_missing_directory_names_the_output_not_a_temporary_file(tmp_path):
    out = tmp_path / "missing" / "report.json"
    result = _scan("-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"auditor: error: {out}: cannot write (No such file or directory)\n"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_read_only_directory_names_the_output(tmp_path, fmt):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    out = locked / "r.txt"
    try:
        run = run_cli("scan", DEMO, "--no-code", "--catalog", CATALOG, "--format", fmt, "-o", out,
                      honour_permissions=True)  # as root too: CI often runs as root
    finally:
        locked.chmod(0o700)
    assert_refused(run, 2, f"{out}: cannot write (Permission denied)")
    assert ".r.txt." not in run.stderr and run.stdout == ""
    assert os.listdir(locked) == []


def test_a_failed_write_leaves_no_temporary_file(tmp_path):
    def explode(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match=r"report.parquet: cannot write \(No space left on device\)"):
        write_atomic(tmp_path / "report.parquet", explode)
    assert os.listdir(tmp_path) == []


def test_a_directory_or_socket_under_the_name_is_refused(tmp_path):
    (tmp_path / "dir").mkdir()
    with pytest.raises(OutputError, match="a directory"):
        write_atomic(tmp_path / "dir", "x")
    import socket

    sock_path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        with pytest.raises(OutputError, match="not a regular file"):
            write_atomic(sock_path, "x")
    assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)


def test_new_files_get_the_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "r.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "r.txt").st_mode) == 0o644
