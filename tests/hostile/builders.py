"""Hostile inputs built in memory: a hand-written zip writer (every size and flag under the test's control),
a binary-XML manifest writer, and deflate streams that inflate to gigabytes from a few megabytes."""

from __future__ import annotations

import struct
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from dexgen import build_dex

GiB = 1 << 30
MiB = 1 << 20
ANDROID_URI = "http://schemas.android.com/apk/res/android"
NO_REF = 0xFFFFFFFF


# -- zip --------------------------------------------------------------------------------------------------
@dataclass
class Entry:
    name: str
    data: bytes = b""
    """Bytes stored in the archive (already compressed when ``method`` is 8)."""
    method: int = 0
    crc: int | None = None
    usize: int | None = None
    csize: int | None = None
    flags: int = 0
    external_attr: int = 0
    zip64: bool = False
    local_name: str | None = None
    extra: bytes = b""
    descriptor: bool = False


def deflate(data: bytes) -> bytes:
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    return co.compress(data) + co.flush()


def entry(name: str, data: bytes, compress: bool = True, **kw: object) -> Entry:
    """A truthful entry for ``data``."""
    stored = deflate(data) if compress else data
    return Entry(name, stored, 8 if compress else 0, zlib.crc32(data), len(data), len(stored), **kw)  # type: ignore[arg-type]


def zeros_bomb(total: int, segment: int = 16 * MiB) -> tuple[bytes, int]:
    """A raw deflate stream inflating to ``total`` zero bytes (a multiple of ``segment``), and its CRC."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    seg = co.compress(b"\0" * segment) + co.flush(zlib.Z_FULL_FLUSH)
    count = total // segment
    crc = 0
    block = b"\0" * segment
    for _ in range(min(count, 4)):  # CRC of a run of zeros: computed for small totals only
        crc = zlib.crc32(block, crc)
    return seg * count + co.flush(), crc


def build_zip(entries: list[Entry], prefix: bytes = b"", comment: bytes = b"") -> bytes:
    out = bytearray(prefix)
    central = bytearray()
    for e in entries:
        crc = e.crc if e.crc is not None else zlib.crc32(e.data)
        usize = e.usize if e.usize is not None else len(e.data)
        csize = e.csize if e.csize is not None else len(e.data)
        name = e.name.encode("utf-8")
        local_name = (e.local_name if e.local_name is not None else e.name).encode("utf-8")
        flags = e.flags | 0x800 | (0x8 if e.descriptor else 0)
        offset = len(out)
        extra = e.extra
        if e.zip64:
            extra = struct.pack("<HHQQ", 1, 16, usize, csize) + extra
            l_usize = l_csize = 0xFFFFFFFF
        else:
            l_usize, l_csize = usize, csize
        l_crc, l_u, l_c = (0, 0, 0) if e.descriptor else (crc, l_usize, l_csize)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 45 if e.zip64 else 20, flags, e.method, 0, 0x21,
                           l_crc, l_c, l_u, len(local_name), len(extra))
        out += local_name + extra + e.data
        if e.descriptor:
            out += struct.pack("<4s3L", b"PK\x07\x08", crc, l_csize, l_usize)
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x031E, 45 if e.zip64 else 20, flags, e.method,
                               0, 0x21, crc, l_csize, l_usize, len(name), len(extra), 0, 0, 0,
                               e.external_attr, offset)
        central += name + extra
    cd_offset = len(out)
    out += central
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central),
                       cd_offset - len(prefix) if False else cd_offset, len(comment)) + comment
    return bytes(out)


# -- binary XML ---------------------------------------------------------------------------------------------
@dataclass
class Axml:
    """A small AndroidManifest.xml in binary form; tweak the fields to make it hostile."""

    package: str = "com.example.hostile"
    permissions: tuple[str, ...] = ("android.permission.CAMERA",)
    root_type: int = 0x0003
    tag_ns: str | None = None
    """Namespace URI put on every tag (a packer trick)."""
    extra_strings: tuple[str, ...] = ()
    attr_start: int = 20
    node_header: int = 16
    close_root: bool = True
    trailing: bytes = b""
    permission_value_index: int | None = None
    """Force the string index of every permission's value (e.g. all the same long string)."""
    copies: int = 1
    """How many times each <uses-permission> is repeated."""
    strings: list[str] = field(default_factory=list)

    def idx(self, s: str) -> int:
        if s not in self.strings:
            self.strings.append(s)
        return self.strings.index(s)

    def build(self) -> bytes:
        self.strings = ["name"]  # index 0, mapped to android:name by the resource map
        for s in ("android", ANDROID_URI, "package", "manifest", "uses-permission", "application",
                  self.package, *self.permissions, *self.extra_strings):
            self.idx(s)
        if self.tag_ns:
            self.idx(self.tag_ns)
        nodes = bytearray()
        nodes += self._node(0x0100, struct.pack("<2I", self.idx("android"), self.idx(ANDROID_URI)))
        nodes += self._start("manifest", [(NO_REF, self.idx("package"), self.idx(self.package))])
        for perm in self.permissions:
            value = self.permission_value_index if self.permission_value_index is not None else self.idx(perm)
            for _ in range(self.copies):
                nodes += self._start("uses-permission", [(self.idx(ANDROID_URI), 0, value)])
                nodes += self._end("uses-permission")
        nodes += self._start("application", [])
        nodes += self._end("application")
        if self.close_root:
            nodes += self._end("manifest")
            nodes += self._node(0x0101, struct.pack("<2I", self.idx("android"), self.idx(ANDROID_URI)))
        pool = self._pool()
        resmap = struct.pack("<HHI", 0x0180, 8, 12) + struct.pack("<I", 0x01010003)
        body = pool + resmap + bytes(nodes)
        return struct.pack("<HHI", self.root_type, 8, 8 + len(body)) + body + self.trailing

    def _pool(self) -> bytes:
        offsets, data = [], bytearray()
        for s in self.strings:
            offsets.append(len(data))
            units = s.encode("utf-16-le")
            data += struct.pack("<H", len(units) // 2) + units + b"\0\0"
        while len(data) % 4:
            data += b"\0"
        header_size = 28
        strings_start = header_size + 4 * len(offsets)
        size = strings_start + len(data)
        return (struct.pack("<HHI5I", 0x0001, header_size, size, len(offsets), 0, 0, strings_start, 0)
                + b"".join(struct.pack("<I", o) for o in offsets) + bytes(data))

    def _node(self, ctype: int, ext: bytes) -> bytes:
        pad = b"\0" * (self.node_header - 16)
        return struct.pack("<HHI2I", ctype, self.node_header, self.node_header + len(ext), 1, NO_REF) + pad + ext

    def _start(self, tag: str, attrs: list[tuple[int, int, int]]) -> bytes:
        ns = self.idx(self.tag_ns) if self.tag_ns else NO_REF
        ext = struct.pack("<2I6H", ns, self.idx(tag), self.attr_start, 20, len(attrs), 0, 0, 0)
        ext += b"\0" * (self.attr_start - 20) if self.attr_start > 20 else b""
        for a_ns, a_name, a_value in attrs:
            ext += struct.pack("<3IHBBI", a_ns, a_name, a_value, 8, 0, 0x03, a_value)
        return self._node(0x0102, ext)

    def _end(self, tag: str) -> bytes:
        ns = self.idx(self.tag_ns) if self.tag_ns else NO_REF
        return self._node(0x0103, struct.pack("<2I", ns, self.idx(tag)))


def manifest(**kw: object) -> bytes:
    return Axml(**kw).build()  # type: ignore[arg-type]


def dex(classes: tuple[str, ...] = ("com.example.hostile.Main",)) -> bytes:
    return build_dex(list(classes))


def apk(*extra: Entry, manifest_bytes: bytes | None = None, dex_bytes: bytes | None = None,
        prefix: bytes = b"") -> bytes:
    """A minimal APK (manifest + classes.dex) followed by ``extra`` entries."""
    entries = [entry("AndroidManifest.xml", manifest_bytes if manifest_bytes is not None else manifest()),
               entry("classes.dex", dex_bytes if dex_bytes is not None else dex())]
    return build_zip(entries + list(extra), prefix=prefix)


def build_zip_stored_many(members: list[tuple[str, bytes]]) -> bytes:
    """A stored (uncompressed) zip of any number of members, with ZIP64 end records when past 65,535: built
    with joins, fast enough for 200,000 members."""
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in members:
        raw = name.encode("utf-8")
        crc = zlib.crc32(data)
        header = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, 0, 0, 0x21, crc, len(data), len(data),
                             len(raw), 0) + raw
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x031E, 20, 0x800, 0, 0, 0x21, crc, len(data),
                                   len(data), len(raw), 0, 0, 0, 0, 0, offset) + raw)
        local.append(header + data)
        offset += len(header) + len(data)
    directory = b"".join(central)
    out = b"".join(local) + directory
    count = len(members)
    if count <= 0xFFFF:
        return out + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    eocd64_at = len(out)
    out += struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(directory), offset)
    out += struct.pack("<4sLQL", b"PK\x06\x07", 0, eocd64_at, 1)
    return out + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)


# -- protobuf (aapt2 XmlNode, for AAB manifests) ---------------------------------------------------------------
def pb_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def pb_field(number: int, payload: bytes | str) -> bytes:
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    return pb_varint(number << 3 | 2) + pb_varint(len(data)) + data


def pb_attribute(name: str, value: str, namespace: str = ANDROID_URI) -> bytes:
    """``XmlAttribute {namespace_uri = 1; name = 2; value = 3}``."""
    return pb_field(1, namespace) + pb_field(2, name) + pb_field(3, value)


def pb_element(name: str, attributes: list[bytes] = (), children: list[bytes] = ()) -> bytes:  # type: ignore[assignment]
    """``XmlElement {name = 3; attribute = 4; child = 5 (XmlNode {element = 1})}``."""
    return (pb_field(3, name) + b"".join(pb_field(4, a) for a in attributes)
            + b"".join(pb_field(5, pb_field(1, c)) for c in children))


def pb_manifest(package: str = "com.example.hostile", attributes: list[bytes] = (),  # type: ignore[assignment]
                children: list[bytes] = ()) -> bytes:  # type: ignore[assignment]
    """An ``XmlNode`` holding ``<manifest package=...>`` with extra attributes and child elements."""
    attrs = [pb_field(2, "package") + pb_field(3, package), *attributes]
    return pb_field(1, pb_element("manifest", attrs, list(children)))


def aab(manifest_pb: bytes, *extra: Entry) -> bytes:
    """A minimal Android App Bundle: BundleConfig.pb, the base module's manifest and one dex."""
    return build_zip([entry("BundleConfig.pb", b""), entry("base/manifest/AndroidManifest.xml", manifest_pb),
                      entry("base/dex/classes.dex", dex()), *extra])
