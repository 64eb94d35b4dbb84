"""``json.dumps(value, ensure_ascii=False, indent=2)``, written faster for large reports.

With ``indent`` the standard library encodes through a chain of Python generators (its C encoder serves only
compact output), which for the ~20 MB JSON of a 5 MB policy costs over a second. A caller whose value holds
no float (a report) may say so (``floatless=True``): then orjson writes it (``OPT_INDENT_2``: the same text
for strings, integers, booleans, None, dicts with string keys, lists and tuples, in a fraction of the time;
it would write floats its own way, ``1e16`` and ``null`` for NaN). What orjson refuses (a string that is not
valid Unicode, such as a surrogate-escaped file name, an integer past 64 bits, a non-string key), and every
value of a caller that does not say so, is written by the standard library itself.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any, floatless: bool = False) -> str:
    """Exactly ``json.dumps(value, ensure_ascii=False, indent=2)``; ``floatless``: the caller knows ``value``
    holds no float."""
    if floatless:
        try:
            return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
        except TypeError:  # orjson.JSONEncodeError: not for orjson
            pass
    return json.dumps(value, ensure_ascii=False, indent=2)
