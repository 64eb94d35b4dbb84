"""Our binary XML reader (:mod:`auditor.build.axml`) against androguard's ``AXMLPrinter``, the reader it
replaces on the scan path: the same lxml tree (or the same failure) on every binary XML document of real
corpus APKs (manifests and compiled resource XML) and on mutated manifests that the guard lets through.
The expected side is androguard's own output, never ours."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
from hypothesis import given
from lxml import etree

from auditor.build.axml import axml_tree
from auditor.build.axml_guard import check_axml
from auditor.errors import BuildError
from tests.fuzz.conftest import FUZZ, mutated
from tests.fuzz.seeds import corpus_apks, manifest_seeds
from tests.hostile.builders import Axml, manifest

REAL_APKS = ("ApiDemos-debug.apk", "settings_apk-debug.apk", "Yosemite.apk", "XposedInstaller_3.1.5.apk",
             "SystemWebView-repack.apk", "mobi.acpm.proxyon_v1_419b04.apk")
_RANDOM_NAME = re.compile(rb"UNKNOWN_SYSTEM_ATTRIBUTE_[0-9a-f]{8}")
"""androguard names an attribute without a name string or resource id with a random number; ours uses 0."""


def _outcome(build: Any) -> tuple[str, bytes]:
    try:
        root, valid = build()
    except Exception as exc:  # noqa: BLE001 - the failure itself is compared
        return "error", type(exc).__name__.encode()
    if root is None or not valid:
        return "invalid", b""
    return "tree", _RANDOM_NAME.sub(b"UNKNOWN_SYSTEM_ATTRIBUTE_?", etree.tostring(root, encoding="utf-8"))


def _androguard(data: bytes) -> tuple[str, bytes]:
    from loguru import logger

    logger.disable("androguard")
    from androguard.core.axml import AXMLPrinter

    def build() -> tuple[Any, bool]:
        printer = AXMLPrinter(data)
        return printer.get_xml_obj(), printer.is_valid()

    return _outcome(build)


def _ours(data: bytes) -> tuple[str, bytes]:
    return _outcome(lambda: (axml_tree(data), True))


MAX_PER_APK = 300
"""Compiled resource documents taken per APK (by name; the manifest always): enough kinds, bounded time."""


def _binary_xml(apk: bytes) -> list[tuple[str, bytes]]:
    out = []
    with zipfile.ZipFile(io.BytesIO(apk)) as z:
        names = sorted(i.filename for i in z.infolist() if i.filename.endswith(".xml") and i.file_size <= 1 << 20)
        names = [n for n in names if n == "AndroidManifest.xml"] + [n for n in names if n != "AndroidManifest.xml"]
        for name in names:
            data = z.read(name)
            if data[:4] == b"\x03\x00\x08\x00":
                out.append((name, data))
            if len(out) >= MAX_PER_APK:
                break
    return out


def _real_documents() -> list[tuple[str, bytes]]:
    from tests.corpus.fetch import CorpusError, corpus_file

    docs = []
    for name in REAL_APKS:
        try:
            apk = corpus_file(name).read_bytes()
        except (CorpusError, KeyError, OSError):
            continue
        docs.extend((f"{name}!{member}", data) for member, data in _binary_xml(apk))
    for apk in corpus_apks():
        docs.extend(("edge-case APK", data) for _member, data in _binary_xml(apk))
    return docs


def test_same_tree_as_androguard_on_real_binary_xml():
    docs = _real_documents()
    if not docs:
        pytest.skip("corpus not available")
    assert len(docs) > 100  # manifests and compiled layouts, menus, preferences...
    differ = []
    for label, data in docs:
        data = check_axml(data, label).data
        expected = _androguard(data)
        assert expected[0] == "tree", label
        if _ours(data) != expected:
            differ.append(label)
    assert differ == []


@pytest.mark.parametrize("raw", [
    manifest(), Axml(tag_ns="urn:x", copies=3).build(), Axml(root_type=0x0000).build(),
    Axml(tag_ns="http://evil.example/ns", permissions=("android.permission.CAMERA",)).build(),
])
def test_same_tree_as_androguard_on_packer_tricks(raw):
    data = check_axml(raw, "m").data
    assert _ours(data) == _androguard(data)
    assert _ours(data)[0] == "tree"


@FUZZ
@given(data=mutated(manifest_seeds(), max_mutations=8))
def test_same_outcome_as_androguard_on_mutated_manifests(data):
    try:
        checked = check_axml(data, "AndroidManifest.xml").data
    except BuildError:
        return  # refused before any parser runs
    assert _ours(checked) == _androguard(checked)
