"""Property tests of every side input's loader: the policy loaders one format at a time (PDF, DOCX, HTML,
text and Markdown, mutated from real-shaped seeds, compressed streams included), and config, scenes and
baseline loading (mutated seeds, and documents generated from any mix of mappings, lists, strings,
numbers, booleans and nulls). Only typed errors with one-line messages, each example within the time bound,
bounded memory growth (see ``conftest.py``)."""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from auditor.audit.baseline import load_baseline
from auditor.audit.config import load_config
from auditor.audit.engine import rule_ids
from auditor.audit.scenes import load_scenes
from auditor.policy.loader import load_document
from tests.fuzz.conftest import FUZZ, mutated
from tests.fuzz.seeds import policy_seeds
from tests.policy.pdfgen import text_pdf

ROOT = Path(__file__).resolve().parents[2]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-inputs")


# -- seeds ------------------------------------------------------------------------------------------------------
def _flate_pdf() -> bytes:
    """A text PDF whose page stream is /FlateDecode (what real PDFs hold), to fuzz the inflation check."""
    plain = text_pdf(["Privacy policy", "We use JPush for push messages.", "Camera: scan a QR code."])
    start = plain.index(b"stream\n") + len(b"stream\n")
    end = plain.index(b"\nendstream", start)
    body = zlib.compress(plain[start:end])
    head = plain[:start].replace(b"<< /Length", b"<< /Filter /FlateDecode /Length")
    head = head[:head.rindex(b"/Length")] + b"/Length %d >>\nstream\n" % len(body)
    return head + body + plain[end:]


def _docx(paragraphs: list[str], table: list[list[str]]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    rows = "".join("<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in r) + "</w:tr>"
                   for r in table)
    xml = f'<?xml version="1.0"?><w:document {W}><w:body>{body}<w:tbl>{rows}</w:tbl></w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def _by_suffix(*suffixes: str) -> list[bytes]:
    return [raw for suffix, raw in policy_seeds() if suffix in suffixes]


SEEDS = {
    "pdf": [text_pdf(["Privacy policy", "We collect your location to show nearby stores."]), _flate_pdf()],
    "docx": [_docx(["隐私政策", "第三方SDK"], [["SDK名称", "所属公司", "收集信息"], ["极光推送SDK", "和讯华谷", "IMEI"]]),
             _docx(["Privacy policy"], [["SDK", "Company", "Data"], ["Firebase", "Google", "device id"]])],
    "html": _by_suffix(".html", ".htm"),
    "text": _by_suffix(".txt", ".md"),
}
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "text": ".txt"}


@pytest.mark.parametrize("kind", sorted(SEEDS))
@FUZZ
@given(data=st.data())
def test_policy_loader(fuzz_run, scratch, kind, data):
    assert SEEDS[kind], f"no {kind} seeds"
    raw = data.draw(mutated(SEEDS[kind], max_mutations=8))
    path = scratch / f"policy{SUFFIX[kind]}"
    path.write_bytes(raw)
    fuzz_run.check(lambda: load_document(path))


# -- config, scenes, baseline -------------------------------------------------------------------------------------
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-(10 ** 30), 10 ** 30), st.floats(allow_nan=False),
                    st.text(max_size=20), st.sampled_from(sorted(rule_ids())),
                    st.sampled_from(["high", "LOW", "info", "CAMERA", "en", "zh", "2027-06-30", "x" * 300]))
KEYS = st.one_of(st.sampled_from(["severity", "disable", "unknown_package_min_classes", "scenes", "name",
                                  "description", "permissions", "sdks", "en", "zh", "baseline_version", "tool",
                                  "entries", "fingerprint", "rule_id", "subject", "justification", "expires"]),
                 st.text(max_size=10))
VALUES = st.recursive(SCALARS, lambda children: st.one_of(st.lists(children, max_size=4),
                                                          st.dictionaries(KEYS, children, max_size=4)),
                      max_leaves=12)
DOCUMENTS = st.one_of(VALUES, st.dictionaries(KEYS, VALUES, max_size=5))
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _config_seed() -> bytes:
    return b"severity:\n  SDK-STALE: low\n  CODE-UNKNOWN-THIRD-PARTY: info\ndisable: [PERM-NO-SCENE]\n" \
           b"unknown_package_min_classes: 3\n"


def _baseline_seed() -> bytes:
    doc = {"baseline_version": 1, "tool": "auditor", "entries": [
        {"fingerprint": "0" * 64, "rule_id": "SDK-UNDISCLOSED", "subject": "glide", "justification": "ok",
         "expires": "2027-06-30"}]}
    return (json.dumps(doc, indent=2) + "\n").encode()


LOADERS: dict[str, tuple[str, Any, list[bytes]]] = {
    "config": (".yaml", lambda p: load_config(p, rule_ids()), [_config_seed()]),
    "scenes": (".yaml", load_scenes, [(ROOT / "samples" / "demo-scenes.yaml").read_bytes()]),
    "baseline": (".json", load_baseline, [_baseline_seed()]),
}


@pytest.mark.parametrize("kind", sorted(LOADERS))
@FUZZ
@given(data=st.data())
def test_side_input_mutated(fuzz_run, scratch, kind, data):
    suffix, load, seeds = LOADERS[kind]
    path = scratch / f"{kind}{suffix}"
    path.write_bytes(data.draw(mutated(seeds, max_mutations=8)))
    fuzz_run.check(lambda: load(path))


@pytest.mark.parametrize("kind", sorted(LOADERS))
@FUZZ
@given(document=DOCUMENTS)
def test_side_input_generated(fuzz_run, scratch, kind, document):
    suffix, load, _seeds = LOADERS[kind]
    path = scratch / f"{kind}-generated{suffix}"
    text = json.dumps(document, ensure_ascii=False) if suffix == ".json" else yaml.dump(document, Dumper=_DUMPER,
                                                                                        allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    fuzz_run.check(lambda: load(path))
