"""Clean: raw document -> Document with cleaned text, metadata, paragraphs and languages.

HTML goes through trafilatura (main body + metadata). Plain text (and trafilatura's output,
which can still carry widget text) goes through line rules that remove scraping debris; every
removed line is kept in `dropped` with the rule that removed it, so nothing disappears
silently. Rules are about the *shape* of debris on news sites (ad slots, share widgets, form
fields, counters, teasers, embeds, media placeholders), never about particular articles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlparse

from . import budget
from .lang.en import calendar as en_calendar
from .lang.en import debris as en_debris
from .lang.ru import calendar as ru_calendar
from .lang.ru import debris as ru_debris
from .model import Document, Dropped, Paragraph, RawDocument
from .settings import SETTINGS

# ---------------------------------------------------------------------------------------------
# Debris rules: (reason, pattern), from the debris shapes of every language (lang/*/debris.py).
# A line is dropped if a pattern matches the whole stripped line; a reason's pattern is the
# alternation of each language's shape of that reason, in the English shapes' order.
_I = re.I


def _debris_rules() -> list[tuple[str, re.Pattern]]:
    by_reason: dict[str, list[str]] = {}
    for shapes in (en_debris.DEBRIS_SHAPES, ru_debris.DEBRIS_SHAPES):
        for shape in shapes:
            by_reason.setdefault(shape["reason"], []).append(shape["pattern"])
    return [(reason, re.compile("|".join(f"(?:{p})" for p in pats) if len(pats) > 1 else pats[0], _I))
            for reason, pats in by_reason.items()]


DEBRIS_RULES: list[tuple[str, re.Pattern]] = _debris_rules()
# Embedded social posts: the signature line of a tweet embed and the lines of the embed above it.
_TWEET_SIGNATURE = re.compile(en_debris.TWEET_SIGNATURE)
_EMBED_LINE = re.compile(en_debris.EMBED_LINE)
_SCRAPER_DATE = re.compile(en_debris.SCRAPER_DATE)


_COOKIE_RULE = dict(DEBRIS_RULES)["cookie notice"]
_CREDIT_RULE = dict(DEBRIS_RULES)["media credit"]


def debris_reason(line: str) -> str | None:
    s = line.strip()
    if not s:
        return None
    if len(s) > SETTINGS.clean.DEBRIS_MAX_CHARS:  # debris lines are short; a long line is prose
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
    if en_debris.EMBED_MARKER in s:
        return en_debris.EMBED_REASON
    return None


# ---------------------------------------------------------------------------------------------
# Dates in header lines (high precision only: these become the publication date)
MONTHS = en_calendar.MONTHS
RU_MONTHS = ru_calendar.MONTHS_GENITIVE
_MON = en_debris.MONTH_WORD
_RUMON = ru_debris.MONTH_WORD
# every language's written dates, then the numeric one (see lang/en/debris.FULL_DATES)
_FULL_DATES = ([re.compile(p) for p in en_debris.FULL_DATES]
               + [re.compile(p, re.I) for p in ru_debris.FULL_DATES]
               + [re.compile(en_debris.NUMERIC_DATE)])
_DATELINE = re.compile(en_debris.DATELINE.format(
    upper=en_debris.UPPER_LETTERS + ru_debris.UPPER_LETTERS, mon=_MON))


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


_SITE_SECTION = re.compile(en_debris.SITE_SECTION)
_AGENCY_LINE = re.compile(en_debris.AGENCY_LINE)
_AGENCY_PAREN = re.compile(en_debris.AGENCY_PAREN)
_AGENCY_REPORTS = re.compile(en_debris.AGENCY_REPORTS)
_BYLINE = re.compile(en_debris.BYLINE.format(words="|".join(en_debris.BYLINE_WORDS + ru_debris.BYLINE_WORDS)))
_TITLE_SUFFIX = re.compile(en_debris.TITLE_SUFFIX)
_TITLE_DASH_SUFFIX = re.compile(en_debris.TITLE_DASH_SUFFIX)
_TIME_TOKEN = re.compile(en_debris.TIME_TOKEN, _I)
_HEADER_OUTLET = [re.compile(p) for p in en_debris.HEADER_OUTLET]
_URL_FIELD = re.compile(en_debris.URL_FIELD, _I)


def _header_date(line: str) -> tuple[str, str] | None:
    """A header/timestamp line: a full date with little else around it. -> (date, rest)."""
    f = find_full_date(line)
    if not f:
        return None
    rest = (line[:f[1]] + " " + line[f[2]:])
    rest_words = _TIME_TOKEN.sub(" ", rest).split()
    if len([w for w in rest_words if re.search(r"\w", w)]) > SETTINGS.clean.HEADER_MAX_WORDS:
        return None
    return f[0], rest


def _headline_like(line: str) -> bool:
    words = line.split()
    return (4 <= len(words) <= 30 and len(line) <= 250 and not line.rstrip().endswith((".", ":", ";", ","))
            or (len(words) >= 4 and len(line) <= 250 and line.rstrip().endswith(("]", "?", "!"))))


def _extract_meta(lines: list[str], keep: list[bool], meta: _Meta, dropped_idx: dict[int, str]) -> None:
    """Header lines: scraper metadata, timestamps, datelines, outlet markers, title."""
    header = [i for i, l in enumerate(lines) if l.strip() and (keep[i] or i == 0)][:SETTINGS.clean.HEADER_LINES]
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
                if part and any(p.fullmatch(part) for p in _HEADER_OUTLET):
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
    body = " ".join(lines[i] for i in range(len(lines)) if keep[i])[:SETTINGS.clean.AGENCY_SCAN_CHARS]
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
    _strip_comments(lines, keep, why)
    return keep, why


_COMMENT_SIGNATURE = re.compile(en_debris.COMMENT_SIGNATURE)
_COMMENT_START = re.compile(en_debris.COMMENT_SECTION_START, re.I | re.M)


def _strip_comments(lines: list[str], keep: list[bool], why: dict[int, str]) -> None:
    """Drop a reader-comment section: from the first comment signature (or the end-of-post
    marker a few lines above it) to the end of the document. The first comment's own text,
    above its signature, is only caught when such a marker exists: nothing else tells a
    reader's first sentence from the post's last."""
    sig = [i for i, l in enumerate(lines) if _COMMENT_SIGNATURE.search(l)]
    if len(sig) < SETTINGS.clean.COMMENT_MIN_SIGNATURES:
        return
    start = sig[0]
    for j in range(sig[0] - 1, max(-1, sig[0] - 1 - SETTINGS.clean.COMMENT_LOOKBACK), -1):
        if _COMMENT_START.search(lines[j]):
            start = j
            break
    for i in range(start, len(lines)):
        if lines[i].strip():
            keep[i], why[i] = False, en_debris.COMMENT_REASON


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
    # most blocks are whole lines of the body: a set answers them without searching the body
    # (searching it for each of 100,000 <p> is quadratic: 290 s)
    body_lines = {" ".join(line.split()) for line in body.splitlines()}
    out, seen = [], set()
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCKS:
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants()):
            continue
        if any(a.tag in ("script", "style", "noscript", "template") for a in el.iterancestors()):
            continue
        t = " ".join(el.text_content().split())
        if len(t) < 2 or t in seen or t in body_lines or t in flat_body:
            continue
        seen.add(t)
        out.append(Dropped(t, "outside the article body (trafilatura)"))
        if len(out) >= SETTINGS.clean.OUTSIDE_MAX_BLOCKS:
            break
    return out


class CleanError(Exception):
    pass


def clean(raw: RawDocument) -> Document:
    """Clean one raw document. Raises CleanError when nothing usable is left."""
    doc_id = raw.doc_id   # of the input as read, before any cut
    meta = _Meta(title=(raw.title or "").strip() or None, url=raw.url)
    meta.offer_source(0, raw.source)
    warnings = []
    if raw.date and (d := parse_date_value(raw.date)):
        meta.published, meta.published_how = d, "metadata"
    elif raw.date and str(raw.date).strip():
        # never guessed: "11/23/2020" is no day/month, and 03/04/2021 could be either way
        warnings.append(f"date {str(raw.date)[:40]!r} not understood (accepted: 2021-03-02, "
                        "2 March 2021, March 2, 2021, 02.03.2021 or 02/03/2021 as day.month."
                        "year, each with or without a time); the date is looked for in the text")
    dropped: list[Dropped] = []
    cut: list[str] = []
    text = raw.raw
    if raw.kind == "html":
        html, note = budget.cut_html(raw.raw)
        if note:
            cut.append(note)
            raw = replace(raw, raw=html)
        text, outside = _html_body(raw, meta)
        dropped.extend(outside)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u2028", "\n")
    lines = text.split("\n")
    keep, why = _strip_debris(lines)
    _extract_meta(lines, keep, meta, why)
    for i, line in enumerate(lines):
        if not keep[i]:
            if (m := _URL_FIELD.fullmatch(line)):
                meta.url = meta.url or m.group(1)
    # Dropped lines, in input order, after anything trafilatura left out.
    dropped.extend(Dropped(lines[i].strip(), why[i]) for i in sorted(why))
    out, paragraphs = _assemble(lines, keep)
    n_words = len(out.split())
    if n_words < SETTINGS.clean.MIN_WORDS:
        n_comments = sum(1 for d in dropped if d.reason == en_debris.COMMENT_REASON)
        extra = f"; {n_comments} lines of reader comments dropped" if n_comments else ""
        raise CleanError(f"no article text ({n_words} words after cleaning{extra})")
    out, paragraphs, notes = budget.cut_text(out, paragraphs)
    cut.extend(notes)
    if meta.url and not meta.sources:
        host = urlparse(meta.url).hostname or ""
        meta.offer_source(9, host[4:] if host.startswith("www.") else host)
    from .lang import paragraph_languages

    langs, doc_langs = paragraph_languages([out[p.start:p.end] for p in paragraphs])
    for p, l in zip(paragraphs, langs):
        p.lang = l
    source = min(meta.sources)[1] if meta.sources else None
    return Document(
        id=doc_id,
        path=raw.path, text=out, source=source, title=meta.title, url=meta.url,
        published=meta.published, published_how=meta.published_how if meta.published else None,
        languages=doc_langs, dropped=dropped, paragraphs=paragraphs, ext_id=raw.ext_id,
        warnings=warnings, cut=cut)
