"""Build-side cases of the second campaign, built at test time: an AAB manifest element with 500,000
attributes, a binary manifest element with thousands, a zip of 200,000 tiny dex entries, a FIFO, a device
and a 1 TB sparse file given as the build, and an unreadable build. Each ends within 10 s, under the memory
cap, with exit 3 and one line."""

from __future__ import annotations

import errno
import os
import struct
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.build.axml_guard import AxmlLimits
from auditor.cli import cli
from tests.hostile.builders import (
    ANDROID_URI,
    Axml,
    aab,
    apk,
    build_zip_stored_many,
    dex,
    manifest,
    pb_attribute,
    pb_element,
    pb_manifest,
)
from tests.hostile.cli_run import CATALOG, assert_refused, run_cli

PER_ELEMENT = AxmlLimits.max_element_attributes


def _axml_with_attributes(count: int) -> bytes:
    """A binary manifest whose <application> element has ``count`` attributes (android:label0...)."""
    doc = Axml(extra_strings=tuple(f"label{i}" for i in range(count)))
    raw = bytearray(doc.build())
    # rewrite the (empty) <application> start tag with ``count`` attributes: rebuild it via the builder
    start = doc._start("application", [(doc.idx(ANDROID_URI), doc.idx(f"label{i}"), doc.idx("v"))
                                       for i in range(count)])
    empty = doc._start("application", [])
    at = raw.find(empty)
    assert at > 0
    raw[at:at + len(empty)] = start
    struct.pack_into("<I", raw, 4, len(raw))
    return bytes(raw)


CASES = {
    "aab-500k-attributes": lambda: aab(pb_manifest(attributes=[pb_attribute(f"a{i}", "v", namespace="")
                                                               for i in range(500_000)])),
    "aab-element-over-bound": lambda: aab(pb_manifest(children=[pb_element(
        "application", [pb_attribute(f"a{i}", "v") for i in range(PER_ELEMENT + 1)])])),
    "aab-manifest-9MB": lambda: aab(pb_manifest(children=[pb_element("x", [pb_attribute("a", os.urandom(500).hex())])
                                                           for _ in range(9500)])),
    "apk-element-over-bound": lambda: apk(manifest_bytes=_axml_with_attributes(PER_ELEMENT + 1)),
    "zip-200k-dex": lambda: build_zip_stored_many(
        [("AndroidManifest.xml", manifest())] + [(f"classes{i}.dex", TINY_DEX) for i in range(2, 200_001)]),
    "zip-nested-jars": lambda: build_zip_stored_many(
        [("AndroidManifest.xml", manifest()), ("classes.dex", TINY_DEX)]
        + [(f"assets/p{i}.jar", b"PK\x05\x06" + b"\0" * 18) for i in range(1_500)]),
}
TINY_DEX = dex(("com.example.hostile.Tiny",))
FRAGMENTS = {
    "aab-500k-attributes": "more than 100000 fields", "aab-element-over-bound": f"at most {PER_ELEMENT}",
    "aab-manifest-9MB": "exceeds the bound", "apk-element-over-bound": f"at most {PER_ELEMENT}",
    "zip-200k-dex": "more than 1000 DEX files", "zip-nested-jars": "more than 1000 DEX files",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_build_refused_quickly_with_exit_3(tmp_path, name):
    suffix = ".aab" if name.startswith("aab") else ".apk"
    build = tmp_path / f"{name}{suffix}"
    build.write_bytes(CASES[name]())
    run = run_cli("scan", build, "--catalog", CATALOG)
    assert_refused(run, 3, FRAGMENTS[name])


def test_an_element_at_the_bound_is_read(tmp_path):
    build = tmp_path / "at-bound.apk"
    build.write_bytes(apk(manifest_bytes=_axml_with_attributes(PER_ELEMENT - 1)))
    run = run_cli("scan", build, "--no-code", "--catalog", CATALOG)
    assert run.code == 0, run.stderr


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "sparse-1TB", "socket"])
def test_build_that_is_not_a_readable_regular_file(tmp_path, kind):
    path: Path | str = tmp_path / "app.apk"
    fragment = "not a regular file"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path = "/dev/zero"
    elif kind == "socket":
        import socket

        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
    else:
        with open(path, "wb") as handle:
            handle.truncate(1 << 40)
        fragment = "byte limit"
    run = run_cli("scan", path, "--catalog", CATALOG)
    assert_refused(run, 3, fragment)


def test_unreadable_build_exits_3_not_2(tmp_path, monkeypatch):
    """Root reads anything, so the permission error is simulated where the build is opened."""
    build = tmp_path / "app.apk"
    build.write_bytes(apk())
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(build):
            raise PermissionError(errno.EACCES, "Permission denied", str(build))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    result = CliRunner().invoke(cli, ["scan", str(build), "--no-code", "--catalog", CATALOG,
                                      "--max-seconds", "0", "--max-memory", "0"])
    assert result.exit_code == 3, result.output
    assert result.stderr == f"auditor: error: {build}: cannot read build (Permission denied)\n"


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "directory"])
def test_mapping_that_is_not_a_regular_file(tmp_path, kind):
    build = tmp_path / "app.apk"
    build.write_bytes(apk())
    mapping: Path | str = tmp_path / "mapping.txt"
    if kind == "fifo":
        os.mkfifo(mapping)
    elif kind == "directory":
        Path(mapping).mkdir()
    else:
        mapping = "/dev/zero"
    run = run_cli("scan", build, "--no-code", "--catalog", CATALOG, "--mapping", mapping)
    assert_refused(run, 3, "mapping file is a")
