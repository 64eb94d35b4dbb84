"""Survey the policy reader on a corpus without truth (a crawl of real policies), to see how a change moves it.

    python tools/policy_survey.py DIR [DIR ...] [--exclude FILE] [--dump OUT] [--min-bytes N]

Every file under the directories (recursively; ``.txt .md .html .htm .vue .ts .js .json .xml``) is read as
``auditor policy FILE --format json`` would read it, and the totals are printed: files read, files with
rows, SDK rows, rows resolved to a catalog entry, rows with a company, data types, permissions or a link, rows a
list's lead-in gives data to,
scenes and (scene, permission) claims, and reader errors. There is no truth here, so the totals say how much
the reader claims, not how much of it is right: compare two commits and read the files whose claims changed
(``--dump OUT`` writes one small JSON per file, the rows' names, companies and ids and the scenes' pairs,
for ``diff -r``).

``--exclude FILE`` leaves out every file whose name (without its extension) is a line of FILE: the pages
that a corpus with truth was cut from, so that the survey does not count what is measured elsewhere.

    python tools/policy_survey.py --compare OLD NEW [--exclude FILE]

compares two ``--dump`` outputs (two commits' reads of the same corpus) without reading anything again: the pages
both hold, how many of them changed their rows and their scenes, and the totals of each (rows, resolved rows, rows
with a company, scenes, scene claims).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SUFFIXES = (".txt", ".md", ".html", ".htm", ".vue", ".ts", ".js", ".json", ".xml")
KEYS = ("files", "files with rows", "rows", "resolved", "company", "data types", "permissions", "link",
        "rows under a lead-in", "scenes", "scene claims", "errors")


def survey_file(report: dict[str, Any]) -> tuple[Counter[str], dict[str, Any]]:
    """The counts of one report and the short form of it that ``--dump`` writes."""
    c: Counter[str] = Counter(files=1)
    rows = report.get("sdks", [])
    scenes = report.get("scenes", [])
    c["files with rows"] += bool(rows)
    c["rows"] += len(rows)
    c["resolved"] += sum(1 for r in rows if r.get("id"))
    c["company"] += sum(1 for r in rows if r.get("company"))
    c["data types"] += sum(len(r.get("data_types", [])) for r in rows)
    c["permissions"] += sum(len(r.get("permissions", [])) for r in rows)
    c["link"] += sum(1 for r in rows if r.get("link"))
    c["rows under a lead-in"] += sum(1 for r in rows if r.get("lead"))
    c["scenes"] += len(scenes)
    c["scene claims"] += sum(len(s.get("permissions", [])) for s in scenes)
    short = {
        "rows": [[r.get("name"), r.get("company"), r.get("id"), r.get("extractor")] for r in rows],
        "scenes": [[s.get("name"), [p.rsplit(".", 1)[-1] for p in s.get("permissions", [])]] for s in scenes],
    }
    return c, short


def files_of(directories: list[Path], exclude: set[str], min_bytes: int) -> list[Path]:
    found = []
    for directory in directories:
        for path in sorted(directory.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUFFIXES and path.stat().st_size >= min_bytes \
                    and path.stem not in exclude and path.name not in exclude:
                found.append(path)
    return found


COMPARED = ("rows", "resolved", "company", "scenes", "scene claims")


def _short_totals(short: dict[str, Any]) -> Counter[str]:
    rows, scenes = short["rows"], short["scenes"]
    return Counter({"rows": len(rows), "resolved": sum(1 for r in rows if r[2]),
                    "company": sum(1 for r in rows if r[1]), "scenes": len(scenes),
                    "scene claims": sum(len(s[1]) for s in scenes)})


def compare_dumps(old: Path, new: Path, exclude: frozenset[str] | set[str] = frozenset()) -> dict[str, Any]:
    """Pages both dumps hold (less ``exclude``, by name without ``.json`` and the page's extension), how many changed
    their rows and their scenes, and each dump's totals over those pages."""
    out: dict[str, Any] = {"pages": 0, "rows changed": 0, "scenes changed": 0, "old": Counter(), "new": Counter()}
    for before in sorted(old.rglob("*.json")):
        after = new / before.relative_to(old)
        page = before.name.removesuffix(".json")
        if not after.is_file() or page in exclude or Path(page).stem in exclude:
            continue
        a = json.loads(before.read_text(encoding="utf-8"))
        b = json.loads(after.read_text(encoding="utf-8"))
        out["pages"] += 1
        out["rows changed"] += a["rows"] != b["rows"]
        out["scenes changed"] += a["scenes"] != b["scenes"]
        out["old"].update(_short_totals(a))
        out["new"].update(_short_totals(b))
    return out


def main(argv: list[str] | None = None) -> int:
    from auditor.catalog import load_catalog
    from auditor.errors import PolicyError
    from auditor.policy import load_lexicon, read_policy
    from auditor.policy.resolve import build_resolver

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"), help="compare two --dump outputs")
    parser.add_argument("--exclude", type=Path, help="file of names (one a line) to leave out")
    parser.add_argument("--dump", type=Path, help="write a short JSON per file here, for diff -r")
    parser.add_argument("--min-bytes", type=int, default=300, help="skip files smaller than this (default 300)")
    args = parser.parse_args(argv)
    exclude = set()
    if args.exclude:
        exclude = {line.strip() for line in args.exclude.read_text(encoding="utf-8").splitlines() if line.strip()}
    if args.compare:
        found = compare_dumps(args.compare[0], args.compare[1], exclude)
        print(f"pages {found['pages']}; rows changed on {found['rows changed']}, scenes on {found['scenes changed']}")
        for key in COMPARED:
            print(f"{key:16} {found['old'][key]} -> {found['new'][key]}")
        return 0
    if not args.dirs:
        parser.error("give the directories to survey, or --compare OLD NEW")
    catalog = load_catalog(None)
    lexicon = load_lexicon()
    resolver = build_resolver(catalog, lexicon)
    total: Counter[str] = Counter()
    for path in files_of(args.dirs, exclude, args.min_bytes):
        try:
            report = read_policy(path, catalog, lexicon, resolver).to_json()
        except PolicyError:
            total.update(files=1, errors=1)
            continue
        counts, short = survey_file(report)
        total.update(counts)
        if args.dump:
            rel = path.relative_to(next(d for d in args.dirs if path.is_relative_to(d)))
            out = args.dump / rel.with_suffix(rel.suffix + ".json")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(short, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for key in KEYS:
        print(f"{key:16} {total[key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
