"""Russian event cues: how dateline.events reads a Russian sentence without a Russian parser.

Russian sentences are handled through times and verb endings only (no lexicon): a sentence
with a date gets the first verb-like word as its trigger when the English rules find none,
"будут"/"будет" make it a plan, and the verbs of reporting make it reported speech. Plain
data: regular-expression SOURCES and letter ranges, compiled by the stage.
"""
from __future__ import annotations

# the Russian letters of a word token (with Ё/ё, outside the А-я range); the stage adds them
# to the English letters, so one token pattern serves both languages
LETTERS = "А-Яа-яЁё"
# a sentence is read as Russian when it has three Cyrillic letters in a row (a stray letter
# or an initial does not count)
SENTENCE = "[А-Яа-яЁё]{3}"

# reported speech: "передает" (reports, of an agency), "сообщ-" (сообщил, сообщает),
# "заяв-" (заявил), "со ссылкой" (citing); compiled with re.I
REPORT_CUE = r"передает|сообщ|заяв|со ссылкой"
# the source named after "со ссылкой на" ("citing ..."); joins the English
# ATTRIBUTION_AFTER phrases in one pattern (compiled with re.I)
ATTRIBUTION_AFTER = (r"со ссылкой на\s+",)
# a trigger that is the report itself (never a plan): "передал", "сообщил", "заявил"
REPORT_TRIGGER = r"(?:переда|сообщ|заяв)"
# the future: "будут"/"будет" + infinitive
FUTURE = r"\bбуд(?:ут|ет)\b"
# a verb by its ending: past (-л, -ла, -ло, -ли, -лись, -лась) or present/future
# (-ет, -ют, -ит, -ат, -ят), in words longer than VERB_LONGER_THAN letters (shorter words
# with these endings are mostly not verbs: "мат", "лет")
VERB_ENDING = r"(?:ли|ла|ло|л|лись|лась|ет|ют|ит|ат|ят)$"
VERB_LONGER_THAN = 4

# month stems after a day number ("6 марта", "в 12 ноября"): the event-date uncertainty test
# (pipeline.rests_on_inferred_date). Not lang.ru.calendar.MONTH_STEMS: "ма[яй]" rather than
# "ма", so that "5 марок" is no month (what the test was written with; keep them apart)
MONTH_DAY_STEMS = ("январ", "феврал", "март", "апрел", "ма[яй]", "июн", "июл", "август",
                   "сентябр", "октябр", "ноябр", "декабр")
