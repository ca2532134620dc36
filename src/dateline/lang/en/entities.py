"""English entity knowledge: titles and ranks, news outlets, and the shapes of names and
source lines, as data.

dateline.entities compiles and uses them: a title before a capitalised name makes a person
("Defense Minister Zakir Hasanov"); an outlet or a byline is a source, not a story actor.
Patterns are regular-expression sources; "%s" in a source pattern stands for NAME.
"""
from __future__ import annotations

# Titles. OFFICE_HEADS and RANK_HEADS are the last word of a title, right before the name
# ("Minister" in "Defense Minister X", "General" in "Colonel General X"); an office is listed
# before a rank when a person has both. ROLE_MODIFIERS may precede a head inside a title.
OFFICE_HEADS = {
    "President", "Minister", "Premier", "Chancellor", "Secretary", "Secretary-General",
    "Commander", "Commander-in-Chief", "Ambassador", "Envoy", "Spokesman", "Spokeswoman",
    "Spokesperson", "Governor", "Mayor", "Senator", "Representative", "Speaker",
    "Chairman", "Chairwoman", "Chair", "Director", "Chief", "Head", "Leader", "King",
    "Queen", "Prince", "Princess", "Emir", "Sheikh", "Sultan", "Pope", "Patriarch", "Judge",
    "Prosecutor", "Ombudsman", "CEO", "Adviser", "Advisor", "Aide", "Assistant",
    "Commissioner", "Ayatollah", "Pastor", "Bishop", "Archbishop", "Coach", "Officer",
}
RANK_HEADS = {
    "General", "Colonel", "Lieutenant", "Major", "Captain", "Admiral", "Marshal",
    "Sergeant", "Lieutenant-General", "Major-General", "Brigadier", "Corporal", "Private",
}
ROLE_MODIFIERS = {
    "Prime", "Vice", "Deputy", "Foreign", "Defense", "Defence", "Interior", "Finance",
    "Economy", "Justice", "Health", "Education", "Energy", "Colonel", "Lieutenant", "Major",
    "Brigadier", "Chief", "First", "Acting", "Former", "Senior", "Army", "Attorney", "State",
    "Executive", "National", "Security", "Press", "Supreme", "General", "Assistant",
    "Special", "Presidential", "Military", "Police", "Rear", "Vice-President", "Opposition",
    "Parliament", "Parliamentary", "Party", "Rebel", "Top", "Trade", "Agriculture",
    "Emergency", "Emergencies", "Culture", "Transport", "Labour", "Labor", "Environment",
    "Information", "Intelligence", "Staff",
}

# well-known news outlets and agencies: always sources
OUTLETS = {
    "Trend", "Trend News Agency", "Azernews", "AzerNews", "TODAY.AZ", "Today.az", "APA",
    "Azertac", "AZERTAC", "Report.az", "Reuters", "AP", "Associated Press", "AFP",
    "Agence France-Presse", "TASS", "Tass", "RIA Novosti", "RIA", "Interfax", "Sputnik",
    "Xinhua", "Anadolu", "Anadolu Agency", "BBC", "BBC News", "CNN", "Al Jazeera",
    "Armenpress", "News.am", "Bloomberg", "The Guardian", "Guardian", "New York Times",
    "The New York Times", "Washington Post", "The Washington Post", "Euronews",
    "Daily Sabah", "GORDON", "Eurasianet", "RFE/RL", "Radio Free Europe", "JAMnews",
    "OC Media", "Kommersant", "Izvestia", "RT", "Russia Today", "TRT World", "TRT",
    "Deutsche Welle", "DW", "France 24", "Politico", "Axios", "NPR", "ABC News",
    "CBS News", "NBC News", "Fox News", "Sky News", "The Independent", "The Telegraph",
    "Financial Times", "Wall Street Journal", "The Wall Street Journal", "USA Today",
    "The Times", "Le Monde", "Der Spiegel", "Haaretz", "The Hill", "Vox", "EFE", "ANSA",
    "dpa", "DPA", "Kyodo", "Yonhap", "PTI", "IANS", "Hurriyet", "Hürriyet", "Yeni Safak",
}
# site sections that look like outlets on a header line ("Politics:", "Home / ...")
SECTION_WORDS = {"Politics", "Economy", "World", "News", "Business", "Sport", "Sports",
                 "Society", "Analytics", "Opinion", "Region", "Culture", "Home", "Video",
                 "Photo", "Interview", "Print version", "Latest", "Update", "UPDATE"}
# outlets that are also common words or other names, matched only in source positions
# ("Trend reports"), never anywhere in running text ("a trend", "the Guardian" of a gate)
OUTLETS_NOT_IN_TEXT = ("Guardian", "Trend", "RIA")
# one-word names that are also common English words yet stay names ("Trend" the agency)
COMMON_WORD_NAMES = ("trend",)

# a capitalised name: capitalised words and the particles names carry ("Osama bin Laden")
NAME = r"[A-Z][\w.&'’-]*(?:[ \t]+(?:[A-Z][\w.&'’-]*|of|de|van|von|al|bin))*"
# "By Marta Reis" or "By Marta Reis, Iberia Press" on a line of its own (%s is NAME)
SRC_BYLINE = (r"(?m)^[ \t]*By[ \t]+(%s)(?:[ \t]*,[ \t]*([A-Z][\w.&'-]*(?:[ \t]+[A-Z][\w.&'-]*){0,3}))?"
                         r"[ \t]*$")
# "Trend:" on a line of its own
SRC_LABEL_LINE = (r"(?m)^[ \t]*([A-Z][\w.&-]{1,30}(?:[ \t]+[A-Z][\w.&-]+){0,2})[ \t]*:[ \t]*$")
# "LISBON, March 4" before an agency in brackets
DATELINE_HEAD = (r"[ \t]*[A-Z][A-Za-z.'-]+(?:[ \t]+[A-Z][A-Za-z.'-]+){0,3}"
                            r"(?:[ \t]*,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:[ \t]*,[ \t]*\d{4})?)?"
                            r"[ \t]*$")
# "/ APA /"
SRC_SLASHED = (r"/[ \t]*([A-Z][\w.&-]{1,30})[ \t]*/")
# "BAKU (AFP) -": an agency in brackets near the start of a line
SRC_PAREN = (r"(?m)^[^\n(]{0,40}\(([A-Z][\w .&/-]{1,25})\)[ \t]*[-—–:]?")
# "Trend reports", "APA informs, citing ...": an outlet and a reporting verb (%s is NAME)
SRC_VERB = (r"\b(%s)[ \t]+(?:reports|reported|informs|informed|writes|wrote|says|said|quoted)"
    r"(?P<cite>[ \t,]+(?:citing|referring|quoting|with reference|according))?")
# "according to Reuters", "told AFP" (%s is NAME)
SRC_ACCORDING = (r"\b(?:according to|citing|told|quoted by|reported by|via)[ \t]+"
                            r"(?:the[ \t]+)?(%s)")
# an outlet's domain ("Report.az", "News.am")
SRC_DOMAIN = (r"(?<![/\w.@])([A-Z][\w-]*\.(?:AZ|az|AM|am|RU|ru|GE|ge|com|COM|net|org|info|tv|TV))\b"
    r"(?![/\w])")
# "Headline / OUTLET" on the first line
SRC_TITLE_SUFFIX = (r"[ \t][/|–—-][ \t]+([A-Z][\w.&' -]{1,40}?)[ \t]*$")

# a word ending a span that cannot end a name: the span was cut from "the Port of Lisbon"
CUT_NAME = r"[ \t](?:of|de|del|da|du|the|and|for|on)$"
# "the " at the start of a span, and a sentence-opening word before it ("Later the Defense
# Ministry said")
LEADING_THE = r"^(?:[A-Z][a-z]+[ \t]+(?=the[ \t]))?(?:the|The|THE)[ \t]+"
# a possessive at the end of a span ("Aliyev's", "Reuters'")
POSSESSIVE = r"(?:['’]s|['’])$"
# how a demonym (a nationality adjective spaCy may call a person) ends: "Azerbaijani", "Armenians"
DEMONYM_END = r"(?:i|is|ian|ians|an|ans|ese|ish|ean|eans|ic)$"
# an organisation name ending in a word that joins it to a following place ("Ministry of
# Defense of the" + "Republic of Azerbaijan")
ORG_JOINER_END = r"\b(?:of|of the|for|for the|and|in)$"
# a long form before its acronym: "Collective Security Treaty Organization (CSTO)"
ACRONYM_DEFINITION = (r"((?:[A-Z][\w-]*[ \t]+(?:(?:of|for|and|the|on)[ \t]+)*){1,8}"
                      r"[A-Z][\w-]*)[ \t]*\(([A-Z]{2,8})\)")
# the article an organisation key drops ("the Defense Ministry" = "Defense Ministry"; keys
# are lower case)
ORG_ARTICLE = r"^the\s+"
# British spellings folded to American ones in organisation keys ("Defence Ministry")
SPELLING = {"defence": "defense", "organisation": "organization", "programme": "program",
            "centre": "center", "labour": "labor"}
# "ministry of defense" -> "defense ministry": the kinds of body written both ways
OF_FORM = (r"^(?P<pre>.*?)\b(?P<kind>ministry|department|office|council|committee)"
           r"\s+(?:of|for)\s+(?:the\s+)?(?P<x>[^\W\d_][\w' -]*)$")

# --- what the entity stage reads as sources, junk and name shapes (issue 15) ----------------

# Journalists' roles in a broadcast transcript's speaker tag ("NIC ROBERTSON, CNN SENIOR
# INTERNATIONAL CORRESPONDENT:", "HOWARD KURTZ, HOST:") or before a name ("correspondent Ben
# X"): the person is the outlet's voice, a source, not a story actor. (Guests' tags --
# "FOX NEWS CONTRIBUTOR", "FORMER IAEA DIRECTOR" -- are actors and are not listed.)
JOURNALIST_ROLES = ("host", "co-host", "anchor", "correspondent", "reporter", "producer")
# a speaker tag naming a journalist: NAME, then anything up to a journalist role, then ":"
SRC_SPEAKER_ROLE = (r"(?m)^[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3})[ \t]*,[ \t]*"
                    r"[^:\n]{0,60}?\b(?i:%s)\b[^:\n]{0,30}:" % "|".join(JOURNALIST_ROLES))
# "correspondent Ben Wedeman", "CNN's Nic Robertson" (%s: the outlet alternatives): two or
# three capitalised words after a journalist's role or an outlet's possessive
_PERSON2 = r"([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2})"
SRC_ROLE_BEFORE = r"\b(?i:%s)s?[ \t]+%s" % ("|".join(JOURNALIST_ROLES), _PERSON2)
SRC_OUTLET_POSSESSIVE = r"(?<![\w.])(?:%s)[ \t]?['’]s[ \t]+" + _PERSON2
# a one-word speaker tag at the start of a line ("PALIN: ..."): a person's surname in capitals
SPEAKER_TAG = r"[ \t]*:"

# time-zone stamps of page headers ("22.49 BST", "1:53 pm EST", "ET Obama" in a live page):
# never a name, and never the first word of one
TIME_ZONES = {"BST", "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT",
              "ET", "PT", "CT", "MT", "CET", "CEST", "EET", "EEST", "IST", "JST", "AEST",
              "AEDT", "HKT", "SGT", "MSK", "WAT", "CAT", "EAT", "AST", "ADT"}
# page boilerplate that NER reads as an organisation ("CNN's Terms of Service"): no entity
BOILERPLATE_NAMES = {"Terms of Service", "Terms of Use", "Privacy Policy", "Privacy Statement",
                     "Rules of Conduct", "Community Guidelines", "Cookie Policy",
                     "Terms and Conditions", "Terms & Conditions", "Ad Choices", "AdChoices"}
# honorifics and abbreviated titles before a name ("Mr Hayward", "Dr. Murray", "Pres Obama"):
# dropped from the name, so the surname joins the full name
HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Mr.", "Mrs.", "Ms.", "Dr", "Dr.", "Prof", "Prof.",
              "Pres", "Pres.", "Gov", "Gov.", "Sen", "Sen.", "Rep", "Rep.", "Rev", "Rev.",
              "Gen", "Gen.", "Col", "Col.", "Lt", "Lt.", "Sgt", "Sgt.", "Capt", "Capt.",
              "Adm", "Adm.", "Sir", "Dame", "Lord", "Lady", "Sheik", "Mme", "M."}
# the brackets of Penn-Treebank-tokenised text ("Barack -RRB- Obama"): never part of a name
PTB_BRACKET = r"^-[LR][RCS]B-$"
# words a legal form ends a company's name with ("BP Plc", "Transocean Ltd"): the name
# without them is the same company (lower case, as organisation keys are)
CORPORATE_SUFFIXES = {"plc", "inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.",
                      "llc", "co", "co.", "sa", "s.a.", "ag", "nv", "n.v.", "se", "spa",
                      "s.p.a.", "lp", "l.p.", "limited", "incorporated"}
# words before a name that say it is a place ("in Brega", "outside Ras Lanuf", "along the
# Gulf Coast"): a name that never has one is no place (Halliburton, Transocean)
# ("at", "on", "from", "to" are left out: "works at Halliburton", "asks Transocean to")
LOCATIVE_WORDS = {"in", "near", "into", "outside", "inside", "across", "around",
                  "toward", "towards", "throughout", "within", "beyond",
                  "along", "off", "between", "reached", "entered", "captured",
                  "seized", "retook", "shelled", "bombed", "visited", "liberated"}
# how far two forms of one surname may be spelled apart and still be one name (Gaddafi,
# Gadhafi, Qaddafi, Khadaffi; Muammar, Moammar): letters folded to one skeleton, pairs
# of (from, to) applied in order to the lower-case, unaccented word
SKELETON_RULES = (("kh", "k"), ("q", "k"), ("ph", "f"), ("y", "i"), ("o", "u"), ("e", "i"))
# a skeleton is only trusted for words of at least this many letters
SKELETON_MIN = 5
# words that say a name is a thing -- a vessel, a rig, a storm, a speech, a disaster -- not a
# person or an organisation (entity type "other"). Before the name they name it ("the rig
# Deepwater Horizon", "tropical storm Alex"): every mention of that name in the document is
# the thing. After it (with at most one lower-case word between: "the Deepwater Horizon oil
# rig", "the State of the Union address") they only vote: "the BP oil spill" does not make BP
# a spill, so the corpus needs OTHER_SHARE of the mentions (settings) to call it a thing.
THING_NOUNS_BEFORE = ("rig", "ship", "vessel", "tanker", "freighter", "ferry", "yacht",
                      "submarine", "frigate", "destroyer", "carrier", "storm", "hurricane",
                      "typhoon", "cyclone", "satellite", "spacecraft")
THING_NOUNS_AFTER = ("rig", "rigs", "platform", "spill", "spills", "disaster", "explosion",
                     "blast", "sinking", "speech", "address", "tanker", "ship", "vessel",
                     "storm", "hurricane")
