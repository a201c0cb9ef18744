"""Norms, definitions, references, time limits and penalties read from hand-built acts.

Each test lays out a few articles the way Taiwan statutes print them and states
the facts a reader takes from them.  No test names a real act: the patterns are
those of the kind.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from statute_builders import make_act
from tiaoli.extract.parsers.statute.model import ProvisionPath as P
from tiaoli.extract.parsers.statute.semantics import analyse_act


def analysed(articles, chapters=()):
    act = make_act(articles, chapters)
    analyse_act(act)
    return act


def modalities(act):
    return [(c.provision, c.modality, c.marker) for c in act.clauses]


# ---------------------------------------------------------------- norms

@pytest.mark.parametrize(
    "sentence, modality, marker",
    [
        ("會計人員應依法處理會計事務。", "obligation", "應"),
        ("商業必須設置會計帳簿。", "obligation", "必須"),
        ("對外會計事項應有外來或對外憑證。", "obligation", "應"),
        ("會計事項之記錄，應用雙式簿記方法為之。", "obligation", "應"),
        ("商業所置會計帳簿，不得毀損。", "prohibition", "不得"),
        ("前項調整，應不影響帳面紀錄。", "prohibition", "應不"),
        ("中央主管機關得訂定會計制度規範。", "permission", "得"),
        ("以自行發展取得者，僅得以申請登記之成本作為取得成本。", "permission", "僅得"),
        ("資產種類繁多者，得分類綜合計算之。", "permission", "得"),
        ("本法所稱商業，指以營利為目的之事業。", "definition", None),
        ("違反前條規定者，處新臺幣一萬元以上五萬元以下罰鍰。", "penalty", None),
        ("公營事業之會計事務，除其他法律另有規定者外，適用本法之規定。", "scope", None),
        ("商業會計事務之處理，依本法之規定。", "scope", None),
        ("小規模之商業，得不適用本法之規定。", "scope", None),
        ("本法自公布日施行。", "scope", None),
        ("前項之一定金額，由中央主管機關公告之。", "other", None),
        ("各項資產以實際成本為入帳原則。", "other", None),
        # a clause whose predicate is "proceed under these rules" is scope
        ("外國護照之簽證，除條約另有規定外，依本條例辦理。", "scope", None),
        ("公民投票之結果，依照公民投票法相關規定辦理。", "scope", None),
        # a delegation is other, whatever its topic names (適用對象, 應備文件)
        ("前項簽證之適用對象、條件及其他相關事項，由外交部定之。", "other", None),
        ("前項簽證之效期、應備文件及其他相關事項，由外交部定之。", "other", None),
        ("適用本法之要塞，由國防部以命令定之。", "scope", None),
        # a duty or permission followed by 不受…限制 / 不適用… keeps its modality
        ("前條之公告，應於三十日內辦理公民投票，不受公民投票法第二條之限制。", "obligation", "應"),
        ("徵收之土地，應於六年內開始使用，不適用土地法第二百十九條規定。", "obligation", "應"),
    ],
)
def test_each_clause_gets_the_modality_its_words_state(sentence, modality, marker):
    act = analysed([("1", [sentence])])
    assert modalities(act) == [(P("1", 1), modality, marker)]


@pytest.mark.parametrize(
    "sentence",
    [
        "商業應收帳款及應付帳款分別列示。",
        "資產以取得時之實際成本入帳。",
        "營業成本與所由獲得之營業收入相配合。",
        "其對應之科目分別列示。",
        "應我國政府邀請來訪之外國人士。",  # 應…邀請 answers an invitation
    ],
)
def test_words_containing_a_marker_are_not_markers(sentence):
    act = analysed([("1", [sentence])])
    assert [c.modality for c in act.clauses] == ["other"]


def test_a_marker_inside_a_condition_or_an_exception_is_not_the_clause_modality():
    act = analysed([("8", [
        "商業會計之記載，除記帳數字適用阿拉伯字外，應以我國文字為之；其因事實上之需要，而須加註外國文字者，仍以我國文字為準。",
        "會計憑證為應予永久保存者，得另行保管。",
    ])])
    assert modalities(act) == [
        (P("8", 1), "obligation", "應"),
        (P("8", 1), "other", None),
        (P("8", 2), "permission", "得"),
    ]
    first, second, third = act.clauses
    assert first.exceptions == ["除記帳數字適用阿拉伯字外"]
    assert second.conditions == ["其因事實上之需要，而須加註外國文字者"]


def test_a_marker_qualifying_a_noun_gives_way_to_the_clause_marker():
    act = analysed([("63", ["依性質應由保留盈餘提列之準備，不得作為提列年度之費用。", "前項應加註釋之事項，得於財務報表上列明。"])])
    assert [c.modality for c in act.clauses] == ["prohibition", "permission"]


def test_a_proviso_is_an_exception_of_the_clause_before_it():
    act = analysed([("35", ["記帳憑證應由經理人簽名。但經理人授權主辦會計人員簽名者，不在此限。"])])
    (clause,) = act.clauses
    assert clause.exceptions == ["但經理人授權主辦會計人員簽名者，不在此限"]
    assert clause.addressees == ["manager"]


def test_addressees_are_the_roles_before_the_marker_or_the_agents_after_應由():
    act = analysed([("1", [
        "商業負責人應於會計年度終了後六個月內，將決算報表提請股東承認。",
        "決算報表應由代表商業之負責人、經理人及主辦會計人員簽名。",
        "商業之利害關係人，得因正當理由，聲請法院選派檢查員。",
    ])])
    assert [c.addressees for c in act.clauses] == [
        ["business-responsible-person"],
        ["business-representative", "manager", "chief-accounting-officer"],
        ["interested-party"],
    ]
    assert act.clauses[0].action == "於會計年度終了後六個月內，將決算報表提請股東承認"


@pytest.mark.parametrize(
    "sentence, roles",
    [
        ("帳簿應由代表商業之負責人、經理人、主辦及經辦會計人員簽名。",
         ["business-representative", "manager", "chief-accounting-officer", "accounting-clerk"]),
        ("主辦、經辦會計人員應於五日內辦理交代。", ["chief-accounting-officer", "accounting-clerk"]),
        ("中央或地方主管機關得派員檢查。", ["central-competent-authority", "local-competent-authority"]),
        ("董事及監察人應簽名。", ["director", "supervisor"]),  # no shared head: two printed roles
    ],
)
def test_coordinated_roles_with_one_printed_head_are_each_addressed(sentence, roles):
    (clause,) = analysed([("1", [sentence])]).clauses
    assert clause.addressees == roles


@pytest.mark.parametrize(
    "sentence, roles",
    [
        ("前項主辦會計人員之任免，公司章程有較高規定者，從其規定。", []),  # the role is acted on
        ("對於主辦會計人員之任免，應經董事會同意。", []),
        ("在有限公司，應有全體股東過半數之同意。", []),  # a place, not an agent
        ("有分支機構之商業，於會計年度終了時，應合併辦理決算。", ["business"]),
        ("商業有支付退休金之義務者，應提列準備。", ["business"]),
        ("憑證應作成之，由商業負責人簽名。", ["business-responsible-person"]),
        ("會計事務之處理，得委由會計師處理之。", []),  # the one entrusted is not the one permitted
    ],
)
def test_the_addressee_is_the_subject_or_agent_never_an_object(sentence, roles):
    (clause,) = analysed([("1", [sentence])]).clauses
    assert clause.addressees == roles


def test_a_penalty_addresses_every_conjunct_of_an_elliptical_coordination():
    act = analysed([("9", [
        "商業負責人、主辦及經辦會計人員有下列情事之一者，處新臺幣六萬元以上三十萬元以下罰鍰：",
        "一、不依規定設置帳簿。",
    ])])
    (penalty,) = act.penalties
    assert penalty.addressees == ["business-responsible-person", "chief-accounting-officer", "accounting-clerk"]


def test_items_complete_their_lead_in():
    act = analysed([("66", ["商業每屆決算應編製下列報表：", "一、營業報告書。", "二、財務報表。"])])
    assert modalities(act) == [
        (P("66", 1), "obligation", "應"),
        (P("66", 1, 1), "obligation", None),
        (P("66", 1, 2), "obligation", None),
    ]


def test_clause_spans_quote_the_source_exactly():
    act = analysed([("5", ["會計人員應依法處理會計事務，其離職時，應於五日內辦理交代。"])])
    (clause,) = act.clauses
    assert clause.span.text == clause.text == "會計人員應依法處理會計事務，其離職時，應於五日內辦理交代"
    assert clause.marker_span.text == "應"
    assert clause.conditions == ["其離職時"]


# ---------------------------------------------------------------- definitions

def test_definitions_in_every_printed_form():
    act = analysed([
        ("2", ["本法所稱商業，指以營利為目的之事業。"]),
        ("10", ["所謂權責發生制，係指收益於確定應收時即行入帳。決算時並按其應歸屬年度作調整分錄。"]),
        ("11", ["凡資產發生增減變化之事項，稱為會計事項。會計事項涉及外人者，為對外會計事項；不涉及外人者，為內部會計事項。"]),
        ("15", ["會計憑證分下列二類：", "一、原始憑證：證明會計事項之經過之憑證。", "二、記帳憑證：證明處理人員責任之憑證。"]),
        ("27", ["會計科目如下：", "一、資產類：指流動資產等項。"]),
        ("29", ["前條所稱必要之註釋，指下列事項：", "一、重要會計政策。", "二、重大期後事項。"]),
        ("30", ["本法稱主管機關者，謂經濟部。"]),
        ("41", ["所稱實際成本，凡資產出價取得者，指其取得價格。"]),
        ("42", ["所稱公平價值者，係指正常交易之金額。"]),
    ])
    assert [(d.term, d.provision) for d in act.definitions] == [
        ("商業", P("2", 1)),
        ("權責發生制", P("10", 1)),
        ("會計事項", P("11", 1)),
        ("對外會計事項", P("11", 1)),
        ("內部會計事項", P("11", 1)),
        ("原始憑證", P("15", 1, 1)),
        ("記帳憑證", P("15", 1, 2)),
        ("資產類", P("27", 1, 1)),
        ("必要之註釋", P("29", 1)),
        ("主管機關", P("30", 1)),
        ("實際成本", P("41", 1)),
        ("公平價值", P("42", 1)),
    ]
    by_term = {d.term: d for d in act.definitions}
    assert by_term["商業"].definition == "指以營利為目的之事業"
    assert by_term["權責發生制"].definition == "係指收益於確定應收時即行入帳。決算時並按其應歸屬年度作調整分錄"
    assert by_term["會計事項"].definition == "凡資產發生增減變化之事項"
    assert by_term["必要之註釋"].definition == "指下列事項：\n重要會計政策。\n重大期後事項。"
    assert all(d.term_span.text == d.term for d in act.definitions)
    # the sentences of a definition are definition clauses, its list items too
    assert {c.modality for c in act.clauses if c.provision.article in {"10", "29"}} == {"definition"}


def test_a_so_called_phrase_without_a_meaning_is_not_a_definition():
    act = analysed([("17", ["前項所稱轉帳傳票，得視事實需要，分為現金轉帳傳票及分錄轉帳傳票。"])])
    assert act.definitions == []
    assert [c.modality for c in act.clauses] == ["permission"]


def test_a_word_beginning_with_zhi_is_not_the_meaning_marker():
    # 指數 (index) after 所稱X is part of the term, not 指 (means): regression from a held-out law.
    act = analysed([("3", ["前項所稱消費者物價指數，準用所得稅法第五條第四項規定。"])])
    assert act.definitions == []


# ---------------------------------------------------------------- references

def targets(act, source=None):
    return [(r.text, r.target, r.target_division, r.external_act, r.relative)
            for r in act.references if source is None or r.source == source]


def test_relative_references_resolve_against_the_citing_provision():
    act = analysed([
        ("27", ["會計科目分下列二類：", "一、資產類。", "二、負債類。"]),
        ("28", ["財務報表包括下列各種：", "一、資產負債表。", "前項各款報表應予必要之註釋。", "第一項各款之財務報表，商業得另編明細表。"]),
        ("29", ["前條第二項所稱註釋，指重要事項。", "前項事項，得以附註為之。"]),
        ("30", ["犯前二條之罪者，得減輕其刑。"]),
    ])
    assert targets(act, P("28", 2)) == [("前項各款", P("28", 1), None, None, True)]
    assert targets(act, P("28", 3)) == [("第一項各款", P("28", 1), None, None, True)]
    assert targets(act, P("29", 1)) == [("前條第二項", P("28", 2), None, None, True)]
    assert targets(act, P("29", 2)) == [("前項", P("29", 1), None, None, True)]
    assert targets(act, P("30", 1)) == [("前二條", P("28"), None, None, True), ("前二條", P("29"), None, None, True)]


def test_absolute_references_continue_and_expand():
    act = analysed(
        [
            ("5", ["甲。", "乙。", "丙。", "丁。", "戊。"]),
            ("6", ["商業負責人違反第五條第一項、第二項或第五項規定者，處新臺幣三萬元以下罰鍰。"]),
            ("7", ["違反第一章規定者，處新臺幣一萬元以下罰鍰。"]),
            ("8", ["有第六條、第七條各款情事之一者，應依各該條規定處罰。"]),
            ("9", ["依第五條至第七條規定辦理。"]),
        ],
        chapters=[("1", "第一章 總則", ["5", "6"])],
    )
    assert targets(act, P("6", 1)) == [
        ("第五條第一項", P("5", 1), None, None, False),
        ("第二項", P("5", 2), None, None, False),
        ("第五項", P("5", 5), None, None, False),
    ]
    assert targets(act, P("7", 1)) == [("第一章", None, "chapter:1", None, False)]
    assert targets(act, P("8", 1)) == [
        ("第六條", P("6"), None, None, False),
        ("第七條各款", P("7"), None, None, False),
        ("各該條", P("6"), None, None, True),
        ("各該條", P("7"), None, None, True),
    ]
    assert [r.target for r in act.references if r.source == P("9", 1)] == [P("5"), P("6"), P("7")]


def test_other_acts_are_cited_by_title_and_this_act_is_not_another():
    act = analysed([
        ("2", ["本法所稱商業，其範圍依商業登記法、公司法及其他法律之規定。"]),
        ("3", ["各項所得計算依稅法規定所作調整，不影響帳面紀錄。"]),
        ("4", ["依公司法第十二條規定辦理，並適用本法之規定。"]),
        ("5", ["存貨以先進先出法或其他方法計算之。"]),
    ])
    assert [(r.source.article, r.external_act, r.target) for r in act.references if r.external_act] == [
        ("2", "商業登記法", None),
        ("2", "公司法", None),
        ("3", "稅法", None),
        ("4", "公司法", P("12")),
    ]
    assert [r.whole_act for r in act.references if r.text == "本法"] == [True, True]


# ---------------------------------------------------------------- time limits

def test_time_limits_with_value_unit_and_kind():
    act = analysed([
        ("5", ["會計人員離職時，應於五日內辦理交代。"]),
        ("34", ["會計事項應逐日登帳，至遲不得超過二個月。"]),
        ("38", ["各項會計憑證，應於年度決算程序辦理終了後，至少保存五年。"]),
        ("54", ["預期在一年內清償者，得以到期值列計。"]),
        ("65", ["商業之決算，應於會計年度終了後二個月內辦理完竣；必要時得延長一個半月。"]),
        ("74", ["違反者，處新臺幣十萬元以下罰金；經查獲後三年內再犯者，處一年以下有期徒刑。"]),
        ("6", ["商業以每年一月一日起至十二月三十一日止為會計年度，並採二年度對照方式。"]),
    ])
    assert [(t.provision.article, t.value, t.unit, t.kind, t.text) for t in act.time_limits] == [
        ("5", Decimal(5), "day", "deadline", "五日內"),
        ("34", Decimal(2), "month", "deadline", "至遲不得超過二個月"),
        ("38", Decimal(5), "year", "retention", "至少保存五年"),
        ("54", Decimal(1), "year", "period", "一年內"),
        ("65", Decimal(2), "month", "deadline", "二個月內"),
        ("65", Decimal("1.5"), "month", "extension", "延長一個半月"),
        ("74", Decimal(3), "year", "repeat-window", "三年內"),
    ]
    assert all(t.span.text == t.text for t in act.time_limits)


# ---------------------------------------------------------------- penalties

def sanctions(penalty):
    return [(s.kind, s.min_amount, s.max_amount, s.currency, s.min_months, s.max_months) for s in penalty.sanctions]


def test_a_criminal_penalty_with_terms_fines_and_cumulation():
    act = analysed([
        ("71", ["商業負責人或主辦會計人員有下列情事之一者，處五年以下有期徒刑、拘役或科或併科新臺幣六十萬元以下罰金：",
                "一、以明知為不實之事項，而填製會計憑證。", "二、故意使應保存之會計憑證滅失毀損。"]),
        ("72", ["犯前條之罪，處一年以上七年以下有期徒刑。"]),
        ("73", ["犯前二條之罪，於事前曾表示拒絕者，得減輕或免除其刑。"]),
    ])
    p71, p72, p73 = act.penalties
    assert sanctions(p71) == [
        ("imprisonment", None, None, None, None, Decimal(60)),
        ("detention", None, None, None, None, None),
        ("criminal-fine", None, Decimal(600000), "TWD", None, None),
    ]
    assert p71.cumulative is True
    assert p71.addressees == ["business-responsible-person", "chief-accounting-officer"]
    assert sanctions(p72) == [("imprisonment", None, None, None, Decimal(12), Decimal(84))]
    assert p73.sanctions == [] and p73.mitigation == "減輕或免除其刑"
    assert p73.penalties_of == [P("71"), P("72")]
    # the items describe the punished conduct: they are penalty clauses whatever words they use
    assert {c.modality for c in act.clauses if c.provision.article == "71"} == {"penalty"}
    assert act.time_limits == []


def test_administrative_fines_sanction_the_provisions_cited_item_by_item():
    act = analysed(
        [
            ("5", ["甲。", "乙。", "丙。", "丁。", "戊。"]),
            ("6", ["丙。"]),
            ("23", ["商業必須設置會計帳簿。"]),
            ("38", ["應保存五年。"]),
            ("76", ["代表商業之負責人、經理人，有下列各款情事之一者，處新臺幣六萬元以上三十萬元以下罰鍰：",
                    "一、違反第二十三條規定，未設置會計帳簿。但依規定免設者，不在此限。",
                    "二、未依第三十八條規定期限保存會計帳簿。",
                    "三、違反第一章規定。"]),
            ("77", ["商業負責人違反第五條第一項、第二項或第五項規定者，處新臺幣三萬元以上十五萬元以下罰鍰。"]),
            ("80", ["會計師有違反本法第七十六條、第七十七條各款之規定情事之一者，應依各該條規定處罰。"]),
            ("81", ["本法所定之罰鍰，除第七十六條第二款由法院裁罰外，由各級主管機關裁罰之。"]),
        ],
        chapters=[("1", "第一章 總則", ["5", "6"])],
    )
    p76, p77, p80 = act.penalties
    assert sanctions(p76) == [("administrative-fine", Decimal(60000), Decimal(300000), "TWD", None, None)]
    assert p76.addressees == ["business-representative", "manager"]
    assert p76.sanctioned == [P("23"), P("38"), P("5"), P("6")]
    assert p77.sanctioned == [P("5", 1), P("5", 2), P("5", 5)]
    assert p80.sanctioned == [P("76"), P("77")] and p80.penalties_of == [P("76"), P("77")]
    assert p80.sanctions == []
    assert (p76.authority, p77.authority) == ("competent-authority", "competent-authority")
    assert p76.authority_exceptions == [(P("76", 1, 2), "court")]


def test_a_repeat_offence_is_a_second_heavier_penalty_with_its_window():
    act = analysed([("74", [
        "擅自代他人處理會計事務者，處新臺幣十萬元以下罰金；經查獲後三年內再犯者，處一年以下有期徒刑、拘役或科或併科新臺幣十五萬元以下罰金。"
    ])])
    first, repeat = act.penalties
    assert sanctions(first) == [("criminal-fine", None, Decimal(100000), "TWD", None, None)]
    assert first.repeat_offence is None and first.cumulative is False
    assert sanctions(repeat) == [
        ("imprisonment", None, None, None, None, Decimal(12)),
        ("detention", None, None, None, None, None),
        ("criminal-fine", None, Decimal(150000), "TWD", None, None),
    ]
    assert repeat.cumulative is True
    assert (repeat.repeat_offence.value, repeat.repeat_offence.unit, repeat.repeat_offence.kind) == (Decimal(3), "year", "repeat-window")


def test_the_authority_named_in_the_penalty_clause_imposes_it():
    act = analysed([("16", ["違反第十條規定者，由中央主管機關處新臺幣二萬元以上十萬元以下罰鍰。"])])
    (penalty,) = act.penalties
    assert penalty.authority == "central-competent-authority"
    assert penalty.sanctioned == [P("10")]


def test_life_imprisonment_and_a_fine_without_range():
    act = analysed([("9", ["犯前項之罪者，處死刑、無期徒刑或十年以上有期徒刑，得併科新臺幣一千萬元罰金。"])])
    (penalty,) = act.penalties
    assert sanctions(penalty) == [
        ("life-imprisonment", None, None, None, None, None),
        ("imprisonment", None, None, None, Decimal(120), None),
        ("criminal-fine", Decimal(10000000), Decimal(10000000), "TWD", None, None),
    ]
    assert penalty.cumulative is True


def test_every_fact_carries_an_exact_source_span():
    act = analysed([("76", ["代表商業之負責人，有下列各款情事之一者，處新臺幣六萬元以上三十萬元以下罰鍰：", "一、違反第二十三條規定。"])])
    facts = [*act.clauses, *act.references, *act.penalties]
    assert facts
    for fact in facts:
        assert fact.span.end - fact.span.start == len(fact.span.text)
        assert fact.text in fact.span.text


def test_a_penalty_citing_its_own_penalty_paragraph_does_not_sanction_itself():
    act = analysed([
        ("12", ["業者應申報。"]),
        ("38", [
            "有下列情形之一者，處新臺幣十萬元以上五十萬元以下罰鍰：",
            "一、違反第十二條規定。",
            "有第一項第一款情形，致危害人體健康者，處三年以下有期徒刑。",
        ]),
        ("39", ["業者應登記。", "違反前項規定者，處新臺幣一萬元以下罰鍰。"]),
    ])
    sanctioned = {(p.provision.article, t.article, t.paragraph) for p in act.penalties for t in p.sanctioned}
    assert ("38", "12", None) in sanctioned
    assert not any(article == "38" and target == "38" for article, target, _ in sanctioned)
    assert ("39", "39", 1) in sanctioned  # 違反前項規定: a rule of the same article
