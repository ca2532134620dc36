"""Russian rules of the time tagger, as declarations: the same keys as lang/en/time_rules.py
(read its docstring). Russian rules run over the whole text of a document with Cyrillic
letters (``SCAN``/``SCRIPT``): few Russian documents reach the tagger, so anchor windows
would not pay for themselves.
"""
from __future__ import annotations

# a Tuesday: the examples' publication date
EXAMPLE_REF = "2020-11-24"
SCAN = "whole"
SCRIPT = "CYRILLIC"

_B = r"(?<![\w])"          # left word boundary that also works before punctuation-led tokens
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\w%]|[.,]\d)"
_RU_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:-?(?:го|е|ое))?"
_RU_GEN = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_RU_PREP = r"(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)"

# a zone after a clock time ("14:00 по московскому времени"), added to the English rule "time"
SLOTS = {"ZONE": r"\s+по\s+(?:московскому|бакинскому|ереванскому|киевскому|местному)\s+времени"}

RULES = [
    dict(name='ru_dm', priority=380,
         examples=[('Соглашение подписано 10 ноября 2020 года.', '10 ноября 2020 года', '2020-11-10')],
         pattern=rf"{_B}(?P<day>{_RU_DAY})\s+(?P<mon>{_RU_GEN})(?:\s+(?P<year>{YEAR})(?:\s*(?:года|год|г\.|г(?![\w])))?)?(?![\w])"),
    dict(name='ru_mon', priority=390,
         examples=[('Переговоры прошли в ноябре.', 'ноябре', '2020-11')],
         pattern=rf"{_B}(?:в|во)\s+(?P<x>(?P<mon>{_RU_PREP})(?:\s+(?P<year>{YEAR})\s*(?:года|г\.))?)(?![\w])"),
    dict(name='ru_year', priority=400,
         examples=[('Война началась в 2020 году.', '2020 году', '2020')],
         pattern=rf"{_B}(?P<x>(?P<year>{YEAR})\s*(?:году|года|год|г\.|гг\.))"),
    dict(name='ru_wd', priority=410,
         examples=[('Стороны встретились в среду.', 'среду', '2020-11-18')],
         pattern=rf"{_B}(?:в|во)\s+(?P<x>(?:(?P<rel>прошлую|прошлый|прошлое|следующую|следующий|следующее|эту|этот|это)\s+)?"
                 r"(?P<wd>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))(?![\w])"),
    dict(name='ru_deic', priority=420,
         handler='deictic',
         examples=[('Министр заявил вчера, что переговоры провалились.', 'вчера', '2020-11-23')],
         pattern=rf"{_B}(?P<deic>позавчера|послезавтра|вчера|сегодня|завтра|сейчас|ныне|недавно|скоро|"
                 r"в\s+настоящее\s+время|в\s+ближайшее\s+время|в\s+последнее\s+время)"
                 r"(?:\s+(?P<pod>утром|днем|днём|вечером|ночью))?(?![\w])"),
    dict(name='ru_relunit', priority=430,
         examples=[('Бои усилились на прошлой неделе.', 'прошлой неделе', '2020-W47')],
         pattern=rf"{_B}(?:на|в|во)\s+(?P<x>(?P<rel>прошлой|этой|следующей|текущей|прошлом|этом|следующем|"
                 r"текущем|нынешнем|будущем|прошедшем|минувшем|минувшей|прошедшей)\s+"
                 r"(?P<unit>неделе|месяце|году|квартале))(?![\w])"),
    dict(name='ru_future', priority=440,
         examples=[('Войска уйдут в ближайшие дни.', 'ближайшие дни', 'FUTURE_REF')],
         pattern=rf"{_B}(?:в\s+)?(?P<x>(?P<w>последующие|ближайшие|следующие|грядущие|предстоящие|"
                 r"будущие|последние|прошедшие|минувшие)\s+(?:несколько\s+)?(?:дни|дней|недели|недель|"
                 r"месяцы|месяцев|годы|лет))(?![\w])"),
    dict(name='ru_dur', priority=450,
         examples=[('Город был взят три дня назад.', 'три дня назад', '2020-11-21')],
         pattern=rf"{_B}(?P<num>\d+|один|одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|"
                 r"несколько)\s+(?P<unit>дн(?:ей|я)|день|недел[ьиюе]|месяц(?:а|ев)?|год(?:а)?|лет|"
                 r"час(?:а|ов)?|минут[аы]?|десятилети[йяе])(?:\s+(?P<dir>назад|спустя))?(?![\w])"),
]
