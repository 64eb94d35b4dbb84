"""Evidence on real policies: ``../shared/policies`` (37 excerpts nobody here wrote, with hand-written truth
in ``TRUTH.json``) scored by ``tools/policy_eval.py``; skipped when the corpus is absent.

The floors sit a little under the figures measured when they were set (README, "Policy reader"); the
held-out part (a third of the files, fixed by the scorer's split rule) was not tuned on.
"""

from __future__ import annotations

import pytest

from tests.policy.helpers import REPO

CORPUS = REPO / ".." / "shared" / "policies"

FLOORS = {
    "part:tuned": {"sdk_recall": 0.85, "sdk_precision": 0.95, "resolution": 0.9, "company": 0.9,
                   "row_data_recall": 0.9, "scene_pairs": 0.9},
    "part:held-out": {"sdk_recall": 0.88, "sdk_precision": 0.9, "resolution": 0.9, "company": 0.7,
                      "row_data_recall": 0.7, "scene_pairs": 0.15},
}


@pytest.fixture(scope="module")
def figures():
    if not (CORPUS / "TRUTH.json").is_file():
        pytest.skip(f"no policy corpus at {CORPUS.resolve()} (shared/ is not checked out here)")
    from tools.policy_eval import evaluate
    from tools.policy_eval import figures as ratios

    return {k: ratios(v) for k, v in evaluate(CORPUS).items()}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_truth_metrics_stay_above_their_floors(figures, part):
    low = {m: (figures[part][m], floor) for m, floor in FLOORS[part].items() if figures[part][m] < floor}
    assert not low, f"{part}: below floor (measured, floor): {low}"


def test_the_split_holds_a_third_out_in_every_family(figures):
    for family in ("table", "kv", "list", "perm", "prose"):
        assert figures[f"family:{family}"]["files"] >= 2
    assert figures["part:held-out"]["files"] * 3 >= figures["total"]["files"] - 2
