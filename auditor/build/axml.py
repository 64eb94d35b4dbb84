"""Binary XML (AXML) -> an lxml element tree: androguard's reading, without importing androguard.

:func:`axml_tree` reads the chunks exactly as androguard 4's ``AXMLParser``/``AXMLPrinter`` do and builds
the same tree with the same lxml calls: attribute names resolved through the resource map against the
platform's public attribute ids (``auditor/data/android_attributes.json``, compiled from androguard's own
``public.xml`` by ``tools/build_android_attributes.py``), values formatted as its ``format_value`` does, names
and values repaired as its ``_fix_name``/``_fix_value`` do, and the same outcome where it gives up (an
exception, or a parser left invalid); the one difference is the number in the name it makes up for an
attribute with neither a name nor a resource id (random there, 0 here). Importing androguard's parser costs
more than reading a manifest
(~0.3 s: its logging library and a minidom parse of ``public.xml``); the tree is what matters, and
``tests/unit/test_axml_reader.py`` holds ours equal to androguard's on every binary XML document of the
corpus and on mutated ones (run against the androguard installed, so a change of its reading shows up
there). Callers validate the buffer first (:func:`auditor.build.axml_guard.check_axml`).
"""

from __future__ import annotations

import json
import re
import struct
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from lxml import etree

from auditor.build.axml_guard import (
    NO_REF,
    RES_STRING_POOL_TYPE,
    RES_XML_CDATA_TYPE,
    RES_XML_END_ELEMENT_TYPE,
    RES_XML_END_NAMESPACE_TYPE,
    RES_XML_LAST_CHUNK_TYPE,
    RES_XML_RESOURCE_MAP_TYPE,
    RES_XML_START_ELEMENT_TYPE,
    RES_XML_START_NAMESPACE_TYPE,
)
from auditor.build.axml_strings import StringBlock, need

RES_XML_FIRST_CHUNK_TYPE = RES_XML_START_NAMESPACE_TYPE
NO_INDEX = NO_REF
_U32 = struct.Struct("<I")
_HEADER = struct.Struct("<HHI")
_NAME_OK = re.compile(r"^[a-zA-Z0-9._-]*$")
_NAME_BAD = re.compile(r"[^a-zA-Z0-9._-]")
_XML_CHARS = "\u0020-\ud7ff\u0009\u000a\u000d\ue000-\ufffd\U00010000-\U0010ffff"
_RADIX = (0.00390625, 3.051758e-005, 1.192093e-007, 4.656613e-010)
_DIMENSION_UNITS = ("px", "dip", "sp", "pt", "in", "mm")
_FRACTION_UNITS = ("%", "%p")


class _Invalid(Exception):
    """androguard would mark its parser invalid here and stop (no exception reaches its caller)."""


@lru_cache(maxsize=1)
def platform_attributes() -> dict[int, str]:
    """Resource id -> name of the platform's public attributes (read once; immutable data)."""
    raw = resources.files("auditor").joinpath("data/android_attributes.json").read_text(encoding="utf-8")
    return {int(rid, 16): name for rid, name in json.loads(raw)["attributes"].items()}


@dataclass
class _Element:
    """The current start tag: its name, namespace and attributes (5 words each, value type shifted)."""

    name: int
    namespace: int
    comment: int
    attributes: list[tuple[int, int, int, int, int]] = field(default_factory=list)


def _header(data: bytes, start: int) -> tuple[int, int, int, int]:
    """androguard's ``ARSCHeader`` at ``start``: ``(type, header size, size, where its fields begin)``, after
    skipping "dummy data" byte by byte (the chunk still ends at ``start + size``)."""
    if len(data) < start + 8:
        raise _Invalid
    pos = start
    while True:
        ctype, header, size = _HEADER.unpack_from(data, pos)
        if size < 8 and len(data) == pos + header + 8:
            size = 24
        header_ok = header >= 8 and size >= header
        if not RES_XML_FIRST_CHUNK_TYPE <= ctype <= RES_XML_LAST_CHUNK_TYPE and header_ok:
            break
        if pos == 0 or header_ok:
            break
        pos += 1
    if header < 8 or size < 8 or size < header:
        raise _Invalid
    return ctype, header, size, pos + 8


class _Reader:
    """androguard's parser state machine and printer, one event at a time."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        if len(data) < 8:
            raise _Invalid
        _ctype, header, self.filesize, _ = _header(data, 0)
        if header != 8 or self.filesize > len(data):
            raise _Invalid
        ptype, pheader, psize, fields = _header(data, 8)
        if ptype != RES_STRING_POOL_TYPE or pheader != 0x1C:
            raise _Invalid
        self.strings = StringBlock(data, fields, psize)
        self.pos = 8 + psize
        self.resource_ids: list[int] = []
        self.namespaces: list[tuple[int, int]] = []

    def nsmap(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for prefix, uri in set(self.namespaces):
            s_prefix, s_uri = self.strings[prefix], self.strings[uri]
            if s_uri != "" and s_prefix != "":
                out[s_prefix] = s_uri.strip()
        return out

    def next_event(self) -> tuple[str, Any]:
        """``("start", _Element)``, ``("end", (namespace, name))``, ``("text", index)`` or ``("done", None)``."""
        data = self.data
        while True:
            if self.pos == self.filesize:
                return "done", None
            start = self.pos
            ctype, header, size, self.pos = _header(data, start)
            end = start + size
            if ctype == RES_XML_RESOURCE_MAP_TYPE:
                if size < 8 or size % 4:
                    raise _Invalid
                count = (size - header) // 4
                need(data, self.pos + 4 * count)
                self.resource_ids.extend(struct.unpack_from(f"<{max(0, count)}I", data, self.pos))
                self.pos += 4 * max(0, count)
                continue
            if not RES_XML_FIRST_CHUNK_TYPE <= ctype <= RES_XML_LAST_CHUNK_TYPE or header != 0x10:
                self.pos = end
                continue
            _line, comment = struct.unpack_from("<2I", data, self.pos)
            self.pos += 8
            if ctype in (RES_XML_START_NAMESPACE_TYPE, RES_XML_END_NAMESPACE_TYPE):
                if comment != NO_INDEX:
                    _ = self.strings[comment]  # androguard decodes it for a warning (and fails where that fails)
                pair = struct.unpack_from("<2I", data, self.pos)
                self.pos += 8
                if ctype == RES_XML_START_NAMESPACE_TYPE:
                    _ = self.strings[pair[0]], self.strings[pair[1]]  # decoded there too
                    self.namespaces.append(pair)
                elif pair in self.namespaces:
                    self.namespaces.remove(pair)
                continue
            if ctype == RES_XML_START_ELEMENT_TYPE:
                event: tuple[str, Any] = ("start", self._start(comment))
            elif ctype == RES_XML_END_ELEMENT_TYPE:
                event = ("end", struct.unpack_from("<2I", data, self.pos))
            elif ctype == RES_XML_CDATA_TYPE:
                need(data, self.pos + 12)
                event = ("text", _U32.unpack_from(data, self.pos)[0])
            else:
                self.pos = end
                continue
            self.pos = end
            return event

    def _start(self, comment: int) -> _Element:
        data = self.data
        namespace, name, _at_start, at_size, count, _cls = struct.unpack_from("<2I2H2I", data, self.pos)
        self.pos += 20
        element = _Element(name, namespace, comment)
        for _ in range(count & 0xFFFF):
            words = struct.unpack_from("<5I", data, self.pos)
            self.pos += 20
            if at_size != 20:
                self.pos = self.pos + at_size - 20 if at_size > 20 else len(data)
            element.attributes.append((words[0], words[1], words[2], words[3] >> 24, words[4]))
        return element

    def attribute_name(self, index: int) -> str:
        res = self.strings[index]
        rid = None
        if index < len(self.resource_ids):
            rid = self.resource_ids[index]
            known = platform_attributes().get(rid)
            if known is not None:
                res = known.replace("_", ":")
        if not res or res == ":":
            # androguard appends a random number when there is no resource id either
            res = f"android:UNKNOWN_SYSTEM_ATTRIBUTE_{rid if rid else 0:08x}"
        return res


def format_value(kind: int, value: int, string: Any) -> str:
    """androguard's ``format_value``: a typed attribute value as text (``string()`` for string values)."""
    package = "android:" if value >> 24 == 1 else ""
    if kind == 0x03:
        return str(string())
    if kind == 0x02:
        return f"?{package}{value:08X}"
    if kind == 0x01:
        return f"@{package}{value:08X}"
    if kind == 0x04:
        return f"{struct.unpack('=f', struct.pack('=L', value))[0]:f}"
    if kind == 0x11:
        return f"0x{value:08X}"
    if kind == 0x12:
        return "false" if value == 0 else "true"
    if kind == 0x05:
        return f"{_complex(value):f}{_DIMENSION_UNITS[value & 0x0F]}"
    if kind == 0x06:
        return f"{_complex(value) * 100:f}{_FRACTION_UNITS[value & 0x0F]}"
    if 0x1C <= kind <= 0x1F:
        return f"#{value:08X}"
    if 0x10 <= kind <= 0x1F:
        return str((0x7FFFFFFF & value) - 0x80000000 if value > 0x7FFFFFFF else value)
    return f"<0x{value:X}, type 0x{kind:02X}>"


def _complex(value: int) -> float:
    return float(value & 0xFFFFFF00) * _RADIX[(value >> 4) & 3]


def _namespace(uri: str) -> str:
    return f"{{{uri}}}" if uri != "" else uri


def _fix_name(prefix: str, name: str, nsmap: dict[str, str]) -> tuple[str, str]:
    if not name[0].isalpha() and name[0] != "_":
        name = f"_{name}"
    if name.startswith("android:") and prefix == "" and "android" in nsmap:
        prefix = _namespace(nsmap["android"])
        name = name[len("android:"):]
    elif ":" in name and prefix == "":
        embedded, rest = name.split(":", 1)
        if embedded in nsmap:
            prefix, name = _namespace(nsmap[embedded]), rest
    if not _NAME_OK.match(name):
        name = _NAME_BAD.sub("_", name)
    return prefix, name


def _fix_value(value: str) -> str:
    if "\x00" in value:
        value = value[:value.find("\x00")]
    if value.isascii() and value.isprintable():
        return value  # U+0020..U+007E only: all valid XML characters (the usual case; no regex needed)
    ok, bad = _value_patterns()
    if not ok.match(value):
        value = bad.sub("_", value)
    return value


@lru_cache(maxsize=1)
def _value_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Valid XML characters, and one that is not (compiled on first use: ~20 ms for these ranges)."""
    return re.compile(f"^[{_XML_CHARS}]*$"), re.compile(f"[^{_XML_CHARS}]")


def _element(reader: _Reader, start: _Element, parent: Any) -> Any:
    """The element of a start tag, its comment appended to ``parent`` first (androguard's order of work)."""
    strings = reader.strings
    nsmap = reader.nsmap()
    uri, name = _fix_name(_namespace("" if start.namespace == NO_INDEX else strings[start.namespace]),
                          strings[start.name], nsmap)
    tag = f"{uri}{name}"
    comment = strings[start.comment] if start.comment != NO_INDEX else None
    if comment and parent is not None:
        parent().append(etree.Comment(comment))
    try:
        elem = etree.Element(tag, nsmap=nsmap)
    except ValueError as exc:
        if "Invalid namespace prefix" not in str(exc):
            raise
        bad = str(exc).split("'")[1]
        elem = etree.Element(tag, nsmap={("android" if p.startswith(bad) else p): u for p, u in nsmap.items()})
    for a_ns, a_name, a_string, a_type, a_data in start.attributes:
        a_uri, a_local = _fix_name(_namespace("" if a_ns == NO_INDEX else strings[a_ns]),
                                   reader.attribute_name(a_name), nsmap)
        value = _fix_value(format_value(a_type, a_data, lambda a_string=a_string: strings[a_string]))
        key = f"{a_uri}{a_local}"
        _ = key in elem.attrib  # androguard warns about duplicates (the last one wins)
        elem.set(key, value)
    return elem


def axml_tree(data: bytes) -> Any:
    """The root element androguard's ``AXMLPrinter(data).get_xml_obj()`` builds, or ``None`` where it would
    end up without a root or invalid. Raises where it raises
    (:class:`~auditor.build.axml_strings.ResParserError`, ``struct.error``, lxml's ``ValueError``...)."""
    try:
        reader = _Reader(data)
    except _Invalid:
        return None
    root = None
    cur: list[Any] = []
    strings = reader.strings
    while True:
        try:
            kind, value = reader.next_event()
        except _Invalid:
            return None
        if kind == "done":
            return root
        if kind == "start":
            if not strings[value.name]:
                continue
            elem = _element(reader, value, None if root is None else lambda: cur[-1])
            if root is None:
                root = elem
            else:
                if not cur:
                    return root  # androguard stops here ("lost the root?") and keeps what it built
                cur[-1].append(elem)
            cur.append(elem)
        elif kind == "end":
            if cur and not strings[value[1]]:
                continue
            ns = "" if value[0] == NO_INDEX else strings[value[0]]
            _ = cur[-1].tag != f"{_namespace(ns)}{strings[value[1]]}"  # a mismatch: androguard only warns
            cur.pop()
        else:
            cur[-1].text = strings[value]
