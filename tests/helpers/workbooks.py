"""Helpers for the import tests: a file's digest, to tell it was left byte for byte as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path


def digest(path: Path) -> str:
    """The SHA-256 of the file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
