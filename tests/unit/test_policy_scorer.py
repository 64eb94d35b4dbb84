"""The policy scorer's scene matching (``tools/policy_judge.match_scenes``), on hand-written scenes."""

from __future__ import annotations

from collections import Counter

from tools.policy_eval import _score_scenes
from tools.policy_judge import match_scenes

P = "android.permission."


def _reported(name: str, *perms: str) -> dict:
    return {"name": name, "description": "", "permissions": [P + p for p in perms], "evidence": {"lines": [1, 1]}}


def test_one_reported_use_for_two_permissions_matches_both_truth_scenes():
    truth = [{"scene": "READ_CALENDAR：活动预约提醒", "permissions": ["READ_CALENDAR"]},
             {"scene": "WRITE_CALENDAR：活动预约提醒", "permissions": ["WRITE_CALENDAR"]}]
    reported = [_reported("用于活动预约提醒", "READ_CALENDAR", "WRITE_CALENDAR")]
    assert match_scenes(truth, reported) == [(0, 0), (1, 0)]
    c: Counter[str] = Counter()
    _score_scenes(c, {"scene_permissions": truth}, {"scenes": reported}, lambda _s: None)
    assert (c["pairs_hit"], c["pairs_total"], c["pairs_ok"], c["pairs_reported"]) == (2, 2, 2, 2)


def test_a_matched_scene_without_the_permission_takes_no_second_truth_scene():
    truth = [{"scene": "扫码登录", "permissions": ["CAMERA"]},
             {"scene": "扫码登录后保存图片", "permissions": ["WRITE_EXTERNAL_STORAGE"]}]
    reported = [_reported("扫码登录", "CAMERA")]
    assert match_scenes(truth, reported) == [(0, 0)]


def test_one_truth_use_written_once_per_permission_matches_both_reported_scenes():
    truth = [{"scene": "check outgoing calls for the call sensor", "permissions": ["PROCESS_OUTGOING_CALLS", "READ_CALL_LOG"]}]
    reported = [_reported("PROCESS_OUTGOING_CALLS (check outgoing calls for the call sensor)", "PROCESS_OUTGOING_CALLS"),
                _reported("READ_CALL_LOG (check outgoing calls for the call sensor)", "READ_CALL_LOG")]
    c: Counter[str] = Counter()
    _score_scenes(c, {"scene_permissions": truth}, {"scenes": reported}, lambda _s: None)
    assert (c["pairs_hit"], c["pairs_total"], c["pairs_ok"], c["pairs_reported"]) == (2, 2, 2, 2)


def _corpus(root, name: str, policy: str, rows: list[str]):
    import json
    d = root / name
    d.mkdir()
    (d / "en-links-app.md").write_text(policy, encoding="utf-8")
    truth = {"en-links-app.md": {"sdk_rows": [
        {"name": n, "company": None, "identity": n, "package_names": [], "data_types": [], "permissions": [],
         "link": None, "optional": False} for n in rows], "scene_permissions": [], "doc_data_types": [],
        "doc_permissions": []}}
    (d / "TRUTH.json").write_text(json.dumps(truth), encoding="utf-8")
    return d


def test_several_corpora_are_scored_together(tmp_path, capsys):
    """Two corpora, three hand-written rows in all: the totals are the sums, each file keeps its corpus."""
    import json

    from tools.policy_eval import main
    one = _corpus(tmp_path, "one", "The app uses these third-party services:\n\n- [Sentry](https://sentry.io/privacy)\n"
                  "- [OneSignal](https://onesignal.com/privacy_policy)\n", ["Sentry", "OneSignal"])
    two = _corpus(tmp_path, "two", "The app uses these third-party services:\n\n- [Mixpanel](https://mixpanel.com/legal)\n"
                  "- [Sentry](https://sentry.io/privacy)\n", ["Mixpanel"])
    assert main([str(one), str(two), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["total"]["files"], out["total"]["sdk_recall_n"], out["total"]["sdk_precision_n"]) == (2, "3/3", "3/4")
    assert {"file:one/en-links-app.md", "file:two/en-links-app.md"} <= set(out)
    assert main([str(one), str(tmp_path / "none")]) == 2


def test_the_gate_evaluation_counts_alarms_on_named_sdks_and_on_decoys(tmp_path):
    """A policy naming Sentry and OneSignal, whose truth also lists Mixpanel (a row the text lost): the build
    holds the three, plus decoys; SDK-UNDISCLOSED must fire on Mixpanel only of the three, and on every decoy."""
    from tools.gate_eval import evaluate
    one = _corpus(tmp_path, "one", "The app uses these third-party services:\n\n- [Sentry](https://sentry.io/privacy)\n"
                  "- [OneSignal](https://onesignal.com/privacy_policy)\n\nWe keep our logs ourselves.\n",
                  ["Sentry", "OneSignal", "Mixpanel"])
    c = evaluate([one], "all", decoys=4)
    assert (c["files"], c["named"]) == (1, 3)
    assert c["named:high"] + c["named:medium"] + c["named:low"] == 1        # Mixpanel: the policy never names it
    assert sum(c[f"decoy:{s}"] for s in ("high", "medium", "low")) == c["decoys"] > 0


def test_the_judge_reads_an_identity_that_names_an_entry_then_says_what_it_is():
    from tests.policy.helpers import entry, memory_catalog
    from tools.policy_judge import Judge

    judge = Judge(memory_catalog(
        entry("tencent-bugly", "Tencent Bugly", "Bugly", vendor="Tencent"),
        entry("gson", "Gson", vendor="Google"),
        entry("google-plus", "Google+", vendor="Google"),
        entry("shumei", "数美 SDK", vendor="Shumei"),
    ), None)
    assert judge.expected({"identity": "Tencent Bugly crash reporting"}) == {"tencent-bugly"}
    assert judge.expected({"identity": "Gson JSON library"}) == {"gson"}  # one word: the entry's own id
    assert judge.expected({"identity": "Shumei (数美) risk-control SDK"}) == {"shumei"}  # "数美 SDK" named without "SDK"
    # a vendor's name followed by words names no entry of that vendor ("Google+" folds to "google")
    assert judge.expected({"identity": "Google image search"}) == set()
    assert judge.right({"identity": "Google image search"}, None)


def test_the_judge_takes_lower_case_words_in_an_identity_for_what_the_sdk_does_not_for_a_name():
    from tests.policy.helpers import entry, memory_catalog
    from tools.policy_judge import Judge

    judge = Judge(memory_catalog(
        entry("wechat-opensdk", "WeChat OpenSDK", vendor="Tencent"),
        entry("mob-sharesdk", "ShareSDK", vendor="MobTech"),
        entry("payment", "Payment"),
        entry("retrofit", "Retrofit", vendor="Square"),
        entry("vivo-push", "vivo Push", vendor="vivo"),
        entry("google-plus", "Google+", vendor="Google"),
        entry("tensorflow-lite", "TensorFlow Lite", vendor="Google"),
    ), None)
    # "share" and "payment" say what the SDK is used for; ShareSDK and an SDK named "Payment" are not meant
    assert judge.expected({"identity": "WeChat OpenSDK (pay / share)"}) == {"wechat-opensdk"}
    assert judge.expected({"identity": "WeChat OpenSDK (payment; share)"}) == {"wechat-opensdk"}
    assert judge.expected({"identity": "vivo game login/payment SDK"}) == set()
    assert judge.expected({"identity": "Xiaomi game SDK: login / payment"}) == set()
    # the identity itself, brackets taken off, may be a lower-case name
    assert judge.expected({"identity": "retrofit (Dart REST client generator)"}) == {"retrofit"}
    assert judge.expected({"identity": "ShareSDK (share)"}) == {"mob-sharesdk"}
    # a bracket naming only the vendor says who makes it ("Google+" folds to "google")
    assert judge.expected({"identity": "TensorFlow Lite (Google) on-device ML runtime"}) == {"tensorflow-lite"}
    # unless an entry's name begins with that lower-case word as written
    assert judge.expected({"identity": "phone makers' push (Huawei / vivo push)"}) == {"vivo-push"}


def test_the_judge_puts_into_a_build_the_entry_an_identity_names_by_its_fullest_words():
    from tests.policy.helpers import entry, memory_catalog
    from tools.policy_judge import Judge

    judge = Judge(memory_catalog(
        entry("oppo-push", "OPPO Push", vendor="OPPO"),
        entry("heytap", "HeyTap"),
        entry("amap-location", "AMap Location", vendor="AMap"),
        entry("amap-map", "AMap Map", vendor="AMap"),
        entry("google-plus", "Google+ Platform", "Google+ Sign-In", vendor="Google"),
        entry("google-sign-in", "Google Sign-In", vendor="Google"),
    ), None)
    row = {"identity": "OPPO (HeyTap) Push"}
    assert judge.expected(row) == {"oppo-push", "heytap"}  # either is taken as right for the row
    assert judge.primary(row) == "oppo-push"                # the one the build holds: not the bracket's
    assert judge.primary({"identity": "AMap Location / AMap Map"}) == "amap-location"
    assert judge.primary({"identity": "an in-house module"}) is None
    # both names fold to "googlesignin": the build holds the entry with the name as the identity writes it
    assert judge.expected({"identity": "Google Sign-In SDK"}) == {"google-plus", "google-sign-in"}
    assert judge.primary({"identity": "Google Sign-In SDK"}) == "google-sign-in"
    assert judge.primary({"identity": "Google+ Sign-In"}) == "google-plus"


def test_the_judge_finds_an_entrys_name_written_inside_an_identity():
    from tests.policy.helpers import entry, memory_catalog
    from tools.policy_judge import Judge

    judge = Judge(memory_catalog(
        entry("mmkv", "MMKV", vendor="Tencent"),
        entry("umeng-push", "Umeng Push", "U-Push", vendor="Umeng"),
        entry("adsdk", "AdSDK"),
        entry("mobvista", "Mobvista"),
        entry("hms-core", "HMS Core", vendor="Huawei"),
    ), None)
    assert judge.expected({"identity": "Tencent MMKV key-value storage"}) == {"mmkv"}
    assert judge.expected({"identity": "Umeng U-Push push SDK"}) == {"umeng-push"}
    # words for what an SDK is, the maker after "by", a base inside another product's name: no entry
    assert judge.expected({"identity": "BeiZi ad SDK"}) == set()
    assert judge.expected({"identity": "SolarEngine analytics SDK by Mobvista"}) == set()
    assert judge.expected({"identity": "Huawei HMS Core Game Service SDK"}) == set()
