"""Russian sentence boundaries: the abbreviations a period does not end, and the letters
that open a sentence (see lang/en/sentences.py for the rules they serve)."""
from __future__ import annotations

# abbreviations followed by a number or a name: "1991 г.", "гг.", "им. Ленина", "т. н.",
# "ул. Пушкина", "д. 5", "стр. 3", "5 тыс.", "млн", "млрд", "руб.", "см.", "рис."
ABBREVIATIONS = frozenset({"г", "гг", "им", "т", "н", "ул", "д", "стр", "тыс", "млн", "млрд",
                           "руб", "см", "рис"})

# the capitals that can open a sentence and the lower case letters that cannot (Ё/ё lie
# outside the А-я range)
UPPER = "А-ЯЁ"
LOWER = "а-яё"
