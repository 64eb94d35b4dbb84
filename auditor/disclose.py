"""The filings a legal team makes, computed from a build, the catalog's facts and the business scenes.

Three lists, in English or Chinese (renderers: :mod:`auditor.report.disclose_render`, ``disclose_xlsx``,
``play_data_safety``), shaped on MIIT's 2023 notice No. 26 and its 2021 two-lists notice, TC260's SDK
guideline and GB/T 41391-2022 (``docs/filings.md`` says which column comes from where):
- the third-party SDK list (第三方SDK清单): one row per SDK product, its parts' package names, company,
  purpose, usage scene, personal information collected by the vendor's own account and, apart, what this
  build's code was seen reading, collection method, sensitive personal information, privacy-policy link;
- the personal-information list (个人信息收集清单): data type, who collects it, purpose, scene;
- the permission list (权限清单): permission, what it allows, scene, purpose, asked at run time, can be
  turned off. App-private, signature and plain install-time permissions stay out unless asked for.

Public text: no audit remarks (gaps are findings, not filing text); a fact no source gives is ``None`` and
prints as "unknown" / "待补充".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from auditor.audit.knowledge import PermissionKnowledge
from auditor.audit.scenes import SceneSpec
from auditor.catalog.model import Catalog
from auditor.model import PermissionInfo, ScanResult, SignalKind
from auditor.report.facts import SdkFacts, catalog_facts
from auditor.vocab import DATA_TYPES

LANGS = ("en", "zh")
SENSITIVE_DATA = frozenset({"location-fine", "contacts", "sms", "call-log"})
"""Sensitive personal information among our data types (PIPL art. 28; GB/T 35273-2020 annex B: 精准定位,
通讯录, 通信内容, 通信记录)."""
APP = "app"


@dataclass(frozen=True)
class SdkRow:
    """One row of the third-party SDK list: an SDK product with the parts found in the build."""

    sdk_id: str
    name: str
    """Product name in the list's language (the Chinese product name where the catalog has one)."""
    packages: tuple[str, ...]
    """Package names of its code in this build (class signatures that matched)."""
    company: str | None
    purpose: str | None
    category: str
    """Category label in the list's language (what the SDK does; shown when no purpose is documented)."""
    category_id: str
    """Category id (:data:`auditor.vocab.CATEGORY_IDS`)."""
    scenes: tuple[str, ...]
    """Business scenes that name the SDK (scenes.yaml ``sdks``); empty: unknown."""
    data_documented: tuple[str, ...] | None
    """Data type ids the vendor documents; ``None`` when no source says."""
    data_observed: tuple[str, ...]
    """Data type ids this build's code (owned by the SDK) was seen reading on a live path."""
    sensitive: bool | None
    """Sensitive personal information involved; ``None`` when the data collected is unknown."""
    privacy_url: str | None
    parts: tuple[str, ...] = ()
    """Names of the product's parts found in the build (cores, sub-modules)."""


@dataclass(frozen=True)
class PersonalInfoRow:
    """One row of the personal-information list: one data type and who collects it."""

    data_type: str
    collector: str
    """``app`` for the app itself, or the SDK product's id."""
    collector_name: str
    purpose: str | None
    scenes: tuple[str, ...]
    source: str
    """``vendor-docs`` (the SDK's own account), ``code`` (seen in this build) or ``both``."""


@dataclass(frozen=True)
class PermissionRow:
    name: str
    """Full Android name."""
    label: str
    """What it allows, in the list's language."""
    kind: str
    scenes: tuple[str, ...]
    purposes: tuple[str, ...]
    """Scene descriptions, or the purpose of the SDKs that ask for it."""
    requested_by: tuple[str, ...]
    """SDK products whose documentation asks for it."""
    runtime: bool
    """Granted by the user at run time (dangerous) or in system settings (special), so it can be turned off."""


@dataclass(frozen=True)
class DisclosureTables:
    lang: str
    package: str
    sdks: tuple[SdkRow, ...]
    personal_info: tuple[PersonalInfoRow, ...]
    permissions: tuple[PermissionRow, ...]
    code_analysed: bool = True
    """Call sites were analysed (``False`` with ``--no-code``: "seen in code" is then unknown, not "none")."""

    def unknown_cells(self) -> int:
        """Cells that read "unknown" / "待补充": what a human must fill in before publishing."""
        n = sum((r.company is None) + (r.purpose is None) + (not r.scenes) + (r.data_documented is None)
                + (r.sensitive is None) + (r.privacy_url is None) for r in self.sdks)
        n += sum((r.purpose is None) + (not r.scenes) for r in self.personal_info)
        return n + sum((not r.scenes) + (not r.purposes) for r in self.permissions)


def _order(types: Iterable[str]) -> tuple[str, ...]:
    order = {t.id: i for i, t in enumerate(DATA_TYPES)}
    return tuple(sorted(set(types), key=lambda d: (order.get(d, len(order)), d)))


def _package(prefix: str) -> str:
    """A class signature as a package name (``cn.jpush.android.service.PushService`` -> its package)."""
    parts = prefix.split(".")
    return ".".join(parts[:-1]) if len(parts) > 2 and parts[-1][:1].isupper() else prefix


def _scene_names(scenes: Iterable[SceneSpec], lang: str, sdk_ids: set[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.name.get(lang) for s in scenes if sdk_ids & set(s.sdks)))


def _sdk_rows(scan: ScanResult, facts: dict[str, SdkFacts], scenes: tuple[SceneSpec, ...], lang: str
              ) -> tuple[SdkRow, ...]:
    products: dict[str, list[str]] = {}
    for hit in scan.sdks:
        f = facts.get(hit.sdk_id)
        products.setdefault(f.product if f else hit.sdk_id, []).append(hit.sdk_id)
    observed: dict[str, set[str]] = {}
    for site in scan.data_access:
        if site.reachability != "dead" and site.owner in facts:
            observed.setdefault(facts[site.owner].product, set()).add(site.data_type)
    hits = {h.sdk_id: h for h in scan.sdks}
    rows = []
    for product, members in products.items():
        f = facts.get(product) or facts.get(members[0])
        hit = hits.get(product) or hits[members[0]]
        documented_sets = [set(facts[m].data_collected or ()) for m in members if m in facts]
        known = any(facts[m].data_collected is not None for m in members if m in facts) or (
            f is not None and f.data_collected is not None)
        documented = _order(set().union(*documented_sets, f.data_collected or () if f else ())) if known else None
        seen = _order(observed.get(product, set()))
        involved = set(documented or ()) | set(seen)
        sensitive = True if involved & SENSITIVE_DATA else (False if documented is not None else None)
        packages = tuple(dict.fromkeys(_package(e.value) for m in members for e in hits[m].evidence
                                       if e.kind == SignalKind.CLASS))
        rows.append(SdkRow(
            sdk_id=product, name=f.display_name(lang) if f else hit.name, packages=packages,
            company=f.vendor(lang) if f else None, purpose=f.purpose(lang) if f else None,
            category=f.category_label(lang) if f else hit.category, category_id=f.category if f else hit.category,
            scenes=_scene_names(scenes, lang, {product, *members}), data_documented=documented,
            data_observed=seen, sensitive=sensitive, privacy_url=f.privacy_url if f else None,
            parts=tuple(facts[m].display_name(lang) if m in facts else hits[m].name
                        for m in members if m != product)))
    return tuple(sorted(rows, key=lambda r: (r.name.casefold(), r.sdk_id)))


def _personal_rows(scan: ScanResult, sdks: tuple[SdkRow, ...], scenes: tuple[SceneSpec, ...],
                   knowledge: PermissionKnowledge, lang: str) -> tuple[PersonalInfoRow, ...]:
    scenes_for: dict[str, list[str]] = {}
    for scene in scenes:
        for dt in knowledge.exposes(scene.permissions):
            scenes_for.setdefault(dt, []).append(scene.name.get(lang))
    rows = []
    for sdk in sdks:
        docs = set(sdk.data_documented or ())
        for dt in _order(docs | set(sdk.data_observed)):
            source = "both" if dt in docs and dt in sdk.data_observed else "vendor-docs" if dt in docs else "code"
            rows.append(PersonalInfoRow(dt, sdk.sdk_id, sdk.name, sdk.purpose or sdk.category,
                                        sdk.scenes, source))
    app_types = _order(s.data_type for s in scan.data_access if s.owner == APP and s.reachability != "dead")
    for dt in app_types:
        rows.append(PersonalInfoRow(dt, APP, "", None, tuple(dict.fromkeys(scenes_for.get(dt, ()))), "code"))
    order = {t.id: i for i, t in enumerate(DATA_TYPES)}
    return tuple(sorted(rows, key=lambda r: (order.get(r.data_type, len(order)), r.collector != APP,
                                             r.collector_name.casefold())))


def public_permissions(perms: Iterable[PermissionInfo], knowledge: PermissionKnowledge,
                       include_all: bool = False) -> list[PermissionInfo]:
    """Permissions a public list shows: dangerous, special and the sensitive normal ones (all when asked)."""
    return [p for p in perms if include_all or p.kind in ("dangerous", "special")
            or p.name in knowledge.sensitive_normal]


def _permission_rows(scan: ScanResult, sdks: tuple[SdkRow, ...], facts: dict[str, SdkFacts],
                     scenes: tuple[SceneSpec, ...], knowledge: PermissionKnowledge, lang: str,
                     include_all: bool) -> tuple[PermissionRow, ...]:
    names = {s.sdk_id: s for s in sdks}
    rows = []
    for p in public_permissions(scan.permissions, knowledge, include_all):
        family = set(knowledge.same_family(p.name))
        matching = [s for s in scenes if family & set(s.permissions)]
        asking = [row for pid, row in names.items()
                  if any(p.name in (f.permissions or ()) for f in facts.values() if f.product == pid)]
        purposes = tuple(dict.fromkeys(
            [s.description.get(lang) for s in matching if s.description]
            + ([] if matching else [r.purpose for r in asking if r.purpose])))
        label = knowledge.label(p.name, lang)
        if label == p.name.removeprefix("android.permission.") and lang == "en" and p.label:
            label = p.label[:1].upper() + p.label[1:]  # AOSP's own label, for permissions we have none for
        rows.append(PermissionRow(p.name, label, p.kind, tuple(dict.fromkeys(s.name.get(lang) for s in matching)),
                                  purposes, tuple(r.name for r in asking), p.kind in ("dangerous", "special")))
    kind_order = {"dangerous": 0, "special": 1, "normal": 2, "signature": 3}
    return tuple(sorted(rows, key=lambda r: (kind_order.get(r.kind, 4), r.name)))


def build_tables(scan: ScanResult, catalog: Catalog, scenes: Iterable[SceneSpec], knowledge: PermissionKnowledge,
                 lang: str = "en", include_all_permissions: bool = False, code_analysed: bool = True
                 ) -> DisclosureTables:
    """The three lists for ``scan`` in ``lang`` (``en`` or ``zh``)."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r} (expected one of {', '.join(LANGS)})")
    scene_list = tuple(scenes)
    facts = dict(catalog_facts(catalog, scan.sdks).by_id)
    sdks = _sdk_rows(scan, facts, scene_list, lang)
    return DisclosureTables(
        lang=lang, package=scan.build.manifest.package, sdks=sdks,
        personal_info=_personal_rows(scan, sdks, scene_list, knowledge, lang),
        permissions=_permission_rows(scan, sdks, facts, scene_list, knowledge, lang, include_all_permissions),
        code_analysed=code_analysed,
    )
