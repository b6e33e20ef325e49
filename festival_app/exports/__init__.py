"""Printouts, workbooks and the calendar file; headless (never imports Qt).

`export(kind, service, out_path, ...)` writes any of them atomically; see registry.py.
"""

from festival_app.exports.common import ExportCancelled, ExportError
from festival_app.exports.fonts import MissingFontError
from festival_app.exports.registry import KINDS, export

__all__ = ["KINDS", "ExportCancelled", "ExportError", "MissingFontError", "export"]
