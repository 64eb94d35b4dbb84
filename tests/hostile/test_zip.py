"""The zip layer on hostile archives: every bound refuses within fixed memory and time, nothing is extracted."""

from __future__ import annotations

import io
import random
import resource
import stat
import struct
import time
import zipfile
import zlib

import pytest

from auditor.build.archive import Archive, Limits
from auditor.build.interface import read_build
from auditor.errors import BuildError
from tests.hostile.builders import Entry, GiB, MiB, apk, build_zip, deflate, dex, entry, manifest, zeros_bomb


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _write(tmp_path, data: bytes, name: str = "hostile.apk"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_entry_count_bound_is_checked_before_zipfile_builds_its_index():
    data = build_zip([entry(f"f{i}", b"x", compress=False) for i in range(300)])
    with pytest.raises(BuildError, match="300 zip entries exceed the bound of 100"):
        Archive(data, "many.zip", Limits(max_entries=100))


def test_entry_count_lie_in_end_record_is_still_counted():
    data = bytearray(build_zip([entry(f"f{i}", b"x", compress=False) for i in range(300)]))
    eocd = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, eocd + 8, 1, 1)  # the end record claims a single entry
    with pytest.raises(BuildError, match="more than 100 zip entries"):
        Archive(bytes(data), "liar.zip", Limits(max_entries=100))


def test_central_directory_size_bound():
    data = build_zip([entry("a" * 1000 + str(i), b"x", compress=False) for i in range(50)])
    with pytest.raises(BuildError, match="central directory of .* exceeds the bound"):
        Archive(data, "cd.zip", Limits(max_central_directory=10_000))


def test_declared_10_gib_member_refused_without_reading():
    stream, _crc = zeros_bomb(64 * MiB)
    bomb = Entry("classes2.dex", stream, 8, 0, 10 * GiB, len(stream), zip64=True)
    archive = Archive(build_zip([bomb]), "bomb.zip", Limits())
    with pytest.raises(BuildError, match="inflates to 10737418240 bytes, over the bound"):
        archive.read("classes2.dex")
    assert archive.total_read == 0


def test_real_10_gib_bomb_declared_small_is_cut_at_its_declared_size_in_fixed_memory():
    stream, _ = zeros_bomb(10 * GiB)  # ~10 MB of deflate that really inflates to 10 GiB
    lying = Entry("classes2.dex", stream, 8, zlib.crc32(b"\0" * 1000), 1000, len(stream))
    archive = Archive(build_zip([lying]), "liar.zip", Limits())
    before, start = _rss_mib(), time.monotonic()
    assert archive.read("classes2.dex") == b"\0" * 1000
    assert time.monotonic() - start < 5 and _rss_mib() - before < 64


def test_real_bomb_declared_at_its_true_size_hits_the_ratio_bound():
    stream, _ = zeros_bomb(1 * GiB)
    honest = Entry("big.bin", stream, 8, 0, 1 * GiB, len(stream))
    with pytest.raises(BuildError, match="compression ratio over 300"):
        Archive(build_zip([honest]), "ratio.zip", Limits(max_member_size=2 * GiB)).read("big.bin")


def test_member_lying_about_its_size_under_the_bounds_fails_on_crc_within_the_running_cap():
    stream, _ = zeros_bomb(256 * MiB)
    lying = Entry("x.bin", stream, 8, 0x1234, 64 * MiB, len(stream))  # ratio ~250: under the ratio bound
    archive = Archive(build_zip([lying]), "crc.zip", Limits())
    before, start = _rss_mib(), time.monotonic()
    with pytest.raises(BuildError, match="cannot be inflated .*CRC"):
        archive.read("x.bin")
    assert time.monotonic() - start < 10 and _rss_mib() - before < 200


def test_total_budget_is_shared_with_nested_archives():
    inner = build_zip([entry("classes.dex", random.Random(0).randbytes(3 * MiB))])
    outer = build_zip([entry(f"assets/n{i}.jar", inner) for i in range(8)])
    archive = Archive(outer, "outer.apk", Limits(max_total_read=12 * MiB))
    with pytest.raises(BuildError, match="would inflate more than"):
        for i in range(8):
            nested = archive.open_nested(f"assets/n{i}.jar")
            nested.read("classes.dex")
            nested.close()
    assert archive.total_read <= 12 * MiB


def test_42_zip_style_nesting_is_opened_one_level_only():
    level2 = build_zip([entry("deeper.zip", build_zip([entry("classes.dex", b"\0" * 1000)]))])
    outer = build_zip([entry("a.jar", level2)])
    archive = Archive(outer, "42.apk", Limits())
    nested = archive.open_nested("a.jar")
    with pytest.raises(BuildError, match="nested deeper than the bound of 1"):
        nested.open_nested("deeper.zip")


@pytest.mark.parametrize("name,warning", [
    ("../../etc/passwd", "escapes the archive root"),
    ("..\\..\\windows\\x.dll", "escapes the archive root"),
    ("/etc/passwd", "absolute zip entry name"),
    ("C:/x.so", "absolute zip entry name"),
])
def test_dangerous_names_are_warnings_and_nothing_is_extracted(tmp_path, name, warning):
    path = _write(tmp_path, apk(entry(name, b"payload")))
    before = sorted(p.name for p in tmp_path.parent.iterdir())
    build = read_build(path)
    assert any(warning in w for w in build.warnings), build.warnings
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.apk"]


@pytest.mark.parametrize("dup", ["AndroidManifest.xml", "classes.dex", "classes2.dex", "resources.arsc"])
def test_janus_style_duplicate_of_a_strict_name_is_refused(tmp_path, dup):
    second = manifest(package="com.evil") if dup == "AndroidManifest.xml" else dex(("com.evil.Hidden",))
    path = _write(tmp_path, apk(entry(dup, b"first"), entry(dup, second)) if dup not in (
        "AndroidManifest.xml", "classes.dex") else apk(entry(dup, second)))
    with pytest.raises(BuildError, match=f"duplicate zip entry '{dup}'"):
        read_build(path)


def test_nul_truncated_name_that_duplicates_the_manifest_is_refused():
    data = build_zip([entry("AndroidManifest.xml", manifest()), entry("AndroidManifest.xml\0.png", b"x")])
    with pytest.raises(BuildError, match="duplicate zip entry 'AndroidManifest.xml'"):
        Archive(data, "nul.apk", Limits())


def test_other_duplicates_and_case_variants_are_warnings(tmp_path):
    path = _write(tmp_path, apk(entry("res/a.png", b"1"), entry("res/a.png", b"2"),
                                entry("Classes.dex", dex(("com.x.Y",)))))
    build = read_build(path)
    assert any("duplicate zip entry name 'res/a.png'" in w for w in build.warnings)
    assert any("differ only by case: 'classes.dex', 'Classes.dex'" in w for w in build.warnings)
    assert [d.path for d in build.dex if d.path.startswith("classes")] == ["classes.dex"]


def test_warnings_are_capped_per_kind():
    data = build_zip([entry(f"../x{i}", b"") for i in range(1000)])
    archive = Archive(data, "flood.zip", Limits())
    assert len(archive.warnings) == 6 and archive.warnings[-1] == "escaping names: 995 more"


def test_symlink_entry_is_a_warning_and_never_followed(tmp_path):
    link = entry("lib/arm64-v8a/libx.so", b"/etc/passwd", compress=False,
                 external_attr=(stat.S_IFLNK | 0o777) << 16)
    build = read_build(_write(tmp_path, apk(link)))
    assert any("symlink zip entry 'lib/arm64-v8a/libx.so'" in w for w in build.warnings)
    assert [lib.error for lib in build.native_libs] == ["not an ELF file"]


def test_encrypted_manifest_is_a_build_error(tmp_path):
    enc = Entry("AndroidManifest.xml", b"\0" * 64, 0, 0, 64, 64, flags=0x1)
    path = _write(tmp_path, build_zip([enc, entry("classes.dex", dex())]))
    with pytest.raises(BuildError, match="'AndroidManifest.xml' is encrypted"):
        read_build(path)


def test_data_descriptor_entries_read_correctly():
    body = manifest()
    stored = deflate(body)
    e = Entry("AndroidManifest.xml", stored, 8, zlib.crc32(body), len(body), len(stored), descriptor=True)
    archive = Archive(build_zip([e]), "dd.apk", Limits())
    assert archive.read("AndroidManifest.xml") == body
    assert zipfile.ZipFile(io.BytesIO(build_zip([e]))).testzip() is None


def test_zip64_entries_read_correctly(tmp_path):
    body = manifest()
    e = entry("AndroidManifest.xml", body, zip64=True)
    path = _write(tmp_path, build_zip([e, entry("classes.dex", dex(), zip64=True)]))
    assert read_build(path).manifest.package == "com.example.hostile"


def test_zip64_end_records_written_by_zipfile_are_followed(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        with z.open("AndroidManifest.xml", "w", force_zip64=True) as handle:
            handle.write(manifest())
        z.writestr("classes.dex", dex())
    assert Archive(buf.getvalue(), "z64.apk", Limits()).read("AndroidManifest.xml") == manifest()


def test_janus_dex_prepended_to_the_apk_is_refused():
    with pytest.raises(BuildError, match="a DEX file .* precedes the first zip entry .*Janus"):
        Archive(apk(prefix=dex(("com.evil.Janus",))), "janus.apk", Limits())


def test_other_junk_before_the_first_entry_is_a_warning():
    archive = Archive(apk(prefix=b"#!/bin/sh\nexit 0\n" + b"\0" * 100), "sfx.apk", Limits())
    assert archive.warnings == ["117 bytes of data before the first zip entry (ignored)"]
    assert archive.read("classes.dex") == dex()


def test_overlapping_entries_are_refused():
    data = bytearray(build_zip([entry("a.bin", b"A" * 5000), entry("b.bin", b"B" * 5000)]))
    cd = data.find(b"PK\x01\x02")
    struct.pack_into("<L", data, cd + 20, 20000)  # a.bin's compressed size now covers b.bin
    with pytest.raises(BuildError, match="zip entry 'a.bin' overlaps entry 'b.bin'"):
        Archive(bytes(data), "overlap.zip", Limits())


def test_two_central_records_aliasing_one_local_entry_are_refused():
    one = entry("classes.dex", dex())
    data = bytearray(build_zip([one, entry("x", b"")]))
    second_cd = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4)
    struct.pack_into("<L", data, second_cd + 42, 0)  # 'x' now points at classes.dex's local header
    with pytest.raises(BuildError, match="overlaps"):
        Archive(bytes(data), "alias.zip", Limits())


@pytest.mark.parametrize("data,match", [
    (b"", "not a zip archive"),
    (b"PK\x03\x04" + b"\0" * 10, "not a zip archive"),
    (b"PK\x05\x06" + b"\0" * 18, None),
    (b"x" * 100 + b"PK\x05\x06" + struct.pack("<4H2LH", 0, 0, 1, 1, 46, 0, 0), "not a readable zip archive"),
    (b"x" * 100 + b"PK\x05\x06" + struct.pack("<4H2LH", 0, 0, 1, 1, 500, 0, 0), "larger than the file"),
])
def test_broken_end_records(data, match):
    if match is None:
        assert Archive(data, "empty.zip", Limits()).names == []
        return
    with pytest.raises(BuildError, match=match):
        Archive(data, "broken.zip", Limits())


def test_local_name_differing_from_central_name_fails_on_read():
    e = entry("classes.dex", dex(), local_name="classes.deX")
    archive = Archive(build_zip([e]), "names.zip", Limits())
    with pytest.raises(BuildError, match="cannot be inflated"):
        archive.read("classes.dex")
