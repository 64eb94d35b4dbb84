#!/usr/bin/env python3
"""Write one sourced fact into a catalog file: the value and the provenance item that supports it, together.

    python tools/catalog/add_fact.py sdk_catalog/wechat-opensdk.yaml data_collected '["imei", "imsi"]' \
        --source policy --ref "zh-numbered-zconnect.txt: row 微信开放平台SDK (Android)"
    python tools/catalog/add_fact.py sdk_catalog/vendors/qiniu.yaml legal_name_zh '"上海七牛信息技术有限公司"' ...

VALUE is a YAML flow value. A list value for ``data_collected`` / ``permissions`` is merged with what the
entry already states (each source adds what it says; the provenance names every source). The line order of
the file is kept (a new key goes where the catalog's field order puts it). Run compile_catalog.py after.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ORDER = ("id", "kind", "part_of", "name", "name_zh", "legal_name", "legal_name_zh", "other_legal_names", "aliases", "vendor", "country",
         "category", "purpose", "website", "privacy_policy_url", "maven", "tracker", "signatures", "permissions",
         "data_collected", "examples", "provenance", "privacy_switches")
MERGED = ("data_collected", "permissions", "part_of")


def _flow(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _plain(value: object) -> str:
    """A provenance value as the catalog writes it: bare ids and field lists, quoted free text."""
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    text = str(value)
    return text if text.replace("-", "").isalnum() and text.isascii() else _flow(text)


def set_fact(text: str, field: str, value: object, provenance: dict[str, object]) -> str:
    """``text`` with ``field: value`` set (lists in :data:`MERGED` merged) and ``provenance`` appended."""
    data = yaml.safe_load(text)
    if field in MERGED and isinstance(value, list):
        old = data.get(field) or []
        value = old + [v for v in value if v not in old]
        if field != "part_of":
            value = sorted(value)
    lines = text.rstrip("\n").split("\n")
    new_line = f"{field}: {_plain(value) if isinstance(value, str) and _plain(value) == value else _flow(value)}"
    at = next((i for i, line in enumerate(lines) if line.startswith(f"{field}:")), None)
    if at is not None:
        lines[at] = new_line
    else:
        later = set(ORDER[ORDER.index(field) + 1:])
        at = next((i for i, line in enumerate(lines) if line.split(":", 1)[0] in later and not line.startswith(" ")),
                  len(lines))
        lines.insert(at, new_line)
    item = ", ".join(f"{k}: {_plain(v)}" for k, v in provenance.items())
    end = next(i for i, line in enumerate(lines) if line.startswith("provenance:"))
    while end + 1 < len(lines) and lines[end + 1].startswith("  "):
        end += 1
    lines.insert(end + 1, f"  - {{{item}}}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("field")
    parser.add_argument("value", help="a YAML flow value")
    parser.add_argument("--source", required=True)
    parser.add_argument("--ref", required=True)
    args = parser.parse_args(argv)
    value = yaml.safe_load(args.value)
    prov = {"source": args.source, "ref": args.ref, "fields": [args.field]}
    args.file.write_text(set_fact(args.file.read_text(encoding="utf-8"), args.field, value, prov), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
