"""Russian for cross-document linking (dateline.link): see lang/en/link.py for the layout."""
from __future__ import annotations

# Event classes (the same class names as English's EVENT_CLASSES, so a Russian mention meets
# its English twin): 5-letter stems. Enough for the seed corpus's Russian block, whose
# paragraphs repeat English reports ("прекращение огня", "соглашение", "обстрел", ...).
EVENT_CLASSES = {
    "truce": "прекр перем согла заявл", "fight": "напад атак боев войн удар обстр",
    "meet": "обсуж встре перег разго делег", "withdraw": "вывод осво верну",
    "deploy": "миротв ввод",
}

# A quote written in Russian, for choosing an event summary's script (regular-expression
# source): three consecutive letters of the Russian alphabet. Narrower than lang.common's
# Cyrillic block (no Ukrainian/Serbian letters, and a lone letter or an initial "Ё." does not
# count); the summaries of the seed corpus were chosen with this test, so it stays as it is.
RUSSIAN_WORD = r"[А-Яа-яЁё]{3}"
