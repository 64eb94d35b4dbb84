"""Business scenes: which product feature justifies which permission (``scenes.yaml``, kept by product teams).

    scenes:
      - name: {en: Scan a QR code, zh: 扫一扫}
        description: {en: Scan a product or supplier QR code, zh: 扫描商品或供应商二维码}
        permissions: [CAMERA]            # short or full names
        sdks: [zxing]                    # optional catalog ids

The policy's own scene table is read by the policy reader; both feed ``PERM-NO-SCENE`` and ``disclose``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.audit.knowledge import full_name
from auditor.catalog.model import LocalText
from auditor.inputs import Problems, load_yaml

MAX_SCENES_FILE = 2 * 1024 * 1024


@dataclass(frozen=True)
class SceneSpec:
    """One business scene."""

    name: LocalText
    description: LocalText | None
    permissions: tuple[str, ...]
    """Full permission names."""
    sdks: tuple[str, ...] = ()
    source: str = "scenes.yaml"
    """``scenes.yaml`` path or the policy path it was read from."""
    line_start: int | None = None
    line_end: int | None = None


_SCENE_KEYS = ("name", "description", "permissions", "sdks")


def _text(check: Problems, value: Any, where: str) -> LocalText | None:
    """A scene text: a string, or a mapping with ``en`` and optional ``zh``."""
    if isinstance(value, dict):
        texts = check.mapping(value, where, ("en", "zh"))
        en = check.string(texts.get("en"), f"{where}.en")
        zh = check.string(texts.get("zh"), f"{where}.zh", required=False)
        return LocalText(en, zh or None) if en else None
    text = check.string(value, where)
    return LocalText(text) if text else None


def load_scenes(path: Path) -> tuple[SceneSpec, ...]:
    """Read and validate a scenes file; one :class:`ConfigError` (exit 4) lists every problem."""
    raw = load_yaml(path, "scenes file", MAX_SCENES_FILE)
    check = Problems(path, "scenes file")
    doc = check.mapping(raw, "", ("scenes",))
    if "scenes" not in doc and isinstance(raw, dict):
        check.add("", "needs a 'scenes' list")
    out = []
    for i, item in enumerate(check.items_of(doc.get("scenes"), "scenes") if "scenes" in doc else [], 1):
        where = f"scenes[{i}]"
        scene = check.mapping(item, where, _SCENE_KEYS)
        if not isinstance(item, dict):
            continue
        name = _text(check, scene.get("name"), f"{where}.name")
        description = _text(check, scene["description"], f"{where}.description") \
            if scene.get("description") is not None else None
        permissions = check.strings(scene.get("permissions"), f"{where}.permissions")
        sdks = check.strings(scene.get("sdks"), f"{where}.sdks")
        if name is not None:
            out.append(SceneSpec(name=name, description=description,
                                 permissions=tuple(full_name(p) for p in permissions), sdks=sdks,
                                 source=str(path)))
    check.raise_if_any()
    return tuple(out)
