"""Dedupe: exact and near-duplicate documents, and paragraphs repeated across documents.

Signatures (MinHash over 5-word shingles) are computed per document in the clean workers and
stored; the grouping itself is recomputed over the whole store at the end of every build, so
the result does not depend on the order files arrived in or on an interrupted earlier build.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

NUM_PERM = 64
SHINGLE = 5
DOC_THRESHOLD = 0.8    # near-duplicate documents (re-posts, lightly edited copies)
PARA_THRESHOLD = 0.7   # repeated paragraphs (agency background boilerplate)
MIN_PARA_WORDS = 8     # shorter lines ("Trend:", datelines) repeat everywhere and mean nothing
_WORD = re.compile(r"\w+", re.U)


def normalized_hash(text: str) -> str:
    """Hash of the text with case and whitespace folded: equal for exact duplicates."""
    return hashlib.sha256(" ".join(_WORD.findall(text.lower())).encode()).hexdigest()[:32]


@lru_cache(maxsize=1)
def _template():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")


def shingles(text: str) -> list[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def signature(text: str) -> bytes | None:
    """MinHash signature as bytes (None for text too short to compare)."""
    sh = shingles(text)
    if not sh:
        return None
    from datasketch import MinHash

    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=t.permutations, scheme=t.scheme)
    m.update_batch(sh)
    return m.hashvalues.astype(np.uint32).tobytes()


def paragraph_signature(text: str) -> bytes | None:
    if len(_WORD.findall(text)) < MIN_PARA_WORDS:
        return None
    return signature(text)


def _minhash(blob: bytes):
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=np.frombuffer(blob, dtype=np.uint32), scheme="affine32")


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


def _near_pairs(items: list[tuple[object, bytes]], threshold: float):
    """Pairs of keys whose MinHash similarity is at least threshold (LSH, then verified)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sigs = {}
    for key, blob in items:
        m = _minhash(blob)
        sigs[key] = m
        lsh.insert(key, m, check_duplication=False)
    for key, m in sigs.items():
        for other in lsh.query(m):
            if other != key and key < other and m.jaccard(sigs[other]) >= threshold:
                yield key, other


def run(store) -> dict:
    """Recompute duplicate_of and repeated-paragraph groups for the whole store."""
    db = store.db
    counters = {"exact_duplicates": 0, "near_duplicates": 0, "repeated_paragraphs": 0}
    docs = db.execute("SELECT id, published, length(text), text_hash, minhash FROM documents").fetchall()
    uf = _UnionFind()
    by_hash: dict[str, str] = {}
    for d in docs:
        uf.find(d[0])
        if d[3] in by_hash:
            uf.union(by_hash[d[3]], d[0])
        else:
            by_hash[d[3]] = d[0]
    for a, b in _near_pairs([(d[0], d[4]) for d in docs if d[4] is not None], DOC_THRESHOLD):
        uf.union(a, b)
    clusters: dict[str, list] = {}
    for d in docs:
        clusters.setdefault(uf.find(d[0]), []).append(d)
    hash_of = {d[0]: d[3] for d in docs}
    new_dup: dict[str, str | None] = {}
    for members in clusters.values():
        # The canonical copy: first published, then the fullest text, then the smallest id.
        canon = min(members, key=lambda d: (d[1] is None, d[1] or "", -d[2], d[0]))[0]
        for d in members:
            new_dup[d[0]] = None if d[0] == canon else canon
            if d[0] != canon:
                counters["exact_duplicates" if d[3] == hash_of[canon] else "near_duplicates"] += 1
    paras = db.execute("SELECT doc, seq, minhash FROM paragraphs WHERE minhash IS NOT NULL").fetchall()
    puf = _UnionFind()
    for a, b in _near_pairs([((p[0], p[1]), p[2]) for p in paras], PARA_THRESHOLD):
        if a[0] != b[0]:
            puf.union(a, b)
    groups: dict[tuple, list] = {}
    for key in list(puf.parent):
        groups.setdefault(puf.find(key), []).append(key)
    new_grp: dict[tuple, str] = {}
    for root, keys in groups.items():
        if len({k[0] for k in keys}) > 1:
            gid = f"{min(keys)[0]}:{min(keys)[1]}"
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
