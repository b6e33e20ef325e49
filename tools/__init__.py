"""Developer tools run as scripts (`python tools/NAME.py`): the frozen build, the
translations, screenshots. Tests import them as `tools.NAME`."""
