"""An HTML page saved as Markdown, a Markdown table's header whatever its words, a titled provider column of
product names, link words that name no product, and Maven coordinates as evidence; in our own words,
expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    auth = entry("firebase-auth", "Firebase Authentication", classes=("com.google.firebase.auth",))
    auth = type(auth)(**{**auth.__dict__, "maven": ("com.google.firebase:firebase-auth",)})
    return memory_catalog(
        entry("firebase-common", "Firebase", classes=("com.google.firebase",)), auth,
        entry("here-sdk", "HERE SDK", "HERE"),
        entry("google-admob", "Google AdMob", "AdMob"),
        entry("jpush", "JPush", "极光推送"),
    )


HTML_AS_MD = """\
<body>
  <div>
    <p
      style="
        text-align: left;
      "
    >
      <span style="font-weight: bold"
        >1</span
      ><span style="font-weight: bold"
        >、极光推送SDK</span
      >
    </p>
    <p>
      <span style="color: #1f2329"
        >功能/服务：推送通知</span
      >
    </p>
    <p>
      <span>收集信息：设备标识符（Android ID）</span>
    </p>
    <p>
      <span>第三方公司：深圳市和讯华谷信息技术有限公司</span>
    </p>
    <p>
      <span>官网链接：</span
      ><a href="https://www.jiguang.cn/license/privacy"
        ><span>https://www.jiguang.cn/license/privacy</span></a
      >
    </p>
  </div>
</body>
"""


def test_an_html_page_saved_as_markdown_is_read_as_html(tmp_path, catalog):
    d = _read(tmp_path, "sdk-list.md", HTML_AS_MD, catalog)
    assert [(s.name, s.id, s.company, s.link) for s in d.sdks] == [
        ("极光推送SDK", "jpush", "深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/license/privacy"),
    ]
    assert d.sdks[0].data_types == ("android-id",)


def test_a_markdown_readme_opening_with_a_centred_logo_stays_markdown(tmp_path, catalog):
    text = '<p align="center"><img src="logo.png"></p>\n\n# Privacy\n\n| SDK | Purpose |\n| --- | --- |\n| AdMob | ads |\n'
    d = _read(tmp_path, "README.md", text, catalog)
    assert d.format == "markdown"
    assert [(s.name, s.id) for s in d.sdks] == [("AdMob", "google-admob")]


DATA_TABLE = """\
| Category | Examples | Gathered by |
|---|---|---|
| Device details | Device model, OS version | AdMob |
| Identifiers | Advertising ID | AdMob |

| Service | Purpose | Privacy Policy |
|---|---|---|
| Google AdMob | Ads | policies.google.com/privacy |
"""


def test_the_row_over_a_separator_is_the_header_whatever_its_words(tmp_path, catalog):
    d = _read(tmp_path, "p.md", DATA_TABLE, catalog)
    assert "Gathered by" not in [s.name for s in d.sdks]
    assert ("Google AdMob", "policies.google.com/privacy") in [(s.name, s.link) for s in d.sdks]


PROVIDERS = """\
| Provider | Android | iOS |
| --- | --- | --- |
| Firebase | `com.google.firebase:firebase-auth` | `FirebaseAuth` |

[Here](https://example.com/faq) you can read more.
"""


def test_a_titled_provider_column_of_products_and_coordinates_as_evidence(tmp_path, catalog):
    d = _read(tmp_path, "sdks.md", PROVIDERS, catalog)
    assert [(s.name, s.id) for s in d.sdks] == [("Firebase", "firebase-auth")]
