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

# tense cues of a clause (time/normalize.clause_tense): the last one before a year-less date
# or a weekday decides whether it is read forward ("will meet on Monday") or back ("met on
# Monday"). Future: modals and verbs of intention and schedule.
# modifiers that make a count a bound ("over 20 years ago", "less than a week from now"): the
# duration gives no date, only a side of one (the tagger's duration rule)
BOUND_MODIFIERS = frozenset({"over", "more than", "well over", "just over", "little more than",
                             "a little over", "a little more than", "in excess of",
                             "upwards of", "less than", "fewer than", "under", "at least",
                             "at most", "up to"})
# past cues that are time words, not verb forms: they count for a clause only when no verb
# form before the expression says its tense (normalize.clause_tense)
TENSE_TIME_WORDS = frozenset({"ago", "yesterday", "last", "earlier"})
ONGOING_PROGRESSIVES = (r"being|continuing|trying|seeking|working|looking|investigating|"
                        r"probing|examining|reviewing|facing|struggling|waiting|still|now|"
                        r"recovering|suffering|living|dealing|reeling|grappling|mourning")
TENSE_FUTURE = (r"will|won['’]t|shall|['’]ll|wo?n['’]t|going\s+to|gonna|(?:is|are|am)\s+(?:due|set|scheduled|expected|"
                r"planned|likely|about)?\s*to|"
                # a schedule told in the past of the report: "the company was due to make a
                # payment on Monday, which has now been cancelled" (the Monday ahead)
                r"(?:was|were)\s+(?:due|scheduled|slated)\s+to|"
                # a forward bound: "could touch shore as early as Friday evening"
                r"as\s+(?:early|soon)\s+as|(?:plans?|intends?|aims?|hopes?|expects?|planning|intending|"
                r"expecting|hoping|preparing|scheduled|expected|poised|slated)\s+to|"
                r"(?:set|poised|slated|scheduled)\s+to(?=\s+(?!the\b|a\b|an\b)[a-z]+(?<!ed)\b)|"
                r"upcoming|would|tomorrow|"
                # the present progressive of a plan: "websites that are promoting a rally on
                # Monday", "the minister is flying to Paris on Monday" (a past day takes the
                # past: "protesters gathered on Monday"); not one of an ongoing state or
                # inquiry, which looks back ("is continuing to ... under a June agreement",
                # "police are investigating Monday's attack")
                r"(?:is|are|am)\s+(?!(?:" + ONGOING_PROGRESSIVES + r")\b)[a-z]{2,}ing")
# past: past auxiliaries, common irregular past forms and -ed words (minus NOT_PAST)
TENSE_PAST = (r"was|were|had|did|been|said|ago|yesterday|last|earlier|told|began|begun|came|went|took|made|"
              r"met|held|left|saw|gave|found|got|became|fell|rose|won|lost|sent|spent|fought|broke|"
              r"brought|bought|sold|struck|led|thought|knew|ran|wrote|spoke|stood|kept|paid|built|drove|"
              r"flew|chose|shot|hit|set|put|cut|let|quit|grew|drew|threw|sought|taught|caught|"
              r"meant|felt|heard|slid|sank|swore|wound|woke|withdrew|overtook|undertook|forbade|"
              r"[a-z]+ed")
# -ed words that mark no past tense (adjectives, names, words ending in -eed)
NOT_PAST = (r"united|based|related|limited|armed|called|need|feed|seed|speed|bed|red|"
            r"hundred|indeed|proceed|exceed|succeed|embed|shed|breed|bleed|weed|ted|fred|"
            r"ned|ed|med|wed|fed|sled|bled|expected|scheduled|planned|proposed|"
            r"detailed|advanced|concerned|interested|supposed|used|red|occupied|"
            r"unrecognized|recognised|recognized|disputed|alleged|so-called|liberated")

# number words of durations and counts ("three weeks" -> P3W; "a dozen" -> 12)
NUMBER_WORDS = {'zero': 0,
               'one': 1,
               'two': 2,
               'three': 3,
               'four': 4,
               'five': 5,
               'six': 6,
               'seven': 7,
               'eight': 8,
               'nine': 9,
               'ten': 10,
               'eleven': 11,
               'twelve': 12,
               'thirteen': 13,
               'fourteen': 14,
               'fifteen': 15,
               'sixteen': 16,
               'seventeen': 17,
               'eighteen': 18,
               'nineteen': 19,
               'twenty': 20,
               'thirty': 30,
               'forty': 40,
               'fourty': 40,
               'fifty': 50,
               'sixty': 60,
               'seventy': 70,
               'eighty': 80,
               'ninety': 90,
               'hundred': 100,
               'thousand': 1000,
               'a': 1,
               'an': 1,
               'dozen': 12,
               'couple': 2,
               'single': 1}
# quantities the text does not give ("a few days" -> PXD)
VAGUE_NUMBERS = {'some', 'several', 'few', 'numerous', 'many', 'multiple'}

# ---------------------------------------------------------------- when a name is a date
# A holiday is a date only where it is used as one: after a preposition of time or a
# determiner ("on Christmas", "by Easter", "this Thanksgiving"), or followed by its day, eve or
# a year. "Christmas came early for the markets" and "another Groundhog Day of talks" are
# metaphors, not 25 December.
HOLIDAY_DATE_BEFORE = (r"on|at|by|before|after|until|till|since|over|during|for|around|"
                       r"through|from|to|into|ahead\s+of|in\s+time\s+for|this|last|next|"
                       r"of|past|coming|following|over\s+the")
HOLIDAY_DATE_AFTER = r"day|eve|holidays?|weekend|break|period|season|morning|night|evening|week"

# A year after "since" in a comparison dates the comparison, not an event of that year:
# "the worst drought since 1976", "the first time since 2003", "its lowest level since 1990".
# The tagger keeps the expression (TimeBank tags it) with role "comparison"; events do not
# take their date from it.
COMPARISON_BEFORE_SINCE = (r"first|worst|best|biggest|largest|highest|lowest|deadliest|"
                           r"strongest|weakest|most|least|fewest|greatest|longest|shortest|"
                           r"sharpest|steepest|fastest|slowest|record|ever|unprecedented|"
                           r"not\s+seen|unseen|[a-z]{3,}est")
COMPARISON_NOT_EST = r"interest|protest|arrest|forest|honest|modest|contest|request|harvest|west|rest|test|suggest|invest|digest|manifest|earnest|latest"
# "than in 2003", "compared with 2003", "from 2003 levels"
COMPARISON_BEFORE_YEAR = r"than(?:\s+in)?|compared\s+(?:with|to)(?:\s+in)?|versus|vs\.?"

# A four-digit number before a street name is a house number, not a year ("1600 Pennsylvania
# Avenue", "1201 Main St.")
STREET_WORDS = (r"avenue|ave|street|st|road|rd|boulevard|blvd|lane|ln|drive|dr|way|place|pl|"
                r"court|ct|square|sq|parkway|pkwy|highway|hwy|terrace|plaza|circle")

# A weekday after these looks forward: "ahead of Thursday's vote", "in time for Sunday"
WEEKDAY_AHEAD_BEFORE = r"ahead\s+of|in\s+time\s+for|adjourned\s+(?:to|until)|postponed\s+(?:to|until)"
# After these a weekday may look either way, so a past verb does not decide it: "readied
# themselves for Sunday" (written Saturday: tomorrow) but "Until Thursday, they had not
# called" (written Friday: yesterday); the nearest such day wins as with no tense at all
WEEKDAY_EITHER_BEFORE = r"for|until|till"

# A live report's entry stamp giving one instant in an American zone in the evening and in
# the local zone after midnight: the local day is the day after the report's (American)
# date, and a weekday named in that entry is that day, not the same weekday a week before.
# "(Update 1:12 a.m. Tuesday in Cairo, 6:12 p.m. ET Monday) Egypt's information ministry
# told CNN Tuesday ..." in a report dated Monday 31 January: Tuesday 1 February;
# "LIBYA, 6:49 p.m. ET, 1:49 a.m. local: Gadhafi said Tuesday morning ..." likewise.
# (?P<wd>...) is the American clock's weekday when given: it must be the report's day.
_US_ZONE = r"(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT)"
_CLOCK = r"\d{1,2}[:.]\d{2}\s*"
_LOCAL = r"(?:local(?:\s+time)?|in\s+[A-Z][a-z]+)"
NIGHT_STAMP = (rf"{_CLOCK}p\.?m\.?\s*{_US_ZONE}(?:\s+(?P<wd>[A-Z][a-z]+day))?\s*,\s*"
               rf"{_CLOCK}a\.?m\.?(?:\s+[A-Z][a-z]+day)?\s+{_LOCAL}"
               rf"|{_CLOCK}a\.?m\.?(?:\s+[A-Z][a-z]+day)?\s+{_LOCAL}\s*,\s*"
               rf"{_CLOCK}p\.?m\.?\s*{_US_ZONE}(?:\s+(?P<wd2>[A-Z][a-z]+day))?")

# An entry stamp inside the text: a full date with a clock time opening one entry of a page
# that gathers several (a live page, a video or blog index, a page of blurbs). A weekday or
# "today" in the entry is counted from the entry's day, not from the page's: in a page dated
# 10 April, "updated : Thu Mar 17 2011 05:49:00 Gadhafi's forces battled rebels ... on
# Wednesday" is 16 March, not 6 April; "8:47 pm ET February 11, 2013 ... said goodbye today"
# is 11 February 2013. The clock is required: a bare full date in a sentence is an event's
# date, not a stamp. <month> is filled with the month names; compiled with re.I.
ENTRY_STAMP = (r"(?<![\w])(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
               r"(?P<mon>(?:<month>))\.?\s+(?P<day>\d{1,2})\s*,?\s*(?P<year>(?:19|20)\d\d)"
               r"\s*(?:,\s*|at\s+|\|\s*)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?!\d)"
               r"|(?<![\w.:])\d{1,2}[:.]\d\d\s*[ap]\.?m\.?\s*(?:[A-Z]{2,4}\s+)?"
               r"(?P<mon2>(?:<month>))\.?\s+(?P<day2>\d{1,2})\s*,?\s*(?P<year2>(?:19|20)\d\d)(?!\d)")

# a preposition before such a date makes it an event's date in a sentence ("On March 3, 2011
# 10:30, he left"), not a stamp
ENTRY_STAMP_NOT_AFTER = r"(?:on|by|since|until|till|from|before|after|of|at|and|to)\s*$"

# a weekday placed in a month of a named year: "on a busy Saturday night in January 1999" is
# some Saturday of that month, not the Saturday before the report (an unresolved weekday,
# XXXX-WXX-6; the month-year beside it dates the event). Compiled with re.I; <month> is
# filled with the month names.
WEEKDAY_IN_MONTH_YEAR = r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?:in|of)\s+(?:<month>)\.?,?\s+(?:1[5-9]\d\d|20\d\d)(?!\d)"
