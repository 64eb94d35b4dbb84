#!/usr/bin/env python3
"""Compile the platform's public attribute ids into ``auditor/data/android_attributes.json``.

Source: ``public.xml`` of the Android framework (``frameworks/base/core/res/res/values/public.xml``, Apache-2.0)
as androguard ships it (``androguard/core/resources/public.xml``): every ``<public type="attr">`` id and
name. The binary XML reader (:mod:`auditor.build.axml`) names an attribute from its resource id, the way
androguard's parser does, so the names must come from the same table: when two names share an id, the
later one wins, as in androguard's inverse map. Run this again when androguard's copy moves.

    python tools/build_android_attributes.py [PUBLIC_XML] [OUT]
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "auditor" / "data" / "android_attributes.json"


def default_source() -> Path:
    import androguard

    return Path(androguard.__file__).parent / "core" / "resources" / "public.xml"


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else default_source()
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    names: dict[str, int] = {}
    for elem in ET.parse(source).getroot().iter("public"):
        if elem.get("type") == "attr":
            names[elem.get("name", "")] = int(elem.get("id", "0"), 16)
    by_id = {f"{rid:08x}": name for name, rid in names.items()}  # later names win, as androguard's inverse map
    doc = {"source": "frameworks/base/core/res/res/values/public.xml (androguard's copy), type=attr",
           "attributes": dict(sorted(by_id.items()))}
    out.write_text(json.dumps(doc, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(by_id)} attribute ids -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
