"""The timetable grid: venues by time for one festival day, edited with drag and drop."""

from festival_app.gui.schedule.widget import TimetableWidget

__all__ = ["TimetableWidget"]
