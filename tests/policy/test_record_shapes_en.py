"""Record shapes seen in English (and Chinese) policies, in our own words, expected values by hand:

- a heading naming the SDK (with its company in brackets), one or two sentences saying what it is, then
  label lines ("Personal Data processed: …", "Place of processing: … Privacy Policy <url>"), the layout
  of generated policies;
- a list whose markers were lost in a copy as plain text: the lines after "…the following SDKs:", each
  "Name (use) – what it collects. Privacy policy: <url>".
"""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(entries=(
        entry("mixpanel", "Mixpanel", vendor="Mixpanel, Inc."),
        entry("applovin", "AppLovin", vendor="AppLovin Corporation"),
        entry("onesignal", "OneSignal", vendor="OneSignal, Inc."),
        entry("revenuecat", "RevenueCat", vendor="RevenueCat, Inc."),
        entry("sentry", "Sentry", vendor="Functional Software, Inc."),
        entry("umeng-analytics", "Umeng Analytics", "友盟统计", vendor="Umeng Co., Ltd."),
        entry("firebase-crashlytics", "Firebase Crashlytics", vendor="Google LLC"),
    ), version="unit", sha256="0" * 64, source="memory")


HEADED = """<h3>Statistics</h3>
<p>Services in this part let us count how the app is used.</p>
<h4>Mixpanel (Mixpanel, Inc.)</h4>
<p>Mixpanel counts screen views and taps for us; it is operated by Mixpanel, Inc.</p>
<p>Personal Data processed: IP address; usage data.</p>
<p>Place of processing: United States – <a href="https://mixpanel.com/legal/privacy-policy/">Privacy Policy</a>.</p>
<h3>Ads</h3>
<h4>AppLovin (AppLovin Corporation)</h4>
<p>AppLovin shows ads inside the app.</p>
<p>It lets advertisers pay per install.</p>
<p>Personal Data processed: advertising identifier; geographic position.</p>
<p>Place of processing: United States – <a href="https://www.applovin.com/privacy/">Privacy Policy</a>.</p>
"""


def test_heading_sentences_then_labels(tmp_path, catalog):
    rows = _read(tmp_path, "p.html", HEADED, catalog).sdks
    got = [(r.name, r.id, r.company, r.extractor, set(r.data_types), r.link) for r in rows]
    assert got == [
        ("Mixpanel", "mixpanel", "Mixpanel, Inc.", "key-value", {"ip"}, "https://mixpanel.com/legal/privacy-policy/"),
        ("AppLovin", "applovin", "AppLovin Corporation", "key-value",
         {"advertising-id", "location-fine", "location-coarse"}, "https://www.applovin.com/privacy/"),
    ]


def test_heading_of_a_policy_section_with_sentences_is_no_sdk(tmp_path, catalog):
    text = ("<h3>(II) Information we receive from partners</h3>\n"
            "<p>Partners may send us information about you when you agree to it.</p>\n"
            "<p>We treat it as described below.</p>\n"
            "<p>Purpose: to let you sign in.</p>\n"
            "<p>Personal information: nickname and avatar.</p>\n")
    assert _read(tmp_path, "s.html", text, catalog).sdks == ()


def test_chinese_heading_sentence_then_labels(tmp_path, catalog):
    text = ("### 友盟统计SDK\n"
            "友盟统计是我们用来了解功能使用情况的统计工具。\n"
            "使用目的：统计功能使用次数\n"
            "收集的个人信息：设备标识符（OAID、Android ID）\n"
            "第三方主体：友盟同欣（北京）科技有限公司\n")
    rows = _read(tmp_path, "z.md", text, catalog).sdks
    assert [(r.name, r.id, r.company, set(r.data_types)) for r in rows] == [
        ("友盟统计SDK", "umeng-analytics", "友盟同欣（北京）科技有限公司", {"oaid", "android-id"})]


UNMARKED = """Third-party services
The app uses the following third-party SDKs:
OneSignal (notifications) – collects a push token, IP address and device model. Privacy policy: https://onesignal.com/privacy_policy
RevenueCat (subscriptions) – collects purchase history and an app user ID. Privacy policy: https://www.revenuecat.com/privacy
Sentry (crash reports) – collects crash logs and the device model. Privacy policy: https://sentry.io/privacy/
"""


def test_items_that_lost_their_markers(tmp_path, catalog):
    rows = _read(tmp_path, "u.txt", UNMARKED, catalog).sdks
    got = [(r.id, set(r.data_types), r.link) for r in rows]
    assert got == [
        ("onesignal", {"ip", "device-model"}, "https://onesignal.com/privacy_policy"),
        ("revenuecat", set(), "https://www.revenuecat.com/privacy"),
        ("sentry", {"device-model"}, "https://sentry.io/privacy/"),
    ]


def test_a_sentence_and_its_link_line_are_not_items(tmp_path, catalog):
    # one item-looking line and a link line under a colon: a paragraph and its link, not a list
    text = ("We use these OneSignal features:\n"
            "OneSignal Segments: it uses the data to group devices, as its page explains at\n"
            "https://onesignal.com/privacy_policy in more detail.\n")
    rows = _read(tmp_path, "l.txt", text, catalog).sdks
    assert [(r.id, r.extractor) for r in rows] == [("onesignal", "prose")]


def test_prose_row_takes_the_unmarked_list_its_sentence_introduces(tmp_path, catalog):
    text = ("Ads\n"
            "We show ads through AppLovin. AppLovin may collect the following from your device:\n"
            "Identifiers: the advertising ID of the device.\n"
            "Network: the IP address and the carrier.\n"
            "How we use data\n"
            "We read your contacts only when you invite a friend.\n")
    rows = _read(tmp_path, "a.txt", text, catalog).sdks
    assert [(r.id, r.extractor) for r in rows] == [("applovin", "prose")]
    assert {"advertising-id", "ip"} <= set(rows[0].data_types)
    assert "contacts" not in rows[0].data_types  # past the list: not what the sentence introduced


def test_prose_data_goes_to_the_sdk_its_sentence_names(tmp_path, catalog):
    # one paragraph, three SDKs: a sentence about one of them (by a short form of its name) gives that one
    # its data; a sentence naming none gives every SDK of the paragraph its data
    text = ("We use OneSignal, RevenueCat and Firebase Crashlytics to notify you, sell subscriptions and fix "
            "crashes. Crashlytics collects crash traces and the device model. OneSignal keeps a push token "
            "and your IP address. Each of them sees the app version and the language.\n")
    rows = {r.id: set(r.data_types) for r in _read(tmp_path, "p.md", text, catalog).sdks}
    assert rows == {"onesignal": {"ip"}, "revenuecat": set(), "firebase-crashlytics": {"device-model"}}


def test_plain_word_name_right_after_a_verb_of_using(tmp_path, catalog):
    # "Sentry" and "Mixpanel" have no inner capital, so running text alone does not make them names; right
    # after "uses"/"use" they are; a capitalised word that is no catalog name ("Cookies") stays a word
    text = ("We use Cookies to remember you. Our app uses Sentry for error reports.\n\n"
            "Statistics: we rely on Mixpanel. Use Settings to turn them off.\n")
    rows = _read(tmp_path, "v.md", text, catalog).sdks
    assert [(r.name, r.id) for r in rows] == [("Sentry", "sentry"), ("Mixpanel", "mixpanel")]


PLAIN = """Statistics
Services in this part let us count how the app is used.

Mixpanel (Mixpanel, Inc.)
Mixpanel counts screen views and taps for us.
Personal Data processed: IP address; usage data.
Place of processing: United States - Privacy Policy.

Fonts
Glyphwork Type (Glyphwork Labs Ltd.)
Glyphwork Type draws the app's typefaces from its servers.
Personal Data processed: IP address.
"""


def test_named_with_provider_then_sentences_then_labels_as_plain_text(tmp_path, catalog):
    """The same layout copied as text (headings are plain lines): a line naming a service with its provider
    in brackets heads the record the labels below it describe, known to the catalog or not."""
    rows = _read(tmp_path, "p.txt", PLAIN, catalog).sdks
    got = [(r.name, r.id, r.company, r.extractor, set(r.data_types)) for r in rows]
    assert got == [
        ("Mixpanel", "mixpanel", "Mixpanel, Inc.", "key-value", {"ip"}),
        ("Glyphwork Type", None, "Glyphwork Labs Ltd.", "key-value", {"ip"}),
    ]


def test_provider_in_brackets_without_labels_below_is_no_record(tmp_path, catalog):
    text = ("Glyphwork Type (Glyphwork Labs Ltd.)\n"
            "Glyphwork Type draws the app's typefaces.\n"
            "It is loaded when the app starts.\n"
            "The app shows a notice first.\n"
            "Personal Data processed: IP address.\n")
    assert [r.name for r in _read(tmp_path, "q.txt", text, catalog).sdks if r.extractor == "key-value"] == []


NESTED_SUMMARY = """Personal Data is processed for these purposes, with these services:

    • Statistics

      • Mixpanel

        Personal Data: Usage Data; device information

    • Server hosting

      • Glyphwork Cloud

    • Error monitoring

      • Firebase Crashlytics

        Personal Data: crash information

      • Glyphwork Trace
"""


def test_a_nested_summary_of_services_under_their_purposes(tmp_path, catalog):
    """Purposes are bullets with services nested under them, each service's labels deeper still: a bullet
    as shallow as a service's own is the next service (also the last one, with no labels), and a purpose is
    no service."""
    rows = _read(tmp_path, "p.txt", NESTED_SUMMARY, catalog).sdks
    assert [(r.name, r.id) for r in rows] == [
        ("Mixpanel", "mixpanel"), ("Glyphwork Cloud", None), ("Firebase Crashlytics", "firebase-crashlytics"),
        ("Glyphwork Trace", None)]


# services whose record says only where their data is processed (no "Personal Data processed" line), with or
# without a sentence between, as generated service lists write services that collect nothing of their own
PLACE_ONLY = """Infrastructure monitoring
Sentry (Functional Software, Inc.)
Place of processing: United States
Location
Geofinder Places (Geofinder Labs, Inc.)
A service that turns coordinates into the name of a place.
Place of processing: Germany
Logging in
Cardbook Login (Cardbook Platforms Ltd)
Place of processing: Ireland
"""


def test_a_service_named_with_its_provider_over_its_place_of_processing_is_a_record(tmp_path, catalog):
    rows = _read(tmp_path, "p.txt", PLACE_ONLY, catalog).sdks
    assert [(r.name, r.id, r.company, r.extractor) for r in rows] == [
        ("Sentry", "sentry", "Functional Software, Inc.", "key-value"),
        ("Geofinder Places", None, "Geofinder Labs, Inc.", "key-value"),
        ("Cardbook Login", None, "Cardbook Platforms Ltd", "key-value"),
    ]


def test_a_place_of_processing_under_a_plain_title_makes_no_record(tmp_path, catalog):
    text = "Hosting\nPlace of processing: United States\n"
    assert _read(tmp_path, "q.txt", text, catalog).sdks == ()


# a publisher's appendix: each partner's name on a line, a sentence opening with that name saying who provides
# it, then its privacy policy
SELF_DESCRIBED = """APPENDIX A - Advertising partners
Partners listed below may collect the advertising identifier of your device.
Glyphads
Glyphads is an advertising service provided by Glyph Media Ltd (UK)
Privacy Policy: https://glyphads.example/privacy
Mixpanel
Mixpanel is an analytics service provided by Mixpanel, Inc. (US)
Privacy Policy: https://mixpanel.com/legal/privacy-policy/
Tokiads
Tokiads is an advertising service provided by iTokio Inc. (Japan)
Privacy Policy: https://tokiads.example/privacy
"""


def test_a_name_over_a_sentence_saying_what_it_is_heads_its_record(tmp_path, catalog):
    rows = _read(tmp_path, "p.txt", SELF_DESCRIBED, catalog).sdks
    assert [(r.name, r.id, r.company, r.link) for r in rows] == [
        ("Glyphads", None, "Glyph Media Ltd", "https://glyphads.example/privacy"),
        ("Mixpanel", "mixpanel", "Mixpanel, Inc.", "https://mixpanel.com/legal/privacy-policy/"),
        ("Tokiads", None, "iTokio Inc.", "https://tokiads.example/privacy"),
    ]


@pytest.mark.parametrize("sentence, company", [
    ("Maio is an advertising service provided by iMobile Inc. (Japan)", "iMobile Inc."),
    ("It is provided by Yahoo! Inc. (US)", "Yahoo! Inc."),
    ("It is provided by My.Com B.V (Netherlands)", "My.Com B.V"),
    ("It is provided by GameAnalytics ApS (Denmark)", "GameAnalytics ApS"),
    ("It is provided by our partners, including Google Inc.", ""),  # no company's name opens it
])
def test_the_company_a_sentence_says_provides_it(sentence, company):
    from auditor.policy.text import cued_company
    assert cued_company(sentence) == company
