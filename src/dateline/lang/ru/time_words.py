"""Russian words of the time tagger's lexicon (see lang/en/time_words.py)."""
from __future__ import annotations

# adverbs of the part of the day ("утром" = in the morning)
PARTS_OF_DAY = {"утром": "MO", "днем": "AF", "днём": "AF", "вечером": "EV", "ночью": "NI"}
# "по московскому времени" (Moscow time) and its like: the adjective names the zone
ZONES = {"московскому": "+03:00", "бакинскому": "+04:00", "ереванскому": "+04:00",
         "киевскому": "+02:00"}

# number words of a Russian duration ("три дня назад" -> 3 days ago); "несколько" (several)
# is a number the text does not give
NUMBERS = {"один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
           "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "несколько": "X"}

# tense cues of a clause (see lang/en/time_words.TENSE_FUTURE): future auxiliaries and verbs of
# intention; past: "вчера" and past-tense verb endings (-ал, -ил, ... with -ся/-сь)
TENSE_FUTURE = r"будет|будут|буду|будем|будете|будешь|планиру\w*|намерен\w*|предстоит|завтра"
TENSE_PAST = r"вчера|[а-яё]+(?:ал|ял|ил|ел|ыл|ул|ол)(?:а|о|и)?(?:сь|ся)?"
