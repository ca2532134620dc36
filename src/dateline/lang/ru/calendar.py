"""Russian month and weekday names: the one table every stage reads.

Russian inflects month names ("ноября" in "12 ноября", "ноябре" in "в ноябре"), so stages
match on stems; the genitive forms are what dates are written with.
"""
from __future__ import annotations

# stems that all case forms of the month share ("ма" covers мая, мае, май, март excluded by
# matching "март" first: callers try longer stems before shorter)
MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
               "октябр", "ноябр", "декабр")
MONTH_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                  "сентября", "октября", "ноября", "декабря")
MONTHS_GENITIVE = {m: i for i, m in enumerate(MONTH_GENITIVE, 1)}

# nominative and accusative ("в среду", "в пятницу") -> Monday = 0
WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3,
            "пятницу": 4, "пятница": 4, "субботу": 5, "суббота": 5, "воскресенье": 6}
