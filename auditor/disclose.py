"""Disclosure tables for a privacy policy, generated from a build, the catalog and the business scenes.

Two tables, in English or Chinese:
- the SDK list: SDK name, company, purpose, personal data collected, privacy policy link (the layout Chinese
  app stores check: SDK名称, 第三方主体, 使用目的, 收集个人信息类型, 隐私政策链接);
- permissions by business scene; permissions the build requests that no scene covers go to a final
  "Other / 其他" group, with the SDKs that ask for them, so nothing is hidden.

:func:`build_tables` computes the values; :mod:`auditor.report.disclose_render` lays them out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from auditor.audit.knowledge import PermissionKnowledge, short_name
from auditor.audit.scenes import SceneSpec
from auditor.catalog.model import Catalog
from auditor.model import ScanResult
from auditor.vocab import CATEGORIES, DATA_TYPES

LANGS = ("en", "zh")
_KIND_ORDER = {"dangerous": 0, "special": 1, "normal": 2, "signature": 3}
_OTHER = {"en": ("Other", "Requested by the app or its SDKs outside the business scenes above"),
          "zh": ("其他", "未归入上述业务场景、由应用或其SDK申请的权限")}


@dataclass(frozen=True)
class SdkDisclosure:
    """One row of the SDK table."""

    sdk_id: str
    name: str
    company: str | None
    """The vendor's legal name in the table's language (else its other legal name, else its short name);
    ``None``: unknown (renderers print "unknown" / 未知/待补充)."""
    purpose: str | None
    """The catalog's purpose in the table's language; else the category label (a sourced fact); ``None``
    when neither says anything (category ``other``)."""
    data_types: tuple[str, ...]
    """Data type ids: the catalog's ``data_collected`` plus those the SDK's live code reaches, vocab order."""
    data_labels: tuple[str, ...]
    """``data_types`` as labels in the table's language."""
    from_code: tuple[str, ...]
    """The data type ids found only through call sites (not in the catalog entry)."""
    privacy_policy_url: str | None
    """The SDK's privacy policy, else its vendor's; ``None``: unknown."""
    data_known: bool = True
    """False when no source says what the SDK collects and its code showed nothing: ``data_types`` is empty
    because it is unknown, not because it is nothing."""


@dataclass(frozen=True)
class PermissionDisclosure:
    """One permission under a scene."""

    permission: str
    """Full Android name."""
    label: str
    """Display label in the table's language."""
    kind: str
    """``dangerous``, ``special``, ``normal``, ``signature`` or ``unknown``."""
    requested_by: tuple[str, ...] = ()
    """Names of detected SDKs whose catalog entry asks for it (filled in the "other" group)."""


@dataclass(frozen=True)
class SceneDisclosure:
    """A business scene and the requested permissions it justifies."""

    name: str
    description: str
    permissions: tuple[PermissionDisclosure, ...]
    other: bool = False
    """The final group of permissions no scene covers."""


@dataclass(frozen=True)
class DisclosureTables:
    lang: str
    package: str
    sdks: tuple[SdkDisclosure, ...]
    scenes: tuple[SceneDisclosure, ...]


def _data_label(term_id: str, lang: str) -> str:
    for t in DATA_TYPES:
        if t.id == term_id:
            return t.zh if lang == "zh" else t.en
    return term_id


def _category_label(term_id: str, lang: str) -> str:
    for t in CATEGORIES:
        if t.id == term_id:
            return t.zh if lang == "zh" else t.en
    return term_id


def _sdk_rows(scan: ScanResult, catalog: Catalog, lang: str) -> tuple[SdkDisclosure, ...]:
    order = {t.id: i for i, t in enumerate(DATA_TYPES)}
    reached: dict[str, set[str]] = {}
    for site in scan.data_access:
        if site.reachability != "dead":
            reached.setdefault(site.owner, set()).add(site.data_type)
    rows = []
    for hit in scan.sdks:
        entry = catalog.get(hit.sdk_id)
        stated = entry.data_collected if entry else None
        listed = set(stated or ())
        code = reached.get(hit.sdk_id, set())
        types = tuple(sorted(listed | code, key=lambda d: (order.get(d, len(order)), d)))
        category = entry.category if entry else hit.category
        rows.append(SdkDisclosure(
            sdk_id=hit.sdk_id,
            name=entry.local_name(lang) if entry else hit.name,
            company=entry.vendor_name(lang) if entry else hit.vendor,
            purpose=(entry.purpose.get(lang) if entry and entry.purpose
                     else _category_label(category, lang) if category != "other" else None),
            data_types=types,
            data_labels=tuple(_data_label(d, lang) for d in types),
            from_code=tuple(d for d in types if d in code and d not in listed),
            privacy_policy_url=entry.policy_url() if entry else None,
            data_known=stated is not None or bool(code),
        ))
    return tuple(sorted(rows, key=lambda r: (r.name.casefold(), r.sdk_id)))


def _scene_rows(scan: ScanResult, catalog: Catalog, scenes: Iterable[SceneSpec],
                knowledge: PermissionKnowledge, lang: str) -> tuple[SceneDisclosure, ...]:
    kinds = {p.name: p.kind for p in scan.permissions}
    aosp = {p.name: p.label for p in scan.permissions if p.label}
    asked_by: dict[str, list[str]] = {}
    for hit in scan.sdks:
        entry = catalog.get(hit.sdk_id)
        for perm in (entry.permissions or ()) if entry else ():
            asked_by.setdefault(perm, []).append(entry.name if entry else hit.name)

    def label(name: str) -> str:
        if name in knowledge.labels or lang != "en" or name not in aosp:
            return knowledge.label(name, lang)
        return aosp[name][:1].upper() + aosp[name][1:]  # AOSP's own label, for permissions we have none for

    def row(name: str, with_sdks: bool) -> PermissionDisclosure:
        return PermissionDisclosure(name, label(name), kinds.get(name, "unknown"),
                                    tuple(sorted(set(asked_by.get(name, [])), key=str.casefold))
                                    if with_sdks else ())

    out = []
    covered: set[str] = set()
    for scene in scenes:
        perms = [p for p in dict.fromkeys(scene.permissions) if p in kinds]
        if not perms:
            continue  # a scene whose permissions the build does not request has nothing to disclose
        covered.update(perms)
        out.append(SceneDisclosure(scene.name.get(lang),
                                   scene.description.get(lang) if scene.description else "",
                                   tuple(row(p, False) for p in perms)))
    rest = sorted((p for p in kinds if p not in covered),
                  key=lambda p: (_KIND_ORDER.get(kinds[p], 4), short_name(p)))
    if rest:
        name, description = _OTHER[lang]
        out.append(SceneDisclosure(name, description, tuple(row(p, True) for p in rest), other=True))
    return tuple(out)


def build_tables(scan_result: ScanResult, catalog: Catalog, scenes: Iterable[SceneSpec],
                 knowledge: PermissionKnowledge, lang: str = "en") -> DisclosureTables:
    """The SDK table and the permission-by-scene table for ``scan_result``, in ``lang`` (``en``/``zh``)."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r} (expected one of {', '.join(LANGS)})")
    return DisclosureTables(
        lang=lang,
        package=scan_result.build.manifest.package,
        sdks=_sdk_rows(scan_result, catalog, lang),
        scenes=_scene_rows(scan_result, catalog, scenes, knowledge, lang),
    )
