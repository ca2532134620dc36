"""English for conflicts: how numbers, units, hedges and blame are said.

Read by ``reason/conflicts.py``, which compiles the regular-expression sources below
(case-insensitive unless a comment says otherwise) and decides when two claims disagree. To teach the conflict rules a new
number word, unit synonym, hedge or accusation phrase, edit this file only.
"""
from __future__ import annotations

# ------------------------------------------------------------------------------ numbers

# Number words, in order: a word's position is its value ("zero" = 0 ... "nineteen" = 19).
SMALL_NUMBERS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                 "fourteen fifteen sixteen seventeen eighteen nineteen").split()
# Tens, from twenty: "twenty-five", "forty two"
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
# Scale words after a number: "1.5 million", "two thousand" (in this order in the pattern)
SCALES = {"hundred": 100, "thousand": 1000, "million": 10 ** 6, "billion": 10 ** 9, "trillion": 10 ** 12}
# Scales abbreviated onto the figure, as headlines and British papers write them: "5m barrels",
# "$20bn", "4.4mn", "500k". With a space only before a counted unit ("4.9 m barrels"): "4.9 m"
# alone is as often metres.
ABBREVIATED_SCALES = {"k": 1000, "m": 10 ** 6, "mn": 10 ** 6, "mln": 10 ** 6, "bn": 10 ** 9,
                      "tn": 10 ** 12, "trn": 10 ** 12}
# Figures as English writes them: thousands separated by commas ("1,960"), a decimal point
# ("2.5"), or plain digits
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "between 15 and 20", "15 to 20", "15-20": a range (the word before the first number and the
# joiners between the two)
RANGE_START = r"between"
RANGE_JOINERS = r"-|–|to|and"
# A percentage after the number: "20%", "20 per cent", "20 percent", "20 pct"
PERCENT = r"%|per\s*cent|percent|pct"

# Hedges before a number, and the interval each makes of it (the stage turns the class into
# numbers: "below" = [0.9 N, N], "around" = [0.9 N, 1.1 N], "above" = (N, 1.5 N],
# "at_most" = [0, N]). In this order in the pattern.
HEDGES = {
    "nearly": "below", "almost": "below", "about": "around", "around": "around", "some": "around",
    "approximately": "around", "roughly": "around", "close to": "below", "more than": "above",
    "over": "above", "at least": "above", "up to": "at_most", "less than": "at_most",
    "fewer than": "at_most", "under": "at_most", "just under": "below", "just over": "above",
    "an estimated": "around", "estimated": "around", "as many as": "at_most", "upwards of": "above",
    "at most": "at_most",
}

# ------------------------------------------------------------------------------ units

# Words after a number that make it a time or a duration, not a count of things ("three
# days", "10 am", "1320 GMT")
DURATION_UNITS = {"day", "days", "year", "years", "hour", "hours", "minute", "minutes", "month",
                  "months", "week", "weeks", "decade", "decades", "century", "centuries", "second",
                  "seconds", "am", "pm", "a.m.", "p.m.", "gmt", "utc"}
# Units that count the same things ("1,960 soldiers" = "nearly 2,000 troops"; "a 2,000-strong
# contingent"): word -> unit class. Any other unit is its own class, without a plural "s".
UNIT_SYNONYMS = {
    "troops": {"soldiers", "troops", "servicemen", "personnel", "peacekeepers", "military", "men",
               "fighters", "forces", "service", "staff", "strong", "contingent"},
    "people": {"people", "persons", "individuals"},
    "civilians": {"civilians", "residents", "inhabitants"},
    "planes": {"planes", "aircraft", "flights", "jets"},
    "villages": {"villages", "settlements", "towns", "localities"},
}
# The unit phrase after a number, up to three words, the group: "soldiers", "Russian
# peacekeepers", "of its personnel", "of the villages". Case-sensitive.
UNIT_PHRASE = r"\s+(?:of\s+(?:its|the|their|his|her)\s+)?((?:[A-Za-z][\w-]*\s*){1,3})"
# Not units: "20 of them", "20 percent" (a percentage is found by PERCENT)
NOT_UNITS = ("of", "percent")
# A word ending a unit phrase when it ends so and is no known unit: a participle ("20 killed",
# "300 wounded" count people of a predicate, not "killed" things)
PARTICIPLE_ENDING = "ed"
# The plural ending: a unit's class is the word without it ("villages" -> "village"), and a
# contradiction needs a plural count ("1320 British Prime Minister" is a live-blog time)
PLURAL_ENDING = "s"

# Words that end a unit phrase or a percentage's base, beyond STOP_WORDS: prepositions and
# the verbs that follow a count ("2,000 troops along the line", "20 were killed", "40
# percent of the debt within ...")
UNIT_END_WORDS = set("along across through toward towards per within between among against near outside inside like "
                     "worth were was are is died killed off away north south east west beyond "
                     "had have has".split())

# A currency sign before a number is its unit: "$ 30 billion in Libyan assets", "£20bn".
# sign -> unit
CURRENCY = {"$": "dollar", "us$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}
# the sign between a hedge and its figure: "at least $ 30 billion", "more than £2bn"
CURRENCY_SIGN = r"US\$|\$|£|€|¥"
CURRENCY_BEFORE = r"(US\$|\$|£|€|¥)\s*$"
# A count with no unit, followed by what happened to it: "at least 219 had died", "36 were
# killed", "nearly 850 injured": a count of people. The words after the number (group: the predicate word).
BARE_COUNT = r"\s+(?:people\s+)?(?:(?:have|had|has|were|was|are)\s+(?:been\s+)?(\w+)|(\w+ed)\b)"

# What a count of people happened to: claims with different predicates are different
# quantities ("20 killed" vs "20 injured"). word -> predicate.
PREDICATES = {
    "killed": {"killed", "dead", "died", "death", "deaths", "lives", "perished", "fatalities"},
    "injured": {"injured", "wounded", "hurt", "injuries"},
    "missing": {"missing"}, "displaced": {"displaced", "fled", "refugees", "evacuated"},
    "captured": {"captured", "detained", "arrested", "prisoners", "held"},
}

# ------------------------------------------------------------------------------ percentages

# The whole a percentage is a share of: "20 percent of Azerbaijan's territory" (the group: up
# to the end of the clause, at most 60 characters). Case-sensitive.
PERCENT_OF = r"\s+of\s+([^.;:()\n]{0,60})"
# The tokens of that whole (lower-cased): words (with apostrophes and hyphens) and commas
BASE_TOKEN = r"[\w’'-]+|[,]"
# Skipped in the whole: determiners and possessives ("of the territory" = "of territory")
BASE_SKIP = ("the", "a", "an", "its", "their", "his", "her", "all")
# Nouns for the whole of a country: "the territory of Somalia" = "Somalia's territory" =
# "Somalia"; dropped from the whole
WHOLE_NOUNS = ("territory", "land", "area")
# The word that joins a whole noun to its country ("the territory of Somalia")
OF = "of"
# Words that start a relative clause and end the whole ("of the debt, which ...")
BASE_END_WORDS = ("including", "which", "that", "who", "where", "when")
# A possessive ending, dropped from a word of the whole ("Azerbaijan's" -> "azerbaijan")
POSSESSIVE = r"[’']s$"

# ------------------------------------------------------------------------------ context words

# Words that carry no content when two claims' sentences are compared. Not the commitment
# stage's stop words (lang/en/commitments.py: determiners and short prepositions only): a
# claim's context drops reporting verbs, modals, pronouns and hedges too ("said", "would",
# "nearly"), which every sentence with a figure has.
STOP_WORDS = set("""the a an of in on at to and or with for by from its his her their has have had was were is
are be been being that this these those which who whom as it they he she we i but not no into over
under than then there here so such also more most some any all about nearly around near including
would will could should may might must can said says say according""".split())
# The letters a word starts with (Latin; lang/ru/conflicts.py adds Cyrillic)
WORD_LETTERS = "A-Za-z"

# Running tallies grow from one report to the next (casualties, cases, arrests, votes, and
# how far something has spread: "confirmed in seven countries", "in 21 states"): figures
# published days apart are an update, not a disagreement. Stems the unit starts with.
TALLY_STEMS = (r"^(?:kill|dead|death|die|fatal|casualt|injur|wound|hurt|case|infect|missing|"
               r"displac|refuge|evacu|arrest|detain|victim|toll|confirm|vote|abstent|ballot|"
               r"countr|nation|state|province|region|cit(?:y|ies)|school|hospital)")

# ------------------------------------------------------------------------------ blame

# A counter-attack answers an attack: who launched it did not start the fighting
COUNTER_ATTACK = r"counter[-\s]?(?:offensive|attack|strike)"
# "X accused Y of provocation", "blamed Y for the shelling": Y (group "obj") is named the
# aggressor
ACCUSE = (r"\b(?:accused|accuses|accusing|blamed|blames|blaming)\s+(?P<obj>(?:[\w’'-]+\s+){0,4}?)"
          r"(?:of|for)\s+(?:a\s+|an\s+|the\s+)?[“\"]?(?:[\w-]+\s+){0,2}?"
          r"(?:provocation|attack|attacks|aggression|offensive|shelling|bombardment|assault|invasion|"
          r"starting|launching|violating|violation|firing|incursion)")
# "Y (had) launched an offensive", "Y opened fire": Y (in group "subj") started it
LAUNCH = (r"(?P<subj>(?:[\w’'-]+\s+){0,5}?)(?:had\s+|has\s+|have\s+)?(?:launched|started|began|begun|initiated|"
          r"opened|unleashed|mounted)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
          r"(?:offensive|attack|assault|invasion|hostilities|war|fire|aggression|shelling|bombardment)\b")
# A saying verb before the aggressor: the party before it claims so ("The Armenian
# authorities stated that Azerbaijan launched ...")
SAYING = (r"\b(?:stated|said|says|claimed|claims|reported|announced|insisted|alleged|"
          r"accused|accuses|blamed|told)\b")
