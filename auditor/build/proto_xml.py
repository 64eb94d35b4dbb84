"""aapt2 protobuf XML (an AAB's ``<module>/manifest/AndroidManifest.xml``) -> an lxml element tree.

The tree looks like the one androguard builds from binary AXML (attributes keyed ``{namespace}name``,
compiled values rendered the same way: ``true``/``false``, decimal ints, ``0x%08X`` hex, ``@%08X``
references), so :func:`auditor.build.manifest.manifest_from_xml` reads both without knowing which it got.

Message layouts, from AOSP ``frameworks/base/tools/aapt2/Resources.proto`` (package ``aapt.pb``; the copy
in ``bundletool-all-1.17.2.jar``, dated 2022-03-16, was used)::

    XmlNode      { XmlElement element = 1; string text = 2; SourcePosition source = 3; }
    XmlElement   { repeated XmlNamespace namespace_declaration = 1; string namespace_uri = 2;
                   string name = 3; repeated XmlAttribute attribute = 4; repeated XmlNode child = 5; }
    XmlAttribute { string namespace_uri = 1; string name = 2; string value = 3; SourcePosition source = 4;
                   uint32 resource_id = 5; Item compiled_item = 6; }
    Item         { Reference ref = 1; String str = 2; RawString raw_str = 3; StyledString styled_str = 4;
                   FileReference file = 5; Id id = 6; Primitive prim = 7; }
    Reference    { Type type = 1 (0 REFERENCE, 1 ATTRIBUTE); uint32 id = 2; string name = 3; ... }
    String / RawString / StyledString { string value = 1; ... }
    Primitive    { oneof: NullType null_value = 1; EmptyType empty_value = 2; float float_value = 3;
                   int32 int_decimal_value = 6; uint32 int_hexadecimal_value = 7; bool boolean_value = 8;
                   uint32 color_argb8_value = 9; color_rgb8_value = 10; color_argb4_value = 11;
                   color_rgb4_value = 12; uint32 dimension_value = 13; uint32 fraction_value = 14; }
"""

from __future__ import annotations

import struct
from typing import Any

from lxml import etree

from auditor.build.axml_guard import AxmlLimits
from auditor.build.protowire import Message, ProtoError

MAX_DEPTH = 64
"""Deepest element nesting accepted (a manifest is 5-6 levels deep)."""
MAX_NODES = 200_000
"""Most elements accepted in one document."""
MAX_SIZE = AxmlLimits.max_size
"""Largest protobuf manifest accepted (the same bound as a binary XML one)."""
MAX_ATTRIBUTES = AxmlLimits.max_attributes
"""Most attributes in one document."""
MAX_ELEMENT_ATTRIBUTES = AxmlLimits.max_element_attributes
"""Most attributes on one element (lxml checks each new attribute against the others: quadratic)."""


def _primitive(prim: Message) -> str:
    for number, fmt in ((6, "dec"), (7, "hex"), (8, "bool"), (3, "float")):
        if not prim.has(number):
            continue
        if fmt == "dec":
            return str(prim.signed(number))
        if fmt == "hex":
            return f"0x{prim.integer(number) & 0xFFFFFFFF:08X}"
        if fmt == "bool":
            return "true" if prim.flag(number) else "false"
        return f"{struct.unpack('<f', struct.pack('<I', prim.integer(number) & 0xFFFFFFFF))[0]:f}"
    for number in (9, 10, 11, 12):
        if prim.has(number):
            return f"#{prim.integer(number) & 0xFFFFFFFF:08X}"
    return ""


def attribute_value(attr: Message) -> str:
    """The attribute's value as binary AXML would show it: the compiled item first, else the raw text."""
    item = attr.message(6)
    raw = attr.text(3)
    if item is None:
        return raw
    ref = item.message(1)
    if ref is not None:
        rid = ref.integer(2) & 0xFFFFFFFF
        if not rid:
            return raw or ref.text(3)
        prefix = "?" if ref.integer(1) == 1 else "@"
        return f"{prefix}{'android:' if rid >> 24 == 1 else ''}{rid:08X}"
    prim = item.message(7)
    if prim is not None:
        return _primitive(prim) or raw
    for number in (2, 3, 4):
        text = item.message(number)
        if text is not None:
            return text.text(1)
    return raw


def _qualified(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}" if namespace else name


class _Builder:
    def __init__(self) -> None:
        self.nodes = 0
        self.attributes = 0

    def element(self, elem: Message, parent: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise ProtoError(f"XML nested deeper than {MAX_DEPTH} elements")
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ProtoError(f"XML has more than {MAX_NODES} elements")
        name = elem.text(3)
        if not name:
            raise ProtoError("XML element without a name")
        nsmap = {ns.text(1) or None: ns.text(2) for ns in elem.messages(1) if ns.text(2)}
        tag = _qualified(elem.text(2), name)
        count = elem.count(4)  # checked before any attribute is decoded
        self.attributes += count
        if count > MAX_ELEMENT_ATTRIBUTES:
            raise ProtoError(f"XML element '{name[:80]}' has {count} attributes (at most {MAX_ELEMENT_ATTRIBUTES})")
        if self.attributes > MAX_ATTRIBUTES:
            raise ProtoError(f"XML has more than {MAX_ATTRIBUTES} attributes")
        attributes = elem.messages(4)
        try:
            node = etree.Element(tag, nsmap=nsmap) if parent is None else \
                etree.SubElement(parent, tag, nsmap=nsmap)
            for attr in attributes:
                attr_name = attr.text(2)
                if attr_name:
                    node.set(_qualified(attr.text(1), attr_name), attribute_value(attr))
        except ValueError as exc:  # lxml rejects invalid names: hostile input, not a crash
            raise ProtoError(f"XML element '{name[:80]}' cannot be represented ({exc})") from exc
        for child in elem.messages(5):
            sub = child.message(1)
            if sub is not None:
                self.element(sub, node, depth + 1)
        return node


def proto_xml_root(raw: bytes, source: str = "AndroidManifest.xml") -> Any:
    """The root element of a protobuf ``XmlNode`` document; :class:`ProtoError` when malformed."""
    if len(raw) > MAX_SIZE:
        raise ProtoError(f"{source}: protobuf XML of {len(raw)} bytes exceeds the bound of {MAX_SIZE}")
    try:
        node = Message(raw)
        elem = node.message(1)
        if elem is None:
            raise ProtoError("root node is not an element")
        return _Builder().element(elem, None, 0)
    except ProtoError as exc:
        raise ProtoError(f"{source}: protobuf XML cannot be parsed ({exc})") from exc


def is_proto_xml(raw: bytes) -> bool:
    """True when ``raw`` looks like a protobuf XmlNode (field 1, length-delimited) rather than binary AXML
    (which starts with the chunk type ``0x0003``)."""
    return raw[:1] == b"\x0a"


__all__ = ["attribute_value", "is_proto_xml", "proto_xml_root"]
