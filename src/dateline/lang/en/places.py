"""English place words: what the gazetteer knows of how English writes about places, as data.

Lists of words that make or unmake a place match in running text (prepositions before a place,
place-type nouns after one, words that are towns somewhere but rarely mean them), the English
aliases of countries the place data lacks, nationality adjectives (demonyms) and the shapes of
place tokens. dateline.gazetteer compiles and uses them; the database is built with them (see
gazetteer.build: a change to STOP_WORDS_SMALL, NOT_PLACES or COMMON_WORDS takes effect in a new
cache, BUILD_VERSION).
"""
from __future__ import annotations

import re

from .calendar import MONTH_NAMES, WEEKDAY_NAMES

# Extra English aliases for countries (ISO2 -> aliases); the Russian ones are in
# lang/ru/places.COUNTRY_ALIASES.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    'US': ('U.S.', 'US', 'USA', 'U.S.A.', 'United States of America', 'America', 'the States'),
    'GB': ('UK', 'U.K.', 'Britain', 'Great Britain'),
    'RU': ('Russian Federation',),
    'AZ': ('Republic of Azerbaijan', 'Azərbaycan'),
    'AM': ('Republic of Armenia', 'Hayastan'),
    'TR': ('Türkiye', 'Turkiye', 'Republic of Turkey'),
    'IR': ('Islamic Republic of Iran', 'Persia'),
    'CZ': ('Czech Republic',),
    'NL': ('Netherlands', 'Holland'),
    'CI': ("Côte d'Ivoire", "Cote d'Ivoire"),
    'CD': ('DR Congo', 'DRC', 'Congo-Kinshasa'),
    'CG': ('Congo-Brazzaville',),
    'MM': ('Burma',),
    'MK': ('Macedonia',),
    'SZ': ('Swaziland',),
    'TL': ('East Timor', 'Timor-Leste'),
    'PS': ('Palestine', 'Palestinian territories'),
    'VA': ('Vatican City', 'Holy See'),
    'KR': ('Republic of Korea',),
    'KP': ('DPRK',),
    'CN': ("People's Republic of China",),
    'AE': ('UAE', 'U.A.E.'),
}

# A match of a city that is not strong on its own needs one of these around it.
LOCATIVE_BEFORE = {
    "in", "at", "from", "to", "near", "into", "outside", "inside", "across", "around",
    "toward", "towards", "via", "through", "throughout", "between", "within", "beyond",
    "reached", "entered", "vacate", "vacated", "liberated", "captured", "leave", "left",
    "visited", "visit", "shelled", "of",  # "of" only counts after a place noun, see below
}
PLACE_NOUNS_BEFORE_OF = {
    "city", "town", "village", "capital", "region", "district", "province", "outskirts",
    "mayor", "governor", "residents", "centre", "center", "streets", "suburbs", "port",
    "municipality", "county", "state", "territory", "area", "settlement",
}
PLACE_SUFFIXES = {
    "district", "districts", "region", "regions", "city", "town", "village", "province",
    "corridor", "area", "rayon", "oblast", "county", "governorate", "municipality",
    "territory", "valley", "border", "airport", "highway", "direction", "front",
}
# A state named after a famous city of its own ("New York"; "Moscow" and "Mexico City" are
# seats in the gazetteer already) means the city in news unless the text writes it as the
# state: after a town and a comma ("Rochester, New York"), after one of these words
# ("upstate New York") or before one of STATE_WORDS_AFTER ("New York State")
STATE_WORDS_BEFORE = {"upstate", "downstate", "western", "eastern", "northern", "southern",
                      "central", "rural", "state", "governor", "gov.", "legislature"}
STATE_WORDS_AFTER = {"State", "state", "Governor", "governor", "Legislature", "legislature",
                     "Assembly", "Senate"}
# How English news respells a town whose gazetteer names are transliterations (Arabic
# above all): the article left off ("Brega" for El-Brega, "Khoms" for Al-Khoms) and a doubled
# consonant written single ("Bin Jawad" for Bin Jawwad). gazetteer.loose_candidates tries
# these respellings only for a name the corpus uses as a place and the gazetteer lacks.
ARTICLE_PREFIXES = ("Al-", "El-", "Al ", "El ", "Ad-", "Ar-", "As-", "Az-", "Ash-")
DOUBLED_LETTERS = "bdfgklmnprstwz"
# lower-case words that may stand inside a multi-word place name
CONNECTORS = {"of", "de", "del", "la", "le", "du", "da", "and", "the", "upon", "on", "el",
              "al", "am", "an", "der", "di", "y", "i", "au", "aux", "en", "sur", "sous",
              "les", "lès", "do", "dos", "das", "e", "im", "bei", "ad", "ar", "as", "ash"}

COUNTRY_MODIFIERS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "upper", "lower", "greater", "occupied", "independent", "soviet", "modern",
    "rural", "mainland", "neighbouring", "neighboring", "visit", "in", "from", "to",
    "with", "and", "against", "about", "across", "for", "president", "presidents",
}


# names that are towns somewhere but in news text are nearly always something else
NOT_PLACES = {
    "Congress", "Parliament", "Senate", "White House", "Capitol Hill", "Pentagon",
    "Red Cross", "Google", "Apple", "Amazon", "Mercedes", "Carrefour", "Markit", "The Post",
    "God", "War", "Arab", "Roman", "Port", "Bab", "Obama", "Annan", "Bush", "Clinton",
    "Trump", "Biden", "Putin", "Assad", "Gaddafi", "Mubarak", "Jackson", "Lincoln", "Dan",
    "Kuna", "Bon", "Ward", "Sparks", "Union", "Republic", "Democrat", "Liberal", "Labour",
    "Conservative", "Christian", "Muslim", "Islam", "Jesus", "Christ", "Allah", "Mass",
    "Police", "Army", "Navy", "Marine", "Marines", "Reuters", "Tass", "Trend", "Media",
    "Twitter", "Facebook", "Internet", "Euro", "Dollar", "Mayor", "General", "Colonel",
    # nationality and language adjectives that do not start with their country's name (the
    # others are caught as demonyms): "Spanish ports" is not Spanish, Ontario
    "Spanish", "French", "Dutch", "Swiss", "Greek", "Welsh", "Irish", "English", "British",
    "Scottish", "Danish", "Swedish", "Finnish", "Polish", "Thai", "Flemish", "Cornish",
    "Basque", "Catalan", "Breton", "Maltese", "Filipino", "Lao", "Kurdish", "Arabic",
}

# words that are never a one-word place in running text (a town called "May" or "Of" exists
# somewhere): the months and weekdays, compass points, place-type nouns and function words
STOP_WORDS_SMALL = {
    *MONTH_NAMES, *WEEKDAY_NAMES,
    "north", "south", "east", "west", "northeast",
    "northwest", "southeast", "southwest", "northern", "southern", "eastern", "western",
    "central", "city", "town", "state", "county", "river", "lake", "mount", "island",
    "of", "most", "even", "many", "more", "such", "same", "also", "the", "a", "an", "and",
    "or", "but", "is", "was", "be", "as", "at", "by", "for", "from", "in", "into", "on",
    "to", "with", "all", "any", "some", "no", "not", "only", "own", "so", "than", "too",
    "very", "can", "will", "just", "should", "now", "one", "two", "three", "new", "old",
    "after", "before", "during", "since", "until", "about", "over", "under", "again",
    "then", "once", "here", "there", "when", "where", "why", "how", "both", "each", "few",
    "other", "nor", "per", "via", "de", "la", "le", "el", "al", "said", "says", "may",
    "might", "must", "would", "could", "first", "last", "next", "made", "make", "well",
    "back", "still", "way", "best", "good", "great", "little", "long", "high", "early",
}

# common English words WordNet's lemma index (gazetteer._english_words) lacks in this form: a
# one-word town of that name needs a place context ("Nice", "Most", "Victory")
COMMON_WORDS = {"most", "of", "nice", "even", "many", "more", "such", "same", "also", "said",
                "says", "say", "news", "today", "video", "photo", "print", "views", "read",
                "politics", "economy", "world", "society", "sport", "sports", "business",
                "update", "victory", "peace", "union", "liberty", "independence", "hope",
                "unity", "progress", "friendship", "justice", "freedom", "president",
                "general", "trend", "colonel", "minister", "ministry", "defense", "defence"}

# A nationality adjective names its country ("Armenian troops", "Russian peacekeepers").
# Most begin with the country's name less its last letter or two ("Armenia" -> "Armenian",
# "Azerbaijan" -> "Azerbaijani", "Turkey" -> "Turkish"); these do not (or would be taken for
# another country's), and GeoNames has no demonyms. Lower case -> the country's name.
IRREGULAR_DEMONYMS = {
    "turkish": "Turkey", "french": "France", "british": "United Kingdom", "dutch": "Netherlands",
    "swiss": "Switzerland", "greek": "Greece", "danish": "Denmark", "swedish": "Sweden",
    "polish": "Poland", "finnish": "Finland", "irish": "Ireland", "spanish": "Spain",
    "german": "Germany", "chinese": "China", "japanese": "Japan", "israeli": "Israel",
    "iraqi": "Iraq", "pakistani": "Pakistan", "afghan": "Afghanistan", "thai": "Thailand",
    "american": "United States", "u.s.": "United States", "us": "United States",
    "vietnamese": "Vietnam", "lebanese": "Lebanon", "sudanese": "Sudan", "yemeni": "Yemen",
    "saudi": "Saudi Arabia", "emirati": "United Arab Emirates", "qatari": "Qatar",
    "kuwaiti": "Kuwait", "omani": "Oman", "filipino": "Philippines", "welsh": "Wales",
    "scottish": "Scotland", "english": "England", "norwegian": "Norway", "belgian": "Belgium",
    "serbian": "Serbia", "croatian": "Croatia", "bosnian": "Bosnia and Herzegovina",
    "ukrainian": "Ukraine", "georgian": "Georgia", "iranian": "Iran", "syrian": "Syria",
    "egyptian": "Egypt", "ethiopian": "Ethiopia", "eritrean": "Eritrea", "somali": "Somalia",
    "kosovar": "Kosovo", "moldovan": "Moldova", "belarusian": "Belarus", "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan", "tajik": "Tajikistan", "kyrgyz": "Kyrgyzstan", "turkmen": "Turkmenistan",
    "nigerien": "Niger", "nigerian": "Nigeria", "malagasy": "Madagascar", "burmese": "Myanmar",
    "ivorian": "Ivory Coast", "congolese": "Democratic Republic of the Congo",
    "portuguese": "Portugal", "maltese": "Malta", "cypriot": "Cyprus", "icelandic": "Iceland",
    "peruvian": "Peru", "argentine": "Argentina", "argentinian": "Argentina",
    "palestinian": "Palestine", "sri lankan": "Sri Lanka", "sinhalese": "Sri Lanka",
    "czech": "Czechia", "new zealander": "New Zealand", "south african": "South Africa",
    "south korean": "South Korea", "north korean": "North Korea", "kiwi": "New Zealand",
}
# how a regular demonym ends ("Armenian", "Azerbaijani", "Chinese", "Turkish", "Canadien")
DEMONYM_END = r"(?:i|ian|an|ese|ish|ean|ic|ien)$"
# a word that may be a demonym: capitalised, at least four letters
DEMONYM_WORD = r"[A-Z][a-z]{3,}"

# a token of running text for place matching: an initialism ("U.S.") or a word, with inner
# apostrophes ("Cote d'Ivoire") but not a possessive "'s"
TOKEN = r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*"
# a name as looked up: without a leading "the" and a possessive "'s" ("the Gaza Strip's")
NAME_VARIANT = r"^(?:the\s+)?(.+?)(?:'s|’s)?$"

# letters of the alternate names worth keeping from the place data (Latin with accents;
# lang/ru/places adds Cyrillic): capitals a name may start with, letters, lower-case letters
UPPER_LETTERS = "A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ"
LETTERS = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
LOWER_LETTERS = "a-zà-öø-ÿ"
# punctuation inside a place name ("Cote d'Ivoire", "Nagorno-Karabakh", "St. Petersburg")
NAME_PUNCTUATION = "'’ʻ`\\-. "

# lookup() variants of a name the data lacks as written: abbreviated words spelled out
# ("Platte Co." -> "Platte County", "Ft. Benning" -> "Fort Benning"), and place-type words that
# the data's names leave off (also dropped, like PLACE_SUFFIXES: "Jackson Township")
NAME_ABBREVIATIONS = {"Co.": "County", "Twp.": "Township", "Mt.": "Mount", "Ft.": "Fort",
                      "St.": "Saint", "Pt.": "Point"}
LOOKUP_SUFFIXES = {"township", "twp.", "borough"}

# the word that ends a county's name ("DeKalb County", "Rapides Parish"): without it the
# name is looked up (never matched in running text) as the county, ranked below a town
COUNTY_WORD = re.compile(r"\s+(?:County|Parish|Borough|Census Area|City and Borough)$")

# US state abbreviations as news writes them (AP style, with the common variants), by postal
# code; the postal codes themselves come from the place data and are looked up, never matched
# in running text ("IN", "OR", "ME" are words). AP spells out Alaska, Hawaii, Idaho, Iowa,
# Maine, Ohio, Texas and Utah.
STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."),
    "CO": ("Colo.",), "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.",),
    "FL": ("Fla.",), "GA": ("Ga.",), "IL": ("Ill.",), "IN": ("Ind.",), "KS": ("Kan.", "Kans."),
    "KY": ("Ky.",), "LA": ("La.",), "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",),
    "MN": ("Minn.",), "MS": ("Miss.",), "MO": ("Mo.",), "MT": ("Mont.",), "NE": ("Neb.", "Nebr."),
    "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",), "NM": ("N.M.", "N.Mex."),
    "NY": ("N.Y.",), "NC": ("N.C.",), "ND": ("N.D.", "N.Dak."), "OK": ("Okla.",),
    "OR": ("Ore.", "Oreg."), "PA": ("Pa.", "Penn."), "RI": ("R.I.",), "SC": ("S.C.",),
    "SD": ("S.D.", "S.Dak."), "TN": ("Tenn.",), "VT": ("Vt.",), "VA": ("Va.",),
    "WA": ("Wash.",), "WV": ("W.Va.", "W. Va."), "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}
