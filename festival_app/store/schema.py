"""The festival file's schema, one migration per version (PRAGMA user_version)."""

from __future__ import annotations

# 'SFF1': marks a SQLite file as a festival file (PRAGMA application_id).
APPLICATION_ID = 0x53464631

_TIME = "GLOB '[0-2][0-9]:[0-5][0-9]'"
_DATE = "GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"

V1 = f"""
CREATE TABLE festival (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name_en TEXT NOT NULL DEFAULT '',
    name_ko TEXT NOT NULL DEFAULT '',
    min_changeover INTEGER NOT NULL DEFAULT 30 CHECK (min_changeover >= 0),
    notes TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE festival_day (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL UNIQUE CHECK (date {_DATE}),
    opens TEXT NOT NULL CHECK (opens {_TIME}),
    closes TEXT NOT NULL CHECK (closes {_TIME}),
    CHECK (closes > opens)
) STRICT;

CREATE TABLE venue (
    id INTEGER PRIMARY KEY,
    name_en TEXT NOT NULL DEFAULT '',
    name_ko TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('stage', 'booth_area', 'parade_route', 'other')),
    zone TEXT NOT NULL DEFAULT '',
    capacity INTEGER CHECK (capacity >= 0),
    booth_spaces INTEGER CHECK (booth_spaces >= 0),
    code_prefix TEXT NOT NULL DEFAULT '',
    changeover_min INTEGER NOT NULL DEFAULT 0 CHECK (changeover_min >= 0),
    opens TEXT CHECK (opens {_TIME}),
    closes TEXT CHECK (closes {_TIME}),
    notes TEXT NOT NULL DEFAULT '',
    CHECK (name_en <> '' OR name_ko <> ''),
    CHECK ((opens IS NULL) = (closes IS NULL) AND (opens IS NULL OR closes > opens))
) STRICT;

CREATE TABLE troupe (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    name_ko TEXT NOT NULL DEFAULT '',
    city_en TEXT NOT NULL DEFAULT '',
    city_ko TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '' CHECK (country = '' OR country GLOB '[A-Z][A-Z]'),
    relation TEXT NOT NULL CHECK (relation IN ('sister', 'friendship', 'other')),
    genre TEXT NOT NULL DEFAULT '',
    performers INTEGER CHECK (performers >= 0),
    contact TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    arrival TEXT CHECK (arrival {_DATE}),
    departure TEXT CHECK (departure {_DATE}),
    notes TEXT NOT NULL DEFAULT '',
    CHECK (arrival IS NULL OR departure IS NULL OR departure >= arrival)
) STRICT;

CREATE TABLE program_item (
    id INTEGER PRIMARY KEY,
    day_id INTEGER NOT NULL REFERENCES festival_day (id) ON DELETE RESTRICT,
    venue_id INTEGER NOT NULL REFERENCES venue (id) ON DELETE RESTRICT,
    start TEXT NOT NULL CHECK (start {_TIME}),
    "end" TEXT NOT NULL CHECK ("end" {_TIME}),
    title_en TEXT NOT NULL DEFAULT '',
    title_ko TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL
        CHECK (kind IN ('parade', 'ceremony', 'performance', 'encore', 'finale', 'other')),
    troupe_id INTEGER REFERENCES troupe (id) ON DELETE RESTRICT,
    setup_min INTEGER NOT NULL DEFAULT 0 CHECK (setup_min >= 0),
    teardown_min INTEGER NOT NULL DEFAULT 0 CHECK (teardown_min >= 0),
    status TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'cancelled')),
    notes TEXT NOT NULL DEFAULT '',
    CHECK ("end" > start),
    CHECK (title_en <> '' OR title_ko <> '')
) STRICT;
CREATE INDEX program_item_by_day ON program_item (day_id, venue_id, start);
CREATE INDEX program_item_by_venue ON program_item (venue_id);
CREATE INDEX program_item_by_troupe ON program_item (troupe_id);

CREATE TABLE booth (
    id INTEGER PRIMARY KEY,
    code TEXT UNIQUE CHECK (code IS NULL OR code <> ''),
    venue_id INTEGER NOT NULL REFERENCES venue (id) ON DELETE RESTRICT,
    category TEXT NOT NULL CHECK (category IN
        ('food', 'tourism', 'ngo', 'marriage_culture', 'embassy', 'experience', 'other')),
    country TEXT NOT NULL DEFAULT '' CHECK (country = '' OR country GLOB '[A-Z][A-Z]'),
    organization TEXT NOT NULL DEFAULT '',
    exhibitor TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    staff INTEGER CHECK (staff >= 0),
    power INTEGER NOT NULL DEFAULT 0 CHECK (power IN (0, 1)),
    water INTEGER NOT NULL DEFAULT 0 CHECK (water IN (0, 1)),
    gas INTEGER NOT NULL DEFAULT 0 CHECK (gas IN (0, 1)),
    notes TEXT NOT NULL DEFAULT '',
    CHECK (country <> '' OR organization <> '')
) STRICT;
CREATE INDEX booth_by_venue ON booth (venue_id);

CREATE TABLE booth_day (
    booth_id INTEGER NOT NULL REFERENCES booth (id) ON DELETE CASCADE,
    day_id INTEGER NOT NULL REFERENCES festival_day (id) ON DELETE CASCADE,
    PRIMARY KEY (booth_id, day_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX booth_day_by_day ON booth_day (day_id);

INSERT INTO festival (id, name_en) VALUES (1, 'New festival');
"""

# Version 2: acknowledged clashes. `key` is a clash's stable identity (see
# domain/clashes.py); a row means the organizers know of that clash and why it is fine.
V2 = """
CREATE TABLE clash_acknowledgement (
    key TEXT PRIMARY KEY,
    reason TEXT NOT NULL CHECK (reason <> ''),
    acknowledged_at TEXT NOT NULL
) STRICT;
"""

# Version 3: row versions, for optimistic concurrency (see store/repositories.py). Every
# write of a record adds one to its row_version and is made only while the row still has
# the version the record was read with, so a stale copy (read before another program or
# window changed the row) never overwrites a newer one. Existing rows start at 1.
V3 = """
ALTER TABLE festival_day ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1
    CHECK (row_version >= 1);
ALTER TABLE venue ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);
ALTER TABLE troupe ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);
ALTER TABLE program_item ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1
    CHECK (row_version >= 1);
ALTER TABLE booth ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);
"""

# The tables whose rows carry a row_version (since version 3).
VERSIONED_TABLES = ("festival_day", "venue", "troupe", "program_item", "booth")

# Version 4: who changed each record last and when (for team mode, where several
# computers edit one festival: a refused stale write names them). `changed_by` is
# "HOST (user)", `changed_at` UTC as 'YYYY-MM-DDTHH:MM:SSZ'; both '' on rows written before.
# The festival's own row (its name and settings) gets a row version too.
V4 = (
    "ALTER TABLE festival ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 "
    "CHECK (row_version >= 1);\n"
) + "".join(
    f"ALTER TABLE {table} ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';\n"
    f"ALTER TABLE {table} ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';\n"
    for table in ("festival", "festival_day", "venue", "troupe", "program_item", "booth")
)

# MIGRATIONS[n] brings a file from version n to version n + 1.
MIGRATIONS: list[str] = [V1, V2, V3, V4]

SCHEMA_VERSION = len(MIGRATIONS)
