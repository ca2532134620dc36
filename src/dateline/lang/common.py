"""Helpers every language and stage shares, defined once: scripts, words, stems.

Why here: before this layer, five modules had their own test for Cyrillic text, three their
own five-letter stemmer and several their own word pattern; a fix to one never reached the
others.
"""
from __future__ import annotations

import re

# Unicode blocks of the scripts dateline tells apart (the dominant script of a paragraph
# overrides fastText on short lines; see lang.identify)
SCRIPTS = [(name, re.compile(rx)) for name, rx in [
    ("LATIN", r"[A-Za-z\u00c0-\u024f]"), ("CYRILLIC", r"[\u0400-\u04ff]"), ("ARABIC", r"[\u0600-\u06ff]"),
    ("HEBREW", r"[\u0590-\u05ff]"), ("GREEK", r"[\u0370-\u03ff]"), ("ARMENIAN", r"[\u0530-\u058f]"),
    ("GEORGIAN", r"[\u10a0-\u10ff]"), ("DEVANAGARI", r"[\u0900-\u097f]"),
    ("CJK", r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")]]


def script(text: str) -> str | None:
    """The dominant script of the letters in text ('LATIN', 'CYRILLIC', ...)."""
    head = text[:400]
    if head.isascii():
        return "LATIN" if any(c.isalpha() for c in head) else None
    best, n_best = None, 0
    for name, rx in SCRIPTS:
        n = len(rx.findall(head))
        if n > n_best:
            best, n_best = name, n
    return best


# Cyrillic letters: Unicode's basic Cyrillic block (Russian, Ukrainian, Serbian, ...)
CYRILLIC = "\u0400-\u04ff"
_CYR = re.compile(f"[{CYRILLIC}]")


def has_cyrillic(text: str) -> bool:
    """Whether text has any Cyrillic letter."""
    return _CYR.search(text) is not None


# a word, as the stages count words: a run of letters, digits or underscores
WORD = re.compile(r"\w+")

# Five letters are the stem: crude, but it joins "attack"/"attacked"/"attacks" and Russian
# case forms ("соглашение"/"соглашения") without a language-specific stemmer, and it is what
# the link and conflict thresholds were measured with.
STEM_LENGTH = 5


def stem(word: str) -> str:
    """The shared crude stem: the lower-cased first STEM_LENGTH characters."""
    return word.lower()[:STEM_LENGTH]
