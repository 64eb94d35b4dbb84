"""The JSON writer of large reports writes exactly what ``json.dumps(…, ensure_ascii=False, indent=2)`` writes,
through orjson or not (the standard library is the reference, not our own output)."""

from __future__ import annotations

import json
from enum import Enum

import pytest

from auditor.report.jsontext import dumps


class _Kind(str, Enum):
    TABLE = "html-table"


CASES = [
    {},
    [],
    "plain",
    None,
    {"a": [], "b": {}, "c": [[], {}], "d": [1, -2, 0], "e": True, "f": False, "g": None},
    {"name": "腾讯Bugly SDK（com.tencent.bugly）", "quote": 'say "hi"\\path', "ctl": "tab\there\nnew\x01\u2028",
     "emoji": "🙂", "bidi": "\u202e"},
    {"rows": [{"evidence": {"lines": [3, 4], "text": "x"}, "ids": ("a", "b")}], "nested": [[[{"k": [1]}]]]},
    {"kind": _Kind.TABLE, _Kind.TABLE: 1, "big": 10**30},
]


@pytest.mark.parametrize("value", CASES, ids=range(len(CASES)))
def test_same_text_as_the_standard_library(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("value", [{"f": 1.5, "n": float("nan")}, {1: "int key"}, {None: 1, True: 2}, [object]],
                         ids=["floats", "int-key", "other-keys", "object"])
def test_other_values_fall_back_to_the_standard_library(value):
    try:
        expected = json.dumps(value, ensure_ascii=False, indent=2)
    except TypeError:
        with pytest.raises(TypeError):
            dumps(value)
        return
    assert dumps(value) == expected


@pytest.mark.parametrize("value", CASES + [{"source": "bad\udc80name.txt"}, {"big": 2**64, "neg": -2**63},
                                           {"nested": [[[[[[[[[[[["deep"]]]]]]]]]]]]}],
                         ids=range(len(CASES) + 3))
def test_floatless_values_through_orjson_same_text(value):
    assert dumps(value, floatless=True) == json.dumps(value, ensure_ascii=False, indent=2)


def test_floatless_every_character_below_0x800_same_text():
    value = {"text": "".join(chr(c) for c in range(0x800) if not 0xD800 <= c < 0xE000), "k\u2028": ["\x00\x1f\x7f"]}
    assert dumps(value, floatless=True) == json.dumps(value, ensure_ascii=False, indent=2)
