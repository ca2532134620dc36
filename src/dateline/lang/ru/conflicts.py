"""Russian for conflicts: what the conflict rules know of Russian (see lang/en/conflicts.py).

Only the letters so far: the number, unit and blame patterns are English; a Russian
sentence's words still count as context words when two claims are compared.
"""
from __future__ import annotations

# The letters a context word may start with, beside the Latin ones of lang/en: the Russian
# alphabet (Ё/ё lie outside А-я). Narrower than lang.common.CYRILLIC (the whole Cyrillic
# block, with Ukrainian and Serbian letters), which is why it is its own list.
WORD_LETTERS = "А-Яа-яЁё"
