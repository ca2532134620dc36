"""Russian scraping debris and header-line shapes (see lang/en/debris.py for the layout).

A Russian shape is joined to the English shape of the same reason: a line is debris if
either matches it. Patterns are compiled case-insensitively ("РЕКЛАМА", "Реклама").
"""
from __future__ import annotations

from ..en.debris import CREDIT_SOURCES

DEBRIS_SHAPES = (
    {"reason": "ad marker",
     # "advertisement" over an ad slot
     "pattern": r"(реклама)\s*:?",
     "example": "Реклама"},
    {"reason": "view counter",
     # "Просмотров: 1 024", "1 024 просмотров"
     "pattern": r"(просмотров|просмотры)\s*[:\-]?\s*\d[\d,. ]*|"
                r"\d[\d,. ]*\s*(просмотров)",
     "example": "Просмотров: 1 024"},
    {"reason": "read-more teaser",
     # "read also:", "on this topic:" and the linked headline
     "pattern": r"(читайте также|по теме)\s*[:\-–—>|»].*",
     "example": "Читайте также: Переговоры продолжатся в Женеве"},
    {"reason": "media placeholder",
     # "video", "photo": what is left of an embedded player or gallery
     "pattern": r"(видео|фото)\s*:?",
     "example": "Видео"},
    {"reason": "media credit",
     # "Фото: Иван Петров / TASS"
     "pattern": r"((фото|видео)\s*:\s*)[^.!?]{2,80}"
                rf"\s/\s({CREDIT_SOURCES})",
     "example": "Фото: Иван Петров / TASS"},
)

# ---------------------------------------------------------------------------------------------
# header lines

# a Russian month word in a written date ("12 ноября 2020"); checked against
# calendar.MONTHS_GENITIVE (dates are written in the genitive)
MONTH_WORD = r"(?P<rumon>[а-я]{3,8})"
# complete calendar dates a header line may carry (compiled case-insensitively)
FULL_DATES = (
    rf"\b(?P<d>[0-3]?\d)\s+{MONTH_WORD}\s+(?P<y>(?:19|20)\d\d)",    # 12 ноября 2020
)
# capital letters a dateline's place may start with
UPPER_LETTERS = "А-Я"
# the word before a byline's name ("От Ивана Петрова")
BYLINE_WORDS = ("От",)
