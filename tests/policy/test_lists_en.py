"""English bullet lists of services, in our own words (expected values by hand): an intro line that ends
with a colon is not a field label, a company in brackets after the name or after "provided by" is the row's
company (legal suffix included), a negated mention is no row."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import read_policy
from tests.policy.helpers import entry, memory_catalog, read_text


def test_service_bullets_with_companies(tmp_path):
    catalog = Catalog(entries=(
        entry("google-admob", "Google AdMob", "AdMob"), entry("onesignal", "OneSignal"),
        entry("sentry", "Sentry"), entry("facebook-sdk", "Facebook SDK"),
    ), version="unit", sha256="0" * 64, source="memory")
    text = ("## Third parties\n\nWe use the following services:\n\n"
            "- **Google AdMob** (Google LLC): shows ads. Collects the advertising ID and approximate location.\n"
            "- **OneSignal** – push notifications, provided by OneSignal, Inc. Privacy: https://onesignal.com/privacy\n"
            "- **Sentry**: crash reports (device model, OS version)\n\n"
            "We do not use Facebook SDK or any analytics.\n")
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    d = read_policy(path, catalog)
    assert [(s.name, s.id, s.company, s.link) for s in d.sdks] == [
        ("Google AdMob", "google-admob", "Google LLC", ""),
        ("OneSignal", "onesignal", "OneSignal, Inc.", "https://onesignal.com/privacy"),
        ("Sentry", "sentry", "", ""),
    ]
    assert set(d.sdks[0].data_types) == {"advertising-id", "location-coarse"}
    assert d.sdks[2].data_types == ("device-model",)


def test_bare_addresses_and_task_items_are_no_sdk_rows(tmp_path):
    # setup links per platform and a README's task list sit among SDK-like words, but name no SDK
    catalog = _sentry_only()
    path = tmp_path / "guide.md"
    path.write_text("The SDK setup guides:\n\n- Android: https://docs.example.com/sdk/android/setup.html\n"
                    "- iOS: https://docs.example.com/sdk/ios/setup.html\n\nProgress:\n\n"
                    "- [x] Add the crash SDK\n- [ ] Add the Sentry SDK release hook\n\n"
                    "Third-party SDKs:\n\n- Sentry SDK: crash reports\n- Acme Push SDK: notifications\n",
                    encoding="utf-8")
    assert [(r.name, r.id) for r in read_policy(path, catalog).sdks] == [
        ("Sentry SDK", "sentry"), ("Acme Push SDK", None)]


def test_prose_names_a_product_linked_to_its_own_site_and_each_row_keeps_its_own_link(tmp_path):
    catalog = _sentry_only()
    path = tmp_path / "privacy.md"
    path.write_text("The app uses [Countly Lite](https://countlylite.example/) to count launches. Its privacy "
                    "policy is [here](https://countlylite.example/privacy). The app also integrates the Sentry SDK "
                    "for crash reports; see [Sentry's policy](https://sentry.io/privacy/). Read our "
                    "[blog](https://blog.example.org/) for news.\n", encoding="utf-8")
    rows = read_policy(path, catalog).sdks
    assert [(r.name, r.id, r.link) for r in rows] == [
        ("Countly Lite", None, "https://countlylite.example/privacy"),
        ("Sentry SDK", "sentry", "https://sentry.io/privacy/")]


def test_what_the_app_says_it_does_not_use_is_no_row_and_no_permission(tmp_path):
    catalog = Catalog(entries=(entry("sentry", "Sentry SDK", "Sentry"), entry("google-analytics", "Google Analytics")),
                      version="unit", sha256="0" * 64, source="memory")
    path = tmp_path / "privacy.md"
    path.write_text("## Permissions\n\nThe app asks for `CAMERA` to scan barcodes.\n\nWe do not request:\n\n"
                    "- `INTERNET` - the app works offline.\n- `READ_CONTACTS` - never needed.\n\n"
                    "## Third parties\n\nWe do not use Google Analytics. We use Sentry for crash reports.\n\n"
                    "The app contains:\n\n- No advertising SDK\n- No social-media SDK\n", encoding="utf-8")
    d = read_policy(path, catalog)
    assert [(r.name, r.id) for r in d.sdks] == [("Sentry", "sentry")]
    assert {p.permission for p in d.permissions} == {"android.permission.CAMERA"}


def test_bullets_under_a_line_saying_the_app_uses_these_third_parties(tmp_path):
    # plain-text bullets (•) under "The app uses these third-party services:": each item is one, known or not
    catalog = _sentry_only()
    path = tmp_path / "privacy.txt"
    path.write_text("The app uses these third-party services:\n• Sentry - crash reports\n"
                    "• Acme Maps - showing stores on a map\n• Zeta Chat - customer support\n\n"
                    "Your rights:\n• Access - ask for a copy of your data\n• Deletion - ask us to delete it\n",
                    encoding="utf-8")
    assert [(r.name, r.id) for r in read_policy(path, catalog).sdks] == [
        ("Sentry", "sentry"), ("Acme Maps", None), ("Zeta Chat", None)]


def test_a_property_of_an_sdk_in_a_list_of_data_is_no_sdk(tmp_path):
    catalog = _sentry_only()
    path = tmp_path / "vendor.txt"
    path.write_text("The SDK collects:\n• IP address;\n• SDK version;\n• Timestamp;\n• Device model;\n",
                    encoding="utf-8")
    assert read_policy(path, catalog).sdks == ()


def _sentry_only() -> Catalog:
    """A catalog that knows one SDK, Sentry."""
    return Catalog(entries=(entry("sentry", "Sentry SDK", "Sentry"),), version="unit", sha256="0" * 64,
                   source="memory")


def test_a_negation_about_something_else_keeps_the_sdk(tmp_path):
    path = tmp_path / "privacy.md"
    path.write_text("We do not sell your data, and crash reports are sent through the Sentry SDK.\n"
                    "We do not use Acme Analytics SDK.\n", encoding="utf-8")
    assert [(r.name, r.id) for r in read_policy(path, _sentry_only()).sdks] == [("Sentry SDK", "sentry")]


def _read_rows(tmp_path, name: str, text: str, catalog: Catalog):
    """The policy reader's disclosure of ``text`` written to ``tmp_path / name``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_policy(path, catalog)


def _four_known() -> Catalog:
    return Catalog(entries=(
        entry("google-admob", "Google AdMob", "AdMob"), entry("onesignal", "OneSignal", "One Signal"),
        entry("sentry", "Sentry"), entry("mixpanel", "Mixpanel"),
    ), version="unit", sha256="0" * 64, source="memory")


LINKED_HTML = """<p>Some services below may identify you. Their privacy pages, for the third-party services the app uses</p>
<ul><li><a href="https://ads.example.com/privacy">AdMob</a></li>
<li><a href="https://push.example.com/privacy_policy">One Signal</a></li>
<li><a href="https://tiles.example.org/privacy">Tilecraft</a></li>
<li><a href="https://crash.example.com/privacy">Sentry</a></li></ul>
<p>Log Data</p>
"""


def test_html_link_items_keep_their_names_and_addresses(tmp_path):
    """An HTML link item reads as its text (the name) and its href (the row's link); in a list of services
    mostly known, an unknown name is a row too."""
    rows = _read_rows(tmp_path, "p.html", LINKED_HTML, _four_known()).sdks
    assert [(s.name, s.id, s.link, s.extractor) for s in rows] == [
        ("AdMob", "google-admob", "https://ads.example.com/privacy", "list"),
        ("One Signal", "onesignal", "https://push.example.com/privacy_policy", "list"),
        ("Tilecraft", None, "https://tiles.example.org/privacy", "list"),
        ("Sentry", "sentry", "https://crash.example.com/privacy", "list"),
    ]


def test_names_one_per_line_under_a_third_party_line_copied_as_text(tmp_path):
    """The same list copied as text: only the names are left, one a line, under the line about third parties."""
    text = ("Some services below may identify you. Their privacy pages, for the third-party services the app uses\n"
            "AdMob\nOne Signal\nTilecraft\nSentry\n\nLog Data\n")
    rows = _read_rows(tmp_path, "p.txt", text, _four_known()).sdks
    assert [(s.name, s.id) for s in rows] == [
        ("AdMob", "google-admob"), ("One Signal", "onesignal"), ("Tilecraft", None), ("Sentry", "sentry")]


def test_short_lines_under_a_third_party_line_that_are_mostly_unknown_are_no_rows(tmp_path):
    text = ("Some services below may identify you. Their privacy pages, for the third-party services the app uses\n"
            "Tilecraft\nQuillbox\nSentry\nNorthwind Maps\n")
    assert [s.name for s in _read_rows(tmp_path, "p.txt", text, _four_known()).sdks if s.extractor == "list"] == []


def test_company_lines_break_a_run_of_names(tmp_path):
    """A table copied one cell per line (name, company) is no list of bare names: company lines end the run."""
    text = ("The third-party SDKs the app uses and the companies that provide them\n"
            "AdMob\nGoogle LLC\nOne Signal\nOneSignal, Inc.\nSentry\nFunctional Software, Inc.\n")
    assert "Google LLC" not in [s.name for s in _read_rows(tmp_path, "p.txt", text, _four_known()).sdks]


LINKED_LINES = """## Libraries

This app relies on these libraries, which may gather some data:

[OneSignal](https://push.example.com/privacy_policy) - for notifications<br/>
[Tilecraft](https://tiles.example.org/privacy) - for map tiles<br/>
<a href="https://crash.example.com/privacy">Sentry</a> - for crash reports<br>
"""


def test_linked_names_one_a_line_after_a_colon_line_with_inline_html(tmp_path):
    """Markdown lines that lost their bullets, each a linked name and its use, after the colon line and a blank
    line; inline HTML (<br/>, an <a href> link) is markup: each row keeps its own address."""
    rows = _read_rows(tmp_path, "p.md", LINKED_LINES, _four_known()).sdks
    assert [(s.name, s.id, s.link, s.extractor) for s in rows] == [
        ("OneSignal", "onesignal", "https://push.example.com/privacy_policy", "list"),
        ("Tilecraft", None, "https://tiles.example.org/privacy", "list"),
        ("Sentry", "sentry", "https://crash.example.com/privacy", "list"),
    ]


def test_a_prose_rows_link_is_its_own_address_whole(tmp_path):
    """A paragraph naming two services, each linked: the address of each row is written whole (a dot or a
    question mark inside an address ends no sentence)."""
    text = ("We use [OneSignal](https://push.example.com/privacy_policy?lang=en) for notifications and "
            "[Sentry](https://crash.example.com/privacy) for crash reports; both may see your IP address.\n")
    rows = _read_rows(tmp_path, "p.md", text, _four_known()).sdks
    assert [(s.name, s.link) for s in rows] == [
        ("OneSignal", "https://push.example.com/privacy_policy?lang=en"), ("Sentry", "https://crash.example.com/privacy")]


THIRD_PARTIES = """## Error reports

Crash details are collected by [Bugtrail](https://bugtrail.io/) on a server we run ourselves.

## Third parties

The third-party services below are used and may gather more data.

[Tilecraft](https://tiles.example.org/) to draw the maps.
[Quillbox Messaging](https://quillbox.example.com/docs/messaging) is used for notifications.
[Quillbox Vault](https://quillbox.example.com/docs/vault) is used to keep your notes.
"""


def test_linked_lines_under_a_third_party_sentence_and_a_service_that_collects(tmp_path):
    """Lines opening with a linked name under a sentence about third parties (no colon) are that list's items;
    "collected by [Bugtrail](its own site)" names a service as "we use" does; "Quillbox Vault" is the family's
    word before an alias of the entry named "Quillbox Storage" (its alias "Vault")."""
    catalog = Catalog(entries=(
        entry("quillbox-messaging", "Quillbox Messaging"), entry("quillbox-storage", "Quillbox Storage", "Vault"),
    ), version="unit", sha256="0" * 64, source="memory")
    rows = _read_rows(tmp_path, "p.md", THIRD_PARTIES, catalog).sdks
    assert [(s.name, s.id, s.link) for s in rows] == [
        ("Bugtrail", None, "https://bugtrail.io/"),
        ("Tilecraft", None, "https://tiles.example.org/"),
        ("Quillbox Messaging", "quillbox-messaging", "https://quillbox.example.com/docs/messaging"),
        ("Quillbox Vault", "quillbox-storage", "https://quillbox.example.com/docs/vault"),
    ]


def test_names_each_over_its_address_under_a_colon_line(tmp_path):
    """Two names under a colon line, each over the address of its privacy page (a generated policy copied as
    text): both rows, each with its own address."""
    text = ("The app uses third-party services. Privacy policies of the services used in the app:\n\n"
            "AdMob\nhttps://ads.example.com/privacy\nhttps://ads.example.com/partners\n\n"
            "Tilecraft\n\nhttps://tiles.example.org/privacy\n\nSharing your data\n\nWe never sell it.\n")
    rows = _read_rows(tmp_path, "p.txt", text, _four_known()).sdks
    assert [(s.name, s.link) for s in rows] == [
        ("AdMob", "https://ads.example.com/privacy"), ("Tilecraft", "https://tiles.example.org/privacy")]


def test_dash_bullets_of_a_page_copied_as_text_are_list_items(tmp_path):
    """A web page's list copied as text keeps "- " before each item: the items are a list's (company in
    brackets, another known name, an unknown service among known ones)."""
    text = ("3) Third-party services we use\nWe rely on a few third parties to run the app:\n"
            "- AdMob (Google LLC): ads in the free version. See policies.example.com/privacy.\n"
            "- Sentry: crash reports.\n- Tilecraft: map tiles.\n")
    rows = _read_rows(tmp_path, "p.txt", text, _four_known()).sdks
    assert [(s.name, s.id, s.company, s.extractor) for s in rows] == [
        ("AdMob", "google-admob", "Google LLC", "list"), ("Sentry", "sentry", "", "list"),
        ("Tilecraft", None, "", "list")]


def test_a_nested_list_of_data_under_a_service_names_no_sdk(tmp_path):
    # "Advertising ID" is a catalog name too; under "AdMob receives:" among other kinds of data it is data
    catalog = memory_catalog(
        entry("google-admob", "Google AdMob", "AdMob"), entry("gaid", "Advertising ID", "Google Advertising ID"),
        entry("sentry", "Sentry"))
    text = ("## What leaves your phone\n\n"
            "- **Crash reports**: when the app stops, Sentry receives the stack trace.\n"
            "- **Ads in the free edition**: Google AdMob receives, to pick ads:\n"
            "  - Advertising ID\n"
            "  - Device model\n"
            "  - Approximate location (country)\n"
            "- **Purchases**: handled by the store, we never see card numbers.\n")
    d = read_text(tmp_path, "p.md", text, catalog)
    assert "gaid" not in {s.id for s in d.sdks}
    assert "Advertising ID" not in {s.name for s in d.sdks}


@pytest.mark.parametrize("text, expected", [
    (("## Sharing\n\nWe share data only with third-party services the app cannot work without:\n\n"
      "- **Pocketbase:** keeps your account and your saved boards.\n"
      "- **Plausible:** counts visits to the help pages.\n"
      "- **Sentry:** receives crash reports.\n\n"
      "## Your rights\n\nWe may share your information in the following cases:\n\n"
      "- **Legal Duties:** when a court orders it.\n- **Company Sale:** if the business is sold.\n"),
     ["Pocketbase", "Plausible", "Sentry"]),
    # "…with service providers…:" introduces them too; a list of kinds of recipients under other words does not
    (("Data Sharing\n\n"
      "We never sell personal information. We share data only with service providers who help us run the app:\n\n"
      "• Keyward — sign-in and account sessions\n"
      "• Bucketly — storage for the photos you upload\n"
      "• Sentry — crash reports\n\n"
      "We may also disclose information to:\n\n"
      "• Professional advisers\n"
      "• Law enforcement, where the law requires it\n"),
     ["Keyward", "Bucketly", "Sentry"]),
])
def test_a_list_of_the_services_data_is_shared_with_names_unknown_services(tmp_path, text, expected):
    d = read_text(tmp_path, "p.md", text, _sentry_only())
    assert [s.name for s in d.sdks] == expected


def test_a_comma_inside_brackets_separates_no_head_and_a_note_keeps_a_data_item(tmp_path):
    # "Device information (model, OS)" is one item of data; with its siblings it makes the list one of data
    catalog = memory_catalog(
        entry("unity-ads", "Unity Ads"), entry("gaid", "Advertising ID", "Google Advertising ID"))
    text = ("2. Services we use\n"
            "a) Unity Ads\nShows the ads between levels.\nThese services may collect:\n"
            "- Advertising ID (or a similar identifier)\n- IP address\n- Device information (model, OS, language)\n"
            "- Usage data (e.g., ads seen, taps)\n")
    d = read_text(tmp_path, "p.txt", text, catalog)
    assert [s.id for s in d.sdks] == ["unity-ads"]


def test_items_of_data_under_a_service_item_are_what_it_collects(tmp_path):
    catalog = memory_catalog(
        entry("unity-ads", "Unity Ads"), entry("gaid", "Advertising ID", "Google Advertising ID"),
        entry("play-billing", "Google Play Billing"))
    text = ("Services in the game:\n"
            "a) Unity Ads\nShows the ads between levels.\nIt may collect:\n"
            "- Advertising ID\n- IP address\n- Device model (and OS version)\n"
            "b) Google Play Billing\nHandles the purchase of extra levels.\n")
    d = read_text(tmp_path, "p.txt", text, catalog)
    assert [s.id for s in d.sdks] == ["unity-ads", "play-billing"]
    assert set(d.sdks[0].data_types) == {"advertising-id", "ip", "device-model"}
    assert d.sdks[1].data_types == ()


def test_an_item_of_data_makes_no_list_of_services(tmp_path):
    # a catalog name among the items ("Advertising ID") that names data does not make the others services
    catalog = memory_catalog(
        entry("gaid", "Advertising ID", "Google Advertising ID"), entry("sentry", "Sentry"))
    text = ("What the SDK collects\nAdvertising identifier\n- gaid (Google Advertising ID) (optional)\n"
            "Device\n- Platform\n")
    assert read_text(tmp_path, "p.txt", text, catalog).sdks == ()


def test_names_after_no_and_names_said_removed_are_no_rows(tmp_path):
    catalog = memory_catalog(
        entry("google-admob", "Google AdMob", "AdMob"), entry("fan", "Facebook Audience Network"),
        entry("bugly", "Tencent Bugly", "Bugly"), entry("crashlytics", "Firebase Crashlytics"),
        entry("onesignal", "OneSignal"))
    text = ("<h2>Third-party SDKs</h2>\n<p>The game shows no ads (no AdMob, Facebook Audience Network or others).</p>\n"
            "<p>The previously integrated Tencent Bugly SDK has been removed; crashes now go to Firebase Crashlytics.</p>\n"
            "<p>OneSignal was removed in version 2.</p>\n")
    assert [s.id for s in read_text(tmp_path, "p.html", text, catalog).sdks] == ["crashlytics"]


def test_a_nested_html_list_keeps_its_depth(tmp_path):
    # the items of an inner <ul> are indented under the item that holds them (two per list level), as a
    # Markdown list's are: the head ("Processors, such as:") and its services are not one flat run
    from auditor.policy.loader import load_document
    page = ("<p>We may share data with:</p>\n<ul>\n<li>Other members, when you message them.</li>\n"
            "<li>Processors, such as:\n<ul>\n<li>Firebase Crashlytics</li>\n<li>Sentry</li>\n</ul>\n</li>\n"
            "<li>Authorities, when the law requires it.</li>\n</ul>\n")
    path = tmp_path / "sharing.html"
    path.write_text(page, encoding="utf-8")
    got = [(line.text, line.mark, line.indent) for line in load_document(path).lines]
    assert got == [("We may share data with:", "", 0), ("Other members, when you message them.", "li", 0),
                   ("Processors, such as:", "li", 0), ("Firebase Crashlytics", "li", 2), ("Sentry", "li", 2),
                   ("Authorities, when the law requires it.", "li", 0)]


def test_labelled_facts_nested_under_a_service_item(tmp_path):
    # "  - Data collected: …" / "  - Privacy policy: …" indented under "• Name: what it does" are that row's
    # facts, in a text file and in a Dart string whose own spaces carry the indent
    catalog = memory_catalog(entry("sentry", "Sentry"), entry("umeng-analytics", "Umeng Analytics", "友盟统计"))
    text = ("The Android build includes these third-party SDKs:\n\n"
            "• Sentry: crash reports\n"
            "  - Data collected: device model, IP address\n"
            "  - Privacy policy: https://example.com/sentry-privacy\n\n"
            "• 友盟统计：使用统计\n"
            "  - 收集信息：OAID\n"
            "  - 隐私政策：https://example.com/umeng-privacy\n")
    dart = "final notice =\n" + "".join(f"    '{line}\\n'\n" for line in text.splitlines()) + "    '';\n"
    for name, body in (("sdks.txt", text), ("notice.dart", dart)):
        d = read_text(tmp_path, name, body, catalog)
        got = [(s.id, s.link, sorted(s.data_types)) for s in d.sdks]
        assert got == [("sentry", "https://example.com/sentry-privacy", ["device-model", "ip"]),
                       ("umeng-analytics", "https://example.com/umeng-privacy", ["oaid"])], name


def test_a_markdown_item_wrapped_onto_an_indented_line_is_one_item(tmp_path):
    # "  only to measure…" continues the item above it: no record headed by it, no row named by it
    from auditor.policy.loader import load_document
    catalog = memory_catalog(entry("sentry", "Sentry"))
    text = ("**Data collected:**\n\n"
            "- A random install identifier, kept until the app is removed, and the campaign that\n"
            "  brought the user to the app, used\n"
            "  only to measure which campaigns work\n\n"
            "We use Sentry for crash reports.\n")
    path = tmp_path / "sdk.md"
    path.write_text(text, encoding="utf-8")
    items = [(line.no, line.mark) for line in load_document(path).lines if line.mark == "li"]
    assert items == [(3, "li")]
    assert [line.text for line in load_document(path).lines if line.no == 3][0].endswith("which campaigns work")
    d = read_text(tmp_path, "sdk2.md", text, catalog)
    assert [s.name for s in d.sdks] == ["Sentry"]


def test_a_bold_heading_after_a_list_ends_its_last_item(tmp_path):
    # "**Sentry**" over its own paragraph is a section, not the text of the last item "- Quillmark": its link
    # is Sentry's, never Quillmark's
    catalog = memory_catalog(entry("sentry", "Sentry"), entry("admob", "AdMob"))
    text = ("The app uses the following third party services:\n\n- AdMob\n- Sentry\n- Quillmark\n\n"
            "**Sentry**\n\nCrash reports are sent to Sentry, see their [privacy policy](https://example.com/sentry).\n")
    d = read_text(tmp_path, "services.md", text, catalog)
    assert [(s.name, s.link) for s in d.sdks if s.name == "Quillmark"] == [("Quillmark", "")]


def test_a_listed_service_takes_what_a_sentence_about_it_says_it_collects(tmp_path):
    # the list row states no data; the sentence above it says what the same SDK collects. "- **Sentry** for
    # crash reports": the bold words are the name, the rest its use
    catalog = memory_catalog(entry("google-admob", "Google AdMob", "AdMob"), entry("sentry", "Sentry"))
    text = ("### Ads\nWe show banner ads with AdMob. AdMob may collect the advertising ID of the device.\n\n"
            "## Sharing\nWe share data only with:\n- **Sentry** for crash reports\n- **Google AdMob** for ads\n\n"
            "No other party receives your data.\n")
    d = read_text(tmp_path, "p.md", text, catalog)
    assert [(s.name, s.extractor, s.data_types) for s in d.sdks] == [
        ("Sentry", "list", ()), ("Google AdMob", "list", ("advertising-id",))]


def test_the_items_beside_a_nested_list_of_sdks_are_not_sdks(tmp_path):
    # the outer items name kinds of recipients; only the inner list names services
    catalog = memory_catalog(entry("firebase-crashlytics", "Firebase Crashlytics"), entry("sentry", "Sentry"),
                             entry("firebase-auth", "Firebase Authentication"))
    page = ("<p>We may share data with:</p>\n<ul>\n<li>Other members, when you message them.</li>\n"
            "<li>Processors, such as:\n<ul>\n<li>Firebase Authentication</li>\n<li>Firebase Crashlytics</li>\n"
            "<li>Sentry</li>\n<li>Quillpost mail relay</li>\n</ul>\n</li>\n"
            "<li>Public authorities</li>\n<li>Buyers in a merger</li>\n</ul>\n")
    d = read_text(tmp_path, "sharing.html", page, catalog)
    assert [s.name for s in d.sdks] == ["Firebase Authentication", "Firebase Crashlytics", "Sentry",
                                        "Quillpost mail relay"]


def test_items_opened_by_check_marks_and_arrows_are_list_items(tmp_path):
    from tests.policy.helpers import entry, memory_catalog, read_text
    catalog = memory_catalog(entry("example-analytics", "Example Analytics"), entry("example-crash", "Example Crash"))
    text = ("2.2 Data collected automatically (through SDKs)\nThe app uses the following services:\n"
            "✔ Example Analytics\nCollects app usage data.\n✔ Example Crash\nCollects crash reports.\n")
    d = read_text(tmp_path, "p.txt", text, catalog)
    assert [s.name for s in d.sdks] == ["Example Analytics", "Example Crash"]


def test_a_bracket_saying_only_what_kind_of_sdk_an_item_is_leaves_the_name_before_it(tmp_path):
    # "- Northwind (SDK advertising)": the bracket is the kind, the name is Northwind, known or not
    from tests.policy.helpers import memory_catalog, read_text
    text = ("You will find hereafter the list of our partners implementing SDKs through our applications:\n"
            "- Northwind Games (analytical SDK)\n- Contoso (SDK advertising)\n- Fabrikam (advertising SDK)\n")
    d = read_text(tmp_path, "p.md", text, memory_catalog())
    assert [s.name.split(" (")[0] for s in d.sdks] == ["Northwind Games", "Contoso", "Fabrikam"]


def test_paragraphs_each_a_name_and_its_link_are_a_list_of_services(tmp_path):
    # a page's third parties kept as paragraphs, "<strong>Name</strong> — <a href=…>…</a>", under a heading that
    # says nothing (a template placeholder)
    from tests.policy.helpers import entry, memory_catalog, read_text
    text = ("<h3><?php echo $t('thirdParty') ?></h3>\n"
            "<p><strong>Glyphads</strong> &mdash; <a href=\"https://glyphads.example/privacy\">https://glyphads.example/privacy</a></p>\n"
            "<p><strong>Mixpanel</strong> &mdash; <a href=\"https://mixpanel.com/legal/privacy-policy/\">https://mixpanel.com/legal/privacy-policy/</a></p>\n"
            "<p>Contact: privacy@example.com</p>\n")
    d = read_text(tmp_path, "privacy.php", text, memory_catalog(entry("mixpanel", "Mixpanel")))
    assert [(s.name, s.id, s.link) for s in d.sdks] == [
        ("Glyphads", None, "https://glyphads.example/privacy"),
        ("Mixpanel", "mixpanel", "https://mixpanel.com/legal/privacy-policy/")]


def test_one_name_and_its_link_alone_is_no_list(tmp_path):
    from tests.policy.helpers import memory_catalog, read_text
    d = read_text(tmp_path, "p.txt", "Our site — https://example.com\n\nWe care about privacy.\n", memory_catalog())
    assert d.sdks == ()


def test_labelled_links_are_no_list_of_names(tmp_path):
    from tests.policy.helpers import memory_catalog, read_text
    text = "Policy: https://example.com/policy\nPrivacy: https://example.com/privacy\n"
    assert read_text(tmp_path, "p.txt", text, memory_catalog()).sdks == ()
