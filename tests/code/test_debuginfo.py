"""Source positions from DEX debug info agree with ``dexdump -d`` (an independent reader): for every call
site found in a real debug build, the source file is the class's ``source_file_idx`` and the line is the
``positions`` entry in force at the address of the first invoke of the API (the method's first line for
field and string rules)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

from auditor.build.dex import class_to_descriptor
from tests.code.dexdump_compare import _NAME_RE as _NAME
from tests.code.dexdump_compare import _TYPE_RE as _TYPE
from tests.corpus.fixtures import corpus_file  # noqa: F401  (pytest fixture)

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

_METHOD = re.compile(r"^    #\d+\s+: \(in (L[^;]+;)\)$")
_INSN = re.compile(r"^[0-9a-f]{6}: [0-9a-f ]+\|([0-9a-f]{4}): (invoke-[a-z/-]+) .*?(L[^;]+;)\.([^:]+):")
_POS = re.compile(r"^        0x([0-9a-f]{4}) line=(\d+)$")
_SOURCE = re.compile(r"^  source_file_idx   : \d+ \((.*)\)$")
_CLASS = re.compile(r"^  Class descriptor  : '(.+)'$")


def dexdump_methods(dex: Path) -> tuple[dict[tuple[str, str], dict], dict[str, str]]:
    """``(class descriptor, name+type)`` -> {invokes: [(addr, callee class, callee name)], positions},
    and class descriptor -> source file, as dexdump prints them."""
    out = subprocess.run(["dexdump", "-d", str(dex)], capture_output=True, text=True, check=True,
                         errors="replace").stdout
    methods: dict[tuple[str, str], dict] = {}
    sources: dict[str, str] = {}
    klass = cls = name = ""
    current: dict | None = None
    for line in out.splitlines():
        if m := _CLASS.match(line):
            klass = m.group(1)
        elif m := _SOURCE.match(line):
            sources[klass] = m.group(1)
        elif m := _METHOD.match(line):
            cls, current = m.group(1), None
        elif m := _NAME.match(line):
            name = m.group(1)
        elif m := _TYPE.match(line):
            current = methods.setdefault((cls, name + m.group(1)), {"invokes": [], "positions": []})
        elif current is not None and (m := _INSN.match(line)):
            current["invokes"].append((int(m.group(1), 16), m.group(3), m.group(4)))
        elif current is not None and (m := _POS.match(line)):
            current["positions"].append((int(m.group(1), 16), int(m.group(2))))
    return methods, sources


def expected_line(method: dict, api: str) -> int | None:
    api_class, _, api_name = api.rpartition(".")
    want = class_to_descriptor(api_class)
    addresses = [a for a, c, n in method["invokes"] if c == want and n == api_name] or \
                [a for a, _c, n in method["invokes"] if n == api_name]
    positions = method["positions"]
    if not positions:
        return None
    if not addresses:
        return positions[0][1]
    return [line for addr, line in positions if addr <= addresses[0]][-1]


def test_positions_agree_with_dexdump(corpus_file, scanner):  # noqa: F811
    if shutil.which("dexdump") is None:
        pytest.skip("dexdump is not installed")
    apk = corpus_file("ApiDemos-debug.apk")
    result = scanner.scan(apk)
    sites = [s for s in result.data_access if s.position is not None]
    assert len(sites) >= 10
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(apk) as z:
        checked = 0
        for dex_name in sorted({s.dex for s in sites}):
            path = Path(tmp) / dex_name
            path.write_bytes(z.read(dex_name))
            methods, sources = dexdump_methods(path)
            for site in (s for s in sites if s.dex == dex_name):
                key = (class_to_descriptor(site.caller_class), site.caller_method)
                assert site.position.file == sources[key[0]], site
                assert site.position.line == expected_line(methods[key], site.api), site
                checked += 1
    assert checked == len(sites)
    with_lines = [s for s in sites if s.position.line is not None]
    assert len(with_lines) >= 10   # a debug build keeps its line tables
    # the app's own call sites are their own app frame
    own = [s for s in sites if s.owner == "app"]
    assert own and all(s.app_frame.startswith(s.caller_class) and s.app_position == s.position for s in own)
