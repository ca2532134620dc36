"""`dateline import`: the Parquet tables of the Spark runner (dateline.spark) into a database.

The tables have the store's columns (store.sqlite.DOCUMENT_COLUMNS, CHILD_COLUMNS). Rows are
streamed table by table in record batches, so the import holds one batch in memory, not the
corpus; a document already in the database is skipped with its rows (ids are content hashes).
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .sqlite import CHILD_COLUMNS, DOCUMENT_COLUMNS, Store

BATCH_ROWS = 20_000   # rows per record batch read and per executemany


class ParquetError(Exception):
    """The folder is not the output of `dateline build --engine spark`."""


def _batches(folder: Path, table: str, columns: tuple[str, ...]):
    import pyarrow.dataset as ds

    path = folder / table
    if not path.exists():
        raise ParquetError(f"{folder}: no {table!r} table (not the output of "
                           "`dateline build --engine spark`?)")
    try:
        data = ds.dataset(str(path), format="parquet")
        missing = [c for c in columns if c not in data.schema.names]
        if missing:
            raise ParquetError(f"{path}: missing columns {', '.join(missing)}")
        for batch in data.to_batches(columns=list(columns), batch_size=BATCH_ROWS):
            cols = [batch.column(c).to_pylist() for c in columns]
            yield list(zip(*cols))
    except ParquetError:
        raise
    except Exception as e:   # a damaged file: one line naming it
        raise ParquetError(f"{path}: cannot read Parquet: {type(e).__name__}: {e}".splitlines()[0]) from None


def meta(folder: str | Path) -> dict:
    """The build's meta table: topic and counters."""
    rows = dict(r for b in _batches(Path(folder), "meta", ("key", "value")) for r in b)
    rows["counters"] = Counter(json.loads(rows["counters"])) if rows.get("counters") else Counter()
    return rows


def import_tables(folder: str | Path, store: Store) -> tuple[int, int]:
    """Add the documents of folder (with their rows) to store. Returns (added, already)."""
    folder = Path(folder)
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ParquetError("dateline import needs pyarrow: pip install 'dateline[spark]'") from None
    known = store.known_ids()
    new: set[str] = set()
    already = 0
    db = store.db
    with db:   # one transaction: an interrupted import leaves the database as it was
        for rows in _batches(folder, "documents", DOCUMENT_COLUMNS):
            fresh = []
            for r in rows:
                if r[0] in known or r[0] in new:
                    already += 1
                else:
                    new.add(r[0])
                    fresh.append(r)
            db.executemany(f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) VALUES "
                           f"({','.join('?' * len(DOCUMENT_COLUMNS))})", fresh)
        for table, cols in CHILD_COLUMNS.items():
            for rows in _batches(folder, table, cols):
                db.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                               f"({','.join('?' * len(cols))})", [r for r in rows if r[0] in new])
    return len(new), already
