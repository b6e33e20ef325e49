"""The timetable without Qt: where items sit on the grid (`layout`) and the clashes of the
day shown, kept up to date while an item is dragged (`day_clashes`)."""
