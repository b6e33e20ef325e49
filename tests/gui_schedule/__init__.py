"""The timetable and the clash panel, on the 2018 sample."""
