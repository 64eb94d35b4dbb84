"""Score the policy reader (``auditor policy --format json``) on a corpus with hand-written truth.

    python tools/policy_eval.py DIR [DIR ...] [--part all|tuned|held-out] [--format text|json] [--detail]

``DIR`` holds policy files and a ``TRUTH.json`` in the format of ``../shared/policies/README.md``. For each
file the reader's JSON (exactly what ``auditor policy FILE --format json`` prints) is compared with the truth,
and the figures are printed per shape, per part and in total:

- SDK rows: recall over required rows, precision over reported rows (a reported row that matches an
  ``optional`` truth row is neither a hit nor an error; the same truth row reported again from other lines,
  e.g. repeated under several headings, is a duplicate, not an error);
- resolution: share of matched rows whose catalog id is the right one (see :mod:`tools.policy_judge`);
- company: matched rows where the truth or the reader gives a company, and they agree;
- row data types and row permissions: recall of the truth's items (``A|B``: either), precision of what is
  reported (``*_also_ok`` items are not errors);
- scene pairs: (scene, permission) pairs of ``scene_permissions`` found in the reported ``scenes``
  (a reported scene is matched to one truth scene by its words), and the precision of reported pairs;
- links and package names of rows, and document-level data types and permissions, as extras.

**Split** (fixed before any tuning, never changed): every file gets a shape from its name
(``[vendor-]LANG-SHAPE-NAME.ext``) and a family from the shape (table, kv, list, perm, prose). Within each
family, files are ordered by the SHA-256 of their file name; positions 1, 4, 7, ... (every third, starting
with the second) are ``held-out``, the others ``tuned``. The held-out part is the figure that counts; while
tuning, ``--detail`` shows row-level misses for tuned files only (``--detail-held-out`` exists for the end).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.policy_judge import (
    IDS_FILE,
    Judge,
    alternatives,
    match_rows,
    match_scenes,
    same_company,
    same_link,
    short,
)

FAMILIES = {
    "table": ("htmltable", "mdtable", "pipes", "flattable", "flatcells", "wordhtml", "table", "pipe", "html"),
    "kv": ("kvblocks", "boldkv", "kv", "dashkv", "nestedkv", "kvlist", "kvbullets", "jsobject", "json"),
    "list": ("numbered", "dashlist", "links", "list", "bullets"),
    "perm": ("permlist", "permflat", "permcells", "perm"),
    "prose": ("prose", "htmlprose", "datasafety"),
}
PARTS = ("tuned", "held-out")
METRICS = (
    ("sdk_recall", "rows_hit", "rows_req"), ("sdk_precision", "rows_ok", "rows_reported"),
    ("resolution", "res_right", "res_total"), ("company", "company_right", "company_total"),
    ("row_data_recall", "data_hit", "data_total"), ("row_data_precision", "data_ok", "data_reported"),
    ("row_perm_recall", "perm_hit", "perm_total"), ("row_perm_precision", "perm_ok", "perm_reported"),
    ("scene_pairs", "pairs_hit", "pairs_total"), ("scene_pair_precision", "pairs_ok", "pairs_reported"),
    ("link", "link_right", "link_total"), ("package_names", "pkg_hit", "pkg_total"),
    ("doc_data_recall", "doc_data_hit", "doc_data_total"), ("doc_perm_recall", "doc_perm_hit", "doc_perm_total"),
)
P = "android.permission."


def shape_of(name: str, truth: dict[str, Any] | None = None) -> str:
    """The shape named in the file name (``zh-kvblocks-qq.md`` -> ``kvblocks``), or the truth's ``shape``."""
    if truth and isinstance(truth.get("shape"), str):
        return str(truth["shape"])
    parts = name.split("-")
    if parts and parts[0] == "vendor":
        parts = parts[1:]
    return parts[1] if len(parts) >= 3 else "other"


def family_of(shape: str) -> str:
    for family, shapes in FAMILIES.items():
        if shape in shapes:
            return family
    for family in ("perm", "table", "kv", "list", "prose"):  # unknown shape names: by their words
        if any(word in shape for word in FAMILIES[family]):
            return family
    return "other"


def split(names: Iterable[str], truth: dict[str, Any] | None = None) -> dict[str, str]:
    """File name -> ``tuned`` or ``held-out`` (the rule in the module docstring)."""
    by_family: dict[str, list[str]] = {}
    for name in names:
        by_family.setdefault(family_of(shape_of(name, (truth or {}).get(name))), []).append(name)
    out: dict[str, str] = {}
    for members in by_family.values():
        members.sort(key=lambda n: hashlib.sha256(n.encode("utf-8")).hexdigest())
        for i, name in enumerate(members):
            out[name] = "held-out" if i % 3 == 1 else "tuned"
    return out


def load_truth(directory: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((directory / "TRUTH.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_") and (directory / k).is_file()}


def _items(truth: dict[str, Any], key: str) -> list[str]:
    return [str(x) for x in truth.get(key) or []]


def _recall(need: list[str], have: set[str]) -> int:
    return sum(1 for item in need if set(alternatives(item)) & have)


def _ok(have: set[str], truth: dict[str, Any], key: str) -> int:
    allowed = {a for item in _items(truth, key) + _items(truth, key + "_also_ok") for a in alternatives(item)}
    return len(have & allowed)


def score_file(truth: dict[str, Any], report: dict[str, Any], judge: Judge,
               note: Callable[[str], None] | None = None) -> Counter[str]:
    """Counters for one file (see ``METRICS``); ``note`` receives one line per miss or error."""
    say = note or (lambda _line: None)
    c: Counter[str] = Counter()
    c["files"] = 1
    c["reader_errors"] = int("error" in report)
    rows = list(truth.get("sdk_rows") or [])
    reported = list(report.get("sdks") or [])
    matches, duplicates = match_rows(rows, reported)
    c["rows_req"] = sum(1 for r in rows if not r.get("optional"))
    c["rows_reported"] = len(reported)
    c["rows_dup"] = len(duplicates)
    matched_truth = {t for t, _ in matches}
    matched_rep = {r for _, r in matches} | set(duplicates)
    c["rows_ok"] = len(matched_rep)
    for ti, row in enumerate(rows):
        if not row.get("optional") and ti not in matched_truth:
            say(f"missed row {row['name']!r}")
    for ri, rep in enumerate(reported):
        if ri not in matched_rep:
            say(f"extra row {rep['name']!r} (lines {rep['evidence']['lines']}, {rep.get('extractor') or rep['kind']})")
    for ti, ri in matches:
        row, rep = rows[ti], reported[ri]
        if row.get("optional"):
            continue
        c["rows_hit"] += 1
        _score_row(c, row, rep, judge, say)
    _score_scenes(c, truth, report, say)
    doc_data = {d["data_type"] for d in report.get("data_types") or []}
    for rep in reported:
        doc_data |= set(rep.get("data_types") or [])
    doc_perms = {short(p["permission"]) for p in report.get("permissions") or []}
    for rep in reported:
        doc_perms |= {short(p) for p in rep.get("permissions") or []}
    for scene in report.get("scenes") or []:
        doc_perms |= {short(p) for p in scene.get("permissions") or []}
    c["doc_data_total"] = len(_items(truth, "doc_data_types"))
    c["doc_data_hit"] = _recall(_items(truth, "doc_data_types"), doc_data)
    c["doc_perm_total"] = len(_items(truth, "doc_permissions"))
    c["doc_perm_hit"] = _recall(_items(truth, "doc_permissions"), doc_perms)
    for item in _items(truth, "doc_permissions"):
        if not set(alternatives(item)) & doc_perms:
            say(f"missed permission {item}")
    return c


def _score_row(c: Counter[str], row: dict[str, Any], rep: dict[str, Any], judge: Judge,
               say: Callable[[str], None]) -> None:
    name = row["name"]
    verdict = judge.right(row, rep.get("id"))
    if verdict is not None:
        c["res_total"] += 1
        c["res_right"] += verdict
        if not verdict:
            say(f"row {name!r}: id {rep.get('id')} (want {sorted(judge.expected(row)) or 'unresolved'})")
    company = row.get("company")
    if company or rep.get("company"):
        c["company_total"] += 1
        right = bool(company) and same_company(company, rep.get("company") or "")
        c["company_right"] += right
        if not right:
            say(f"row {name!r}: company {rep.get('company')!r} (want {company!r})")
    data = set(rep.get("data_types") or [])
    need = _items(row, "data_types")
    c["data_total"] += len(need)
    c["data_hit"] += _recall(need, data)
    c["data_reported"] += len(data)
    c["data_ok"] += _ok(data, row, "data_types")
    if _recall(need, data) < len(need) or _ok(data, row, "data_types") < len(data):
        say(f"row {name!r}: data {sorted(data)} (want {need}, ok {_items(row, 'data_types_also_ok')})")
    perms = {short(p) for p in rep.get("permissions") or []}
    need = _items(row, "permissions")
    c["perm_total"] += len(need)
    c["perm_hit"] += _recall(need, perms)
    c["perm_reported"] += len(perms)
    c["perm_ok"] += _ok(perms, row, "permissions")
    if _recall(need, perms) < len(need) or _ok(perms, row, "permissions") < len(perms):
        say(f"row {name!r}: permissions {sorted(perms)} (want {need}, ok {_items(row, 'permissions_also_ok')})")
    if row.get("link"):
        c["link_total"] += 1
        right = same_link(row["link"], rep.get("link") or "")
        c["link_right"] += right
        if not right:
            say(f"row {name!r}: link {rep.get('link')!r} (want {row['link']!r})")
    pkgs = _items(row, "package_names")
    if pkgs:
        have = set(rep.get("package_names") or [])
        c["pkg_total"] += len(pkgs)
        c["pkg_hit"] += len(set(pkgs) & have)


def _score_scenes(c: Counter[str], truth: dict[str, Any], report: dict[str, Any], say: Callable[[str], None]) -> None:
    scenes = list(truth.get("scene_permissions") or [])
    reported = list(report.get("scenes") or [])
    pairs = match_scenes(scenes, reported)
    by_truth: dict[int, list[int]] = {}  # a truth scene may be written as several reported ones
    matched: dict[int, list[int]] = {}  # a reported scene may hold the uses of several truth scenes
    for si, ri in pairs:
        by_truth.setdefault(si, []).append(ri)
        matched.setdefault(ri, []).append(si)
    for si, scene in enumerate(scenes):
        need = _items(scene, "permissions")
        c["pairs_total"] += len(need)
        mine = by_truth.get(si, [])
        have = {short(p) for ri in mine for p in reported[ri]["permissions"]}
        c["pairs_hit"] += _recall(need, have)
        if _recall(need, have) < len(need):
            got = f"{reported[mine[0]]['name']!r} {sorted(have)}" if mine else "no scene"
            say(f"scene {scene['scene']!r}: {got} (want {need})")
    for ri, rep in enumerate(reported):
        have = {short(p) for p in rep["permissions"]}
        c["pairs_reported"] += len(have)
        if ri in matched:
            c["pairs_ok"] += len({p for si in matched[ri] for p in have if _ok({p}, scenes[si], "permissions")})
        elif have:
            say(f"extra scene {rep['name']!r} {sorted(have)} (lines {rep['evidence']['lines']})")


def evaluate(directory: Path, part: str = "all", catalog_dir: Path | None = None,
             detail: Callable[[str, str], None] | None = None, detail_held_out: bool = False
             ) -> dict[str, Counter[str]]:
    """Counters per group: ``total``, ``part:<part>``, ``family:<f>``, ``shape:<s>``, ``lang:<l>``, ``file:<name>``."""
    from auditor.catalog import load_catalog
    from auditor.errors import PolicyError
    from auditor.policy import load_lexicon, read_policy
    from auditor.policy.resolve import build_resolver

    catalog = load_catalog(catalog_dir)
    lexicon = load_lexicon()
    resolver = build_resolver(catalog, lexicon)
    judge = Judge(catalog, IDS_FILE, directory / IDS_FILE.name)  # a corpus may bring its own identities
    truth = load_truth(directory)
    parts = split(truth, truth)
    groups: dict[str, Counter[str]] = {}
    for name in sorted(truth):
        if part != "all" and parts[name] != part:
            continue
        try:
            report = read_policy(directory / name, catalog, lexicon, resolver).to_json()
        except PolicyError as exc:  # scored as a policy that discloses nothing
            report = {"error": str(exc)}
            if detail is not None:
                detail(name, f"reader error: {exc}")
        show = detail is not None and (parts[name] == "tuned" or detail_held_out)
        note = (lambda line, n=name: detail(n, line)) if show and detail else None
        counts = score_file(truth[name], report, judge, note)
        shape = shape_of(name, truth[name])
        lang = "zh" if "-zh-" in f"-{name}" else "en" if "-en-" in f"-{name}" else "other"
        for key in ("total", f"part:{parts[name]}", f"family:{family_of(shape)}", f"shape:{shape}",
                    f"lang:{lang}", f"file:{name}"):
            groups.setdefault(key, Counter()).update(counts)
    return groups


def pooled(results: list[dict[str, Counter[str]]], names: list[str]) -> dict[str, Counter[str]]:
    """The groups of several corpora with their counts summed (each file keeps its corpus's name)."""
    if len(results) == 1:
        return results[0]
    out: dict[str, Counter[str]] = {}
    for groups, corpus in zip(results, names):
        for key, counts in groups.items():
            key = f"file:{corpus}/{key[5:]}" if key.startswith("file:") else key
            out.setdefault(key, Counter()).update(counts)
    return out


def figures(counts: Counter[str]) -> dict[str, Any]:
    """Ratios (None when the denominator is 0) and raw counts."""
    out: dict[str, Any] = {}
    for metric, num, den in METRICS:
        out[metric] = round(counts[num] / counts[den], 3) if counts[den] else None
        out[metric + "_n"] = f"{counts[num]}/{counts[den]}"
    out["duplicates"] = counts["rows_dup"]
    out["files"] = counts["files"]
    out["reader_errors"] = counts["reader_errors"]
    return out


COLUMNS = (("rows R", "sdk_recall"), ("rows P", "sdk_precision"), ("entry", "resolution"),
           ("company", "company"), ("data R", "row_data_recall"), ("data P", "row_data_precision"),
           ("perm R", "row_perm_recall"), ("perm P", "row_perm_precision"), ("pairs R", "scene_pairs"),
           ("pairs P", "scene_pair_precision"), ("link", "link"))


def render(groups: dict[str, Counter[str]]) -> str:
    """One line per group (files left out); each cell ``ratio n/d``; the JSON form has every metric."""
    order = sorted((k for k in groups if not k.startswith("file:")),
                   key=lambda k: (k != "total", not k.startswith("part:"), not k.startswith("lang:"),
                                  not k.startswith("family:"), k))
    head = [f"{'group':<22}{'files':>6}"] + [f"{title:>14}" for title, _ in COLUMNS]
    lines = ["".join(head)]
    for key in order:
        fig = figures(groups[key])
        cells = [f"{key:<22}{fig['files']:>6}"]
        for _, metric in COLUMNS:
            value = fig[metric]
            cells.append(f"{value:.2f} {fig[metric + '_n']:>8}".rjust(14) if value is not None else f"{'-':>14}")
        lines.append("".join(cells))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path, nargs="+", help="one corpus, or several: their counts are summed")
    parser.add_argument("--part", choices=("all",) + PARTS, default="all")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--catalog", type=Path, default=None)
    parser.add_argument("--detail", action="store_true", help="print misses and errors of tuned files")
    parser.add_argument("--detail-held-out", action="store_true", help="also of held-out files (not while tuning)")
    parser.add_argument("--split", action="store_true", help="print the split and exit")
    args = parser.parse_args(argv)
    missing = [d for d in args.directory if not (d / "TRUTH.json").is_file()]
    if missing:
        print(f"{missing[0]}: no TRUTH.json", file=sys.stderr)
        return 2
    if args.split:
        for directory in args.directory:
            truth = load_truth(directory)
            for name, part in sorted(split(truth, truth).items(), key=lambda kv: (kv[1], kv[0])):
                print(f"{part}\t{family_of(shape_of(name, truth[name]))}\t{name}")
        return 0
    detail = (lambda name, line: print(f"{name}: {line}", file=sys.stderr)) if args.detail else None
    groups = pooled([evaluate(d, args.part, args.catalog, detail, args.detail_held_out) for d in args.directory],
                    [d.name for d in args.directory])
    if args.format == "json":
        print(json.dumps({k: figures(v) for k, v in sorted(groups.items())}, ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(render(groups))
    return 0


if __name__ == "__main__":
    sys.exit(main())
