"""English for the timeline (dateline.timeline) and for how a sentence is shown (dateline.text).

Regular-expression sources, compiled by the stage that uses them (the flags are noted with
each: "case-insensitive" = compiled with re.I). The corpora are news pages as scraped: a
sentence may open with a page's time stamp or wire dateline, a reader comment's header or a
live page's update stamp, and a corpus carries comment threads and chronologies; these
patterns tell those apart from prose.
"""
from __future__ import annotations

from .calendar import MONTH_ABBREVIATIONS, MONTHS

# --- words ------------------------------------------------------------------------------------

# A word, for TF-IDF similarity: letters and digits, with inner hyphens and apostrophes kept
# ("Nagorno-Karabakh", "don't" are one word each).
TOKEN = r"[^\W_]+(?:[-'][^\W_]+)*"

# Words that say nothing about what a sentence is about (TF-IDF similarity, the content words
# of a summary sentence): English function words, reporting verbs ("said", "told"), Penn
# Treebank bracket tokens (T17's text is PTB-tokenised: "-LRB-" -> "lrb"), the pieces of
# split clitics ("s", "t") and time words. Not linking's STOP_WORDS (lang/en/link.py): a
# different list, with the pronouns and "lrb", ..., and the TLS figures were measured with it.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours said says say told one two would
lrb rrb lsb rsb lcb rcb s t mr mrs ms new also year years last week day time
""".split())

# --- sentence shapes --------------------------------------------------------------------------

# A sentence ends with closing punctuation, perhaps inside quotes or brackets ('." ', '.)',
# PTB's "''" and "-RRB-"); a headline does not ("Giant container ship blocks the Suez Canal").
SENTENCE_END = r"[.!?…][\"'”’)\]]*\s*(?:''|-RRB-)?\s*$"

# Chatter: a reader comment or a columnist's aside rather than a report. Quotations are
# removed first (QUOTED: PTB ``...'', "...", “...”, each possibly unclosed at the end), so a
# quoted "We will fight on" inside a report is not chatter. Then a question or exclamation
# mark, or a first/second-person word ("I", "you", "your", "my", "we", "our", "me", "lol"),
# is; lower-case "us" only, as "US" is the country. Case-sensitive.
QUOTED = r"``.*?(?:''|$)|\".*?(?:\"|$)|“.*?(?:”|$)"
CHATTER = (r"[?!]|\b(?:I|[Yy]ou|[Yy]our|[Yy]ours|[Mm]y|[Ww]e|[Oo]ur|us|me|lol)\b"
           r"|\b(?:I|[Yy]ou|[Ww]e)['’]")   # "I'm", "you're", "we've"

# A reader comment's header, a breadcrumb or a menu (case-insensitive): "... wrote :",
# "posted/reply/permalink ... 12:45", or " | " between words (no prose has a bar).
COMMENT = (r"\bwrote\s*:|\b(?:posted|reply|permalink)\b.{0,40}\d{1,2}:\d{2}"
           r"|\s\|\s")

# A bracketed aside: a currency conversion ("-LRB- # 1.57 bn -RRB-"), a ticker, an update
# stamp, an agency credit ("( Reuters )"); PTB brackets or plain ones, at most 80 characters.
ASIDE = r"\s*(?:-LRB-|\()[^()]{0,80}?(?:-RRB-|\))"

# A day only dates a thing named in passing (case-sensitive; matched on the 80 characters
# before the day): a preposition, a determiner, up to three words and a participle ("under the
# joint statement signed on November 10", "of the agreement reached on ..."), or "dated".
ATTRIBUTE_BEFORE = (r"\b(?:under|of|in|by|with|to|from|per|following|after|since|"
                    r"within|about|on)\s+(?:the|a|an|its|their|this|that)\s+"
                    r"(?:[\w-]+\s+){0,3}(?:[a-z]+ed|signed|made|held|set|reached|"
                    r"dated)\s+(?:on\s+)?$"
                    r"|\bdated\s+$")   # "the joint statement ... dated November 10"

# --- time stamps ------------------------------------------------------------------------------

# A clock time: "4:32", "10.31 am", "2:30 a.m." (case-insensitive where it is used so).
CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"
# A four-digit year of 1800..2099 (a stamp states its year).
YEAR = r"\b(?:1[89]|20)\d{2}\b"
# After a day: its clock time, perhaps "updated at" (case-insensitive).
CLOCK_AFTER = r"\s*[,-]?\s*(?:(?:last\s+)?updated\s+)?(?:at\s+)?" + CLOCK
# After a stamp's day, a comma and a lower-case word: the clause goes on ("June 28 , 2011 ,
# witnesses said"), so the day is prose.
CLAUSE_GOES_ON = r"\s*,\s*[a-z]"
# What follows a stamp (case-insensitive): its clock time, then a time zone ("BST"), a
# comment's "| Reply", "wrote", "retweet", "this comment".
STAMP_AFTER = (r"\s*[,-]?\s*(?:(?:last\s+)?updated\s+)?(?:at\s+)?(?:" + CLOCK + r")?\s*"
               r"(?:(?-i:[A-Z]{2,5})\b|\||reply\b|wrote\b|retweet\b|this comment\b"
               # a comment header's user name: "At 16:12 29th Apr 2009 , jenny wrote :"
               r"|,\s*[^\s,]{1,40}(?:\s+[^\s,]{1,40})?\s+wrote\s*:)")
# What comes before one (case-insensitive): nothing but a place or byline and a bar, a clock
# time, "Posted (by X) (on)", "Page last updated", a weekday.
STAMP_BEFORE = (r"^\W*(?:[^|]{0,40}\|\s*)?(?:(?:page\s+)?(?:last\s+)?"
                r"(?:posted|updated|published)(?:\s+by\s+[^|.]{1,40}?)?\s*:?\s*"
                r"(?:on\s+)?)?(?:at\s*)?"
                r"(?:" + CLOCK + r"\s*(?:(?-i:[A-Z]{2,4})\s*)?(?:time\s*)?,?\s*"
                r"(?:on\s+)?)?(?:(?-i:[A-Z][a-z]{2,8})\s*,?\s*)?$")

# A publishing credit (case-insensitive): the page speaking of itself ("A version appeared on
# p6 of the Main section of the Guardian on Saturday 2 May 2009", "This article was published
# on September 14th , 2008", "This clip ... was first broadcast on 26 May 2010").
CREDIT = (r"^\W*(?:this|a\s+version|the\s+(?:article|story|clip|video|report))\b[^.]{0,80}?"
          r"\b(?:was\s+|were\s+|is\s+)?(?:first\s+)?(?:published|broadcast|appeared|"
          r"printed|posted)\b")

# A wire-service dateline and time stamp opening a lead sentence ("NEW YORK | Mon Apr 27 ,
# 2009 11:34 pm BST NEW YORK -LRB- Reuters -RRB- - Fears ...") or a comment header:
# [PLACE |] [Weekday] Month day / day Month , year [clock [ZONE]]. Case-sensitive.
STAMP = (r"^(?:[A-Z][\w .,'&-]{0,40}\|\s*)?(?:[A-Z][a-z]{2,8}\.?\s*,?\s+)?"
         r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?)\s*,?\s+\d{4}"
         r"(?:\s*,?\s*" + CLOCK + r"\s*(?:[A-Z]{2,5}\b)?)?\s*")

# A page's own update stamp (case-insensitive): "5 January 2011 Last updated at 06:50 GMT
# Help", "Page last updated at 14:47 GMT , Wednesday , 28 September 2011 15:47 UK".
UPDATED = (r"^(?:\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}\s+)?(?:page\s+)?last\s+updated\s*:?\s*(?:at\s+)?"
           + CLOCK + r"\s*(?:[A-Z]{2,4}\b)?\s*,?\s*"
           r"(?:[A-Z][a-z]+day\s*,\s*)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}\s*)?"
           r"(?:\d{1,2}[:.]\d{2}\s*(?:UK|[A-Z]{2,4}\b)?\s*)?(?:Help\s+)?")

# A live page's update stamp opening an entry: "(Update 5:25 p.m. Cairo, 10:25 a.m. ET)",
# "-LRB- Updated 2:03 p.m. -LRB- 2103 in Egypt -RRB- -RRB-" (the stage skips to the bracket
# that closes it, BRACKET counting the nesting). Case-sensitive: "Update"/"UPDATED".
LIVE_UPDATE = r"^(?:-{1,2}\s*)?(?:-LRB-|\()\s*(?:Update[ds]?|UPDATE[DS]?)\b"
BRACKET = r"-LRB-|-RRB-|[()]"
# the brackets of BRACKET that open one
OPENING_BRACKETS = ("-LRB-", "(")

# --- chronologies -----------------------------------------------------------------------------

# The months as a chronology line writes them: the abbreviations, title case, "Sept" too
# ("Feb.", "May", "Sept."); a longer name matches through the "[a-z]*" that follows.
# In calendar order: "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec".
CHRONOLOGY_MONTHS = "|".join(a.title() for a in sorted({*MONTH_ABBREVIATIONS, "may"},
                                                        key=lambda a: (MONTHS[a], len(a))))
# A day (and year) opening a line: "Feb. 26", "* May 6, 2010", "20 April", "Feb. 15/16" (a
# night across two days; "\/" is the PTB-escaped slash). Case-sensitive.
DATE_HEAD = (r"^[\W_]{0,3}(?:(?:" + CHRONOLOGY_MONTHS + r")[a-z]*\.?"
             r"\s+\d{1,2}(?:\s*\\?/\s*\d{1,2})?"     # "Feb. 15/16": a night across two days
             r"|\d{1,2}\s+(?:" + CHRONOLOGY_MONTHS + r")"
             r"[a-z]*\.?)\b(?:\s*,?\s*\d{4})?\s*")
# A chronology line: a DATE_HEAD and a dash, colon or comma ("May 6 - Oil washes ashore").
OPENS_WITH_DATE = DATE_HEAD + r"[-:–—,]"
# What a shown chronology line drops: its DATE_HEAD and the dash or colon after it (not a
# comma: "May 6, oil washed ashore" is a sentence).
CHRON_PREFIX = DATE_HEAD + r"[-:–—]\s*"
