"""HTML pages. The body and metadata are extracted later by clean (trafilatura)."""
from __future__ import annotations

import re

from ..model import RawDocument

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(path: str, data: bytes, declared: str | None = None):
    """Decode with the declared charset (HTTP header or <meta>), else UTF-8."""
    from . import IngestError
    from .text import _BINARY_MAGIC

    if not data.strip():
        return IngestError(path, "empty file")
    if data[:8192].startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        return IngestError(path, "binary file, not HTML")
    m = _CHARSET.search(data[:4096])
    charset = declared or (m.group(1).decode("ascii", "replace") if m else None)
    if charset:
        # an unknown name, or a codec that is no text encoding (rot13, hex, base64: bytes.decode
        # refuses them with a LookupError; not for b"", which it never looks up), is as good as
        # no declaration
        try:
            b"a".decode(charset)
        except LookupError:
            charset = None
        except (UnicodeError, ValueError):  # a text encoding that one byte cannot satisfy (UTF-16)
            pass
    try:
        return data.decode(charset or "utf-8-sig")
    except UnicodeDecodeError as e:
        return IngestError(path, f"not valid {charset or 'UTF-8'} (byte 0x{data[e.start]:02x} "
                                 f"at offset {e.start}) and no other charset declared")
    except (UnicodeError, ValueError) as e:  # e.g. "idna" on a non-ASCII page
        return IngestError(path, f"not valid {charset}: {e}")


def from_bytes(path: str, data: bytes, url: str | None = None, declared: str | None = None):
    s = decode_html(path, data, declared)
    if not isinstance(s, str):
        return s
    return RawDocument(path=path, raw=s, kind="html", url=url)
