"""Tests of the translations: the Korean interface, its messages, and the files behind them."""
