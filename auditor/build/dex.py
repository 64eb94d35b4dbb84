"""A small DEX reader over the raw bytes: header, string_ids, type_ids, proto_ids, method_ids, class_defs.

It reads only tables, never code semantics, and checks every offset and size against the buffer before it
reads (a hostile DEX raises :class:`DexError`, never ``IndexError``/``struct.error``): the header's own size
and the file size it declares, every table inside the file and no two tables overlapping, string data
within the length each string declares, proto parameter lists within the format's 255. Strings are decoded
lazily and cached per instance, by offset; the bytes scanned for strings are budgeted against the file size,
so ids that all point into one long run of bytes cannot turn lookups quadratic. :meth:`DexFile.all_strings`
decodes the whole string table at once with numpy (the same checks, over arrays; ASCII strings sliced from
one decoded run, MUTF-8 decoding only for the others) for the analyses that resolve most of it.
Format reference: https://source.android.com/docs/core/runtime/dex-format
"""

from __future__ import annotations

import re
import struct
from array import array
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from auditor.errors import BuildError

_MAGIC_PREFIX = b"dex\n"
_HEADER_SIZE = 0x70
_ENDIAN_CONSTANT = 0x12345678
_MAX_PARAMS = 255
"""A method takes at most 255 parameter slots (JVM and DEX limit); longer type_lists are hostile."""
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
    data = raw.replace(b"\xc0\x80", b"\x00")
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:  # not even modified UTF-8 (hostile or corrupt): keep what can be read
        return data.decode("utf-8", "replace")
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
        file_size, header_size = struct.unpack_from("<2I", data, 32)
        if header_size < _HEADER_SIZE or header_size > self._size:
            raise DexError(f"{path}: header size {header_size:#x} is invalid (file of {self._size} bytes)")
        if file_size > self._size:
            raise DexError(f"{path}: truncated (the header declares {file_size} bytes, {self._size} present)")
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
        self._check_overlaps(header_size)
        self._strings: dict[int, str] = {}
        self._by_offset: dict[int, str] = {}
        self._scan_budget = 2 * self._size + (1 << 20)
        self._all: list[str] | None = None
        self._all_types: list[str] | None = None
        self.derived: dict[str, object] = {}
        """Views derived from this file's bytes by the analyses (the code tables of
        :func:`auditor.code.tables.dex_tables`), built once and shared while the file is in use."""

    # -- bounds ---------------------------------------------------------------------------------------
    def _check_table(self, name: str, offset: int, count: int, item: int) -> None:
        if count and (offset < _HEADER_SIZE or offset + count * item > self._size):
            raise DexError(f"{self.path}: {name} table ({count} items at {offset:#x}) runs past the end")

    def _check_overlaps(self, header_size: int) -> None:
        """The id tables lie after the header and do not overlap one another."""
        regions = sorted(
            (off, off + count * item, name) for name, off, count, item in (
                ("string_ids", self._string_ids_off, self._string_ids_size, 4),
                ("type_ids", self._type_ids_off, self._type_ids_size, 4),
                ("proto_ids", self._proto_ids_off, self._proto_ids_size, 12),
                ("field_ids", self._field_ids_off, self._field_ids_size, 8),
                ("method_ids", self._method_ids_off, self._method_ids_size, 8),
                ("class_defs", self._class_defs_off, self._class_defs_size, 32),
            ) if count
        )
        previous_end, previous = header_size, "header"
        for start, end, name in regions:
            if start < previous_end:
                raise DexError(f"{self.path}: {name} table at {start:#x} overlaps the {previous}")
            previous_end, previous = end, name

    def _table(self, name: str, offset: int, count: int, item: int, code: str) -> array[int]:
        self._check_table(name, offset, count, item)
        table = array(code)
        table.frombytes(self.data[offset: offset + count * item])
        if table.itemsize != item:  # pragma: no cover - platform with odd int sizes
            raise DexError(f"{self.path}: unsupported platform integer size")
        return table

    # -- strings and types ----------------------------------------------------------------------------
    @property
    def string_count(self) -> int:
        return int(self._string_ids_size)

    def string(self, idx: int) -> str:
        """String ``idx`` of ``string_ids``, decoded from MUTF-8."""
        if self._all is not None and 0 <= idx < self._string_ids_size:
            return self._all[idx]
        cached = self._strings.get(idx)
        if cached is not None:
            return cached
        if not 0 <= idx < self._string_ids_size:
            raise DexError(f"{self.path}: string index {idx} out of range")
        off = self._string_offsets[idx]
        text = self._by_offset.get(off)
        if text is None:
            text = self._by_offset[off] = self._decode_string(idx, off)
        self._strings[idx] = text
        return text

    def _decode_string(self, idx: int, off: int) -> str:
        if not _HEADER_SIZE <= off < self._size:
            raise DexError(f"{self.path}: string {idx} data offset {off:#x} out of range")
        # the uleb128 utf16 length (at most 5 bytes) bounds the MUTF-8 bytes: at most 3 per UTF-16 unit
        pos, units, shift = off, 0, 0
        for _ in range(5):
            if pos >= self._size:
                raise DexError(f"{self.path}: truncated string {idx}")
            byte = self.data[pos]
            pos += 1
            units |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        else:
            raise DexError(f"{self.path}: string {idx} length is longer than 5 bytes")
        limit = min(self._size, pos + 3 * units + 1)
        end = self.data.find(b"\x00", pos, limit)
        if end < 0:
            what = "unterminated" if limit == self._size else f"longer than its declared {units} UTF-16 units"
            raise DexError(f"{self.path}: string {idx} is {what}")
        self._scan_budget -= end - off + 1
        if self._scan_budget < 0:
            raise DexError(f"{self.path}: string data overlaps (more string bytes decoded than the file holds)")
        return _decode_mutf8(self.data[pos:end])

    def all_strings(self) -> list[str] | None:
        """Every string of ``string_ids``, decoded at once (kept); None when some string would fail the
        checks of :meth:`string` (out of range, unterminated, longer than declared, overlapping beyond the
        scan budget): then each string is read alone, and only the faulty one raises, when asked for."""
        if self._all is None:
            self._all = strings = self._decode_all()
            if strings is not None and (not self._type_ids_size or max(self._type_string_idx) < len(strings)):
                self._all_types = [strings[i] for i in self._type_string_idx]
        return self._all

    def all_type_descriptors(self) -> list[str] | None:
        """The descriptor of every ``type_ids`` entry (after :meth:`all_strings`; None where that is None
        or some type names a string out of range)."""
        self.all_strings()
        return self._all_types

    @cached_property
    def all_type_names(self) -> list[str] | None:
        """The dotted name of every ``type_ids`` entry (:func:`descriptor_to_class` of
        :meth:`all_type_descriptors`; None where that is None)."""
        descriptors = self.all_type_descriptors()
        return None if descriptors is None else [descriptor_to_class(d) for d in descriptors]

    def _decode_all(self) -> list[str] | None:
        count, size = self._string_ids_size, self._size
        if not count:
            return []
        buf = np.frombuffer(self.data, dtype=np.uint8, count=size)
        offs = np.frombuffer(self.data, dtype="<u4", count=count, offset=self._string_ids_off).astype(np.int64)
        if int(offs.min()) < _HEADER_SIZE or int(offs.max()) >= size:
            return None
        lead = buf[np.minimum(offs[:, None] + np.arange(5), size - 1)].astype(np.int64)  # uleb128 UTF-16 length
        more = lead >= 0x80
        if more.all(axis=1).any():
            return None
        length = np.argmin(more, axis=1) + 1
        if int((offs + length).max()) > size:
            return None
        units = np.zeros(count, dtype=np.int64)
        for k in range(5):
            units |= np.where(k < length, (lead[:, k] & 0x7F) << (7 * k), 0)
        pos = offs + length
        limit = np.minimum(size, pos + 3 * units + 1)
        lo = int(pos.min())
        nul = np.flatnonzero(buf[lo:int(limit.max())] == 0) + lo
        at = np.searchsorted(nul, pos)
        if int(at.max()) >= len(nul):
            return None
        end = nul[at]
        if (end >= limit).any():
            return None
        if int((end - offs + 1).sum()) > self._scan_budget:
            return None
        hi = int(end.max())
        text = self.data[lo:hi].decode("latin-1")  # one character per byte: byte offsets index it
        high = np.flatnonzero(buf[lo:hi] >= 0x80)  # the bytes of non-ASCII characters (few)
        starts, stops = (pos - lo).tolist(), (end - lo).tolist()
        out = [text[a:b] for a, b in zip(starts, stops)]
        for i in np.flatnonzero(np.searchsorted(high, end - lo) != np.searchsorted(high, pos - lo)).tolist():
            out[i] = _decode_mutf8(self.data[lo + starts[i]:lo + stops[i]])
        return out

    def type_descriptor(self, idx: int) -> str:
        if self._all_types is not None and 0 <= idx < self._type_ids_size:
            return self._all_types[idx]
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
        base = self._class_defs_off
        names = self.all_type_names
        if names is not None and self._class_defs_size:  # class_idx: the first word of each class_def_item
            idx = np.frombuffer(self.data, dtype="<u4", count=8 * self._class_defs_size, offset=base)[::8]
            if not len(idx) or int(idx.max()) < len(names):
                return tuple(map(names.__getitem__, idx.tolist()))
        out: list[str] = []
        for i in range(self._class_defs_size):
            (class_idx,) = struct.unpack_from("<I", self.data, base + i * 32)
            out.append(self.type_name(class_idx))
        return tuple(out)

    @property
    def method_ref_count(self) -> int:
        return int(self._method_ids_size)

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
            if count > _MAX_PARAMS:
                raise DexError(f"{self.path}: proto {idx} has {count} parameters (at most {_MAX_PARAMS})")
            if params_off + 4 + count * 2 > self._size:
                raise DexError(f"{self.path}: proto {idx} parameter list out of range")
            listed = struct.unpack_from(f"<{count}H", self.data, params_off + 4)
            types = self._all_types
            if types is not None and (not count or max(listed) < len(types)):
                params = [types[t] for t in listed]
            else:
                params = [self.type_descriptor(t) for t in listed]
        return "(" + "".join(params) + ")" + self.type_descriptor(return_idx)

    def all_proto_descriptors(self) -> list[str] | None:
        """The descriptor of every ``proto_ids`` entry, built at once (None where :meth:`all_type_descriptors`
        is None or some proto fails the checks of :meth:`proto_descriptor`: then each is built alone)."""
        types = self.all_type_descriptors()
        count = self._proto_ids_size
        if types is None or not count:
            return None if types is None else []
        ids = np.frombuffer(self.data, dtype="<u4", count=3 * count, offset=self._proto_ids_off).reshape(-1, 3)
        ret, off = ids[:, 1].astype(np.int64), ids[:, 2].astype(np.int64)
        has = off != 0
        if int(ret.max()) >= len(types) or (has & (off + 4 > self._size)).any():
            return None
        size = np.zeros(count, dtype=np.int64)
        at = np.nonzero(has)[0]
        buf = np.frombuffer(self.data, dtype=np.uint8)
        size[at] = (buf[off[at, None] + np.arange(4)].astype(np.int64) << np.arange(0, 32, 8)).sum(axis=1)
        if (size > _MAX_PARAMS).any() or (off + 4 + 2 * size > self._size).any():
            return None
        first = np.repeat(off + 4 - 2 * (np.cumsum(size) - size), size) + 2 * np.arange(int(size.sum()))
        params = buf[first].astype(np.int64) | (buf[first + 1].astype(np.int64) << 8)
        if len(params) and int(params.max()) >= len(types):
            return None
        # one string of pieces "(" params ")" return "\n" per proto, split on the separator
        width = size + 4
        where = np.cumsum(width) - width
        pieces = np.empty(int(width.sum()), dtype=object)
        described = np.array(types, dtype=object)
        pieces[where] = "("
        pieces[np.repeat(where + 1 - (np.cumsum(size) - size), size) + np.arange(len(params))] = described[params]
        pieces[where + size + 1] = ")"
        pieces[where + size + 2] = described[ret]
        pieces[where + size + 3] = "\n"
        out = "".join(pieces.tolist()).split("\n")
        return out[:-1] if len(out) == count + 1 else None  # a descriptor with a line break: one by one

    def url_hosts(self) -> tuple[str, ...]:
        """Host names of ``http(s)://`` URLs in the file's strings, lower-cased, sorted, de-duplicated."""
        hosts: set[str] = set()
        for match in _URL_HOST_RE.finditer(self.data):
            hosts.add(match.group(1).decode("ascii").lower().rstrip("."))
            if len(hosts) >= _MAX_HOSTS:
                break
        return tuple(sorted(hosts))
