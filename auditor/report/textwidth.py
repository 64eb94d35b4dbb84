"""Display width of terminal text: CJK characters take two columns."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cut(text: str, columns: int, collapse: bool = True) -> str:
    """``text`` on one line, cut to at most ``columns`` display columns (an ellipsis marks the cut).
    ``collapse``: fold runs of whitespace first (off: keep the alignment of a laid-out line)."""
    text = " ".join(text.split()) if collapse else text.replace("\n", " ")
    if width(text) <= columns:
        return text
    out, used = [], 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > columns - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(text: str, columns: int) -> str:
    """``text`` cut and padded to exactly ``columns`` display columns."""
    text = cut(text, columns)
    return text + " " * (columns - width(text))


def fit(line: str, columns: int) -> str:
    """A line kept as is (indentation included) when it fits, cut otherwise."""
    if width(line) <= columns:
        return line.rstrip()
    indent = len(line) - len(line.lstrip(" "))
    return " " * indent + cut(line[indent:], columns - indent, collapse=False)


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 call site``, ``2 call sites``, ``1 entry``/``3 entries`` (give ``many`` when not ``one + s``)."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
