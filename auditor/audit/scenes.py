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
from auditor.errors import ConfigError
from auditor.inputs import load_yaml

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


def _text(value: Any, where: str) -> LocalText:
    if isinstance(value, str) and value.strip():
        return LocalText(value.strip())
    if isinstance(value, dict) and isinstance(value.get("en"), str):
        zh = value.get("zh")
        return LocalText(value["en"].strip(), zh.strip() if isinstance(zh, str) else None)
    raise ConfigError(f"{where}: must be a string or a mapping with 'en' (and optional 'zh')")


def load_scenes(path: Path) -> tuple[SceneSpec, ...]:
    """Read and validate a scenes file; :class:`ConfigError` (exit 4) on any problem."""
    raw = load_yaml(path, "scenes file", MAX_SCENES_FILE)
    if not isinstance(raw, dict) or not isinstance(raw.get("scenes"), list):
        raise ConfigError(f"{path}: expected a mapping with a 'scenes' list")
    out = []
    for i, item in enumerate(raw["scenes"], 1):
        where = f"{path}: scene {i}"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: must be a mapping")
        unknown = set(item) - {"name", "description", "permissions", "sdks"}
        if unknown:
            raise ConfigError(f"{where}: unknown keys {sorted(unknown)}")
        perms = item.get("permissions") or []
        sdks = item.get("sdks") or []
        if not isinstance(perms, list) or not all(isinstance(p, str) for p in perms):
            raise ConfigError(f"{where}: 'permissions' must be a list of permission names")
        if not isinstance(sdks, list) or not all(isinstance(s, str) for s in sdks):
            raise ConfigError(f"{where}: 'sdks' must be a list of catalog ids")
        out.append(SceneSpec(
            name=_text(item.get("name"), f"{where} name"),
            description=_text(item["description"], f"{where} description") if item.get("description") else None,
            permissions=tuple(full_name(p.strip()) for p in perms),
            sdks=tuple(sdks),
            source=str(path),
        ))
    return tuple(out)
