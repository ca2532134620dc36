"""Russian words of the time tagger's lexicon (see lang/en/time_words.py)."""
from __future__ import annotations

# adverbs of the part of the day ("утром" = in the morning)
PARTS_OF_DAY = {"утром": "MO", "днем": "AF", "днём": "AF", "вечером": "EV", "ночью": "NI"}
# "по московскому времени" (Moscow time) and its like: the adjective names the zone
ZONES = {"московскому": "+03:00", "бакинскому": "+04:00", "ереванскому": "+04:00",
         "киевскому": "+02:00"}
