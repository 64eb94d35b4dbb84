"""``auditor policy`` reports: what a privacy policy discloses, as text (CJK-aware columns) or JSON."""

from __future__ import annotations

from auditor.audit.knowledge import short_name
from auditor.policy import Disclosure
from auditor.report.jsontext import dumps
from auditor.report.textwidth import pad
from auditor.vocab import data_type


def render_json(disclosure: Disclosure) -> str:
    return dumps(disclosure.to_json(), floatless=True) + "\n"  # the policy model has no float


def _lines(lines: list[int]) -> str:
    return str(lines[0]) if lines[0] == lines[1] else f"{lines[0]}-{lines[1]}"


def _table(headers: list[str], rows: list[list[str]], widths: list[int]) -> list[str]:
    def fmt(cells: list[str]) -> str:
        return "  ".join(pad(c, w) for c, w in zip(cells, widths)).rstrip()

    return [fmt(headers), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows]


def render_text(disclosure: Disclosure) -> str:
    """A readable report: SDK rows, permission rows, scenes and data types."""
    data = disclosure.to_json()
    out = [f"Policy {data['source']} ({data['format']}, {data['encoding']}, {data['line_count']} lines)", ""]
    sdks = data["sdks"]
    resolved = sum(1 for s in sdks if s["id"])
    out.append(f"SDKs: {len(sdks)} named, {resolved} resolved to catalog ids")
    if sdks:
        rows = []
        for s in sdks:
            ident = s["id"] or ("? " + ", ".join(s["candidates"]) if s["candidates"] else "?")
            rows.append([s["name"], ident, s["company"], s["purpose"], ", ".join(s["data_types"]),
                         ", ".join(short_name(p) for p in s["permissions"]), s["kind"], _lines(s["evidence"]["lines"])])
        out += _table(["NAME", "CATALOG ID", "COMPANY", "PURPOSE", "DATA TYPES", "PERMISSIONS", "FROM", "LINES"],
                      rows, [22, 24, 24, 24, 28, 28, 9, 9])
    out.append("")
    perms = data["permissions"]
    out.append(f"Permissions: {len(perms)} disclosures, {len({p['permission'] for p in perms})} distinct")
    if perms:
        rows = [[short_name(p["permission"]), p["scene"], p["description"], p["phrase"], _lines(p["evidence"]["lines"])]
                for p in perms]
        out += _table(["PERMISSION", "SCENE", "DESCRIPTION", "AS WRITTEN", "LINES"], rows, [26, 24, 30, 34, 9])
    out.append("")
    scenes = data["scenes"]
    out.append(f"Scenes: {len(scenes)}")
    for sc in scenes:
        perms_text = ", ".join(short_name(p) for p in sc["permissions"]) or "-"
        out.append(f"  {sc['name']} (lines {_lines(sc['evidence']['lines'])}): {perms_text}")
    out.append("")
    kinds: dict[str, list[int]] = {}
    for d in data["data_types"]:
        kinds.setdefault(d["data_type"], []).append(d["evidence"]["lines"][0])
    out.append(f"Data types: {len(kinds)}")
    for dt, where in kinds.items():
        shown = ", ".join(str(n) for n in where[:8]) + (" …" if len(where) > 8 else "")
        out.append(f"  {dt:<16} {data_type(dt).en:<48} lines {shown}")
    return "\n".join(out) + "\n"
