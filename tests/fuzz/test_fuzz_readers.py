"""Property tests: mutated real inputs into the zip layer, the APK reader, the manifest reader (with its AXML
guard), the DEX reader and instruction scanner, the ELF reader and the policy reader. Only typed errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.build.archive import Archive, Limits
from auditor.build.axml_guard import check_axml
from auditor.build.dex import DexFile
from auditor.build.interface import read_build
from auditor.build.manifest import parse_manifest
from auditor.build.native import parse_native_lib
from auditor.code.dexcode import DexCode
from auditor.code.program import build_program
from tests.fuzz.conftest import FUZZ, mutated
from tests.fuzz.seeds import apk_seeds, dex_seeds, manifest_seeds, policy_seeds

MiB = 1 << 20
SMALL = Limits(max_member_size=16 * MiB, max_total_read=64 * MiB, max_entries=5000)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(data=mutated(apk_seeds()))
def test_zip_layer(fuzz_run, data):
    def run() -> None:
        with Archive(data, "fuzz.apk", SMALL) as archive:
            for name in archive.names[:200]:
                archive.read(name)
    fuzz_run.check(run)


@FUZZ
@given(data=mutated(apk_seeds()))
def test_apk_reader(fuzz_run, scratch, data):
    path = scratch / "build.apk"
    path.write_bytes(data)

    def run() -> None:
        build = read_build(path, SMALL)
        build_program([d.image for d in build.dex if d.image is not None])
    fuzz_run.check(run)


@FUZZ
@given(data=mutated(manifest_seeds(), max_mutations=8))
def test_manifest_reader(fuzz_run, data):
    def run() -> None:
        checked = check_axml(data, "AndroidManifest.xml")
        assert len(checked.data) <= len(data)
        parse_manifest(data, "AndroidManifest.xml", [])
    fuzz_run.check(run)


def _exercise_dex(data: bytes) -> None:
    dex = DexFile(data, "classes.dex")
    dex.class_names  # noqa: B018
    dex.url_hosts()
    for i in range(dex.method_ref_count):
        dex.method_ref(i)
    for i in range(dex.string_count):
        dex.string(i)
    code = DexCode(dex)
    for cdef in code.class_defs():
        for method in code.methods(cdef):
            code.code(method.code_off)
    build_program([dex])


@FUZZ
@given(data=mutated(dex_seeds(), max_mutations=8))
def test_dex_reader_and_instruction_scan(fuzz_run, data):
    fuzz_run.check(lambda: _exercise_dex(data))


def _elf_seed() -> bytes:
    import struct

    ident = b"\x7fELF" + bytes([2, 1, 1]) + b"\0" * 9
    header = ident + struct.pack("<HHIQQQIHHHHHH", 3, 183, 1, 0, 64, 120, 0, 64, 56, 1, 64, 2, 1)
    ph = struct.pack("<IIQQQQQQ", 1, 5, 0, 0, 0, 248, 248, 0x1000)
    sh = b"\0" * 64 + struct.pack("<IIQQQQIIQQ", 1, 3, 0, 0, 248, 11, 0, 0, 1, 0)
    return header + ph + sh + b"\0.shstrtab\0"


@FUZZ
@given(data=mutated([_elf_seed()], max_mutations=8))
def test_elf_reader_never_raises(fuzz_run, data):
    def run() -> None:
        lib = parse_native_lib("lib/arm64-v8a/libf.so", data)
        assert lib.name == "libf.so"
    fuzz_run.check(run)


@pytest.fixture(scope="module")
def catalog():
    from auditor.catalog import load_catalog

    return load_catalog(Path(__file__).resolve().parents[1] / "data" / "catalog-mini")


_POLICY_SEEDS = policy_seeds()


@FUZZ
@given(seed=st.sampled_from(range(len(_POLICY_SEEDS))), data=st.data())
def test_policy_reader(fuzz_run, scratch, catalog, seed, data):
    from auditor.policy import read_policy

    suffix, raw = _POLICY_SEEDS[seed]
    mutated_bytes = data.draw(mutated([raw], max_mutations=8))
    path = scratch / f"policy{suffix}"
    path.write_bytes(mutated_bytes)
    fuzz_run.check(lambda: read_policy(path, catalog))
