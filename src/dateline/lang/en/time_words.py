"""English words of the time tagger's lexicon: parts of the day, units, seasons, ordinals and
time zones, each mapped to its TIMEX3 code. Month and weekday names are in calendar.py.
"""
from __future__ import annotations

# part of the day -> TIMEX3 part-of-day code ("Tuesday morning" -> 2020-11-10TMO)
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "noon": "MI",
                "midday": "MI", "mornings": "MO", "afternoons": "AF", "evenings": "EV",
                "nights": "NI"}
# unit of a duration -> TIMEX3 unit ("three weeks" -> P3W); a "night" counts as a day
# ("two nights" -> P2D), "centurie" is "centuries" after the plural -s is cut
UNITS = {"second": "S", "sec": "S", "minute": "MIN", "min": "MIN", "hour": "H", "hr": "H",
         "day": "D", "night": "D", "week": "W", "fortnight": "W", "weekend": "D", "month": "M",
         "year": "Y", "yr": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
         "quarter": "Q", "millennium": "L", "millennia": "L", "season": "Y"}
# season -> TIMEX3 season code ("last winter" -> 2019-WI)
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# ordinal of a quarter or half ("the third quarter" -> 2020-Q3)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}
# time-zone words -> UTC offset ("14:00 Moscow time" -> +03:00); city names stand for their
# zone as reporters write them ("at 10:00 Baku time")
ZONES = {"est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00", "mst": "-07:00",
         "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00", "gmt": "Z", "utc": "Z", "z": "Z",
         "bst": "+01:00", "cet": "+01:00", "cest": "+02:00", "msk": "+03:00", "azt": "+04:00",
         "amt": "+04:00", "eet": "+02:00", "eest": "+03:00",
         "moscow": "+03:00", "baku": "+04:00", "yerevan": "+04:00", "tbilisi": "+04:00",
         "ankara": "+03:00", "istanbul": "+03:00", "turkish": "+03:00", "tehran": "+03:30",
         "kyiv": "+02:00", "kiev": "+02:00", "london": "Z", "greenwich mean": "Z",
         "paris": "+01:00", "berlin": "+01:00", "beijing": "+08:00", "tokyo": "+09:00",
         "eastern": "-05:00", "central": "-06:00", "mountain": "-07:00", "pacific": "-08:00"}
