"""JSONL law dumps: each law a statute document, rendered as the MOJ prints it, in each record shape."""

from __future__ import annotations

import json

import pytest

from tiaoli.extract.errors import InputError
from tiaoli.extract.loaders import load_path
from tiaoli.extract.parsers.statute import PARSER

MOJ_API_RECORD = {
    "LawLevel": "法律",
    "LawName": "測試管理法",
    "LawURL": "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=Z0000001",
    "LawCategory": "行政＞測試部",
    "LawModifiedDate": "20140618",
    "LawAbandonNote": "",
    "LawArticles": [
        {"ArticleType": "C", "ArticleNo": "", "ArticleContent": "第 一 章 總則"},
        {"ArticleType": "A", "ArticleNo": "第 1 條", "ArticleContent": "為管理測試事務，特制定本法。"},
        {"ArticleType": "A", "ArticleNo": "第 1-1 條", "ArticleContent": "本法所稱主管機關：\n一、在中央為測試部。\n二、在地方為縣政府。"},
        {"ArticleType": "C", "ArticleNo": "", "ArticleContent": "第 二 章 附則"},
        {"ArticleType": "A", "ArticleNo": "第 2 條", "ArticleContent": "本法自公布日施行。"},
    ],
}

NORMALISED_RECORD = {
    "name": "測試辦法",
    "pcode": "Z0000002",
    "date": "2009-06-03",
    "articles": [
        {"number": "第 1 條", "chapter": None, "text": "本辦法依測試法訂定之。"},
        {"number": "第 2 條", "chapter": None, "text": "（刪除）"},
    ],
}


def write_lines(path, *records) -> None:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")


def test_moj_open_api_record_becomes_a_statute_document(tmp_path):
    dump = tmp_path / "laws.jsonl"
    write_lines(dump, MOJ_API_RECORD)
    (doc,) = load_path(dump)
    assert doc.id == "laws-Z0000001-2014-06-18"
    assert doc.meta.kind == "statute" and doc.meta.title == "測試管理法" and doc.meta.date == "2014-06-18"
    assert doc.meta.language == "zh-Hant-TW"
    assert doc.text.startswith("法規名稱：測試管理法\n修正日期：民國 103 年 06 月 18 日\n")
    (act,) = PARSER.parse(doc).root.acts
    assert act.title == "測試管理法" and act.version_date == "2014-06-18"
    assert [a.number for a in act.articles] == ["1", "1-1", "2"]
    assert [act.divisions[a.division].heading for a in act.articles] == ["第一章 總則", "第一章 總則", "第二章 附則"]
    assert [i.lead for i in act.articles[1].paragraphs[0].items] == ["在中央為測試部。", "在地方為縣政府。"]


def test_one_document_per_line_with_ids_from_code_or_title(tmp_path):
    dump = tmp_path / "dump.jsonl"
    untitled_code = dict(NORMALISED_RECORD, pcode=None)
    write_lines(dump, NORMALISED_RECORD, untitled_code)
    docs = list(load_path(dump))
    assert [d.id for d in docs] == ["dump-Z0000002-2009-06-03", "dump-測試辦法-2009-06-03"]
    act = PARSER.parse(docs[0]).root.acts[0]
    assert act.articles[1].deleted


def test_sniffs_a_dump_without_the_jsonl_suffix(tmp_path):
    dump = tmp_path / "laws.txt"
    write_lines(dump, NORMALISED_RECORD)
    (doc,) = load_path(dump)
    assert doc.meta.kind == "statute"


def test_a_broken_line_is_named_with_its_line_number(tmp_path):
    dump = tmp_path / "broken.jsonl"
    dump.write_text(json.dumps(NORMALISED_RECORD, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.jsonl:line 2: "):
        list(load_path(dump))


def test_a_record_that_is_not_a_law_is_refused(tmp_path):
    dump = tmp_path / "other.jsonl"
    dump.write_text('{"title": "not a law"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a law record"):
        list(load_path(dump))


def test_a_broken_line_is_reported_and_the_laws_after_it_still_load(tmp_path):
    dump = tmp_path / "dump.jsonl"
    later = dict(NORMALISED_RECORD, pcode="Z0000003", name="測試後法")
    dump.write_text(
        "\n".join([json.dumps(NORMALISED_RECORD, ensure_ascii=False), "{not json", '"a string"', json.dumps(later, ensure_ascii=False)]) + "\n",
        encoding="utf-8",
    )
    loaded = list(load_path(dump, errors="yield"))
    assert [type(x).__name__ for x in loaded] == ["SourceDocument", "InputError", "InputError", "SourceDocument"]
    assert str(loaded[1]).startswith(f"{dump}:line 2: ")
    assert str(loaded[2]).startswith(f"{dump}:line 3: a line must be a JSON object")
    assert loaded[3].meta.title == "測試後法"


def test_a_file_of_nothing_but_bad_lines_is_refused_after_a_few(tmp_path):
    dump = tmp_path / "noise.jsonl"
    dump.write_bytes(b"\x00\xff garbage\n" * 500)
    loaded = list(load_path(dump, errors="yield"))
    assert all(isinstance(x, InputError) for x in loaded)
    assert len(loaded) == 21
    assert "does not look like a JSONL law dump" in str(loaded[-1])


def test_a_dump_is_read_a_line_at_a_time_not_whole(tmp_path, monkeypatch):
    # The loader is handed only the first bytes of the file, far fewer than the dump holds,
    # and still reads every law: it streams the rest itself.
    from tiaoli.extract import loaders

    monkeypatch.setattr(loaders, "SNIFF_BYTES", 64)
    dump = tmp_path / "big.jsonl"
    records = [dict(NORMALISED_RECORD, pcode=f"Z{n:07d}") for n in range(50)]
    write_lines(dump, *records)
    assert dump.stat().st_size > 50 * 64
    assert [doc.id for doc in load_path(dump)] == [f"big-Z{n:07d}-2009-06-03" for n in range(50)]


def test_a_law_s_source_names_the_law_not_its_line(tmp_path):
    # So a law inserted at the top of a dump does not make every law after it look changed.
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    first, second = tmp_path / "before" / "dump.jsonl", tmp_path / "after" / "dump.jsonl"
    other = dict(NORMALISED_RECORD, pcode="Z0000009")
    write_lines(first, NORMALISED_RECORD)
    write_lines(second, other, NORMALISED_RECORD)
    (a,) = load_path(first)
    b = list(load_path(second))[1]
    assert (a.id, a.content_hash) == (b.id, b.content_hash)
    assert a.path.rsplit("#", 1)[1] == b.path.rsplit("#", 1)[1] == "Z0000002@2009-06-03"


def test_a_byte_order_mark_on_the_first_line_is_ignored(tmp_path):
    dump = tmp_path / "bom.jsonl"
    dump.write_bytes(b"\xef\xbb\xbf" + json.dumps(NORMALISED_RECORD, ensure_ascii=False).encode() + b"\n")
    assert [doc.meta.title for doc in load_path(dump)] == ["測試辦法"]
