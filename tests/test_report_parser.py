"""The report parser on small reports: each test a few lines of a report and the facts they hold."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from tiaoli.extract.errors import InputError
from tiaoli.extract.loaders import load_document
from tiaoli.extract.parsers.report import PARSER

REPO = Path(__file__).resolve().parent.parent
TITLE = "# 晨光材料 2023 人權盡職調查報告\n\n"
FOOTER = "\n\n© 2024晨光材料股份有限公司 版權所有\n"


def parse(tmp_path, body: str, *, title: str = TITLE, footer: str = FOOTER):
    path = tmp_path / "report.md"
    path.write_text(title + body + footer, encoding="utf-8")
    doc = load_document(path)
    parsed = PARSER.parse(doc)
    for span in _spans(parsed.root):
        assert doc.text[span.start:span.end] == span.text
    return parsed


def _spans(root):
    from tiaoli.extract.parsers.base import iter_spans

    return list(iter_spans(root))


def test_organisation_year_and_publisher_come_from_title_and_copyright(tmp_path):
    report = parse(tmp_path, "本公司重視人權。").root
    assert (report.organisation.name, report.organisation.legal_name) == ("晨光材料", "晨光材料股份有限公司")
    assert (report.year, report.published, report.title.text) == ("2023", "2024", "晨光材料 2023 人權盡職調查報告")


def test_a_report_without_title_or_copyright_is_refused_with_the_file_named(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("人權 盡職調查 永續 RBA SA8000 供應商 風險\n", encoding="utf-8")
    with pytest.raises(InputError, match="notes.md"):
        PARSER.parse(load_document(path))


def test_frameworks_are_recognised_by_their_printed_names(tmp_path):
    body = "本公司遵循《世界人權宣言》、《聯合國工商企業與人權指導原則 (UNGPs)》及「責任商業聯盟 (RBA)」行為準則，並取得 SA8000 驗證。"
    report = parse(tmp_path, body).root
    assert [f.id for f in report.frameworks] == ["udhr", "ungps", "rba", "sa8000"]


def test_a_committee_with_groups_that_meets_quarterly_and_a_unit_under_the_board(tmp_path):
    body = ("本公司設置「企業永續辦公室」為專職單位，隸屬於董事會，並每年向董事會報告執行成效。\n\n"
            "本公司成立「永續委員會」下轄有「公司治理」及「環境永續」二個推行小組，由總經理擔任主任委員，每季定期召開會議。")
    bodies = {b.name.text: b for b in parse(tmp_path, body).root.bodies}
    office, committee = bodies["企業永續辦公室"], bodies["永續委員會"]
    assert office.reports_to.text == "董事會" and office.reporting_frequency == "annual"
    assert [g.text for g in committee.groups] == ["公司治理", "環境永續"]
    assert [m.text for m in committee.members] == ["總經理"]
    assert committee.meeting_frequency == "quarterly"


def test_risk_bands_as_printed_with_their_bounds(tmp_path):
    body = "註：風險=衝擊程度×發生可能性；4分以下為低風險，4分(含)~8分為中度風險，9分(含)以上則為高風險。"
    method = parse(tmp_path, body).root.risk_method
    assert [f.text for f in method.factors] == ["衝擊程度", "發生可能性"]
    assert [(b.rating, b.minimum, b.maximum, b.min_inclusive, b.max_inclusive) for b in method.bands] == [
        ("low", None, Decimal(4), False, False),
        ("medium", Decimal(4), Decimal(8), True, True),
        ("high", Decimal(9), None, True, False),
    ]


MEASURES = """影響對象：價值鏈（供應商）

人權風險議題\t風險鑑別\t減緩措施\t補救措施
強迫勞動\t高\t<b>【系統】</b> <ul><li>要求供應商簽署承諾書。</li></ul>\t<b>【懲處】</b> <ul><li>情節嚴重者停止合作。</li></ul>
童工\t低\t\t
"""


def test_empty_measure_cells_share_the_first_rows_measures_as_inferred(tmp_path):
    report = parse(tmp_path, MEASURES).root
    assert [(i.name.text, i.scope.scope, i.scope.parties, i.rating) for i in report.issues] == [
        ("強迫勞動", "value-chain", ("supplier",), "high"), ("童工", "value-chain", ("supplier",), "low")]
    got = [(m.issue_key.split("/")[-1], m.kind, m.category, m.text.text, m.inferred) for m in report.measures]
    assert got == [
        ("強迫勞動", "mitigation", "系統", "要求供應商簽署承諾書。", False),
        ("強迫勞動", "remediation", "懲處", "情節嚴重者停止合作。", False),
        ("童工", "mitigation", "系統", "要求供應商簽署承諾書。", True),
        ("童工", "remediation", "懲處", "情節嚴重者停止合作。", True),
    ]
    assert all("merged" in m.explanation for m in report.measures if m.inferred)


def test_a_measures_table_continued_without_its_header_keeps_its_scope(tmp_path):
    body = MEASURES + "\n- 18 -\n\n歧視\t中\t<b>【制度】</b> <ul><li>訂定申訴辦法。</li></ul>\t\n"
    issues = [(i.name.text, i.scope.scope, i.rating) for i in parse(tmp_path, body).root.issues]
    assert ("歧視", "value-chain", "medium") in issues


def test_indicator_status_becomes_a_boolean_and_its_footnote_is_attached(tmp_path):
    body = ("## 2023年人權指標落實情形—自身營運\n\n項目\t內容\t目標\t2023年達成狀況\n"
            "工時\t超時工作之件數\t無超時\t未達成 ( 註 )\n童工\t童工聘用\t不聘用童工\t達成\n\n"
            "註：2023年共有2件超時案件，已完成改善。\n")
    indicators = parse(tmp_path, body).root.indicators
    assert [(i.name.text, i.scope.scope, i.target.text, i.achieved, i.year) for i in indicators] == [
        ("工時", "own-operations", "無超時", False, "2023"), ("童工", "own-operations", "不聘用童工", True, "2023")]
    assert [n.text for n in indicators[0].notes] == ["註：2023年共有2件超時案件，已完成改善。"]
    assert indicators[1].notes == []


def test_plant_symbols_are_read_through_the_legend_printed_with_the_table(tmp_path):
    body = ("✓ 已執行 ✗ 未執行\n\n項目\t北廠 (N廠)\t南廠 (S廠)\n"
            "SAQ (2023)\t✓\t✗\nVAP (2023)\t-\t188.5\nSA8000\t✗\t✓\n")
    report = parse(tmp_path, body).root
    assert [(e.symbol, e.value) for e in report.legend] == [("✓", True), ("✗", False)]
    plants = {f.code: f for f in report.facilities}
    north = {(a.programme, a.done) for a in plants["N廠"].assessments}
    assert north == {("saq", True), ("vap", None), ("sa8000", False)}
    vap = next(a for a in plants["S廠"].assessments if a.programme == "vap")
    assert (vap.score.value, vap.period.start, vap.period.label) == (Decimal("188.5"), "2023", "2023")


def test_figures_in_text_become_metrics_with_unit_subject_and_year(tmp_path):
    body = "2023年人權相關教育訓練共1,234人次參與，訓練總時數為567.50小時。2023年服務次數達88次。"
    metrics = {(m.value, m.unit, m.unit_label): m for m in parse(tmp_path, body).root.metrics}
    attendance = metrics[(Decimal("1234"), "person-time", "人次")]
    assert (attendance.subject_label, attendance.period.iso, attendance.span.text) == ("人權相關教育訓練", "2023", "1,234人次")
    assert metrics[(Decimal("567.50"), "hour", "小時")].subject_label == "訓練總時數"
    assert (Decimal("88"), "occurrence", "次") in metrics
    assert not any(m.value == 2023 for m in metrics.values())


def test_source_defects_are_noted_and_the_text_kept(tmp_path):
    body = ("本公司設置「永續管理室」為專職單位，隸屬於董事會。\n\n"
            "由永續管理部協調各單位，避免資助非非法團體。主管管理課程持續辦理。\n\n## 人權盡職週查流程\n")
    notes = [(n.kind, n.span.text) for n in parse(tmp_path, body).notes]
    assert notes == [("inconsistent-name", "永續管理部"), ("doubled-character", "非非"), ("typo", "人權盡職週查")]


def test_the_parser_names_no_entity_of_the_seed():
    seed_names = ["力成", "新埔廠", "湖口廠", "大同廠", "竹科", "文化一廠", "新興廠", "永續發展管理室", "永續發展委員會",
                  "外籍勞工在台須知", "主管面談需知", "Mentor", "pti.com.tw", "42,599", "28,674"]
    sources = list((REPO / "extract" / "parsers" / "report").glob("*.py")) + [REPO / "extract" / "lexicon" / "report.toml"]
    for source in sources:
        text = source.read_text(encoding="utf-8")
        found = [name for name in seed_names if re.search(re.escape(name), text)]
        assert found == [], source.name


def test_a_symbol_no_legend_explains_is_noted_not_guessed(tmp_path):
    body = "項目\t北廠 (N廠)\t南廠 (S廠)\nSA8000\t◆\t◆\n"
    parsed = parse(tmp_path, body)
    assert parsed.root.facilities[0].assessments == []
    assert [(n.kind, n.span.text) for n in parsed.notes] == [("unexplained-symbol", "◆"), ("unexplained-symbol", "◆")]


def test_a_legend_written_with_colons_and_letters(tmp_path):
    body = "V：已通過 X：未通過\n\n項目\t北廠 (N廠)\t南廠 (S廠)\nSA8000\tV\tX\n"
    plants = {f.code: f.assessments[0].done for f in parse(tmp_path, body).root.facilities}
    assert plants == {"N廠": True, "S廠": False}


def test_a_title_with_the_year_first(tmp_path):
    report = parse(tmp_path, "本公司重視人權。", title="# 2023年度 晨光材料 人權盡職調查報告\n\n").root
    assert (report.organisation.name, report.year) == ("晨光材料", "2023")


def test_a_merged_measure_cell_split_by_a_page_break_still_shares_its_measures(tmp_path):
    body = MEASURES.replace("童工\t低\t\t\n", "") + "\n影響對象：價值鏈（供應商）\n\n人權風險議題\t風險鑑別\t減緩措施\t補救措施\n童工\t低\t\t\n"
    report = parse(tmp_path, body).root
    inferred = [(m.issue_key.split("/")[-1], m.text.text) for m in report.measures if m.inferred]
    assert inferred == [("童工", "要求供應商簽署承諾書。"), ("童工", "情節嚴重者停止合作。")]


def test_header_words_go_to_the_head_noun_of_each_column(tmp_path):
    body = "政策名稱\t適用對象\t政策內容\n人權政策\t自身營運\t<ul><li>尊重人權。</li><li>禁止童工。</li></ul>\n"
    policies = parse(tmp_path, body).root.policies
    assert [(p.name.text, [s.scope for s in p.scopes], [c.text for c in p.commitments]) for p in policies] == [
        ("人權政策", ["own-operations"], ["尊重人權。", "禁止童工。"])]


def test_a_measures_table_in_html_with_merged_cells(tmp_path):
    body = ("影響對象：自身營運\n\n<table><tr><th>人權風險議題</th><th>風險鑑別</th><th>減緩措施</th><th>補救措施</th></tr>"
            "<tr><td>工時</td><td rowspan=\"2\">中</td><td rowspan=\"2\"><ul><li>【系統】工時預警。</li></ul></td><td>【補償】給付加班費。</td></tr>"
            "<tr><td>童工</td><td>【制度】年齡查核。</td></tr></table>\n")
    report = parse(tmp_path, body).root
    assert [(i.name.text, i.rating) for i in report.issues] == [("工時", "medium"), ("童工", "medium")]
    got = sorted((m.issue_key.split("/")[-1], m.kind, m.category, m.text.text, m.inferred) for m in report.measures)
    assert got == [
        ("工時", "mitigation", "系統", "工時預警。", False), ("工時", "remediation", "補償", "給付加班費。", False),
        ("童工", "mitigation", "系統", "工時預警。", True), ("童工", "remediation", "制度", "年齡查核。", False)]


def test_training_cells_may_print_their_units(tmp_path):
    body = "課程名稱\t時數\t人次\t總時數\n人權概論\t1.5小時\t200人次\t300小時\n"
    report = parse(tmp_path, body).root
    [course] = report.training[0].courses
    assert (course.name.text, course.hours.value, course.attendance.value, course.total_hours.value) == (
        "人權概論", Decimal("1.5"), Decimal(200), Decimal(300))
    assert all(check.holds for check in report.checks)


def test_a_plant_table_with_plants_as_rows(tmp_path):
    body = ("● 已執行 ○ 未執行\n\n廠區\tSAQ (2023)\tVAP (2022-2023)\tSA8000\n"
            "北廠 (N廠)\t●\t199.5\t○\n南廠 (S廠)\t○\t-\t●\n")
    plants = {f.code: f for f in parse(tmp_path, body).root.facilities}
    north = sorted((a.programme, a.done, a.score.value if a.score else None, a.period.label if a.period else None)
                   for a in plants["N廠"].assessments)
    assert north == [("sa8000", False, None, None), ("saq", True, None, "2023"), ("vap", True, Decimal("199.5"), "2022-2023")]
    assert {(a.programme, a.done) for a in plants["S廠"].assessments} == {("saq", False), ("vap", None), ("sa8000", True)}


def test_rows_printed_above_the_merged_cells_text_share_it_too(tmp_path):
    body = MEASURES.replace("強迫勞動\t高\t", "__ROW__").replace("童工\t低\t\t\n", "")
    first, rest = body.split("__ROW__")
    body = first + "童工\t低\t\t\n強迫勞動\t高\t" + rest
    measures = parse(tmp_path, body).root.measures
    assert sorted((m.issue_key.split("/")[-1], m.inferred) for m in measures) == [
        ("強迫勞動", False), ("強迫勞動", False), ("童工", True), ("童工", True)]


def test_plants_named_without_a_code(tmp_path):
    body = "● 已執行 ○ 未執行\n\n項目\t北廠\t南廠\nSA8000\t●\t○\n"
    plants = [(f.name, f.code, f.assessments[0].done) for f in parse(tmp_path, body).root.facilities]
    assert plants == [("北廠", "", True), ("南廠", "", False)]


def test_two_training_tables_of_one_year_and_a_course_printed_twice_stay_apart(tmp_path):
    table = "課程名稱\t時數\t人次\t總時數\n人權概論\t1\t10\t10\n人權概論\t2\t5\t10\n"
    body = "## 員工訓練\n\n" + table + "\n## 承攬商訓練\n\n" + table
    report = parse(tmp_path, body).root
    assert [t.key for t in report.training] == ["2023", "2023/承攬商訓練"]
    keys = [m.key for m in report.metrics]
    assert len(keys) == len(set(keys))
    assert sum(1 for m in report.metrics if m.measure == "course-hours") == 4
