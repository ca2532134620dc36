"""English month and weekday names: the one table every stage reads.

Why one table: month names were written out in seven modules (tagger, clean, link, gazetteer,
sentences, timeline, timelinejs); a missing abbreviation in one ("Sept.") silently broke that
stage only.
"""
from __future__ import annotations

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
# "may" has no abbreviation of its own: the word is the month; "sept" as well as "sep"
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                       "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
# name or abbreviation (lower case) -> month number
MONTHS = {**{m: i for i, m in enumerate(MONTH_NAMES, 1)}, **MONTH_ABBREVIATIONS}
# display names (TimelineJS, reports)
MONTH_TITLES = tuple(m.title() for m in MONTH_NAMES)

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3,
                         "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
# name or abbreviation (lower case) -> ISO weekday - 1 (Monday = 0, as datetime.weekday())
WEEKDAYS = {**{d: i for i, d in enumerate(WEEKDAY_NAMES)}, **WEEKDAY_ABBREVIATIONS}
