"""Helpers the tests share, imported as `tests.helpers.NAME` (fixtures stay in the conftest files)."""
