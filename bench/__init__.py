"""Benchmarks: each script times one capability on generated festivals of 1x, 10x and 100x.

Run one as `python bench/NAME.py`; `bench.generate` makes the festivals (tests use it too).
"""
