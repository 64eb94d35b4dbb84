"""``AndroidManifest.xml`` (binary AXML) -> :class:`auditor.model.Manifest`.

:mod:`auditor.build.axml` turns the binary chunks into an lxml tree exactly as androguard's AXML parser does
(resolving stripped attribute names through resource ids); everything after that is ours: relative class
names, duplicate permissions, ``uses-permission-sdk-23``, ``<queries>``. Before the reader sees a byte,
:func:`auditor.build.axml_guard.check_axml` validates the chunk structure (the parser trusts counts and
sizes). Packer tricks the platform tolerates (bogus namespaces on tags and attributes, empty names, unusual
chunk types) degrade into warnings, not crashes; a manifest that is truncated or structurally broken is a
:class:`BuildError` naming the file and the problem.
"""

from __future__ import annotations

from typing import Any

from auditor.build.axml import axml_tree
from auditor.build.axml_guard import AxmlLimits, check_axml
from auditor.errors import BuildError
from auditor.model import Component, DeclaredPermission, Manifest, MetaData, Queries, UsesPermission

ANDROID_NS = "{http://schemas.android.com/apk/res/android}"
_COMPONENT_TAGS = ("activity", "activity-alias", "service", "receiver", "provider")
_MAX_META_VALUE = 200


def parse_manifest(raw: bytes, source: str = "AndroidManifest.xml", warnings: list[str] | None = None,
                   limits: AxmlLimits | None = None) -> Manifest:
    """Parse binary AXML ``raw``; raise :class:`BuildError` when it is not a usable manifest.

    ``warnings``: when given, packer tricks found on the way are appended to it.
    """
    root = axml_root(raw, source, warnings, limits)
    return manifest_from_xml(root, source)


def axml_root(raw: bytes, source: str, warnings: list[str] | None = None, limits: AxmlLimits | None = None) -> Any:
    """The element tree of binary XML ``raw``, validated first; :class:`BuildError` when it is unusable."""
    checked = check_axml(raw, source, limits)
    if warnings is not None:
        warnings.extend(checked.warnings)
    try:
        root = axml_tree(checked.data)
    except Exception as exc:
        raise BuildError(f"{source}: binary XML cannot be parsed ({type(exc).__name__})") from exc
    if root is None:
        raise BuildError(f"{source}: binary XML cannot be parsed (no root element or a broken chunk)")
    return root


def _tag(elem: Any) -> str:
    """Local name of an element's tag: the platform matches manifest tags by name, whatever their namespace
    (packers put a namespace on ``<uses-permission>`` to hide it from tools that compare full names)."""
    tag = elem.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


def _attr(elem: Any, name: str) -> str:
    """``android:<name>``; also under a bogus namespace URI or none (packers and old tools write those,
    and the platform resolves attributes by resource id, not by namespace)."""
    value = elem.get(ANDROID_NS + name)
    if value is None:
        value = elem.get(name)
    if value is None:
        suffix = "}" + name
        value = next((v for k, v in elem.attrib.items() if k.endswith(suffix)), None)
    return str(value).strip() if value is not None else ""


def _int(value: str) -> int | None:
    if not value:
        return None
    try:
        return int(value, 0)
    except ValueError:
        return None


def _bool(value: str) -> bool | None:
    if value.lower() == "true":
        return True
    if value.lower() == "false":
        return False
    return None


def resolve_class(package: str, name: str) -> str:
    """Resolve a manifest class name the way the platform does (``.Foo`` and ``Foo`` are relative)."""
    if name.startswith("."):
        return package + name
    if "." not in name and package:
        return f"{package}.{name}"
    return name


def manifest_from_xml(root: Any, source: str = "AndroidManifest.xml") -> Manifest:
    """Build a :class:`Manifest` from an lxml element tree (binary AXML or AAB protobuf both end here)."""
    tag = _tag(root)
    if tag != "manifest":
        raise BuildError(f"{source}: root element is '{tag or '?'}', not 'manifest'")
    package = (root.get("package") or "").strip()
    if not package:
        raise BuildError(f"{source}: manifest has no package name")
    uses_sdk = next((e for e in root if _tag(e) == "uses-sdk"), None)
    app = next((e for e in root if _tag(e) == "application"), None)
    components: list[Component] = []
    meta: list[MetaData] = []
    app_class = ""
    debuggable = False
    if app is not None:
        app_class = resolve_class(package, _attr(app, "name")) if _attr(app, "name") else ""
        debuggable = _bool(_attr(app, "debuggable")) is True
        meta.extend(_meta_data(app, "application"))
        for elem in app:
            if _tag(elem) in _COMPONENT_TAGS:
                comp = _component(package, elem)
                if comp is not None:
                    components.append(comp)
                    meta.extend(_meta_data(elem, comp.name))
    return Manifest(
        package=package,
        version_name=_attr(root, "versionName"),
        version_code=_int(_attr(root, "versionCode")),
        min_sdk=_int(_attr(uses_sdk, "minSdkVersion")) if uses_sdk is not None else None,
        target_sdk=_int(_attr(uses_sdk, "targetSdkVersion")) if uses_sdk is not None else None,
        max_sdk=_int(_attr(uses_sdk, "maxSdkVersion")) if uses_sdk is not None else None,
        application_class=app_class,
        uses_permissions=_uses_permissions(root),
        declared_permissions=tuple(
            DeclaredPermission(_attr(e, "name"), _protection(_attr(e, "protectionLevel")))
            for e in root if _tag(e) == "permission" and _attr(e, "name")
        ),
        components=tuple(components),
        meta_data=tuple(meta),
        queries=_queries(root),
        debuggable=debuggable,
        label=_literal(_attr(app, "label")) if app is not None else "",
    )


_PROTECTION_FLAGS = {0: "normal", 1: "dangerous", 2: "signature", 3: "signatureOrSystem"}


def _literal(value: str) -> str:
    """A literal attribute value (not a resource reference such as ``@7F0B0000``), truncated."""
    return "" if value.startswith("@") else value[:200]


def _protection(value: str) -> str:
    number = _int(value)
    if number is None:
        return value
    base = _PROTECTION_FLAGS.get(number & 0xF, str(number & 0xF))
    return base if number <= 0xF else f"{base}|{number & ~0xF:#x}"


def _uses_permissions(root: Any) -> tuple[UsesPermission, ...]:
    folded: dict[str, UsesPermission] = {}
    for elem in root:
        kind = _tag(elem)
        if kind not in ("uses-permission", "uses-permission-sdk-23", "uses-permission-sdk-m"):
            continue
        name = _attr(elem, "name")
        if not name:
            continue
        max_sdk = _int(_attr(elem, "maxSdkVersion"))
        sdk23 = kind != "uses-permission"
        prev = folded.get(name)
        if prev is None:
            folded[name] = UsesPermission(name, max_sdk, sdk23, 1)
        else:
            widest = None if prev.max_sdk_version is None or max_sdk is None else max(prev.max_sdk_version, max_sdk)
            folded[name] = UsesPermission(name, widest, prev.sdk23 and sdk23, prev.occurrences + 1)
    return tuple(folded[n] for n in sorted(folded))


def _component(package: str, elem: Any) -> Component | None:
    kind = _tag(elem)
    raw_name = _attr(elem, "targetActivity") if kind == "activity-alias" and not _attr(elem, "name") \
        else _attr(elem, "name")
    if not raw_name:
        return None
    authorities = tuple(a for a in _attr(elem, "authorities").split(";") if a) if kind == "provider" else ()
    return Component(
        kind=kind,
        name=resolve_class(package, raw_name),
        exported=_bool(_attr(elem, "exported")),
        authorities=authorities,
        permission=_attr(elem, "permission"),
        has_intent_filter=any(_tag(child) == "intent-filter" for child in elem),
        actions=tuple(sorted({_attr(a, "name") for f in elem if _tag(f) == "intent-filter"
                              for a in f if _tag(a) == "action" and _attr(a, "name")})),
    )


def _meta_data(parent: Any, owner: str) -> list[MetaData]:
    out = []
    for elem in parent:
        if _tag(elem) == "meta-data" and _attr(elem, "name"):
            value = _attr(elem, "value") or _attr(elem, "resource")
            out.append(MetaData(_attr(elem, "name"), value[:_MAX_META_VALUE], owner))
    return out


def _queries(root: Any) -> Queries:
    packages: list[str] = []
    actions: list[str] = []
    providers: list[str] = []
    for q in (e for e in root if _tag(e) == "queries"):
        for elem in q:
            kind = _tag(elem)
            if kind == "package" and _attr(elem, "name"):
                packages.append(_attr(elem, "name"))
            elif kind == "provider" and _attr(elem, "authorities"):
                providers.extend(a for a in _attr(elem, "authorities").split(";") if a)
            elif kind == "intent":
                actions.extend(_attr(a, "name") for a in elem if _tag(a) == "action" and _attr(a, "name"))
    return Queries(tuple(sorted(set(packages))), tuple(sorted(set(actions))), tuple(sorted(set(providers))))
