"""How often the SDK gate cries wolf on real policies: ``SDK-UNDISCLOSED`` against the SDKs a policy discloses.

    python tools/gate_eval.py DIR [DIR ...] [--part all|tuned|held-out] [--decoys 15] [--detail]

For every policy of a corpus in the ``TRUTH.json`` format (``tools/policy_eval.py``), a build is made up of
the SDKs the truth says the policy names (one catalog entry per required row whose identity names one: the
entry its fullest words name, ``Judge.primary``, by the scorer's rules and ``policy_eval_ids.yaml``) plus
``--decoys`` catalog products the policy does not name (drawn per file, seeded by its name: the same draw on
every run). Each SDK enters the build by its catalog examples (real class names), so the real detector finds
it. The policy is read by the reader, the
audit runs its real rules, and the ``SDK-UNDISCLOSED`` findings are counted:

- on SDKs the policy names: false alarms (the reader missed or misresolved the row), by severity;
- on the decoys: true alarms, by severity (a decoy reported below high was excused by some policy row).

``--detail`` prints each false alarm too (the policy, the SDK, the severity): the rows to read next.

Nothing here is a test; the figures go into the README.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.policy_eval import PARTS, load_truth, split
from tools.policy_judge import IDS_FILE, Judge


def _classes(entry) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Class names that make the detector find ``entry``: its examples that are class names, else one class
    under each of its class signatures."""
    named = tuple(e for e in entry.examples if "." in e and not e.endswith(".so") and "/" not in e)
    return named or tuple(f"{prefix}.Sample" for prefix in entry.signatures.classes)


def evaluate(directories: list[Path], part: str, decoys: int,
             false_alarms: list[tuple[str, str, str]] | None = None) -> Counter[str]:
    """The counts above; ``false_alarms``, when given, gets ``(policy, SDK id, severity)`` of each alarm on a
    named SDK."""
    from auditor.audit import run_audit
    from auditor.catalog import load_catalog
    from auditor.catalog.model import SdkKind
    from auditor.detect.matcher import Matcher
    from auditor.detect.sdks import detect_sdks, split_libraries
    from auditor.errors import PolicyError
    from auditor.model import Build, CatalogInfo, DexSummary, Manifest, ScanResult
    from auditor.policy import load_lexicon, read_policy
    from auditor.policy.resolve import build_resolver

    catalog = load_catalog()
    matcher = Matcher.from_catalog(catalog)
    lexicon = load_lexicon()
    resolver = build_resolver(catalog, lexicon)
    pool = sorted(e.id for e in catalog.entries if e.kind is SdkKind.PRODUCT and _classes(e))
    counts: Counter[str] = Counter()
    for directory in directories:
        judge = Judge(catalog, IDS_FILE, directory / IDS_FILE.name)
        truth = load_truth(directory)
        parts = split(truth, truth)
        for name in sorted(truth):
            if part != "all" and parts[name] != part:
                continue
            named: set[str] = set()
            for row in truth[name].get("sdk_rows") or []:
                primary = judge.primary(row) if not row.get("optional") else None
                named.update([primary] if primary else [])
            excused = {i for row in truth[name].get("sdk_rows") or [] for i in judge.expected(row)}
            drawn = [i for i in random.Random(name).sample(pool, decoys) if i not in excused]
            classes = tuple(c for i in sorted(named) + drawn for c in _classes(catalog[i]))
            build = Build("app.apk", "0" * 64, 1, "apk", Manifest("com.example.app"),
                          (DexSummary("classes.dex", "035", len(classes), 0, 0, classes),), (), (), ())
            sdks, libraries = split_libraries(detect_sdks(build, catalog, matcher))
            scan = ScanResult(build, (), sdks, (), CatalogInfo(catalog.version, catalog.sha256, len(catalog)),
                              "gate-eval", libraries=libraries)
            try:
                policy = read_policy(directory / name, catalog, lexicon, resolver)
            except PolicyError:  # the scan would stop with its one-line error (exit 4): no alarm to count
                counts["unreadable"] += 1
                continue
            audit = run_audit(scan, catalog, policy)
            found = {f.subject: f.severity.label for f in audit.findings if f.rule_id == "SDK-UNDISCLOSED"}
            present = {h.sdk_id for h in sdks}
            counts["files"] += 1
            counts["named"] += len(named & present)
            counts["decoys"] += len(set(drawn) & present)
            for subject, severity in found.items():
                side = "named" if subject in named or named.intersection(catalog[subject].part_of) \
                    else "decoy" if subject in drawn else "other"
                counts[f"{side}:{severity}"] += 1
                if side == "named" and false_alarms is not None:
                    false_alarms.append((f"{directory.name}/{name}", subject, severity))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directories", nargs="+", type=Path)
    parser.add_argument("--part", choices=("all", *PARTS), default="all")
    parser.add_argument("--decoys", type=int, default=15)
    parser.add_argument("--detail", action="store_true", help="print each false alarm")
    args = parser.parse_args(argv)
    alarms: list[tuple[str, str, str]] = []
    c = evaluate(args.directories, args.part, args.decoys, alarms)
    if args.detail:
        for policy, subject, severity in alarms:
            print(f"{policy}: {subject} ({severity})")
    print(f"files {c['files']} (unreadable {c['unreadable']}); SDKs the policies name: {c['named']}, "
          f"decoys (not named): {c['decoys']}")
    for side, label in (("named", "false alarms on named SDKs"), ("decoy", "alarms on decoys")):
        by = ", ".join(f"{s} {c[f'{side}:{s}']}" for s in ("high", "medium", "low"))
        print(f"SDK-UNDISCLOSED {label}: {by}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
