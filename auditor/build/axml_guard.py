"""Check the chunk structure of binary XML (AXML) before androguard sees it.

androguard's parser trusts counts and sizes: a bogus string-pool offset makes it read offsets up to the
end of the file, a string reused by every attribute is copied into every lxml node (a few MB of input can
ask for gigabytes), an unbalanced end tag raises ``IndexError``, and a truncated file parses "successfully"
into half a manifest. This module walks the chunks the way the platform's ``ResXMLTree`` validates them
(``frameworks/base/libs/androidfw/ResourceTypes.cpp``) and refuses, with :class:`BuildError`:

- a file that is truncated (declared size past the end), not binary XML, or over :attr:`AxmlLimits.max_size`;
- chunks whose header or total size is short, misaligned or runs past the file;
- a string pool whose counts and offsets do not fit in its chunk, whose string data does not start where its
  offset tables end (the platform reads strings from the declared offset, androguard's reader right after
  the tables), a second string pool or resource map;
- XML nodes the platform and androguard would read differently (node header other than 16 bytes, attributes
  not starting right after the element header, attribute records shorter than 20 bytes);
- element nesting deeper than :attr:`AxmlLimits.max_depth`, end tags without a start, elements without a
  name, more elements / attributes (per document and per element) / open namespace mappings than the bounds;
- a document that would expand past :attr:`AxmlLimits.max_expanded` characters in the tree.

Packer tricks that the platform tolerates become warnings: an unusual root chunk type, data appended after
the declared end, unknown chunks, a string count that disagrees with the string offsets, empty namespace
URIs. Whatever follows the end of the root element is cut off (the platform stops reading there, androguard
would not), and the returned buffer is what the parser must be given.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from auditor.build.axml_strings import READ_ERRORS, StringBlock
from auditor.errors import BuildError

MiB = 1024 * 1024
RES_STRING_POOL_TYPE = 0x0001
RES_XML_TYPE = 0x0003
RES_XML_START_NAMESPACE_TYPE = 0x0100
RES_XML_END_NAMESPACE_TYPE = 0x0101
RES_XML_START_ELEMENT_TYPE = 0x0102
RES_XML_END_ELEMENT_TYPE = 0x0103
RES_XML_CDATA_TYPE = 0x0104
RES_XML_LAST_CHUNK_TYPE = 0x017F
RES_XML_RESOURCE_MAP_TYPE = 0x0180
TYPE_STRING = 0x03
NO_REF = 0xFFFFFFFF
_NODE_HEADER = 16
_POOL_HEADER = 28
_MIN_EXT = {RES_XML_START_NAMESPACE_TYPE: 8, RES_XML_END_NAMESPACE_TYPE: 8, RES_XML_START_ELEMENT_TYPE: 20,
            RES_XML_END_ELEMENT_TYPE: 8, RES_XML_CDATA_TYPE: 12}
_CHUNK = struct.Struct("<HHI")


@dataclass(frozen=True)
class AxmlLimits:
    """Bounds for one binary XML document. Passed in; never global."""

    max_size: int = 8 * MiB
    max_elements: int = 50_000
    max_attributes: int = 250_000
    max_element_attributes: int = 256
    """Attributes on one element (the platform defines ~70 for ``<application>``; real manifests use a dozen).
    More makes the parser quadratic: lxml checks each new attribute against the element's others."""
    max_depth: int = 256
    max_open_namespaces: int = 64
    max_expanded: int = 32 * MiB
    """Characters the parsed tree may hold (every string counted each time it is referenced)."""


@dataclass(frozen=True)
class AxmlCheck:
    """The outcome of :func:`check_axml`."""

    data: bytes
    """The buffer to parse: the input cut after the root element, root chunk size patched to match."""
    warnings: tuple[str, ...] = field(default=())
    elements: int = 0
    attributes: int = 0
    expanded: int = 0
    """Characters the tree will hold (the quantity bounded by :attr:`AxmlLimits.max_expanded`)."""


class _Pool:
    """The string pool's bounds, checked; lengths of the strings the document references, measured where
    the reader will decode them (:meth:`~auditor.build.axml_strings.StringBlock.extent`), without decoding."""

    def __init__(self, raw: bytes, pos: int, size: int, source: str, warnings: list[str]) -> None:
        count, styles, _flags, strings_start, styles_start = struct.unpack_from("<5I", raw, pos + 8)
        where = f"{source}: string pool"
        if _POOL_HEADER + 4 * (count + styles) > size:
            raise BuildError(f"{where}: {count} strings and {styles} styles do not fit in its {size} byte chunk")
        # androguard derives the count from stringsStart when they disagree; follow it, but warn
        derived = (strings_start - (4 * styles + _POOL_HEADER)) // 4
        if count and strings_start != _POOL_HEADER + 4 * (count + styles):
            warnings.append(f"{where}: string count {count} disagrees with the string data offset "
                            f"{strings_start:#x} (packer trick?)")
        if derived > (size - _POOL_HEADER) // 4:
            raise BuildError(f"{where}: string data offset {strings_start:#x} is outside its {size} byte chunk")
        visible = count if derived == count else max(0, derived)
        if count and not 0 < strings_start < size:
            raise BuildError(f"{where}: string data offset {strings_start:#x} is outside its {size} byte chunk")
        if visible and (strings_start - _POOL_HEADER) % 4:
            raise BuildError(f"{where}: string data offset {strings_start:#x} does not follow the 4-byte offset "
                             f"tables (the platform and this parser would read different strings)")
        pool_end = styles_start if styles and styles_start else size
        if visible and not strings_start <= pool_end <= size:
            raise BuildError(f"{where}: style data offset {styles_start:#x} is outside the chunk")
        self.count = visible
        try:
            self._block: StringBlock | None = StringBlock(raw, pos + 8, size)
        except READ_ERRORS:  # the reader cannot open this pool either: it fails before reading any string
            self._block = None
        self._lengths: dict[int, int] = {}

    def length(self, idx: int) -> int:
        """Characters of string ``idx`` as the reader decodes it (UTF-8: its bytes, an upper bound; 0 when it
        reads ""); -1: reading it raises."""
        if idx == NO_REF or idx >= self.count or self._block is None:
            return 0
        cached = self._lengths.get(idx)
        if cached is None:
            try:
                found = self._block.extent(idx)
            except READ_ERRORS:
                cached = -1
            else:
                cached = 0 if found is None else found[1] if self._block.utf8 else found[1] // 2
            self._lengths[idx] = cached
        return cached


class _Walker:
    """State of one walk over the XML node chunks."""

    def __init__(self, raw: bytes, source: str, limits: AxmlLimits, pool: _Pool, warnings: list[str]) -> None:
        self.raw, self.source, self.limits, self.pool, self.warnings = raw, source, limits, pool, warnings
        self.depth = 0
        self.elements = 0
        self.attributes = 0
        self.expanded = 0
        self.namespaces: list[tuple[int, int]] = []
        self.root_closed = False
        self.unknown = 0

    def fail(self, pos: int, what: str) -> BuildError:
        return BuildError(f"{self.source}: {what} (chunk at {pos:#x})")

    def text(self, pos: int, idx: int, what: str) -> int:
        size = self.pool.length(idx)
        if size < 0:
            raise self.fail(pos, f"{what} refers to malformed string {idx}")
        return size

    def spend(self, pos: int, amount: int) -> None:
        self.expanded += amount
        if self.expanded > self.limits.max_expanded:
            raise self.fail(pos, f"binary XML would expand to more than {self.limits.max_expanded} characters "
                                 f"(strings reused as a memory bomb?)")

    def node(self, pos: int, ctype: int, size: int) -> None:
        raw = self.raw
        if size - _NODE_HEADER < _MIN_EXT[ctype]:
            raise self.fail(pos, f"XML node of type {ctype:#06x} is {size} bytes, too short for its fields")
        (comment,) = struct.unpack_from("<I", raw, pos + 12)
        if comment != NO_REF:
            self.text(pos, comment, "comment")
        body = pos + _NODE_HEADER
        if ctype == RES_XML_START_NAMESPACE_TYPE:
            pair = struct.unpack_from("<2I", raw, body)
            self.text(pos, pair[0], "namespace prefix")
            if self.text(pos, pair[1], "namespace URI") == 0:
                self._warn_once("empty namespace URI", "a namespace prefix maps to an empty URI (packer trick?)")
            self.namespaces.append(pair)
            if len(self.namespaces) > self.limits.max_open_namespaces:
                raise self.fail(pos, f"more than {self.limits.max_open_namespaces} namespace mappings open at once")
        elif ctype == RES_XML_END_NAMESPACE_TYPE:
            pair = struct.unpack_from("<2I", raw, body)
            if pair in self.namespaces:
                self.namespaces.remove(pair)
        elif ctype == RES_XML_START_ELEMENT_TYPE:
            self.start_element(pos, size, body, comment)
        elif ctype == RES_XML_END_ELEMENT_TYPE:
            if self.depth == 0:
                raise self.fail(pos, "end of an element that was never started")
            end_ns, end_name = struct.unpack_from("<2I", raw, body)
            self.text(pos, end_ns, "element namespace")
            if end_name == NO_REF or end_name >= self.pool.count or self.text(pos, end_name, "element name") == 0:
                raise self.fail(pos, f"end of an element without a name (string {end_name})")
            self.depth -= 1
            if self.depth == 0:
                self.root_closed = True
        else:  # CDATA
            if self.depth == 0:
                raise self.fail(pos, "text outside the root element")
            (idx,) = struct.unpack_from("<I", raw, body)
            self.spend(pos, self.text(pos, idx, "text"))

    def start_element(self, pos: int, size: int, body: int, comment: int) -> None:
        lim = self.limits
        ns, name, at_start, at_size, at_count = struct.unpack_from("<2I3H", self.raw, body)
        if self.root_closed:
            raise self.fail(pos, "a second root element")
        if at_start != 20:
            raise self.fail(pos, f"element attributes start at {at_start}, not 20 (the platform and this "
                                 f"parser would read different attributes)")
        if at_count and at_size < 20:
            raise self.fail(pos, f"element attribute records are {at_size} bytes, fewer than 20")
        if 20 + at_size * at_count > size - _NODE_HEADER:
            raise self.fail(pos, f"{at_count} attributes of {at_size} bytes run past the element chunk")
        if name == NO_REF or name >= self.pool.count or self.text(pos, name, "element name") == 0:
            raise self.fail(pos, f"element without a name (string {name})")
        self.depth += 1
        self.elements += 1
        self.attributes += at_count
        if self.depth > lim.max_depth:
            raise self.fail(pos, f"elements nested deeper than {lim.max_depth}")
        if self.elements > lim.max_elements:
            raise self.fail(pos, f"more than {lim.max_elements} elements")
        if self.attributes > lim.max_attributes:
            raise self.fail(pos, f"more than {lim.max_attributes} attributes")
        if at_count > lim.max_element_attributes:
            raise self.fail(pos, f"an element with {at_count} attributes (at most {lim.max_element_attributes})")
        cost = self.text(pos, ns, "element namespace") + self.text(pos, name, "element name")
        if comment != NO_REF:
            cost += self.text(pos, comment, "comment")
        for prefix, uri in set(self.namespaces):
            cost += self.text(pos, prefix, "namespace prefix") + self.text(pos, uri, "namespace URI")
        at = body + 20
        for _ in range(at_count):
            a_ns, a_name, a_raw, _size, _res0, a_type, _data = struct.unpack_from("<3IHBBI", self.raw, at)
            cost += self.text(pos, a_ns, "attribute namespace") + self.text(pos, a_name, "attribute name") + 16
            if a_type == TYPE_STRING:
                cost += self.text(pos, a_raw, "attribute value")
            at += at_size
        self.spend(pos, cost)

    def _warn_once(self, key: str, message: str) -> None:
        text = f"{self.source}: {message}"
        if text not in self.warnings:
            self.warnings.append(text)


def _chunk(raw: bytes, pos: int, end: int, source: str, min_header: int = 8) -> tuple[int, int, int]:
    """``(type, header_size, size)`` of the chunk at ``pos``, validated like the platform's validate_chunk."""
    if pos + 8 > end:
        raise BuildError(f"{source}: truncated chunk header at {pos:#x}")
    ctype, header, size = _CHUNK.unpack_from(raw, pos)
    if header < min_header or size < header:
        raise BuildError(f"{source}: chunk at {pos:#x} has header size {header} and size {size}")
    if (header | size) & 3:
        raise BuildError(f"{source}: chunk at {pos:#x} has a size not aligned to 4 bytes")
    if size > end - pos:
        raise BuildError(f"{source}: chunk at {pos:#x} ({size} bytes) runs past the end of the document")
    return ctype, header, size


def check_axml(raw: bytes, source: str = "AndroidManifest.xml", limits: AxmlLimits | None = None) -> AxmlCheck:
    """Validate binary XML ``raw`` and return the buffer to parse; :class:`BuildError` when it is unusable."""
    limits = limits or AxmlLimits()
    warnings: list[str] = []
    if len(raw) > limits.max_size:
        raise BuildError(f"{source}: binary XML of {len(raw)} bytes exceeds the bound of {limits.max_size}")
    if len(raw) < 8:
        raise BuildError(f"{source}: binary XML is truncated ({len(raw)} bytes)")
    if raw.lstrip()[:1] == b"<":
        raise BuildError(f"{source}: plain-text XML, not compiled binary XML")
    root_type, root_header, declared = _CHUNK.unpack_from(raw, 0)
    if root_header != 8:
        raise BuildError(f"{source}: not binary XML (root header size {root_header}, expected 8)")
    if declared > len(raw):
        raise BuildError(f"{source}: binary XML is truncated (declares {declared} bytes, {len(raw)} present)")
    if declared < 8 + _POOL_HEADER:
        raise BuildError(f"{source}: binary XML declares only {declared} bytes")
    if root_type != RES_XML_TYPE:
        warnings.append(f"{source}: root chunk type {root_type:#06x} is not RES_XML_TYPE (packer trick?)")
    if declared < len(raw):
        warnings.append(f"{source}: {len(raw) - declared} bytes after the declared end of the binary XML (ignored)")
    end = declared
    ctype, header, size = _chunk(raw, 8, end, source)
    if ctype != RES_STRING_POOL_TYPE or header != _POOL_HEADER:
        raise BuildError(f"{source}: binary XML does not start with a string pool (chunk type {ctype:#06x})")
    pool = _Pool(raw, 8, size, source, warnings)
    walker = _Walker(raw, source, limits, pool, warnings)
    pos = 8 + size
    cut = end
    seen_map = False
    while pos < end:
        try:
            ctype, header, size = _chunk(raw, pos, end, source)
        except BuildError:
            if walker.root_closed:
                cut = pos
                break
            raise
        if walker.root_closed and ctype != RES_XML_END_NAMESPACE_TYPE:
            cut = pos
            break
        if ctype == RES_STRING_POOL_TYPE:
            raise BuildError(f"{source}: a second string pool at {pos:#x} (the platform and this parser would "
                             f"read different strings)")
        if ctype == RES_XML_RESOURCE_MAP_TYPE:
            if seen_map or walker.elements:
                raise BuildError(f"{source}: an extra resource map at {pos:#x}")
            seen_map = True
        elif ctype in _MIN_EXT:
            if header != _NODE_HEADER:
                raise BuildError(f"{source}: XML node at {pos:#x} has header size {header}, not 16 (the platform "
                                 f"and this parser would read it differently)")
            walker.node(pos, ctype, size)
        else:
            walker.unknown += 1
        pos += size
    if cut < end:
        warnings.append(f"{source}: {end - cut} bytes after the end of the root element ignored")
    if walker.unknown:
        warnings.append(f"{source}: {walker.unknown} unknown chunks skipped")
    if not walker.elements:
        raise BuildError(f"{source}: binary XML has no root element")
    if walker.depth:
        raise BuildError(f"{source}: binary XML is truncated ({walker.depth} elements never closed)")
    data = raw
    if cut != len(raw):
        patched = bytearray(raw[:cut])
        struct.pack_into("<I", patched, 4, cut)
        data = bytes(patched)
    return AxmlCheck(data, tuple(warnings), walker.elements, walker.attributes, walker.expanded)
