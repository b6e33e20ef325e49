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

# Version 4: site maps of the booth areas (see domain/site_map.py). A booth area has at most
# one map (its picture and scale) and any number of spaces; a space's code is the code of
# the booth standing on it, so codes are unique across the festival like booth codes.
V4 = """
CREATE TABLE site_map (
    id INTEGER PRIMARY KEY,
    venue_id INTEGER NOT NULL UNIQUE REFERENCES venue (id) ON DELETE RESTRICT,
    image BLOB NOT NULL DEFAULT x'',
    image_format TEXT NOT NULL DEFAULT '' CHECK (image_format IN ('', 'png', 'jpeg')),
    image_width INTEGER NOT NULL DEFAULT 0 CHECK (image_width >= 0),
    image_height INTEGER NOT NULL DEFAULT 0 CHECK (image_height >= 0),
    scale_x1 REAL NOT NULL DEFAULT 0,
    scale_y1 REAL NOT NULL DEFAULT 0,
    scale_x2 REAL NOT NULL DEFAULT 0,
    scale_y2 REAL NOT NULL DEFAULT 0,
    scale_metres REAL NOT NULL DEFAULT 0 CHECK (scale_metres >= 0),
    north REAL NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1),
    CHECK ((image_format = '') = (length(image) = 0))
) STRICT;

CREATE TABLE booth_space (
    id INTEGER PRIMARY KEY,
    venue_id INTEGER NOT NULL REFERENCES venue (id) ON DELETE RESTRICT,
    code TEXT NOT NULL UNIQUE CHECK (code <> ''),
    x REAL NOT NULL,
    y REAL NOT NULL,
    width REAL NOT NULL CHECK (width > 0),
    depth REAL NOT NULL CHECK (depth > 0),
    rotation REAL NOT NULL DEFAULT 0,
    power INTEGER NOT NULL DEFAULT 0 CHECK (power IN (0, 1)),
    water INTEGER NOT NULL DEFAULT 0 CHECK (water IN (0, 1)),
    gas INTEGER NOT NULL DEFAULT 0 CHECK (gas IN (0, 1)),
    blocked INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
    blocked_reason TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1)
) STRICT;
CREATE INDEX booth_space_by_venue ON booth_space (venue_id);
"""

# Version 5: releases. A release is a named, frozen copy of the whole program (see
# domain/releases.py and store/releases.py); only its printed-baseline mark may change
# afterwards, and at most one release carries it. The triggers keep a release frozen
# whatever program writes to the file. The festival's guid (random, once) is the root of
# the published schedule's guids, which must never change from one release to the next:
# an item's guid comes from its id, so program_item is rebuilt with AUTOINCREMENT, and a
# new item never takes the id (and so the guid) of one that was deleted.
V5 = f"""
CREATE TABLE program_item_v4 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1),
    CHECK ("end" > start),
    CHECK (title_en <> '' OR title_ko <> '')
) STRICT;
INSERT INTO program_item_v4 SELECT id, day_id, venue_id, start, "end", title_en, title_ko,
    kind, troupe_id, setup_min, teardown_min, status, notes, row_version FROM program_item;
DROP TABLE program_item;
ALTER TABLE program_item_v4 RENAME TO program_item;
CREATE INDEX program_item_by_day ON program_item (day_id, venue_id, start);
CREATE INDEX program_item_by_venue ON program_item (venue_id);
CREATE INDEX program_item_by_troupe ON program_item (troupe_id);

CREATE TABLE festival_guid (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    guid TEXT NOT NULL CHECK (length(guid) = 36)
) STRICT;
INSERT INTO festival_guid (id, guid)
    SELECT 1, lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3)
        || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-'
        || substr(h, 21, 12))
    FROM (SELECT hex(randomblob(16)) AS h);
CREATE TRIGGER festival_guid_never_changes BEFORE UPDATE ON festival_guid
BEGIN
    SELECT RAISE(ABORT, 'the festival guid never changes');
END;
CREATE TRIGGER festival_guid_is_kept BEFORE DELETE ON festival_guid
BEGIN
    SELECT RAISE(ABORT, 'the festival guid is kept');
END;

CREATE TABLE release (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (name <> '' AND length(name) <= 40),
    comment_ko TEXT NOT NULL DEFAULT '',
    comment_en TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL CHECK (created_at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T*'),
    printed INTEGER NOT NULL DEFAULT 0 CHECK (printed IN (0, 1)),
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
    snapshot TEXT NOT NULL CHECK (json_valid(snapshot))
) STRICT;
CREATE UNIQUE INDEX release_one_printed ON release (printed) WHERE printed = 1;
CREATE TRIGGER release_is_frozen
BEFORE UPDATE OF id, name, comment_ko, comment_en, created_at, content_hash, snapshot ON release
BEGIN
    SELECT RAISE(ABORT, 'a release cannot be changed');
END;
CREATE TRIGGER release_is_kept BEFORE DELETE ON release
BEGIN
    SELECT RAISE(ABORT, 'a release cannot be removed');
END;
"""


def _statements_of(script: str, *starts: str) -> str:
    """The statements of `script` that begin with `starts`, each up to its ';'."""
    taken = []
    for start in starts:
        begin = script.index(start)
        taken.append(script[begin : script.index(";", begin) + 1])
    return "\n".join(taken) + "\n"


def _refusal(name: str, message: str) -> str:
    """A plpgsql trigger function refusing a change with `message`, as SQLite's
    RAISE(ABORT, message): an integrity violation (the program reports both alike)."""
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation'; "
        "END $$;\n"
    )


# Version 5 as a PostgreSQL server runs it (see postgres.py), because part of V5's text
# has no spelling common to both engines. The tables festival_guid and release, their
# CHECKs and the one-printed-release index are V5's own statements, translated by
# store/dialect.py; the rest is written for PostgreSQL here:
# - program_item is not rebuilt: on the server its id is already an identity column,
#   which never hands out an id twice (what AUTOINCREMENT gives the file);
# - the guid is gen_random_uuid()'s, a random version-4 uuid like V5's randomblob one;
# - the triggers are plpgsql functions refusing the same changes with the same words;
#   TRUNCATE, which skips DELETE triggers and which SQLite lacks, is refused as well.
V5_POSTGRES = (
    _statements_of(V5, "CREATE TABLE festival_guid")
    + "INSERT INTO festival_guid (id, guid) VALUES (1, gen_random_uuid()::text);\n"
    + _refusal("festival_guid_never_changes", "the festival guid never changes")
    + _refusal("festival_guid_is_kept", "the festival guid is kept")
    + "CREATE TRIGGER festival_guid_never_changes BEFORE UPDATE ON festival_guid "
    "FOR EACH ROW EXECUTE FUNCTION festival_guid_never_changes();\n"
    "CREATE TRIGGER festival_guid_is_kept BEFORE DELETE ON festival_guid "
    "FOR EACH ROW EXECUTE FUNCTION festival_guid_is_kept();\n"
    "CREATE TRIGGER festival_guid_is_kept_whole BEFORE TRUNCATE ON festival_guid "
    "FOR EACH STATEMENT EXECUTE FUNCTION festival_guid_is_kept();\n"
    + _statements_of(V5, "CREATE TABLE release", "CREATE UNIQUE INDEX release_one_printed")
    + _refusal("release_is_frozen", "a release cannot be changed")
    + _refusal("release_is_kept", "a release cannot be removed")
    + "CREATE TRIGGER release_is_frozen BEFORE UPDATE OF id, name, comment_ko, comment_en, "
    "created_at, content_hash, snapshot ON release "
    "FOR EACH ROW EXECUTE FUNCTION release_is_frozen();\n"
    "CREATE TRIGGER release_is_kept BEFORE DELETE ON release "
    "FOR EACH ROW EXECUTE FUNCTION release_is_kept();\n"
    "CREATE TRIGGER release_is_kept_whole BEFORE TRUNCATE ON release "
    "FOR EACH STATEMENT EXECUTE FUNCTION release_is_kept();\n"
)


# The tables whose rows carry a row_version (since version 3; the site map's since 4).
VERSIONED_TABLES = ("festival_day", "venue", "troupe", "program_item", "booth")

# Version 6: who changed each record last and when (for team mode, where several
# computers edit one festival: a refused stale write names them). `changed_by` is
# "HOST (user)", `changed_at` UTC as 'YYYY-MM-DDTHH:MM:SSZ'; both '' on rows written before.
# The festival's own row (its name and settings) gets a row version too.
V6 = (
    "ALTER TABLE festival ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 "
    "CHECK (row_version >= 1);\n"
) + "".join(
    f"ALTER TABLE {table} ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';\n"
    f"ALTER TABLE {table} ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';\n"
    for table in (
        "festival",
        "festival_day",
        "venue",
        "troupe",
        "program_item",
        "booth",
        "site_map",
        "booth_space",
    )
)

# Version 7: the language a troupe's notices are printed in ("": both).
V7 = """
ALTER TABLE troupe ADD COLUMN language TEXT NOT NULL DEFAULT ''
    CHECK (language IN ('', 'ko', 'en'));
"""

# MIGRATIONS[n] brings a file from version n to version n + 1.
MIGRATIONS: list[str] = [V1, V2, V3, V4, V5, V6, V7]

# The migrations a PostgreSQL server runs from a text of their own (the others it runs
# from MIGRATIONS' text, translated by store/dialect.py): version -> text.
POSTGRES_MIGRATIONS: dict[int, str] = {5: V5_POSTGRES}

SCHEMA_VERSION = len(MIGRATIONS)
