"""The lief-free reader of native libraries against lief itself (the reference), on real shared objects from
the pinned corpus (vendor SDK ``.so`` files and the libraries inside real APKs): SONAME, DT_NEEDED and the
exported ``Java_*`` symbols must be exactly what lief reports. And it never raises on damaged files."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from auditor.build.elfsyms import read_dynamic
from auditor.build.native import elf_problem
from tests.corpus.fetch import corpus_file

pytestmark = pytest.mark.corpus

LIBS = ("arm64-v8a/libjcore322.so", "armeabi-v7a/libjcore322.so", "arm64-v8a/libBaiduMapSDK_base_v6_0_0.so",
        "armeabi-v7a/liblocSDK8a.so", "armeabi-v7a/libtpnsSecurity.so", "arm64-v8a/libcocklogic.so")
APKS = ("Yosemite.apk", "org.dyndns.fules.ck_20.apk")


def _shared_objects() -> list[tuple[str, bytes]]:
    out = [(name, corpus_file(name).read_bytes()) for name in LIBS]
    for apk in APKS:
        with zipfile.ZipFile(corpus_file(apk)) as archive:
            out += [(f"{apk}!{n}", archive.read(n)) for n in archive.namelist() if n.endswith(".so")]
    return out


def _lief_facts(raw: bytes) -> tuple[str, tuple[str, ...], list[str]]:
    import lief

    lief.logging.disable()
    binary = lief.ELF.parse(io.BytesIO(raw))
    soname = next((str(e.name) for e in binary.dynamic_entries if e.tag == lief.ELF.DynamicEntry.TAG.SONAME), "")
    jni = sorted({str(s.name) for s in binary.exported_symbols if str(s.name).startswith("Java_")})
    return soname, tuple(str(lib) for lib in binary.libraries), jni


@pytest.fixture(scope="module")
def shared_objects() -> list[tuple[str, bytes]]:
    return _shared_objects()


def test_same_facts_as_lief(shared_objects):
    assert len(shared_objects) >= 10
    jni_total = 0
    for name, raw in shared_objects:
        assert not elf_problem(raw), name
        facts = read_dynamic(raw, "Java_")
        assert facts is not None, f"{name}: an ordinary shared object"
        soname, needed, jni = _lief_facts(raw)
        assert (facts.soname, facts.needed, sorted(set(facts.exported))) == (soname, needed, jni), name
        jni_total += len(jni)
    assert jni_total >= 40  # the comparison covers real JNI exports (59 in these files), not only empty lists


def test_damaged_files_never_raise(shared_objects):
    rng = random.Random(13)
    samples = [raw for _name, raw in shared_objects if len(raw) < 4_000_000]
    for _ in range(400):
        raw = bytearray(rng.choice(samples))
        for _ in range(rng.randint(1, 16)):
            raw[rng.randrange(min(len(raw), 8192)) if rng.random() < 0.5 else rng.randrange(len(raw))] = rng.randrange(256)
        if rng.random() < 0.3:
            raw = raw[:rng.randrange(64, len(raw))]
        data = bytes(raw)
        if not elf_problem(data):
            read_dynamic(data, "Java_")  # facts or None (then lief reads it); never an exception
