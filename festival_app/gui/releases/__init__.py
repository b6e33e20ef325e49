"""Releases in the window: "Release this version…", the Changes section, and the
timetable's marks on items changed since the printed baseline."""
