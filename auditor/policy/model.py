"""Typed, frozen model of what a privacy policy discloses, and its JSON form (a public contract).

``Disclosure.to_json()`` is what ``auditor policy --format json`` prints and what the scan and CI consume:
top-level ``sdks``, ``permissions``, ``data_types`` and ``scenes``, plus ``schema_version`` and ``source``.
Every item carries its evidence: the policy lines it was read from and a short excerpt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SCHEMA_VERSION = 1
EXCERPT_CHARS = 160


@dataclass(frozen=True)
class Span:
    """Where an item was read: 1-based policy line numbers (inclusive) and a short excerpt."""

    line_start: int
    """First line of the evidence (1-based, in the normalized text of the policy)."""
    line_end: int
    """Last line of the evidence (inclusive)."""
    text: str = ""
    """Short excerpt of the evidence text (at most ``EXCERPT_CHARS`` characters)."""

    def to_json(self) -> dict[str, Any]:
        return {"lines": [self.line_start, self.line_end], "text": self.text}


@dataclass(frozen=True)
class SdkDisclosure:
    """One third-party SDK the policy names: a table row, a key-value block, a list item or prose."""

    name: str
    """The name exactly as the policy writes it."""
    id: str | None
    """Resolved catalog id, or None when no catalog entry matches."""
    candidates: tuple[str, ...]
    """Closest catalog ids when unresolved (best first); empty when resolved."""
    company: str
    """Company / third-party institution as written ("" when not given)."""
    purpose: str
    """Purpose of collection and use as written ("" when not given)."""
    collected: str
    """Personal information range as written, links and boilerplate removed ("" when not given)."""
    data_types: tuple[str, ...]
    """Data types (:data:`auditor.vocab.DATA_TYPE_IDS`) the row names, sorted."""
    permissions: tuple[str, ...]
    """Full Android permission names the row names, sorted."""
    link: str
    """Third-party privacy policy link ("" when not given)."""
    kind: str
    """Shape it was read from: ``table``, ``key-value``, ``list`` or ``prose``."""
    evidence: Span
    """Lines of the row / block / mention."""
    extractor: str = ""
    """The pipeline stage that read it (:class:`auditor.policy.claims.ExtractorKind` value)."""
    scene: str = ""
    """Business scene as written ("" when not given)."""
    method: str = ""
    """Collection / sharing method as written ("SDK本机采集"; "" when not given)."""
    package_names: tuple[str, ...] = ()
    """Java package names the row mentions (``com.tencent.bugly``), in order."""
    resolved_by: str = ""
    """How ``id`` was found (:attr:`auditor.policy.names.Resolution.how`): ``vendor-name`` when the row names
    only the vendor ("友盟SDK") and nothing in it says which of the vendor's products; "" when unresolved."""
    lead: Span | None = None
    """The sentence over the row's list that says what the parties listed below collect, when there is one
    (:mod:`auditor.policy.lead_in`): the data types it names are in :attr:`data_types` too."""

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "id": self.id, "candidates": list(self.candidates), "company": self.company,
            "purpose": self.purpose, "scene": self.scene, "method": self.method, "collected": self.collected,
            "data_types": list(self.data_types), "permissions": list(self.permissions), "link": self.link,
            "package_names": list(self.package_names), "kind": self.kind, "extractor": self.extractor,
            "resolved_by": self.resolved_by,
            "evidence": self.evidence.to_json(), "lead": self.lead.to_json() if self.lead else None,
        }


@dataclass(frozen=True)
class PermissionDisclosure:
    """One Android permission the policy discloses (scene table row, block, constant list or prose)."""

    permission: str
    """Full Android permission name (``android.permission.CAMERA``)."""
    scene: str
    """Business scene it is requested for ("" when the policy names none)."""
    description: str
    """Description / purpose given with the scene ("" when none)."""
    phrase: str
    """The wording the policy uses for it ("authority to access the camera", "相机权限", "CAMERA")."""
    evidence: Span
    """Lines of the row / block / sentence."""

    def to_json(self) -> dict[str, Any]:
        return {
            "permission": self.permission, "scene": self.scene, "description": self.description,
            "phrase": self.phrase, "evidence": self.evidence.to_json(),
        }


@dataclass(frozen=True)
class DataTypeMention:
    """A data type the policy names somewhere in its text."""

    data_type: str
    """One of :data:`auditor.vocab.DATA_TYPE_IDS`."""
    phrase: str
    """The wording the policy uses ("MAC address", "设备MAC地址")."""
    evidence: Span
    """Line(s) of the mention."""

    def to_json(self) -> dict[str, Any]:
        return {"data_type": self.data_type, "phrase": self.phrase, "evidence": self.evidence.to_json()}


@dataclass(frozen=True)
class Scene:
    """A business scene of the policy's scene table or scene blocks; a merged cell gives one scene many rows."""

    name: str
    """Scene name as written ("Contact supplier", "拍照上传")."""
    description: str
    """Row descriptions joined with "; " ("" when none)."""
    permissions: tuple[str, ...]
    """Full permission names over all its rows, sorted."""
    evidence: Span
    """Lines from its first to its last row."""

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "description": self.description, "permissions": list(self.permissions),
            "evidence": self.evidence.to_json(),
        }


@dataclass(frozen=True)
class Disclosure:
    """Everything one policy discloses."""

    source: str
    """Path of the policy file as given."""
    format: str
    """Detected format: ``text``, ``html``, ``markdown``, ``pdf`` or ``docx``."""
    encoding: str
    """Detected text encoding (``utf-8``, ``gb18030``, ``utf-16``...; ``binary`` for PDF/DOCX)."""
    line_count: int
    """Number of lines in the normalized text the line numbers refer to."""
    sdks: tuple[SdkDisclosure, ...]
    """SDK rows in policy order."""
    permissions: tuple[PermissionDisclosure, ...]
    """Permission disclosures outside SDK rows, in policy order."""
    data_types: tuple[DataTypeMention, ...]
    """Data-type mentions anywhere in the text, in policy order."""
    scenes: tuple[Scene, ...]
    """Business scenes in policy order."""

    def to_json(self) -> dict[str, Any]:
        """The ``--format json`` document (public contract)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "line_count": self.line_count,
            "sdks": [s.to_json() for s in self.sdks],
            "permissions": [p.to_json() for p in self.permissions],
            "data_types": [d.to_json() for d in self.data_types],
            "scenes": [s.to_json() for s in self.scenes],
        }

    @property
    def permission_names(self) -> frozenset[str]:
        """Every permission disclosed anywhere (top-level entries and SDK rows)."""
        names = {p.permission for p in self.permissions}
        for sdk in self.sdks:
            names.update(sdk.permissions)
        return frozenset(names)

    @property
    def data_type_ids(self) -> frozenset[str]:
        """Every data type disclosed anywhere (mentions and SDK rows)."""
        ids = {d.data_type for d in self.data_types}
        for sdk in self.sdks:
            ids.update(sdk.data_types)
        return frozenset(ids)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """Collapse whitespace and cut ``text`` to ``limit`` characters (with an ellipsis when cut)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
