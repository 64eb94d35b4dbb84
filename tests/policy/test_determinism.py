"""The reader's output does not depend on Python's per-process hash seed.

Unresolved rows carry ranked ``candidates``; ties among them were once ordered by the iteration order of a set
of strings, so the same policy gave different JSON from one run to the next. Each name is resolved in fresh
processes with different ``PYTHONHASHSEED`` values, against the real catalog.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# generic names that resolve to no SDK and share bigrams with many catalog names (ties among candidates)
NAMES = ["push share sdk", "ads share sdk", "share pay sdk", "map push sdk", "data track sdk", "推送分享SDK",
         "广告统计SDK", "消息数据SDK"]

_PROBE = """
import json, sys
from auditor.catalog.loader import load_catalog
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.names import build_index
index = build_index(load_catalog(), load_lexicon())
print(json.dumps({n: list(index.resolve(n).candidates) for n in json.loads(sys.argv[1])}))
"""


def _candidates(seed: int) -> dict[str, list[str]]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(NAMES)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout)


def test_candidates_do_not_depend_on_the_hash_seed() -> None:
    first = _candidates(1)
    assert any(len(c) > 1 for c in first.values())  # the names do have several candidates to order
    for seed in (2, 3, 4):
        assert _candidates(seed) == first
