"""Lay out :class:`auditor.disclose.DisclosureTables` for publication: HTML fragment, Markdown, workbook.

:func:`sheets` turns the lists into titled rows of text cells in the list's language, once; the HTML and
Markdown renderers here and the xlsx renderer (:mod:`auditor.report.disclose_xlsx`) only lay those out.
Unknown facts read "unknown" / "待补充"; no cell carries an audit remark. HTML goes through Jinja with
autoescape on, Markdown through :func:`auditor.report.markdown.escape`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from auditor.disclose import APP, DisclosureTables, PermissionRow, SdkRow
from auditor.report.html import environment
from auditor.report.markdown import escape
from auditor.vocab import DATA_TYPES

HEADERS: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "sdks": MappingProxyType({
        "en": ("SDK name", "Package names", "Company", "Purpose", "Usage scene",
               "Personal information collected (vendor's documentation)",
               "Personal information this build's code reads", "Collection method",
               "Sensitive personal information", "Privacy policy"),
        "zh": ("SDK名称", "包名", "第三方主体", "使用目的", "使用场景", "收集的个人信息（厂商说明）",
               "本版本代码读取的个人信息", "收集方式", "是否涉及敏感个人信息", "隐私政策链接"),
    }),
    "personal_info": MappingProxyType({
        "en": ("Personal information", "Collected by", "Purpose", "Usage scene", "Basis"),
        "zh": ("个人信息种类", "收集方", "使用目的", "使用场景", "依据"),
    }),
    "permissions": MappingProxyType({
        "en": ("Permission", "What it allows", "Usage scene", "Purpose", "How it is granted",
               "Can the user turn it off"),
        "zh": ("权限名称", "权限说明", "使用场景", "使用目的", "申请方式", "用户可否关闭"),
    }),
})
TITLES = MappingProxyType({
    "en": ("Third-party SDK list", "Personal information collected", "Permission list"),
    "zh": ("第三方SDK清单", "个人信息收集清单", "权限清单"),
})
_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "en": MappingProxyType({
        "unknown": "unknown", "joiner": ", ", "none_seen": "none seen", "not_analysed": "not analysed",
        "method": "Collected on the device by the SDK", "yes": "Yes", "no": "No", "app": "This app",
        "vendor-docs": "Vendor's documentation", "code": "Seen in this build's code",
        "both": "Vendor's documentation; seen in this build's code", "used_by": "Used by the SDK: {}",
        "runtime": "Asked at run time", "special": "Granted by the user in system settings",
        "install": "Granted at install", "off": "Yes, in system settings", "part": "with {}",
        "no_sdks": "No third-party SDK was found in the build.", "none": "None.",
    }),
    "zh": MappingProxyType({
        "unknown": "待补充", "joiner": "、", "none_seen": "未检测到", "not_analysed": "未检测",
        "method": "SDK本机采集", "yes": "是", "no": "否", "app": "本应用",
        "vendor-docs": "厂商说明", "code": "本版本代码检测", "both": "厂商说明；本版本代码检测",
        "used_by": "第三方SDK使用：{}", "runtime": "使用时弹窗申请", "special": "需用户在系统设置中授予",
        "install": "安装时授予", "off": "可以，在系统设置中关闭", "part": "含{}",
        "no_sdks": "未在应用中发现第三方SDK。", "none": "无。",
    }),
})
_SAFE_URL = re.compile(r"https?://[^\s<>()\[\]|`\"'\\]+", re.IGNORECASE)


@dataclass(frozen=True)
class Sheet:
    """One list as text cells: what every layout (HTML, Markdown, workbook) shows."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    link_column: int | None = None
    """Column holding a URL (linked in HTML and Markdown when it is plain http(s))."""


def link(url: str) -> str:
    """``url`` when it is a plain http(s) URL that can go into ``href``; empty otherwise."""
    return url if _SAFE_URL.fullmatch(url or "") else ""


def _labels(types: tuple[str, ...], lang: str) -> str:
    by_id = {t.id: (t.zh if lang == "zh" else t.en) for t in DATA_TYPES}
    return _WORDS[lang]["joiner"].join(by_id.get(t, t) for t in types)


def _sdk_cells(r: SdkRow, lang: str, code_analysed: bool) -> tuple[str, ...]:
    w = _WORDS[lang]
    name = r.name + (f" ({w['part'].format(w['joiner'].join(r.parts))})" if r.parts else "")
    purpose = r.purpose or (r.category if r.category not in ("Other", "其他", "other") else None)
    observed = _labels(r.data_observed, lang) or (w["none_seen"] if code_analysed else w["not_analysed"])
    sensitive = w["unknown"] if r.sensitive is None else w["yes"] if r.sensitive else w["no"]
    return (name, w["joiner"].join(r.packages) or w["unknown"], r.company or w["unknown"], purpose or w["unknown"],
            w["joiner"].join(r.scenes) or w["unknown"],
            w["unknown"] if r.data_documented is None else (_labels(r.data_documented, lang) or w["none"]),
            observed, w["method"], sensitive, r.privacy_url or w["unknown"])


def _permission_cells(r: PermissionRow, lang: str) -> tuple[str, ...]:
    w = _WORDS[lang]
    scene = w["joiner"].join(r.scenes) or (w["used_by"].format(w["joiner"].join(r.requested_by))
                                            if r.requested_by else w["unknown"])
    how = w["runtime"] if r.kind == "dangerous" else w["special"] if r.kind == "special" else w["install"]
    return (r.name.removeprefix("android.permission."), r.label, scene, w["joiner"].join(r.purposes) or w["unknown"],
            how, w["off"] if r.runtime else w["no"])


def sheets(tables: DisclosureTables) -> tuple[Sheet, Sheet, Sheet]:
    """The three lists as titled text tables in the tables' language."""
    lang = tables.lang
    w = _WORDS[lang]
    titles = TITLES[lang]
    sdk_rows = tuple(_sdk_cells(r, lang, tables.code_analysed) for r in tables.sdks)
    pi_rows = tuple((_labels((r.data_type,), lang), w["app"] if r.collector == APP else r.collector_name,
                     r.purpose or w["unknown"], w["joiner"].join(r.scenes) or w["unknown"], w[r.source])
                    for r in tables.personal_info)
    perm_rows = tuple(_permission_cells(r, lang) for r in tables.permissions)
    return (Sheet("sdks", titles[0], HEADERS["sdks"][lang], sdk_rows, link_column=9),
            Sheet("personal_info", titles[1], HEADERS["personal_info"][lang], pi_rows),
            Sheet("permissions", titles[2], HEADERS["permissions"][lang], perm_rows))


def render_html(tables: DisclosureTables) -> str:
    """The three lists as an HTML fragment (a heading and a ``<table>`` each, no document around them)."""
    views = [{"key": s.key, "title": s.title, "headers": s.headers,
              "rows": [[{"text": c, "href": link(c) if i == s.link_column else ""} for i, c in enumerate(row)]
                       for row in s.rows]} for s in sheets(tables)]
    return environment().get_template("disclose.html.j2").render(
        lang=tables.lang, sheets=views, empty=_WORDS[tables.lang]["none"])


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(c if c else " " for c in cells) + " |"


def _md_cell(text: str, is_link: bool) -> str:
    url = link(text) if is_link else ""
    return f"[{escape(url, 1000)}]({url})" if url else escape(text, 1000)


def render_markdown(tables: DisclosureTables) -> str:
    """The three lists as GitHub-flavoured Markdown tables, each under a heading."""
    out: list[str] = []
    for s in sheets(tables):
        out += [f"### {escape(s.title)}", "", _md_row([escape(h) for h in s.headers]), "|" + "---|" * len(s.headers)]
        out += [_md_row([_md_cell(c, i == s.link_column) for i, c in enumerate(row)]) for row in s.rows]
        if not s.rows:
            out.append(_md_row([escape(_WORDS[tables.lang]["none"])] + [""] * (len(s.headers) - 1)))
        out.append("")
    return "\n".join(out)
