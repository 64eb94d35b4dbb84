"""Batch scheduling and worker preparation: largest builds first; the jobs a plan prepares are the ones
its forked workers use, and a new plan reads its inputs again."""

from __future__ import annotations

from pathlib import Path

from auditor.batch.model import BuildRef
from auditor.batch.runner import largest_first
from auditor.batch.work import BatchSpec, prepared
from auditor.pipeline import AuditInputs


def _ref(path: Path | str) -> BuildRef:
    return BuildRef(str(path), str(path))


def test_largest_builds_go_first_and_unknown_sizes_before_them(tmp_path):
    sizes = {"small.apk": 10, "big.apk": 3000, "mid.apk": 500, "mid2.apk": 500}
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
    refs = [_ref(tmp_path / n) for n in sizes] + [_ref("s3://bucket/remote.apk"), _ref(tmp_path / "gone.apk")]
    order = [Path(r.location).name for r in largest_first(refs)]
    assert order == ["gone.apk", "remote.apk", "big.apk", "mid.apk", "mid2.apk", "small.apk"]


def test_prepared_jobs_are_shared_until_a_new_plan_asks_for_fresh_ones(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("disable: []\n", encoding="utf-8")
    spec = BatchSpec(AuditInputs(config=config, code=False))
    first = prepared(spec, fresh=True)
    assert prepared(spec) is first  # what a forked worker finds: no second catalog load
    checked = BatchSpec(spec.inputs, spec.policy_map, catalog_sha256=first.base.catalog.sha256)
    assert prepared(checked) is first  # the client's digest is checked, not part of the key
    config.write_text("disable: [SDK-UNDISCLOSED]\n", encoding="utf-8")
    assert prepared(spec).base.config.disabled == frozenset()  # memoised: a worker of the same batch
    assert prepared(spec, fresh=True).base.config.disabled == {"SDK-UNDISCLOSED"}  # a new plan
