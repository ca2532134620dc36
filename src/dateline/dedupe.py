"""Dedupe: exact and near-duplicate documents, and paragraphs repeated across documents.

Signatures (MinHash over 5-word shingles) are computed per document in the clean workers and
stored; the grouping itself is recomputed over the whole store at the end of every build, so
the result does not depend on the order files arrived in or on an interrupted earlier build.
"""
from __future__ import annotations

import bisect
import hashlib
import zlib

from functools import lru_cache

import numpy as np

from .lang.common import WORD as _WORD
from .settings import SETTINGS

# The tuned numbers (permutations, shingle length, thresholds, LSH bands) are SETTINGS.dedupe.


def normalized_hash(text: str) -> str:
    """Hash of the text with case and whitespace folded: equal for exact duplicates."""
    return hashlib.sha256(" ".join(_WORD.findall(text.lower())).encode()).hexdigest()[:32]


# MinHash with NUM_PERM (SETTINGS.dedupe) affine permutations of 32-bit shingle hashes,
# vectorised with numpy over every shingle of a document at once (datasketch's per-object
# MinHash costs ~40 µs a paragraph in set-up alone). The signatures are stored as plain uint32 arrays.
# Each permutation is a multiply-shift hash, h(x) = (a*x + b) mod 2^64 >> 32 (Dietzfelbinger
# et al.): universal, and with no division it is ~6x faster in numpy than (a*x + b) mod p.
_MAX32 = np.uint64(0xFFFFFFFF)
_SHIFT = np.uint64(32)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of each permutation: odd multipliers and offsets from a fixed seed, so that
    signatures computed in different processes and builds compare."""
    rng = np.random.RandomState(1)
    a = rng.randint(0, 2**63 - 1, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.randint(0, 2**63 - 1, size=num_perm, dtype=np.uint64)
    return a, b


def _word_hashes(words: list[str]) -> np.ndarray:
    return np.fromiter((zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words),
                       dtype=np.uint64, count=len(words))


def _shingle_hashes(wh: np.ndarray) -> np.ndarray:
    """32-bit hashes of the SHINGLE-word windows of a word-hash array (a rolling combination)."""
    shingle = SETTINGS.dedupe.SHINGLE
    if len(wh) < shingle:
        return (wh * np.uint64(0x9E3779B1)).sum(dtype=np.uint64)[None] & _MAX32 if len(wh) else wh
    h = np.zeros(len(wh) - shingle + 1, dtype=np.uint64)
    for k in range(shingle):
        h = h * np.uint64(1000003) + wh[k:len(wh) - shingle + 1 + k]
    return (h ^ (h >> np.uint64(29))) & _MAX32


def signatures(text: str, spans: list[tuple[int, int]]) -> tuple[bytes | None, list[bytes | None]]:
    """The document's signature and each paragraph's (None for short ones) in one vectorised
    pass: words are hashed once (news text with one sentence per line has a hundred
    paragraphs an article, and per-paragraph numpy calls cost more than the hashing)."""
    words, bounds = _span_words(text, spans)
    # hash each distinct word once (a text repeats most of its words)
    crc = {w: zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in set(words)}
    hashes = list(map(crc.__getitem__, words))
    para: list[bytes | None] = [None] * len(spans)
    if not hashes:
        return None, para
    wh = np.array(hashes, dtype=np.uint64)
    sh = _shingle_hashes(wh)  # sh[i] covers words i..i+4; in-paragraph windows are selected below
    # permutations x shingles (C order): the minima run along contiguous rows
    num_perm = SETTINGS.dedupe.NUM_PERM
    mult, offset = _permutations(num_perm)
    phv = np.multiply.outer(mult, sh)
    phv += offset[:, None]
    phv >>= _SHIFT
    doc_sig = phv.min(axis=1).astype(np.uint32).tobytes()
    shingle, min_words = SETTINGS.dedupe.SHINGLE, SETTINGS.dedupe.MIN_PARA_WORDS
    todo = [(n, a, b - shingle + 1) for n, (a, b) in enumerate(bounds) if b - a >= min_words]
    if todo:
        # reduceat over [a, z) pairs: the even columns are the paragraphs' minima
        idx = [i for _, a, z in todo for i in (a, z)]
        m = len(sh)
        if idx[-1] == m:
            idx.pop()  # the last segment runs to the end anyway
        if m in idx:
            # a sentinel column makes len(sh) a valid index
            phv = np.hstack([phv, np.full((num_perm, 1), np.iinfo(np.uint64).max, dtype=np.uint64)])
        mins = np.minimum.reduceat(phv, np.array(idx, dtype=np.int64), axis=1)[:, ::2].T.astype(np.uint32)
        for (n, a, z), row in zip(todo, mins):
            para[n] = row.tobytes()
    return doc_sig, para


_WS_CHARS = frozenset(" \t\n\r\f\v")


def _span_words(text: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[tuple[int, int]]]:
    """The lower-cased words of each span, concatenated, and each span's [start, end) in the
    list: one findall over the whole text when the spans are whitespace-delimited (lower-casing
    then cannot depend on the cut), else span by span."""
    n = len(text)
    fast = bool(spans)
    for a, b in spans:
        if not (0 <= a <= b <= n) or (a > 0 and text[a - 1] not in _WS_CHARS) or \
                (b < n and text[b] not in _WS_CHARS):
            fast = False
            break
    if fast:
        low = text.lower()
        if len(low) == n:
            allw: list[str] = []
            starts: list[int] = []
            for mt in _WORD.finditer(low):
                allw.append(mt.group())
                starts.append(mt.start())
            words: list[str] = []
            bounds: list[tuple[int, int]] = []
            for a, b in spans:
                i = bisect.bisect_left(starts, a)
                j = bisect.bisect_left(starts, b)
                start = len(words)
                words.extend(allw[i:j])
                bounds.append((start, len(words)))
            return words, bounds
    words = []
    bounds = []
    for a, b in spans:
        start = len(words)
        words.extend(_WORD.findall(text[a:b].lower()))
        bounds.append((start, len(words)))
    return words, bounds

class _UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def shingle_set(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    return set(_shingle_hashes(_word_hashes(words)).tolist()) if words else set()


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


# LSH banding: BANDS bands of ROWS rows (SETTINGS.dedupe); two signatures become candidates
# when any band is equal. With 16 x 4 the candidate threshold is about (1/16)^(1/4) = 0.5, below both
# thresholds, so near misses of the estimate are still proposed. Done with numpy over the whole
# signature matrix: datasketch's MinHashLSH took 64 s and 2.3 GB for Timeline17's 219k
# paragraphs, this takes a few seconds and a few hundred MB.


def band_keys(sig: np.ndarray) -> np.ndarray:
    """One 64-bit key per LSH band of each signature (rows: signatures, BANDS columns): two
    signatures are candidates when a column is equal. Sorting raw 16-byte records was the
    slowest step; a rare key collision only proposes an extra candidate, which verification
    rejects. The Spark runner groups by (band, key) with the same keys."""
    bands, n_rows = SETTINGS.dedupe.BANDS, SETTINGS.dedupe.ROWS
    out = np.zeros((len(sig), bands), dtype=np.uint64)
    for b in range(bands):
        rows = sig[:, b * n_rows:(b + 1) * n_rows].astype(np.uint64)
        for r in range(n_rows):
            out[:, b] = out[:, b] * np.uint64(0x100000001B3) + rows[:, r]
    return out


def signature_matrix(blobs: list[bytes]) -> np.ndarray:
    return np.frombuffer(b"".join(blobs), dtype=np.uint32).reshape(len(blobs), SETTINGS.dedupe.NUM_PERM)


def bucket_pairs(g: list):
    """The candidate pairs (a < b) of one band bucket, g sorted: every pair, or in a bucket
    larger than MAX_GROUP_PAIRS (boilerplate) each member with the first 4 only."""
    anchors = g if len(g) <= SETTINGS.dedupe.MAX_GROUP_PAIRS else g[:4]
    for x, i in enumerate(anchors):
        for j in g[x + 1:]:
            yield i, j


def _candidates(sig: np.ndarray):
    """Index pairs (i < j) sharing at least one LSH band."""
    seen: set[tuple[int, int]] = set()
    keys = band_keys(sig)
    for b in range(keys.shape[1]):
        band = keys[:, b]
        order = np.argsort(band, kind="stable")
        sorted_band = band[order]
        starts = np.concatenate(([0], np.flatnonzero(sorted_band[1:] != sorted_band[:-1]) + 1))
        ends = np.concatenate((starts[1:], [len(order)]))
        multi = np.flatnonzero(ends - starts > 1)  # most buckets hold one signature: skip them
        for a, z in zip(starts[multi].tolist(), ends[multi].tolist()):
            for pair in bucket_pairs(sorted(order[a:z].tolist())):
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def canonical_key(published: str | None, length: int, doc_id: str) -> tuple:
    """The canonical copy of a duplicate cluster is the least by this key: first published,
    then the fullest text, then the smallest id."""
    return (published is None, published or "", -length, doc_id)


def group_id(keys) -> str:
    """The id of a group of repeated paragraphs ((doc, seq) keys): its least member's."""
    doc, seq = min(keys)
    return f"{doc}:{seq}"


def _near_pairs(items: list[tuple[object, bytes]], threshold: float, text_of):
    """Pairs of keys whose 5-word-shingle Jaccard similarity is at least threshold.

    MinHash LSH proposes candidates (even a 128-permutation estimate is off by ±0.04, enough
    to lose true pairs near the threshold); the exact Jaccard of the shingle sets decides.
    Items are taken in key order, so that which pairs a capped bucket proposes does not
    depend on the order documents were stored in (the Spark runner sorts the same way)."""
    if len(items) < 2:
        return
    items = sorted(items, key=lambda kv: kv[0])
    keys = [k for k, _ in items]
    sig = signature_matrix([blob for _, blob in items])
    sets: dict = {}

    def shingles_of(i):
        if i not in sets:
            sets[i] = shingle_set(text_of(keys[i]))
        return sets[i]

    for i, j in _candidates(sig):
        if jaccard(shingles_of(i), shingles_of(j)) >= threshold:
            a, b = keys[i], keys[j]
            yield (a, b) if a < b else (b, a)


def run(store) -> dict:
    """Recompute duplicate_of and repeated-paragraph groups for the whole store."""
    db = store.db
    counters = {"exact_duplicates": 0, "near_duplicates": 0, "repeated_paragraphs": 0}
    docs = db.execute("SELECT id, published, length(text), text_hash, minhash FROM documents").fetchall()
    texts: dict[str, str] = {}

    def doc_text(doc_id: str) -> str:
        if doc_id not in texts:
            texts[doc_id] = db.execute("SELECT text FROM documents WHERE id=?", (doc_id,)).fetchone()[0]
        return texts[doc_id]
    uf = _UnionFind()
    by_hash: dict[str, str] = {}
    for d in docs:
        uf.find(d[0])
        if d[3] in by_hash:
            uf.union(by_hash[d[3]], d[0])
        else:
            by_hash[d[3]] = d[0]
    for a, b in _near_pairs([(d[0], d[4]) for d in docs if d[4] is not None],
                            SETTINGS.dedupe.DOC_THRESHOLD, doc_text):
        uf.union(a, b)
    clusters: dict[str, list] = {}
    for d in docs:
        clusters.setdefault(uf.find(d[0]), []).append(d)
    hash_of = {d[0]: d[3] for d in docs}
    new_dup: dict[str, str | None] = {}
    for members in clusters.values():
        canon = min(members, key=lambda d: canonical_key(d[1], d[2], d[0]))[0]
        for d in members:
            new_dup[d[0]] = None if d[0] == canon else canon
            if d[0] != canon:
                counters["exact_duplicates" if d[3] == hash_of[canon] else "near_duplicates"] += 1
    paras = db.execute("SELECT doc, seq, start, end, minhash FROM paragraphs WHERE minhash IS NOT NULL").fetchall()
    spans = {(p[0], p[1]): (p[2], p[3]) for p in paras}

    def para_text(key) -> str:
        a, b = spans[key]
        return doc_text(key[0])[a:b]
    puf = _UnionFind()
    for a, b in _near_pairs([((p[0], p[1]), p[4]) for p in paras], SETTINGS.dedupe.PARA_THRESHOLD, para_text):
        if a[0] != b[0]:
            puf.union(a, b)
    groups: dict[tuple, list] = {}
    for key in list(puf.parent):
        groups.setdefault(puf.find(key), []).append(key)
    new_grp: dict[tuple, str] = {}
    for root, keys in groups.items():
        if len({k[0] for k in keys}) > 1:
            gid = group_id(keys)
            for k in keys:
                new_grp[k] = gid
    counters["repeated_paragraphs"] = len(new_grp)
    with db:
        db.execute("UPDATE documents SET duplicate_of=NULL WHERE duplicate_of IS NOT NULL")
        db.executemany("UPDATE documents SET duplicate_of=? WHERE id=?",
                       [(v, k) for k, v in new_dup.items() if v is not None])
        db.execute("UPDATE paragraphs SET grp=NULL WHERE grp IS NOT NULL")
        db.executemany("UPDATE paragraphs SET grp=? WHERE doc=? AND seq=?",
                       [(g, k[0], k[1]) for k, g in new_grp.items()])
    return counters
