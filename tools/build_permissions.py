#!/usr/bin/env python3
"""Compile AOSP permission metadata into ``auditor/data/permissions.json``.

Source: androguard's ``aosp_permissions/permissions_<API>.json`` (Apache-2.0, extracted from AOSP
frameworks/base/core/res/AndroidManifest.xml), snapshot in ``../shared/catalog-sources/androguard-permissions``.

For each permission we keep: the protection level at each API level where it changed, the first and last
API level that defines it, its group and label/description at the newest level. The output is our own
compact format; run this script again when the source snapshot moves.

    python tools/build_permissions.py [SOURCE_DIR] [OUT]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "catalog-sources" / "androguard-permissions"
DEFAULT_OUT = HERE.parent / "auditor" / "data" / "permissions.json"


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    levels: dict[int, dict[str, dict[str, str]]] = {}
    for file in (source / "aosp_permissions").glob("permissions_*.json"):
        api = int(re.search(r"_(\d+)\.json$", file.name).group(1))  # type: ignore[union-attr]
        levels[api] = json.loads(file.read_text(encoding="utf-8"))["permissions"]
    perms: dict[str, dict[str, object]] = {}
    for api in sorted(levels):
        for name, info in levels[api].items():
            rec = perms.setdefault(name, {"first_api": api, "history": []})
            rec["last_api"] = api
            history: list[list[object]] = rec["history"]  # type: ignore[assignment]
            level = info.get("protectionLevel") or "normal"
            if not history or history[-1][1] != level:
                history.append([api, level])
            rec["group"] = info.get("permissionGroup") or ""
            rec["label"] = info.get("label") or ""
            rec["description"] = info.get("description") or ""
    newest = max(levels)
    commit = ""
    source_txt = source / "SOURCE.txt"
    if source_txt.is_file():
        match = re.search(r"Snapshot HEAD: (\w+)", source_txt.read_text(encoding="utf-8"))
        commit = match.group(1) if match else ""
    doc = {
        "provenance": {
            "source": "androguard/androguard aosp_permissions (Apache-2.0)",
            "commit": commit,
            "api_levels": sorted(levels),
        },
        "newest_api": newest,
        "permissions": {name: perms[name] for name in sorted(perms)},
    }
    out.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"{len(perms)} permissions over API {min(levels)}..{newest} -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
