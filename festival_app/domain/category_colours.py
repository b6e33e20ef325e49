"""The colour of each booth category on site maps, on screen and on paper (hex RGB)."""

from __future__ import annotations

from festival_app.domain.booths import BoothCategory

# Light enough to print black codes on, different enough to tell apart in a copy shop's
# colour print (ColorBrewer's Set3, which is made for that).
CATEGORY_COLOURS: dict[BoothCategory, str] = {
    BoothCategory.FOOD: "#fdb462",
    BoothCategory.TOURISM: "#80b1d3",
    BoothCategory.NGO: "#b3de69",
    BoothCategory.MARRIAGE_CULTURE: "#fccde5",
    BoothCategory.EMBASSY: "#bebada",
    BoothCategory.EXPERIENCE: "#ffffb3",
    BoothCategory.OTHER: "#d9d9d9",
}
FREE_COLOUR = "#ffffff"
BLOCKED_COLOUR = "#9e9e9e"
