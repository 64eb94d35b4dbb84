"""The object-literal scanner (:mod:`auditor.policy.literals`): records, their fields and lines, on our own
inputs; and bounded behaviour on hostile input (deep nesting, unbalanced brackets and quotes)."""

from __future__ import annotations

from auditor.policy.literals import MAX_DEPTH, Record, RecordRun, record_runs


def _runs(text: str) -> list[RecordRun]:
    return record_runs(text.split("\n"))


def test_js_records_with_comments_trailing_commas_and_every_quote():
    text = (
        "const list = [ // two partners\n"
        "  { name: 'A SDK', /* the vendor */ company: \"A Ltd\", tags: ['x', `y`], },\n"
        "  {\n"
        "    'name': 'B SDK',\n"
        "    note: 'it\\'s ' + \"joined\",\n"
        "  },\n"
        "];\n")
    assert _runs(text) == [RecordRun((
        Record((("name", "A SDK"), ("company", "A Ltd"), ("tags", "x、y")), 1, 1),
        Record((("name", "B SDK"), ("note", "it's joined")), 2, 5),
    ), 0, 6)]


def test_json_escapes_and_nested_values_flattened():
    text = '{"items": [{"n": "\\u53cb\\u76df", "d": {"must": ["a", "b"], "may": "c"}, "k": 3, "ok": true}]}'
    (run,) = _runs(text)
    assert run.records == (Record((("n", "友盟"), ("d", "a、b；c")), 0, 0),)


def test_a_nested_list_of_records_is_a_run_of_its_own_not_a_field():
    text = "[\n{ title: 'G', children: [\n{ name: 'A' },\n{ name: 'B' }\n] }\n]"
    runs = _runs(text)
    assert [[r.fields for r in run.records] for run in runs] == [
        [(("name", "A"),), (("name", "B"),)],  # inner run first
        [(("title", "G"),)],
    ]


def test_an_object_of_objects_is_a_run():
    text = "{ jpush: { name: 'J' }, umeng: { name: 'U' } }"
    (run,) = _runs(text)
    assert [r.fields for r in run.records] == [(("name", "J"),), (("name", "U"),)]


def test_markup_in_a_string_is_taken_out_a_link_keeps_its_address():
    text = "[{ a: '<p>one &amp; two</p>', b: '<a href=\"https://x.example/p\">policy</a>' }]"
    (run,) = _runs(text)
    assert [(k, " ".join(v.split())) for k, v in run.records[0].fields] == [
        ("a", "one & two"), ("b", "https://x.example/p policy")]


def test_text_without_an_object_literal_has_no_run():
    assert _runs("我们使用第三方SDK：极光推送（用于推送）。\nWe don't sell data: ever.") == []


def test_an_unterminated_quote_ends_its_line_only():
    text = "[\n{ a: 'it is fine' },\n{ b: 'broken },\n]\n[{ c: 'read again' }]"
    assert [[r.fields for r in run.records] for run in _runs(text)] == [[(("a", "it is fine"),)],
                                                                       [(("c", "read again"),)]]


def test_unbalanced_closers_are_ignored_and_open_brackets_dropped():
    text = "]]}) [ { a: '1' }, { b: '2', c: [ ( } ]"
    (run,) = _runs(text)
    assert [r.fields for r in run.records] == [(("a", "1"),), (("b", "2"),)]


def test_deep_nesting_is_skipped_without_recursion():
    deep = "[" * (MAX_DEPTH * 1000) + "]" * (MAX_DEPTH * 1000)
    text = deep + "\n[{ a: 'after' }]"
    (run,) = _runs(text)
    assert run.records == (Record((("a", "after"),), 1, 1),)


def test_records_deeper_than_the_bound_are_not_read():
    text = "[" * MAX_DEPTH + "{ a: 'deep' }" + "]" * MAX_DEPTH
    assert _runs(text) == []


def test_unterminated_block_comment_ends_the_scan_an_unterminated_template_its_line():
    assert _runs("[{ a: '1' }] /* never closed [{ b: '2' }]") == [RecordRun((Record((("a", "1"),), 0, 0),), 0, 0)]
    text = "[{ a: '1' }] ` never closed [{ b: '2' }]\n[{ c: '3' }]"
    assert [r.fields for run in _runs(text) for r in run.records] == [(("a", "1"),), (("c", "3"),)]


def test_hostile_input_is_read_in_bounded_work():
    lines = ["{a:" * 20_000, "'" * 4_000, "[(" * 20_000, "]})" * 20_000, "字" * 100_000]
    assert record_runs(lines) == []


def test_brackets_left_open_at_the_end_are_closed_there():
    assert [r.fields for run in _runs("x = [{ a: '1' },\n{ b: '2'") for r in run.records] == [(("a", "1"),), (("b", "2"),)]


def test_a_list_built_by_a_call_is_an_array_even_of_one_record():
    kotlin = [
        "val partners = listOf(",
        "    Partner(",
        '        name = "Example Crash SDK",',
        '        company = "Example Co., Ltd.",',
        '        data = "设备型号"',
        "    )",
        ")",
        "Column(Text(text = \"关于\", style = bold))",  # one call with named arguments, in no list: no record
    ]
    runs = record_runs(kotlin)
    assert [[r.fields for r in run.records] for run in runs] == [
        [(("name", "Example Crash SDK"), ("company", "Example Co., Ltd."), ("data", "设备型号"))]]
    assert (runs[0].records[0].first, runs[0].records[0].last) == (1, 5)
