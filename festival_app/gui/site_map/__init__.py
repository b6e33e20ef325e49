"""The Site map section: each booth area's map, its spaces and the booths on them."""
