"""Sentence splitting with character offsets.

``split(text, paragraphs)`` returns ``[(start, end), ...]``: sentence spans into ``text``,
stripped of surrounding whitespace, in order, never crossing a paragraph boundary (nor a
line break that starts a new line with a capital, a bullet or a quote: scraped news puts
headlines, captions and list items on their own lines).

Rules (regex, no model): a sentence ends at ``.``, ``!``, ``?`` or ``…`` (optionally after a
space, as in PTB-tokenised text ``word .``), followed by closing quotes/brackets
(``"”’'`` and PTB ``''``, ``-RRB-``) and whitespace, when the next token can open a sentence
(a capital, a digit, an opening quote, PTB ```` `` ````, ``-LRB-``). It does not end after
abbreviations ("Dec. 3", "Sept. 27", "Lt. Gen.", "Mr.", "No. 5", "e.g."), initials
("J. Smith") or inside acronyms ("U.S. forces"); an acronym ends a sentence only when the
next word is a typical sentence opener ("... in the U.S. The ...").

Measured against spaCy's rule-based ``sentencizer`` (which handles none of the above):
this splitter is ~3.5x faster (1.3M vs 0.37M words/s on the seed corpus, blank("en") +
sentencizer, 2026-11-22, loaded 2-core machine).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = ["split", "split_text"]

# titles/ranks and other abbreviations that are followed by a name or a number
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cpt", "maj", "adm",
    "cmdr", "cdr", "gov", "sen", "rep", "rev", "st", "ste", "jr", "sr", "mt", "ft", "fr",
    "no", "nos", "vol", "vols", "vs", "v", "etc", "inc", "corp", "ltd", "co", "bros", "dept",
    "univ", "assn", "est", "approx", "fig", "figs", "pp", "p", "op", "cf", "al", "ave", "blvd",
    "rd", "hon", "pres", "supt", "messrs", "mme", "mlle", "gens", "sens", "reps", "govs",
    "brig", "pvt", "cpl", "lieut", "comdr", "atty", "insp", "det", "sup", "ref",
    # months (followed by a day) and weekdays
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    # Russian
    "г", "гг", "им", "т", "н", "ул", "д", "стр", "тыс", "млн", "млрд", "руб", "см", "рис",
}
# abbreviations after which a following capitalised word still belongs to the sentence
# even when it looks like a sentence opener ("Gen. The" is rare; "Inc. The" is not)
_ENDS_OK = {"etc", "inc", "corp", "ltd", "co", "bros", "jr", "sr"}
# words that open sentences: after an acronym like "U.S." they signal a boundary
_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those",
    "in", "on", "at", "but", "and", "or", "so", "yet", "however", "meanwhile", "there", "his",
    "her", "its", "their", "our", "after", "before", "when", "while", "if", "as", "since",
    "according", "earlier", "later", "last", "on", "for", "to", "with", "by", "from",
    "during", "some", "many", "most", "all", "both", "officials", "mr", "mrs", "ms", "dr",
}

_CLOSERS = r"(?:[\"”’'»)\]]|''|-RRB-|-RSB-)*"
_OPEN = r"(?:[\"“‘'«(\[]|``|-LRB-|-LSB-|[A-ZА-ЯЁ0-9]|[^\W\d_a-zа-яё])"
_BOUNDARY = re.compile(
    r"(?P<term>\s?(?:[.!?…]+|\.\s\.))" + r"(?P<close>\s?" + _CLOSERS + r")"
    + r"(?P<ws>\s+)(?=" + _OPEN + r")")
_WORD_BEFORE = re.compile(r"([^\s.\"“‘'(\[]+(?:\.[^\s.]+)*)$")
_NEXT_WORD = re.compile(r"[\"“‘'«(\[`]*\s*([^\s\"”’'»)\]]+)")
_LINE = re.compile(r"\n")
# A wire dateline opening an article's first sentence: "BISHKEK, March 3, 2024 (Reuters) -",
# "LISBOA, March 11 (Atlantic Wire) -", "Benghazi , Libya (CNN) --". Where the report was
# filed, not where its news happened.
DATELINE = re.compile(r"^(?:[A-Z][A-Z .,'/-]{1,40}(?:,\s*[A-Z][\w .]{1,30}(?:,\s*\d{4})?)?\s*"
                      r"|[A-Z][\w.'/-]*(?:\s*,?\s*[A-Z][\w.'/-]*){0,4}\s*)?"
                      r"(?:-LRB-|\()\s*[A-Za-z][\w .&-]{1,30}\s*(?:-RRB-|\))\s*(?:-{1,2}|--|—|–)\s*")
# a list introduced by a colon whose items open with a day and a dash ("Here is a timeline of
# the war : Feb. 15 , 2011 - Protests erupt ... Feb. 17 - ..."): the heading is one sentence,
# each item another
_LIST_HEAD = re.compile(r":\s+(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
                        r"\s+\d{1,2}\b[^.:;\n]{0,25}?\s(?:-{1,2}|–|—)\s)")
_WS = " \t\r\n\u00a0\u2009\u200b\ufeff"


def _is_boundary(text: str, m: re.Match, lo: int) -> bool:
    term = m.group("term").strip()
    if term != "." and not term.startswith(". "):
        return True  # ! ? … and '...' are boundaries (an ellipsis mid-quote is rare in news)
    if m.group("term")[0].isspace():
        return True  # PTB: 'word .' -- the period is its own token
    if m.group("close").strip():
        return True  # '."' ends a sentence
    wm = _WORD_BEFORE.search(text, max(lo, m.start() - 40), m.start())
    if not wm:
        return True
    word = wm.group(1)
    low = word.lower().rstrip(".")
    nxt_m = _NEXT_WORD.match(text, m.end())
    nxt = nxt_m.group(1) if nxt_m else ""
    nxt_low = nxt.lower().strip(".,;:")
    if "." in word:  # an acronym or dotted abbreviation: U.S, e.g, a.m
        if low in ("e.g", "i.e", "cf", "viz"):
            return False
        return nxt_low in _OPENERS and nxt[:1].isupper()
    if len(word) == 1 and word.isalpha():
        # an initial ('J. Smith'), unless a lone capital is a sentence end like 'Plan B.'
        return word.islower() and not nxt[:1].isdigit()
    if low in _ABBREV:
        if low in _ENDS_OK:
            return nxt_low in _OPENERS
        return False
    return True


def _line_breaks(text: str, s: int, e: int) -> Iterable[int]:
    """Offsets inside [s, e) where a line break separates two sentences."""
    for m in _LINE.finditer(text, s, e):
        i = m.start()
        # previous non-space character
        j = i - 1
        while j >= s and text[j] in _WS:
            j -= 1
        k = m.end()
        while k < e and text[k] in _WS:
            k += 1
        if j < s or k >= e:
            continue
        nxt = text[k]
        prev = text[j]
        if nxt.islower() and prev not in ".!?:\"”'":
            continue  # a wrapped line
        if prev in ",;(-" and nxt.islower():
            continue
        yield i


def _split_region(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    if text.find("\n", s, e) < 0:
        cuts = (s, e)  # one line: no line break to cut at
    else:
        cuts = [s, *_line_breaks(text, s, e), e]
    for a, b in zip(cuts, cuts[1:]):
        pos = a
        ends = [(m.start("ws"), m.end()) for m in _BOUNDARY.finditer(text, a, b)
                if _is_boundary(text, m, a)]
        if ":" in text[a:b]:
            ends += [(m.start() + 1, m.end()) for m in _LIST_HEAD.finditer(text, a, b)]
            ends.sort()
        for end, nxt in ends:
            if end >= pos:
                _emit(text, pos, end, out)
                pos = nxt
        _emit(text, pos, b, out)


def _emit(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s] in _WS:
        s += 1
    while e > s and text[e - 1] in _WS:
        e -= 1
    if e > s:
        out.append((s, e))


def _regions(text: str, paragraphs) -> list[tuple[int, int]]:
    if paragraphs:
        regs = []
        for p in paragraphs:
            ps, pe = (p.start, p.end) if hasattr(p, "start") else (p[0], p[1])
            ps, pe = max(0, ps), min(len(text), pe)
            if pe > ps:
                regs.append((ps, pe))
        regs.sort()
        return regs
    regs, pos = [], 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        regs.append((pos, m.start()))
        pos = m.end()
    regs.append((pos, len(text)))
    return regs


def split(text: str, paragraphs: Sequence | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text``. ``paragraphs``: objects with
    ``.start``/``.end`` (``model.Paragraph``) or ``(start, end)`` pairs; when empty, blank
    lines separate paragraphs. Sentences never cross a paragraph boundary."""
    out: list[tuple[int, int]] = []
    for s, e in _regions(text, paragraphs):
        _split_region(text, s, e, out)
    return out


def split_text(text: str, paragraphs: Sequence | None = None) -> list[str]:
    """The sentences themselves (convenience for tests and tools)."""
    return [text[s:e] for s, e in split(text, paragraphs)]
