"""A small, bounds-checked protobuf wire-format decoder (no generated code, no ``protobuf`` runtime).

Only what the build readers need: varints, fixed 32/64-bit values and length-delimited fields, read into a
:class:`Message` that answers "field N as a string / int / sub-message / repeated ...". Every length is
checked against the buffer before it is used; malformed input raises :class:`ProtoError` (a
:class:`~auditor.errors.BuildError`), never ``IndexError``. Wire format reference:
https://protobuf.dev/programming-guides/encoding/ . Message layouts (field numbers) are documented where
they are used: :mod:`auditor.build.proto_xml` (aapt2 ``Resources.proto``), :mod:`auditor.build.dependencies`
(bundletool ``app_dependencies.proto``), :mod:`auditor.build.splits` (bundletool ``commands.proto``).
"""

from __future__ import annotations

import struct
from typing import NamedTuple

from auditor.errors import BuildError

VARINT, FIXED64, LENGTH, START_GROUP, END_GROUP, FIXED32 = 0, 1, 2, 3, 4, 5
_MAX_VARINT_BYTES = 10
MAX_FIELDS = 100_000
"""Most fields decoded in one message (a manifest element's children and attributes are its fields; real
ones have hundreds)."""


class ProtoError(BuildError):
    """A protobuf message is malformed."""


def read_varint(buf: bytes | memoryview, pos: int, end: int) -> tuple[int, int]:
    """``(value, next position)`` of the varint at ``pos`` (``end``: first byte not to read)."""
    value = 0
    shift = 0
    for i in range(_MAX_VARINT_BYTES):
        if pos + i >= end:
            raise ProtoError("truncated varint")
        byte = buf[pos + i]
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value & 0xFFFFFFFFFFFFFFFF, pos + i + 1
        shift += 7
    raise ProtoError("varint longer than 10 bytes")


class Field(NamedTuple):
    number: int
    wire: int
    value: int | memoryview
    """The integer of a varint / fixed field; a view of the bytes of a length-delimited one (sub-messages are
    views into one buffer, never copies: nesting costs no memory)."""


def parse_fields(data: bytes | memoryview, start: int = 0, end: int | None = None,
                 max_fields: int = MAX_FIELDS) -> list[Field]:
    """Every field of one message, in wire order (at most ``max_fields``)."""
    buf = data if isinstance(data, memoryview) else memoryview(data)
    end = len(buf) if end is None else end
    if not 0 <= start <= end <= len(buf):
        raise ProtoError("message bounds outside the buffer")
    out: list[Field] = []
    pos = start
    append = out.append
    while pos < end:
        if len(out) >= max_fields:
            raise ProtoError(f"message has more than {max_fields} fields")
        key = buf[pos]  # one-byte keys and lengths (nearly all of them) without a call
        if key < 0x80:
            pos += 1
        else:
            key, pos = read_varint(buf, pos, end)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise ProtoError("field number 0")
        if wire == VARINT:
            value, pos = read_varint(buf, pos, end)
            out.append(Field(number, wire, value))
        elif wire == LENGTH:
            size = buf[pos] if pos < end else 0x80
            if size < 0x80:
                pos += 1
            else:
                size, pos = read_varint(buf, pos, end)
            if size > end - pos:
                raise ProtoError(f"field {number}: length {size} runs past the message end")
            append(Field(number, wire, buf[pos:pos + size]))
            pos += size
        elif wire == FIXED64:
            if end - pos < 8:
                raise ProtoError(f"field {number}: truncated fixed64")
            out.append(Field(number, wire, struct.unpack_from("<Q", buf, pos)[0]))
            pos += 8
        elif wire == FIXED32:
            if end - pos < 4:
                raise ProtoError(f"field {number}: truncated fixed32")
            out.append(Field(number, wire, struct.unpack_from("<I", buf, pos)[0]))
            pos += 4
        else:
            raise ProtoError(f"field {number}: unsupported wire type {wire}")
    return out


class Message:
    """One decoded message: typed accessors by field number (last value wins for singular fields)."""

    def __init__(self, buf: bytes | memoryview) -> None:
        self.fields = parse_fields(buf)
        self._by_number: dict[int, list[Field]] = {}
        for f in self.fields:
            self._by_number.setdefault(f.number, []).append(f)

    def _all(self, number: int) -> list[Field]:
        return self._by_number.get(number, [])

    def has(self, number: int) -> bool:
        return number in self._by_number

    def count(self, number: int) -> int:
        """How many times field ``number`` occurs (before any of them is decoded)."""
        return len(self._all(number))

    def integer(self, number: int, default: int = 0) -> int:
        values = [f.value for f in self._all(number) if f.wire != LENGTH]
        return int(values[-1]) if values else default

    def signed(self, number: int, default: int = 0) -> int:
        """A signed ``int32``/``int64`` (two's complement in a 64-bit varint)."""
        value = self.integer(number, default)
        return value - (1 << 64) if value >= 1 << 63 else value

    def flag(self, number: int) -> bool:
        return bool(self.integer(number))

    def raw(self, number: int) -> bytes:
        values = [f.value for f in self._all(number) if f.wire == LENGTH]
        return bytes(values[-1]) if values else b""  # type: ignore[arg-type]

    def text(self, number: int) -> str:
        return self.raw(number).decode("utf-8", "replace")

    def message(self, number: int) -> Message | None:
        values = [f.value for f in self._all(number) if f.wire == LENGTH]
        return Message(values[-1]) if values else None  # type: ignore[arg-type]

    def messages(self, number: int) -> list[Message]:
        return [Message(f.value) for f in self._all(number) if f.wire == LENGTH]  # type: ignore[arg-type]

    def texts(self, number: int) -> list[str]:
        return [bytes(f.value).decode("utf-8", "replace") for f in self._all(number)  # type: ignore[arg-type]
                if f.wire == LENGTH]

    def integers(self, number: int) -> list[int]:
        """A repeated integer field, packed or not."""
        out: list[int] = []
        for f in self._all(number):
            if f.wire == LENGTH:
                raw: memoryview = f.value  # type: ignore[assignment]
                pos = 0
                while pos < len(raw):
                    value, pos = read_varint(raw, pos, len(raw))
                    out.append(value)
            else:
                out.append(int(f.value))
        return out


__all__ = ["Field", "Message", "ProtoError", "parse_fields", "read_varint"]
