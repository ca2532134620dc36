"""Clean: raw document -> Document with cleaned text, metadata, paragraphs and languages.

HTML goes through trafilatura (main body + metadata). Plain text (and trafilatura's output,
which can still carry widget text) goes through line rules that remove scraping debris; every
removed line is kept in `dropped` with the rule that removed it, so nothing disappears
silently. Rules are about the *shape* of debris on news sites (ad slots, share widgets, form
fields, counters, teasers, embeds, media placeholders), never about particular articles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .model import Document, Dropped, Paragraph, RawDocument

# ---------------------------------------------------------------------------------------------
# Debris rules: (reason, pattern). A line is dropped if a pattern matches the whole stripped line.
_I = re.I
_SHARE_WORDS = (r"share|shares|tweet|print|print version|print this( article| page)?|e-?mail|email this|"
                r"save|copy link|whatsapp|telegram|facebook|twitter|linkedin|reddit|pinterest|vk|"
                r"messenger|comment|comments|\d+ comments?|leave a comment|add comment|post a comment|"
                r"show comments|discussion about this post|recommend( news)?( to (a )?friend)?|"
                r"send to (a )?friend|bookmark|like|follow|subscribe|sign up|log ?in|register|"
                r"font size|a\+|a-|listen|listen to (this )?article|report (an )?error")
DEBRIS_RULES: list[tuple[str, re.Pattern]] = [
    ("ad marker", re.compile(r"\[?\s*(ad|ads|advert|advertisement)[ _-]?\d*\s*\]?|"
                             r"(advertisement|advertising|sponsored( content)?|promoted( content)?|"
                             r"story continues below( advertisement)?|continue reading below|"
                             r"scroll to continue( with content)?|реклама)\s*:?", _I)),
    ("share/print/comment widget", re.compile(
        rf"((\s*[|•·/]\s*)?({_SHARE_WORDS})\s*){{1,8}}[:.!]?|(share|follow us|connect with us|"
        rf"join us|find us) (on|via|with)\b.{{0,80}}|connect with us\..{{0,80}}|"
        rf"(get|receive) (the )?latest news( and updates)?.{{0,40}}|"
        rf"(click|tap) here\b.{{0,80}}|(sign up|subscribe|register)( to| for)? (our|the|to) .{{0,60}}"
        rf"(newsletter|updates|channel|alerts).{{0,40}}", _I)),
    ("form field", re.compile(
        r"[•·*\-–]?\s*((your|friend'?s?|the|e-?mail|full|first|last|user) ?)?"
        r"(name|e-?mail( address)?|password|captcha|phone( number)?|subject|message|comment|"
        r"website)\s*[:*]\s*(\*)?", _I)),
    ("view counter", re.compile(r"(views?|reads?|hits|просмотров|просмотры|seen)\s*[:\-]?\s*\d[\d,. ]*|"
                                r"\d[\d,. ]*\s*(views?|reads?|просмотров)", _I)),
    ("URL line", re.compile(r"((url|source|link|permalink|short ?link)\s*:\s*)?(https?://|www\.)\S+", _I)),
    ("read-more teaser", re.compile(r"(read more|read also|also read|see also|related( articles?| stories| news)?|"
                                    r"more on this|recommended|читайте также|по теме)\s*[:\-–—>|»].*", _I)),
    ("media placeholder", re.compile(r"(video|photo|photos|gallery|audio|watch|image|infographic|"
                                     r"видео|фото)\s*:?", _I)),
    ("media credit", re.compile(r"((video|photo|image|source|credit|фото|видео)\s*:\s*)?[^.!?]{2,80}"
                                r"\s/\s(youtube|getty images|afp|reuters|ap|shutterstock|twitter|"
                                r"facebook|instagram|telegram|epa|tass|ria novosti)", _I)),
    ("copyright footer", re.compile(r"(©|\(c\)|copyright\b|all rights reserved).{0,200}", _I)),
    ("cookie notice", re.compile(r".{0,200}\b(we use cookies|cookie policy|accept (all )?cookies)\b.{0,200}", _I)),
]
# Embedded social posts: the signature line of a tweet embed and the lines of the embed above it.
_TWEET_SIGNATURE = re.compile(r"[—–-]\s*.{1,80}\(@\w{1,30}\)\s+\w+\.? \d{1,2}, \d{4}")
_EMBED_LINE = re.compile(r"pic\.twitter\.com/\w+|https?://t\.co/\w+|#\w+|@\w{2,}")
_SCRAPER_DATE = re.compile(r"date\s+(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s*(.*)")


_COOKIE_RULE = dict(DEBRIS_RULES)["cookie notice"]
_CREDIT_RULE = dict(DEBRIS_RULES)["media credit"]


def debris_reason(line: str) -> str | None:
    s = line.strip()
    if not s:
        return None
    if len(s) > 300:  # debris lines are short; a long line is prose
        return None
    # cheap necessary conditions for the two costliest rules: a cookie notice names cookies
    # (checked on ASCII lines only, where lower() is exact), a media credit has ' / '
    no_cookie = s.isascii() and "cookie" not in s.lower()
    no_slash = "/" not in s
    for reason, pat in DEBRIS_RULES:
        if (pat is _COOKIE_RULE and no_cookie) or (pat is _CREDIT_RULE and no_slash):
            continue
        if pat.fullmatch(s):
            return reason
    if "pic.twitter.com/" in s:
        return "embedded social post"
    return None


# ---------------------------------------------------------------------------------------------
# Dates in header lines (high precision only: these become the publication date)
MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12})
RU_MONTHS = {"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
             "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12}
_MON = r"(?P<mon>[A-Za-z]{3,9})\.?"
_RUMON = r"(?P<rumon>[а-я]{3,8})"
_FULL_DATES = [
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MON},?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{_MON}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<d>[0-3]?\d)\s+{_RUMON}\s+(?P<y>(?:19|20)\d\d)", re.I),
    re.compile(r"\b(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)\b"),
]
_DATELINE = re.compile(
    rf"^(?P<place>[A-ZÀ-ÞА-Я][A-ZÀ-ÞА-Я .'-]{{2,40}})(?:,\s*[^,\n]{{2,40}})?,\s*{_MON}\s+(?P<d>[0-3]?\d)\b"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?")


def _ymd(y: int, m: int, d: int) -> str | None:
    import datetime
    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return None


def _month(mg: dict) -> int | None:
    if mg.get("m"):
        return int(mg["m"])
    if mg.get("mon"):
        return MONTHS.get(mg["mon"].lower())
    if mg.get("rumon"):
        return RU_MONTHS.get(mg["rumon"].lower())
    return None


def find_full_date(s: str) -> tuple[str, int, int] | None:
    """The first complete calendar date in s, as (YYYY-MM-DD, start, end)."""
    best = None
    for pat in _FULL_DATES:
        for m in pat.finditer(s):
            g = m.groupdict()
            mon = _month(g)
            if mon and (v := _ymd(int(g["y"]), mon, int(g["d"]))):
                if best is None or m.start() < best[1]:
                    best = (v, m.start(), m.end())
                break
    return best


def parse_date_value(s: str | None) -> str | None:
    """A container's date field (ISO, with or without time, or a written date) -> YYYY-MM-DD."""
    if not s:
        return None
    f = find_full_date(str(s))
    return f[0] if f else None


# ---------------------------------------------------------------------------------------------
@dataclass
class _Meta:
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    published_how: str | None = None
    sources: list[tuple[int, str]] = field(default_factory=list)  # (priority, name)

    def offer_source(self, priority: int, name: str | None) -> None:
        name = (name or "").strip(" :-–—|/")
        if name and len(name) <= 60:
            self.sources.append((priority, name))


_SITE_SECTION = re.compile(r"(?P<site>[A-Z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,})+|[A-Z][A-Z0-9&.-]{1,20})\s*[/|»>]\s*[\w ]{2,30}")
_AGENCY_LINE = re.compile(r"(?P<name>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3})\s*:")
_AGENCY_PAREN = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þa-z ,.'-]{0,60}\((?P<name>[A-Z][\w .&-]{1,30})\)\s*[-—–]{1,2}\s")
_AGENCY_REPORTS = re.compile(r",\s+(?P<name>[A-Z][\w.&-]+(?: [A-Z][\w.&-]+){0,2})\s+(?:reports|reported|news agency reports)\b")
_BYLINE = re.compile(r"(?:By|BY|От)\s+(?P<name>[A-Z][\w.&'-]+(?:\s+[A-Z][\w.&'-]+){0,3})")
_TITLE_SUFFIX = re.compile(r"^(?P<title>.{12,}?)\s+(?:/|\||::)\s+(?P<site>[A-Z][\w.&' -]{1,30})$")
_TITLE_DASH_SUFFIX = re.compile(r"^(?P<title>.{12,}?)\s+[-–—]\s+(?P<site>[A-Z0-9][A-Z0-9.&-]{1,20}|[\w-]+\.[a-z]{2,})$")
_HEADER_MAX_WORDS = 8
_TIME_TOKEN = re.compile(r"\[?\(?\d{1,2}:\d{2}(:\d{2})?\]?\)?|\(?(utc|gmt)[+-−]?\d{0,2}:?\d{0,2}\)?|[ap]\.?m\.?", _I)


def _header_date(line: str) -> tuple[str, str] | None:
    """A header/timestamp line: a full date with little else around it. -> (date, rest)."""
    f = find_full_date(line)
    if not f:
        return None
    rest = (line[:f[1]] + " " + line[f[2]:])
    rest_words = _TIME_TOKEN.sub(" ", rest).split()
    if len([w for w in rest_words if re.search(r"\w", w)]) > _HEADER_MAX_WORDS:
        return None
    return f[0], rest


def _headline_like(line: str) -> bool:
    words = line.split()
    return (4 <= len(words) <= 30 and len(line) <= 250 and not line.rstrip().endswith((".", ":", ";", ","))
            or (len(words) >= 4 and len(line) <= 250 and line.rstrip().endswith(("]", "?", "!"))))


def _extract_meta(lines: list[str], keep: list[bool], meta: _Meta, dropped_idx: dict[int, str]) -> None:
    """Header lines: scraper metadata, timestamps, datelines, outlet markers, title."""
    header = [i for i, l in enumerate(lines) if l.strip() and (keep[i] or i == 0)][:12]
    title_from_line = None
    partial_dateline = None
    for i in header:
        s = lines[i].strip()
        m = _SCRAPER_DATE.fullmatch(s)
        if m and i == header[0]:
            if not meta.published:
                meta.published, meta.published_how = m.group(1), "metadata"
            if m.group(2):
                title_from_line = m.group(2).strip()
            keep[i] = False
            dropped_idx[i] = "scraper metadata line (date, title)"
            continue
        hd = _header_date(s)
        if hd:
            if not meta.published:
                meta.published, meta.published_how = hd[0], "text"
            for part in re.split(r"\s[-–—|]\s|\s/\s", hd[1]):
                part = _TIME_TOKEN.sub(" ", part).strip(" []()-–—|/")
                if part and (re.fullmatch(r"[A-Z0-9][A-Z0-9.&-]{1,20}", part) or re.fullmatch(r"[\w-]+\.[a-z]{2,}", part)):
                    meta.offer_source(2, part)
            continue
        dl = _DATELINE.match(s)
        if dl and MONTHS.get(dl.group("mon").lower()):
            if dl.group("y") and not meta.published:
                v = _ymd(int(dl.group("y")), MONTHS[dl.group("mon").lower()], int(dl.group("d")))
                if v:
                    meta.published, meta.published_how = v, "text"
            partial_dateline = (MONTHS[dl.group("mon").lower()], int(dl.group("d")))
            continue
        if (m := _SITE_SECTION.fullmatch(s)) and i == header[0]:
            meta.offer_source(1, m.group("site"))
            continue
        if (m := _AGENCY_LINE.fullmatch(s)):
            meta.offer_source(4, m.group("name"))
            continue
        if (m := _BYLINE.fullmatch(s)):
            if len(m.group("name").split()) == 1:
                meta.offer_source(7, m.group("name"))
            continue
        if title_from_line is None and i in header[:4] and _headline_like(s):
            title_from_line = s
    # a dateline's month/day confirms a header date; it never invents a year on its own
    if title_from_line:
        for pat in (_TITLE_SUFFIX, _TITLE_DASH_SUFFIX):
            if (m := pat.match(title_from_line)) and len(m.group("site").split()) <= 3:
                meta.offer_source(3, m.group("site"))
                title_from_line = m.group("title")
                break
        if not meta.title:
            meta.title = title_from_line
    body = " ".join(lines[i] for i in range(len(lines)) if keep[i])[:3000]
    if (m := _AGENCY_PAREN.search(body)):
        meta.offer_source(5, m.group("name"))
    if (m := _AGENCY_REPORTS.search(body)):
        meta.offer_source(6, m.group("name"))


def _strip_debris(lines: list[str]) -> tuple[list[bool], dict[int, str]]:
    keep = [True] * len(lines)
    why: dict[int, str] = {}
    for i, line in enumerate(lines):
        r = debris_reason(line)
        if r:
            keep[i], why[i] = False, r
    # social-media embeds: the signature line and the embed's lines right above it
    for i, line in enumerate(lines):
        if _TWEET_SIGNATURE.fullmatch(line.strip()):
            keep[i], why[i] = False, "embedded social post"
            j = i - 1
            while j >= 0 and i - j <= 4 and (why.get(j) == "embedded social post" or (
                    keep[j] and _EMBED_LINE.search(lines[j]))):
                keep[j], why[j] = False, "embedded social post"
                j -= 1
    return keep, why


def _assemble(lines: list[str], keep: list[bool]) -> tuple[str, list[Paragraph]]:
    """Kept lines -> text with paragraphs separated by a blank line, and their offsets.

    If the input separates paragraphs by blank lines, consecutive lines are one paragraph
    (hard-wrapped text); otherwise every line is a paragraph."""
    blank_separated = sum(1 for l in lines if not l.strip()) >= max(1, len([l for l in lines if l.strip()]) // 3)
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line, k in zip(lines, keep):
        s = " ".join(line.split())
        if not s:
            if cur:
                blocks.append(cur)
                cur = []
            continue
        if not k:
            continue
        if blank_separated:
            cur.append(s)
        else:
            blocks.append([s])
    if cur:
        blocks.append(cur)
    parts, paragraphs, pos = [], [], 0
    for b in blocks:
        t = "\n".join(b)
        if parts:
            pos += 2
        paragraphs.append(Paragraph(pos, pos + len(t)))
        parts.append(t)
        pos += len(t)
    return "\n\n".join(parts), paragraphs


def _html_body(raw: RawDocument, meta: _Meta) -> tuple[str, list[Dropped]]:
    import trafilatura

    res = trafilatura.bare_extraction(
        raw.raw, url=raw.url, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    if res is None or not (res.text or "").strip():
        raise CleanError("no article text found in the HTML")
    if res.date and not meta.published:
        meta.published, meta.published_how = parse_date_value(res.date), "metadata"
        if not meta.published:
            meta.published_how = None
    if res.title and not meta.title:
        meta.title = res.title.strip()
    meta.offer_source(0, res.sitename)
    if res.url and not meta.url:
        meta.url = res.url
    return res.text, _html_outside(raw.raw, res.text)


_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "figcaption", "blockquote",
           "dt", "dd", "caption", "div", "section", "aside", "nav", "footer", "header", "span", "a", "button",
           "label"}


def _html_outside(html: str, body: str) -> list[Dropped]:
    """Visible text blocks of the page that trafilatura left out of the article body."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    flat_body = " ".join(body.split())
    out, seen = [], set()
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCKS:
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants()):
            continue
        if any(a.tag in ("script", "style", "noscript", "template") for a in el.iterancestors()):
            continue
        t = " ".join(el.text_content().split())
        if len(t) < 2 or t in seen or t in flat_body:
            continue
        seen.add(t)
        out.append(Dropped(t, "outside the article body (trafilatura)"))
        if len(out) >= 500:
            break
    return out


class CleanError(Exception):
    pass


# Fewer words than this is a stub, an error page or an empty shell, not an article.
MIN_WORDS = 8


def clean(raw: RawDocument) -> Document:
    """Clean one raw document. Raises CleanError when nothing usable is left."""
    meta = _Meta(title=(raw.title or "").strip() or None, url=raw.url)
    meta.offer_source(0, raw.source)
    if raw.date and (d := parse_date_value(raw.date)):
        meta.published, meta.published_how = d, "metadata"
    dropped: list[Dropped] = []
    text = raw.raw
    if raw.kind == "html":
        text, outside = _html_body(raw, meta)
        dropped.extend(outside)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u2028", "\n")
    lines = text.split("\n")
    keep, why = _strip_debris(lines)
    _extract_meta(lines, keep, meta, why)
    for i, line in enumerate(lines):
        if not keep[i]:
            if (m := re.fullmatch(r"\s*(?:url|source|link|permalink)\s*:\s*(https?://\S+)\s*", line, _I)):
                meta.url = meta.url or m.group(1)
    # Dropped lines, in input order, after anything trafilatura left out.
    dropped.extend(Dropped(lines[i].strip(), why[i]) for i in sorted(why))
    out, paragraphs = _assemble(lines, keep)
    n_words = len(out.split())
    if n_words < MIN_WORDS:
        raise CleanError(f"no article text ({n_words} words after cleaning)")
    if meta.url and not meta.sources:
        host = urlparse(meta.url).hostname or ""
        meta.offer_source(9, host[4:] if host.startswith("www.") else host)
    from .lang import paragraph_languages

    langs, doc_langs = paragraph_languages([out[p.start:p.end] for p in paragraphs])
    for p, l in zip(paragraphs, langs):
        p.lang = l
    source = min(meta.sources)[1] if meta.sources else None
    return Document(
        id=raw.doc_id,
        path=raw.path, text=out, source=source, title=meta.title, url=meta.url,
        published=meta.published, published_how=meta.published_how if meta.published else None,
        languages=doc_langs, dropped=dropped, paragraphs=paragraphs, ext_id=raw.ext_id)
