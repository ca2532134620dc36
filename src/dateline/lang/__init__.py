"""What dateline knows about languages, in one layer.

``dateline.lang`` holds all linguistic knowledge as data, one package per language
(``lang/en``, ``lang/ru``; see docs/languages.md for how to add one), plus the helpers every
stage shares (``lang.common``: script tests, word tokenising, stemming) and paragraph language
identification (``lang.identify``). Stages read their vocabulary from here; none defines its
own month names, stop words or cue lists.
"""
from __future__ import annotations

import importlib
from types import ModuleType

from .identify import detect, paragraph_languages  # noqa: F401  (the stage API, unchanged)

LANGUAGES = ("en", "ru")


def get(code: str) -> ModuleType:
    """The knowledge package of one language (``dateline.lang.en``), or KeyError."""
    if code not in LANGUAGES:
        raise KeyError(f"no language package for {code!r} (have: {', '.join(LANGUAGES)})")
    return importlib.import_module(f"{__name__}.{code}")
