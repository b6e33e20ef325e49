"""What can go wrong with a festival on a PostgreSQL server, told in plain words.

`path` in these errors is the server festival's address without any password
("postgresql://kim@db.city.go.kr:5432/festival"). Every one is a StoreError, so the
command line reports it without a traceback: a bad address, a refused sign-in or a server
that cannot be reached are the input's fault (exit code 2); a connection lost while
working is the environment's (exit code 1).
"""

from __future__ import annotations

import sqlite3

from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.store.errors import ReadOnlyError, StoreError


class ServerAddressError(StoreError):
    """A server address that cannot be used: not postgresql://, no database, a password in it."""

    bad_input = True
    template = N(
        "StoreError",
        "{path} is not a server address that can be used ({detail}). Give one like "
        "postgresql://user@host:5432/festival.",
    )


class ServerLoginError(StoreError):
    """The server refused the sign-in: a wrong user name or password."""

    bad_input = True
    template = N(
        "StoreError",
        "Could not sign in to {path}: the user name or password was not accepted. Give the "
        "password in the PGPASSWORD environment variable or a pgpass file, never in the "
        "address.",
    )


class ServerUnreachableError(StoreError):
    """No server answers at the address, or it holds no database of that name."""

    bad_input = True
    template = N(
        "StoreError",
        "The server of {path} cannot be reached ({detail}). Check the address and that "
        "the server is running.",
    )


class NoFestivalOnServerError(StoreError):
    """The database holds no festival (never set up with `server init`)."""

    bad_input = True
    template = N(
        "StoreError",
        "{path} holds no festival. Set one up there with 'festival-app server init {path}'.",
    )


class ServerNotEmptyError(StoreError):
    """`server init` into a database that already holds tables."""

    bad_input = True
    template = N(
        "StoreError",
        "{path} already holds other tables ({detail}). A festival is set up only in an "
        "empty database; nothing was changed.",
    )


class ServerRolesError(StoreError):
    """The festival's editors' and viewers' roles could not be created."""

    bad_input = True
    template = N(
        "StoreError",
        "The roles {editors} and {viewers} of {path} could not be created: this account "
        "may not create roles. Ask the server's administrator to create them (CREATE ROLE "
        "{editors} NOLOGIN; CREATE ROLE {viewers} NOLOGIN), or to run this command. "
        "Nothing was changed.",
    )


class ServerOutdatedError(StoreError):
    """An older festival schema that this account may not bring up to date."""

    bad_input = True
    template = N(
        "StoreError",
        "The festival on {path} is in an older format, which this account may not bring up "
        "to date. Ask {owner}, who set it up, to open it once with this version of the "
        "program. Nothing was changed.",
    )


class ConnectionLostError(StoreError):
    """The connection to the server was lost while working; the change was not saved."""

    template = N(
        "StoreError",
        "The connection to {path} was lost ({detail}). The last change was not saved; "
        "nothing of it was written.",
    )


class LostAtCommitError(ConnectionLostError):
    """Lost while the server was committing: whether the change was saved is not known."""

    template = N(
        "StoreError",
        "The connection to {path} was lost while the change was being saved ({detail}), so "
        "it is not known whether it was saved. When the server is back, everything is read "
        "again and shows whether it was.",
    )


class ServerReadOnlyError(ReadOnlyError):
    """The server refused a write: the account is a viewer's (the database itself says no)."""

    template = N(
        "StoreError",
        "{path}: this account may only read the festival (viewer), so this change was not saved.",
    )


class ConstraintError(sqlite3.IntegrityError):
    """The server refused a write that breaks a rule of the festival (a unique code taken
    at the same moment on another computer, a record deleted meanwhile).

    A DB-API IntegrityError like SQLite's, so the service turns it into the same plain
    message whichever engine refused the write; its text is PostgreSQL's own detail
    ("Key (code)=(A-01) already exists.").
    """
