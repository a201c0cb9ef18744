"""The competency questions of issue 4, answered on the seed report.

Expected values are typed from the report's text; the queries' variable
names are part of the public interface.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from report_support import SEED, answer, report_graph, variables

ORG = "力成科技股份有限公司"  # the registered name from the copyright line
OWN, VC = "own-operations", "value-chain"


@pytest.fixture(scope="module")
def seed():
    return report_graph(SEED)


@pytest.mark.parametrize("query, names", [
    ("report-training", ["org", "year", "course", "hours", "attendance", "totalHours"]),
    ("report-risks", ["org", "issue", "scope", "rating"]),
    ("report-measures", ["org", "issue", "scope", "kind", "category", "text", "inferred"]),
    ("report-indicators", ["org", "scope", "indicator", "target", "achieved", "year"]),
    ("report-facilities", ["org", "facility", "code", "saq", "vapScore", "vapPeriod", "sa8000"]),
    ("report-checks", ["org", "check", "holds", "detail"]),
    ("metrics", ["document", "subject", "measure", "value", "unit", "period", "text"]),
])
def test_query_variables_are_as_the_issue_names_them(query, names):
    assert variables(query) == names


COURSES = [
    ("RBA與SA8000系列訓練課程", D("0.50"), D("21483"), D("10741.50")),
    ("RBA VAP Standard 改版條文解析", D("3.50"), D("37"), D("129.50")),
    ("人員管理法令介紹 (線上課程)", D("1.00"), D("1496"), D("1496.00")),
    ("主管面談需知線上課程", D("1.00"), D("72"), D("72.00")),
    ("主管管理與關懷技巧提升", D("3.00"), D("128"), D("384.00")),
    ("新人關懷計畫-- Mentor培育線上課程 (基礎)", D("0.50"), D("125"), D("62.50")),
    ("新人關懷計畫-- Mentor培育課程 (進階)", D("4.50"), D("82"), D("369.00")),
    ("新進員工一般教育訓練 (RBA行為準則、員工從業道德規範、SA8000)", D("0.65"), D("1380"), D("897.00")),
    ("職場不法侵害介紹與風險評估", D("1.00"), D("78"), D("78.00")),
    ("職場性騷擾防治", D("1.00"), D("11172"), D("11172.00")),
    ("外籍勞工在台須知(住宿篇)", D("0.50"), D("3273"), D("1636.50")),
    ("外籍勞工在台須知(通用篇)", D("0.50"), D("3273"), D("1636.50")),
]


def test_training_lists_all_twelve_courses_with_hours_attendance_and_total(seed):
    expected = sorted((ORG, "2024", *course) for course in COURSES)
    assert sorted(answer(seed, "report-training")) == expected


def test_risks_give_every_rating_per_scope(seed):
    expected = [
        (ORG, "工時", OWN, "high"), (ORG, "歧視及騷擾", OWN, "medium"), (ORG, "童工", OWN, "medium"),
        (ORG, "強迫勞動", OWN, "medium"), (ORG, "職業健康安全", OWN, "medium"),
        (ORG, "工時", VC, "high"), (ORG, "童工", VC, "medium"), (ORG, "歧視/騷擾", VC, "medium"),
        (ORG, "強迫勞動", VC, "medium"), (ORG, "職業健康安全", VC, "medium"),
    ]
    assert sorted(answer(seed, "report-risks")) == sorted(expected)


M, R = "mitigation", "remediation"
PRINTED_MEASURES = {
    (OWN, "工時"): [
        (M, "系統", "啟動工時管控機制，並定期發出工時預警通知。"),
        (M, "系統", "持續建構完善公司制度及工時管理系統。"),
        (M, "宣導與培訓", "定期辦理有關人權議題之宣導與培訓。"),
        (R, "制度", "完善公司制度及工時管理系統，當延長工時超過法令規定者，系統提供警示以提醒主管留意。"),
        (R, "補償", "依法給予加班費及提供休假適時休息。"),
    ],
    (OWN, "歧視及騷擾"): [
        (M, "系統", "設置完善申訴處理機制，由申訴調查小組採取保密方式進行調查。"),
        (M, "系統", "制定職場不法侵害防制機制。"),
        (M, "宣導與培訓", "定期辦理反歧視/反騷擾之教育訓練。"),
        (R, "制度", "力成科技制定人權政策並落實遵守。"),
        (R, "補償", "避免申訴人再度受到職場不法侵害，例如調整行為人工作場域。"),
        (R, "補償", "關懷與追蹤申訴人身心狀況，提供心理諮商資源管道。"),
        (R, "補償", "對於申訴者給予適切的保護措施。"),
        (R, "懲處", "對申訴事件進行充分調查，如查有違規行為則對行為人進行適當之懲戒或處理。如該事實涉及刑責，本公司得同時移送司法機關處理。"),
    ],
    (OWN, "童工"): [
        (M, "系統", "制定作業規範，並落實遵循；制定招聘過程中的年齡核實程序，避免誤用。"),
        (M, "宣導與培訓", "定期辦理有關人權議題之宣導與培訓。"),
        (R, "制度", "力成科技制定與落實人權政策，確保不會誤用童工。"),
        (R, "補償", "若不慎聘用則啟動童工補救措施。"),
    ],
    (OWN, "強迫勞動"): [
        (M, "系統", "制定友善職場作業規範，並落實遵循。"),
        (M, "宣導與培訓", "定期辦理有關人權議題之宣導與培訓。"),
        (R, "制度", "力成科技制定並落實人權政策。"),
        (R, "補償", "違反者採取適當的立即糾正。"),
        (R, "補償", "進行相關的觀念宣導與訓練。"),
    ],
    (OWN, "職業健康安全"): [
        (M, "系統", "定期執行風險鑑別、實施母性關懷、員工協助方案、提供在職員工定期的健康檢查、實施作業環境監測及消除工作場所的危害因子等。"),
        (M, "系統", "每月安排臨場醫師諮詢服務，2024年服務次數達262次。"),
        (M, "宣導與培訓", "定期辦理有關職業健康安全議題之宣導與培訓。"),
        (R, "制度", "制定職業健康安全相關制度政策管控。"),
        (R, "制度", "提供即時的醫療與急救處置。"),
        (R, "補償", "提供必要的健康指導及薪酬補償。"),
        (R, "懲處", "依照內部程序進行協商並採取相應措施。"),
    ],
    (VC, "工時"): [
        (M, "系統", "要求供應商簽署《力成科技供應商行為準則承諾書》，確保符合相關法令及RBA行為準則。"),
        (M, "系統", "定期透過年度稽核或檢視RBA VAP稽核資訊，降低人權風險發生。"),
        (M, "宣導與培訓", "定期辦理供應商年度宣導會議，宣達人權重要性。2024年辦理1場宣導會。"),
        (R, "制度", "要求供應商建置人權相關制度政策、定期執行內部稽核，並對稽核發現完成改善。"),
        (R, "補償", "要求供應商針對人權風險進行改善措施，並且持續追蹤改善程度。"),
        (R, "懲處", "稽核如有發現不符合事項，要求供應商限期改善；情節嚴重者將予以停止合作。"),
    ],
}
# The value-chain table prints measures only in its first row; the cells below were merged in the original.
SHARING_VALUE_CHAIN_ISSUES = ["童工", "歧視/騷擾", "強迫勞動", "職業健康安全"]


def test_measures_are_each_linked_to_their_issue_with_kind_and_category(seed):
    expected = [(ORG, issue, scope, kind, category, text, False)
                for (scope, issue), rows in PRINTED_MEASURES.items() for kind, category, text in rows]
    expected += [(ORG, issue, VC, kind, category, text, True)
                 for issue in SHARING_VALUE_CHAIN_ISSUES for kind, category, text in PRINTED_MEASURES[(VC, "工時")]]
    got = answer(seed, "report-measures")
    assert len(got) == 59
    assert sorted(got) == sorted(expected)


def test_inferred_measures_say_why_in_the_data(seed):
    rows = list(seed.query("""
        PREFIX tl: <https://w3id.org/tiaoli/ontology#>
        SELECT ?note ?from WHERE { ?m tl:inferred true ; tl:inferenceNote ?note ; tl:inferredFrom ?from . ?from tl:inferred false }""",
                           use_default_graph_as_union=True))
    assert len(rows) == 24
    assert all("merged" in row["note"].value for row in rows)


def test_indicators_carry_scope_target_achievement_and_year(seed):
    expected = [
        (ORG, OWN, "不歧視/不騷擾", "無歧視、騷擾事件", False, "2024"),
        (ORG, OWN, "自由結社", "無禁止自由結社", True, "2024"),
        (ORG, OWN, "童工", "不聘用童工", True, "2024"),
        (ORG, OWN, "強迫勞動", "無強迫、強制勞動", True, "2024"),
        (ORG, VC, "供應商社會責任風險", "無違反人權之重大風險供應商", True, "2024"),
        (ORG, VC, "衝突礦產調查作業供應商合格率", "100%非衝突礦產廠商", True, "2024"),
        (ORG, VC, "舉辦「供應商社會責任宣導會」供應商參加率", ">85%", True, "2024"),
    ]
    assert sorted(answer(seed, "report-indicators")) == sorted(expected)


def test_the_harassment_footnote_is_attached_to_the_indicator_it_explains(seed):
    rows = list(seed.query("""
        PREFIX tl: <https://w3id.org/tiaoli/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?indicator ?note WHERE { ?i a tl:Indicator ; rdfs:label ?indicator ; tl:note/rdfs:label ?note }""",
                           use_default_graph_as_union=True))
    assert [(r["indicator"].value, r["note"].value) for r in rows] == [
        ("不歧視/不騷擾", "註：2024年共有3件騷擾案件，經內部調查及處置後結案，後續亦持續展開加強宣導。")]


def test_facilities_list_all_ten_plants_with_saq_vap_and_sa8000(seed):
    early, late = "2022-2023", "2024"
    expected = [
        (ORG, "新埔廠", "1廠", True, D("200"), early, True),
        (ORG, "湖口廠", "2廠", True, D("200"), late, True),
        (ORG, "大同廠", "3A廠", True, D("193.8"), late, True),
        (ORG, "大同廠", "3C廠", True, D("187.5"), late, True),
        (ORG, "大同廠", "3D廠", True, D("190.7"), late, True),
        (ORG, "竹科一廠", "8廠", True, D("200"), early, True),
        (ORG, "文化一廠", "9廠", True, D("200"), early, True),
        (ORG, "新興廠", "10廠", True, D("200"), early, True),
        (ORG, "竹科二廠", "11廠A", True, D("196.5"), early, True),
        (ORG, "竹科三廠", "11廠B", True, D("200"), late, False),
    ]
    assert sorted(answer(seed, "report-facilities")) == sorted(expected)


def test_consistency_checks_all_hold_on_the_seed(seed):
    rows = answer(seed, "report-checks")
    checks = {check: holds for _, check, holds, _ in rows}
    assert {f"row-product: {name}" for name, *_ in COURSES} <= set(checks)
    assert checks["column-sum: attendance total 2024"] is True
    assert checks["column-sum: training-hours total 2024"] is True
    assert checks["stated-count: medium risks in own-operations"] is True
    assert checks["stated-count: high risks in own-operations"] is True
    assert len(rows) == 16 and all(holds for holds in checks.values())
    details = {check: detail for _, check, _, detail in rows}
    assert "42,599" in details["column-sum: attendance total 2024"]
    assert "28,674.50" in details["column-sum: training-hours total 2024"]


def test_metrics_hold_the_reports_headline_numbers_with_unit_period_and_text(seed):
    rows = answer(seed, "metrics")
    printed = {(value, unit, text) for _, _, _, value, unit, _, text in rows}
    for expected in [
        (D("42599"), "人次", "42,599人次"), (D("28674.50"), "小時", "28,674.50小時"),
        (D("262"), "次", "262次"), (D("10"), "個廠區", "10個廠區"),
        (D("4"), "項", "4項"), (D("1"), "項", "1項"),
        (D("148"), "家", "148家"), (D("181"), "人", "181人"),
        (D("36"), "家", "36家"), (D("2"), "家", "2家"), (D("38"), "次", "38次"),
        (D("3"), "件", "3件"), (D("1"), "場", "1場"),
    ]:
        assert expected in printed
    assert all(period is not None for *_, period, _ in rows)


def test_every_training_cell_is_a_metric_about_its_course(seed):
    rows = seed.query("""
        PREFIX tl: <https://w3id.org/tiaoli/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?course ?measure ?value ?unit WHERE {
          ?m a tl:Metric ; tl:subject ?c ; tl:measure ?measure ; tl:value ?value ; tl:unitLabel ?unit .
          ?c a tl:TrainingCourse ; rdfs:label ?course }""", use_default_graph_as_union=True)
    got = {(r["course"].value, r["measure"].value.rsplit("/", 1)[-1], D(r["value"].value), r["unit"].value) for r in rows}
    expected = set()
    for name, hours, attendance, total in COURSES:
        expected |= {(name, "course-hours", hours, "小時"), (name, "attendance", attendance, "人次"), (name, "training-hours", total, "小時")}
    assert got == expected
