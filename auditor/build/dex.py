"""A small DEX reader over the raw bytes: header, string_ids, type_ids, proto_ids, method_ids, class_defs.

It reads only tables, never code semantics, and checks every offset and size against the buffer before it
reads (a hostile DEX raises :class:`DexError`, never ``IndexError``/``struct.error``). Strings are decoded
lazily and cached per instance. Format reference: https://source.android.com/docs/core/runtime/dex-format
"""

from __future__ import annotations

import re
import struct
from array import array
from dataclasses import dataclass
from functools import cached_property

from auditor.errors import BuildError

_MAGIC_PREFIX = b"dex\n"
_HEADER_SIZE = 0x70
_ENDIAN_CONSTANT = 0x12345678
_URL_HOST_RE = re.compile(rb"https?://([A-Za-z0-9][A-Za-z0-9.\-]{1,252}[A-Za-z0-9])")
_MAX_HOSTS = 5000


class DexError(BuildError):
    """A DEX file is malformed."""


@dataclass(frozen=True)
class MethodRef:
    """A ``method_id_item``: a method referenced (defined or called) by the DEX file."""

    class_name: str
    """Dotted name of the declaring class (``android.telephony.TelephonyManager``)."""
    name: str
    descriptor: str
    """Prototype in DEX form, e.g. ``(Ljava/lang/String;)V``."""


def descriptor_to_class(descriptor: str) -> str:
    """``Lcom/foo/Bar;`` -> ``com.foo.Bar``; arrays and primitives are returned unchanged."""
    if descriptor.startswith("L") and descriptor.endswith(";"):
        return descriptor[1:-1].replace("/", ".")
    return descriptor


def class_to_descriptor(name: str) -> str:
    """``com.foo.Bar`` -> ``Lcom/foo/Bar;``."""
    return "L" + name.replace(".", "/") + ";"


def _decode_mutf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Modified UTF-8: NUL as C0 80, supplementary characters as two 3-byte surrogates.
    text = raw.replace(b"\xc0\x80", b"\x00").decode("utf-8", "surrogatepass")
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


class DexFile:
    """One parsed ``classes*.dex``. ``data`` must stay alive as long as the instance is used."""

    def __init__(self, data: bytes, path: str = "classes.dex") -> None:
        self.path = path
        self.data = data
        self._size = len(data)
        if self._size < _HEADER_SIZE or not data.startswith(_MAGIC_PREFIX):
            raise DexError(f"{path}: not a DEX file (bad magic or shorter than the header)")
        try:
            self.version = data[4:7].decode("ascii")
        except UnicodeDecodeError as exc:
            raise DexError(f"{path}: bad DEX version bytes") from exc
        (endian,) = struct.unpack_from("<I", data, 40)
        if endian != _ENDIAN_CONSTANT:
            raise DexError(f"{path}: unsupported endianness tag {endian:#x}")
        fields = struct.unpack_from("<14I", data, 56)
        (self._string_ids_size, self._string_ids_off, self._type_ids_size, self._type_ids_off,
         self._proto_ids_size, self._proto_ids_off, self._field_ids_size, self._field_ids_off,
         self._method_ids_size, self._method_ids_off, self._class_defs_size, self._class_defs_off,
         _data_size, _data_off) = fields
        self._string_offsets = self._table("string_ids", self._string_ids_off, self._string_ids_size, 4, "I")
        self._type_string_idx = self._table("type_ids", self._type_ids_off, self._type_ids_size, 4, "I")
        self._check_table("proto_ids", self._proto_ids_off, self._proto_ids_size, 12)
        self._check_table("field_ids", self._field_ids_off, self._field_ids_size, 8)
        self._check_table("method_ids", self._method_ids_off, self._method_ids_size, 8)
        self._check_table("class_defs", self._class_defs_off, self._class_defs_size, 32)
        self._strings: dict[int, str] = {}

    # -- bounds ---------------------------------------------------------------------------------------
    def _check_table(self, name: str, offset: int, count: int, item: int) -> None:
        if count and (offset < _HEADER_SIZE or offset + count * item > self._size):
            raise DexError(f"{self.path}: {name} table ({count} items at {offset:#x}) runs past the end")

    def _table(self, name: str, offset: int, count: int, item: int, code: str) -> array:
        self._check_table(name, offset, count, item)
        table = array(code)
        table.frombytes(self.data[offset: offset + count * item])
        if table.itemsize != item:  # pragma: no cover - platform with odd int sizes
            raise DexError(f"{self.path}: unsupported platform integer size")
        return table

    # -- strings and types ----------------------------------------------------------------------------
    @property
    def string_count(self) -> int:
        return self._string_ids_size

    def string(self, idx: int) -> str:
        """String ``idx`` of ``string_ids``, decoded from MUTF-8."""
        cached = self._strings.get(idx)
        if cached is not None:
            return cached
        if not 0 <= idx < self._string_ids_size:
            raise DexError(f"{self.path}: string index {idx} out of range")
        off = self._string_offsets[idx]
        if off >= self._size:
            raise DexError(f"{self.path}: string {idx} data offset {off:#x} out of range")
        # skip the uleb128 utf16 length (at most 5 bytes)
        pos = off
        for _ in range(5):
            if pos >= self._size:
                raise DexError(f"{self.path}: truncated string {idx}")
            byte = self.data[pos]
            pos += 1
            if byte < 0x80:
                break
        end = self.data.find(b"\x00", pos)
        if end < 0:
            raise DexError(f"{self.path}: unterminated string {idx}")
        text = _decode_mutf8(self.data[pos:end])
        self._strings[idx] = text
        return text

    def type_descriptor(self, idx: int) -> str:
        if not 0 <= idx < self._type_ids_size:
            raise DexError(f"{self.path}: type index {idx} out of range")
        return self.string(self._type_string_idx[idx])

    def type_name(self, idx: int) -> str:
        """Dotted class name of type ``idx`` (descriptor for arrays/primitives)."""
        return descriptor_to_class(self.type_descriptor(idx))

    # -- tables ---------------------------------------------------------------------------------------
    @cached_property
    def class_names(self) -> tuple[str, ...]:
        """Dotted names of every class defined in this file (``class_defs``), in file order."""
        out: list[str] = []
        base = self._class_defs_off
        for i in range(self._class_defs_size):
            (class_idx,) = struct.unpack_from("<I", self.data, base + i * 32)
            out.append(self.type_name(class_idx))
        return tuple(out)

    @property
    def method_ref_count(self) -> int:
        return self._method_ids_size

    def method_ref(self, idx: int) -> MethodRef:
        """``method_ids[idx]`` resolved to names."""
        if not 0 <= idx < self._method_ids_size:
            raise DexError(f"{self.path}: method index {idx} out of range")
        class_idx, proto_idx, name_idx = struct.unpack_from("<HHI", self.data, self._method_ids_off + idx * 8)
        return MethodRef(self.type_name(class_idx), self.string(name_idx), self.proto_descriptor(proto_idx))

    def method_refs(self) -> list[MethodRef]:
        """Every ``method_id_item`` resolved (costly on large files: prefer :meth:`method_ids_raw`)."""
        return [self.method_ref(i) for i in range(self._method_ids_size)]

    def method_ids_raw(self) -> list[tuple[int, int, int]]:
        """``(class_idx, proto_idx, name_idx)`` for every method id, unresolved (fast)."""
        return list(struct.iter_unpack("<HHI", self.data[self._method_ids_off: self._method_ids_off
                                                         + self._method_ids_size * 8]))

    def proto_descriptor(self, idx: int) -> str:
        if not 0 <= idx < self._proto_ids_size:
            raise DexError(f"{self.path}: proto index {idx} out of range")
        _shorty, return_idx, params_off = struct.unpack_from("<III", self.data, self._proto_ids_off + idx * 12)
        params: list[str] = []
        if params_off:
            if params_off + 4 > self._size:
                raise DexError(f"{self.path}: proto {idx} parameter list out of range")
            (count,) = struct.unpack_from("<I", self.data, params_off)
            if params_off + 4 + count * 2 > self._size:
                raise DexError(f"{self.path}: proto {idx} parameter list out of range")
            params = [self.type_descriptor(t) for t in struct.unpack_from(f"<{count}H", self.data, params_off + 4)]
        return "(" + "".join(params) + ")" + self.type_descriptor(return_idx)

    def url_hosts(self) -> tuple[str, ...]:
        """Host names of ``http(s)://`` URLs in the file's strings, lower-cased, sorted, de-duplicated."""
        hosts: set[str] = set()
        for match in _URL_HOST_RE.finditer(self.data):
            hosts.add(match.group(1).decode("ascii").lower().rstrip("."))
            if len(hosts) >= _MAX_HOSTS:
                break
        return tuple(sorted(hosts))
