"""Cross-references resolved to provision paths: absolute, relative, divisions and other acts.

The pipeline's ARTICLE_REF tags give what each reference says (第五條第一項,
前二條, 前項第一款, 本法, 第六章, 各款); this module anchors the relative ones
on the citing provision: 前條 is the article before it in the act, 前項 the
paragraph before, a bare 第二項 a paragraph of the same article, and a bare
第二項 after 第五條第一項、 continues that article.  各該條 cites again the
articles named before it in the same sentence.  A title ending in 法/條例/…
(not 本法) before a reference or standing alone cites another act.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ... import lexicon, nlp
from .norms import tags_of
from ...normalise.articles import ACT_WORDS, ProvisionRef
from .model import Act, Article, ProvisionPath, Reference
from .provisions import ProvisionText

_LIST_JOINERS = {"、", "及", "或", "與", "和", "以及", "或其", ",", "，"}
_RANGE_JOINERS = {"至", "到", "~", "－", "-"}
_EACH_OF_THEM = re.compile(r"各該條")
_DIVISION_LEVEL = {"編": "part", "章": "chapter", "節": "section"}
_TITLE_LEAD = r"(?:(?<=[依按照及或與和、，,；;：:（(「『])|(?<=違反)|(?<=適用)|(?<=準用)|(?<=依照)|(?<=按照)|^)"
# A title does not open with a verb or a pointer word, nor hold a citing verb inside.
_NOT_TITLE_START = "遇|曾|據|指|後列|條例|細則|第|照|本|其他|其|該|各|同|前|相關|有關|上開|上述|下列|此|有違反|得|採用|以"
_NOT_IN_TITLE = "依|按照|違反|適用|準用|所稱|所謂|所定|採用|以|不受|不得|除|或其他|就|應|受|列為|制定|低於|高於|本法|本條例|本通則|本細則|本辦法|本規則"
_TITLE_NEXT = r"(?=第|規定|之規定|、|及|或|與|和|所|施行|相關|有關|等|[，,。；;）)」』]|$)"


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    ends = "|".join(sorted(ACT_WORDS, key=len, reverse=True))
    return re.compile(rf"{_TITLE_LEAD}(?!{_NOT_TITLE_START})(?P<title>(?:(?!{_NOT_IN_TITLE})[\u4e00-\u9fff]){{1,24}}?(?:{ends})){_TITLE_NEXT}")


@lru_cache(maxsize=1)
def _not_titles() -> tuple[frozenset[str], tuple[str, ...]]:
    data = lexicon.load("act_titles")
    return frozenset(data["not_titles"]["words"]), tuple(data["not_titles"]["prefixes"])


@dataclass(frozen=True, slots=True)
class CitedAct:
    title: str
    start: int
    end: int


def external_titles(text: str, defined_terms: frozenset[str] = frozenset()) -> list[CitedAct]:
    """Titles of other acts cited in ``text`` (本法 and its kin are this act; defined terms are not acts)."""
    words, prefixes = _not_titles()
    out = []
    for m in _title_pattern().finditer(text):
        title = m["title"]
        if len(title) < 2 or title in words or title.startswith(prefixes) or "之" in title:
            continue
        if title in defined_terms or title.endswith(("方法", "算法", "作法", "非法", "違法", "合法", "依法", "立法")):
            continue
        if m.start("title") == 0 and not text.startswith(("第", "規定", "之規定"), m.end("title")):
            continue  # a provision's opening words are its subject unless a citation follows
        out.append(CitedAct(title, m.start("title"), m.end("title")))
    return out


def division_articles(act: Act, division: str) -> list[str]:
    """Canonical article numbers of a division named ``level:number`` (chapter:6), in order."""
    level, _, number = division.partition(":")
    for div in act.divisions:
        if div.level == level and div.number == number:
            return list(div.articles)
    return []


class _Resolver:
    def __init__(self, act: Act, article_index: dict[str, int], prov: ProvisionText, defined: frozenset[str]):
        self.act = act
        self.index = article_index
        self.prov = prov
        self.defined = defined
        self.out: list[Reference] = []
        self.starts: list[int] = []  # where each reference starts in the provision text

    @property
    def article(self) -> Article:
        return self.act.articles[self.index[self.prov.path.article]]

    def emit(self, start: int, end: int, relative: bool, **fields) -> Reference:
        target = fields.get("target")
        if target is not None and not fields.get("external_act") and target.item is not None \
                and target.paragraph is None and target.article in self.index:
            # 第十條第二款: an article of one paragraph numbers its items directly.
            if len(self.act.articles[self.index[target.article]].paragraphs) == 1:
                fields["target"] = ProvisionPath(target.article, 1, target.item, target.subitem)
        ref = Reference(
            source=self.prov.path,
            text=self.prov.text[start:end],
            span=self.prov.span(start, end),
            relative=relative,
            **fields,
        )
        self.out.append(ref)
        self.starts.append(start)
        return ref

    def previous_articles(self, count: int | None) -> list[str]:
        i = self.index[self.prov.path.article]
        n = i if count is None else count
        return [a.number for a in self.act.articles[max(0, i - n):i]]


def find_references(act: Act, prov: ProvisionText, article_index: dict[str, int],
                    defined: frozenset[str] = frozenset()) -> list[Reference]:
    r = _Resolver(act, article_index, prov, defined)
    text = prov.text
    tags = [t for t in tags_of(text) if t.label == "ARTICLE_REF"]
    titles = external_titles(text, defined)
    title_before = {t.end: t for t in titles}
    used_titles: set[int] = set()
    last: list[Reference] = []  # the references the previous tag produced
    last_end = -1
    sentence_articles: list[str] = []
    for tag in tags:
        ref: ProvisionRef = tag.value
        gap = text[last_end:tag.start].strip() if last_end >= 0 else None
        if re.search(r"[。；;]", text[max(last_end, 0):tag.start]):
            sentence_articles = []
        produced: list[Reference] = []
        if ref.relative == "each" and ref.level == "item":
            if gap == "" and last:
                last_end = tag.end
                continue  # 第一項各款: the items of what was just cited
            if text[:tag.start].endswith("下列"):
                continue  # 下列各款 announces this provision's own list
            produced = _each_item(r, tag)
        elif tag.start in title_before and ref.relative is None and (ref.article or ref.paragraph):
            cited = title_before[tag.start]
            used_titles.add(cited.start)
            produced = [r.emit(cited.start, tag.end, False, external_act=cited.title,
                               target=ProvisionPath(ref.article or "", ref.paragraph, ref.item, ref.subitem)
                               if ref.article else None, whole_act=ref.article is None)]
        elif ref.division is not None:
            unit, number = ref.division
            produced = [r.emit(tag.start, tag.end, False, target_division=f"{_DIVISION_LEVEL.get(unit, unit)}:{number}")]
        elif ref.relative in ("this", "same") and ref.level == "act":
            if ref.article:
                produced = [r.emit(tag.start, tag.end, False,
                                   target=ProvisionPath(ref.article, ref.paragraph, ref.item, ref.subitem))]
            else:
                produced = [r.emit(tag.start, tag.end, True, whole_act=True)]
        elif ref.relative == "previous" and ref.level == "article":
            produced = [r.emit(tag.start, tag.end, True, target=ProvisionPath(a, ref.paragraph, ref.item, ref.subitem))
                        for a in r.previous_articles(ref.count)]
        elif ref.relative in ("this", "same") and ref.level == "article":
            article = sentence_articles[-1] if ref.relative == "same" and sentence_articles else prov.path.article
            produced = [r.emit(tag.start, tag.end, True, target=ProvisionPath(article, ref.paragraph, ref.item, ref.subitem))]
        elif ref.relative == "previous" and ref.level == "paragraph":
            p = prov.path.paragraph or 1
            n = p - 1 if ref.count is None else ref.count
            produced = [r.emit(tag.start, tag.end, True, target=ProvisionPath(prov.path.article, q, ref.item, ref.subitem))
                        for q in range(max(1, p - n), p)]
        elif ref.relative == "previous" and ref.level == "item":
            if prov.path.item and prov.path.item > 1:
                produced = [r.emit(tag.start, tag.end, True,
                                   target=ProvisionPath(prov.path.article, prov.path.paragraph, prov.path.item - 1))]
        elif ref.relative is None and ref.article:
            path = ProvisionPath(ref.article, ref.paragraph, ref.item, ref.subitem)
            if gap in _RANGE_JOINERS and last and last[-1].target and last[-1].target.paragraph is None \
                    and ref.paragraph is None and not last[-1].external_act:
                produced = [r.emit(tag.start, tag.end, False, target=ProvisionPath(a))
                            for a in _article_range(act, article_index, last[-1].target.article, ref.article)]
            else:
                produced = [r.emit(tag.start, tag.end, False, target=path)]
        elif ref.relative is None and (ref.paragraph or ref.item):
            anchor = last[-1].target if gap in _LIST_JOINERS and last and last[-1].target else None
            if anchor is not None and not last[-1].external_act:
                if ref.paragraph:
                    path = ProvisionPath(anchor.article, ref.paragraph, ref.item, ref.subitem)
                else:
                    path = ProvisionPath(anchor.article, anchor.paragraph, ref.item, ref.subitem)
                produced = [r.emit(tag.start, tag.end, False, target=path)]
            elif anchor is not None:
                produced = []
            else:
                if ref.paragraph:
                    path = ProvisionPath(prov.path.article, ref.paragraph, ref.item, ref.subitem)
                else:
                    path = ProvisionPath(prov.path.article, prov.path.paragraph, ref.item, ref.subitem)
                produced = [r.emit(tag.start, tag.end, True, target=path)]
        for p in produced:
            if p.target is not None and not p.external_act and p.target.article not in sentence_articles:
                sentence_articles.append(p.target.article)
        if produced:
            last = produced
        last_end = tag.end
    _each_of_them(r, text)
    for cited in titles:
        if cited.start not in used_titles:
            r.emit(cited.start, cited.end, False, external_act=cited.title, whole_act=True)
    order = sorted(range(len(r.out)), key=lambda i: r.starts[i])
    return [r.out[i] for i in order]


def _each_item(r: _Resolver, tag: nlp.Tag) -> list[Reference]:
    prov = r.prov
    for paragraph in r.article.paragraphs:
        if paragraph.number == prov.path.paragraph:
            return [r.emit(tag.start, tag.end, True,
                           target=ProvisionPath(prov.path.article, paragraph.number, item.number))
                    for item in paragraph.items]
    return []


def _each_of_them(r: _Resolver, text: str) -> None:
    """各該條: the articles cited earlier in the same sentence."""
    for m in _EACH_OF_THEM.finditer(text):
        sentence_start = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
        cited: list[str] = []
        for ref, start in zip(list(r.out), list(r.starts)):
            if sentence_start <= start < m.start() and ref.target and not ref.external_act \
                    and ref.target.article not in cited:
                cited.append(ref.target.article)
        for article in cited:
            r.emit(m.start(), m.end(), True, target=ProvisionPath(article))


def _article_range(act: Act, index: dict[str, int], first: str, last: str) -> list[str]:
    if first not in index or last not in index or index[first] > index[last]:
        return [last]
    return [a.number for a in act.articles[index[first] + 1: index[last] + 1]]
