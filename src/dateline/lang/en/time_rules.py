"""English rules of the time tagger, as declarations (HeidelTime's resources are the model).

Each rule is one dict; ``dateline.time.rules`` reads, checks and compiles them, and
``time/tagger.py`` holds only the engine and the normalisers. Keys:

- ``name``: unique; ``handler``: the normaliser that turns a match into a TIMEX3 value
  (``tagger._h_<handler>``; default: the name). Named groups (``year``, ``mon``, ``day``,
  ``rel`` ...) are what the normaliser reads; a group ``x`` narrows the span to itself.
- ``priority``: when two candidates are equally long, the lower number wins (the longest
  candidate always wins first: "00:00 hours (Moscow time) on 10 November 2020" beats
  "10 November 2020").
- ``anchors`` / ``digits``: every match contains one of these words, or a digit run of one of
  these kinds (``rules.DIGIT_KINDS``); the pattern runs only in windows around them
  (``pad``: characters scanned before the first / after the last anchor, about twice the
  longest text a match has on that side). ``near``: a cheap necessary cue around a word
  anchor, (chars before or None, chars after or None, words). ``needs_digit`` /
  ``window_needs``: a window without a digit / one of those words is skipped.
- ``flags``: ``re`` flags (default ``re.I``); ``examples``: (text, reference date, span,
  expected value), run by tests/test_time_rules.py: tagged with that publication date, the
  text must give that span with that value.
- ``«SLOT»`` in a pattern is filled with every language's ``SLOTS[SLOT]`` alternatives.

Add a rule: add a dict with its examples and run ``pytest tests/test_time_rules.py``;
``benchmarks/tempeval.py`` and the gate say what it changed.
"""
from __future__ import annotations



# ------------------------------------------------------------------ regex pieces
_B = r"(?<![\w])"          # left word boundary that also works before punctuation-led tokens
_E = r"(?![\w])"
MON = (r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|"
       r"december)(?![\w])|(?:sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?:\.|(?![\w])))")
MON_ALONE = (r"(?:january|february|march|april|may|june|july|august|september|october|"
             r"november|december)(?![\w])|(?:sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.")
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w])"
YEAR_CORE = r"(?:1[6-9]\d\d|20\d\d)"
YEAR = YEAR_CORE + r"(?![\w%]|[.,]\d)"
WD = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
      r"mon\.|tues?\.|wed\.|thu(?:rs?)?\.|fri\.|sat\.|sun\.)")
WD_PL = r"(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"
_UNITW = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety)"
NUMW = (rf"(?:{_TENS}(?:[\s-]+{_UNITW})?|{_TEENS}|{_UNITW}|(?:a|one)\s+hundred|hundred|"
        r"a\s+dozen|dozen|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|few|several|many|"
        r"numerous|a|an|single|half\s+an?|an?\s+half)")
NUMD = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+1/2|½)?"
NUM = rf"(?:(?:{NUMD}|{NUMW})(?:\s+and\s+a\s+half)?)"
AMPM = r"(?:a\.\s?m\.?|p\.\s?m\.?|am(?![\w])|pm(?![\w]))"
_ZC = (r"(?:(?:UTC|GMT)\s*(?:[+\-−]\s*\d{1,2}(?::?\d\d)?)?|"
       r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|MSK|AZT|AMT|EET|EEST)(?![\w])|"
       r"(?:Moscow|Baku|Yerevan|Ankara|Istanbul|Turkish|Tbilisi|Kyiv|Kiev|London|Paris|Berlin|"
       r"Tehran|Beijing|Tokyo|local|Eastern|Pacific|Central|Mountain|Greenwich\s+Mean)"
       r"\s+(?:standard\s+|daylight\s+)?time)")
# a zone after a clock time ("14:00 Moscow time", "(UTC+04:00)"); other languages add their
# own forms to the ZONE slot (see SLOTS)
ZONE_EN = rf"\s*\(\s*{_ZC}\s*\)|\s*,?\s+{_ZC}"
MODP = (r"(?:(?P<mod>(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle|end|beginning|start|"
        r"latter\s+part|first\s+half|second\s+half|first\s+part))"
        r"(?:\s+of\s+|-|\s+))?")
UNITS = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|"
         r"months?|years?|yrs?|decades?|centur(?:y|ies)|quarters?|millenni(?:um|a)|weekends?)")
_NOUNS_AFTER_YEAR = (r"troops|soldiers|people|persons|residents|civilians|members|workers|"
                     r"employees|units|cases|deaths|tons|tonnes|barrels|shares|miles|km|meters|"
                     r"metres|feet|dollars|euros|rubles|manats|votes|seats|hectares|homes|houses|"
                     r"cars|vehicles|planes|aircraft|points|pounds|yen|students|children|"
                     r"families|refugees|prisoners|pages|copies|men|women|jobs|rounds|kg|"
                     r"acres|users|visitors|views|words|calories|degrees|bottles|times")
# a year after the day may follow a tokenised comma ("25 June , 2009"); "June 25 last year"
# keeps its day
_YREL = r"\s+(?P<yrel>this|last|next)\s+year(?![\w'’])"
# "Feb. 15/16 , 2011" (a night across two days): the first day, and the year still attaches
_NIGHT2 = r"(?:\s*\\?/\s*(?:3[01]|[12]\d|0?[1-9])(?![\w]))?"

# anchor words shared by several rules (every inflection a pattern accepts is listed: the
# anchor scan matches whole words)
MONTH_ANCHORS = ("january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                 "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
WEEKDAY_ANCHORS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
UNIT_ANCHORS = ("second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour",
                "hours", "hr", "hrs", "day", "days", "night", "nights", "week", "weeks",
                "fortnight", "fortnights", "month", "months", "year", "years", "yr", "yrs",
                "decade", "decades", "century", "centuries", "quarter", "quarters", "millennium",
                "millennia", "weekend", "weekends")
# month and weekday abbreviations that are also common words: a match holding one of them in
# lower case ("you may", "on the march", "sun") is no date
CAPITALISED_ONLY = ("may", "march", "mar", "jan", "sun", "sat", "wed")
CAPITALISED_ONLY_RX = r"(?<![\w])(may|march|sat\.|sun\.|wed\.|mar|jan|sun|sat)(?![\w])"

SLOTS = {"ZONE": ZONE_EN}

RULES = [
    dict(name='iso', priority=10,
         digits=('year-dash',),
         pad=(5, 50),
         examples=[('The statement was released on 2020-11-10 by the ministry.', '2020-11-24',
                   '2020-11-10', '2020-11-10')],
         pattern=rf"(?<![\w/.\-])(?P<year>{YEAR_CORE})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
                 r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d)(?:\.\d+)?)?"
                 r"(?P<off>Z|[+-]\d\d:?\d\d)?)?(?![\w\-])"),
    dict(name='numdate', priority=20,
         digits=('year-after-sep',),
         pad=(12, 10),
         examples=[('The deal was signed on 10.11.2020 in Moscow.', '2020-11-24',
                   '10.11.2020', '2020-11-10')],
         pattern=r"(?<![\w/.\-])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?![\w]|[./]\d)"),
    dict(name='md', priority=30,
         anchors=MONTH_ANCHORS,
         pad=(60, 40),
         needs_digit=True,
         examples=[('Talks resumed on November 10, 2020 in Geneva.', '2020-11-24',
                   'November 10, 2020', '2020-11-10'),
                  ('The talks broke down on March 3.', '2021-04-10', 'March 3', '2021-03-03')],
         pattern=rf"{_B}{MODP}(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MON})\s*(?P<day>{DAY}){_NIGHT2}"
                 rf"(?:\s*,?\s*(?:of\s+)?(?P<year>{YEAR})|{_YREL})?"),
    dict(name='dm', priority=40,
         handler='md',
         anchors=MONTH_ANCHORS,
         pad=(70, 40),
         needs_digit=True,
         examples=[('Talks resumed on 10 November 2020 in Geneva.', '2020-11-24',
                   '10 November 2020', '2020-11-10')],
         pattern=rf"{_B}{MODP}(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MON})"
                 rf"(?:\s*,?\s+(?P<year>{YEAR})|{_YREL})?"),
    dict(name='my', priority=50,
         anchors=MONTH_ANCHORS,
         pad=(60, 45),
         examples=[('The war began in September 2020.', '2020-11-24',
                   'September 2020', '2020-09')],
         pattern=rf"{_B}{MODP}(?P<mon>{MON})(?:\s+of|\s?,)?\s+(?:(?P<year>{YEAR})|(?P<syear>(?:nineteen|eighteen)[\s-]+(?:{_TENS}(?:[\s-]+{_UNITW})?|{_TEENS})))(?![\w-])"),
    dict(name='myrel', priority=60,
         anchors=MONTH_ANCHORS,
         pad=(60, 40),
         window_needs=('year',),
         examples=[('Elections are planned for March next year.', '2020-11-24',
                   'March next year', '2021-03'),
                   # "that year" / "the same year": the year under discussion
                   ('He is due in January 2010 and she in June of that year.', '2008-12-19',
                    'June of that year', '2010-06')],
         pattern=rf"{_B}{MODP}(?P<mon>{MON})(?:\s+of)?\s+(?P<rel>this|next|last|the\s+following|the\s+previous|that|the\s+same)\s+year(?![\w'’])"),
    dict(name='mon', priority=70,
         anchors=MONTH_ANCHORS,
         pad=(60, 20),
         examples=[('The ceasefire was agreed in October.', '2020-11-24',
                   'October', '2020-10'),
                  ('Parliament will vote in March.', '2021-01-10', 'March', '2021-03')],
         pattern=rf"{_B}{MODP}(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past|coming)\s+)?"
                 rf"(?P<mon>{MON_ALONE})"),
    dict(name='year', priority=80,
         digits=('year',),
         pad=(70, 30),
         examples=[('The region declared independence in 1991.', '2020-11-24',
                   '1991', '1991')],
         pattern=rf"(?<![\w$#/.,:£€\-]){MODP}(?:(?P<fy>fiscal(?:\s+year)?|calendar(?:\s+year)?|"
                 rf"the\s+(?:fiscal\s+|calendar\s+)?year|fy|model\s+year)\s*)?(?P<year>{YEAR})"
                 rf"(?!\s+(?:{_NOUNS_AFTER_YEAR})(?![\w]))"),
    dict(name='yrange', priority=90,
         digits=('year-dash',),
         pad=(5, 12),
         examples=[('Prices rose in the 2019-20 season.', '2020-11-24',
                   '2019', '2019')],
         pattern=rf"(?<![\w$#/.,:\-])(?P<year>{YEAR_CORE})[-–](?P<y2>\d\d)(?![\w%\-])"),
    # a year written with an apostrophe and two digits after a preposition: "In '06 I asked
    # the youth ..." (informal prose, comments); not "'90s" (decade), not "rock 'n' roll"
    dict(name='apyear', priority=95,
         digits=('year2',),
         pad=(8, 4),
         examples=[("In '06 I asked the youth for their dreams.", '2011-01-29', "'06", '2006'),
                   ("The club was founded in '98.", '2011-01-29', "'98", '1998')],
         pattern=r"(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bby\s)|(?<=\bfrom\s)|(?<=\bsince\s)|"
                 r"(?<=\buntil\s)|(?<=\bduring\s))['’](?P<yy>\d\d)(?![\w'’])"),
    dict(name='decade', priority=100,
         anchors=('twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'),
         digits=('decade4', 'decade2'),
         pad=(60, 10),
         examples=[('The conflict began in the 1980s.', '2020-11-24',
                   'the 1980s', '198')],
         pattern=rf"{_B}(?:the\s+)?{MODP}(?:(?P<d4>(?:1[5-9]|20)\d)0['’]?s|['’](?P<d2>\d)0['’]?s|"
                 r"(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])"),
    dict(name='century', priority=110,
         anchors=('century',),
         pad=(60, 10),
         examples=[('It was the worst war of the 21st century.', '2020-11-24',
                   'the 21st century', '20')],
         pattern=rf"{_B}(?:the\s+)?{MODP}(?P<cen>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|"
                 r"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
                 r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
                 r"twenty[\s-]first)[\s-]+century(?![\w])"),
    dict(name='spyear', priority=120,
         anchors=('nineteen', 'eighteen', 'twenty'),
         pad=(15, 30),
         examples=[('He left the country in nineteen ninety-four.', '2020-11-24',
                   'nineteen ninety-four', '1994')],
         pattern=rf"{_B}(?:the\s+year\s+)?(?P<sy>(?:nineteen|eighteen)[\s-]+(?:{_TENS}(?:[\s-]+{_UNITW})?|"
                 rf"{_TEENS}|hundred|o[\s-]+{_UNITW})|twenty[\s-]+(?:{_TEENS}|twenty(?:[\s-]+{_UNITW})?))"
                 r"(?![\w-])"),
    dict(name='y2k', priority=130,
         handler='spyear',
         anchors=('thousand',),
         pad=(20, 25),
         examples=[('The company was founded in the year two thousand.', '2020-11-24',
                   'the year two thousand', '2000')],
         pattern=rf"{_B}the\s+year\s+(?P<sy>two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_TEENS}|{_UNITW}))?)(?![\w-])"),
    dict(name='weekday', priority=140,
         anchors=WEEKDAY_ANCHORS,
         pad=(25, 20),
         examples=[('The envoys met on Wednesday.', '2020-11-24',
                   'Wednesday', '2020-11-18'),
                  ('The envoys will meet on Wednesday.', '2020-11-24', 'Wednesday', '2020-11-25')],
         pattern=rf"{_B}(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past)\s+|"
                 rf"(?P<mod>early|late|earlier|later)\s+(?:on\s+)?)?(?P<wd>{WD})"
                 r"(?:\s+(?P<pod>morning|afternoon|evening|night|noon))?(?![\w])"),
    dict(name='deictic', priority=150,
         anchors=('today', 'tonight', 'yesterday', 'tomorrow'),
         pad=(30, 20),
         examples=[('The ministry said yesterday that talks had failed.', '2020-11-24',
                   'yesterday', '2020-11-23'),
                  ('The report was published yesterday.', '2011-03-01', 'yesterday', '2011-02-28')],
         pattern=rf"{_B}(?:(?P<mod>early|late|earlier|later)\s+)?(?P<deic>today|tonight|yesterday|"
                 r"tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
                 r"(?:\s+(?P<pod>morning|afternoon|evening|night))?(?![\w])"),
    dict(name='podrel', priority=160,
         anchors=('morning', 'afternoon', 'evening', 'night'),
         pad=(30, 15),
         examples=[('Shelling resumed this morning.', '2020-11-24',
                   'this morning', '2020-11-24TMO')],
         pattern=rf"{_B}(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rel>this|last)\s+"
                 r"(?P<pod>morning|afternoon|evening|night)(?![\w])"),
    dict(name='refw', priority=170,
         anchors=('now', 'currently', 'nowadays', 'days', 'present', 'presently', 'moment', 'recently', 'lately', 'recent', 'past', 'future', 'term', 'weeks', 'months', 'years', 'decades', 'date', 'possible'),
         pad=(40, 25),
         examples=[('The town is now under government control.', '2020-11-24',
                   'now', 'PRESENT_REF')],
         pattern=rf"{_B}(?P<refw>right\s+now|just\s+now|now|currently|nowadays|these\s+days|at\s+present|"
                 r"presently|at\s+the\s+moment|more\s+recently|recently|lately|"
                 r"recent\s+(?:days|weeks|months|years|decades)|the\s+past|"
                 r"(?:the\s+)?(?:near|distant|foreseeable|immediate|not\s+too\s+distant)\s+future|the\s+future|"
                 r"the\s+(?:near|short)\s+term|"
                 r"(?:the\s+)?(?:coming|following|upcoming|ensuing)\s+(?:days|weeks|months|years|decades)|"
                 r"the\s+next\s+(?:days|weeks|months|years|decades)|"
                 r"(?:in\s+)?(?:a|one)\s+(?:later|future)\s+date|as\s+soon\s+as\s+possible)(?![\w])"),
    dict(name='relunit', priority=180,
         anchors=('week', 'month', 'year', 'decade', 'century', 'weekend', 'day', 'morning', 'evening', 'afternoon', 'night'),
         pad=(70, 12),
         examples=[('Fighting intensified last week.', '2020-11-24',
                   'last week', '2020-W47')],
         pattern=rf"{_B}(?:(?P<mod>early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning\s+of|"
                 r"the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|"
                 r"the\s+first\s+half\s+of|the\s+second\s+half\s+of)(?:\s+|-)(?:in\s+)?)?"
                 r"(?P<rel>last|this|next|past|coming|previous|current|the\s+past|the\s+last|"
                 r"the\s+previous|the\s+current|the\s+coming|the\s+next|the\s+following|the\s+same|"
                 r"that|the\s+preceding|this\s+past|this\s+coming|the\s+prior|prior)\s+"
                 r"(?:(?P<fisc>fiscal|calendar)\s+)?"
                 r"(?P<unit>week|month|year|decade|century|weekend|day|morning|evening|afternoon|"
                 r"night)(?![\w-])"),
    dict(name='theend', priority=190,
         anchors=('week', 'month', 'year', 'decade', 'century'),
         pad=(40, 10),
         near=(8, None, ('the',)),
         examples=[('Troops left at the end of the month.', '2020-11-24',
                   'the end of the month', '2020-11')],
         pattern=rf"{_B}(?P<mod>the\s+end|the\s+beginning|the\s+start|the\s+middle|the\s+turn)\s+of\s+"
                 r"the\s+(?P<unit>week|month|year|decade|century)(?![\w])"),
    # "earlier in the day", "later in the week": the day (week, ...) the narrative is on, else
    # the report's; the same value "that day" gets (tagger._h_theend)
    dict(name='inthe', handler='theend', priority=195,
         anchors=('day', 'week', 'month', 'year'),
         pad=(30, 5),
         near=(20, None, ('earlier', 'later')),
         examples=[('A commander went into the square earlier in the day.', '2011-02-10',
                   'earlier in the day', '2011-02-10'),
                  ('Talks resume later in the month.', '2020-11-24', 'later in the month',
                   '2020-11')],
         pattern=rf"{_B}(?P<mod>earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year)(?![\w])"),
    dict(name='yearend', priority=200,
         anchors=('year',),
         pad=(30, 10),
         near=(12, 6, ('end',)),
         examples=[('The debt is due at year-end.', '2020-11-24',
                   'year-end', '2020')],
         pattern=rf"{_B}(?P<ye>year[\s-]end|year['’]s\s+end|the\s+end\s+of\s+the\s+year)(?![\w])"),
    dict(name='weekend', priority=210,
         anchors=('weekend',),
         pad=(10, 5),
         examples=[('Protests continued over the weekend.', '2020-11-24',
                   'the weekend', '2020-W47-WE')],
         pattern=rf"{_B}(?P<we>the\s+weekend)(?![\w])"),
    dict(name='season', priority=220,
         anchors=('spring', 'summer', 'fall', 'autumn', 'winter', 'nineteen', 'eighteen'),
         pad=(60, 40),
         examples=[('Fighting broke out last summer.', '2020-11-24',
                   'last summer', '2020-SU')],
         pattern=rf"{_B}(?:(?P<the>the)\s+)?{MODP}(?:(?P<rel>last|this|next|past|coming|this\s+past|this\s+coming)\s+)?"
                 rf"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<syear>(?:nineteen|eighteen)[\s-]+(?:{_TENS}(?:[\s-]+{_UNITW})?|{_TEENS}))))?(?![\w-])"),
    dict(name='quarter', priority=230,
         anchors=('quarter', 'quarters', 'period', 'periods'),
         pad=(60, 30),
         examples=[('Profits fell in the third quarter.', '2020-11-24',
                   'the third quarter', '2020-Q3')],
         pattern=rf"{_B}(?P<pre>(?:the|its|their|this|last|next|that|(?:this|last|next)\s+year['’]s|"
                 rf"the\s+same|the\s+comparable|the\s+year[\s-](?:ago|earlier)|the\s+(?P<pyear>{YEAR}))\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
                 r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|past|"
                 r"previous|preceding|year[\s-]ago|year[\s-]earlier|most\s+recent|recent|comparable|"
                 r"same|prior|corresponding)?[\s-]*(?:(?:fiscal|calendar)[\s-]+)?"
                 r"(?:(?P<q>quarter)|(?P<per>period))(?P<pl>s)?"
                 rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR})|,?\s+(?P<year2>{YEAR}))?(?![\w-])"),
    dict(name='qcode', priority=240,
         digits=('quarter-digit',),
         pad=(5, 12),
         flags=0,  # case-sensitive: 'q3' is no quarter
         examples=[('Revenue grew in Q3 2020.', '2020-11-24',
                   'Q3 2020', '2020-Q3')],
         pattern=rf"{_B}(?:(?P<qn>[1-4])Q|Q(?P<qn2>[1-4]))(?:\s*(?P<year>{YEAR}|['’]?\d\d(?![\w])))?(?![\w])"),
    dict(name='yearago', priority=250,
         anchors=('year',),
         pad=(5, 15),
         near=(None, 10, ('ago', 'earlier')),
         examples=[('Sales were up from year-ago levels.', '2020-11-24',
                   'year-ago', '2019')],
         pattern=rf"{_B}(?P<ya>year[\s-]+(?:earlier|ago))(?![\w])"),
    dict(name='half', priority=260,
         anchors=('half',),
         pad=(25, 35),
         examples=[('Output fell in the first half of 2020.', '2020-11-24',
                   'the first half of 2020', '2020')],
         pattern=rf"{_B}(?:the\s+)?(?P<h>first|second|latter|last)\s+half\s+of\s+"
                 rf"(?:(?:fiscal\s+)?(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year)(?![\w])"),
    dict(name='duration', priority=270,
         anchors=UNIT_ANCHORS,
         pad=(70, 45),
         examples=[('The siege lasted three weeks.', '2020-11-24',
                   'three weeks', 'P3W')],
         pattern=rf"{_B}(?P<mods>(?:about|around|approximately|roughly|nearly|almost|over(?!\s+the)|more\s+than|"
                 r"less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|some|under|"
                 r"another|an\s+additional|a\s+further|a\s+full|the|the\s+past|the\s+last|the\s+next|"
                 r"the\s+first|the\s+previous|the\s+coming|the\s+following|the\s+final|the\s+remaining|"
                 r"the\s+entire|the\s+same|past|last|next|first|previous|final|"
                 r"well\s+over|just\s+over|little\s+more\s+than|a\s+little\s+over|"
                 r"a\s+little\s+more\s+than|in\s+excess\s+of|upwards\s+of|"
                 r"more\s+or\s+less|close\s+to|nearly\s+all)\s+"
                 r"(?:(?:about|around|approximately|roughly|nearly|almost|over|more\s+than|less\s+than|"
                 r"some|the\s+past|the\s+last|the\s+next|the\s+first)\s+)?)?"
                 rf"(?P<num>{NUM})(?:\s*(?:to|or|-|–|and)\s*(?P<num2>{NUM}))?"
                 r"(?:\s+(?:more|additional|full|straight|consecutive|long|trading|business|calendar|"
                 r"working|extra|further))?(?:\s+|-)"
                 rf"(?P<unit>{UNITS})(?P<half>\s+and\s+a\s+half)?(?P<old>[\s-]+old)?(?:\s+or\s+so)?"
                 r"(?:\s+(?P<dir>ago|earlier|later|from\s+now|hence|back|before\s+that|after\s+that))?(?![\w])"),
    dict(name='theyear', priority=280,
         anchors=('year',),
         pad=(50, 10),
         near=(25, None, ('the',)),
         examples=[('Exports rose 4% for the year.', '2020-11-24',
                   'the year', 'P1Y')],
         pattern=r"\b(?:for|in|throughout|during|over)\s+(?P<x>the\s+(?:(?:fiscal|full|calendar|whole|entire)\s+)?year)(?![\w'’-])"),
    dict(name='current', priority=290,
         anchors=('current',),
         pad=(10, 15),
         examples=[('The current government resigned.', '2020-11-24',
                   'current', 'PRESENT_REF')],
         pattern=r"(?<![\w-])(?:then[\s-]+)?current(?![\w-])(?!\s+(?:account|accounts|affairs|events|density|flow|flows|source)\b)"),
    dict(name='forbare', priority=300,
         anchors=('days', 'weeks', 'months', 'years', 'decades', 'hours', 'minutes', 'centuries'),
         pad=(5, 5),
         near=(4, None, ('for',)),
         examples=[('The talks went on for days.', '2020-11-24',
                   'days', 'PXD')],
         pattern=r"(?<=\bfor\s)(?P<bare>days|weeks|months|years|decades|hours|minutes|centuries)(?![\w])"),
    dict(name='set', priority=310,
         anchors=('every', 'each', 'per'),
         pad=(5, 45),
         examples=[('Inspectors visit every week.', '2020-11-24',
                   'every week', 'P1W')],
         pattern=rf"{_B}(?P<q>every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUM})\s+)?"
                 rf"(?P<unit>seconds?|minutes?|hours?|days?|nights?|mornings?|evenings?|weeks?|weekends?|"
                 rf"months?|years?|quarters?|decades?|{WD}|{MON_ALONE}|summers?|winters?|springs?|autumns?)(?![\w])"),
    dict(name='adv', priority=320,
         anchors=('daily', 'weekly', 'monthly', 'yearly', 'hourly', 'nightly', 'biweekly', 'bimonthly', 'semiannually', 'annually', 'fortnightly', 'weekly', 'monthly'),
         pad=(10, 10),
         examples=[('The council meets weekly.', '2020-11-24',
                   'weekly', 'P1W')],
         pattern=rf"{_B}(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly|"
                 r"bimonthly|semiannually|semi-annually|fortnightly|bi-weekly|bi-monthly)(?![\w])"),
    dict(name='freq', priority=330,
         anchors=('once', 'twice', 'thrice', 'times'),
         pad=(40, 25),
         examples=[('Patrols pass twice a week.', '2020-11-24',
                   'twice a week', 'P1W')],
         pattern=rf"{_B}(?P<f>once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|each|every)\s+"
                 r"(?P<unit>second|minute|hour|day|night|week|month|year|quarter|decade)(?![\w])"),
    dict(name='wdpl', priority=340,
         anchors=('mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays'),
         pad=(5, 20),
         examples=[('Markets are closed on Mondays.', '2020-11-24',
                   'Mondays', 'XXXX-WXX-1')],
         pattern=rf"{_B}(?P<wds>{WD_PL})(?:\s+(?P<pod>mornings|afternoons|evenings|nights))?(?![\w])"),
    dict(name='time', priority=350,
         anchors=('clock', 'noon', 'midday', 'midnight'),
         digits=('clock',),
         pad=(15, 70),
         examples=[('The ceasefire took effect on 10 November 2020 at 14:30 Moscow time.', '2020-11-24',
                   '10 November 2020 at 14:30 Moscow time', '2020-11-10T14:30+03:00')],
         pattern=r"(?<![\w:.,/])(?:(?P<hh>[01]?\d|2[0-4])[:h](?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?"
                 rf"(?:\s*(?P<ampm>{AMPM}))?|(?P<hh2>1[0-2]|0?[1-9])(?:[.:](?P<mm2>[0-5]\d))?\s*(?P<ampm2>{AMPM})|"
                 r"(?P<hh3>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                 r"\s+o['’]clock|(?P<word>noon|midday|midnight))"
                 r"(?:\s+(?:hours|hrs)(?![\w]))?"
                 rf"(?P<zone>«ZONE»)?(?![\w:])"),
    dict(name='podprefix', priority=360,
         anchors=('morning', 'afternoon', 'evening', 'night'),
         pad=(25, 10),
         near=(None, 4, ('of',)),
         examples=[('Shelling began on the morning of November 10.', '2020-11-24',
                   'the morning of November 10', '2020-11-10TMO')],
         pattern=rf"{_B}(?:(?:early|late)\s+(?:in\s+|on\s+)?)?the\s+(?P<pod>morning|afternoon|evening|night)"
                 r"\s+of(?=\s+\S)"),
    dict(name='holiday', priority=370,
         anchors=('christmas', 'year', 'thanksgiving', 'easter', 'halloween', 'independence', 'labor', 'labour', 'memorial', 'valentine', 'election', 'veterans', 'boxing'),
         pad=(15, 25),
         examples=[('The troops came home for Christmas.', '2020-11-24',
                   'Christmas', '2019-12-25')],
         pattern=rf"{_B}(?:(?P<rel>last|this|next)\s+)?(?P<hol>christmas(?:\s+day|\s+eve)?|"
                 r"new\s+year['’]s(?:\s+day|\s+eve)?|thanksgiving(?:\s+day)?|easter(?:\s+sunday)?|"
                 r"halloween|independence\s+day|labou?r\s+day|memorial\s+day|valentine['’]s\s+day|"
                 r"election\s+day|veterans\s+day|boxing\s+day|new\s+year(?!['’]))"
                 rf"(?:\s+(?P<year>{YEAR}))?(?![\w])"),
]
