"""Our DEX reader: tables parsed right, strings decoded as MUTF-8, every bad offset a DexError."""

from __future__ import annotations

import struct

import pytest
from dexgen import build_dex

from auditor.build.dex import DexError, DexFile, class_to_descriptor, descriptor_to_class


def test_reads_classes_method_refs_and_url_hosts():
    raw = build_dex(
        ["com.example.App", "cn.jpush.android.api.JPushInterface"],
        [("android.telephony.TelephonyManager", "getDeviceId", "Ljava/lang/String;")],
        ["https://api.jpush.cn/v3/push", "http://Stats.Example.ORG:8080/x", "not a url"],
    )
    dex = DexFile(raw, "classes.dex")
    assert dex.version == "035"
    assert set(dex.class_names) == {"com.example.App", "cn.jpush.android.api.JPushInterface"}
    refs = dex.method_refs()
    assert [(r.class_name, r.name, r.descriptor) for r in refs] == [
        ("android.telephony.TelephonyManager", "getDeviceId", "()Ljava/lang/String;")
    ]
    assert dex.url_hosts() == ("api.jpush.cn", "stats.example.org")


def test_decodes_modified_utf8_supplementary_characters():
    dex = DexFile(build_dex(["x.y.Ünï𝄞"]))
    assert dex.class_names == ("x.y.Ünï𝄞",)


def test_descriptor_round_trip():
    assert descriptor_to_class("Lcom/foo/Bar$1;") == "com.foo.Bar$1"
    assert class_to_descriptor("com.foo.Bar") == "Lcom/foo/Bar;"
    assert descriptor_to_class("[I") == "[I"


@pytest.mark.parametrize("mutate, message", [
    (lambda b: b[:0x40], "not a DEX"),
    (lambda b: b"zip\n035\x00" + b[8:], "not a DEX"),
    (lambda b: b[:40] + struct.pack("<I", 0x78563412) + b[44:], "endianness"),
    (lambda b: b[:56] + struct.pack("<II", 10**6, 0x70) + b[64:], "string_ids"),
    (lambda b: b[:96] + struct.pack("<II", 5000, 0x70) + b[104:], "class_defs"),
])
def test_rejects_malformed_headers(mutate, message):
    raw = build_dex(["a.b.C"])
    with pytest.raises(DexError, match=message):
        DexFile(mutate(raw)).class_names


def test_out_of_range_string_offset_is_a_dex_error():
    raw = bytearray(build_dex(["a.b.C"]))
    string_ids_off = struct.unpack_from("<I", raw, 60)[0]
    struct.pack_into("<I", raw, string_ids_off, len(raw) + 100)
    with pytest.raises(DexError, match="out of range"):
        DexFile(bytes(raw)).class_names


def test_unterminated_string_is_a_dex_error():
    raw = build_dex(["a.b.C"])
    with pytest.raises(DexError):
        # cut the file inside the string data: the header still claims the full tables
        DexFile(raw[: len(raw) - 3]).class_names


def test_index_out_of_range():
    dex = DexFile(build_dex(["a.b.C"]))
    with pytest.raises(DexError):
        dex.string(10_000)
    with pytest.raises(DexError):
        dex.method_ref(0)


def test_all_strings_at_once_equal_each_string_read_alone():
    """The bulk decoder (numpy, ASCII sliced from one run) against the string-by-string reader, on a file
    with ASCII, two- and three-byte MUTF-8, an encoded NUL and supplementary characters; the expected
    texts are written here."""
    texts = ["plain", "Ünï", "中文字符", "a\x00b", "x.y.𝄞z", ""]
    dex = DexFile(build_dex(["a.b.C"], strings=texts))
    alone = DexFile(dex.data)
    every = dex.all_strings()
    assert every is not None
    assert every == [alone.string(i) for i in range(alone.string_count)]
    assert set(texts) <= set(every)
    assert dex.all_type_descriptors() == ["La/b/C;"]


def test_bad_string_table_falls_back_to_reading_strings_alone():
    """One string pointing past the end: the table is not decoded at once, the other strings still read,
    and the faulty one raises only when asked for (as before)."""
    raw = bytearray(build_dex(["a.b.C"], strings=["zz-last"]))
    string_ids_off, = struct.unpack_from("<I", raw, 60)
    count, = struct.unpack_from("<I", raw, 56)
    struct.pack_into("<I", raw, string_ids_off + 4 * (count - 1), len(raw) + 100)
    dex = DexFile(bytes(raw))
    assert dex.all_strings() is None
    assert dex.class_names == ("a.b.C",)
    with pytest.raises(DexError, match="out of range"):
        dex.string(count - 1)


def test_all_protos_at_once_and_the_fallback():
    raw = bytearray(build_dex(["a.b.C"], [("a.b.C", "f", "Ljava/lang/String;"), ("a.b.C", "g", "V")]))
    dex = DexFile(bytes(raw))
    assert dex.all_proto_descriptors() == ["()Ljava/lang/String;", "()V"]
    proto_ids_off, = struct.unpack_from("<I", raw, 76)
    struct.pack_into("<I", raw, proto_ids_off + 4, 999)  # a return type out of range: built one by one
    dex = DexFile(bytes(raw))
    assert dex.all_proto_descriptors() is None
    assert dex.proto_descriptor(1) == "()V"
    with pytest.raises(DexError, match="out of range"):
        dex.proto_descriptor(0)


def test_tables_at_once_agree_with_entry_by_entry_on_damaged_files():
    """400 copies of a small DEX with a few random bytes changed (fixed seed): wherever the string or proto
    table is decoded at once, every entry equals what the entry-by-entry reader gives for it (which must
    not fail there); where it is not, the entry-by-entry reader stays in charge."""
    import random

    base = build_dex(["a.b.C", "x.y.Ünï𝄞", "q.R"], [("a.b.C", "f", "Ljava/lang/String;"), ("q.R", "g", "V")],
                     ["plain", "中文", "a\x00b", "https://x.y/z"])
    rng = random.Random(13)
    decoded = 0
    for _ in range(400):
        raw = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            raw[rng.randrange(0x38, len(raw))] = rng.randrange(256)
        try:
            bulk, alone = DexFile(bytes(raw)), DexFile(bytes(raw))
        except DexError:
            continue
        strings, protos = bulk.all_strings(), bulk.all_proto_descriptors()
        for table, read, count in ((strings, alone.string, alone.string_count),
                                   (protos, alone.proto_descriptor, alone._proto_ids_size)):
            if table is None:
                continue
            decoded += 1
            assert len(table) == count
            for i, text in enumerate(table):
                assert read(i) == text
    assert decoded > 200
