"""Reports of real builds held against real policies (the corpus builds and the shared policies, none of
which the reporters were written on): the targets of issue 16 that hold for any input.

- no terminal line over 100 columns; every rule that fired appears in the summary;
- no verdict without a gate (text, Markdown, HTML, JSON);
- SARIF validates against the official schema, its required GitHub properties are present, and without a
  source root no two kinds of finding share a uri and line (each sits at the build with a logical location).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from auditor.audit.policy_view import from_disclosure
from auditor.audit.rules import all_rules
from auditor.errors import PolicyError
from auditor.pipeline import AuditInputs, Job
from auditor.report import html, json_report, markdown, sarif, text
from auditor.report.model import build_model
from auditor.report.textwidth import width
from tests.corpus.build import built_apk

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
POLICY_FIXED = frozenset(r.info.id for r in all_rules() if r.info.fix_in == "policy")
POLICIES = sorted(p for d in ("seeds", "policies") for p in (SHARED / d).glob("*")
                  if p.suffix in (".txt", ".md", ".html") and p.stem != "README") if SHARED.exists() else []


@pytest.fixture(scope="module")
def cn_scan(scanner):
    return scanner.scan(built_apk("cn-push-social"))


@pytest.mark.skipif(not POLICIES, reason="../shared policies are not present")
@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.name)
def test_reports_against_real_policies(cn_scan, policy, tmp_path):
    try:
        job = Job.prepare(AuditInputs(policy=policy))
    except PolicyError as exc:  # the policy reader's business, not the reports'
        pytest.skip(f"policy not readable: {exc}")
    audit = job.audit(cn_scan)
    model = build_model(cn_scan, audit, job.catalog, policy=from_disclosure(job.disclosure),
                        knowledge=job.knowledge, config=job.config, fail_on=None, work_dir=str(tmp_path))
    out = text.render(model)
    assert max(width(line) for line in out.splitlines()) <= 100
    counted = {line.split()[0] for line in out.splitlines() if re.match(r"  [A-Z]+-[A-Z-]+ +\d", line)}
    assert counted == {f.rule_id for f in audit.findings}
    for rendered in (out, markdown.render(model), html.render(model)):
        assert "PASS" not in rendered and "Verdict" not in rendered and "passed" not in rendered
    assert json.loads(json_report.render_model(model))["summary"]["verdict"] is None
    doc = json.loads(sarif.render(model))
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text())).validate(doc)
    places: dict[tuple, tuple[str, str]] = {}
    for r in doc["runs"][0]["results"]:
        assert r["partialFingerprints"]["auditorFingerprint/v1"] and r["message"]["text"]
        phys = r["locations"][0]["physicalLocation"]
        key = (phys["artifactLocation"]["uri"], phys.get("region", {}).get("startLine"))
        if key[1] is not None:
            # two kinds of finding share a line only for a reason: the same subject, or a line of the policy
            # that names several SDKs ("Facebook and Instagram") and so carries a finding for each
            rule, subject = places.setdefault(key, (r["ruleId"], r["properties"]["subject"]))
            same_text = rule in POLICY_FIXED and r["ruleId"] in POLICY_FIXED
            assert rule == r["ruleId"] or subject == r["properties"]["subject"] or same_text, key
        else:
            assert r["locations"][0].get("logicalLocations") or phys["artifactLocation"]["uri"].endswith(".apk")
