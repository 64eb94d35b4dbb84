"""Binary XML guard: broken or hostile manifests are refused with a one-line message before androguard runs;
packer tricks the platform tolerates become warnings."""

from __future__ import annotations

import resource
import struct
import time

import pytest

from auditor.build.axml_guard import AxmlLimits, check_axml
from auditor.build.manifest import parse_manifest
from auditor.errors import BuildError
from tests.hostile.builders import Axml, manifest


def _refused(raw: bytes, match: str) -> None:
    with pytest.raises(BuildError, match=match) as info:
        parse_manifest(raw, "app.apk!AndroidManifest.xml")
    assert "\n" not in str(info.value) and str(info.value).startswith("app.apk!AndroidManifest.xml: ")


def test_valid_manifest_passes_without_warnings():
    warnings: list[str] = []
    m = parse_manifest(manifest(), "m", warnings)
    assert m.package == "com.example.hostile" and warnings == []


@pytest.mark.parametrize("cut", [0, 4, 7, 8, 20, 60, 200, -40, -8, -1])
def test_truncated_manifests_are_refused(cut):
    raw = manifest()
    _refused(raw[:cut], "truncated|declares")


def test_truncated_body_with_patched_root_size_is_refused_not_half_parsed():
    raw = bytearray(manifest()[:-64])
    struct.pack_into("<I", raw, 4, len(raw))
    _refused(bytes(raw), "never closed|runs past|truncated")


def test_plain_text_xml_is_named():
    _refused(b'<?xml version="1.0"?><manifest package="x"/>', "plain-text XML")


@pytest.mark.parametrize("field,value,match", [
    (12, 0x7FFFFFFF, "do not fit"),         # string count
    (16, 0x7FFFFFFF, "do not fit"),         # style count
    (24, 0xFFFFFFF0, "outside its"),       # strings start
    (10, 0x00, "header size"),             # pool header size (low half of the u16 at 10)
])
def test_bogus_string_pool_fields_are_refused(field, value, match):
    raw = bytearray(manifest())
    if field == 10:
        struct.pack_into("<H", raw, 8 + 2, 4)
    else:
        struct.pack_into("<I", raw, 8 + field - 4, value)
    _refused(bytes(raw), match)


@pytest.mark.parametrize("shift", [1, 2, 3])
def test_string_data_offset_off_the_tables_is_refused(shift):
    # the platform reads strings from the declared offset, androguard's reader right after the offset
    # tables: shifted by 1-3 bytes, the two would read different strings (a packer could show each its own)
    raw = bytearray(manifest())
    (start,) = struct.unpack_from("<I", raw, 8 + 20)
    struct.pack_into("<I", raw, 8 + 20, start + shift)
    _refused(bytes(raw), "does not follow the 4-byte offset tables")


def test_string_offset_out_of_the_pool_is_refused_when_referenced():
    raw = bytearray(manifest())
    struct.pack_into("<I", raw, 8 + 28 + 4 * 4, 0x7FFF0000)  # string 4 ("manifest") points far away
    # androguard would return "" for it and drop the root element: refuse
    _refused(bytes(raw), "malformed string 4|without a name")


def test_huge_chunk_size_is_refused():
    raw = bytearray(manifest())
    pool_size = struct.unpack_from("<I", raw, 12)[0]
    struct.pack_into("<I", raw, 8 + pool_size + 4, 0x7FFFFFF0)  # resource map size
    _refused(bytes(raw), "runs past the end")


def test_misaligned_chunk_is_refused():
    raw = bytearray(manifest())
    pool_size = struct.unpack_from("<I", raw, 12)[0]
    struct.pack_into("<I", raw, 8 + pool_size + 4, 13)
    _refused(bytes(raw), "not aligned")


def test_attribute_start_trick_is_refused():
    _refused(Axml(attr_start=24).build(), "attributes start at 24")


def test_node_header_size_trick_is_refused():
    _refused(Axml(node_header=20).build(), "header size 20, not 16")


def test_unclosed_root_is_refused():
    _refused(Axml(close_root=False).build(), "never closed")


def test_deep_nesting_is_refused():
    a = Axml()
    raw = a.build()
    # wrap: many start tags of <application> then as many end tags, inserted before the manifest's end tag
    start = a._start("application", [])
    end = a._end("application")
    body = raw[8:]
    closing = a._end("manifest") + a._node(0x0101, struct.pack("<2I", a.idx("android"), a.idx(
        "http://schemas.android.com/apk/res/android")))
    assert body.endswith(closing)
    body = body[: -len(closing)] + start * 300 + end * 300 + closing
    deep = struct.pack("<HHI", 3, 8, 8 + len(body)) + body
    _refused(deep, "nested deeper than 256")


def test_string_reuse_memory_bomb_is_refused_in_fixed_time():
    long = "A" * 30_000
    a = Axml(permissions=("android.permission.CAMERA",), extra_strings=(long,), copies=2000)
    a.build()
    a.permission_value_index = a.strings.index(long)
    raw = a.build()
    assert len(raw) < 300_000  # ~250 KB that would ask lxml for 60 million characters
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.monotonic()
    _refused(raw, "expand to more than")
    assert time.monotonic() - start < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB


def test_element_count_bound():
    with pytest.raises(BuildError, match="more than 10 elements"):
        check_axml(Axml(copies=20).build(), "m", AxmlLimits(max_elements=10))


def test_namespace_flood_is_refused():
    a = Axml()
    raw = a.build()
    ns = a._node(0x0100, struct.pack("<2I", a.idx("android"), a.idx("http://schemas.android.com/apk/res/android")))
    body = raw[8:]
    pool_and_map = body[: body.index(ns)]
    flooded = pool_and_map + ns * 100 + body[len(pool_and_map):]
    _refused(struct.pack("<HHI", 3, 8, 8 + len(flooded)) + flooded, "namespace mappings open at once")


def test_second_string_pool_is_refused():
    raw = manifest()
    pool_size = struct.unpack_from("<I", raw, 12)[0]
    pool = raw[8:8 + pool_size]
    body = raw[8:8 + pool_size] + pool + raw[8 + pool_size:]
    _refused(struct.pack("<HHI", 3, 8, 8 + len(body)) + body, "second string pool")


def test_end_tag_without_start_is_refused():
    a = Axml()
    raw = a.build()
    pool_size = struct.unpack_from("<I", raw, 12)[0]
    at = 8 + pool_size + 12  # after the resource map
    body = raw[8:at] + a._end("manifest") + raw[at:]
    _refused(struct.pack("<HHI", 3, 8, 8 + len(body)) + body, "never started")


def test_packer_tricks_are_warnings():
    warnings: list[str] = []
    raw = Axml(root_type=0x0000, trailing=b"\xde\xad\xbe\xef" * 10).build()
    m = parse_manifest(raw, "m", warnings)
    assert m.package == "com.example.hostile"
    assert any("root chunk type 0x0000" in w for w in warnings)
    assert any("40 bytes after the declared end" in w for w in warnings)


def test_garbage_after_the_root_element_is_cut_off():
    raw = manifest()
    junk = struct.pack("<HHI", 0x0101, 8, 0) + b"\xff" * 16  # the zero-size end-namespace trick
    body = raw[8:] + junk
    checked = check_axml(struct.pack("<HHI", 3, 8, 8 + len(body)) + body, "m")
    assert checked.data == raw and any("after the end of the root element" in w for w in checked.warnings)


def test_namespace_on_tags_does_not_hide_permissions():
    """Packers put a namespace on <uses-permission>; the platform matches tags by local name."""
    m = parse_manifest(Axml(tag_ns="http://evil.example/ns", permissions=(
        "android.permission.READ_CONTACTS", "android.permission.CAMERA")).build(), "m")
    assert m.package == "com.example.hostile"
    assert {p.name for p in m.uses_permissions} == {"android.permission.READ_CONTACTS", "android.permission.CAMERA"}


def test_utf8_pool_bogus_lengths():
    # a UTF-8 pool whose last string runs to the very end of the pool: androguard indexes past it
    data = b"\x05\x05hello\x00" + b"\x02\x02ab"
    pool = struct.pack("<HHI5I", 1, 28, 28 + 8 + len(data), 2, 0, 0x100, 36, 0) + struct.pack("<2I", 0, 8) + data
    el = struct.pack("<HHI2I2I6H", 0x0102, 16, 36, 1, 0xFFFFFFFF, 0xFFFFFFFF, 1, 20, 20, 0, 0, 0, 0)
    end = struct.pack("<HHI2I2I", 0x0103, 16, 24, 1, 0xFFFFFFFF, 0xFFFFFFFF, 1)
    body = pool + el + end
    with pytest.raises(BuildError, match="malformed string 1"):
        check_axml(struct.pack("<HHI", 3, 8, 8 + len(body)) + body, "m")
