"""Ingest: files and folders -> raw documents.

Each reader yields RawDocument for every article it can read and IngestError for every one it
cannot, so one bad file (or one bad line of a JSONL file) never stops the batch.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..model import RawDocument
from ..settings import SETTINGS

# The size limit of one article is SETTINGS.ingest.MAX_ARTICLE_BYTES.

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".warc.gz", ".arc", ".arc.gz"}


@dataclass
class IngestError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for s in WARC_SUFFIXES:
        if name.endswith(s):
            return s
    return path.suffix.lower()


SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES


def discover(paths: Iterable[str | os.PathLike]) -> Iterator[Path | IngestError]:
    """Expand files and folders (recursively, in sorted order) into input files."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and suffix_of(child) in SUPPORTED and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            if suffix_of(path) in SUPPORTED:
                yield path
            else:
                yield IngestError(str(path), f"unsupported file type {path.suffix or '(none)'!r} "
                                  "(expected .txt, .html, .jsonl, .warc or .warc.gz)")
        else:
            yield IngestError(str(path), "no such file or directory")


def read(path: Path) -> Iterator[RawDocument | IngestError]:
    """Read one input file into raw documents."""
    from . import html, jsonl, text, warc

    suffix = suffix_of(path)
    try:
        if suffix in WARC_SUFFIXES:
            yield from warc.read(path)
            return
        if suffix in JSONL_SUFFIXES:
            yield from jsonl.read(path)
            return
        size = path.stat().st_size
        limit = SETTINGS.ingest.MAX_ARTICLE_BYTES
        if size > limit:
            yield IngestError(str(path), f"file too large for an article ({size / 2**20:.1f} MB > "
                              f"{limit // 2**20} MB limit)")
            return
        data = path.read_bytes()
        if suffix in HTML_SUFFIXES:
            yield html.from_bytes(str(path), data)
        else:
            yield text.from_bytes(str(path), data)
    except OSError as e:
        yield IngestError(str(path), f"cannot read: {e.strerror or e}")


def read_all(paths: Iterable[str | os.PathLike]) -> Iterator[RawDocument | IngestError]:
    for item in discover(paths):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read(item)
