"""Widgets the window is built from."""
