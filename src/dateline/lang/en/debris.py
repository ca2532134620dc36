"""English scraping debris and header-line shapes: what cleaning removes, and how it reads a
header (dates, outlets, bylines) — as data.

Each debris shape is one dict: ``reason`` (the name a removed line is filed under in
``dropped``), ``pattern`` (a regular-expression SOURCE that must match the whole stripped
line, compiled case-insensitively by dateline.clean) and ``example`` (a line it removes; the
tests run every example through the classifier). Shapes are about the *form* of debris on
news sites, never about particular articles. The Russian shapes (lang/ru/debris.py) with the
same reason are joined to these: a line is debris if any language's shape of that reason
matches it. Order matters: the first reason whose shape matches names the line.

To add a word: put it in the alternation of its shape (e.g. a new share button label into
SHARE_WORDS) and, if it is a new kind of line, add an example.
"""
from __future__ import annotations

# labels of share / print / comment / follow buttons, as a scraper flattens them into a line
# of their own ("Share | Tweet | Email", "12 comments", "Font size A+ A-")
SHARE_WORDS = (r"share|shares|tweet|print|print version|print this( article| page)?|e-?mail|email this|"
               r"save|copy link|whatsapp|telegram|facebook|twitter|linkedin|reddit|pinterest|vk|"
               r"messenger|comment|comments|\d+ comments?|leave a comment|add comment|post a comment|"
               r"show comments|discussion about this post|recommend( news)?( to (a )?friend)?|"
               r"send to (a )?friend|bookmark|like|follow|subscribe|sign up|log ?in|register|"
               r"font size|a\+|a-|listen|listen to (this )?article|report (an )?error")

# outlets and photo agencies named after " / " in a picture credit ("Reuters / Getty Images");
# the Russian credit shape uses the same names
CREDIT_SOURCES = (r"youtube|getty images|afp|reuters|ap|shutterstock|twitter|"
                  r"facebook|instagram|telegram|epa|tass|ria novosti")

DEBRIS_SHAPES = (
    {"reason": "ad marker",
     # ad slots ("[ad_3]") and the labels over them
     "pattern": r"\[?\s*(ad|ads|advert|advertisement)[ _-]?\d*\s*\]?|"
                r"(advertisement|advertising|sponsored( content)?|promoted( content)?|"
                r"story continues below( advertisement)?|continue reading below|"
                r"scroll to continue( with content)?)\s*:?",
     "example": "Story continues below advertisement"},
    {"reason": "share/print/comment widget",
     # up to eight button labels in a row, or a "follow us on ..." / "click here" call
     "pattern": rf"((\s*[|•·/]\s*)?({SHARE_WORDS})\s*){{1,8}}[:.!]?|(share|follow us|connect with us|"
                rf"join us|find us) (on|via|with)\b.{{0,80}}|connect with us\..{{0,80}}|"
                rf"(get|receive) (the )?latest news( and updates)?.{{0,40}}|"
                rf"(click|tap) here\b.{{0,80}}|(sign up|subscribe|register)( to| for)? (our|the|to) .{{0,60}}"
                rf"(newsletter|updates|channel|alerts).{{0,40}}",
     "example": "Share | Tweet | Email"},
    {"reason": "form field",
     # the labels of a comment or "send to a friend" form ("Your e-mail:", "Name *")
     "pattern": r"[•·*\-–]?\s*((your|friend'?s?|the|e-?mail|full|first|last|user) ?)?"
                r"(name|e-?mail( address)?|password|captcha|phone( number)?|subject|message|comment|"
                r"website)\s*[:*]\s*(\*)?",
     "example": "  • Your e-mail:"},
    {"reason": "view counter",
     # "Views: 12,345", "3,402 views"
     "pattern": r"(views?|reads?|hits|seen)\s*[:\-]?\s*\d[\d,. ]*|"
                r"\d[\d,. ]*\s*(views?|reads?)",
     "example": "Views: 12,345"},
    {"reason": "URL line",
     # a bare address, or a labelled one ("URL: https://...")
     "pattern": r"((url|source|link|permalink|short ?link)\s*:\s*)?(https?://|www\.)\S+",
     "example": "URL: https://example.com/a/b"},
    {"reason": "read-more teaser",
     # a teaser label, a separator and the linked headline
     "pattern": r"(read more|read also|also read|see also|related( articles?| stories| news)?|"
                r"more on this|recommended)\s*[:\-–—>|»].*",
     "example": "READ MORE: Ten things to know about the vote"},
    {"reason": "media placeholder",
     # what is left of an embedded player or gallery
     "pattern": r"(video|photo|photos|gallery|audio|watch|image|infographic)\s*:?",
     "example": "VIDEO"},
    {"reason": "media credit",
     # "Reuters / Getty Images", "Photo: A. Smith / AFP"
     "pattern": r"((video|photo|image|source|credit)\s*:\s*)?[^.!?]{2,80}"
                rf"\s/\s({CREDIT_SOURCES})",
     "example": "Reuters / Getty Images"},
    {"reason": "copyright footer",
     "pattern": r"(©|\(c\)|copyright\b|all rights reserved).{0,200}",
     "example": "© 2021 Example Media. All rights reserved."},
    {"reason": "cookie notice",
     "pattern": r".{0,200}\b(we use cookies|cookie policy|accept (all )?cookies)\b.{0,200}",
     "example": "We use cookies to improve your experience. Accept all cookies"},
)

# a line naming an embedded picture tweet is the remains of a social embed
# ("Watch the video at pic.twitter.com/AbC123"); matched as a plain substring
EMBED_MARKER = "pic.twitter.com/"
EMBED_REASON = "embedded social post"

# the signature line of a tweet embed: "— Some Ministry (@someministry) March 2, 2021"
TWEET_SIGNATURE = r"[—–-]\s*.{1,80}\(@\w{1,30}\)\s+\w+\.? \d{1,2}, \d{4}"
# lines of the embed above its signature: picture links, short links, hashtags, handles
EMBED_LINE = r"pic\.twitter\.com/\w+|https?://t\.co/\w+|#\w+|@\w{2,}"

# ---------------------------------------------------------------------------------------------
# reader comments: what a page's comment system prints around each comment. Readers' posts are
# not the outlet's reporting (their "will cancel the debate" is no commitment, their figures no
# claim), and on a blog page they can be most of the text. A signature is the comment
# system's stamp: a clock time then "| Reply" / "| Report abuse", or "Posted by NAME | ... |
# Report abuse". Several in one document mark everything from the first one (or from the
# end-of-post marker just above it) to the end as the comment section.
COMMENT_SIGNATURE = (
    r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|[AP]M)?\s*\|\s*(?:Reply|Report abuse|Report as abusive)\b"
    r"|Posted by\s*:?[^|\n]{1,60}\|\s*(?:[^|\n]{1,40}\|\s*)?Report (?:abuse|as abusive)\b")
# the end of the post above its comments: a blog's closing byline with its time
# ("By Chris Cillizza | May 27 , 2010 ; 2:08 PM ET"), a call to comment, a comment count
COMMENT_SECTION_START = (
    r"^\s*By [A-Z][^|\n]{1,80}\|\s*[A-Z][a-z]+\.? \d{1,2}\s*,\s*\d{4}\s*;\s*\d{1,2}:\d{2}"
    r"|\b(?:in the comments(?: section)?(?: below)?|leave a comment|post a comment|add your comment)\b"
    r"|^\s*\d+\s+comments?\s*$|^\s*comments?\s*\(\d+\)\s*$")
COMMENT_EXAMPLES = (
    "March 29 , 2011 at 12:43 am | Reply I am a long time fan",
    "This is shameful Posted by : someone | September 24 , 2008 5:32 PM | Report abuse Next one",
    "Posted by breezinthru | Report as abusive Thank you for finally stating it",
)
COMMENT_REASON = "reader comments"

# ---------------------------------------------------------------------------------------------
# header lines

# a scraper's metadata line: "date 2021-03-02 10:15 Title of the story"
SCRAPER_DATE = r"date\s+(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s*(.*)"
# a month word in a written date ("Dec.", "March"); checked against calendar.MONTHS
MONTH_WORD = r"(?P<mon>[A-Za-z]{3,9})\.?"
# complete calendar dates a header line may carry, tried in this order (an earlier pattern
# wins a tie on the start); "(?P<m>...)" is a month number, "(?P<mon>...)" a month word
FULL_DATES = (
    r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)",                               # 2021-03-02
    rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+{MONTH_WORD},?\s+(?P<y>(?:19|20)\d\d)\b",            # 2nd March 2021
    rf"\b{MONTH_WORD}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",            # March 2, 2021
)
# day.month.year and day/month/year ("02.03.2021"): written so in English and Russian news
# alike; tried after every language's written dates
NUMERIC_DATE = r"\b(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)\b"
# capital letters a dateline's place may start with (Latin with accents); Russian adds its own
UPPER_LETTERS = "A-ZÀ-Þ"
# a dateline: "BAKU, Azerbaijan, Dec. 3" (place, maybe a country, month, day, maybe a year);
# {upper} is every language's capital letters
DATELINE = (r"^(?P<place>[{upper}][{upper} .'-]{{2,40}})(?:,\s*[^,\n]{{2,40}})?,\s*{mon}\s+(?P<d>[0-3]?\d)\b"
            r"(?:,?\s+(?P<y>(?:19|20)\d\d))?")
# clock times and time zones around a header date ("10:15", "(UTC+4)", "p.m."): not words
TIME_TOKEN = r"\[?\(?\d{1,2}:\d{2}(:\d{2})?\]?\)?|\(?(utc|gmt)[+-−]?\d{0,2}:?\d{0,2}\)?|[ap]\.?m\.?"

# outlets in header lines
# "Trend.az / Politics", "REUTERS | World": a site and its section
SITE_SECTION = r"(?P<site>[A-Z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,})+|[A-Z][A-Z0-9&.-]{1,20})\s*[/|»>]\s*[\w ]{2,30}"
# "Trend:" on a line of its own: an agency's label
AGENCY_LINE = r"(?P<name>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3})\s*:"
# "LISBON (Reuters) - ": the agency of a dateline
AGENCY_PAREN = r"^[A-ZÀ-Þ][A-ZÀ-Þa-z ,.'-]{0,60}\((?P<name>[A-Z][\w .&-]{1,30})\)\s*[-—–]{1,2}\s"
# ", Trend reports": an agency cited in the body
AGENCY_REPORTS = r",\s+(?P<name>[A-Z][\w.&-]+(?: [A-Z][\w.&-]+){0,2})\s+(?:reports|reported|news agency reports)\b"
# the word before a byline's name ("By Vafa Ismayilova"); Russian adds its own
BYLINE_WORDS = ("By", "BY")
BYLINE = r"(?:{words})\s+(?P<name>[A-Z][\w.&'-]+(?:\s+[A-Z][\w.&'-]+){{0,3}})"
# "Title of the story | Outlet", "Title of the story - AP": a title with the site after it
TITLE_SUFFIX = r"^(?P<title>.{12,}?)\s+(?:/|\||::)\s+(?P<site>[A-Z][\w.&' -]{1,30})$"
TITLE_DASH_SUFFIX = r"^(?P<title>.{12,}?)\s+[-–—]\s+(?P<site>[A-Z0-9][A-Z0-9.&-]{1,20}|[\w-]+\.[a-z]{2,})$"
# a part of a header line that is an outlet: an acronym ("AP") or a domain ("trend.az")
HEADER_OUTLET = (r"[A-Z0-9][A-Z0-9.&-]{1,20}", r"[\w-]+\.[a-z]{2,}")
# a dropped line that gives the article's address: "Source: https://..."
URL_FIELD = r"\s*(?:url|source|link|permalink)\s*:\s*(https?://\S+)\s*"
