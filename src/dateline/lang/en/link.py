"""English for cross-document linking (dateline.link): which words say what happened.

Linking compares event mentions by their content words' 5-letter stems (``lang.common.stem``)
and by event classes; the tables here say which words carry no content, which name the same
kind of happening, and which clause shapes make an event background to its sentence.
"""
from __future__ import annotations

from .calendar import MONTH_NAMES

# Words two sentences share whatever happened: function words, reporting verbs, numbers and
# time words ("said", "two", "day"). Not the timeline's STOPWORDS (lang/en/timeline.py): this
# list was written for linking (it has "according", "reports", "today", "yesterday", and not
# the pronouns "me"/"my"/"you"), and the link thresholds were measured with it.
STOP_WORDS = frozenset("""the a an of in on at to and or with for by from its his her their has
have had is are was were be been being this that these those as it he she they we which who whom
whose also after before during between into over under about than then there here not no but so
such said says say according reports reported told will would could may might should can two
three one some all any other others more most very only just well both each many much new last
first year years day days month months week weeks time today yesterday""".split())

# Event classes: words (taken as 5-letter stems) that name the same kind of happening, so
# "a complete ceasefire ... is introduced" and "the two countries signed a Russia-brokered
# agreement" meet (truce), and "shelling" meets "attacked" (fight). One string of words per
# class; a word may be in several classes ("peace": truce and deploy). "state" (saying
# something) is a class of triggers only: a sentence's words of saying are no evidence.
EVENT_CLASSES = {
    "truce": "cease ceasefire truce armis agree accor deal treat sign signe signi decla "
             "peace",
    "fight": "attac clash fight hosti offen count war confl erupt broke launc kill injur "
             "shell bomba invad invas battl strik comba",
    "meet": "meet meeti met talks discu conve call phone summi visit negot deleg",
    "withdraw": "withd vacat leave left pullo retur liber hando enter took contr evacu "
                "captu seize retak",
    "deploy": "deplo peace troop sent send arriv dispa",
    "state": "said state annou decla claim stres repor",
    "disaster": "quake earth tremo tsuna flood hurri cyclo typho torna lands mudsl volca "
                "droug wildf",
}

# Light verbs (lemmas): "is", "has been", "began" name no happening of their own, so two
# mentions sharing one are one happening only when their sentences share words or a
# participant (SETTINGS.link.LIGHT_VERB_WORDS): Timeline17's top-30 review found "is"/"be"
# sentences and "began" (the unrest, a revolution, a snowstorm) of one day as one event.
LIGHT_VERBS = frozenset("""be have do get go come begin start continue remain become seem
""".split())

# Verbs of reacting to an event (regular-expression sources matched at the start of the
# lower-cased trigger): their sentence names the event without being it ("the EU welcomed the
# agreement" is news about the agreement). Stems, so "welcomed"/"welcomes" both match;
# "critici[sz]" takes both spellings, "decr[iy]" decries/decry.
REACTION_VERBS = ("welcom", "condemn", "prais", "critici[sz]", "hail", "reject", "denie", "deny",
                  "applaud", "deplor", "slam", "decr[iy]", "lament", "mourn", "congratulat")

# A time expression that states its year (regular-expression source, case-insensitive): a
# four-digit year of 1500..2099, an abbreviated one ("'05", "’05"), or the word "year" ("last
# year", "this year"). A day named with one of these had no year to guess.
YEAR_STATED = r"\b(?:1[5-9]|20)\d\d\b|['’]\d\d\b|\byear\b"

# A day named by its month without a year ("September 11", "25 June", "the 7th of July"),
# whose year the tagger had to choose (regular-expression source, case-insensitive; a weekday
# or "yesterday" is anchored to the article's own date: no choice of year). The month is its
# name's first three letters: "jan" .. "dec".
MONTH_PREFIXES = "|".join(m[:3] for m in MONTH_NAMES)
MONTH_DAY_ONLY = (r"\b(?:" + MONTH_PREFIXES + r")[a-z]*\.?\s*\d"          # "September 11"
                  r"|\d\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + MONTH_PREFIXES + ")")  # "25 June"

# Clause shapes that make the event of a trigger background to its sentence's own news ("...
# the third cargo to leave Libya since the rebellion began in February"); all matched as whole
# words, case-insensitively.
# subordinators opening an adverbial clause
SUBORDINATORS = ("since", "before", "after", "until", "till", "when", "while", "as", "once")
# relative pronouns opening a relative clause ("a strike that had paralysed the port")
RELATIVE_PRONOUNS = ("that", "which", "who", "whose")
# words just before "that" which make it a report's complement, not a relative pronoun
# ("officials said that troops withdrew", "it is likely that ..."); regular-expression sources
# ("believed?" is believe/believed)
REPORT_BEFORE_THAT = ("said", "says", "say", "announced", "reported", "added", "told", "stated",
                      "noted", "claimed", "confirmed", "insisted", "warned", "believed?",
                      "thinks?", "thought", "knew", "know", "hoped?", "feared?", "agreed",
                      "denied", "argued", "explained", "stressed", "showed", "shows", "clear",
                      "likely", "possible", "sure")

# Trigger words that name the same happening (synonyms, and nouns with the verb they derive
# from): the trigger's lemma (spaCy's lemma tables, see dateline.link) is looked up here, so
# "killed" meets "death" and "quake" meets "earthquake". One string per group, lemmas
# separated by spaces. A lemma may be in several groups ("strike": attack and hit); two
# triggers meet when their groups intersect.
# General news vocabulary, not the words of any one story: each group is a set of words a
# reporter uses interchangeably for one happening.
TRIGGER_SYNONYMS = (
    "die death dead kill killing murder slay fatality fatal",
    "earthquake quake tremor temblor aftershock",
    "shoot shooting shot gunfire",
    "arrest detain detention apprehend custody nab capture",
    "injure injury wound hurt",
    "explode explosion blast bomb bombing detonate",
    "attack assault raid strike",
    "fire dismiss dismissal sack oust ouster",
    "resign resignation quit step",
    "hire appoint appointment name",
    "buy acquire acquisition purchase takeover",
    "sell sale",
    "marry marriage wedding wed",
    "divorce split",
    "crash collision collide",
    "steal theft rob robbery heist burglary",
    "elect election vote",
    "win victory",
    "lose loss defeat",
    "launch release unveil introduce introduction",
    "announce announcement",
    "rescue save",
    "flee escape",
    "capture seize seizure",
    "charge indict indictment",
    "convict conviction",
    "sentence sentencing",
    "sue lawsuit",
    "investigate investigation probe inquiry",
    "protest demonstration demonstrate rally march",
    "meet meeting summit talk",
    "visit trip",
    "sink sinking",
    "erupt eruption",
    "flood flooding",
    "evacuate evacuation",
    "treat treatment",
    "hospitalize hospitalization",
    "rehab rehabilitation",
    "check enter admit admission",
    "leave departure depart exit",
    "arrive arrival",
    "return comeback",
    "retire retirement",
    "nominate nomination",
    "fail failure",
    "collapse fall",
    "burn blaze",
    "hijack hijacking",
    "kidnap abduct abduction kidnapping",
    "free release",
    "negotiate negotiation",
    "agree agreement accord deal",
    "invade invasion",
    "withdraw withdrawal pullout",
    "deploy deployment",
    "sign signing",
    "propose proposal",
    "replace replacement succeed",
    "hit strike",
    "score goal",
    "beat defeat",
    "perform performance play",
    "destroy destruction damage devastate demolish raze wreck",
    "thwart foil prevent repel repulse",
    "overturn reverse repeal rescind revoke",
    "riot unrest",
    "retain defend defense defence",
)
