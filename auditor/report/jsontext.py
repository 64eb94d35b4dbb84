"""``json.dumps(value, ensure_ascii=False, indent=2)`` built faster for large reports.

With ``indent`` the standard library encodes through a chain of Python generators (its C encoder serves only
compact output), which for the ~20 MB JSON of a 5 MB policy costs over a second. :func:`dumps` writes the
same text by direct recursion over dicts, lists and tuples of strings, integers, booleans and None; any
other value (floats, non-string keys, objects) falls back to :func:`json.dumps`, so the text is always
exactly the standard library's. A caller whose value holds no float (a report) may say so
(``floatless=True``): then orjson writes it (``OPT_INDENT_2``: the same text for those types, in a quarter of
the time; it would write floats its own way, ``1e16`` and ``null`` for NaN); what orjson refuses (a string
that is not valid Unicode, such as a surrogate-escaped file name, an integer past 64 bits, a non-string key)
still goes the way above.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C version when available, as json.dumps uses
from typing import Any

import orjson

STEP = "  "


class _Other(Exception):
    """A value the direct writer leaves to :func:`json.dumps`."""


def dumps(value: Any, floatless: bool = False) -> str:
    """Exactly ``json.dumps(value, ensure_ascii=False, indent=2)``; ``floatless``: the caller knows ``value``
    holds no float."""
    if floatless:
        try:
            return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
        except TypeError:  # orjson.JSONEncodeError: not for orjson, written below
            pass
    out: list[str] = []
    try:
        _write(value, "\n", out)
    except _Other:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


def _write(value: Any, newline: str, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, dict):
        _write_dict(value, newline, out)
    elif isinstance(value, (list, tuple)):
        _write_list(value, newline, out)
    else:
        raise _Other


def _write_dict(value: dict[Any, Any], newline: str, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + STEP
    separator = "{" + inner
    for key, item in value.items():
        if not isinstance(key, str):
            raise _Other
        out.append(separator)
        out.append(encode_basestring(key))
        out.append(": ")
        _write(item, inner, out)
        separator = "," + inner
    out.append(newline + "}")


def _write_list(value: list[Any] | tuple[Any, ...], newline: str, out: list[str]) -> None:
    if not value:
        out.append("[]")
        return
    inner = newline + STEP
    separator = "[" + inner
    for item in value:
        out.append(separator)
        _write(item, inner, out)
        separator = "," + inner
    out.append(newline + "]")
