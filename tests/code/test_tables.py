"""The shared code tables (:mod:`auditor.code.tables`): every class's methods decoded at once with numpy,
against the class-by-class reader (:meth:`auditor.code.dexcode.DexCode.methods`, itself held against
``dexdump`` in ``test_dexdump_agreement.py``), on the DEX files of real APKs; and a malformed class_data_item
falls back to that reader, which fails for the class at fault only."""

from __future__ import annotations

import re
import zipfile

import pytest

from auditor.build.dex import DexError, DexFile
from auditor.code.dexcode import DexCode
from auditor.code.tables import DexTables, dex_tables
from tests.corpus.fetch import corpus_file

APKS = ("ApiDemos-debug.apk", "settings_apk-debug.apk")


def _dex_files(apk: str) -> list[DexFile]:
    with zipfile.ZipFile(corpus_file(apk)) as archive:
        return [DexFile(archive.read(n), n) for n in archive.namelist() if re.fullmatch(r"classes\d*\.dex", n)]


@pytest.mark.corpus
@pytest.mark.parametrize("apk", APKS)
def test_same_methods_as_the_class_by_class_reader(apk):
    total = 0
    for dex in _dex_files(apk):
        tables = DexTables(dex)
        assert tables._table is not None  # a compiler's file takes the vectorised path
        reader = DexCode(dex)
        methods = 0
        for i, cdef in enumerate(reader.class_defs()):
            expected = [tuple(m) for m in reader.methods(cdef)]
            assert tables.methods(i) == expected, (dex.path, i)
            methods += len(expected)
        assert len(tables.method_table.method_idx) == methods
        assert tables.ops.items == len({o for o in tables.method_table.code_off.tolist() if o})
        total += methods
    assert total > 1000


@pytest.mark.corpus
def test_tables_are_shared_per_file():
    dex = _dex_files("ApiDemos-debug.apk")[0]
    assert dex_tables(dex) is dex_tables(dex)
    assert dex_tables(_dex_files("ApiDemos-debug.apk")[0]) is not dex_tables(dex)


@pytest.mark.corpus
def test_malformed_class_data_fails_for_its_class_only():
    dex = _dex_files("ApiDemos-debug.apk")[0]
    reader = DexCode(dex)
    defs = reader.class_defs()
    bad = max((i for i, c in enumerate(defs) if c.class_data_off), key=lambda i: defs[i].class_data_off)
    good = [i for i, c in enumerate(defs) if c.class_data_off and i != bad]
    raw = bytearray(dex.data)
    at = defs[bad].class_data_off
    raw[at:at + 6] = b"\x80" * 6  # the item's first ULEB128 value runs longer than five bytes
    tables = DexTables(DexFile(bytes(raw), "classes.dex"))
    assert tables._table is None  # the file takes the class-by-class reader
    for i in good:
        assert tables.methods(i) == reader.methods(defs[i])
    with pytest.raises(DexError, match="longer than 5 bytes"):
        tables.methods(bad)
