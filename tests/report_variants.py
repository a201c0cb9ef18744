"""A generator of variant reports: the seed rewritten as another company's report.

Each edit changes the text and records what the parser must now find, so the
expected answers come from the generator's own parameters, never from the
parser.  Edits: rename the company, replace the training courses (other names,
numbers, order, totals consistent), replace the plant tables (other plants, one
more column, other order), re-rate and reorder measures rows, split a table
across a page break.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal

TRAINING_HEADER = "No.\t訓練課程名稱\t時數\t人次\t總時數"
_TRAINING_ROW = re.compile(r"^\d+\t.*$", re.MULTILINE)
_TOTALS = re.compile(r"共([\d,]+)人次參與，訓練總時數為([\d,.]+)小時")
_PLANT_HEADER = re.compile(r"^項目\t.*廠.*$", re.MULTILINE)


def money(value: Decimal) -> str:
    return f"{value:,.2f}"


def count(value: int) -> str:
    return f"{value:,}"


@dataclass
class Plant:
    name: str
    code: str
    saq: bool
    vap_score: Decimal | None
    vap_period: str  # "2022-2023" or "2024"
    sa8000: bool


@dataclass
class Variant:
    text: str
    org: str = "力成科技"
    courses: list[tuple[str, Decimal, int, Decimal]] = field(default_factory=list)
    plants: list[Plant] = field(default_factory=list)
    own_ratings: dict[str, str] = field(default_factory=dict)

    @property
    def legal_name(self) -> str:
        """The registered name the copyright line prints (© 2025…股份有限公司)."""
        return self.org + "股份有限公司"

    # -- company ----------------------------------------------------------------
    def rename_company(self, short: str) -> "Variant":
        self.text = self.text.replace(self.org, short).replace(self.org[:2], short[:2])
        self.org = short
        return self

    # -- training -----------------------------------------------------------------
    def replace_courses(self, courses: list[tuple[str, Decimal, int]], *, seed: int = 0, total_row: bool = False) -> "Variant":
        rows = [(name, hours, attendance, hours * attendance) for name, hours, attendance in courses]
        random.Random(seed).shuffle(rows)
        lines = [f"{n}\t{name}\t{hours:.2f}\t{count(att)}\t{money(total)}" for n, (name, hours, att, total) in enumerate(rows, 1)]
        attendance = sum(r[2] for r in rows)
        hours = sum((r[3] for r in rows), Decimal(0))
        if total_row:
            lines.append(f"\t合計\t\t{count(attendance)}\t{money(hours)}")
        first = _TRAINING_ROW.search(self.text, self.text.index(TRAINING_HEADER))
        block_end = self.text.index("\n\n", first.start())
        self.text = self.text[: first.start()] + "\n".join(lines) + self.text[block_end:]
        self.text = _TOTALS.sub(f"共{count(attendance)}人次參與，訓練總時數為{money(hours)}小時", self.text)
        self.courses = rows
        return self

    def split_training(self, *, repeat_header: bool, page_number: str | None = None) -> "Variant":
        """Break the training table after its third row, as a page break does."""
        start = self.text.index(TRAINING_HEADER)
        rows = list(_TRAINING_ROW.finditer(self.text, start))
        cut = rows[2].end()
        middle = "\n\n" + (page_number + "\n\n" if page_number else "") + (TRAINING_HEADER + "\n" if repeat_header else "")
        self.text = self.text[:cut] + middle + self.text[cut + 1:]
        return self

    def tamper_total(self, attendance: int) -> "Variant":
        """Print a wrong stated attendance total (the table is unchanged)."""
        self.text = _TOTALS.sub(lambda m: f"共{count(attendance)}人次參與，訓練總時數為{m.group(2)}小時", self.text)
        return self

    # -- plants ---------------------------------------------------------------------
    def replace_plants(self, plants: list[Plant]) -> "Variant":
        header = "項目\t" + "\t".join(f"{p.name} ({p.code})" for p in plants)

        def cell(p: Plant, period: str) -> str:
            return f"{p.vap_score}" if p.vap_score is not None and p.vap_period == period else "-"

        rating_table = "\n".join([
            header,
            "SAQ (2024)\t" + "\t".join("●" if p.saq else "○" for p in plants),
            "VAP (2022-2023)\t" + "\t".join(cell(p, "2022-2023") for p in plants),
            "VAP (2024)\t" + "\t".join(cell(p, "2024") for p in plants),
        ])
        cert_table = "\n".join([header, "SA8000\t" + "\t".join("●" if p.sa8000 else "○" for p in plants)])
        headers = list(_PLANT_HEADER.finditer(self.text))
        assert len(headers) == 2
        first_end = self.text.index("\n\n", headers[0].start())
        second_end = self.text.index("\n\n", headers[1].start())
        self.text = (self.text[: headers[0].start()] + rating_table + self.text[first_end: headers[1].start()]
                     + cert_table + self.text[second_end:])
        self.plants = plants
        return self

    # -- risks -------------------------------------------------------------------------
    def rerate_own(self, issue: str, rating_zh: str) -> "Variant":
        """Change one own-operations rating (and the stated counts that summarise them)."""
        pattern = re.compile(rf"^{re.escape(issue)}\t[高中低]\t(<p><b>【系統】)", re.MULTILINE)
        assert pattern.search(self.text), issue
        self.text = pattern.sub(rf"{issue}\t{rating_zh}\t\1", self.text, count=1)
        self.own_ratings[issue] = {"高": "high", "中": "medium", "低": "low"}[rating_zh]
        ratings = dict(SEED_OWN_RATINGS, **self.own_ratings)
        medium = sum(1 for r in ratings.values() if r == "medium")
        high = sum(1 for r in ratings.values() if r == "high")
        self.text = re.sub(r"共\d+項為中度風險及\d+項高度風險", f"共{medium}項為中度風險及{high}項高度風險", self.text)
        return self

    def reverse_own_measure_rows(self) -> "Variant":
        """Print the rows of the second own-operations measures table in reverse order."""
        heading = "### 影響對象：自身營運\n\n人權風險議題\t風險鑑別\t減緩措施\t補救措施\n"
        start = self.text.index(heading) + len(heading)
        end = self.text.index("\n\n", start)
        rows = self.text[start:end].split("\n")
        self.text = self.text[:start] + "\n".join(reversed(rows)) + self.text[end:]
        return self

    def own_ratings_now(self) -> dict[str, str]:
        return dict(SEED_OWN_RATINGS, **self.own_ratings)


SEED_OWN_RATINGS = {"工時": "high", "歧視及騷擾": "medium", "童工": "medium", "強迫勞動": "medium", "職業健康安全": "medium"}

OTHER_COURSES = [
    ("人權政策與供應鏈責任導論", Decimal("2.00"), 1250),
    ("反歧視與多元共融工作坊", Decimal("1.50"), 318),
    ("職場霸凌預防 (線上課程)", Decimal("0.75"), 4020),
    ("移工權益與宿舍管理", Decimal("1.00"), 655),
    ("主管領導與溝通", Decimal("6.00"), 47),
    ("新進人員行為準則說明", Decimal("0.50"), 2211),
    ("承攬商安全衛生須知", Decimal("2.50"), 96),
]

OTHER_PLANTS = [
    Plant("南科廠", "A1廠", True, Decimal("198.2"), "2024", True),
    Plant("中科一廠", "B廠", True, Decimal("200"), "2022-2023", True),
    Plant("中科二廠", "C廠", False, None, "2024", False),
    Plant("高雄廠", "K1廠", True, Decimal("185.5"), "2024", True),
    Plant("高雄二廠", "K2廠", True, Decimal("176.0"), "2022-2023", False),
    Plant("桃園廠", "T廠", True, Decimal("200"), "2024", True),
    Plant("新竹研發中心", "R廠", True, Decimal("192.4"), "2022-2023", True),
    Plant("台南一廠", "N1廠", True, Decimal("188.8"), "2024", True),
    Plant("台南二廠", "N2廠", True, Decimal("190"), "2024", True),
    Plant("屏東廠", "P廠", True, Decimal("199.5"), "2022-2023", True),
    Plant("嘉義廠", "J廠", True, Decimal("181.1"), "2024", False),
]
