"""The user's errors: the one base class of every error shown as a message, and a record's problems."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from festival_app.domain.korean import attach_particles
from festival_app.i18n import translate

CONTEXT = "Validation"
FIELD_CONTEXT = "Field"


class Severity(StrEnum):
    """How much a problem matters: a clash, or a problem in a workbook."""

    ERROR = "error"  # must be fixed: a double booking; a row that cannot be imported
    WARNING = "warning"  # worth a look: a short changeover; an unknown column
    INFO = "info"  # for the record: a troupe with nothing in the program


SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}  # errors first


class UserError(Exception):
    """A problem the user can understand and act on, told as a message, never as a crash.

    Every error meant for the user derives from this class, and `message()` is the one way
    to get its words, in the interface's language. `bad_input` says whose fault it is: the
    user's input (exit code 2 on the command line) or the environment (disk full, a busy
    file: exit code 1). Anything else raised is a bug and reaches the crash dialog.
    """

    bad_input = True

    def message(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of a record.

    `template` is the English source of a translatable sentence with `{named}` slots.
    """

    field: str
    template: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def message(self) -> str:
        # Field names arrive as English sources marked in the "Field" context.
        params = {
            key: translate(FIELD_CONTEXT, str(value)) if key.endswith("label") else value
            for key, value in self.params.items()
        }
        return attach_particles(translate(CONTEXT, self.template).format(**params))

    def __str__(self) -> str:
        return self.message()


class ValidationError(UserError):
    """A record broke one or more rules; nothing was written."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(p.message() for p in self.problems))

    def message(self) -> str:
        return "; ".join(p.message() for p in self.problems)

    def for_field(self, name: str) -> list[Problem]:
        return [p for p in self.problems if p.field == name]
