"""The timetable grid: venues by time for one festival day, edited with drag and drop.

`widget.TimetableWidget` is the whole of it; `extension.install` puts it in the window.
"""
