"""A permissions section whose items are nouns ("Camera", "Location", "相机") each over a paragraph saying
what the app uses it for; in our own words, expected values written by hand."""

from __future__ import annotations

from tests.policy.helpers import memory_catalog, read_text

A = "android.permission."


def _pairs(d):
    return [(s.name, s.description, sorted(p.removeprefix(A) for p in s.permissions)) for s in d.scenes]


def test_headings_naming_a_permission_under_a_permissions_title_are_its_items(tmp_path):
    text = ("<h2>Permissions Required</h2>\n<p>Before using the app, please read why it asks for them.</p>\n"
            "<h3>Camera</h3>\n<p>We need camera permission to scan the barcodes of products.</p>\n"
            "<h3>Access Internet</h3>\n<p>For syncing your lists between devices.</p>\n"
            "<h3>Location</h3>\n<p>It is used to show the shops near you.</p>\n"
            "<h3>Microphone</h3>\n<p>Used to record voice notes.</p>\n")
    d = read_text(tmp_path, "p.html", text, memory_catalog())
    assert _pairs(d) == [
        ("Camera", "We need camera permission to scan the barcodes of products.", ["CAMERA"]),
        ("Access Internet", "For syncing your lists between devices.", ["INTERNET"]),
        ("Location", "It is used to show the shops near you.", ["ACCESS_COARSE_LOCATION", "ACCESS_FINE_LOCATION"]),
        ("Microphone", "Used to record voice notes.", ["RECORD_AUDIO"]),
    ]


def test_plain_lines_naming_a_permission_under_a_chinese_permissions_title(tmp_path):
    text = ("应用权限说明\n\n相机\n\n我们会在您扫描二维码时使用相机。\n\n位置信息\n\n用于向您展示附近的门店。\n\n"
            "联系我们\n\n如有疑问请发送邮件。\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert _pairs(d) == [
        ("相机", "我们会在您扫描二维码时使用相机。", ["CAMERA"]),
        ("位置信息", "用于向您展示附近的门店。", ["ACCESS_COARSE_LOCATION", "ACCESS_FINE_LOCATION"]),
    ]


def test_the_same_words_without_a_permissions_title_are_no_permission_items(tmp_path):
    text = "About us\n\nCamera\n\nOur team loves taking photos of nature.\n\nLocation\n\nWe are based in Berlin, by the river.\n"
    assert read_text(tmp_path, "p.txt", text, memory_catalog()).scenes == ()
