"""One table model per kind of record (columns as an IntEnum)."""
