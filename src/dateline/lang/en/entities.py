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
