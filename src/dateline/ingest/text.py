"""Plain-text articles."""
from __future__ import annotations

from ..model import RawDocument

_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b",
                 b"\x7fELF", b"BZh", b"\xfd7zXZ", b"SQLite format 3")


def decode(path: str, data: bytes):
    """Bytes -> str, or an IngestError saying exactly why not."""
    from . import IngestError

    if not data.strip():
        return IngestError(path, "empty file")
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return IngestError(path, "binary file, not text")
    try:
        s = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return IngestError(path, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})")
    controls = sum(1 for c in s[:8192] if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > 0.05 * min(len(s), 8192):
        return IngestError(path, "binary file, not text (control characters)")
    if not s.strip():
        return IngestError(path, "empty file")
    return s


def from_bytes(path: str, data: bytes):
    s = decode(path, data)
    if not isinstance(s, str):
        return s
    return RawDocument(path=path, raw=s, kind="text")
