"""The text an Android resource file shows: a layout's ``android:text`` (and hint, title, summary…) values and
a values file's ``<string>`` / ``<item>`` texts, in file order, each with the line it starts on.

Apps keep privacy text in resources: a layout of cards, one per SDK (``android:text="穿山甲广告SDK"`` over
``android:text="提供方：…"``), the privacy dialog's strings in ``res/values/strings.xml``. Read as plain text,
every line carries attributes around its words (``android:layout_width="wrap_content"``); read as a page,
the text in attributes is lost. Comments are left out: the app shows none of them.
"""

from __future__ import annotations

import html
import re

from auditor.policy.code_text import unescaped
from auditor.policy.text import TAG_RE

_ANDROID_RE = re.compile(r"xmlns:android\s*=|<resources[\s>]|\bandroid:text\s*=")
_TEXT_ATTRIBUTE_RE = re.compile(
    r"(?<![\w:])(?:android|app):(?:text|hint|title|summary|contentDescription|label|description|"
    r"textOn|textOff|summaryOn|summaryOff|dialogTitle|dialogMessage)\s*=\s*\"([^\"<]*)\"")
"""Attributes whose value the app shows (``tools:text`` is shown only in the layout editor). A value holds no
``<`` (XML writes it ``&lt;``): an unclosed quote stops at the next tag, and every scan is linear."""
_ELEMENT_TAG_RE = re.compile(r"<(/?)(string|item)\b[^<>]*?(/?)>")
"""An opening or closing ``<string>`` / ``<item>`` tag (a self-closing one holds no text)."""
_CDATA_RE = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_NOT_TEXT_RE = re.compile(r"(?:[#@?].*|[\d.]+(?:dp|dip|sp|px|pt|mm|in)?|true|false|[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)")
"""A value no reader sees as text: a colour, a reference, a dimension, a flag, an identifier ("wrap_content")."""


def is_android_resource(text: str) -> bool:
    """An Android layout or values file (it declares the Android namespace, or is a ``<resources>`` file)."""
    return text.lstrip().startswith("<") and _ANDROID_RE.search(text[:20000]) is not None


def resource_lines(text: str) -> list[tuple[int, str]]:
    """``(line number, text)`` of each line of text the resource file shows, in file order; a value's line
    breaks (written ``\\n``, or real ones) cut it into lines, each numbered where it stands in the file."""
    text = _without_comments(text)
    found: list[tuple[int, str]] = []
    for m in _TEXT_ATTRIBUTE_RE.finditer(text):
        found.append((m.start(1), m.group(1)))
    opened: tuple[str, int] | None = None  # the element open and where its text starts (they do not nest)
    for m in _ELEMENT_TAG_RE.finditer(text):
        if not m.group(1) and not m.group(3):
            opened = (m.group(2), m.end())
        elif m.group(1) and opened is not None and opened[0] == m.group(2):
            found.append((opened[1], text[opened[1]:m.start()]))
            opened = None
    found.sort()
    out: list[tuple[int, str]] = []
    line, counted = 1, 0  # the line number at ``counted`` (the values are in file order)
    for start, raw in found:
        if _NOT_TEXT_RE.fullmatch(raw.strip()):
            continue  # a style's value or a reference to another resource, not text
        line += text.count("\n", counted, start)
        counted = start
        body = _CDATA_RE.sub(lambda m: m.group(1), raw)
        body = TAG_RE.sub("", body) if "<" in body else body  # <b>, <a href=…> inside a string
        body = html.unescape(body)
        pieces = body.split("\n")  # a real line break inside the value
        for k, piece in enumerate(pieces):
            shown = unescaped(piece)
            for sub in shown.split("\n"):  # a written "\n"
                sub = " ".join(sub.split())
                if sub:
                    out.append((line + k, sub))
                elif out and out[-1][1]:
                    out.append((line + k, ""))  # a blank line inside a value ends its paragraph
    return out


def _without_comments(text: str) -> str:
    """``text`` with its comments blanked (their line breaks kept); an unclosed one runs to the end. Linear."""
    out: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        stop = len(text) if end == -1 else end + 3
        out += [text[pos:start], "\n" * text.count("\n", start, stop)]
        pos = stop
    out.append(text[pos:])
    return "".join(out)

