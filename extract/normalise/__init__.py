"""Normalisers: pure functions from printed forms to values, one module each.

- numerals: Chinese/Arabic numerals → Decimal, and back (to_chinese_numeral)
- dates: ROC and Chinese-numeral dates, school years, periods → PartialDate
- money: amounts with currency → Money
- durations: time limits → Duration (value in the printed unit)
- quantities: counts with units and qualifiers → Quantity
- articles: article numbers in every printed form → canonical '15-1'; provision references
- variants: OpenCC search keys for matching, and Simplified-only characters as source defects
- text: one-for-one width folding for matching

None of them import spaCy or rdflib; word lists come from ``tiaoli.extract.lexicon``.
"""
