"""Temporal tagging: find and normalise time expressions; infer publication dates."""
from .pubdate import infer_published
from .tagger import tag

__all__ = ["tag", "infer_published"]
