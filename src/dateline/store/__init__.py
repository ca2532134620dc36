from .sqlite import Store, SCHEMA_VERSION

__all__ = ["Store", "SCHEMA_VERSION"]
