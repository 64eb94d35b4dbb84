"""Hostile builds through ``auditor scan``: exit 3, exactly one line on stderr, no traceback, no output file."""

from __future__ import annotations

import stat
import struct

import pytest
from click.testing import CliRunner

from auditor.commands.scan import scan
from tests.hostile.builders import Axml, Entry, GiB, MiB, apk, build_zip, dex, entry, manifest, zeros_bomb

CATALOG = "tests/data/catalog-mini"


def _bomb() -> bytes:
    stream, _ = zeros_bomb(64 * MiB)
    return build_zip([entry("AndroidManifest.xml", manifest()), Entry("classes.dex", stream, 8, 0, 10 * GiB,
                                                                      len(stream), zip64=True)])


def _truncated_dex() -> bytes:
    return apk(dex_bytes=dex()[:0x90])


def _overlap() -> bytes:
    data = bytearray(apk())
    cd = data.find(b"PK\x01\x02")
    struct.pack_into("<L", data, cd + 20, len(data))
    return bytes(data)


HOSTILE = {
    "not-a-zip": b"MZ\x90\x00" + b"\0" * 200,
    "empty": b"",
    "zip-without-manifest": build_zip([entry("classes.dex", dex())]),
    "janus": apk(prefix=dex(("com.evil.Janus",))),
    "duplicate-manifest": build_zip([entry("AndroidManifest.xml", manifest()),
                                     entry("AndroidManifest.xml", manifest(package="com.evil"))]),
    "duplicate-dex": apk(entry("classes.dex", dex(("com.evil.Hidden",)))),
    "bomb-10GiB": _bomb(),
    "encrypted-manifest": build_zip([Entry("AndroidManifest.xml", b"\0" * 64, 0, 0, 64, 64, flags=1)]),
    "overlapping-entries": _overlap(),
    "truncated-manifest": apk(manifest_bytes=manifest()[:100]),
    "plain-xml-manifest": apk(manifest_bytes=b"<manifest package='x'/>"),
    "bogus-string-pool": apk(manifest_bytes=manifest()[:12] + b"\xff\xff\xff\x7f" + manifest()[16:]),
    "unclosed-manifest": apk(manifest_bytes=Axml(close_root=False).build()),
    "truncated-dex": _truncated_dex(),
    "dex-bad-magic": apk(dex_bytes=b"not a dex" * 20),
    "dex-huge-table": apk(dex_bytes=dex()[:56] + struct.pack("<I", 0x7FFFFFFF) + dex()[60:]),
    "symlink-manifest": build_zip([entry("AndroidManifest.xml", b"/etc/passwd", compress=False,
                                         external_attr=(stat.S_IFLNK | 0o777) << 16)]),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_build_exit_3_one_line_no_output(tmp_path, name):
    build = tmp_path / f"{name}.apk"
    build.write_bytes(HOSTILE[name])
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = CliRunner().invoke(scan, [str(build), "--no-code", "--catalog", CATALOG, "--format", "json",
                                       "-o", str(out_dir / "report.json")])
    assert result.exit_code == 3, (result.exit_code, result.stderr, result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("auditor: error: "), result.stderr
    assert "Traceback" not in result.output
    # the message names the build; root-dex errors name the member until apk.py labels it "<build>!classes.dex"
    assert name in lines[0] or (name.startswith(("dex-", "truncated-dex")) and "classes.dex" in lines[0])
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_broken_native_library_is_a_warning_not_a_failure(tmp_path):
    build = tmp_path / "so.apk"
    build.write_bytes(apk(entry("lib/arm64-v8a/libbad.so", b"\x7fELF" + bytes([2, 1, 1]) + b"\0" * 20)))
    result = CliRunner().invoke(scan, [str(build), "--no-code", "--catalog", CATALOG, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert "truncated ELF header" in result.stdout


def test_broken_nested_jar_is_a_warning_not_a_failure(tmp_path):
    build = tmp_path / "nested.apk"
    build.write_bytes(apk(entry("assets/plugin.jar", b"PK\x03\x04 broken")))
    result = CliRunner().invoke(scan, [str(build), "--no-code", "--catalog", CATALOG, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert "nested jar 'assets/plugin.jar' skipped" in result.stdout
