"""Issue 12 acceptance: SDK families the catalog was not written from, built into a clear APK and its
R8-obfuscated twin (tests/corpus/acceptance.py), scored against the hand-written truth of acceptance.json.

Targets (issue 12): on the held-out families, recall >= 0.9 and precision >= 0.95 on the clear build, recall
>= 0.75 on the R8 twin; >= 80 % of third-party classes no entry claims attributed to the right vendor.
Each test prints its figures (``pytest -s`` shows them).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from auditor.build.mapping import read_mapping_file
from auditor.catalog.model import Catalog
from auditor.model import ScanResult
from auditor.scan import Scanner
from tests.corpus import acceptance
from tests.corpus.build import build_apk, mapping_path
from tests.corpus.fixtures import _guard

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

ALSO_PRESENT = {
    # The three carriers' one-tap login SDKs ship inside JVerification (Aurora's JVerification docs:
    # the SDK integrates China Mobile, China Unicom and China Telecom authentication).
    "cmic-sso": "China Mobile login SDK inside JVerification",
    "com-chinatelecom-account": "China Telecom login SDK inside JVerification",
    "sdk-mobile-manager-login-cucc": "China Unicom login SDK inside JVerification",
    # RongCloud IMLib ships its own SQLite build (libsqlite.so beside libRongIMLib.so in the package).
    "sqlite": "libsqlite.so of RongCloud IMLib",
    # A library, not an SDK (issue 12 item 6): Google's protobuf-micro classes are bundled by one of the SDKs.
    "protobuf": "protobuf-micro library bundled by an SDK",
}
"""Hand-written: catalog entries that are truly in the build although no family names them."""

VENDOR_NAMES = {
    "Aurora Mobile": ("aurora", "hexun huagu", "极光", "和讯华谷"),
    "Xiaomi": ("xiaomi", "小米"),
    "Agora": ("agora", "声网"),
    "Sina Weibo": ("weibo", "sina", "weimeng", "微博", "微梦"),
    "Qiniu": ("qiniu", "七牛"),
    "RongCloud": ("rongcloud", "yunzhong rongxin", "融云"),
    "NetEase": ("netease", "网易"),
    "Tencent": ("tencent", "腾讯"),
    "Alipay": ("alipay", "alibaba", "ant group", "支付宝", "阿里"),
    "Alibaba": ("alibaba", "阿里"),
    "Sergey Tarasevich (nostra13)": ("nostra13", "tarasevich"),
}
"""Hand-written: the names each family vendor goes by (legal, brand, Chinese)."""

BUNDLED_MAKERS = {
    "jverification": ("china mobile", "中国移动", "china unicom", "中国联通", "china telecom", "中国电信"),
}
"""Hand-written: code of other makers a family ships (documented by the family's vendor)."""


@dataclass(frozen=True)
class Scores:
    recall: float
    precision: float
    missed: tuple[str, ...]
    false: tuple[str, ...]


def family_scores(result: ScanResult, catalog: Catalog) -> Scores:
    families = acceptance.families()
    reported = {h.sdk_id for h in result.sdks}  # libraries (kind: library) are listed apart, never here
    held_out = [f for f in families if f.set == "held-out"]
    missed = tuple(f.family for f in held_out if not set(f.catalog_ids) & reported)
    correct = {i for f in families for i in f.catalog_ids} | set(ALSO_PRESENT)
    false = tuple(sorted(reported - correct))
    return Scores(1 - len(missed) / len(held_out), 1 - len(false) / max(1, len(reported)), missed, false)


def attribution_share(result: ScanResult, renames: dict[str, str]) -> tuple[float, int, dict[str, int]]:
    """Share of unclaimed third-party classes (of the acceptance jars) whose package group names a vendor
    the family goes by; the total; wrong or unnamed classes per family."""
    truth = acceptance.class_families()
    vendor_of = {f.family: f.vendor for f in acceptance.families()}
    said = {name: u.likely_vendor.lower() for u in result.unknown_packages for name in u.classes}
    total = right = 0
    wrong: dict[str, int] = {}
    for name, vendor in said.items():
        family = truth.get(renames.get(name, name))
        if family is None:
            continue
        total += 1
        names = VENDOR_NAMES[vendor_of[family]] + BUNDLED_MAKERS.get(family, ())
        if vendor and any(n in vendor for n in names):
            right += 1
        else:
            wrong[family] = wrong.get(family, 0) + 1
    return (right / total if total else 1.0), total, wrong


def acceptance_catalog() -> Catalog:
    from auditor.catalog import load_catalog

    return load_catalog()


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner.create(acceptance_catalog(), code=False, explain_code=True)


@pytest.fixture(scope="module")
def clear(scanner) -> ScanResult:
    return scanner.scan(_guard(build_apk, acceptance.CLEAR))


@pytest.fixture(scope="module")
def obfuscated(scanner) -> tuple[ScanResult, dict[str, str]]:
    apk = _guard(build_apk, acceptance.OBFUSCATED)
    mapping = read_mapping_file(mapping_path(apk))  # obfuscated -> original, for the truth only
    return scanner.scan(apk), mapping


def test_truth_covers_at_least_twelve_held_out_families():
    assert sum(f.set == "held-out" for f in acceptance.families()) >= 12


def test_clear_build_family_recall_and_precision(clear, scanner):
    scores = family_scores(clear, scanner.catalog)
    print(f"\nclear build: held-out recall {scores.recall:.3f} (missed {list(scores.missed)}), "
          f"precision {scores.precision:.3f} (false {list(scores.false)})")
    assert scores.recall >= 0.9, scores
    assert scores.precision >= 0.95, scores


def test_obfuscated_twin_family_recall(obfuscated, scanner):
    result, _renames = obfuscated
    scores = family_scores(result, scanner.catalog)
    print(f"\nR8 twin: held-out recall {scores.recall:.3f} (missed {list(scores.missed)}), "
          f"precision {scores.precision:.3f} (false {list(scores.false)})")
    assert scores.recall >= 0.75, scores


def test_unclaimed_classes_are_attributed_to_their_vendor(clear, obfuscated):
    share, total, wrong = attribution_share(clear, {})
    print(f"\nclear build: {share:.3f} of {total} unclaimed acceptance classes attributed right; "
          f"wrong or unnamed per family {wrong}")
    result, renames = obfuscated
    r8_share, r8_total, r8_wrong = attribution_share(result, renames)
    print(f"R8 twin: {r8_share:.3f} of {r8_total} unclaimed acceptance classes attributed right; {r8_wrong}")
    assert share >= 0.8
