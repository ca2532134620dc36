"""Russian place names: the Russian aliases of the gazetteer's curated places, as data.

Russian inflects names, so the common case forms are listed ("Азербайджан", "Азербайджана",
"Азербайджане", "Азербайджаном"). dateline.gazetteer adds them to the English names and
aliases when it builds its database.
"""
from __future__ import annotations

# Extra aliases for countries (ISO2 -> aliases)
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    'US': ('США', 'Соединенные Штаты'),
    'GB': ('Великобритания', 'Великобритании'),
    'RU': ('Россия', 'России', 'Россией', 'Российская Федерация', 'Российской Федерации'),
    'AZ': ('Азербайджан', 'Азербайджана', 'Азербайджане', 'Азербайджаном'),
    'AM': ('Армения', 'Армении', 'Арменией'),
    'TR': ('Турция', 'Турции', 'Турцией'),
    'GE': ('Грузия', 'Грузии'),
    'IR': ('Иран', 'Ирана', 'Иране'),
    'UA': ('Украина', 'Украины', 'Украине'),
    'CN': ('Китай', 'Китая'),
    'DE': ('Германия', 'Германии'),
    'FR': ('Франция', 'Франции'),
}

# Aliases of the curated regions (gazetteer.CURATED_REGIONS slug -> aliases)
REGION_ALIASES: dict[str, tuple[str, ...]] = {
    'nagorno-karabakh': ('Нагорный Карабах', 'Нагорного Карабаха', 'Нагорном Карабахе', 'Арцах', 'Арцаха'),
    'karabakh': ('Карабах', 'Карабаха', 'Карабахе'),
    'south-caucasus': ('Закавказье', 'Южный Кавказ'),
    'caucasus': ('Кавказ',),
    'north-caucasus': ('Северный Кавказ',),
    'nakhchivan': ('Нахичевань',),
    'lachin-corridor': ('Лачинский коридор',),
    'middle-east': ('Ближний Восток',),
    'crimea': ('Крым',),
    'donbas': ('Донбасс',),
    'gaza-strip': ('Сектор Газа',),
    'black-sea': ('Черное море', 'Чёрное море'),
    'caspian-sea': ('Каспийское море',),
}

# Cyrillic letters of alternate names worth keeping (capitals, letters, lower-case letters)
UPPER_LETTERS = "Ѐ-ӿ"
LETTERS = "Ѐ-ӿ"
LOWER_LETTERS = "а-яё"
