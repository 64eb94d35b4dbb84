"""The crawl survey (``tools/policy_survey.py``): its counts of one report and the files it reads, by hand."""

from __future__ import annotations

from tools.policy_survey import files_of, survey_file

P = "android.permission."


def test_counts_of_one_report():
    report = {
        "sdks": [
            {"name": "友盟SDK", "company": "友盟同欣（北京）科技有限公司", "id": "umeng-analytics", "extractor": "flat-table",
             "data_types": ["imei", "oaid"], "permissions": [P + "READ_PHONE_STATE"], "link": "https://example.com/p"},
            {"name": "某某SDK", "company": "", "id": None, "extractor": "prose", "data_types": [], "permissions": [],
             "link": ""},
        ],
        "scenes": [{"name": "扫码", "permissions": [P + "CAMERA"]},
                   {"name": "上传头像", "permissions": [P + "CAMERA", P + "READ_EXTERNAL_STORAGE"]}],
    }
    counts, short = survey_file(report)
    assert (counts["files"], counts["files with rows"], counts["rows"], counts["resolved"], counts["company"]) \
        == (1, 1, 2, 1, 1)
    assert (counts["data types"], counts["permissions"], counts["link"]) == (2, 1, 1)
    assert (counts["scenes"], counts["scene claims"]) == (2, 3)
    assert short["scenes"][1] == ["上传头像", ["CAMERA", "READ_EXTERNAL_STORAGE"]]
    assert short["rows"][1] == ["某某SDK", "", None, "prose"]


def test_an_empty_report_counts_one_file_without_rows():
    counts, _ = survey_file({"sdks": [], "scenes": []})
    assert counts["files"] == 1 and counts["files with rows"] == 0 and counts["rows"] == 0


def test_files_read_leave_out_small_and_excluded_pages(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "com.example.one.txt").write_text("x" * 400, encoding="utf-8")
    (tmp_path / "a" / "com.example.two.txt").write_text("x" * 400, encoding="utf-8")
    (tmp_path / "a" / "tiny.txt").write_text("x" * 10, encoding="utf-8")
    (tmp_path / "a" / "image.png").write_bytes(b"x" * 400)
    found = files_of([tmp_path], {"com.example.two"}, 300)
    assert [p.name for p in found] == ["com.example.one.txt"]


def _dump(root, name, rows, scenes):
    import json

    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"rows": rows, "scenes": scenes}, ensure_ascii=False), encoding="utf-8")


def test_compare_two_dumps(tmp_path):
    from tools.policy_survey import compare_dumps

    old, new = tmp_path / "old", tmp_path / "new"
    row = ["友盟SDK", "友盟同欣（北京）科技有限公司", "umeng-analytics", "flat-table"]
    _dump(old, "cat/a.txt.json", [row], [["扫码", ["CAMERA"]]])
    _dump(new, "cat/a.txt.json", [row], [])                        # scenes changed
    _dump(old, "cat/b.txt.json", [], [])
    _dump(new, "cat/b.txt.json", [["某某SDK", "", None, "prose"]], [])  # rows changed
    _dump(old, "cat/c.txt.json", [row], [])
    _dump(new, "cat/c.txt.json", [], [])                           # left out by name
    _dump(old, "cat/d.txt.json", [row], [])                        # only in the old dump
    found = compare_dumps(old, new, {"c"})
    assert (found["pages"], found["rows changed"], found["scenes changed"]) == (2, 1, 1)
    assert (found["old"]["rows"], found["old"]["resolved"], found["old"]["company"]) == (1, 1, 1)
    assert (found["new"]["rows"], found["new"]["resolved"], found["new"]["company"]) == (2, 1, 1)
    assert (found["old"]["scenes"], found["old"]["scene claims"], found["new"]["scenes"]) == (1, 1, 0)
