"""Lay out :class:`auditor.disclose.DisclosureTables` as an HTML fragment or as Markdown, ready to paste.

Pure functions; HTML goes through Jinja with autoescape on, Markdown through
:func:`auditor.report.markdown.escape`. Headers are exactly the fields app stores check.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from auditor.disclose import DisclosureTables, PermissionDisclosure, SceneDisclosure, SdkDisclosure
from auditor.report.markdown import escape

SDK_HEADERS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "en": ("SDK name", "Company", "Purpose", "Personal data collected", "Privacy policy"),
    "zh": ("SDK名称", "第三方主体", "使用目的", "收集个人信息类型", "隐私政策链接"),
})
PERMISSION_HEADERS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "en": ("Business scene", "Description", "Permission", "Android permission"),
    "zh": ("业务场景", "场景描述", "权限名称", "Android权限"),
})
_TEXT: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "en": MappingProxyType({
        "joiner": ", ", "none": "none", "unknown": "unknown",
        "no_sdks": "No third-party SDK was found in the build.",
        "no_permissions": "The build requests no permission.",
        "asked_by": "Not in a business scene; asked for by the SDK: {}",
        "app_only": "Requested in the app's manifest; no business scene covers it",
    }),
    "zh": MappingProxyType({
        "joiner": "、", "none": "无", "unknown": "未知/待补充",
        "no_sdks": "未在应用中发现第三方SDK。",
        "no_permissions": "应用未申请任何权限。",
        "asked_by": "未对应业务场景，由第三方SDK申请：{}",
        "app_only": "应用清单中申请，未对应业务场景",
    }),
})
_SAFE_URL = re.compile(r"https?://[^\s<>()\[\]|`\"'\\]+", re.IGNORECASE)


def _link(url: str | None) -> str:
    """``url`` when it is a plain http(s) URL that can go into ``href``; empty otherwise."""
    return url if _SAFE_URL.fullmatch(url or "") else ""


def _cells(s: SdkDisclosure, lang: str) -> dict[str, str]:
    """The text of each cell, "unknown" where no source says it (never an empty cell or a dash)."""
    text = _TEXT[lang]
    if s.data_labels:
        data = text["joiner"].join(s.data_labels)
    else:
        data = text["none"] if s.data_known else text["unknown"]
    return {"company": s.company or text["unknown"], "purpose": s.purpose or text["unknown"], "data": data,
            "url": s.privacy_policy_url or text["unknown"]}


def _note(p: PermissionDisclosure, lang: str) -> str:
    text = _TEXT[lang]
    return text["asked_by"].format(text["joiner"].join(p.requested_by)) if p.requested_by else text["app_only"]


def _scene_view(scene: SceneDisclosure, lang: str) -> dict[str, Any]:
    return {"name": scene.name, "description": scene.description, "other": scene.other,
            "permissions": [{"label": p.label, "permission": p.permission, "note": _note(p, lang)}
                            for p in scene.permissions]}


def render_html(tables: DisclosureTables) -> str:
    """Both tables as an HTML fragment (two ``<table>`` elements, no document around them)."""
    lang = tables.lang
    env = Environment(loader=PackageLoader("auditor", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    sdks = [{"name": s.name, **_cells(s, lang), "link": _link(s.privacy_policy_url)} for s in tables.sdks]
    return env.get_template("disclose.html.j2").render(
        lang=lang, sdk_headers=SDK_HEADERS[lang], perm_headers=PERMISSION_HEADERS[lang], sdks=sdks,
        scenes=[_scene_view(s, lang) for s in tables.scenes], joiner=_TEXT[lang]["joiner"],
        no_sdks=_TEXT[lang]["no_sdks"], no_permissions=_TEXT[lang]["no_permissions"])


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c if c else " " for c in cells) + " |"


def render_sdk_markdown(tables: DisclosureTables) -> str:
    lang = tables.lang
    text = _TEXT[lang]
    headers = SDK_HEADERS[lang]
    lines = [_row(list(headers)), "|" + "---|" * len(headers)]
    for s in tables.sdks:
        cells = _cells(s, lang)
        url = _link(s.privacy_policy_url)
        link = f"[{escape(url, 1000)}]({url})" if url else escape(cells["url"])
        lines.append(_row([escape(s.name), escape(cells["company"]), escape(cells["purpose"], 1000),
                           escape(cells["data"], 1000), link]))
    if not tables.sdks:
        lines.append(_row([text["no_sdks"]] + [""] * (len(headers) - 1)))
    return "\n".join(lines) + "\n"


def render_permission_markdown(tables: DisclosureTables) -> str:
    lang = tables.lang
    headers = PERMISSION_HEADERS[lang]
    lines = [_row(list(headers)), "|" + "---|" * len(headers)]
    for scene in tables.scenes:
        for i, p in enumerate(scene.permissions):
            first = i == 0
            name = escape(scene.name) if first else ""
            if scene.other:
                description = escape(_note(p, lang), 1000)
            else:
                description = escape(scene.description, 1000) if first else ""
            lines.append(_row([name, description, escape(p.label), escape(p.permission)]))
    if not tables.scenes:
        lines.append(_row([_TEXT[lang]["no_permissions"]] + [""] * (len(headers) - 1)))
    return "\n".join(lines) + "\n"


def render_markdown(tables: DisclosureTables) -> str:
    """Both tables as Markdown (GitHub-flavoured tables), separated by a blank line."""
    return render_sdk_markdown(tables) + "\n" + render_permission_markdown(tables)


def render(tables: DisclosureTables, fmt: str) -> str:
    """``fmt``: ``html`` (fragment) or ``md``."""
    if fmt == "html":
        return render_html(tables)
    if fmt in ("md", "markdown"):
        return render_markdown(tables)
    raise ValueError(f"unknown disclosure format {fmt!r} (expected html or md)")
